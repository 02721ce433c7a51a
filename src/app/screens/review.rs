//! The yearly review: every monitoring question answered beside the
//! previous period, with bars for the profile of problems and tables of who
//! got in touch. Reads the review computed in `update`; never the store.

use crate::app::forms::{self, FormKind};
use crate::app::popups::form as form_popup;
use crate::app::{Action, Cx, Effects, layout};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::app::text::review as t;
use crate::domain::Question;
use crate::report::review::{Counts, Headline, Review, UNKNOWN};
use crate::report::review_doc as doc;
use crate::report::review_doc::demographic;
use crate::ui::widgets::panel;
use crate::ui::{Theme, cut};
use chrono::NaiveDate;

use crate::Result;
use crate::report::review::Period;
use crate::store::Store;

/// Which kind of period is reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    /// January to December.
    Calendar,
    /// A year starting in this month (the municipal year, May by default).
    Municipal(u32),
    /// A range of dates the councillor typed.
    Custom,
}

/// The month a municipal year starts in: the config's, or May when the
/// config keeps calendar years.
pub fn municipal_month(year_start_month: u32) -> u32 {
    if year_start_month == 1 {
        5
    } else {
        year_start_month
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReviewView {
    pub kind: PeriodKind,
    pub period: Period,
    pub review: Option<Box<Review>>,
    pub scroll: u16,
}

impl ReviewView {
    /// The review year containing today, as configured.
    pub fn new(today: NaiveDate, year_start_month: u32) -> Result<ReviewView> {
        let period = Period::containing(today, year_start_month)?;
        let kind = if year_start_month == 1 {
            PeriodKind::Calendar
        } else {
            PeriodKind::Municipal(year_start_month)
        };
        Ok(ReviewView {
            kind,
            period,
            review: None,
            scroll: 0,
        })
    }

    pub fn reload(&mut self, store: &Store) -> Result<()> {
        self.review = Some(Box::new(store.review(&self.period)?));
        Ok(())
    }

    /// The period before (`by` = -1) or after (+1): a year for years, the
    /// same number of days for a range.
    pub fn step(&mut self, by: i32) -> Result<()> {
        self.period = match self.period.year {
            Some((y, m)) => Period::year(y + by, m)?,
            None => {
                let days = self.period.days().saturating_mul(i64::from(by));
                Period::custom(
                    crate::dates::shift(self.period.from, days),
                    crate::dates::shift(self.period.to, days),
                )?
            }
        };
        self.scroll = 0;
        Ok(())
    }

    /// Calendar year ⇄ municipal year, keeping the year containing the
    /// period's start.
    pub fn toggle_kind(&mut self, year_start_month: u32) -> Result<()> {
        let (kind, month) = match self.kind {
            PeriodKind::Calendar => {
                let m = municipal_month(year_start_month);
                (PeriodKind::Municipal(m), m)
            }
            PeriodKind::Municipal(_) | PeriodKind::Custom => (PeriodKind::Calendar, 1),
        };
        self.period = Period::containing(self.period.from, month)?;
        self.kind = kind;
        self.scroll = 0;
        Ok(())
    }

    pub fn set_custom(&mut self, period: Period) {
        self.period = period;
        self.kind = PeriodKind::Custom;
        self.scroll = 0;
    }
}

// ── Drawing ──

/// The left column when there are two: the figures fit in it whole.
const LEFT: u16 = 64;
/// Wide enough for the two columns side by side.
const TWO_COLUMNS: u16 = LEFT + 2 + 48;
const LABEL: usize = 27;
const FIGURE: usize = 12;

pub fn draw(
    w: &crate::i18n::Catalogue,
    v: &ReviewView,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let title = w.tr(t::TITLE, None);
    let block = panel(&title, true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (left, right) = columns(w, v, theme, inner.width);
    let scroll = v.scroll.min(max_scroll(w, v, area));
    match right {
        Some(right) => {
            let [a, _, b] = Layout::horizontal([
                Constraint::Length(LEFT),
                Constraint::Length(2),
                Constraint::Fill(1),
            ])
            .areas(inner);
            frame.render_widget(Paragraph::new(left).scroll((scroll, 0)), a);
            frame.render_widget(Paragraph::new(right).scroll((scroll, 0)), b);
        }
        None => frame.render_widget(
            Paragraph::new(left)
                .wrap(Wrap { trim: false })
                .scroll((scroll, 0)),
            inner,
        ),
    }
}

/// How far the review scrolls in the body `area` (its columns as drawn).
pub fn max_scroll(w: &crate::i18n::Catalogue, v: &ReviewView, area: Rect) -> u16 {
    let (left, right) = columns(w, v, &Theme::new(true), area.width.saturating_sub(2));
    let rows = left.len().max(right.map_or(0, |r| r.len()));
    crate::app::layout::max_scroll_rows(rows, area)
}

/// The review's lines: one column, or two when the window is wide.
fn columns(
    w: &crate::i18n::Catalogue,
    v: &ReviewView,
    theme: &Theme,
    width: u16,
) -> (Vec<Line<'static>>, Option<Vec<Line<'static>>>) {
    let two = width >= TWO_COLUMNS;
    let (col, right_col) = if two {
        (LEFT as usize, width.saturating_sub(LEFT + 3) as usize)
    } else {
        (width as usize, width as usize)
    };
    let mut left = period_lines(w, v, theme);
    let Some(r) = &v.review else {
        return (left, None);
    };
    left.push(Line::from(""));
    left.extend(headline(w, &r.headline, &r.previous, theme));
    let mut right = Vec::new();
    let months = month_bars(w, v, r);
    let sections: [(String, Vec<(String, u64)>); 5] = [
        (w.tr(t::BY_MONTH, None), months),
        (
            w.tr(t::BY_CATEGORY, None),
            sorted(&r.by_category, &|k| doc::category(w, k)),
        ),
        (
            w.tr(t::BY_CHANNEL, None),
            sorted(&r.by_channel, &|k| doc::channel(w, k)),
        ),
        (
            w.tr(t::BY_KIND, None),
            sorted(&r.by_kind, &|k| doc::kind(w, k)),
        ),
        (
            w.tr(t::BY_OUTCOME, None),
            sorted(&r.by_outcome, &|k| doc::outcome(w, k)),
        ),
    ];
    for (i, (title, rows)) in sections.into_iter().enumerate() {
        // Months and outcomes beside the figures; the profile on the right.
        let target = if two && (1..=3).contains(&i) {
            &mut right
        } else {
            &mut left
        };
        let width = if two && (1..=3).contains(&i) {
            right_col
        } else {
            col
        };
        if !target.is_empty() {
            target.push(Line::from(""));
        }
        target.extend(bars(w, &title, &rows, width, theme));
    }
    let d = &r.demographics;
    for (title, q, counts) in [
        (w.tr(t::GENDER, None), Some(Question::Gender), &d.gender),
        (w.tr(t::AGE, None), None, &d.age_band),
        (
            w.tr(t::ETHNICITY, None),
            Some(Question::Ethnicity),
            &d.ethnicity,
        ),
        (
            w.tr(t::EMPLOYMENT, None),
            Some(Question::EmploymentStatus),
            &d.employment_status,
        ),
    ] {
        let target = if two { &mut right } else { &mut left };
        target.push(Line::from(""));
        target.extend(table(w, &title, q, counts, right_col, theme));
    }
    (left, two.then_some(right))
}

/// "2026 – 27" or a range of dates, in the reader's month names.
fn period_label(w: &crate::i18n::Catalogue, p: &Period) -> String {
    match p.year {
        Some(_) => p.label(),
        None => range(w, p),
    }
}

fn range(w: &crate::i18n::Catalogue, p: &Period) -> String {
    w.tr(
        "period-range",
        Some(&crate::i18n::args(&[
            ("from", crate::ui::when::dmy_short(w, p.from).into()),
            ("to", crate::ui::when::dmy_short(w, p.to).into()),
        ])),
    )
}

fn period_lines(w: &crate::i18n::Catalogue, v: &ReviewView, theme: &Theme) -> Vec<Line<'static>> {
    let kind = match v.kind {
        PeriodKind::Calendar => w.tr(t::CALENDAR, None).to_string(),
        PeriodKind::Municipal(m) => {
            let month = w.month(m);
            t::municipal(w, &month)
        }
        PeriodKind::Custom => w.tr(t::CUSTOM, None).to_string(),
    };
    let p = &v.period;
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{}: ", w.tr(t::PERIOD, None)), theme.dim()),
        Span::styled(period_label(w, p), theme.title()),
        Span::raw(format!("  ({kind})")),
    ])];
    if p.year.is_some() {
        lines.push(Line::styled(range(w, p), theme.dim()));
    }
    lines.push(Line::styled(
        format!(
            "{}: {}",
            w.tr(t::PREVIOUS, None),
            period_label(w, &p.previous())
        ),
        theme.dim(),
    ));
    lines
}

