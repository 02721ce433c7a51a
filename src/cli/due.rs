//! `casebook due`: what needs doing today, for a shell start-up file or cron.
//!
//! Follow-ups due today or overdue, referral replies that are late, and open
//! cases whose constituent has heard nothing for `keep_informed_days`.
//! Nothing in the future. Short and plain: for a follow-up, the case
//! reference, the person's name and what it is for (masked when it came from
//! a confidential entry); the case's facts stay in the diary. Exits 0 even
//! when nothing is due.
//!
//! `--format json` prints one object, stable for scripts:
//!
//! ```text
//! { "today": "YYYY-MM-DD",
//!   "follow_ups": [ { "id": uuid, "number": int, "due_on": date,
//!                     "days_overdue": int, "what": text|null,
//!                     "confidential": bool,
//!                     "case": ref|null, "contact": name|null } ],
//!   "late_referrals": [ { "id": uuid, "case": ref, "to": name,
//!                         "department": text|null, "council_ref": text|null,
//!                         "referred_on": date, "due_on": date,
//!                         "working_days_late": int } ],
//!   "needs_update": [ { "case": ref, "constituent": name,
//!                       "last_contact": date|null, "days_since": int } ] }
//! ```
//!
//! Lists are soonest due (longest waiting) first; `days_overdue` is 0 for
//! today; `days_since` counts from the last contact, or the opened date.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::{Env, TextOrJson, stdout_error};
use crate::Result;
use crate::domain::text::one_line;
use crate::domain::workdays::working_days_between;
use crate::i18n::{Catalogue, args};
use crate::store::DueList;

/// Lines shown per section in text; the rest are counted.
const TEXT_LIMIT: usize = 10;

#[derive(Serialize)]
struct Json {
    today: String,
    follow_ups: Vec<JsonFollowUp>,
    late_referrals: Vec<JsonLateReferral>,
    needs_update: Vec<JsonNeedsUpdate>,
}

#[derive(Serialize)]
struct JsonFollowUp {
    id: String,
    /// The number `casebook followups done` takes.
    number: i64,
    due_on: String,
    days_overdue: i64,
    /// What it is for; `null` when it came from a confidential entry.
    what: Option<String>,
    confidential: bool,
    case: Option<String>,
    contact: Option<String>,
}

#[derive(Serialize)]
struct JsonLateReferral {
    id: String,
    case: String,
    to: String,
    department: Option<String>,
    council_ref: Option<String>,
    referred_on: String,
    due_on: String,
    working_days_late: u32,
}

#[derive(Serialize)]
struct JsonNeedsUpdate {
    case: String,
    constituent: String,
    last_contact: Option<String>,
    days_since: i64,
}

pub fn run(env: &Env, format: TextOrJson, out: &mut dyn Write) -> Result<ExitCode> {
    let store = env.open_store()?;
    let today = env.clock.today();
    let days = env.config.keep_informed_days;
    // Text shows the first few of each list and counts the rest; JSON is
    // for scripts and lists everything.
    let printed = match format {
        TextOrJson::Text => as_text(&env.i18n, &store.due_list(today, days, TEXT_LIMIT)?, days),
        TextOrJson::Json => as_json(&store.due_list(today, days, usize::MAX)?)?,
    };
    out.write_all(printed.as_bytes()).map_err(stdout_error)?;
    out.flush().map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}

