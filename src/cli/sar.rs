//! `casebook sar PERSON [--id UUID] [--requested DATE] [--format json|markdown] [--out PATH]`:
//! a subject access request. Everything held about the person — contact
//! details, every case they are on, every entry with them or on those cases
//! (confidential entries included: they are the person's own data),
//! referrals and follow-ups — as JSON (complete, machine-readable) and
//! Markdown (to read or print and send). With `--out PATH` both are written,
//! PATH.json and PATH.md; otherwise the chosen format is printed.
//!
//! The request is recorded (date asked, answer due one calendar month later)
//! and logged in the audit log; `--answered` marks it answered.

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use serde::Serialize;

use super::{Env, PersonArgs, SarArgs, SarFormat, stdout_error, write_output};
use crate::dates::parse_date;
use crate::domain::text::one_line;
use crate::domain::{Language, Question};
use crate::error::Msg;
use crate::exchange::json as x;
use crate::i18n::{Catalogue, Lang, args as i18n_args};
use crate::store::{PersonMatch, SarRequest, Store, SubjectAccess, Withheld, WithheldItem};
use crate::{Error, Result};

/// The identifier of the JSON document.
pub const FORMAT: &str = "casebook-subject-access";

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u32,
    generated_on: NaiveDate,
    requested_on: NaiveDate,
    respond_by: NaiveDate,
    #[serde(flatten)]
    data: &'a SubjectAccess,
}

