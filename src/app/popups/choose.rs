//! A list of choices (a status, a role, which referral a reply is to); each
//! option carries its typed [`Choice`], which says what it is for.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, List, ListItem, ListState};

use super::{Popup, form as form_popup};
use crate::Result;
use crate::app::forms::{self, FormKind};
use crate::app::hits::{ListHit, Owner};
use crate::app::{Action, CaseOnScreen, record, text};
use crate::app::{Cx, Effect, Effects};
use crate::domain::{CaseStatus, Contact, Id, Referral, Role};
use crate::ui::widgets::panel;
use crate::ui::{Theme, centered};

/// A value offered in a list of choices, typed: what it is for and what
/// it means travel together, so nothing is parsed back from text.
#[derive(Debug, Clone, PartialEq)]
pub enum Choice {
    /// A new status for the case on screen.
    Status(CaseStatus),
    /// Which awaited referral a reply is to.
    Reply(Id<Referral>),
    /// A new role for a person on the case on screen.
    Role {
        contact: Id<Contact>,
        from: Role,
        to: Role,
    },
}

/// Its keys, from the keymap.
pub const KEYS: &[Action] = &[Action::Back, Action::Up, Action::Down, Action::Open];

/// A key on the choices on top of `stack`.
pub fn on_key(
    stack: &mut Vec<Popup>,
    case: Option<CaseOnScreen>,
    key: &KeyEvent,
    cx: &mut Cx,
) -> Result<Effects> {
    let action = cx.keymap.resolve(key, KEYS);
    act(stack, case, action, cx)
}

/// One of [`KEYS`]' actions (a key's, or a click's) on the choices on top.
pub fn act(
    stack: &mut Vec<Popup>,
    case: Option<CaseOnScreen>,
    action: Option<Action>,
    cx: &mut Cx,
) -> Result<Effects> {
    let Some(Popup::Choose {
        options, selected, ..
    }) = stack.last_mut()
    else {
        return Ok(Vec::new());
    };
    match action {
        Some(Action::Back) => return Ok(vec![Effect::Pop]),
        Some(Action::Up) => *selected = selected.saturating_sub(1),
        Some(Action::Down) => *selected = (*selected + 1).min(options.len().saturating_sub(1)),
        Some(Action::Open) => {
            let value = options.get(*selected).map(|o| o.0.clone());
            stack.pop();
            if let Some(v) = value {
                return chosen(case, v, cx);
            }
        }
        _ => {}
    }
    Ok(Vec::new())
}

fn chosen(on_screen: Option<CaseOnScreen>, choice: Choice, cx: &mut Cx) -> Result<Effects> {
    let w = cx.words;
    if let Choice::Reply(id) = choice {
        return Ok(form_popup::open(FormKind::Reply(id), forms::reply(w), cx));
    }
    let Some(view) = on_screen else {
        return Ok(Vec::new());
    };
    if let Choice::Role { contact, from, to } = choice {
        cx.store.set_case_person_role(view.id, contact, from, to)?;
        let name = cx.store.contact(contact)?.data.name;
        let status =
            record::text::people::role_changed(cx.words, &name, &w.label(to).to_lowercase());
        return Ok(vec![Effect::Refresh, Effect::Status(status)]);
    }
    let (id, reference) = match view.case {
        Some(c) => (c.id, c.reference.clone()),
        None => return Ok(Vec::new()),
    };
    let Choice::Status(s) = choice else {
        return Ok(Vec::new());
    };
    cx.store.set_case_status(id, s)?;
    let status = text::status::status_changed(cx.words, &reference, &w.label(s));
    Ok(vec![Effect::Refresh, Effect::Status(status)])
}

pub fn draw(
    title: &str,
    options: &[(Choice, String)],
    selected: &usize,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) -> (Rect, ListHit) {
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
    let hit = ListHit::list(
        Owner::Popup,
        r,
        state.offset(),
        &vec![1; options.len()],
        Some,
        Some(*selected),
    );
    (r, hit)
}
