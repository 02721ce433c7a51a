//! `casebook retention [--erase [--yes]]`: closed cases past the retention
//! period (`retention_years` after closing, default two), judged by
//! [`crate::domain::retention`]: a case with any activity since the cut-off
//! (an entry, a follow-up, a referral) is kept, and a person is erased only
//! when nothing of theirs of any kind (entries unfiled or filed, cases,
//! follow-ups, referrals) is newer than the cut-off or still open.
//!
//! The list shows reference, category and closed date — no names;
//! `--erase` without `--yes` also lists, by name, the people who would be
//! erased, and changes nothing.

use std::io::Write;
use std::process::ExitCode;

use super::{Env, RetentionArgs, stdout_error};
use crate::domain::retention;
use crate::store::{RetentionCase, RetentionPerson, Store};
use crate::{Error, Result};

/// What retention would do today.
struct Plan {
    cases: Vec<RetentionCase>,
    /// Closed before the cut-off but with activity since: kept.
    kept_cases: usize,
    people: Vec<RetentionPerson>,
}

fn plan(store: &Store, cutoff: chrono::NaiveDate) -> Result<Plan> {
    let (cases, kept): (Vec<_>, Vec<_>) = store
        .retention_cases(cutoff)?
        .into_iter()
        .partition(|c| c.activity.is_past(cutoff));
    let mut ids: Vec<_> = cases
        .iter()
        .flat_map(|c| c.people.iter().copied())
        .collect();
    ids.sort_unstable_by_key(|id| id.raw());
    ids.dedup();
    let people = store
        .retention_people(&ids)?
        .into_iter()
        .filter(|p| p.activity.is_past(cutoff))
        .collect();
    Ok(Plan {
        cases,
        kept_cases: kept.len(),
        people,
    })
}

/// A name as it may be printed to a terminal: no control characters.
fn shown(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

pub fn run(env: &Env, args: &RetentionArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let years = env.config.retention_years;
    let cutoff = retention::cutoff(env.clock.today(), years)
        .ok_or_else(|| Error::invalid("retention_years is too large"))?;
    let mut store = super::erase::open_for_erasure(env)?;
    let plan = plan(&store, cutoff)?;
    let w = |out: &mut dyn Write, line: String| writeln!(out, "{line}").map_err(stdout_error);
    if plan.cases.is_empty() {
        w(
            out,
            format!(
                "no closed case is past the retention period ({years} years; closed on or before {cutoff}, nothing since)"
            ),
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    if !args.erase {
        w(
            out,
            format!(
                "{} closed cases are past the retention period ({years} years; closed on or before {cutoff}, nothing since):",
                plan.cases.len()
            ),
        )?;
        for c in &plan.cases {
            w(
                out,
                format!("{}  {:<22}  closed {}", c.reference, c.category, c.closed),
            )?;
        }
        if plan.kept_cases > 0 {
            w(
                out,
                format!(
                    "{} more closed by then are kept: something happened on them since",
                    plan.kept_cases
                ),
            )?;
        }
        w(
            out,
            format!(
                "{} people would be erased with them (anyone in touch since is kept); to see who: casebook retention --erase",
                plan.people.len()
            ),
        )?;
        w(
            out,
            "erase them with: casebook retention --erase --yes".into(),
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    if !args.yes {
        w(out, "would anonymise these closed cases:".into())?;
        let refs: Vec<&str> = plan.cases.iter().map(|c| c.reference.as_str()).collect();
        w(out, format!("  {}", refs.join(", ")))?;
        w(
            out,
            "and erase these people (nothing of theirs since the cut-off):".into(),
        )?;
        for p in &plan.people {
            let last = p
                .activity
                .latest
                .map_or_else(|| "never".to_string(), |d| d.to_string());
            w(
                out,
                format!("  {}  last in touch {last}  {}", shown(&p.name), p.uuid),
            )?;
        }
        return Err(Error::invalid(format!(
            "nothing erased: this would anonymise {} closed cases (closed on or before {cutoff}) and erase the {} people listed; add --yes",
            plan.cases.len(),
            plan.people.len()
        )));
    }
    let cases: Vec<_> = plan.cases.iter().map(|c| c.id).collect();
    let people: Vec<_> = plan.people.iter().map(|p| p.id).collect();
    let done = store.erase_records(&cases, &people)?;
    super::erase::report(env, &done, out)?;
    super::erase::backup_after(env, &store);
    Ok(ExitCode::SUCCESS)
}