/// Whether a rise in a figure is good news, bad news, or neither.
#[derive(Clone, Copy)]
enum Better {
    Up,
    Down,
    Neither,
}

/// A change between the periods: its words, and which way it went.
type Change = (String, std::cmp::Ordering);

fn row(
    label: &str,
    now: String,
    before: String,
    (change, way): Change,
    better: Better,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let rose = way.is_gt();
    let fell = way.is_lt();
    let change_style = match better {
        Better::Up if rose => theme.ok(),
        Better::Up if fell => theme.warn(),
        Better::Down if fell => theme.ok(),
        Better::Down if rose => theme.warn(),
        _ => theme.plain(),
    };
    // A label too long for its column (Welsh ones often are) wraps at a
    // word, the figures on its last line: never cut mid-word.
    let body = label.trim_start();
    let indent = &label[..label.len() - body.len()];
    let mut parts: Vec<String> =
        crate::app::textfield::wrap(body, LABEL.saturating_sub(indent.len()) as u16)
            .into_iter()
            .map(|l| format!("{indent}{}", l.trim_end()))
            .collect();
    let last = parts.pop().unwrap_or_default();
    let mut lines: Vec<Line<'static>> = parts.into_iter().map(Line::from).collect();
    lines.push(Line::from(vec![
        Span::raw(format!("{:<LABEL$}", cut(&last, LABEL))),
        Span::styled(format!("{now:>FIGURE$}"), theme.title()),
        Span::raw(format!("{before:>FIGURE$}")),
        Span::styled(format!("{change:>FIGURE$}"), change_style),
    ]));
    lines
}

