//! A case's own fields (SPEC section 2), editable after it was saved. Status
//! and outcome keep their own keys (`s`, `x`); referrals, entries and
//! follow-ups theirs.

use chrono::NaiveDate;

use super::text::case as t;
use super::{FieldName, build, check_date, chosen, get, opt, options, select, set_error, yes_no};
use crate::app::form::{Field, Form, Opt};
use crate::app::textfield::TextField;
use crate::domain::person::check_postcode;
use crate::domain::{Case, CaseKind, Channel};
use crate::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseField {
    Title,
    Kind,
    Category,
    Channel,
    ContactedOn,
    Location,
    Postcode,
    Facts,
    Wants,
    History,
    Others,
    PromisedBy,
    Consent,
    ConsentOn,
    Shared,
}

impl FieldName for CaseField {
    const ORDER: &'static [CaseField] = &[
        CaseField::Title,
        CaseField::Kind,
        CaseField::Category,
        CaseField::Channel,
        CaseField::ContactedOn,
        CaseField::Location,
        CaseField::Postcode,
        CaseField::Facts,
        CaseField::Wants,
        CaseField::History,
        CaseField::Others,
        CaseField::PromisedBy,
        CaseField::Consent,
        CaseField::ConsentOn,
        CaseField::Shared,
    ];
}

/// The categories as options, shown as words ("anti-social behaviour").
pub fn categories(w: &crate::i18n::Catalogue, list: &[String], held: &str) -> Vec<Opt> {
    // Categories are the config's own names, kept as text.
    let mut out: Vec<Opt> = list
        .iter()
        .map(|c| Opt::text(c.clone(), crate::app::text::category(w, c)))
        .collect();
    // A category since taken out of the config stays offered for this case.
    if !held.is_empty() && !out.iter().any(|o| o.key == held) {
        out.push(Opt::text(held, crate::app::text::category(w, held)));
    }
    out
}

/// Consent as options: not yet asked (`None`), yes, no.
pub fn consent_options(w: &crate::i18n::Catalogue) -> Vec<Opt> {
    t::CONSENT_OPTIONS
        .iter()
        .zip([None, Some(true), Some(false)])
        .map(|(label, v)| Opt::new(v, consent_value(v), w.tr(label, None)))
        .collect()
}

pub fn consent_value(c: Option<bool>) -> &'static str {
    match c {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    }
}

fn date_text(d: Option<NaiveDate>) -> String {
    d.map(crate::dates::iso).unwrap_or_default()
}

fn line(label: &'static str, value: &Option<String>, multiline: bool) -> Field {
    let f = if multiline {
        TextField::multiline()
    } else {
        TextField::new()
    };
    Field::text(label, f.with_text(value.as_deref().unwrap_or(""))).optional()
}

pub fn form(w: &crate::i18n::Catalogue, c: &Case, category_list: &[String]) -> Form {
    use CaseField as F;
    let kinds = options(w, CaseKind::ALL);
    let channels = options(w, Channel::ALL);
    let cats = categories(w, category_list, &c.category);
    let consent = consent_options(w);
    let (kind_at, channel_at, cat_at) = (
        select(&kinds, c.kind.as_str()),
        select(&channels, c.channel.as_str()),
        select(&cats, &c.category),
    );
    let consent_at = select(&consent, consent_value(c.consent_to_share));
    build(
        t::TITLE,
        vec![
            (
                F::Title,
                Field::text(t::CASE_TITLE, TextField::new().with_text(&c.title)),
            ),
            (F::Kind, Field::choice(t::KIND, kinds, kind_at)),
            (F::Category, Field::choice(t::CATEGORY, cats, cat_at)),
            (F::Channel, Field::choice(t::CHANNEL, channels, channel_at)),
            (
                F::ContactedOn,
                Field::text(
                    t::CONTACTED_ON,
                    TextField::new().with_text(&date_text(c.contacted_on)),
                )
                .optional(),
            ),
            (F::Location, line(t::LOCATION, &c.location, false)),
            (F::Postcode, line(t::POSTCODE, &c.postcode, false)),
            (F::Facts, line(t::FACTS, &c.facts, true)),
            (F::Wants, line(t::WANTS, &c.wants, true)),
            (F::History, line(t::HISTORY, &c.history, true)),
            (F::Others, line(t::OTHERS, &c.others_involved, false)),
            (
                F::PromisedBy,
                Field::text(
                    t::PROMISED_BY,
                    TextField::new().with_text(&date_text(c.promised_by)),
                )
                .optional(),
            ),
            (F::Consent, Field::choice(t::CONSENT, consent, consent_at)),
            (
                F::ConsentOn,
                Field::text(
                    t::CONSENT_ON,
                    TextField::new().with_text(&date_text(c.consent_on)),
                )
                .optional(),
            ),
            (
                F::Shared,
                Field::choice(t::SHARED, yes_no(w), usize::from(c.shared)),
            ),
        ],
    )
}

