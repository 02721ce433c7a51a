//! A form: a label column, the inputs, and each field's error beside it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::app::form::{Field, Form, Input};
use crate::app::text;
use crate::ui::widgets::panel;
use crate::ui::{Theme, centered, cut};

const LABEL: u16 = 21;

/// The lines of a field and where its cursor is (row within them, column).
type FieldLines<'a> = (Vec<Line<'a>>, Option<(u16, u16)>);
/// Lines a note shows before it scrolls with the cursor.
const NOTE_LINES: usize = 4;

/// The lines of one field (and where the cursor goes, if focused).
fn field_lines<'a>(
    f: &'a Field,
    focused: bool,
    width: u16,
    theme: &Theme,
) -> (Vec<Line<'a>>, Option<(u16, u16)>) {
    let label_style = if focused { theme.key() } else { theme.plain() };
    let mut label = format!("{:>w$} ", f.label, w = (LABEL - 2) as usize);
    if UnicodeWidthStr::width(label.as_str()) > LABEL as usize {
        label = cut(&label, LABEL as usize);
    }
    let input_w = width.saturating_sub(LABEL + 1).max(4);
    let pad = " ".repeat(LABEL as usize);
    let mut lines = Vec::new();
    let mut cursor = None;
    match &f.input {
        Input::Text(t) => {
            let (wrapped, (row, col)) = t.wrapped(input_w);
            let (first, count) = if t.is_multiline() {
                let first = (row as usize + 1).saturating_sub(NOTE_LINES);
                (first, NOTE_LINES.min(wrapped.len()).max(1))
            } else {
                // A single line scrolls sideways to keep the cursor in view.
                (0, 1)
            };
            for (i, l) in wrapped.iter().skip(first).take(count).enumerate() {
                let lead = if i == 0 {
                    Span::styled(label.clone(), label_style)
                } else {
                    Span::raw(pad.clone())
                };
                lines.push(Line::from(vec![
                    lead,
                    Span::styled("▏", theme.dim()),
                    Span::raw(l.clone()),
                ]));
            }
            if t.is_multiline() || row == 0 {
                cursor = Some((row.saturating_sub(first as u16), col.min(input_w)));
            }
            if !t.is_multiline() && wrapped.len() > 1 {
                // Show the tail that holds the cursor.
                let text = t.text();
                let before = &text[..t.cursor()];
                let w = before.width() as u16;
                let start = w.saturating_sub(input_w.saturating_sub(1));
                let visible: String = skip_cells(text, start as usize);
                lines[0] = Line::from(vec![
                    Span::styled(label.clone(), label_style),
                    Span::styled("▏", theme.dim()),
                    Span::raw(cut(&visible, input_w as usize)),
                ]);
                cursor = Some((0, w - start));
            }
        }
        Input::Choice { options, selected } => {
            let value = options.get(*selected).map(|o| o.1.as_str()).unwrap_or("");
            let marks = if focused {
                ("◂ ", " ▸")
            } else {
                ("  ", "")
            };
            lines.push(Line::from(vec![
                Span::styled(label.clone(), label_style),
                Span::styled("▏", theme.dim()),
                Span::styled(marks.0, theme.key()),
                Span::styled(
                    value.to_string(),
                    if focused {
                        theme.title()
                    } else {
                        theme.plain()
                    },
                ),
                Span::styled(marks.1, theme.key()),
            ]));
        }
        Input::Pick(p) => {
            // What is typed, then the choice it makes; focused, the
            // options that fit are listed under it (a person has few).
            let typed = p.filter.text();
            let chosen = p.value().map(|_| {
                p.options
                    .get(p.selected)
                    .map(|o| o.1.as_str())
                    .unwrap_or("")
            });
            let mut spans = vec![
                Span::styled(label.clone(), label_style),
                Span::styled("▏", theme.dim()),
            ];
            let typed_w = UnicodeWidthStr::width(typed) as u16;
            if !typed.is_empty() {
                spans.push(Span::raw(cut(typed, input_w as usize)));
                spans.push(Span::raw("  "));
            }
            match chosen {
                Some(c) => spans.push(Span::styled(
                    cut(c, input_w.saturating_sub(typed_w + 2) as usize),
                    if focused {
                        theme.title()
                    } else {
                        theme.plain()
                    },
                )),
                None => spans.push(Span::styled(text::form::PICK_NONE_FITS, theme.warn())),
            }
            lines.push(Line::from(spans));
            cursor = Some((0, typed_w.min(input_w)));
            if focused {
                let vis = p.visible();
                if vis.len() > 1 {
                    for i in vis.into_iter().take(6) {
                        let style = if i == p.selected {
                            theme.selected()
                        } else {
                            theme.plain()
                        };
                        let label = p.options.get(i).map(|o| o.1.as_str()).unwrap_or("");
                        lines.push(Line::from(vec![
                            Span::raw(pad.clone()),
                            Span::styled(
                                format!(" {} ", cut(label, input_w.saturating_sub(2) as usize)),
                                style,
                            ),
                        ]));
                    }
                }
            }
        }
        Input::Who {
            field,
            chosen,
            matches,
            selected,
        } => {
            let (wrapped, (_, col)) = field.wrapped(u16::MAX / 2);
            let mut spans = vec![
                Span::styled(label.clone(), label_style),
                Span::styled("▏", theme.dim()),
                Span::raw(cut(
                    wrapped.first().map(String::as_str).unwrap_or(""),
                    input_w as usize,
                )),
            ];
            if let Some(m) = chosen {
                if m.caution {
                    spans.push(Span::styled(" ⚠ ", theme.caution()));
                }
                spans.push(Span::styled(
                    format!("  {}", text::form::CHOSEN),
                    theme.ok(),
                ));
            } else if !field.is_empty() && (matches.is_empty() || *selected == matches.len()) {
                spans.push(Span::styled(
                    format!("  {}", text::form::NEW_CONTACT),
                    theme.warn(),
                ));
            }
            lines.push(Line::from(spans));
            cursor = Some((0, col.min(input_w)));
            if focused && chosen.is_none() && !matches.is_empty() {
                for (i, m) in matches.iter().enumerate() {
                    let style = if i == *selected {
                        theme.selected()
                    } else {
                        theme.plain()
                    };
                    let mut spans = vec![
                        Span::raw(pad.clone()),
                        Span::styled(format!(" {} ", m.name), style),
                    ];
                    if m.caution {
                        spans.push(Span::styled(" ⚠ ", theme.caution()));
                    }
                    spans.push(Span::styled(
                        format!(" {}", cut(&m.detail, 30)),
                        theme.dim(),
                    ));
                    lines.push(Line::from(spans));
                }
                let style = if *selected == matches.len() {
                    theme.selected()
                } else {
                    theme.dim()
                };
                lines.push(Line::from(vec![
                    Span::raw(pad.clone()),
                    Span::styled(
                        format!(" {} “{}” ", text::form::NEW_CHOICE, cut(field.text(), 30)),
                        style,
                    ),
                ]));
            }
        }
    }
    if let Some(e) = f.shown_error() {
        lines.push(Line::from(vec![
            Span::raw(pad.clone()),
            Span::styled(format!("✗ {e}"), theme.error()),
        ]));
    } else if f.optional && focused && f.input.text().is_empty() {
        lines.push(Line::from(vec![
            Span::raw(pad),
            Span::styled(text::form::OPTIONAL, theme.dim()),
        ]));
    }
    (lines, cursor.filter(|_| focused))
}

