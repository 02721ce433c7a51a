//! The contact card: every field SPEC section 2 gives a contact, editable
//! from the contact's page and from the people on a case.

use super::text::{self, card as t};
use super::{
    FieldName, age_band_choice, build, chosen, get, monitoring_choice, opt, options, select,
    set_error, unset_or,
};
use crate::app::form::{Field, Form};
use crate::app::textfield::TextField;
use crate::domain::person::{check_email, check_phone, check_postcode};
use crate::domain::{
    AgeBand, Contact, ContactKind, Language, Monitoring, PreferredContact, Question,
    tidy_monitoring,
};
use crate::{Error, Result};

/// The fields of the contact card, in screen order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactField {
    Name,
    Kind,
    Organisation,
    Department,
    Role,
    Address,
    Postcode,
    Phone,
    Email,
    Preferred,
    Language,
    Caution,
    Gender,
    AgeBand,
    Ethnicity,
    Employment,
    Notes,
}

impl FieldName for ContactField {
    const ORDER: &'static [ContactField] = &[
        ContactField::Name,
        ContactField::Kind,
        ContactField::Organisation,
        ContactField::Department,
        ContactField::Role,
        ContactField::Address,
        ContactField::Postcode,
        ContactField::Phone,
        ContactField::Email,
        ContactField::Preferred,
        ContactField::Language,
        ContactField::Caution,
        ContactField::Gender,
        ContactField::AgeBand,
        ContactField::Ethnicity,
        ContactField::Employment,
        ContactField::Notes,
    ];
}

fn line(label: &'static str, value: &Option<String>) -> Field {
    Field::text(
        label,
        TextField::new().with_text(value.as_deref().unwrap_or("")),
    )
    .optional()
}

/// The card filled in from `c` (a blank contact for a new one).
pub fn form(w: &crate::i18n::Catalogue, c: &Contact, monitoring: &Monitoring, new: bool) -> Form {
    use ContactField as F;
    let kinds = options(w, ContactKind::ALL);
    let kind_at = select(&kinds, c.kind().as_str());
    let preferred = unset_or(w, text::NOT_SET, PreferredContact::ALL);
    let preferred_at = select(&preferred, c.preferred_contact.map_or("", |p| p.as_str()));
    let languages = unset_or(w, text::NOT_ASKED, Language::ALL);
    let language_at = select(&languages, c.language.map_or("", |l| l.as_str()));
    build(
        if new { t::TITLE_NEW } else { t::TITLE_EDIT },
        vec![
            (
                F::Name,
                Field::text(t::NAME, TextField::new().with_text(&c.name)),
            ),
            (F::Kind, Field::choice(t::KIND, kinds, kind_at)),
            (F::Organisation, line(t::ORGANISATION, &c.organisation)),
            (F::Department, line(t::DEPARTMENT, &c.department)),
            (F::Role, line(t::ROLE, &c.role)),
            (F::Address, line(t::ADDRESS, &c.address)),
            (F::Postcode, line(t::POSTCODE, &c.postcode)),
            (F::Phone, line(t::PHONE, &c.phone)),
            (F::Email, line(t::EMAIL, &c.email)),
            (
                F::Preferred,
                Field::choice(t::PREFERRED, preferred, preferred_at).optional(),
            ),
            (
                F::Language,
                Field::choice(t::LANGUAGE, languages, language_at).optional(),
            ),
            (F::Caution, line(t::CAUTION, &c.caution)),
            (
                F::Gender,
                monitoring_choice(
                    w,
                    t::GENDER,
                    monitoring,
                    Question::Gender,
                    c.gender.as_deref(),
                ),
            ),
            (F::AgeBand, age_band_choice(w, t::AGE_BAND, c.age_band)),
            (
                F::Ethnicity,
                monitoring_choice(
                    w,
                    t::ETHNICITY,
                    monitoring,
                    Question::Ethnicity,
                    c.ethnicity.as_deref(),
                ),
            ),
            (
                F::Employment,
                monitoring_choice(
                    w,
                    t::EMPLOYMENT,
                    monitoring,
                    Question::EmploymentStatus,
                    c.employment_status.as_deref(),
                ),
            ),
            (
                F::Notes,
                Field::text(
                    t::NOTES,
                    TextField::multiline().with_text(c.notes.as_deref().unwrap_or("")),
                )
                .optional(),
            ),
        ],
    )
}

/// Re-checks the card; each error beside its field.
pub fn validate(w: &crate::i18n::Catalogue, form: &mut Form) {
    use ContactField as F;
    form.clear_errors();
    if get(form, F::Name).trim().is_empty() {
        set_error(form, F::Name, Some(w.tr(t::NEED_NAME, None)));
    }
    let email = check_email(get(form, F::Email)).err();
    set_error(form, F::Email, email.map(|e| e.message(w)));
    let phone = check_phone(get(form, F::Phone)).err();
    set_error(form, F::Phone, phone.map(|e| e.message(w)));
    let pc = check_postcode(get(form, F::Postcode)).err();
    set_error(form, F::Postcode, pc.map(|e| e.message(w)));
}

/// The contact the card describes: `base` (what is kept beyond the card)
/// with every field of the card written over it.
pub fn read(w: &crate::i18n::Catalogue, form: &Form, base: &Contact) -> Result<Contact> {
    use ContactField as F;
    let parse_opt = |f: F| -> Option<String> { opt(form, f) };
    let mut c = base.clone();
    c.name = get(form, F::Name).trim().to_string();
    c.kind = Some(chosen(w, form, F::Kind)?);
    c.organisation = parse_opt(F::Organisation);
    c.department = parse_opt(F::Department);
    c.role = parse_opt(F::Role);
    c.address = parse_opt(F::Address);
    c.postcode = check_postcode(get(form, F::Postcode))?;
    c.phone = parse_opt(F::Phone);
    c.email = parse_opt(F::Email);
    c.preferred_contact = chosen::<Option<PreferredContact>, _>(w, form, F::Preferred)?;
    c.language = chosen::<Option<Language>, _>(w, form, F::Language)?;
    c.caution = parse_opt(F::Caution);
    c.gender = parse_opt(F::Gender);
    c.age_band = chosen::<Option<AgeBand>, _>(w, form, F::AgeBand)?;
    c.ethnicity = parse_opt(F::Ethnicity);
    c.employment_status = parse_opt(F::Employment);
    c.notes = opt(form, F::Notes);
    check_email(c.email.as_deref().unwrap_or(""))?;
    check_phone(c.phone.as_deref().unwrap_or(""))?;
    if c.name.is_empty() {
        return Err(Error::invalid(w.tr(t::NEED_NAME, None)));
    }
    Ok(tidy_monitoring(c))
}
