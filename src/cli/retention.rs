//! `casebook retention [--erase --yes]`: closed cases past the retention
//! period (`retention_years` after closing, default two). The list shows
//! reference, category and closed date — no names. `--erase --yes`
//! anonymises those cases as an erasure does and erases the people left with
//! no live case.

use std::io::Write;
use std::process::ExitCode;

use chrono::Months;

use super::{Env, RetentionArgs, stdout_error};
use crate::{Error, Result};

pub fn run(env: &Env, args: &RetentionArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let years = env.config.retention_years;
    let today = env.clock.today();
    let closed_by = today
        .checked_sub_months(Months::new(years.saturating_mul(12)))
        .ok_or_else(|| Error::invalid("retention_years is too large"))?;
    let mut store = super::erase::open_for_erasure(env)?;
    let due = store.retention_due(closed_by)?;
    if due.is_empty() {
        writeln!(
            out,
            "no closed case is past the retention period ({years} years; closed on or before {closed_by})"
        )
        .map_err(stdout_error)?;
        return Ok(ExitCode::SUCCESS);
    }
    if !args.erase {
        writeln!(
            out,
            "{} closed cases are past the retention period ({years} years; closed on or before {closed_by}):",
            due.len()
        )
        .map_err(stdout_error)?;
        for c in &due {
            writeln!(
                out,
                "{}  {:<22}  closed {}",
                c.reference, c.category, c.closed
            )
            .map_err(stdout_error)?;
        }
        writeln!(out, "erase them with: casebook retention --erase --yes").map_err(stdout_error)?;
        return Ok(ExitCode::SUCCESS);
    }
    if !args.yes {
        return Err(Error::invalid(format!(
            "nothing erased: this would anonymise {} closed cases (closed on or before {closed_by}) and erase the people left with no live case; add --yes",
            due.len()
        )));
    }
    let ids: Vec<_> = due.iter().map(|c| c.id).collect();
    let done = store.erase_cases(&ids)?;
    super::erase::report(env, &done, out)?;
    super::erase::backup_after(env, &store);
    Ok(ExitCode::SUCCESS)
}
