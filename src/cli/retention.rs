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
use crate::error::Msg;
use crate::i18n::args as i18n_args;
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
    let t = &env.i18n;
    let years = env.config.retention_years;
    let cutoff = retention::cutoff(env.clock.today(), years)
        .ok_or_else(|| Error::user(Msg::new("error-retention-too-large")))?;
    let mut store = super::erase::open_for_erasure(env)?;
    let plan = plan(&store, cutoff)?;
    let w = |out: &mut dyn Write, line: String| writeln!(out, "{line}").map_err(stdout_error);
    let period = |id: &str, count: usize| {
        t.tr(
            id,
            Some(&i18n_args(&[
                ("count", count.into()),
                ("years", years.into()),
                ("cutoff", cutoff.to_string().into()),
            ])),
        )
    };
    if plan.cases.is_empty() {
        w(out, period("retention-none", 0))?;
        return Ok(ExitCode::SUCCESS);
    }
    if !args.erase {
        w(out, period("retention-list", plan.cases.len()))?;
        for c in &plan.cases {
            let category = t
                .category(&c.category)
                .unwrap_or_else(|| c.category.clone());
            let closed = t.tr1("retention-closed", "date", c.closed.to_string());
            w(out, format!("{}  {category:<22}  {closed}", c.reference))?;
        }
        if plan.kept_cases > 0 {
            w(out, t.tr1("retention-kept", "count", plan.kept_cases))?;
        }
        w(out, t.tr1("retention-people", "count", plan.people.len()))?;
        w(out, t.tr("retention-how", None))?;
        return Ok(ExitCode::SUCCESS);
    }
    if !args.yes {
        w(out, t.tr("retention-would-anonymise", None))?;
        let refs: Vec<&str> = plan.cases.iter().map(|c| c.reference.as_str()).collect();
        w(out, format!("  {}", refs.join(", ")))?;
        w(out, t.tr("retention-would-erase", None))?;
        for p in &plan.people {
            let last = p
                .activity
                .latest
                .map_or_else(|| t.tr("retention-never", None), |d| d.to_string());
            let line = t.tr(
                "retention-person",
                Some(&i18n_args(&[
                    ("name", shown(&p.name).into()),
                    ("last", last.into()),
                    ("uuid", p.uuid.to_string().into()),
                ])),
            );
            w(out, format!("  {line}"))?;
        }
        return Err(Error::user(
            Msg::new("error-retention-needs-yes")
                .num("cases", i64::try_from(plan.cases.len()).unwrap_or(i64::MAX))
                .text("cutoff", cutoff.to_string())
                .num(
                    "people",
                    i64::try_from(plan.people.len()).unwrap_or(i64::MAX),
                ),
        ));
    }
    let cases: Vec<_> = plan.cases.iter().map(|c| c.id).collect();
    let people: Vec<_> = plan.people.iter().map(|p| p.id).collect();
    let done = store.erase_records(&cases, &people)?;
    super::erase::report(env, &done, out)?;
    super::erase::backup_after(env, &store);
    Ok(ExitCode::SUCCESS)
}
