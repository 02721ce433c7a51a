//! Intake of a new case with the person: a constituent new to the diary
//! gives their contact details there and then (the monitoring questions
//! offered, skippable); the date they first made contact defaults to today
//! and may be earlier; others involved become people on the case with a
//! role. Everything is written in one transaction ([`Store::open_case`]).

use chrono::NaiveDateTime;

use super::case::{categories, consent_options};
use super::text::{self, intake as t};
use super::{
    FieldName, age_band_choice, build, check_date, get, monitoring_choice, opt, options, roles,
    select, set_error, set_hidden, typed_new, unset_or, who, yes_no,
};
use crate::Result;
use crate::app::form::{Field, Form};
use crate::app::problems::{chosen, mark, refused};
use crate::app::text as app_text;
use crate::app::textfield::TextField;
use crate::domain::forms::{self as checks, Problem};
use crate::domain::person::{check_email, check_phone, check_postcode};
use crate::domain::{
    AgeBand, Case, CaseKind, Channel, Contact, ContactKind, Id, Language, Monitoring, Question,
    Role, tidy_monitoring,
};
use crate::store::{Joined, OpenedCase, Person, Store, Who};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntakeField {
    Constituent,
    // Asked only when the constituent is new to the diary.
    Address,
    PersonPostcode,
    Phone,
    Email,
    Language,
    Gender,
    AgeBand,
    Ethnicity,
    Employment,
    // The case.
    Kind,
    OnBehalfOf,
    Title,
    Category,
    Channel,
    ContactedOn,
    Location,
    Postcode,
    Facts,
    Wants,
    History,
    Other1,
    Other1Role,
    Other2,
    Other2Role,
    Consent,
    Shared,
}

use IntakeField as F;

impl FieldName for IntakeField {
    const ORDER: &'static [IntakeField] = &[
        F::Constituent,
        F::Address,
        F::PersonPostcode,
        F::Phone,
        F::Email,
        F::Language,
        F::Gender,
        F::AgeBand,
        F::Ethnicity,
        F::Employment,
        F::Kind,
        F::OnBehalfOf,
        F::Title,
        F::Category,
        F::Channel,
        F::ContactedOn,
        F::Location,
        F::Postcode,
        F::Facts,
        F::Wants,
        F::History,
        F::Other1,
        F::Other1Role,
        F::Other2,
        F::Other2Role,
        F::Consent,
        F::Shared,
    ];
}

/// The details asked of a constituent new to the diary.
const PERSON: &[IntakeField] = &[
    F::Address,
    F::PersonPostcode,
    F::Phone,
    F::Email,
    F::Language,
    F::Gender,
    F::AgeBand,
    F::Ethnicity,
    F::Employment,
];

fn text_field(label: &'static str) -> Field {
    Field::text(label, TextField::new()).optional()
}

/// The intake form started from a diary entry: who it was with (a known
/// contact), a title from its first line, the channel its kind implies and
/// the day it happened as the day they got in touch. The rest is typed.
pub fn prefill_from_entry(
    form: &mut Form,
    entry: &crate::domain::Entry,
    with: Option<crate::app::form::Match>,
) {
    if let Some(m) = with {
        form.set_known(F::Constituent, m);
    }
    form.set_text(F::Title, &crate::domain::text::title_from(&entry.text));
    if let Some(channel) = entry.kind.channel() {
        form.choose(F::Channel, &channel);
    }
    form.set_text(
        F::ContactedOn,
        &entry.at.date().format("%Y-%m-%d").to_string(),
    );
    // Who, what and when are known: what is left to choose is the category.
    form.focus_on(F::Category);
}