fn int_change(w: &crate::i18n::Catalogue, now: u64, before: u64) -> Change {
    let way = now.cmp(&before);
    let said = match way {
        std::cmp::Ordering::Equal => w.tr(t::SAME, None).to_string(),
        std::cmp::Ordering::Greater => format!("+{}", now - before),
        std::cmp::Ordering::Less => format!("−{}", before - now),
    };
    (said, way)
}

fn float(w: &crate::i18n::Catalogue, x: Option<f64>) -> String {
    x.map_or_else(|| w.tr(t::NONE, None).to_string(), |x| format!("{x:.1}"))
}

/// How a figure with one decimal changed; `points`: a percentage's
/// change, said in percentage points.
fn float_change(
    w: &crate::i18n::Catalogue,
    now: Option<f64>,
    before: Option<f64>,
    points: bool,
) -> Change {
    use std::cmp::Ordering;
    match (now, before) {
        (Some(a), Some(b)) => {
            let d = a - b;
            if d.abs() < 0.05 {
                return (w.tr(t::SAME, None).to_string(), Ordering::Equal);
            }
            let (figure, way) = if d > 0.0 {
                (format!("+{d:.1}"), Ordering::Greater)
            } else {
                (format!("−{:.1}", -d), Ordering::Less)
            };
            let said = if points {
                w.tr1("ui-review-points", "change", figure)
            } else {
                figure
            };
            (said, way)
        }
        _ => (w.tr(t::NONE, None).to_string(), Ordering::Equal),
    }
}

fn percent(x: Option<f64>) -> Option<f64> {
    x.map(|x| (x * 1000.0).round() / 10.0)
}

fn headline(
    w: &crate::i18n::Catalogue,
    h: &Headline,
    p: &Headline,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(
        format!(
            "{:<LABEL$}{:>FIGURE$}{:>FIGURE$}{:>FIGURE$}",
            w.tr(t::HEADER[0], None),
            w.tr(t::HEADER[1], None),
            w.tr(t::HEADER[2], None),
            w.tr(t::HEADER[3], None)
        ),
        theme.dim(),
    )];
    for (label, now, before) in [
        (
            w.tr(t::PEOPLE, None),
            h.people_contacted,
            p.people_contacted,
        ),
        (w.tr(t::UNDER_30, None), h.under_30, p.under_30),
        (w.tr(t::OPENED, None), h.cases_opened, p.cases_opened),
        (w.tr(t::CLOSED, None), h.cases_closed, p.cases_closed),
        (
            w.tr(t::RESOLVED, None),
            h.resolved_satisfactorily,
            p.resolved_satisfactorily,
        ),
    ] {
        lines.extend(row(
            &label,
            now.to_string(),
            before.to_string(),
            int_change(w, now, before),
            Better::Neither,
            theme,
        ));
    }
    let (rate, prev_rate) = (percent(h.resolution_rate), percent(p.resolution_rate));
    let pct =
        |x: Option<f64>| x.map_or_else(|| w.tr(t::NONE, None).to_string(), |x| format!("{x:.0}%"));
    lines.extend(row(
        &w.tr(t::RATE, None),
        pct(rate),
        pct(prev_rate),
        float_change(w, rate, prev_rate, true),
        Better::Up,
        theme,
    ));
    lines.extend(row(
        &w.tr(t::MEDIAN, None),
        float(w, h.median_days_to_close),
        float(w, p.median_days_to_close),
        float_change(w, h.median_days_to_close, p.median_days_to_close, false),
        Better::Down,
        theme,
    ));
    lines.extend(row(
        &w.tr(t::SATISFACTION, None),
        float(w, h.average_satisfaction),
        float(w, p.average_satisfaction),
        float_change(w, h.average_satisfaction, p.average_satisfaction, false),
        Better::Up,
        theme,
    ));
    if h.satisfaction_responses > 0 {
        lines.push(Line::styled(
            t::responses(w, h.satisfaction_responses),
            theme.dim(),
        ));
    }
    lines
}

