//! Search everything: contacts, cases, entries, the directory; Enter opens
//! what was found.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph};

use crate::Result;
use crate::app::keymap::Keymap;
use crate::app::text;
use crate::app::textfield::TextField;
use crate::app::{Action, Cx, Effect, Effects};
use crate::domain::Id;
use crate::store::{Hit, HitKind};
use crate::ui::widgets::panel;
use crate::ui::{Theme, centered, cut};

/// How many search results to show.
const SEARCH_LIMIT: usize = 30;

/// The keys the search takes from the keymap (the rest are typing).
pub const KEYS: &[Action] = &[
    Action::Cancel,
    Action::Submit,
    Action::PickUp,
    Action::PickDown,
];

#[derive(Debug, Clone, PartialEq)]
pub struct SearchPopup {
    pub field: TextField,
    pub hits: Vec<Hit>,
    pub selected: usize,
}

impl SearchPopup {
    pub fn new() -> SearchPopup {
        SearchPopup {
            field: TextField::new(),
            hits: Vec::new(),
            selected: 0,
        }
    }

    pub fn on_key(&mut self, key: &KeyEvent, cx: &mut Cx) -> Result<Effects> {
        match cx.keymap.resolve(key, KEYS) {
            Some(a @ (Action::Cancel | Action::PickUp | Action::PickDown | Action::Submit)) => {
                self.act(a, cx)
            }
            _ => {
                if self.field.handle_key(key) {
                    self.hits = cx.store.search(self.field.text(), SEARCH_LIMIT)?;
                    self.selected = 0;
                }
                Ok(Vec::new())
            }
        }
    }

    /// One of [`KEYS`]' actions (a key's, or a click's).
    pub fn act(&mut self, action: Action, cx: &mut Cx) -> Result<Effects> {
        match action {
            Action::Cancel => return Ok(vec![Effect::Pop]),
            Action::PickUp => self.selected = self.selected.saturating_sub(1),
            Action::PickDown => {
                self.selected = (self.selected + 1).min(self.hits.len().saturating_sub(1))
            }
            Action::Submit => {
                if let Some(hit) = self.hits.get(self.selected) {
                    // Closed whatever the store says; an error shows instead.
                    let then = match open_hit(hit, cx) {
                        Ok(open) => open,
                        Err(e) => Some(Effect::Push(super::message::error(cx.words, &e))),
                    };
                    return Ok([Effect::Pop].into_iter().chain(then).collect());
                }
            }
            _ => {}
        }
        Ok(Vec::new())
    }

    pub fn paste(&mut self, s: &str, cx: &mut Cx) -> Result<()> {
        self.field.insert_str(s);
        self.hits = cx.store.search(self.field.text(), SEARCH_LIMIT)?;
        self.selected = 0;
        Ok(())
    }
}

impl Default for SearchPopup {
    fn default() -> Self {
        SearchPopup::new()
    }
}

/// Where a hit opens: its case's page, or its contact's.
fn open_hit(hit: &Hit, cx: &Cx) -> Result<Option<Effect>> {
    let open = match hit.kind {
        HitKind::Contact => Effect::OpenContact(Id::new(hit.id)),
        HitKind::Case => Effect::OpenCase(Id::new(hit.id)),
        HitKind::Entry => match cx.store.entry_line(Id::new(hit.id))? {
            Some(e) => match (e.case, e.contact_id) {
                (Some((case, _)), _) => Effect::OpenCase(case),
                (None, Some(c)) => Effect::OpenContact(c),
                (None, None) => return Ok(None),
            },
            None => return Ok(None),
        },
        HitKind::Directory => {
            let found = cx
                .store
                .directory()?
                .into_iter()
                .find(|(d, _)| d.id.raw() == hit.id);
            match found {
                Some((_, contact)) => Effect::OpenContact(contact.id),
                None => return Ok(None),
            }
        }
    };
    Ok(Some(open))
}

/// The search's footer line, its keys named from the live keymap.
pub fn hint(w: &crate::i18n::Catalogue, keys: &Keymap) -> String {
    w.tr(text::search::HINT, Some(&text::form::key_args(keys)))
}

pub fn draw(
    w: &crate::i18n::Catalogue,
    keys: &Keymap,
    p: &SearchPopup,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) -> (Rect, Option<crate::app::hits::ListHit>) {
    let r = centered(area, 90, area.height.saturating_sub(4));
    frame.render_widget(Clear, r);
    let title = w.tr(text::search::TITLE, None);
    let block = panel(&title, true, theme);
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
        Paragraph::new(Line::styled(self::hint(w, keys), theme.dim())),
        hint,
    );
    if p.hits.is_empty() {
        if !p.field.is_empty() {
            frame.render_widget(
                Paragraph::new(Line::styled(w.tr(text::search::NOTHING, None), theme.dim())),
                results,
            );
        }
        return (r, None);
    }
    let width = results.width as usize;
    let items: Vec<ListItem> = p
        .hits
        .iter()
        .map(|h| {
            let kind = match h.kind {
                HitKind::Contact => w.tr(text::search::CONTACT, None),
                HitKind::Case => w.tr(text::search::CASE, None),
                HitKind::Entry => w.tr(text::search::ENTRY, None),
                HitKind::Directory => w.tr(text::search::DIRECTORY, None),
            };
            let title = if h.confidential {
                w.tr(text::search::MASKED, None).to_string()
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
                        cut(&text::search::facts(w, &h.detail), width.saturating_sub(10))
                    ),
                    theme.dim(),
                ),
            ])
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(p.selected));
    let heights: Vec<u16> = items.iter().map(|i| i.height() as u16).collect();
    frame.render_stateful_widget(
        List::new(items).highlight_style(theme.selected()),
        results,
        &mut state,
    );
    let hit = crate::app::hits::ListHit::list_in(
        crate::app::hits::Owner::Popup,
        results,
        state.offset(),
        &heights,
        Some,
        Some(p.selected),
    );
    (r, Some(hit))
}