pub fn form(w: &crate::i18n::Catalogue, category_list: &[String], monitoring: &Monitoring) -> Form {
    use app_text::intake as i;
    let cats = categories(w, category_list, "");
    let other = select(&cats, "other");
    let role_other = select(&roles(w), Role::Other.as_str());
    let languages = unset_or(w, text::NOT_ASKED, Language::ALL);
    let mut form = build(
        i::TITLE,
        vec![
            (F::Constituent, Field::who(i::CONSTITUENT)),
            (F::Address, text_field(t::ADDRESS)),
            (F::PersonPostcode, text_field(t::POSTCODE)),
            (F::Phone, text_field(t::PHONE)),
            (F::Email, text_field(t::EMAIL)),
            (
                F::Language,
                Field::choice(t::LANGUAGE, languages, 0).optional(),
            ),
            (
                F::Gender,
                monitoring_choice(w, t::GENDER, monitoring, Question::Gender, None),
            ),
            (F::AgeBand, age_band_choice(w, t::AGE_BAND, None)),
            (
                F::Ethnicity,
                monitoring_choice(w, t::ETHNICITY, monitoring, Question::Ethnicity, None),
            ),
            (
                F::Employment,
                monitoring_choice(
                    w,
                    t::EMPLOYMENT,
                    monitoring,
                    Question::EmploymentStatus,
                    None,
                ),
            ),
            (
                F::Kind,
                Field::choice(i::KIND, options(w, CaseKind::ALL), 0),
            ),
            (F::OnBehalfOf, Field::who(i::ON_BEHALF_OF)),
            (F::Title, Field::text(i::CASE_TITLE, TextField::new())),
            (F::Category, Field::choice(i::CATEGORY, cats, other)),
            (
                F::Channel,
                Field::choice(i::CHANNEL, options(w, Channel::ALL), 0),
            ),
            (
                F::ContactedOn,
                Field::text(
                    t::CONTACTED_ON,
                    TextField::new().with_text(&w.tr_bare(crate::app::text::TODAY_TYPED)),
                ),
            ),
            (F::Location, text_field(i::LOCATION)),
            (F::Postcode, text_field(i::POSTCODE)),
            (
                F::Facts,
                Field::text(i::FACTS, TextField::multiline()).optional(),
            ),
            (
                F::Wants,
                Field::text(i::WANTS, TextField::multiline()).optional(),
            ),
            (
                F::History,
                Field::text(i::HISTORY, TextField::multiline()).optional(),
            ),
            (F::Other1, Field::who(t::OTHER).optional()),
            (
                F::Other1Role,
                Field::choice(t::OTHER_ROLE, roles(w), role_other),
            ),
            (F::Other2, Field::who(t::OTHER).optional()),
            (
                F::Other2Role,
                Field::choice(t::OTHER_ROLE, roles(w), role_other),
            ),
            (F::Consent, Field::choice(i::CONSENT, consent_options(w), 0)),
            (F::Shared, Field::choice(t::SHARED, yes_no(w), 0)),
        ],
    );
    for f in PERSON
        .iter()
        .chain([&F::OnBehalfOf, &F::Other1Role, &F::Other2, &F::Other2Role])
    {
        set_hidden(&mut form, *f, true);
    }
    form
}

/// Re-checks every field and shows the fields that apply: the person's
/// details when the constituent is new, "on behalf of" for an indirect
/// query, a role (and a second slot) once someone else is named.
pub fn validate(w: &crate::i18n::Catalogue, form: &mut Form, today: chrono::NaiveDate) {
    use app_text::intake as i;
    form.clear_errors();
    let new_person = typed_new(form, F::Constituent);
    for f in PERSON {
        set_hidden(form, *f, !new_person);
    }
    let indirect = form.choice(F::Kind) == Some(CaseKind::IndirectQuery);
    set_hidden(form, F::OnBehalfOf, !indirect);
    let one = who(form, F::Other1).is_some();
    set_hidden(form, F::Other1Role, !one);
    set_hidden(form, F::Other2, !one);
    set_hidden(form, F::Other2Role, who(form, F::Other2).is_none());

    let constituent = who(form, F::Constituent)
        .is_none()
        .then_some(Problem::Missing);
    mark(w, form, F::Constituent, constituent, i::NEED_CONSTITUENT);
    if indirect {
        let on_behalf = who(form, F::OnBehalfOf)
            .is_none()
            .then_some(Problem::Missing);
        mark(w, form, F::OnBehalfOf, on_behalf, i::NEED_ON_BEHALF);
    }
    let title = checks::required(get(form, F::Title));
    mark(w, form, F::Title, title, i::NEED_TITLE);
    if new_person {
        let e = checks::read(check_email(get(form, F::Email)));
        mark(w, form, F::Email, e, "");
        let e = checks::read(check_phone(get(form, F::Phone)));
        mark(w, form, F::Phone, e, "");
        let e = checks::read(check_postcode(get(form, F::PersonPostcode)));
        mark(w, form, F::PersonPostcode, e, "");
    }
    // The first contact must be dated: blank is read as a date and refused
    // with the reader's own words.
    let contacted = match check_date(get(form, F::ContactedOn), today) {
        Ok(Some(_)) => None,
        Ok(None) => checks::read(crate::dates::parse_date("", today)),
        Err(p) => Some(p),
    };
    mark(w, form, F::ContactedOn, contacted, "");
    // Intake words a bad postcode of the case in its own line.
    if checks::read(check_postcode(get(form, F::Postcode))).is_some() {
        set_error(form, F::Postcode, Some(w.tr(i::BAD_POSTCODE, None)));
    }
    super::keep_focus_visible(form);
}

