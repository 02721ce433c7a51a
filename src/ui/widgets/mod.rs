//! Small pieces shared by screens and popups.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders};

use super::Theme;
use crate::store::EntryLine;

/// A bordered panel; the focused one stands out.
pub fn panel<'a>(title: &'a str, focused: bool, theme: &Theme) -> Block<'a> {
    let b = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {title} "), theme.title()));
    if focused {
        b.border_type(BorderType::Thick)
            .border_style(theme.focus_border())
    } else {
        b.border_style(Style::new())
    }
}

/// An entry's text, masked when confidential and not revealed.
pub fn entry_text(
    w: &crate::i18n::Catalogue,
    e: &EntryLine,
    revealed: bool,
    masked: &str,
) -> String {
    if e.confidential && !revealed {
        masked.to_string()
    } else {
        w.entry_text(&e.text)
    }
}

/// "01 Mar 09:00 · Call in · Siân Davies"
pub fn entry_head<'a>(w: &crate::i18n::Catalogue, e: &EntryLine, theme: &Theme) -> Line<'a> {
    let mut spans = vec![
        Span::styled(crate::ui::when::dm_hm(w, e.at), theme.dim()),
        Span::raw(" "),
        Span::styled(w.label(e.kind), theme.title()),
    ];
    if let Some(who) = &e.contact {
        spans.push(Span::raw(format!(" · {who}")));
    }
    Line::from(spans)
}
