//! A small document model, so that one report is written once and printed as
//! plain text, Markdown or a self-contained HTML page.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use crate::i18n::{Catalogue, Lang};

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The document's title (one per document).
    Title(String),
    /// A line under the title: the period, what it is compared with.
    Subtitle(String),
    /// A section heading: in the review, a monitoring question.
    Heading(String),
    Para(String),
    /// Small print: how a figure was counted.
    Note(String),
    /// Columns from `numeric_from` on are right-aligned.
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
        numeric_from: usize,
    },
    /// A horizontal bar chart (categories, channels, kinds).
    Bars {
        caption: String,
        bars: Vec<(String, u64)>,
    },
    /// A column chart (cases per month).
    Columns {
        caption: String,
        bars: Vec<(String, u64)>,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doc {
    pub blocks: Vec<Block>,
    /// The language the blocks are written in (HTML's `lang`).
    pub lang: Lang,
    /// The few words the formats add themselves, in the same language.
    pub chart: ChartWords,
}

/// The words a format adds round a chart: the head of the table a chart
/// becomes in Markdown, and what an empty chart says in HTML.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartWords {
    pub cases: String,
    pub share: String,
    pub none: String,
}

impl ChartWords {
    pub fn new(t: &Catalogue) -> ChartWords {
        ChartWords {
            cases: t.tr("review-cases-head", None),
            share: t.tr("review-share-head", None),
            none: t.tr("review-none-in-period", None),
        }
    }
}

impl Default for ChartWords {
    fn default() -> ChartWords {
        ChartWords::new(Catalogue::shared(Lang::En))
    }
}

impl Doc {
    /// An empty document in the catalogue's language.
    pub fn in_language(t: &Catalogue) -> Doc {
        Doc {
            blocks: Vec::new(),
            lang: t.lang(),
            chart: ChartWords::new(t),
        }
    }
}

const TEXT_WIDTH: usize = 78;
const TEXT_BAR: usize = 30;

impl Doc {
    pub fn push(&mut self, b: Block) {
        self.blocks.push(b);
    }

    fn title(&self) -> &str {
        self.blocks
            .iter()
            .find_map(|b| match b {
                Block::Title(t) => Some(t.as_str()),
                _ => None,
            })
            .unwrap_or("casebook")
    }

