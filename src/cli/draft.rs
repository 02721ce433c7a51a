//! `casebook draft --case REF --template NAME [--to NAME] [--out PATH]
//! [--format eml|html|text|clipboard]`: a letter or email from a template,
//! recorded on the case as a draft; `casebook draft --sent ENTRY` confirms
//! it went.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use base64::Engine;
use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use super::{Env, stdout_error};
use crate::domain::correspondence::subject_with_reference;
use crate::domain::{Case, Contact, EntryKind, Id, Record, Referral, Role};
use crate::letters::draft::{LetterParts, Party, eml, letter_html};
use crate::letters::{Lang, Rendered, Templates, langs_for, long_date};
use crate::store::{MailMeta, NewDraft, Store};
use crate::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DraftFormat {
    /// An email that mail programs open as a draft (X-Unsent: 1)
    Eml,
    /// A printable letter
    Html,
    /// The text, printed
    Text,
    /// The text, copied to the terminal's clipboard (OSC 52; works over SSH)
    Clipboard,
}

#[derive(Debug, Args)]
pub struct DraftArgs {
    /// The case, by reference (e.g. 2026-0042)
    #[arg(long, value_name = "REF", required_unless_present = "sent")]
    pub case: Option<String>,
    /// acknowledge, referral, update, outcome, chaser, letter, or one of yours
    #[arg(long, value_name = "NAME", required_unless_present = "sent")]
    pub template: Option<String>,
    /// Who it is to (default: the officer of the latest referral for
    /// `referral` and `chaser`, else the constituent)
    #[arg(long, value_name = "NAME")]
    pub to: Option<String>,
    /// Where to write it (default: REF-TEMPLATE.eml or .html here)
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "eml")]
    pub format: DraftFormat,
    /// Confirm that the draft entry ENTRY (the number printed) was sent
    #[arg(long, value_name = "ENTRY", conflicts_with_all = ["case", "template", "to", "out"])]
    pub sent: Option<i64>,
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

fn context(env: &Env, f: &Facts, lang: Lang) -> Value {
    let me = &env.config.me;
    let date = |d: chrono::NaiveDate| long_date(d, lang);
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
        "today": date(env.clock.now().date()),
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
        n => Err(Error::invalid(format!(
            "{n} contacts are called `{}`: add the one you mean to the case first",
            name.trim()
        ))),
    }
}

fn outcome_note(store: &Store, case: Id<Case>) -> Result<Option<String>> {
    store.case_outcome_note(case)
}