pub fn run(env: &Env, args: &SarArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let today = env.clock.today();
    let requested = args
        .requested
        .as_deref()
        .map(|d| parse_date(d, today))
        .transpose()?
        .unwrap_or(today);
    if requested > today {
        return Err(Error::user(
            Msg::new("error-sar-requested-future").text("date", requested.to_string()),
        ));
    }
    // A refused --out changes nothing: checked before the request is recorded.
    if let Some(base) = &args.out {
        let (json_path, md_path) = out_paths(base);
        for p in [&json_path, &md_path] {
            crate::files::check_output(p, &env.protected())?;
        }
    }
    let mut store = open_existing(env)?;
    let person = resolve(&env.i18n, &store, &args.who)?;
    if args.answered {
        return match store.answer_sar(person.id, today)? {
            Some(r) => {
                let line = env.i18n.tr(
                    "sar-answered",
                    Some(&i18n_args(&[
                        ("requested", r.requested_on.to_string().into()),
                        ("today", today.to_string().into()),
                        ("due", r.respond_by.to_string().into()),
                    ])),
                );
                writeln!(out, "{line}").map_err(stdout_error)?;
                Ok(ExitCode::SUCCESS)
            }
            None => Err(Error::user(Msg::new("error-sar-none-outstanding"))),
        };
    }
    let data = store.subject_access(person.id)?;
    // Decided (a passphrase asked) before the request is recorded.
    let sealer = match &args.out {
        Some(base) => Some(super::seal::Sealer::new(
            &env.i18n,
            store.key().is_some(),
            &args.seal,
            &out_paths(base).0,
        )?),
        None => None,
    };
    let request = store.record_sar(person.id, requested)?;
    let doc = Document {
        format: FORMAT,
        version: 1,
        generated_on: today,
        requested_on: request.requested_on,
        respond_by: request.respond_by,
        data: &data,
    };
    let mut json = serde_json::to_vec_pretty(&doc)
        .map_err(|e| Error::failed(crate::error::Msg::new("doing-write-sar"), e))?;
    json.push(b'\n');
    let markdown = markdown(&env.i18n, &data, &request, today);
    let deadline = deadline_line(&env.i18n, &request, today);
    match (&args.out, sealer) {
        (Some(base), Some(sealer)) => {
            let (json_path, md_path) = out_paths(base);
            sealer.write(env, out, &json_path, &json)?;
            sealer.write(env, out, &md_path, markdown.as_bytes())?;
            let wrote = env.i18n.tr(
                "sar-wrote",
                Some(&i18n_args(&[
                    ("json", json_path.display().to_string().into()),
                    ("markdown", md_path.display().to_string().into()),
                ])),
            );
            writeln!(out, "{wrote}\n{deadline}").map_err(stdout_error)?;
        }
        _ => {
            let bytes = match args.format {
                SarFormat::Json => json,
                SarFormat::Markdown => markdown.into_bytes(),
            };
            write_output(env, out, None, &bytes)?;
            super::note(&deadline);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn deadline_line(t: &Catalogue, r: &SarRequest, today: NaiveDate) -> String {
    let left = (r.respond_by - today).num_days();
    let state = match left {
        d if d < 0 => "overdue",
        0 => "today",
        _ => "left",
    };
    t.tr(
        "sar-deadline",
        Some(&i18n_args(&[
            ("requested", r.requested_on.to_string().into()),
            ("due", r.respond_by.to_string().into()),
            ("state", state.into()),
            ("days", left.abs().into()),
        ])),
    )
}

/// `x` → `x.json`, `x.md`; a given `.json` or `.md` extension is replaced.
fn out_paths(base: &Path) -> (PathBuf, PathBuf) {
    let stem = match base.extension().and_then(|e| e.to_str()) {
        Some("json" | "md") => base.with_extension(""),
        _ => base.to_path_buf(),
    };
    let with = |ext: &str| {
        let mut s = stem.clone().into_os_string();
        s.push(".");
        s.push(ext);
        PathBuf::from(s)
    };
    (with("json"), with("md"))
}

/// Opens the diary, refusing to create one where a path was mistyped.
pub(super) fn open_existing(env: &Env) -> Result<Store> {
    if !env.db_path.exists() {
        return Err(Error::user(
            Msg::new("error-no-diary").text("path", env.db_path.display().to_string()),
        ));
    }
    env.open_store()
}

/// The one person `who` names. Several people with the name are listed
/// (UUID and postcode) in the message, which asks for `--id`.
pub(super) fn resolve(t: &Catalogue, store: &Store, who: &PersonArgs) -> Result<PersonMatch> {
    let name = who.person.join(" ");
    let key = who.id.as_deref().unwrap_or(&name);
    if key.trim().is_empty() {
        return Err(Error::user(Msg::new("error-person-needed")));
    }
    let mut found = store.find_person(key)?;
    // Look-alike names (two spaces, a hyphen, a slip of one letter) may be
    // the same person entered twice: never silently left out.
    let like = found.first().map_or(name.as_str(), |p| p.name.as_str());
    let similar = store.similar_people(like)?;
    let no_postcode = t.tr("person-no-postcode", None);
    let postcode = |p: &PersonMatch| p.postcode.clone().unwrap_or_else(|| no_postcode.clone());
    let listed = |people: &[PersonMatch]| -> String {
        people
            .iter()
            .map(|p| format!("`{}` {} ({})", p.name, p.uuid, postcode(p)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if found.is_empty() && !similar.is_empty() {
        return Err(Error::user(
            Msg::new("error-person-similar")
                .text("name", key.trim())
                .text("similar", listed(&similar)),
        ));
    }
    if found.len() == 1 && !similar.is_empty() {
        super::note(t.tr1("person-similar-left-out", "similar", listed(&similar)));
    }
    match found.len() {
        0 => Err(Error::NotFound {
            what: "person",
            name: key.trim().to_string(),
        }),
        1 => Ok(found.remove(0)),
        n => {
            let listed: Vec<String> = found
                .iter()
                .map(|p| format!("{} ({})", p.uuid, postcode(p)))
                .collect();
            Err(Error::user(
                Msg::new("error-person-several")
                    .num("count", i64::try_from(n).unwrap_or(i64::MAX))
                    .text("name", key.trim())
                    .text("people", listed.join(", ")),
            ))
        }
    }
}

fn or_dash(s: &Option<String>) -> &str {
    s.as_deref().filter(|s| !s.trim().is_empty()).unwrap_or("—")
}

/// The languages the readable export is written in: the person's own
/// (`contacts.language`; both: Welsh first), else the councillor's.
fn languages(p: &x::Contact, interface: Lang) -> Vec<Lang> {
    match p.language {
        Some(Language::Welsh) => vec![Lang::Cy],
        Some(Language::English) => vec![Lang::En],
        Some(Language::Both) => vec![Lang::Cy, Lang::En],
        None => vec![interface],
    }
}

/// The readable version in the person's language(s).
fn markdown(t: &Catalogue, d: &SubjectAccess, r: &SarRequest, today: NaiveDate) -> String {
    let parts: Vec<String> = languages(&d.person, t.lang())
        .into_iter()
        .map(|lang| {
            if lang == t.lang() {
                markdown_in(t, d, r, today)
            } else {
                markdown_in(Catalogue::shared(lang), d, r, today)
            }
        })
        .collect();
    parts.join("\n---\n\n")
}

/// The readable version in one language: what a councillor prints and
/// sends. Every word from the catalogue (`sar-*`).
fn markdown_in(t: &Catalogue, d: &SubjectAccess, r: &SarRequest, today: NaiveDate) -> String {
    let p = &d.person;
    let name_of = |u: &uuid::Uuid| -> String {
        if *u == p.uuid {
            p.name.clone()
        } else {
            d.names
                .get(u)
                .cloned()
                .unwrap_or_else(|| t.tr("sar-another-person", None))
        }
    };
    let answer = |q: Question, v: &Option<String>| -> String {
        match v.as_deref().filter(|s| !s.trim().is_empty()) {
            Some(v) => t.answer(q, v).unwrap_or_else(|| v.to_string()),
            None => "—".into(),
        }
    };
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", t.tr1("sar-title", "name", p.name.as_str()));
    let _ = writeln!(
        s,
        "{}\n",
        t.tr(
            "sar-dates",
            Some(&i18n_args(&[
                ("requested", r.requested_on.to_string().into()),
                ("due", r.respond_by.to_string().into()),
                ("today", today.to_string().into()),
            ])),
        )
    );
    let _ = writeln!(s, "{}\n", t.tr1("sar-intro", "name", p.name.as_str()));
    let _ = writeln!(s, "## {}\n", t.tr("sar-personal-details", None));
    let fields: [(&str, String); 16] = [
        ("sar-field-name", p.name.clone()),
        ("sar-field-kind", t.label(p.kind)),
        ("sar-field-organisation", or_dash(&p.organisation).into()),
        ("sar-field-department", or_dash(&p.department).into()),
        ("sar-field-role", or_dash(&p.role).into()),
        ("sar-field-address", or_dash(&p.address).into()),
        ("sar-field-postcode", or_dash(&p.postcode).into()),
        ("sar-field-phone", or_dash(&p.phone).into()),
        ("sar-field-email", or_dash(&p.email).into()),
        (
            "sar-field-preferred-contact",
            p.preferred_contact.map_or("—".into(), |c| t.label(c)),
        ),
        ("sar-field-gender", answer(Question::Gender, &p.gender)),
        (
            "sar-field-age-band",
            p.age_band.map_or("—".into(), |a| t.label(a)),
        ),
        (
            "sar-field-ethnicity",
            answer(Question::Ethnicity, &p.ethnicity),
        ),
        (
            "sar-field-employment",
            answer(Question::EmploymentStatus, &p.employment_status),
        ),
        ("sar-field-caution", or_dash(&p.caution).into()),
        ("sar-field-notes", or_dash(&p.notes).into()),
    ];
    for (k, v) in fields {
        let _ = writeln!(s, "- **{}:** {v}", t.tr(k, None));
    }
    let _ = writeln!(
        s,
        "- **{}:** {}",
        t.tr("sar-field-language", None),
        p.language.map_or("—".into(), |l| t.label(l))
    );
    let _ = writeln!(
        s,
        "- **{}:** {}",
        t.tr("sar-field-created", None),
        p.created_at
    );
    let _ = writeln!(
        s,
        "- **{}:** {}",
        t.tr("sar-field-identifier", None),
        p.uuid
    );

    let _ = writeln!(s, "\n## {}\n", t.tr1("sar-cases", "count", d.cases.len()));
    if d.cases.is_empty() {
        let _ = writeln!(s, "{}", t.tr("sar-none", None));
    }
    for c in &d.cases {
        let _ = writeln!(s, "### {} — {}\n", c.reference, c.title);
        let roles: Vec<String> = c
            .people
            .iter()
            .map(|x| format!("{} ({})", name_of(&x.contact), t.label(x.role)))
            .collect();
        let lines: [(&str, Option<WithheldItem>, String); 16] = [
            ("sar-field-people", None, roles.join(", ")),
            ("sar-field-opened", None, c.opened.to_string()),
            (
                "sar-field-closed",
                None,
                c.closed.map_or("—".into(), |d| d.to_string()),
            ),
            ("sar-field-kind", None, t.label(c.kind)),
            (
                "sar-field-category",
                None,
                t.category(&c.category)
                    .unwrap_or_else(|| c.category.clone()),
            ),
            ("sar-field-channel", None, t.label(c.channel)),
            ("sar-field-status", None, t.label(c.status)),
            (
                "sar-field-outcome",
                None,
                c.outcome.map_or("—".into(), |o| t.label(o)),
            ),
            (
                "sar-field-location",
                Some(WithheldItem::Location),
                or_dash(&c.location).into(),
            ),
            (
                "sar-field-postcode",
                Some(WithheldItem::Postcode),
                or_dash(&c.postcode).into(),
            ),
            (
                "sar-field-facts",
                Some(WithheldItem::Facts),
                or_dash(&c.facts).into(),
            ),
            (
                "sar-field-wanted",
                Some(WithheldItem::Wants),
                or_dash(&c.wants).into(),
            ),
            (
                "sar-field-history",
                Some(WithheldItem::History),
                or_dash(&c.history).into(),
            ),
            (
                "sar-field-others",
                Some(WithheldItem::OthersInvolved),
                or_dash(&c.others_involved).into(),
            ),
            (
                "sar-field-feedback",
                Some(WithheldItem::Feedback),
                match (c.satisfaction, &c.feedback) {
                    (None, None) => "—".into(),
                    (sat, text) => format!(
                        "{} {}",
                        sat.map_or(String::new(), |n| format!("{n}/5")),
                        or_dash(text)
                    ),
                },
            ),
            (
                "sar-field-consent",
                Some(WithheldItem::ConsentToShare),
                t.tr(
                    match c.consent_to_share {
                        Some(true) => "sar-consent-yes",
                        Some(false) => "sar-consent-no",
                        None => "sar-consent-not-asked",
                    },
                    None,
                ),
            ),
        ];
        let held_items: Vec<WithheldItem> = d
            .withheld
            .iter()
            .filter(|w| w.case == c.reference)
            .map(|w| w.what)
            .collect();
        for (k, field, v) in lines {
            // A field withheld says so, rather than looking empty.
            let v = match field {
                Some(f) if held_items.contains(&f) => t.tr("sar-withheld-field", None),
                _ => v,
            };
            let _ = writeln!(s, "- **{}:** {v}", t.tr(k, None));
        }
        let held: Vec<String> = d
            .withheld
            .iter()
            .filter(|w| w.case == c.reference)
            .map(|w| withheld_words(t, w))
            .collect();
        if !held.is_empty() {
            let _ = writeln!(
                s,
                "- **{}:** {}",
                t.tr("sar-field-withheld", None),
                t.tr1("sar-withheld-items", "items", held.join(", "))
            );
        }
        let entries: Vec<&x::Entry> = d
            .entries
            .iter()
            .filter(|e| e.case == Some(c.uuid))
            .collect();
        if !entries.is_empty() {
            let _ = writeln!(s, "\n**{}**\n", t.tr("sar-diary", None));
            for e in entries {
                entry_line(t, &mut s, e, &name_of);
            }
        }
        let referrals: Vec<&x::Referral> =
            d.referrals.iter().filter(|x| x.case == c.uuid).collect();
        if !referrals.is_empty() {
            let _ = writeln!(s, "\n**{}**\n", t.tr("sar-referrals", None));
            for x in referrals {
                let mut line = t.tr(
                    "sar-referral",
                    Some(&i18n_args(&[
                        ("on", x.referred_on.to_string().into()),
                        ("to", name_of(&x.to).into()),
                        ("instruction", t.label(x.instruction).into()),
                        ("due", x.due_on.to_string().into()),
                    ])),
                );
                if let Some(note) = &x.note {
                    line += &format!(" — {note}");
                }
                if let Some(on) = &x.reply_on {
                    line += "; ";
                    line += &t.tr(
                        "sar-replied",
                        Some(&i18n_args(&[
                            ("on", on.to_string().into()),
                            ("reply", or_dash(&x.reply).into()),
                        ])),
                    );
                }
                let _ = writeln!(s, "- {line}");
            }
        }
        let follow_ups: Vec<&x::FollowUp> = d
            .follow_ups
            .iter()
            .filter(|f| f.case == Some(c.uuid))
            .collect();
        if !follow_ups.is_empty() {
            let _ = writeln!(s, "\n**{}**\n", t.tr("sar-follow-ups", None));
            for f in follow_ups {
                follow_up_line(t, &mut s, f, &name_of);
            }
        }
        let _ = writeln!(s);
    }
    if !d.mentions.is_empty() {
        let _ = writeln!(
            s,
            "## {}\n",
            t.tr1("sar-mentions", "count", d.mentions.len())
        );
        let _ = writeln!(
            s,
            "{}\n",
            t.tr1("sar-mentions-intro", "name", p.name.as_str())
        );
        for m in &d.mentions {
            let _ = writeln!(
                s,
                "### {}\n",
                t.tr(
                    "sar-mention-case",
                    Some(&i18n_args(&[
                        ("case", m.case.as_str().into()),
                        ("date", m.opened.to_string().into()),
                    ])),
                )
            );
            for passage in &m.passages {
                let _ = writeln!(s, "> {}\n", one_line(passage));
            }
        }
    }
    let unfiled_held: Vec<String> = d
        .withheld
        .iter()
        .filter(|w| w.case == crate::store::UNFILED)
        .map(|w| withheld_words(t, w))
        .collect();
    if !unfiled_held.is_empty() {
        let _ = writeln!(
            s,
            "{}\n",
            t.tr1("sar-withheld-unfiled", "items", unfiled_held.join(", "))
        );
    }
    let unfiled: Vec<&x::Entry> = d.entries.iter().filter(|e| e.case.is_none()).collect();
    let loose: Vec<&x::FollowUp> = d.follow_ups.iter().filter(|f| f.case.is_none()).collect();
    if !unfiled.is_empty() || !loose.is_empty() {
        let _ = writeln!(s, "## {}\n", t.tr("sar-not-on-a-case", None));
        for e in unfiled {
            entry_line(t, &mut s, e, &name_of);
        }
        for f in loose {
            follow_up_line(t, &mut s, f, &name_of);
        }
    }
    s
}

/// "facts", "2 diary entries".
fn withheld_words(t: &Catalogue, w: &Withheld) -> String {
    let n = w.count.unwrap_or(1);
    let id = match w.what {
        WithheldItem::Title => "sar-withheld-title",
        WithheldItem::Location => "sar-withheld-location",
        WithheldItem::Postcode => "sar-withheld-postcode",
        WithheldItem::Facts => "sar-withheld-facts",
        WithheldItem::Wants => "sar-withheld-wants",
        WithheldItem::History => "sar-withheld-history",
        WithheldItem::OthersInvolved => "sar-withheld-others",
        WithheldItem::Feedback => "sar-withheld-feedback",
        WithheldItem::ConsentToShare => "sar-withheld-consent",
        WithheldItem::Entries => "sar-withheld-entries",
        WithheldItem::FollowUps => "sar-withheld-follow-ups",
        WithheldItem::Referrals => "sar-withheld-referrals",
    };
    t.tr1(id, "count", n)
}

fn entry_line(
    t: &Catalogue,
    s: &mut String,
    e: &x::Entry,
    name_of: &dyn Fn(&uuid::Uuid) -> String,
) {
    let id = match (e.contact.is_some(), e.confidential) {
        (false, false) => "sar-entry",
        (false, true) => "sar-entry-confidential",
        (true, false) => "sar-entry-with",
        (true, true) => "sar-entry-with-confidential",
    };
    let line = t.tr(
        id,
        Some(&i18n_args(&[
            ("at", e.at.format("%Y-%m-%d %H:%M").to_string().into()),
            ("kind", t.label(e.kind).into()),
            (
                "name",
                e.contact.map(|c| name_of(&c)).unwrap_or_default().into(),
            ),
            ("text", e.text.as_str().into()),
        ])),
    );
    let _ = writeln!(s, "- {line}");
    // The bytes are in the JSON file (base64); the summary names each one.
    for a in &e.attachments {
        let _ = writeln!(
            s,
            "  - {}",
            t.tr(
                "sar-attachment",
                Some(&i18n_args(&[
                    ("name", crate::mail::words::clean(&a.filename).into()),
                    ("type", a.content_type.as_str().into()),
                    (
                        "size",
                        crate::mail::words::size_in(t, (a.data.len() as u64 / 4) * 3).into(),
                    ),
                ])),
            )
        );
    }
}

fn follow_up_line(
    t: &Catalogue,
    s: &mut String,
    f: &x::FollowUp,
    name_of: &dyn Fn(&uuid::Uuid) -> String,
) {
    let who = f.contact.map(|c| name_of(&c));
    let what = t.follow_up(&f.what, who.as_deref());
    let line = match f.done_on {
        Some(done) => t.tr(
            "sar-follow-up-done",
            Some(&i18n_args(&[
                ("due", f.due_on.to_string().into()),
                ("what", what.into()),
                ("done", done.to_string().into()),
            ])),
        ),
        None => t.tr(
            "sar-follow-up-open",
            Some(&i18n_args(&[
                ("due", f.due_on.to_string().into()),
                ("what", what.into()),
            ])),
        ),
    };
    let _ = writeln!(s, "- {line}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_paths_pair_json_and_markdown() {
        assert_eq!(
            out_paths(Path::new("/t/sar")),
            (PathBuf::from("/t/sar.json"), PathBuf::from("/t/sar.md"))
        );
        assert_eq!(
            out_paths(Path::new("/t/sar.json")),
            (PathBuf::from("/t/sar.json"), PathBuf::from("/t/sar.md"))
        );
    }
}
