//! The directory: "who do I speak to about …", answered as the problem is
//! typed, each officer or agency with department, role and what they handle.

use crate::app::forms::FormKind;
use crate::app::keymap::Keymap;
use crate::app::popups::form as form_popup;
use crate::app::{Action, Cx, Effect, Effects, record_forms, text};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use crate::Result;
use crate::app::screens::Screen;
use crate::app::screens::contact::ContactView;
use crate::app::text::directory as t;
use crate::app::textfield::TextField;
use crate::domain::{Contact, DirectoryEntry, Record};
use crate::store::Store;
use crate::ui::widgets::panel;
use crate::ui::{Theme, cut};

/// Officers and agencies listed at most.
const LIMIT: usize = 200;

#[derive(Debug, Clone, PartialEq)]
pub struct DirectoryView {
    pub query: TextField,
    /// Keys go to the query while typing; Esc stops, `/` starts again.
    pub typing: bool,
    pub results: Vec<(Record<DirectoryEntry>, Record<Contact>)>,
    pub selected: usize,
}

impl Default for DirectoryView {
    fn default() -> Self {
        DirectoryView {
            query: TextField::new(),
            typing: true,
            results: Vec::new(),
            selected: 0,
        }
    }
}

impl DirectoryView {
    /// Runs the query: the whole directory while nothing is typed.
    pub fn reload(&mut self, store: &Store) -> Result<()> {
        self.results = if self.query.is_empty() {
            let mut all = store.directory()?;
            all.truncate(LIMIT);
            all
        } else {
            store.who_handles(self.query.text(), LIMIT)?
        };
        self.selected = self.selected.min(self.results.len().saturating_sub(1));
        Ok(())
    }

    pub fn step(&mut self, by: i64) {
        self.selected = crate::app::screens::paging::step(self.selected, by, self.results.len());
    }
}

// ── Drawing ──