/// Biggest first; names as words.
/// The counts in the reader's words (as the written review labels them),
/// most first.
fn sorted(counts: &Counts, label: &dyn Fn(&str) -> String) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = counts
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(k, n)| (label(k), *n))
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// The twelve months of the period by name, in order.
fn month_bars(w: &crate::i18n::Catalogue, v: &ReviewView, r: &Review) -> Vec<(String, u64)> {
    let starts = v.period.month_starts();
    r.by_month
        .iter()
        .enumerate()
        .filter(|(i, _)| starts[*i] <= v.period.to)
        .map(|(i, n)| (crate::ui::when::my(w, starts[i]), *n))
        .collect()
}

/// A horizontal bar of `n` out of `max` in `width` cells, in eighths.
fn bar(n: u64, max: u64, width: usize) -> String {
    if max == 0 || width == 0 {
        return String::new();
    }
    let eighths = (n as u128 * width as u128 * 8 / max as u128) as usize;
    let mut s = "█".repeat(eighths / 8);
    const PART: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    s.push_str(PART[eighths % 8]);
    if s.is_empty() && n > 0 {
        s.push('▏');
    }
    s
}

fn bars(
    w: &crate::i18n::Catalogue,
    title: &str,
    rows: &[(String, u64)],
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(title.to_string(), theme.title())];
    if rows.iter().all(|(_, n)| *n == 0) {
        lines.push(Line::styled(w.tr(t::NO_CASES, None), theme.dim()));
        return lines;
    }
    let label_w = rows
        .iter()
        .map(|(l, _)| l.width())
        .max()
        .unwrap_or(0)
        // Room for the bar; more for the name when the column is wide.
        .min((width / 2).max(22));
    let max = rows.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let num_w = max.to_string().len();
    let bar_w = width.saturating_sub(label_w + num_w + 5);
    for (label, n) in rows {
        lines.push(Line::from(vec![
            Span::raw(format!("  {:<label_w$} ", cut(label, label_w))),
            Span::styled(format!("{n:>num_w$} "), theme.plain()),
            Span::styled(bar(*n, max, bar_w), theme.key()),
        ]));
    }
    lines
}

/// A demographic as a table: each answer (labelled as the written review
/// labels it), how many, the share; "unknown" always shown, last.
fn table(
    w: &crate::i18n::Catalogue,
    title: &str,
    q: Option<Question>,
    counts: &Counts,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(title.to_string(), theme.title())];
    let total: u64 = counts.values().sum();
    let mut rows: Vec<(String, u64)> = counts
        .iter()
        .filter(|(k, _)| k.as_str() != UNKNOWN)
        .map(|(k, n)| (demographic(w, q, k), *n))
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let unknown = demographic(w, q, UNKNOWN);
    rows.push((unknown.clone(), counts.get(UNKNOWN).copied().unwrap_or(0)));
    let label_w = rows
        .iter()
        .map(|(l, _)| l.width())
        .max()
        .unwrap_or(0)
        .clamp(8, width.saturating_sub(14).max(8));
    for (label, n) in rows {
        let share = if total > 0 {
            format!("{:>4.0}%", n as f64 * 100.0 / total as f64)
        } else {
            String::new()
        };
        let style = if label == unknown {
            theme.dim()
        } else {
            theme.plain()
        };
        lines.push(Line::styled(
            format!("  {:<label_w$}{n:>6} {share}", cut(&label, label_w)),
            style,
        ));
    }
    lines
}

// ── Keys ──

pub const ACTIONS: &[Action] = &[
    Action::PrevPeriod,
    Action::NextPeriod,
    Action::PeriodKind,
    Action::CustomPeriod,
    Action::Back,
];

impl ReviewView {
    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Result<Effects> {
        let max = || max_scroll(cx.words, self, layout::Areas::of_size(cx.size).body);
        match action {
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => self.scroll = self.scroll.saturating_add(1).min(max()),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::PageDown => self.scroll = self.scroll.saturating_add(10).min(max()),
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll = max(),
            Action::PrevPeriod | Action::NextPeriod => {
                self.step(if action == Action::PrevPeriod { -1 } else { 1 })?;
                self.reload(cx.store)?;
            }
            Action::PeriodKind => {
                self.toggle_kind(cx.config.year_start_month)?;
                self.reload(cx.store)?;
            }
            Action::CustomPeriod => {
                let form = forms::review_range(self.period.from, self.period.to);
                return Ok(form_popup::open(FormKind::ReviewRange, form, cx));
            }
            _ => {}
        }
        Ok(Vec::new())
    }
}
