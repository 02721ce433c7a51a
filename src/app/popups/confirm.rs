//! A yes/no question; what "yes" does is data ([`Confirmed`]), done here.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use super::{Popup, form as form_popup};
use crate::Result;
use crate::app::forms::{self, FormKind};
use crate::app::{Action, record, text};
use crate::app::{Cx, Effect, Effects};
use crate::domain::{Case, Contact, Entry, Id, Role};
use crate::store::ReferOutcome;
use crate::ui::widgets::panel;
use crate::ui::{Theme, centered};

/// What the confirm popup does when answered yes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmed {
    /// Close the form beneath, losing what was typed.
    DiscardForm,
    /// Refer the case in the form beneath although the constituent has not
    /// agreed to their details being shared.
    ReferWithoutConsent,
    /// End the surgery that is running.
    EndSurgery,
    /// Take a person off a case (their contact card stays).
    RemovePerson {
        case: Id<Case>,
        contact: Id<Contact>,
        role: Role,
    },
    /// Delete a diary entry.
    DeleteEntry(Id<Entry>),
}

impl Confirmed {
    /// The keys line of the question, its letters from the live keymap.
    pub fn keys(self, w: &crate::i18n::Catalogue, keymap: &crate::app::Keymap) -> String {
        let id = match self {
            Confirmed::DiscardForm => text::message::DISCARD_KEYS,
            Confirmed::ReferWithoutConsent => text::refer::CONFIRM_KEYS,
            Confirmed::EndSurgery => text::surgery::END_KEYS,
            Confirmed::RemovePerson { .. } => record::text::people::REMOVE_KEYS,
            Confirmed::DeleteEntry(_) => text::entry::DELETE_KEYS,
        };
        text::message::answer_keys(w, keymap, id)
    }
}

/// The answers, from the keymap (so another language can bind its own).
pub const KEYS: &[Action] = &[Action::Yes, Action::No];

/// A key on the question on top of `stack`.
pub fn on_key(stack: &mut Vec<Popup>, key: &KeyEvent, cx: &mut Cx) -> Result<Effects> {
    let Some(Popup::Confirm { then, .. }) = stack.last() else {
        return Ok(Vec::new());
    };
    let then = *then;
    match cx.keymap.resolve(key, KEYS) {
        Some(Action::Yes) => {
            stack.pop();
            confirmed(stack, then, cx)
        }
        Some(_) => Ok(vec![Effect::Pop]),
        None => Ok(Vec::new()),
    }
}

/// Does what the question was asked for (it is off the stack already).
fn confirmed(stack: &[Popup], then: Confirmed, cx: &mut Cx) -> Result<Effects> {
    let w = cx.words;
    match then {
        Confirmed::DiscardForm => Ok(vec![Effect::Pop]),
        Confirmed::ReferWithoutConsent => {
            let Some(Popup::Form(FormKind::Refer(case), form)) = stack.last() else {
                return Ok(Vec::new());
            };
            let outcome = forms::save_refer(cx.words, form, cx.store, cx.clock.now(), *case, true)?;
            match outcome {
                ReferOutcome::Referred(r) => {
                    let status = form_popup::referred(&r, cx)?;
                    Ok(vec![Effect::Pop, Effect::Refresh, Effect::Status(status)])
                }
                ReferOutcome::NeedsConfirmation(_) => Ok(Vec::new()),
            }
        }
        Confirmed::RemovePerson {
            case,
            contact,
            role,
        } => {
            cx.store.remove_case_person(case, contact, role)?;
            let name = cx.store.contact(contact)?.data.name;
            Ok(vec![
                Effect::Refresh,
                Effect::Status(record::text::people::removed(cx.words, &name)),
            ])
        }
        Confirmed::DeleteEntry(id) => {
            cx.store.delete_entry(id)?;
            Ok(vec![
                Effect::Refresh,
                Effect::Status(w.tr(text::entry::DELETED, None).to_string()),
            ])
        }
        Confirmed::EndSurgery => {
            let (s, summary) = cx.store.end_surgery(cx.clock.now())?;
            let time = |t: Option<chrono::NaiveDateTime>| {
                t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()
            };
            let body = text::surgery::summary(
                cx.words,
                &s.venue,
                &crate::ui::when::adm(w, s.held_on),
                &time(s.started_at),
                &time(s.ended_at),
                summary.people_seen,
                &summary.people,
                summary.cases_opened,
                summary.entries,
                &summary.categories,
            );
            Ok(vec![
                Effect::Refresh,
                Effect::Push(Popup::Message {
                    title: w.tr(text::surgery::ENDED, None).to_string(),
                    body,
                    error: false,
                }),
            ])
        }
    }
}

pub fn draw(
    w: &crate::i18n::Catalogue,
    keymap: &crate::app::Keymap,
    question: &str,
    then: Confirmed,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) -> Rect {
    // A long question (a consent warning) wraps; the box grows.
    let wrapped = crate::app::textfield::wrap(question, 48);
    let r = centered(area, 50, wrapped.len() as u16 + 4);
    frame.render_widget(Clear, r);
    let mut lines: Vec<Line> = wrapped
        .into_iter()
        .map(|l| Line::styled(l, theme.title()))
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::styled(then.keys(w, keymap), theme.dim()));
    frame.render_widget(Paragraph::new(lines).block(panel("", true, theme)), r);
    r
}