/// Re-checks the form against the case as saved (its opened date).
pub fn validate(w: &crate::i18n::Catalogue, form: &mut Form, opened: NaiveDate, today: NaiveDate) {
    use CaseField as F;
    form.clear_errors();
    if get(form, F::Title).trim().is_empty() {
        set_error(form, F::Title, Some(w.tr(t::NEED_TITLE, None)));
    }
    match check_date(w, get(form, F::ContactedOn), today) {
        Ok(Some(d)) if d > opened => {
            set_error(form, F::ContactedOn, Some(w.tr(t::AFTER_OPENED, None)))
        }
        Ok(_) => {}
        Err(e) => set_error(form, F::ContactedOn, Some(e)),
    }
    if let Err(e) = crate::dates::parse_optional_date(get(form, F::PromisedBy), today) {
        set_error(form, F::PromisedBy, Some(e.message(w)));
    }
    let pc = check_postcode(get(form, F::Postcode)).err();
    set_error(form, F::Postcode, pc.map(|e| e.message(w)));
    match check_date(w, get(form, F::ConsentOn), today) {
        Ok(Some(_)) if get(form, F::Consent).is_empty() => set_error(
            form,
            F::ConsentOn,
            Some(w.tr(t::CONSENT_ON_NEEDS_ANSWER, None)),
        ),
        Ok(_) => {}
        Err(e) => set_error(form, F::ConsentOn, Some(e)),
    }
}

/// The case with the form's fields written over `base`. Consent recorded
/// with no date is dated today (the day it was recorded).
pub fn read(
    w: &crate::i18n::Catalogue,
    form: &Form,
    base: &Case,
    today: NaiveDate,
) -> Result<Case> {
    use CaseField as F;
    let date = |f: F| check_date(w, get(form, f), today).map_err(Error::invalid);
    let mut c = base.clone();
    c.title = get(form, F::Title).trim().to_string();
    c.kind = chosen(w, form, F::Kind)?;
    c.category = get(form, F::Category).to_string();
    c.channel = chosen(w, form, F::Channel)?;
    c.contacted_on = date(F::ContactedOn)?;
    c.location = opt(form, F::Location);
    c.postcode = opt(form, F::Postcode);
    c.facts = opt(form, F::Facts);
    c.wants = opt(form, F::Wants);
    c.history = opt(form, F::History);
    c.others_involved = opt(form, F::Others);
    c.promised_by = crate::dates::parse_optional_date(get(form, F::PromisedBy), today)?;
    c.consent_to_share = chosen(w, form, F::Consent)?;
    c.consent_on = match (c.consent_to_share, date(F::ConsentOn)?) {
        (None, _) => None,
        (Some(_), Some(d)) => Some(d),
        // Newly answered: today; answered before: keep its date.
        (Some(_), None) if base.consent_to_share == c.consent_to_share => base.consent_on,
        (Some(_), None) => Some(today),
    };
    c.shared = chosen(w, form, F::Shared)?;
    Ok(c)
}
