//! Popups drawn over the screen: forms, search, help, messages, choices.

mod form;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph, Wrap};

use super::widgets::panel;
use super::{Theme, centered, cut};
use crate::app::{App, Popup, text};
use crate::store::HitKind;

pub fn draw(app: &App, popup: &Popup, theme: &Theme, frame: &mut Frame, area: Rect) {
    match popup {
        Popup::Help => help(app, theme, frame, area),
        Popup::Message { title, body, error } => {
            let lines: Vec<Line> = body.lines().map(|l| Line::from(l.to_string())).collect();
            let h = (lines.len() as u16 + 5).min(area.height);
            let r = centered(area, 70, h);
            frame.render_widget(Clear, r);
            let mut all = lines;
            all.push(Line::from(""));
            all.push(Line::styled(text::message::CLOSE, theme.dim()));
            let block = panel(title, true, theme).border_style(if *error {
                theme.error()
            } else {
                theme.focus_border()
            });
            frame.render_widget(
                Paragraph::new(all).block(block).wrap(Wrap { trim: false }),
                r,
            );
        }
        Popup::Confirm { question, then } => {
            // A long question (a consent warning) wraps; the box grows.
            let wrapped = crate::app::textfield::wrap(question, 48);
            let r = centered(area, 50, wrapped.len() as u16 + 4);
            frame.render_widget(Clear, r);
            let mut lines: Vec<Line> = wrapped
                .into_iter()
                .map(|l| Line::styled(l, theme.title()))
                .collect();
            lines.push(Line::from(""));
            lines.push(Line::styled(then.keys(), theme.dim()));
            frame.render_widget(Paragraph::new(lines).block(panel("", true, theme)), r);
        }
        Popup::Search(p) => {
            let r = centered(area, 90, area.height.saturating_sub(4));
            frame.render_widget(Clear, r);
            let block = panel(text::search::TITLE, true, theme);
            let inner = block.inner(r);
            frame.render_widget(block, r);
            let [input, hint, results] = Layout::vertical([
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Min(1),
            ])
            .areas(inner);
            let (lines, (_, col)) = p.field.wrapped(u16::MAX / 2);
            let shown = lines.first().cloned().unwrap_or_default();
            frame.render_widget(
                Paragraph::new(Line::from(vec![
                    Span::styled("> ", theme.key()),
                    Span::raw(shown),
                ])),
                input,
            );
            frame.set_cursor_position((
                input.x + 2 + col.min(input.width.saturating_sub(3)),
                input.y,
            ));
            frame.render_widget(
                Paragraph::new(Line::styled(text::search::HINT, theme.dim())),
                hint,
            );
            if p.hits.is_empty() {
                if !p.field.is_empty() {
                    frame.render_widget(
                        Paragraph::new(Line::styled(text::search::NOTHING, theme.dim())),
                        results,
                    );
                }
                return;
            }
            let width = results.width as usize;
            let items: Vec<ListItem> = p
                .hits
                .iter()
                .map(|h| {
                    let kind = match h.kind {
                        HitKind::Contact => text::search::CONTACT,
                        HitKind::Case => text::search::CASE,
                        HitKind::Entry => text::search::ENTRY,
                        HitKind::Directory => text::search::DIRECTORY,
                    };
                    let title = if h.confidential {
                        text::search::MASKED.to_string()
                    } else {
                        h.title.clone()
                    };
                    ListItem::new(vec![
                        Line::from(vec![
                            Span::styled(format!("{kind:<9} "), theme.key()),
                            Span::raw(cut(&title, width.saturating_sub(10))),
                        ]),
                        Line::styled(
                            format!(
                                "          {}",
                                cut(&text::search::facts(&h.detail), width.saturating_sub(10))
                            ),
                            theme.dim(),
                        ),
                    ])
                })
                .collect();
            let mut state = ListState::default().with_selected(Some(p.selected));
            frame.render_stateful_widget(
                List::new(items).highlight_style(theme.selected()),
                results,
                &mut state,
            );
        }
        Popup::Form(_, f) => form::draw(f, theme, frame, area),
        Popup::People { selected } => people(app, *selected, theme, frame, area),
        Popup::Choose {
            title,
            options,
            selected,
            ..
        } => {
            let h = (options.len() as u16 + 2).min(area.height);
            let r = centered(area, 50, h);
            frame.render_widget(Clear, r);
            let items: Vec<ListItem> = options
                .iter()
                .map(|(_, l)| ListItem::new(l.clone()))
                .collect();
            let mut state = ListState::default().with_selected(Some(*selected));
            frame.render_stateful_widget(
                List::new(items)
                    .block(panel(title, true, theme))
                    .highlight_style(theme.selected()),
                r,
                &mut state,
            );
        }
    }
}

