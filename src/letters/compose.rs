//! Making a draft from a template: gathering the case's facts, choosing
//! whom it is to and in which language, rendering, and building the `.eml`
//! or the printable letter. Shared by `casebook draft` and the case screen.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::{Value, json};

use super::draft::{LetterParts, Party, eml, letter_html};
use super::{Lang, Rendered, TemplateProblem, Templates, langs_for, long_date};
use crate::config::MeConfig;
use crate::domain::correspondence::subject_with_reference;
use crate::domain::{Case, Contact, Entry, EntryKind, Id, Record, Referral, Role};
use crate::error::Msg;
use crate::store::{MailMeta, NewDraft, Store};
use crate::{Error, Result};

/// The form a draft takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// An email that mail programs open as a draft (X-Unsent: 1).
    Eml,
    /// A printable letter.
    Html,
    /// The text alone (printed, or copied to the clipboard).
    Text,
}

/// What to draft.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub reference: &'a str,
    pub template: &'a str,
    /// A contact's name; `None`: the officer of the latest referral for
    /// `referral` and `chaser`, else the constituent.
    pub to: Option<&'a str>,
    pub form: Form,
}

/// A draft made, not yet written or recorded.
#[derive(Debug, Clone)]
pub struct Composed {
    pub case: Id<Case>,
    pub reference: String,
    pub recipient: Id<Contact>,
    pub kind: EntryKind,
    pub bytes: Vec<u8>,
    /// `eml`, `html` or `txt`.
    pub ext: &'static str,
    pub subject: String,
    pub body: String,
    pub mail: Option<MailMeta>,
    /// User templates that failed (the default was used): to report.
    pub problems: Vec<TemplateProblem>,
}

/// Templates written to the officer rather than the constituent.
fn to_officer(template: &str) -> bool {
    matches!(template, "referral" | "chaser")
}

fn opt(s: &Option<String>) -> Value {
    match s.as_deref().map(str::trim) {
        Some(v) if !v.is_empty() => json!(v),
        _ => Value::Null,
    }
}

fn address_block(c: &Contact) -> String {
    let mut lines = vec![c.name.clone()];
    for part in [&c.organisation, &c.address, &c.postcode]
        .into_iter()
        .flatten()
    {
        lines.extend(
            part.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from),
        );
    }
    lines.join("\n")
}

fn person(c: Option<&Record<Contact>>) -> Value {
    match c {
        None => Value::Null,
        Some(c) => json!({
            "name": c.data.name,
            "email": opt(&c.data.email),
            "organisation": opt(&c.data.organisation),
            "department": opt(&c.data.department),
            "role": opt(&c.data.role),
            "address": opt(&c.data.address),
            "postcode": opt(&c.data.postcode),
        }),
    }
}

struct Facts {
    case: Record<Case>,
    constituent: Option<Record<Contact>>,
    referral: Option<(Record<Referral>, Record<Contact>)>,
    recipient: Record<Contact>,
    outcome_note: Option<String>,
}

fn context(me: &MeConfig, today: NaiveDate, f: &Facts, lang: Lang) -> Value {
    let date = |d: NaiveDate| long_date(d, lang);
    let referral = f.referral.as_ref().map(|(r, to)| {
        json!({
            "to": to.data.name,
            "organisation": opt(&to.data.organisation),
            "referred_on": date(r.data.referred_on),
            "council_ref": opt(&r.data.council_ref),
            "instruction": r.data.instruction.as_str(),
            "note": opt(&r.data.note),
            "due_on": date(r.data.due_on),
            "reply": opt(&r.data.reply),
        })
    });
    let c = &f.case.data;
    json!({
        "case": {
            "reference": c.reference,
            "title": c.title,
            "opened": date(c.opened),
            "category": c.category,
            "location": opt(&c.location),
            "facts": opt(&c.facts),
            "wants": opt(&c.wants),
            "history": opt(&c.history),
            "status": c.status.as_str(),
            "outcome": c.outcome.map(|o| o.as_str()),
            "outcome_note": f.outcome_note,
            "promised_by": c.promised_by.map(date),
            "consent": c.consent_to_share == Some(true),
        },
        "constituent": person(f.constituent.as_ref()),
        "recipient": person(Some(&f.recipient)),
        "referral": referral,
        "me": {
            "name": opt(&me.name),
            "email": opt(&me.email),
            "ward": opt(&me.ward),
            "address": opt(&me.address),
            "signature": me.signature.clone().or(me.name.clone()).unwrap_or_default(),
        },
        "today": date(today),
        "lang": lang.code(),
    })
}

