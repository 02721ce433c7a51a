//! The people on a case: the list popup over the case screen, adding
//! someone (picked from contacts or created inline) with a role, changing a
//! role, taking someone off, and opening their contact card.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::text::people as t;
use super::{FieldName, build, get, roles, select, who};
use crate::app::form::{Field, Form};
use crate::app::forms::FormKind;
use crate::app::{App, ChoicePurpose, Confirmed, Popup, Screen};
use crate::domain::{Case, Contact, ContactKind, Id, Role};
use crate::store::{Store, Who};
use crate::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddField {
    Who,
    Role,
}

impl FieldName for AddField {
    const ORDER: &'static [AddField] = &[AddField::Who, AddField::Role];
}

pub fn add_form() -> Form {
    let roles = roles();
    let at = select(&roles, Role::Other.as_str());
    build(
        t::ADD_TITLE,
        vec![
            (AddField::Who, Field::who(t::WHO)),
            (AddField::Role, Field::choice(t::ROLE, roles, at)),
        ],
    )
}

/// Puts the person of a valid form on the case: the contact picked, the one
/// contact of the name typed, or a new contact of the kind the role says.
pub fn save_add(form: &Form, store: &mut Store, case: Id<Case>) -> Result<(Id<Contact>, Role)> {
    let role: Role = get(form, AddField::Role).parse()?;
    let contact = match who(form, AddField::Who) {
        Some(Who::Known(id)) => id,
        Some(Who::Named(name)) => match store.contacts_named(&name)?.as_slice() {
            [one] => one.id,
            _ => {
                let kind = match role {
                    Role::Officer => ContactKind::Officer,
                    Role::Agency => ContactKind::Agency,
                    _ => ContactKind::Constituent,
                };
                store.add_contact(&Contact::named(name).with_kind(kind))?.id
            }
        },
        None => return Err(Error::invalid(t::NEED_WHO)),
    };
    store.add_case_person(case, contact, role)?;
    Ok((contact, role))
}

impl App {
    /// A key on the people popup.
    pub(crate) fn people_key(&mut self, key: KeyEvent, selected: usize) -> Result<()> {
        let Screen::Case(view) = &self.screen else {
            self.popups.pop();
            return Ok(());
        };
        let case = view.id;
        let n = view.people.len();
        let current = view.people.get(selected).map(|(r, c)| (*r, c.clone()));
        let set = |app: &mut App, to: usize| {
            if let Some(Popup::People { selected }) = app.popups.last_mut() {
                *selected = to;
            }
        };
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => {
                self.popups.pop();
            }
            KeyCode::Up | KeyCode::Char('k') => set(self, selected.saturating_sub(1)),
            KeyCode::Down | KeyCode::Char('j') => {
                set(self, (selected + 1).min(n.saturating_sub(1)))
            }
            KeyCode::Char('a') => self.open_form(FormKind::AddPerson(case), add_form()),
            KeyCode::Enter => {
                if let Some((_, c)) = current {
                    let form = super::contact::form(&c, &self.config.monitoring(), false);
                    self.open_form(FormKind::EditContact(c.id), form);
                }
            }
            KeyCode::Char('r') => {
                if let Some((role, c)) = current {
                    let options = roles();
                    let at = select(&options, role.as_str());
                    self.popups.push(Popup::Choose {
                        title: t::CHOOSE_ROLE,
                        options,
                        selected: at,
                        purpose: ChoicePurpose::Role {
                            contact: c.id,
                            from: role,
                        },
                    });
                }
            }
            KeyCode::Char('d') | KeyCode::Delete => {
                if let Some((role, c)) = current {
                    self.popups.push(Popup::Confirm {
                        question: t::remove_question(&c.name, &role.label().to_lowercase()),
                        then: Confirmed::RemovePerson {
                            case,
                            contact: c.id,
                            role,
                        },
                    });
                }
            }
            _ => {}
        }
        Ok(())
    }
}
