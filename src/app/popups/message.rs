//! The help (the live keys of the screen beneath) and a message box (an
//! error, or what a surgery came to). Either closes on its
//! keys (`close`, or the help key).

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::Popup;
use crate::app::keymap::Keymap;
use crate::app::{Action, App, text};
use crate::app::{Effect, Effects};
use crate::ui::widgets::panel;
use crate::ui::{Theme, centered};

/// An error shown in a message box; the UI carries on.
pub fn error(w: &crate::i18n::Catalogue, e: &crate::Error) -> Popup {
    Popup::Message {
        title: w.tr(text::message::ERROR, None).to_string(),
        body: e.message(w),
        error: true,
    }
}

/// The keys that close it.
pub const KEYS: &[Action] = &[Action::Close, Action::Help];

/// A key on the help or a message: only closing means anything.
pub fn on_key(key: &KeyEvent, keymap: &Keymap) -> Effects {
    if keymap.resolve(key, KEYS).is_some() {
        vec![Effect::Pop]
    } else {
        Vec::new()
    }
}

pub fn draw(
    w: &crate::i18n::Catalogue,
    title: &str,
    body: &str,
    error: bool,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) -> Rect {
    let lines: Vec<Line> = body.lines().map(|l| Line::from(l.to_string())).collect();
    let h = (lines.len() as u16 + 5).min(area.height);
    let r = centered(area, 70, h);
    frame.render_widget(Clear, r);
    let mut all = lines;
    all.push(Line::from(""));
    all.push(Line::styled(w.tr(text::message::CLOSE, None), theme.dim()));
    let block = panel(title, true, theme).border_style(if error {
        theme.error()
    } else {
        theme.focus_border()
    });
    frame.render_widget(
        Paragraph::new(all).block(block).wrap(Wrap { trim: false }),
        r,
    );
    r
}

pub fn draw_help(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) -> Rect {
    let w = &app.words;
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
                Span::raw(w.tr(&text::action_label(a.name()), None)),
            ])
        })
        .collect();
    let r = centered(area, 76, area.height);
    let inner_width = usize::from(r.width.saturating_sub(2)).max(1);
    let wrapped = |s: &str| unicode_width::UnicodeWidthStr::width(s).div_ceil(inner_width);
    let editing = w.tr(
        text::help::EDITING,
        Some(&text::form::key_args(&app.keymap)),
    );
    let footer_rows = 1 + wrapped(&editing) + wrapped(&w.tr(text::help::CLOSE, None));
    let footer = vec![
        Line::from(""),
        Line::from(editing),
        Line::styled(w.tr(text::help::CLOSE, None), theme.dim()),
    ];
    // One column when the keys fit the window's height, else two side by side.
    let room = usize::from(area.height.saturating_sub(2)).saturating_sub(footer_rows);
    let columns = if keys.len() <= room { 1 } else { 2 };
    let rows = keys.len().div_ceil(columns);
    let height = (rows + footer_rows + 2).min(usize::from(area.height)) as u16;
    let r = centered(area, 76, height);
    frame.render_widget(Clear, r);
    let title = w.tr(text::help::TITLE, None);
    let block = panel(&title, true, theme);
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
    r
}
