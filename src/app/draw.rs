//! The whole frame: header (tabs, date or surgery), the screen in front,
//! the status line, the footer's key hints, and the popups on top. Only
//! reads the state; each screen and popup draws itself in its own room.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::layout::Areas;
use super::{App, popups, text};
use crate::ui::{MIN_HEIGHT, MIN_WIDTH, Render, Theme, cut};

impl Render for App {
    fn render(&self, frame: &mut Frame) {
        render(self, frame)
    }
}

fn render(app: &App, frame: &mut Frame) {
    let w = &app.words;
    let area = frame.area();
    let theme = Theme::new(app.no_color);
    // What this frame puts where, for the mouse (nothing, when blanked).
    app.hits.clear();
    if app.privacy {
        let y = area.height / 2;
        let line = Paragraph::new(Line::styled(w.tr(text::PRIVACY, None), theme.dim()).centered());
        frame.render_widget(line, Rect::new(area.x, area.y + y, area.width, 1));
        return;
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let p = Paragraph::new(w.tr(text::TOO_SMALL, None))
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
    let Areas {
        header,
        body,
        status,
        footer,
    } = Areas::of(area);
    draw_header(app, &theme, frame, header);
    app.screen.draw(app, &theme, frame, body);
    if let Some(s) = &app.status {
        frame.render_widget(
            // Cut at a word, not mid-word, when a long (Welsh) status
            // does not fit the line.
            Paragraph::new(Line::styled(
                format!(
                    " {}",
                    crate::text::fit_words(s, usize::from(status.width).saturating_sub(1))
                ),
                theme.ok(),
            )),
            status,
        );
    }
    draw_footer(app, &theme, frame, footer);
    for popup in &app.popups {
        popups::draw(app, popup, &theme, frame, area);
    }
}

fn draw_header(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let w = &app.words;
    use unicode_width::UnicodeWidthStr;
    let current = app.screen.tab();
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
    // The same tabs, in the same order, as a click finds (`mouse::TABS`).
    for (i, (name, action)) in super::mouse::TABS.iter().enumerate() {
        let label = format!("{} {}", app.keymap.label(action), w.tr(name, None));
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
        spans.push(Span::styled(
            format!(" {} ", w.tr(text::DEMO, None)),
            theme.warn(),
        ));
    }
    let left = Line::from(spans);
    let room = (area.width as usize).saturating_sub(left.width() + 1);
    let today = app.clock.today();
    // The date as fully as the room allows: a long Welsh tab row at 80
    // columns keeps the day and month rather than losing the date.
    let dates = [
        crate::ui::when::admy(w, today),
        crate::ui::when::adm(w, today),
        crate::ui::when::dm_short(w, today),
    ];
    let date_within = |room: usize| {
        dates
            .iter()
            .find(|d| d.width() < room)
            .unwrap_or(&dates[2])
            .clone()
    };
    let date = date_within(room);
    // The surgery running, said as fully as the room allows.
    let right = match &app.surgery {
        Some(s) => {
            let since = s
                .started_at
                .map(|t| t.format("%H:%M").to_string())
                .unwrap_or_default();
            let full = text::surgery::running(&app.words, &s.venue, &since);
            [
                format!("{full}  {date} "),
                format!("{full} "),
                format!("{} ", text::surgery::running_at(&app.words, &s.venue)),
                // A long venue cut short rather than left out.
                format!(
                    "{} ",
                    text::surgery::running_at(
                        &app.words,
                        &cut(
                            &s.venue,
                            room.saturating_sub(
                                text::surgery::running_at(&app.words, "").width() + 1
                            )
                            .max(12)
                        )
                    )
                ),
                text::surgery::running_since(&app.words, &since),
            ]
            .into_iter()
            .find(|c| c.width() <= room)
            .map(|c| Span::styled(c, theme.warn()))
        }
        None => {
            // With a hub configured: its status before the date, or in its
            // place when both do not fit.
            if let Some((said, short, tone)) = sync_words(app) {
                let style = match tone {
                    SyncTone::Fine => theme.dim(),
                    SyncTone::Behind => theme.warn(),
                    SyncTone::Conflict => theme.caution(),
                };
                let date = date_within(room.saturating_sub(said.width() + 2));
                let both = said.width() + 2 + date.width() + 1;
                // A narrow window: the short form ("offline — 14 waiting").
                let said = if both > room && said.width() + 1 > room {
                    short.unwrap_or(said)
                } else {
                    said
                };
                let said_width = said.width();
                let line = if both <= room {
                    Line::from(vec![
                        Span::styled(said, style),
                        Span::raw(format!("  {date} ")),
                    ])
                } else {
                    Line::from(Span::styled(
                        format!("{} ", cut(&said, room.saturating_sub(1))),
                        style,
                    ))
                };
                if tone == SyncTone::Conflict {
                    // The count is a way into the conflicts room.
                    let x = area.right().saturating_sub(line.width() as u16);
                    let width = (said_width as u16).min(area.right() - x);
                    app.hits
                        .record(|d| d.conflicts = Some(Rect::new(x, area.y, width, 1)));
                }
                frame.render_widget(Paragraph::new(left), area);
                frame.render_widget(Paragraph::new(line.right_aligned()), area);
                return;
            }
            Some(format!("{date} "))
                .filter(|c| c.width() <= room)
                .map(Span::raw)
        }
    };
    frame.render_widget(Paragraph::new(left), area);
    if let Some(r) = right {
        frame.render_widget(Paragraph::new(Line::from(r).right_aligned()), area);
    }
}

/// How the header's sync status should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncTone {
    /// Synced (or about to): nothing to do.
    Fine,
    /// The last sync failed: changes wait to go.
    Behind,
    /// Conflicts wait for the councillor.
    Conflict,
}