    /// Plain text for the terminal: wrapped, tables aligned, bars drawn.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            match b {
                Block::Title(t) => {
                    let _ = writeln!(out, "{t}\n{}", "=".repeat(t.width()));
                }
                Block::Subtitle(t) => {
                    let _ = writeln!(out, "{}", wrap(t, TEXT_WIDTH, ""));
                }
                Block::Heading(t) => {
                    if !out.ends_with("\n\n") {
                        out.push('\n');
                    }
                    let _ = writeln!(out, "{t}\n{}", "-".repeat(t.width().min(TEXT_WIDTH)));
                }
                Block::Para(t) => {
                    let _ = writeln!(out, "{}", wrap(t, TEXT_WIDTH, ""));
                }
                Block::Note(t) => {
                    let _ = writeln!(out, "{}", wrap(t, TEXT_WIDTH, "  "));
                }
                Block::Table {
                    head,
                    rows,
                    numeric_from,
                } => {
                    out.push_str(&text_table(head, rows, *numeric_from));
                    out.push('\n');
                }
                Block::Bars { caption, bars } | Block::Columns { caption, bars } => {
                    let _ = writeln!(out, "{caption}:");
                    out.push_str(&text_bars(bars));
                    out.push('\n');
                }
            }
        }
        out
    }

    /// Markdown for a report to the group or a newsletter. Charts become
    /// tables with each row's share.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            match b {
                Block::Title(t) => {
                    let _ = writeln!(out, "# {}\n", md(t));
                }
                Block::Subtitle(t) => {
                    let _ = writeln!(out, "*{}*\n", md(t));
                }
                Block::Heading(t) => {
                    let _ = writeln!(out, "## {}\n", md(t));
                }
                Block::Para(t) => {
                    let _ = writeln!(out, "{}\n", md(t));
                }
                Block::Note(t) => {
                    let _ = writeln!(out, "> {}\n", md(t));
                }
                Block::Table {
                    head,
                    rows,
                    numeric_from,
                } => out.push_str(&md_table(head, rows, *numeric_from)),
                Block::Bars { caption, bars } | Block::Columns { caption, bars } => {
                    let total: u64 = bars.iter().map(|(_, n)| n).sum();
                    let rows: Vec<Vec<String>> = bars
                        .iter()
                        .map(|(l, n)| vec![l.clone(), n.to_string(), share(*n, total)])
                        .collect();
                    let head = vec![
                        caption.clone(),
                        self.chart.cases.clone(),
                        self.chart.share.clone(),
                    ];
                    out.push_str(&md_table(&head, &rows, 1));
                }
            }
        }
        out
    }

    /// One self-contained printable page: inline CSS and SVG, no scripts, no
    /// network, A4 print rules. Every piece of text is escaped.
    pub fn html(&self) -> String {
        let mut out = page_head(html_lang(self.lang), self.title());
        out.push_str("<main>\n");
        self.html_body(&mut out);
        out.push_str("</main>\n</body>\n</html>\n");
        out
    }

    /// One page with the same document in two languages side by side, the
    /// first language first (Welsh public bodies publish Welsh first or side
    /// by side); each half carries its own `lang`. On a narrow screen the
    /// halves stack.
    pub fn html_side_by_side(first: &Doc, second: &Doc) -> String {
        let title = format!("{} / {}", first.title(), second.title());
        let mut out = page_head(html_lang(first.lang), &title);
        out.push_str("<main class=\"bilingual\">\n");
        for doc in [first, second] {
            let _ = writeln!(out, "<section lang=\"{}\">", html_lang(doc.lang));
            doc.html_body(&mut out);
            out.push_str("</section>\n");
        }
        out.push_str("</main>\n</body>\n</html>\n");
        out
    }

    fn html_body(&self, out: &mut String) {
        for b in &self.blocks {
            match b {
                Block::Title(t) => {
                    let _ = writeln!(out, "<h1>{}</h1>", esc(t));
                }
                Block::Subtitle(t) => {
                    let _ = writeln!(out, "<p class=\"subtitle\">{}</p>", esc(t));
                }
                Block::Heading(t) => {
                    let _ = writeln!(out, "<h2>{}</h2>", esc(t));
                }
                Block::Para(t) => {
                    let _ = writeln!(out, "<p>{}</p>", esc_code(t));
                }
                Block::Note(t) => {
                    let _ = writeln!(out, "<p class=\"note\">{}</p>", esc_code(t));
                }
                Block::Table {
                    head,
                    rows,
                    numeric_from,
                } => out.push_str(&html_table(head, rows, *numeric_from)),
                Block::Bars { caption, bars } => {
                    out.push_str(&svg_bars(caption, bars, &self.chart.none))
                }
                Block::Columns { caption, bars } => out.push_str(&svg_columns(caption, bars)),
            }
        }
    }
}

/// The `lang` attribute of a page or section.
fn html_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en-GB",
        Lang::Cy => "cy",
    }
}

fn page_head(lang: &str, title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        esc(title)
    )
}

/// A share of a total as a whole percentage, "" when the total is 0.
pub fn share(n: u64, total: u64) -> String {
    if total == 0 {
        String::new()
    } else {
        format!("{:.0}%", n as f64 * 100.0 / total as f64)
    }
}

fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for para in text.split('\n') {
        let mut line = String::from(indent);
        for word in para.split_whitespace() {
            if line.trim().is_empty() {
                line.push_str(word);
            } else if line.width() + 1 + word.width() > width {
                lines.push(std::mem::replace(&mut line, format!("{indent}{word}")));
            } else {
                line.push(' ');
                line.push_str(word);
            }
        }
        lines.push(line);
    }
    lines.join("\n")
}

fn pad(s: &str, width: usize, right: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(s.width()));
    if right {
        format!("{fill}{s}")
    } else {
        format!("{s}{fill}")
    }
}