/// The text after the first `cells` display cells.
fn skip_cells(s: &str, cells: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut w = 0;
    let mut out = String::new();
    for c in s.chars() {
        if w >= cells {
            out.push(c);
        }
        w += c.width().unwrap_or(0);
    }
    out
}

pub fn draw(f: &Form, theme: &Theme, frame: &mut Frame, area: Rect) {
    let width = 96.min(area.width.saturating_sub(2));
    let inner_w = width.saturating_sub(2);
    let mut blocks: Vec<FieldLines> = Vec::new();
    let mut focus_block = 0;
    for (i, field) in f.fields.iter().enumerate() {
        if field.hidden {
            continue;
        }
        if i == f.focus {
            focus_block = blocks.len();
        }
        blocks.push(field_lines(field, i == f.focus, inner_w, theme));
    }
    let notice_h = u16::from(f.notice.is_some());
    let wanted: u16 = blocks.iter().map(|b| b.0.len() as u16).sum::<u16>() + 2 + notice_h;
    // At most six rows short of the window: centred, a tall form then
    // leaves the status line and the footer's two lines in view, so a small
    // window still shows the form's keys and messages.
    let r = centered(area, width, wanted.min(area.height.saturating_sub(6)));
    frame.render_widget(Clear, r);
    let block = panel(f.title, true, theme);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let avail = inner.height.saturating_sub(notice_h) as usize;
    // Scroll whole fields so the focused one is in view.
    let mut first = 0;
    while first < focus_block
        && blocks[first..=focus_block]
            .iter()
            .map(|b| b.0.len())
            .sum::<usize>()
            > avail
    {
        first += 1;
    }
    let mut y = 0u16;
    for (lines, cursor) in blocks.into_iter().skip(first) {
        for (k, line) in lines.into_iter().enumerate() {
            if (y as usize) >= avail {
                break;
            }
            let row = Rect::new(inner.x, inner.y + y, inner.width, 1);
            frame.render_widget(Paragraph::new(line), row);
            if let Some((cr, cc)) = cursor
                && cr as usize == k
            {
                frame.set_cursor_position((inner.x + LABEL + 1 + cc, inner.y + y));
            }
            y += 1;
        }
    }
    if let Some(n) = &f.notice {
        let row = Rect::new(
            inner.x,
            inner.y + inner.height.saturating_sub(1),
            inner.width,
            1,
        );
        frame.render_widget(Paragraph::new(Line::styled(n.clone(), theme.error())), row);
    }
}