fn find_recipient(
    store: &Store,
    people: &[(Role, Record<Contact>)],
    name: &str,
) -> Result<Record<Contact>> {
    let wanted = crate::domain::text::fold(name.trim());
    if let Some((_, c)) = people
        .iter()
        .find(|(_, c)| crate::domain::text::fold(&c.data.name) == wanted)
    {
        return Ok(c.clone());
    }
    let mut found = store.contacts_named(name)?;
    match found.len() {
        0 => Err(Error::NotFound {
            what: "contact",
            name: name.trim().to_string(),
        }),
        1 => Ok(found.remove(0)),
        n => Err(Error::user(
            Msg::new("error-draft-name-ambiguous")
                .num("count", i64::try_from(n).unwrap_or(i64::MAX))
                .text("name", crate::text::one_line(name.trim())),
        )),
    }
}

/// Makes the draft: nothing is written or saved.
pub fn compose(
    store: &Store,
    me: &MeConfig,
    templates: &Templates,
    now: NaiveDateTime,
    req: Request<'_>,
) -> Result<Composed> {
    let template = req.template.trim();
    let case = store
        .case_by_reference(req.reference.trim())?
        .ok_or_else(|| Error::NotFound {
            what: "case with reference",
            name: req.reference.trim().to_string(),
        })?;
    let people = store.case_people(case.id)?;
    let constituent = people
        .iter()
        .find(|(r, _)| *r == Role::Constituent)
        .or_else(|| people.iter().find(|(r, _)| *r == Role::OnBehalfOf))
        .map(|(_, c)| c.clone());
    let referral = match store.referrals_of_case(case.id)?.pop() {
        Some(r) => {
            let to = store.contact(r.data.to)?;
            Some((r, to))
        }
        None => None,
    };
    let recipient = match req.to.map(str::trim).filter(|t| !t.is_empty()) {
        Some(name) => find_recipient(store, &people, name)?,
        None if to_officer(template) => match &referral {
            Some((_, to)) => to.clone(),
            None => {
                return Err(Error::user(
                    crate::error::Msg::new("draft-no-referral")
                        .text("reference", &case.data.reference)
                        .text("template", template),
                ));
            }
        },
        None => constituent.clone().ok_or_else(|| {
            Error::user(
                crate::error::Msg::new("draft-no-constituent")
                    .text("reference", &case.data.reference),
            )
        })?,
    };
    let langs = langs_for(store.contact_language(recipient.id)?.as_deref());
    let facts = Facts {
        outcome_note: store.case_outcome_note(case.id)?,
        case,
        constituent,
        referral,
        recipient,
    };

    let mut problems = Vec::new();
    let mut parts: Vec<Rendered> = Vec::new();
    for &lang in &langs {
        let r = templates
            .render(
                template,
                lang,
                &context(me, now.date(), &facts, lang),
                &mut problems,
            )
            .map_err(super::TemplateError::into_error)?;
        parts.push(r);
    }
    let reference = facts.case.data.reference.clone();
    let subject = subject_with_reference(
        &parts
            .iter()
            .map(|r| r.subject.as_str())
            .collect::<Vec<_>>()
            .join(" / "),
        &reference,
    );
    let body = parts
        .iter()
        .map(|r| r.body.trim_end())
        .collect::<Vec<_>>()
        .join("\n\n----------\n\n")
        + "\n";
    let first_lang = langs.first().copied().unwrap_or(Lang::En);

    let recipient = &facts.recipient;
    let (kind, bytes, ext, mail) = match req.form {
        Form::Eml => {
            let from_email = me
                .email
                .clone()
                .ok_or_else(|| Error::user(crate::error::Msg::new("draft-no-me-email")))?;
            let from = Party {
                name: me.name.clone().unwrap_or_default(),
                email: from_email,
            };
            let to_email = recipient
                .data
                .email
                .clone()
                .filter(|e| !e.trim().is_empty())
                .ok_or_else(|| {
                    Error::user(
                        crate::error::Msg::new("draft-no-email")
                            .text("name", crate::mail::words::clean(&recipient.data.name)),
                    )
                })?;
            let to = vec![Party {
                name: recipient.data.name.clone(),
                email: to_email,
            }];
            // A referral copies the constituent in, unless the case holds
            // confidential entries or they refused to share their details.
            let mut cc = Vec::new();
            if template == "referral"
                && let Some(c) = &facts.constituent
                && c.id != recipient.id
                && facts.case.data.consent_to_share != Some(false)
                && !store.case_has_confidential(facts.case.id)?
                && let Some(email) = c.data.email.clone().filter(|e| !e.trim().is_empty())
            {
                cc.push(Party {
                    name: c.data.name.clone(),
                    email,
                });
            }
            let bytes = eml(
                &from,
                &to,
                &cc,
                &subject,
                &body,
                std::time::SystemTime::now(),
                &langs.iter().map(|l| l.code()).collect::<Vec<_>>(),
            )
            .map_err(super::draft::DraftError::into_error)?;
            let list = |ps: &[Party]| {
                (!ps.is_empty()).then(|| {
                    ps.iter()
                        .map(|p| format!("{} <{}>", p.name, p.email))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
            };
            let mail = MailMeta {
                message_key: None,
                sender: Some(format!("{} <{}>", from.name, from.email)),
                recipients: list(&to),
                cc: list(&cc),
                subject: Some(subject.clone()),
            };
            (EntryKind::EmailOut, bytes, "eml", Some(mail))
        }
        Form::Html => {
            let from_block = [me.name.clone(), me.address.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("\n");
            let date = long_date(now.date(), first_lang);
            let reference_line = words::our_reference(first_lang, &reference);
            let bytes = letter_html(&LetterParts {
                lang: first_lang.code(),
                from_block: &from_block,
                to_block: &address_block(&recipient.data),
                date: &date,
                reference_line: &reference_line,
                subject: &subject,
                body: &body,
            })
            .into_bytes();
            (EntryKind::LetterOut, bytes, "html", None)
        }
        Form::Text => (
            EntryKind::LetterOut,
            format!("{subject}\n\n{body}").into_bytes(),
            "txt",
            None,
        ),
    };
    Ok(Composed {
        case: facts.case.id,
        reference,
        recipient: recipient.id,
        kind,
        bytes,
        ext,
        subject,
        body,
        mail,
        problems,
    })
}

/// Records the draft on its case, marked draft until confirmed sent.
pub fn record(store: &mut Store, c: &Composed, now: NaiveDateTime) -> Result<Id<Entry>> {
    store.record_draft(&NewDraft {
        case: c.case,
        contact: Some(c.recipient),
        kind: c.kind,
        at: now,
        text: format!("{}\n\n{}", c.subject, c.body),
        mail: c.mail.clone(),
    })
}

pub mod words {
    //! The words drafting adds to a letter (the rest are `draft-*` in the
    //! catalogue).
    use crate::letters::Lang;

    pub fn our_reference(lang: Lang, reference: &str) -> String {
        crate::i18n::Catalogue::shared(lang).tr1("letter-our-reference", "reference", reference)
    }
}