/// The header's sync status in the app's words, with a shorter form for a
/// narrow window when there is one: `None` without a hub.
/// Conflicts first (they need the councillor), then a failure since the
/// last success, then when the last sync went through.
pub fn sync_words(app: &App) -> Option<(String, Option<String>, SyncTone)> {
    use crate::i18n::args;
    use crate::store::SyncFailure;
    let status = app.sync.as_ref()?;
    let words = &app.words;
    if status.conflicts > 0 {
        return Some((
            // With the key that opens the conflicts room.
            format!(
                "{} {}",
                app.keymap.label(&crate::app::Action::GotoConflicts),
                words.tr1("ui-sync-conflicts", "count", status.conflicts)
            ),
            None,
            SyncTone::Conflict,
        ));
    }
    if let Some((why, _)) = status.failure {
        let id = match why {
            SyncFailure::Unreachable => "ui-sync-offline",
            _ => "ui-sync-failed",
        };
        return Some((
            words.tr1(id, "waiting", status.waiting),
            Some(words.tr1(&format!("{id}-short"), "waiting", status.waiting)),
            SyncTone::Behind,
        ));
    }
    let Some(at) = status.synced_at else {
        return Some((words.tr("ui-sync-never", None), None, SyncTone::Fine));
    };
    let now = chrono::TimeZone::from_local_datetime(&chrono::Local, &app.clock.now())
        .earliest()
        .map_or_else(chrono::Utc::now, |t| t.with_timezone(&chrono::Utc));
    let minutes = (now - at).num_minutes().max(0);
    let said = match minutes {
        0..60 => words.tr1("ui-sync-minutes-ago", "minutes", minutes),
        60..1440 => words.tr(
            "ui-sync-hours-ago",
            Some(&args(&[("hours", (minutes / 60).into())])),
        ),
        _ => words.tr1("ui-sync-days-ago", "days", minutes / 1440),
    };
    Some((said, None, SyncTone::Fine))
}

fn draw_footer(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    // Hints are laid out whole, never split across the two lines.
    let mut lines: Vec<Line> = vec![Line::default()];
    let mut used = 0usize;
    let mut spots = Vec::new();
    for super::Hint { keys, what, action } in app.footer_hints() {
        let w = unicode_width::UnicodeWidthStr::width(keys.as_str())
            + usize::from(!keys.is_empty())
            + unicode_width::UnicodeWidthStr::width(what.as_str())
            + 2;
        if used > 0 && used + w > area.width as usize + 2 {
            lines.push(Line::default());
            used = 0;
        }
        // Where the hint is, for a click on it (the gap after it is not).
        let y = area.y + lines.len() as u16 - 1;
        if let Some(action) = action
            && y < area.bottom()
            && used < usize::from(area.width)
        {
            let x = area.x + used as u16;
            let width = (w - 2).min(usize::from(area.right() - x)) as u16;
            spots.push((Rect::new(x, y, width, 1), action));
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
    app.hits.record(|d| d.footer = spots);
    frame.render_widget(Paragraph::new(lines), area);
}