/// `add_key` is the live key that adds an officer, for the empty directory.
pub fn draw(
    w: &crate::i18n::Catalogue,
    v: &DirectoryView,
    add_key: &str,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    hits: &crate::app::hits::Hits,
) {
    let [ask, results] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(area);
    let title = w.tr(t::TITLE, None);
    let block = panel(&title, v.typing, theme);
    let inner = block.inner(ask);
    frame.render_widget(block, ask);
    let line = if v.query.text().is_empty() {
        Line::from(vec![
            Span::styled("> ", theme.key()),
            Span::styled(w.tr(t::PROMPT, None), theme.dim()),
        ])
    } else {
        let (lines, _) = v.query.wrapped(u16::MAX / 2);
        Line::from(vec![
            Span::styled("> ", theme.key()),
            Span::raw(lines.first().cloned().unwrap_or_default()),
        ])
    };
    frame.render_widget(Paragraph::new(line), inner);
    if v.typing {
        let (_, (_, col)) = v.query.wrapped(u16::MAX / 2);
        frame.set_cursor_position((
            inner.x + 2 + col.min(inner.width.saturating_sub(3)),
            inner.y,
        ));
    }

    let title = format!("{} ({})", w.tr(t::RESULTS, None), v.results.len());
    let block = panel(&title, !v.typing, theme);
    if v.results.is_empty() {
        let empty = if v.query.is_empty() {
            t::empty(w, add_key)
        } else {
            w.tr(t::NOTHING, None).to_string()
        };
        frame.render_widget(
            Paragraph::new(Line::styled(empty, theme.dim())).block(block),
            results,
        );
        return;
    }
    let width = results.width.saturating_sub(2) as usize;
    let items: Vec<ListItem> = v
        .results
        .iter()
        .map(|(d, c)| {
            let place = [c.department.clone(), c.organisation.clone(), c.role.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
            let reach = [c.phone.clone(), c.email.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
            let mut head_spans = vec![Span::styled(cut(&c.name, width), theme.title())];
            if !place.is_empty() {
                let rest =
                    width.saturating_sub(unicode_width::UnicodeWidthStr::width(c.name.as_str()));
                head_spans.push(Span::raw(cut(&format!("  {place}"), rest)));
            }
            let mut lines = vec![Line::from(head_spans)];
            lines.push(Line::from(vec![
                Span::styled(format!("  {} ", w.tr(t::HANDLES, None)), theme.dim()),
                Span::raw(cut(&d.handles, width.saturating_sub(11))),
            ]));
            if !reach.is_empty() {
                lines.push(Line::styled(
                    format!("  {}", cut(&reach, width.saturating_sub(2))),
                    theme.dim(),
                ));
            }
            ListItem::new(lines)
        })
        .collect();
    let selected = (!v.typing || !v.results.is_empty()).then_some(v.selected);
    let mut state = ListState::default().with_selected(selected);
    let heights: Vec<u16> = items.iter().map(|i| i.height() as u16).collect();
    frame.render_stateful_widget(
        List::new(items)
            .block(block)
            .highlight_style(theme.selected()),
        results,
        &mut state,
    );
    hits.list(crate::app::hits::ListHit::list(
        crate::app::hits::Owner::Screen,
        results,
        state.offset(),
        &heights,
        Some,
        selected,
    ));
}

// ── Keys ──

pub const ACTIONS: &[Action] = &[
    Action::Open,
    Action::AddOfficer,
    Action::EditOfficer,
    Action::Back,
];

/// What still works while the problem is typed: nobody looks up "?" or "2".
const WHILE_TYPING: &[Action] = &[
    Action::Help,
    Action::GotoHome,
    Action::GotoCases,
    Action::GotoContacts,
    Action::GotoAgenda,
    Action::GotoReview,
];

impl DirectoryView {
    /// A key on this screen: typed into the question while typing, else
    /// the screen's keys (`live`), and a letter bound to nothing starts
    /// typing again instead of vanishing.
    pub fn resolve(&self, key: &KeyEvent, keymap: &Keymap, live: &[Action]) -> Option<Action> {
        if self.typing {
            return keymap
                .resolve(key, WHILE_TYPING)
                .or(Some(Action::Key(*key)));
        }
        let resolved = keymap.resolve(key, live);
        if resolved.is_none()
            && let KeyCode::Char(_) = key.code
            && !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return Some(Action::Key(*key));
        }
        resolved
    }

    /// A key typed into the question.
    pub fn typed(&mut self, key: KeyEvent, cx: &mut Cx) -> Result<Effects> {
        self.typing = true;
        match key.code {
            KeyCode::Esc => self.typing = false,
            KeyCode::Up => self.step(-1),
            KeyCode::Down => self.step(1),
            KeyCode::PageUp => self.step(-10),
            KeyCode::PageDown => self.step(10),
            KeyCode::Enter => {
                self.typing = false;
                return self.update(Action::Open, cx);
            }
            _ => {
                if self.query.handle_key(&key) {
                    self.selected = 0;
                    self.reload(cx.store)?;
                }
            }
        }
        Ok(Vec::new())
    }

    /// Text pasted into the question.
    pub fn paste(&mut self, s: &str, cx: &mut Cx) -> Result<Effects> {
        self.typing = true;
        self.query.insert_str(s);
        self.reload(cx.store)?;
        Ok(Vec::new())
    }

    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Result<Effects> {
        let w = cx.words;
        match action {
            a if a.is_movement() => self.step(a.distance(10)),
            Action::AddOfficer => {
                let kind = FormKind::Directory {
                    contact: None,
                    for_referral: false,
                };
                return Ok(form_popup::open(
                    kind,
                    record_forms::directory(cx.words, "", None),
                    cx,
                ));
            }
            Action::EditOfficer => match self.results.get(self.selected) {
                Some((d, c)) => {
                    let form = record_forms::directory(cx.words, "", Some((&c.data, &d.handles)));
                    let kind = FormKind::Directory {
                        contact: Some(c.id),
                        for_referral: false,
                    };
                    return Ok(form_popup::open(kind, form, cx));
                }
                None => {
                    return Ok(vec![Effect::Status(
                        w.tr(text::directory_form::NOTHING, None).to_string(),
                    )]);
                }
            },
            Action::Open => {
                if let Some((_, c)) = self.results.get(self.selected) {
                    let s = Screen::Contact(Box::new(ContactView::new(c.id)));
                    return Ok(vec![Effect::Go(s)]);
                }
            }
            _ => {}
        }
        Ok(Vec::new())
    }
}