fn text_table(head: &[String], rows: &[Vec<String>], numeric_from: usize) -> String {
    let cols = head.len();
    let mut widths: Vec<usize> = head.iter().map(|h| h.width()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate().take(cols) {
            widths[i] = widths[i].max(c.width());
        }
    }
    let line = |cells: &[String]| {
        let mut s = String::from("  ");
        for (i, w) in widths.iter().enumerate() {
            let c = cells.get(i).map(String::as_str).unwrap_or("");
            s.push_str(&pad(c, *w, i >= numeric_from));
            if i + 1 < cols {
                s.push_str("  ");
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(head);
    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
    out.push_str(&line(&rule));
    for r in rows {
        out.push_str(&line(r));
    }
    out
}

fn text_bars(bars: &[(String, u64)]) -> String {
    let max = bars.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let label_w = bars.iter().map(|(l, _)| l.width()).max().unwrap_or(0);
    let num_w = bars
        .iter()
        .map(|(_, n)| n.to_string().len())
        .max()
        .unwrap_or(1);
    let mut out = String::new();
    for (label, n) in bars {
        let len = if max == 0 {
            0
        } else {
            ((*n as f64 / max as f64) * TEXT_BAR as f64).round() as usize
        };
        let len = if *n > 0 { len.max(1) } else { 0 };
        let _ = writeln!(
            out,
            "  {}  {:>num_w$}  {}",
            pad(label, label_w, false),
            n,
            "█".repeat(len)
        );
    }
    out
}

/// Markdown text: characters that would start markup are escaped.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn md_table(head: &[String], rows: &[Vec<String>], numeric_from: usize) -> String {
    let cell = |s: &str| md(s).replace('\n', " ");
    let mut out = String::from("|");
    for h in head {
        let _ = write!(out, " {} |", cell(h));
    }
    out.push_str("\n|");
    for i in 0..head.len() {
        out.push_str(if i >= numeric_from {
            " ---: |"
        } else {
            " --- |"
        });
    }
    out.push('\n');
    for r in rows {
        out.push('|');
        for i in 0..head.len() {
            let _ = write!(
                out,
                " {} |",
                cell(r.get(i).map(String::as_str).unwrap_or(""))
            );
        }
        out.push('\n');
    }
    out.push('\n');
    out
}

/// HTML-escapes text for element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// [`esc`], with a command written between backticks (`` `casebook …` ``,
/// as the catalogue writes them for the terminal) set as `<code>`: on a
/// printed page, literal backticks read as stray marks. An unpaired
/// backtick stays as it is.
fn esc_code(s: &str) -> String {
    let parts: Vec<&str> = s.split('`').collect();
    if parts.len() < 3 {
        return esc(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let last = parts.len() - 1;
    for (i, part) in parts.iter().enumerate() {
        let inside = i % 2 == 1;
        if inside && i == last {
            // An odd backtick out: keep it.
            out.push('`');
            out.push_str(&esc(part));
        } else if inside {
            out.push_str("<code>");
            out.push_str(&esc(part));
            out.push_str("</code>");
        } else {
            out.push_str(&esc(part));
        }
    }
    out
}

fn html_table(head: &[String], rows: &[Vec<String>], numeric_from: usize) -> String {
    let class = |i: usize| {
        if i >= numeric_from {
            " class=\"num\""
        } else {
            ""
        }
    };
    let mut out = String::from("<table>\n<thead><tr>");
    for (i, h) in head.iter().enumerate() {
        let _ = write!(out, "<th{}>{}</th>", class(i), esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for r in rows {
        out.push_str("<tr>");
        for i in 0..head.len() {
            let c = r.get(i).map(String::as_str).unwrap_or("");
            let _ = write!(out, "<td{}>{}</td>", class(i), esc(c));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

const SVG_WIDTH: u32 = 640;

fn svg_bars(caption: &str, bars: &[(String, u64)], none: &str) -> String {
    // The label column fits the longest label (about 7 units a character).
    let longest = bars
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0) as u32;
    let label_w = (longest * 7 + 12).clamp(80, 300);
    let row_h = 22u32;
    let bar_w = SVG_WIDTH - label_w - 70;
    let max = bars.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let height = (bars.len() as u32).max(1) * row_h + 8;
    let mut out = format!(
        "<figure>\n<figcaption>{}</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
         viewBox=\"0 0 {SVG_WIDTH} {height}\" width=\"100%\" role=\"img\" aria-label=\"{}\">\n",
        esc(caption),
        esc(caption)
    );
    if bars.is_empty() {
        let _ = writeln!(
            out,
            "<text x=\"0\" y=\"16\" class=\"none\">{}</text>",
            esc(none)
        );
    }
    for (i, (label, n)) in bars.iter().enumerate() {
        let y = i as u32 * row_h + 4;
        let w = ((*n as f64 / max as f64) * f64::from(bar_w)).round() as u32;
        let w = if *n > 0 { w.max(2) } else { 0 };
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{label_w}\" y=\"{y}\" width=\"{w}\" height=\"{}\"/>\
             <text x=\"{}\" y=\"{}\">{n}</text>",
            label_w - 8,
            y + 14,
            esc(label),
            row_h - 6,
            label_w + w + 6,
            y + 14,
        );
    }
    out.push_str("</svg>\n</figure>\n");
    out
}

fn svg_columns(caption: &str, bars: &[(String, u64)]) -> String {
    let (top, chart_h, label_h) = (18u32, 160u32, 22u32);
    let n_cols = (bars.len() as u32).max(1);
    let slot = (SVG_WIDTH - 20) / n_cols;
    let max = bars.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let height = top + chart_h + label_h;
    let mut out = format!(
        "<figure>\n<figcaption>{}</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
         viewBox=\"0 0 {SVG_WIDTH} {height}\" width=\"100%\" role=\"img\" aria-label=\"{}\">\n\
         <line x1=\"10\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"axis\"/>\n",
        esc(caption),
        esc(caption),
        top + chart_h,
        SVG_WIDTH - 10,
        top + chart_h
    );
    for (i, (label, n)) in bars.iter().enumerate() {
        let x = 10 + i as u32 * slot;
        let h = ((*n as f64 / max as f64) * f64::from(chart_h)).round() as u32;
        let h = if *n > 0 { h.max(2) } else { 0 };
        let mid = x + slot / 2;
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{h}\"/>\
             <text x=\"{mid}\" y=\"{}\" text-anchor=\"middle\">{n}</text>\
             <text x=\"{mid}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            x + slot / 6,
            top + chart_h - h,
            slot * 2 / 3,
            top + chart_h - h - 4,
            top + chart_h + 16,
            esc(label)
        );
    }
    out.push_str("</svg>\n</figure>\n");
    out
}

const CSS: &str = "
:root { color-scheme: light; }
body { font-family: 'Segoe UI', 'Helvetica Neue', Arial, sans-serif; color: #1a1a1a;
  background: #fff; margin: 0; line-height: 1.4; }
main { max-width: 180mm; margin: 0 auto; padding: 12mm 8mm; }
h1 { font-size: 1.7em; margin: 0 0 .2em; color: #123c69; }
h2 { font-size: 1.15em; margin: 1.4em 0 .4em; color: #123c69; border-bottom: 2px solid #c9d6e3;
  padding-bottom: .15em; break-after: avoid; page-break-after: avoid; }
p { margin: .35em 0; }
p.subtitle { color: #444; margin-bottom: 1em; }
p.note { color: #555; font-size: .85em; }
code { font-family: 'Consolas', 'DejaVu Sans Mono', monospace; font-size: .9em;
  background: #f1f4f7; padding: 0 .2em; }
h1, h2, p, th, td { overflow-wrap: break-word; }
table { border-collapse: collapse; margin: .4em 0 .8em; min-width: 50%;
  break-inside: avoid; page-break-inside: avoid; font-size: .92em; }
th, td { border-bottom: 1px solid #d5dde5; padding: .2em .6em; text-align: left; }
th { background: #eef3f8; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: .4em 0 1em; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: 600; font-size: .92em; margin-bottom: .2em; }
svg { max-width: 170mm; height: auto; font-size: 12px; }
svg text { fill: #1a1a1a; }
svg rect { fill: #2e6da4; }
svg .axis { stroke: #888; stroke-width: 1; }
svg .none { fill: #666; font-style: italic; }
main.bilingual { max-width: none; display: grid; grid-template-columns: 1fr 1fr; gap: 10mm; }
main.bilingual section { min-width: 0; }
@media (max-width: 900px) { main.bilingual { grid-template-columns: 1fr; } }
@page { size: A4; margin: 15mm; }
@media print {
  main { max-width: none; padding: 0; }
  body { font-size: 10.5pt; }
  h2 { page-break-after: avoid; }
  svg rect { fill: #2e6da4; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_between_backticks_are_code_on_the_page() {
        assert_eq!(
            esc_code("run `casebook review --compare FILE…` & see"),
            "run <code>casebook review --compare FILE…</code> &amp; see"
        );
        assert_eq!(esc_code("one ` only"), "one ` only");
        assert_eq!(esc_code("`a` and `b"), "<code>a</code> and `b");
        assert_eq!(esc_code("`<b>`"), "<code>&lt;b&gt;</code>");
    }

    #[test]
    fn html_escapes_everything() {
        let mut d = Doc::default();
        d.push(Block::Title("<script>alert('x')</script>".into()));
        d.push(Block::Bars {
            caption: "a & b".into(),
            bars: vec![("\"q\"".into(), 3)],
        });
        let h = d.html();
        assert!(!h.contains("<script"), "{h}");
        assert!(h.contains("&lt;script&gt;"));
        assert!(h.contains("a &amp; b"));
        assert!(h.contains("&quot;q&quot;"));
    }

    #[test]
    fn text_tables_align_numbers_right() {
        let t = text_table(
            &["Figure".into(), "Now".into()],
            &[
                vec!["Cases".into(), "7".into()],
                vec!["People".into(), "12".into()],
            ],
            1,
        );
        assert!(t.contains("  Cases     7\n"), "{t}");
        assert!(t.contains("  People   12\n"), "{t}");
    }
}