pub fn run(env: &Env, args: &DraftArgs, out: &mut dyn Write) -> Result<ExitCode> {
    if !env.db_path.exists() {
        return Err(Error::invalid(format!(
            "there is no diary at {} (check --db)",
            env.db_path.display()
        )));
    }
    let mut store = env.open_store()?;
    if let Some(entry) = args.sent {
        let id = Id::new(entry);
        if store.mark_sent(id, env.clock.now())? {
            writeln!(out, "{}", words::marked_sent(entry)).map_err(stdout_error)?;
            return Ok(ExitCode::SUCCESS);
        }
        return Err(Error::invalid(words::not_a_draft(entry)));
    }
    let (Some(reference), Some(template)) = (&args.case, &args.template) else {
        return Err(Error::invalid("give --case REF and --template NAME"));
    };
    let template = template.trim();
    let case = store
        .case_by_reference(reference.trim())?
        .ok_or_else(|| Error::NotFound {
            what: "case with reference",
            name: reference.trim().to_string(),
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
    let recipient = match &args.to {
        Some(name) => find_recipient(&store, &people, name)?,
        None if to_officer(template) => match &referral {
            Some((_, to)) => to.clone(),
            None => {
                return Err(Error::invalid(words::no_referral(
                    &case.data.reference,
                    template,
                )));
            }
        },
        None => constituent
            .clone()
            .ok_or_else(|| Error::invalid(words::no_constituent(&case.data.reference)))?,
    };
    let langs = langs_for(store.contact_language(recipient.id)?.as_deref());
    let facts = Facts {
        outcome_note: outcome_note(&store, case.id)?,
        case,
        constituent,
        referral,
        recipient,
    };

    let templates = Templates::beside_config(&env.config_file);
    let mut problems = Vec::new();
    let mut parts: Vec<Rendered> = Vec::new();
    for &lang in &langs {
        let r = templates
            .render(template, lang, &context(env, &facts, lang), &mut problems)
            .map_err(|e| Error::invalid(e.to_string()))?;
        parts.push(r);
    }
    for p in &problems {
        eprintln!("casebook: {}", words::template_problem(&p.to_string()));
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
    let (kind, bytes, ext, mail) = match args.format {
        DraftFormat::Eml => {
            let from_email = env
                .config
                .me
                .email
                .clone()
                .ok_or_else(|| Error::invalid(words::NO_ME_EMAIL))?;
            let from = Party {
                name: env.config.me.name.clone().unwrap_or_default(),
                email: from_email,
            };
            let to_email = recipient
                .data
                .email
                .clone()
                .filter(|e| !e.trim().is_empty())
                .ok_or_else(|| Error::invalid(words::no_email(&recipient.data.name)))?;
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
            )
            .map_err(|e| Error::invalid(e.to_string()))?;
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
        DraftFormat::Html | DraftFormat::Text | DraftFormat::Clipboard => {
            let me = &env.config.me;
            let from_block = [me.name.clone(), me.address.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("\n");
            let date = long_date(env.clock.now().date(), first_lang);
            let reference_line = words::our_reference(first_lang, &reference);
            let bytes = match args.format {
                DraftFormat::Html => letter_html(&LetterParts {
                    lang: first_lang.code(),
                    from_block: &from_block,
                    to_block: &address_block(&recipient.data),
                    date: &date,
                    reference_line: &reference_line,
                    subject: &subject,
                    body: &body,
                })
                .into_bytes(),
                _ => format!("{subject}\n\n{body}").into_bytes(),
            };
            (EntryKind::LetterOut, bytes, "html", None)
        }
    };

    let written = match args.format {
        DraftFormat::Text => {
            out.write_all(&bytes).map_err(stdout_error)?;
            None
        }
        DraftFormat::Clipboard => {
            let b64 = base64::engine::general_purpose::STANDARD.encode(&bytes);
            write!(out, "\x1b]52;c;{b64}\x07").map_err(stdout_error)?;
            None
        }
        _ => {
            let path = args
                .out
                .clone()
                .unwrap_or_else(|| PathBuf::from(format!("{reference}-{template}.{ext}")));
            super::output::write_new_private(env, &path, &bytes)?;
            Some(path)
        }
    };
    let entry = store.record_draft(&NewDraft {
        case: facts.case.id,
        contact: Some(recipient.id),
        kind,
        at: env.clock.now(),
        text: format!("{subject}\n\n{body}"),
        mail,
    })?;
    if let Some(path) = written {
        writeln!(out, "{}", path.display()).map_err(stdout_error)?;
    }
    eprintln!("casebook: {}", words::recorded(entry.raw()));
    Ok(ExitCode::SUCCESS)
}

mod words {
    //! The words of `casebook draft`, for the coming catalogue.
    use crate::letters::Lang;

    pub const NO_ME_EMAIL: &str = "an email draft needs your address: set [me] email in the config (or use --format html for a letter)";

    pub fn no_email(name: &str) -> String {
        format!(
            "{} has no email address: add one to the contact, or use --format html for a letter",
            crate::mail::words::clean(name)
        )
    }

    pub fn no_referral(reference: &str, template: &str) -> String {
        format!(
            "case {reference} has no referral for a `{template}`: refer it first, or give --to NAME"
        )
    }

    pub fn no_constituent(reference: &str) -> String {
        format!("case {reference} has no constituent to write to: give --to NAME")
    }

    pub fn template_problem(p: &str) -> String {
        format!("{p}; the default template was used")
    }

    pub fn recorded(entry: i64) -> String {
        format!(
            "recorded on the case as draft entry {entry}; when it has gone, run `casebook draft --sent {entry}`"
        )
    }

    pub fn marked_sent(entry: i64) -> String {
        format!("entry {entry} marked as sent")
    }

    pub fn not_a_draft(entry: i64) -> String {
        format!("entry {entry} is not a draft waiting to be sent")
    }

    pub fn our_reference(lang: Lang, reference: &str) -> String {
        match lang {
            Lang::En => format!("Our reference: {reference}"),
            Lang::Cy => format!("Ein cyfeirnod: {reference}"),
        }
    }
}