fn as_json(due: &DueList) -> Result<String> {
    let today = due.today;
    let json = Json {
        today: today.to_string(),
        follow_ups: due
            .follow_ups
            .iter()
            .map(|f| JsonFollowUp {
                id: f.uuid.to_string(),
                number: f.id.raw(),
                due_on: f.due_on.to_string(),
                days_overdue: (today - f.due_on).num_days().max(0),
                what: (!f.confidential).then(|| f.what.clone()),
                confidential: f.confidential,
                case: f.case.as_ref().map(|c| c.reference.clone()),
                contact: f.contact.as_ref().map(|c| c.name.clone()),
            })
            .collect(),
        late_referrals: due
            .late_referrals
            .iter()
            .map(|r| JsonLateReferral {
                id: r.uuid.to_string(),
                case: r.case.reference.clone(),
                to: r.to.name.clone(),
                department: r.department.clone(),
                council_ref: r.council_ref.clone(),
                referred_on: r.referred_on.to_string(),
                due_on: r.due_on.to_string(),
                working_days_late: working_days_between(r.due_on, today),
            })
            .collect(),
        needs_update: due
            .needs_update
            .iter()
            .map(|n| JsonNeedsUpdate {
                case: n.case.reference.clone(),
                constituent: n.constituent.name.clone(),
                last_contact: n.last_contact.map(|d| d.to_string()),
                days_since: (today - n.since).num_days(),
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&json)
        .map_err(|e| crate::Error::failed(crate::error::Msg::new("doing-write-json"), e))?;
    s.push('\n');
    Ok(s)
}

/// The text for a person: every word from the catalogue (`due-*` in
/// `assets/i18n/*/casebook.ftl`); the layout (dates, padded references) here.
fn as_text(t: &Catalogue, due: &DueList, keep_informed_days: u32) -> String {
    if due.is_empty() {
        return format!("{}\n", t.tr("due-nothing", None));
    }
    let today = due.today;
    let mut s = String::new();
    let mut section = |title: String, total: u64, lines: Vec<String>| {
        if total == 0 {
            return;
        }
        if !s.is_empty() {
            s.push('\n');
        }
        s += &title;
        s.push('\n');
        for l in &lines {
            s += &format!("  {l}\n");
        }
        let rest = total.saturating_sub(lines.len() as u64);
        if rest > 0 {
            s += &format!("  {}\n", t.tr1("due-more", "count", rest));
        }
    };
    let totals = due.totals;
    let unfiled = t.tr("due-unfiled", None);
    section(
        t.tr1("due-follow-ups", "count", totals.follow_ups),
        totals.follow_ups,
        due.follow_ups
            .iter()
            .map(|f| {
                let late = (today - f.due_on).num_days();
                let when = if late <= 0 {
                    t.tr("due-today", None)
                } else {
                    t.tr1("due-overdue", "days", late)
                };
                let reference = f.case.as_ref().map_or(unfiled.as_str(), |c| &c.reference);
                let who = f
                    .contact
                    .as_ref()
                    .map_or(String::new(), |c| one_line(&c.name));
                format!(
                    "{}  {reference:<9}  {who} ({when}): {}",
                    f.due_on,
                    super::followups::what(t, f)
                )
            })
            .collect(),
    );
    section(
        t.tr1("due-late-referrals", "count", totals.late_referrals),
        totals.late_referrals,
        due.late_referrals
            .iter()
            .map(|r| {
                let to = match &r.department {
                    Some(d) => format!("{} ({d})", r.to.name),
                    None => r.to.name.clone(),
                };
                let line = t.tr(
                    "due-referral",
                    Some(&args(&[
                        ("to", to.into()),
                        ("due", r.due_on.to_string().into()),
                        ("days", working_days_between(r.due_on, today).into()),
                    ])),
                );
                format!("{:<9}  {line}", r.case.reference)
            })
            .collect(),
    );
    section(
        t.tr(
            "due-needs-update",
            Some(&args(&[
                ("days", keep_informed_days.into()),
                ("count", totals.needs_update.into()),
            ])),
        ),
        totals.needs_update,
        due.needs_update
            .iter()
            .map(|n| {
                let (id, date) = match n.last_contact {
                    Some(d) => ("due-last-contact", d),
                    None => ("due-no-contact", n.since),
                };
                let line = t.tr(
                    id,
                    Some(&args(&[
                        ("name", n.constituent.name.as_str().into()),
                        ("date", date.to_string().into()),
                        ("days", (today - n.since).num_days().into()),
                    ])),
                );
                format!("{:<9}  {line}", n.case.reference)
            })
            .collect(),
    );
    s
}