/// The people on the case on screen, with their roles and how to reach them.
fn people(app: &App, selected: usize, theme: &Theme, frame: &mut Frame, area: Rect) {
    use crate::app::record::text::people as t;
    let people = match &app.screen {
        crate::app::Screen::Case(v) => v.people.as_slice(),
        _ => &[],
    };
    let width = 76.min(area.width);
    let h = (people.len().max(1) as u16 + 4).min(area.height);
    let r = centered(area, width, h);
    frame.render_widget(Clear, r);
    let block = panel(t::TITLE, true, theme);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let [list, keys] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    if people.is_empty() {
        frame.render_widget(Paragraph::new(Line::styled(t::NOBODY, theme.dim())), list);
    } else {
        let w = usize::from(inner.width);
        let items: Vec<ListItem> = people
            .iter()
            .map(|(role, c)| {
                let reach = [c.phone.as_deref(), c.email.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · ");
                let mut spans = vec![
                    Span::raw(format!(" {:<14}", role.label())),
                    Span::styled(c.name.clone(), theme.title()),
                ];
                if c.caution.is_some() {
                    spans.push(Span::styled(" ⚠", theme.caution()));
                }
                spans.push(Span::styled(
                    format!("  {}", cut(&reach, w / 2)),
                    theme.dim(),
                ));
                ListItem::new(Line::from(spans))
            })
            .collect();
        let mut state = ListState::default().with_selected(Some(selected));
        frame.render_stateful_widget(
            List::new(items).highlight_style(theme.selected()),
            list,
            &mut state,
        );
    }
    frame.render_widget(
        Paragraph::new(Line::styled(
            cut(t::KEYS, usize::from(inner.width)),
            theme.dim(),
        )),
        keys,
    );
}

fn help(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    // The keys of the screen in front of the help, from the live keymap.
    let actions = app.screen_actions();
    let labels: Vec<String> = actions.iter().map(|a| app.keymap.label(a)).collect();
    let key_width = labels
        .iter()
        .map(|l| unicode_width::UnicodeWidthStr::width(l.as_str()))
        .max()
        .unwrap_or(1);
    let keys: Vec<Line> = actions
        .iter()
        .zip(&labels)
        .map(|(a, label)| {
            Line::from(vec![
                Span::styled(format!("{label:>key_width$}  "), theme.key()),
                Span::raw(text::action_label(a.name())),
            ])
        })
        .collect();
    let r = centered(area, 76, area.height);
    let inner_width = usize::from(r.width.saturating_sub(2)).max(1);
    let wrapped = |s: &str| unicode_width::UnicodeWidthStr::width(s).div_ceil(inner_width);
    let footer = vec![
        Line::from(""),
        Line::from(text::help::EDITING),
        Line::styled(text::help::CLOSE, theme.dim()),
    ];
    let footer_rows = 1 + wrapped(text::help::EDITING) + wrapped(text::help::CLOSE);
    // One column when the keys fit the window's height, else two side by side.
    let room = usize::from(area.height.saturating_sub(2)).saturating_sub(footer_rows);
    let columns = if keys.len() <= room { 1 } else { 2 };
    let rows = keys.len().div_ceil(columns);
    let height = (rows + footer_rows + 2).min(usize::from(area.height)) as u16;
    let r = centered(area, 76, height);
    frame.render_widget(Clear, r);
    let block = panel(text::help::TITLE, true, theme);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let [keys_area, footer_area] =
        Layout::vertical([Constraint::Length(rows as u16), Constraint::Min(0)]).areas(inner);
    let column_areas =
        Layout::horizontal(vec![Constraint::Ratio(1, columns as u32); columns]).split(keys_area);
    for (chunk, column) in keys.chunks(rows.max(1)).zip(column_areas.iter()) {
        frame.render_widget(Paragraph::new(chunk.to_vec()), *column);
    }
    frame.render_widget(
        Paragraph::new(footer).wrap(Wrap { trim: false }),
        footer_area,
    );
}