/// The constituent as a person for the store: the contact picked; a new
/// contact with the details typed (the same-person rule may find them
/// already there); or, with nothing but a name, the one contact of that
/// name if there is exactly one.
fn constituent(w: &crate::i18n::Catalogue, form: &Form, store: &Store) -> Result<Person> {
    use app_text::intake as i;
    let name = match who(form, F::Constituent) {
        Some(Who::Known(id)) => return Ok(Person::Known(id)),
        Some(Who::Named(name)) => name,
        None => return Err(refused(w, Problem::Missing, i::NEED_CONSTITUENT)),
    };
    let c = tidy_monitoring(Contact {
        name: name.clone(),
        kind: Some(ContactKind::Constituent),
        address: opt(form, F::Address),
        postcode: check_postcode(get(form, F::PersonPostcode))?,
        phone: opt(form, F::Phone),
        email: opt(form, F::Email),
        language: chosen::<Option<Language>, _>(w, form, F::Language)?,
        gender: opt(form, F::Gender),
        age_band: chosen::<Option<AgeBand>, _>(w, form, F::AgeBand)?,
        ethnicity: opt(form, F::Ethnicity),
        employment_status: opt(form, F::Employment),
        ..Contact::default()
    });
    if c == Contact::named(name.clone()).with_kind(ContactKind::Constituent)
        && let [one] = store.contacts_named(&name)?.as_slice()
    {
        return Ok(Person::Known(one.id));
    }
    Ok(Person::New(Box::new(c)))
}

/// Someone named by name only (on behalf of, others involved): the contact
/// picked, the one contact of that name, or a new contact.
fn named(form: &Form, f: IntakeField, kind: ContactKind, store: &Store) -> Result<Option<Person>> {
    Ok(match who(form, f) {
        None => None,
        Some(Who::Known(id)) => Some(Person::Known(id)),
        Some(Who::Named(name)) => match store.contacts_named(&name)?.as_slice() {
            [one] => Some(Person::Known(one.id)),
            _ => Some(Person::New(Box::new(Contact::named(name).with_kind(kind)))),
        },
    })
}

/// The kind of contact a new person in a role is.
fn kind_for(role: Role) -> ContactKind {
    match role {
        Role::Officer => ContactKind::Officer,
        Role::Agency => ContactKind::Agency,
        _ => ContactKind::Constituent,
    }
}

/// What intake saved: the case, who was added, who was found already there.
pub struct Saved {
    pub opened: OpenedCase,
    pub created: Vec<String>,
    pub same: Vec<String>,
}

/// Saves a valid intake form in one transaction; `entry`, an unfiled
/// diary entry the case is opened from, is filed on it in the same one.
pub fn save(
    w: &crate::i18n::Catalogue,
    form: &Form,
    store: &mut Store,
    now: NaiveDateTime,
    category_list: &[String],
    entry: Option<Id<crate::domain::Entry>>,
) -> Result<Saved> {
    let today = now.date();
    let kind: CaseKind = chosen(w, form, F::Kind)?;
    let mut case = Case::new(get(form, F::Title).trim(), today);
    case.kind = kind;
    case.category = get(form, F::Category).to_string();
    case.channel = chosen(w, form, F::Channel)?;
    let contacted = check_date(get(form, F::ContactedOn), today).map_err(|p| refused(w, p, ""))?;
    // The same day as opened says nothing more: kept only when earlier.
    case.contacted_on = contacted.filter(|d| *d < today);
    case.location = opt(form, F::Location);
    case.postcode = opt(form, F::Postcode);
    case.facts = opt(form, F::Facts);
    case.wants = opt(form, F::Wants);
    case.history = opt(form, F::History);
    case.consent_to_share = chosen(w, form, F::Consent)?;
    // Asked when they made contact.
    case.consent_on = case.consent_to_share.map(|_| contacted.unwrap_or(today));
    case.shared = chosen(w, form, F::Shared)?;
    case.validate(category_list)?;
    // A case taken while a surgery runs belongs to it.
    case.surgery = store.surgery_at(now)?;

    let mut people = vec![(constituent(w, form, store)?, Role::Constituent)];
    if kind == CaseKind::IndirectQuery
        && let Some(p) = named(form, F::OnBehalfOf, ContactKind::Constituent, store)?
    {
        people.push((p, Role::OnBehalfOf));
    }
    for (f, role_f) in [(F::Other1, F::Other1Role), (F::Other2, F::Other2Role)] {
        let role: Role = chosen(w, form, role_f)?;
        if let Some(p) = named(form, f, kind_for(role), store)? {
            people.push((p, role));
        }
    }
    let names: Vec<String> = people
        .iter()
        .map(|(p, _)| match p {
            Person::New(c) => c.name.clone(),
            Person::Known(_) => String::new(),
        })
        .collect();
    let opened = store.open_case_filing(&case, &people, category_list, entry)?;
    let mut created = Vec::new();
    let mut same = Vec::new();
    for ((_, how), name) in opened.people.iter().zip(names) {
        match how {
            Joined::Created => created.push(name),
            Joined::SamePerson => same.push(name),
            Joined::Known => {}
        }
    }
    Ok(Saved {
        opened,
        created,
        same,
    })
}
