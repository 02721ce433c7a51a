//! The people on the case on screen: add someone, change a role, take
//! someone off, open their card.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph};

use super::{Choice, Confirmed, Popup, form as form_popup};
use crate::Result;
use crate::app::forms::FormKind;
use crate::app::record;
use crate::app::record::people::add_form;
use crate::app::record::text::people as t;
use crate::app::{Action, CaseOnScreen};
use crate::app::{Cx, Effect, Effects};
use crate::domain::{Contact, Record, Role};
use crate::ui::widgets::panel;
use crate::ui::{Theme, centered, cut};

/// The popup's keys, from the keymap.
pub const KEYS: &[Action] = &[
    Action::Back,
    Action::Quit,
    Action::Up,
    Action::Down,
    Action::AddPerson,
    Action::Open,
    Action::ChangeRole,
    Action::RemovePerson,
];

/// A key on the people popup (`selected` is its cursor).
pub fn on_key(
    selected: &mut usize,
    case: Option<CaseOnScreen>,
    key: &KeyEvent,
    cx: &mut Cx,
) -> Result<Effects> {
    let action = cx.keymap.resolve(key, KEYS);
    act(selected, case, action, cx)
}

/// One of [`KEYS`]' actions (a key's, or a click's) on the people popup.
pub fn act(
    selected: &mut usize,
    case: Option<CaseOnScreen>,
    action: Option<Action>,
    cx: &mut Cx,
) -> Result<Effects> {
    let w = cx.words;
    let Some(view) = case else {
        return Ok(vec![Effect::Pop]);
    };
    let case = view.id;
    let n = view.people.len();
    let current = view.people.get(*selected).map(|(r, c)| (*r, c.clone()));
    match action {
        Some(Action::Back | Action::Quit) => return Ok(vec![Effect::Pop]),
        Some(Action::Up) => *selected = selected.saturating_sub(1),
        Some(Action::Down) => *selected = (*selected + 1).min(n.saturating_sub(1)),
        Some(Action::AddPerson) => {
            return Ok(form_popup::open(
                FormKind::AddPerson(case),
                add_form(cx.words),
                cx,
            ));
        }
        Some(Action::Open) => {
            if let Some((_, c)) = current {
                let form = record::contact::form(cx.words, &c, &cx.config.monitoring(), false);
                return Ok(form_popup::open(FormKind::EditContact(c.id), form, cx));
            }
        }
        Some(Action::ChangeRole) => {
            if let Some((role, c)) = current {
                let at = Role::ALL.iter().position(|r| *r == role).unwrap_or(0);
                let options = Role::ALL
                    .iter()
                    .map(|&to| {
                        let choice = Choice::Role {
                            contact: c.id,
                            from: role,
                            to,
                        };
                        (choice, w.label(to))
                    })
                    .collect();
                return Ok(vec![Effect::Push(Popup::Choose {
                    title: t::CHOOSE_ROLE,
                    options,
                    selected: at,
                })]);
            }
        }
        Some(Action::RemovePerson) => {
            if let Some((role, c)) = current {
                return Ok(vec![Effect::Push(Popup::Confirm {
                    question: t::remove_question(cx.words, &c.name, &w.label(role).to_lowercase()),
                    then: Confirmed::RemovePerson {
                        case,
                        contact: c.id,
                        role,
                    },
                })]);
            }
        }
        _ => {}
    }
    Ok(Vec::new())
}

/// The people on the case on screen, with their roles and how to reach them.
pub fn draw(
    w: &crate::i18n::Catalogue,
    people: &[(Role, Record<Contact>)],
    selected: usize,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) -> (Rect, Option<crate::app::hits::ListHit>) {
    let width = 76.min(area.width);
    let h = (people.len().max(1) as u16 + 4).min(area.height);
    let r = centered(area, width, h);
    frame.render_widget(Clear, r);
    let title = w.tr(t::TITLE, None);
    let block = panel(&title, true, theme);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let [list, keys] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let mut hit = None;
    if people.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(w.tr(t::NOBODY, None), theme.dim())),
            list,
        );
    } else {
        let width = usize::from(inner.width);
        let items: Vec<ListItem> = people
            .iter()
            .map(|(role, c)| {
                let reach = [c.phone.as_deref(), c.email.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · ");
                let mut spans = vec![
                    Span::raw(format!(" {:<14}", w.label(*role))),
                    Span::styled(c.name.clone(), theme.title()),
                ];
                if c.caution.is_some() {
                    spans.push(Span::styled(" ⚠", theme.caution()));
                }
                spans.push(Span::styled(
                    format!("  {}", cut(&reach, width / 2)),
                    theme.dim(),
                ));
                ListItem::new(Line::from(spans))
            })
            .collect();
        let mut state = ListState::default().with_selected(Some(selected));
        let heights = vec![1; items.len()];
        frame.render_stateful_widget(
            List::new(items).highlight_style(theme.selected()),
            list,
            &mut state,
        );
        hit = Some(crate::app::hits::ListHit::list_in(
            crate::app::hits::Owner::Popup,
            list,
            state.offset(),
            &heights,
            Some,
            Some(selected),
        ));
    }
    frame.render_widget(
        Paragraph::new(Line::styled(
            cut(&w.tr(t::KEYS, None), usize::from(inner.width)),
            theme.dim(),
        )),
        keys,
    );
    (r, hit)
}
