//! Drawing: `render(&App, &mut Frame)` only reads the state; no SQL here.

pub mod popups;
pub mod screens;
pub mod theme;
pub mod widgets;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{App, Screen, text};
pub use theme::Theme;

/// The smallest window the UI is laid out for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let theme = Theme::new(app.no_color);
    if app.privacy {
        let y = area.height / 2;
        let line = Paragraph::new(Line::styled(text::PRIVACY, theme.dim()).centered());
        frame.render_widget(line, Rect::new(area.x, area.y + y, area.width, 1));
        return;
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let p = Paragraph::new(text::TOO_SMALL)
            .wrap(Wrap { trim: true })
            .centered();
        let y = area.height / 2;
        frame.render_widget(
            p,
            Rect::new(
                area.x,
                area.y + y.saturating_sub(1),
                area.width,
                3.min(area.height),
            ),
        );
        return;
    }
    let [header, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(2),
    ])
    .areas(area);
    draw_header(app, &theme, frame, header);
    match &app.screen {
        Screen::Home => screens::home::draw(app, &theme, frame, body),
        Screen::Cases(v) => screens::cases::draw(v, &theme, frame, body),
        Screen::Case(v) => screens::case::draw(v, &theme, frame, body),
        Screen::Contacts(v) => screens::contacts::draw_list(v, &theme, frame, body),
        Screen::Contact(v) => {
            let file_key = app.keymap.label(&crate::app::Action::FileEntry);
            screens::contacts::draw_one(v, &file_key, &theme, frame, body)
        }
        Screen::Agenda(v) => screens::agenda::draw(v, &theme, frame, body),
        Screen::Directory(v) => {
            let add = app.keymap.label(&crate::app::Action::AddOfficer);
            screens::directory::draw(v, &add, &theme, frame, body)
        }
        Screen::Review(v) => screens::review::draw(v, &theme, frame, body),
    }
    if let Some(s) = &app.status {
        frame.render_widget(
            Paragraph::new(Line::styled(format!(" {s}"), theme.ok())),
            status,
        );
    }
    draw_footer(app, &theme, frame, footer);
    for popup in &app.popups {
        popups::draw(app, popup, &theme, frame, area);
    }
}

fn draw_header(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    use crate::app::Action;
    use unicode_width::UnicodeWidthStr;
    let current = match &app.screen {
        Screen::Home => 0,
        Screen::Cases(_) | Screen::Case(_) => 1,
        Screen::Contacts(_) | Screen::Contact(_) => 2,
        Screen::Agenda(_) => 3,
        Screen::Directory(_) => 4,
        Screen::Review(_) => 5,
    };
    // Wide windows space the tabs out and name the program; narrow ones
    // keep every tab and the date (or the surgery) in 80 columns.
    let wide = area.width >= 110;
    let mut spans = Vec::new();
    if wide {
        spans.push(Span::styled(format!(" {} ", text::APP_NAME), theme.title()));
        spans.push(Span::raw(" "));
    } else {
        spans.push(Span::raw(" "));
    }
    for (i, (name, action)) in [
        (text::tabs::HOME, Action::GotoHome),
        (text::tabs::CASES, Action::GotoCases),
        (text::tabs::CONTACTS, Action::GotoContacts),
        (text::tabs::AGENDA, Action::GotoAgenda),
        (text::tabs::DIRECTORY, Action::GotoDirectory),
        (text::tabs::REVIEW, Action::GotoReview),
    ]
    .into_iter()
    .enumerate()
    {
        let label = format!("{} {name}", app.keymap.label(&action));
        if i == current || wide {
            let style = if i == current {
                theme.tab_active()
            } else {
                theme.plain()
            };
            spans.push(Span::styled(format!(" {label} "), style));
        } else {
            spans.push(Span::raw(label));
        }
        if i < 5 {
            spans.push(Span::raw(" "));
        }
    }
    if app.demo {
        spans.push(Span::styled(format!(" {} ", text::DEMO), theme.warn()));
    }
    let left = Line::from(spans);
    let room = (area.width as usize).saturating_sub(left.width() + 1);
    let date = app.clock.today().format("%a %-d %b %Y").to_string();
    // The surgery running, said as fully as the room allows.
    let right = match &app.surgery {
        Some(s) => {
            let since = s
                .started_at
                .map(|t| t.format("%H:%M").to_string())
                .unwrap_or_default();
            let full = text::surgery::running(&s.venue, &since);
            [
                format!("{full}  {date} "),
                format!("{full} "),
                format!("{} ", text::surgery::running_at(&s.venue)),
                // A long venue cut short rather than left out.
                format!(
                    "{} ",
                    text::surgery::running_at(&cut(
                        &s.venue,
                        room.saturating_sub(text::surgery::running_at("").width() + 1)
                            .max(12)
                    ))
                ),
                text::surgery::running_since(&since),
            ]
            .into_iter()
            .find(|c| c.width() <= room)
            .map(|c| Span::styled(c, theme.warn()))
        }
        None => Some(format!("{date} "))
            .filter(|c| c.width() <= room)
            .map(Span::raw),
    };
    frame.render_widget(Paragraph::new(left), area);
    if let Some(r) = right {
        frame.render_widget(Paragraph::new(Line::from(r).right_aligned()), area);
    }
}

fn draw_footer(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    // Hints are laid out whole, never split across the two lines.
    let mut lines: Vec<Line> = vec![Line::default()];
    let mut used = 0usize;
    for (keys, what) in app.footer_hints() {
        let w = unicode_width::UnicodeWidthStr::width(keys.as_str())
            + usize::from(!keys.is_empty())
            + unicode_width::UnicodeWidthStr::width(what)
            + 2;
        if used > 0 && used + w > area.width as usize + 2 {
            lines.push(Line::default());
            used = 0;
        }
        if let Some(line) = lines.last_mut() {
            if !keys.is_empty() {
                line.spans.push(Span::styled(keys, theme.key()));
                line.spans.push(Span::raw(" "));
            }
            line.spans.push(Span::styled(what, theme.dim()));
            line.spans.push(Span::raw("  "));
        }
        used += w;
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// A rectangle of at most `w` × `h` in the middle of `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Cuts `s` to at most `width` display cells, with "…" when cut.
pub fn cut(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let first = s.lines().next().unwrap_or("");
    let total: usize = unicode_width::UnicodeWidthStr::width(first);
    if total <= width && !s.contains('\n') {
        return first.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in first.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// A date as a line shows it: "04 Nov" in the year of `today`, "04 Nov 2021"
/// otherwise, so that a years-old date never reads as a recent one.
pub fn short_date(d: chrono::NaiveDate, today: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    if d.year() == today.year() {
        d.format("%d %b").to_string()
    } else {
        d.format("%d %b %Y").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::short_date;
    use chrono::NaiveDate;

    #[test]
    fn a_date_from_another_year_shows_its_year() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
        assert_eq!(short_date(d(2026, 2, 15), d(2026, 3, 1)), "15 Feb");
        assert_eq!(short_date(d(2021, 11, 4), d(2026, 3, 1)), "04 Nov 2021");
        assert_eq!(short_date(d(2027, 1, 4), d(2026, 12, 30)), "04 Jan 2027");
    }
}
