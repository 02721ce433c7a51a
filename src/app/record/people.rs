//! The people on a case: the list popup over the case screen, adding
//! someone (picked from contacts or created inline) with a role, changing a
//! role, taking someone off, and opening their contact card.

use super::text::people as t;
use super::{FieldName, build, chosen, roles, select, who};
use crate::app::form::{Field, Form};
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

pub fn add_form(w: &crate::i18n::Catalogue) -> Form {
    let roles = roles(w);
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
pub fn save_add(
    w: &crate::i18n::Catalogue,
    form: &Form,
    store: &mut Store,
    case: Id<Case>,
) -> Result<(Id<Contact>, Role)> {
    let role: Role = chosen(w, form, AddField::Role)?;
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
        None => return Err(Error::invalid(w.tr(t::NEED_WHO, None))),
    };
    store.add_case_person(case, contact, role)?;
    Ok((contact, role))
}
