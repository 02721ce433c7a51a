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
use crate::exchange::json as x;
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
        return Err(Error::invalid(format!(
            "--requested {requested} is in the future: give the date the person asked"
        )));
    }
    // A refused --out changes nothing: checked before the request is recorded.
    if let Some(base) = &args.out {
        let (json_path, md_path) = out_paths(base);
        for p in [&json_path, &md_path] {
            crate::files::check_output(p, &env.protected())?;
        }
    }
    let mut store = open_existing(env)?;
    let person = resolve(&store, &args.who)?;
    if args.answered {
        return match store.answer_sar(person.id, today)? {
            Some(r) => {
                writeln!(
                    out,
                    "subject access request of {} marked answered on {today} (due {})",
                    r.requested_on, r.respond_by
                )
                .map_err(stdout_error)?;
                Ok(ExitCode::SUCCESS)
            }
            None => Err(Error::invalid(
                "this person has no outstanding subject access request",
            )),
        };
    }
    let data = store.subject_access(person.id)?;
    // Decided (a passphrase asked) before the request is recorded.
    let sealer = match &args.out {
        Some(base) => Some(super::seal::Sealer::new(
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
        .map_err(|e| Error::invalid(format!("cannot write the subject access export: {e}")))?;
    json.push(b'\n');
    let markdown = markdown(&data, &request, today);
    let deadline = deadline_line(&request, today);
    match (&args.out, sealer) {
        (Some(base), Some(sealer)) => {
            let (json_path, md_path) = out_paths(base);
            sealer.write(env, out, &json_path, &json)?;
            sealer.write(env, out, &md_path, markdown.as_bytes())?;
            writeln!(
                out,
                "wrote {} and {}\n{deadline}",
                json_path.display(),
                md_path.display()
            )
            .map_err(stdout_error)?;
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

fn deadline_line(r: &SarRequest, today: NaiveDate) -> String {
    let left = (r.respond_by - today).num_days();
    let when = match left {
        d if d < 0 => format!("{} days overdue", -d),
        0 => "due today".to_string(),
        1 => "1 day left".to_string(),
        d => format!("{d} days left"),
    };
    format!(
        "subject access request of {}: respond by {} ({when})",
        r.requested_on, r.respond_by
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
        return Err(Error::invalid(format!(
            "there is no diary at {} (check --db)",
            env.db_path.display()
        )));
    }
    env.open_store()
}

/// The one person `who` names. Several people with the name are listed
/// (UUID and postcode) in the message, which asks for `--id`.
pub(super) fn resolve(store: &Store, who: &PersonArgs) -> Result<PersonMatch> {
    let name = who.person.join(" ");
    let key = who.id.as_deref().unwrap_or(&name);
    if key.trim().is_empty() {
        return Err(Error::invalid("give the person's name or --id UUID"));
    }
    let mut found = store.find_person(key)?;
    // Look-alike names (two spaces, a hyphen, a slip of one letter) may be
    // the same person entered twice: never silently left out.
    let like = found.first().map_or(name.as_str(), |p| p.name.as_str());
    let similar = store.similar_people(like)?;
    let listed = |people: &[PersonMatch]| -> String {
        people
            .iter()
            .map(|p| {
                format!(
                    "`{}` {} ({})",
                    p.name,
                    p.uuid,
                    p.postcode.as_deref().unwrap_or("no postcode")
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    if found.is_empty() && !similar.is_empty() {
        return Err(Error::invalid(format!(
            "no person is called `{}`; similar names: {}; choose one with --id UUID",
            one_line(key.trim()),
            listed(&similar)
        )));
    }
    if found.len() == 1 && !similar.is_empty() {
        super::note(format_args!(
            "similar names, not included (the same person entered twice?): {}; run again with --id UUID for each",
            listed(&similar)
        ));
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
                .map(|p| {
                    format!(
                        "{} ({})",
                        p.uuid,
                        p.postcode.as_deref().unwrap_or("no postcode")
                    )
                })
                .collect();
            Err(Error::invalid(format!(
                "{n} people are called `{}`: {}; choose one with --id UUID",
                one_line(key.trim()),
                listed.join(", ")
            )))
        }
    }
}

fn or_dash(s: &Option<String>) -> &str {
    s.as_deref().filter(|s| !s.trim().is_empty()).unwrap_or("—")
}

/// The readable version: what a councillor prints and sends.
fn markdown(d: &SubjectAccess, r: &SarRequest, today: NaiveDate) -> String {
    let p = &d.person;
    let name_of = |u: &uuid::Uuid| -> String {
        if *u == p.uuid {
            p.name.clone()
        } else {
            d.names
                .get(u)
                .cloned()
                .unwrap_or_else(|| "another person".to_string())
        }
    };
    let mut s = String::new();
    let _ = writeln!(s, "# Subject access: {}\n", p.name);
    let _ = writeln!(
        s,
        "Requested on {}; respond by {}. Prepared on {today}.\n",
        r.requested_on, r.respond_by
    );
    let _ = writeln!(
        s,
        "This is everything this casework diary holds about {}, including entries marked confidential. Where a record also holds another person's data, that part is withheld and the record says so.\n",
        p.name
    );
    let _ = writeln!(s, "## Personal details\n");
    let fields: [(&str, String); 16] = [
        ("Name", p.name.clone()),
        ("Kind", p.kind.label().to_string()),
        ("Organisation", or_dash(&p.organisation).into()),
        ("Department", or_dash(&p.department).into()),
        ("Role", or_dash(&p.role).into()),
        ("Address", or_dash(&p.address).into()),
        ("Postcode", or_dash(&p.postcode).into()),
        ("Phone", or_dash(&p.phone).into()),
        ("Email", or_dash(&p.email).into()),
        (
            "Preferred contact",
            p.preferred_contact.map_or("—", |c| c.label()).into(),
        ),
        ("Gender", or_dash(&p.gender).into()),
        ("Age band", p.age_band.map_or("—", |a| a.label()).into()),
        ("Ethnicity", or_dash(&p.ethnicity).into()),
        ("Employment status", or_dash(&p.employment_status).into()),
        ("Caution marker", or_dash(&p.caution).into()),
        ("Notes", or_dash(&p.notes).into()),
    ];
    for (k, v) in fields {
        let _ = writeln!(s, "- **{k}:** {v}");
    }
    let _ = writeln!(s, "- **Record created:** {}", p.created_at);
    let _ = writeln!(s, "- **Identifier:** {}", p.uuid);

    let _ = writeln!(s, "\n## Cases ({})\n", d.cases.len());
    if d.cases.is_empty() {
        let _ = writeln!(s, "None.");
    }
    for c in &d.cases {
        let _ = writeln!(s, "### {} — {}\n", c.reference, c.title);
        let roles: Vec<String> = c
            .people
            .iter()
            .map(|x| format!("{} ({})", name_of(&x.contact), x.role.label()))
            .collect();
        let lines: [(&str, String); 16] = [
            ("People", roles.join(", ")),
            ("Opened", c.opened.to_string()),
            ("Closed", c.closed.map_or("—".into(), |d| d.to_string())),
            ("Kind", c.kind.label().into()),
            ("Category", c.category.clone()),
            ("First contact by", c.channel.label().into()),
            ("Status", c.status.label().into()),
            ("Outcome", c.outcome.map_or("—", |o| o.label()).into()),
            ("Location", or_dash(&c.location).into()),
            ("Postcode", or_dash(&c.postcode).into()),
            ("Facts", or_dash(&c.facts).into()),
            ("Wanted", or_dash(&c.wants).into()),
            ("History", or_dash(&c.history).into()),
            ("Others involved", or_dash(&c.others_involved).into()),
            (
                "Feedback",
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
                "Consent to share",
                match c.consent_to_share {
                    Some(true) => "yes".into(),
                    Some(false) => "no".into(),
                    None => "not asked".into(),
                },
            ),
        ];
        let held_items: Vec<WithheldItem> = d
            .withheld
            .iter()
            .filter(|w| w.case == c.reference)
            .map(|w| w.what)
            .collect();
        for (k, v) in lines {
            // A field withheld says so, rather than looking empty.
            let field = match k {
                "Location" => Some(WithheldItem::Location),
                "Postcode" => Some(WithheldItem::Postcode),
                "Facts" => Some(WithheldItem::Facts),
                "Wanted" => Some(WithheldItem::Wants),
                "History" => Some(WithheldItem::History),
                "Others involved" => Some(WithheldItem::OthersInvolved),
                "Feedback" => Some(WithheldItem::Feedback),
                "Consent to share" => Some(WithheldItem::ConsentToShare),
                _ => None,
            };
            let v = match field {
                Some(f) if held_items.contains(&f) => WITHHELD.to_string(),
                _ => v,
            };
            let _ = writeln!(s, "- **{k}:** {v}");
        }
        let held: Vec<String> = d
            .withheld
            .iter()
            .filter(|w| w.case == c.reference)
            .map(withheld_words)
            .collect();
        if !held.is_empty() {
            let _ = writeln!(s, "- **Withheld:** {} — {THIRD_PARTY}", held.join(", "));
        }
        let entries: Vec<&x::Entry> = d
            .entries
            .iter()
            .filter(|e| e.case == Some(c.uuid))
            .collect();
        if !entries.is_empty() {
            let _ = writeln!(s, "\n**Diary**\n");
            for e in entries {
                entry_line(&mut s, e, &name_of);
            }
        }
        let referrals: Vec<&x::Referral> =
            d.referrals.iter().filter(|x| x.case == c.uuid).collect();
        if !referrals.is_empty() {
            let _ = writeln!(s, "\n**Referrals**\n");
            for x in referrals {
                let _ = writeln!(
                    s,
                    "- {}: to {} ({}), reply due {}{}{}",
                    x.referred_on,
                    name_of(&x.to),
                    x.instruction.label(),
                    x.due_on,
                    x.note
                        .as_deref()
                        .map_or(String::new(), |n| format!(" — {n}")),
                    match (&x.reply_on, &x.reply) {
                        (Some(on), reply) => format!("; replied {on}: {}", or_dash(reply)),
                        _ => String::new(),
                    }
                );
            }
        }
        let follow_ups: Vec<&x::FollowUp> = d
            .follow_ups
            .iter()
            .filter(|f| f.case == Some(c.uuid))
            .collect();
        if !follow_ups.is_empty() {
            let _ = writeln!(s, "\n**Follow-ups**\n");
            for f in follow_ups {
                follow_up_line(&mut s, f);
            }
        }
        let _ = writeln!(s);
    }
    if !d.mentions.is_empty() {
        let _ = writeln!(s, "## Mentioned in other cases ({})\n", d.mentions.len());
        let _ = writeln!(
            s,
            "{} is named in these records of other people's cases. Only the passages that name them are given; the rest — {THIRD_PARTY}.\n",
            p.name
        );
        for m in &d.mentions {
            let _ = writeln!(s, "### {} (opened {})\n", m.case, m.opened);
            for passage in &m.passages {
                let _ = writeln!(s, "> {}\n", one_line(passage));
            }
        }
    }
    let unfiled_held: Vec<String> = d
        .withheld
        .iter()
        .filter(|w| w.case == crate::store::UNFILED)
        .map(withheld_words)
        .collect();
    if !unfiled_held.is_empty() {
        let _ = writeln!(
            s,
            "Withheld, not on a case: {} — {THIRD_PARTY}\n",
            unfiled_held.join(", ")
        );
    }
    let unfiled: Vec<&x::Entry> = d.entries.iter().filter(|e| e.case.is_none()).collect();
    let loose: Vec<&x::FollowUp> = d.follow_ups.iter().filter(|f| f.case.is_none()).collect();
    if !unfiled.is_empty() || !loose.is_empty() {
        let _ = writeln!(s, "## Not on a case\n");
        for e in unfiled {
            entry_line(&mut s, e, &name_of);
        }
        for f in loose {
            follow_up_line(&mut s, f);
        }
    }
    s
}

/// What a withheld field shows.
const WITHHELD: &str = "(withheld: see below)";

/// Why third-party data is withheld, in the words the export gives.
const THIRD_PARTY: &str = "another person's data, withheld as the ICO's guidance allows (third-party information, not disclosed without their consent)";

/// "facts", "2 diary entries".
fn withheld_words(w: &Withheld) -> String {
    let n = w.count.unwrap_or(1);
    let many = |one: &str, more: &str| format!("{n} {}", if n == 1 { one } else { more });
    match w.what {
        WithheldItem::Title => "title".into(),
        WithheldItem::Location => "location".into(),
        WithheldItem::Postcode => "postcode".into(),
        WithheldItem::Facts => "facts".into(),
        WithheldItem::Wants => "what was wanted".into(),
        WithheldItem::History => "history".into(),
        WithheldItem::OthersInvolved => "others involved".into(),
        WithheldItem::Feedback => "feedback".into(),
        WithheldItem::ConsentToShare => "consent to share".into(),
        WithheldItem::Entries => many("diary entry", "diary entries"),
        WithheldItem::FollowUps => many("follow-up", "follow-ups"),
        WithheldItem::Referrals => many("referral", "referrals"),
    }
}

fn entry_line(s: &mut String, e: &x::Entry, name_of: &dyn Fn(&uuid::Uuid) -> String) {
    let with = e
        .contact
        .map_or(String::new(), |c| format!(" with {}", name_of(&c)));
    let confidential = if e.confidential {
        " (confidential)"
    } else {
        ""
    };
    let _ = writeln!(
        s,
        "- {} {}{with}{confidential}: {}",
        e.at.format("%Y-%m-%d %H:%M"),
        e.kind.label(),
        e.text
    );
    // The bytes are in the JSON file (base64); the summary names each one.
    for a in &e.attachments {
        let _ = writeln!(
            s,
            "  - attachment: {} ({}, {}; the file itself is in the JSON export)",
            crate::mail::words::clean(&a.filename),
            a.content_type,
            crate::mail::words::size((a.data.len() as u64 / 4) * 3)
        );
    }
}

fn follow_up_line(s: &mut String, f: &x::FollowUp) {
    let done = f
        .done_on
        .map_or("not done".to_string(), |d| format!("done {d}"));
    let _ = writeln!(s, "- due {}: {} ({done})", f.due_on, f.what);
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
