//! `casebook log`: a diary entry from the shell.

use std::io::Write;
use std::process::ExitCode;

use super::{Env, LogArgs, stdout_error};
use crate::Error;
use crate::Result;
use crate::dates::{parse_date, parse_past_datetime};
use crate::domain::EntryKind;
use crate::store::{LogRequest, Who};

pub fn run(env: &Env, args: &LogArgs, out: &mut dyn Write) -> Result<ExitCode> {
    // Everything the user typed is checked before the diary is opened, so a
    // mistake changes nothing.
    let kind: EntryKind = args.kind.parse()?;
    let now = env.clock.now();
    let at = match &args.at {
        Some(t) => parse_past_datetime(t, now)?,
        None => now,
    };
    crate::domain::rules::check_not_future(at, now, "the entry")
        .map_err(|e| Error::invalid(format!("--at: {e}")))?;
    let follow_up = args
        .follow_up
        .as_deref()
        .map(|d| parse_date(d, now.date()))
        .transpose()?;
    let text = args.text.join(" ");
    let mut req = LogRequest {
        who: Who::Named(args.who.clone()),
        case: args.case.clone(),
        kind,
        at,
        text,
        follow_up,
        confidential: args.confidential,
        surgery: None,
    };
    if req.text.trim().is_empty() {
        return Err(crate::Error::invalid(
            "the entry text is empty: say what happened",
        ));
    }
    if args.who.trim().is_empty() {
        return Err(crate::Error::invalid(
            "--who is empty: give the person's name",
        ));
    }
    let mut store = env.open_store()?;
    // Logged while a surgery runs: it belongs to the surgery.
    req.surgery = store.surgery_at(req.at)?;
    let done = store.log(&req)?;
    if done.contact_created {
        // On stderr, so that standard output stays one line for scripts.
        super::note(format_args!("new contact created: {}", done.contact_name));
    }
    if let Some(due) = done.follow_up {
        super::note(format_args!("follow-up on {due}"));
    }
    let filed = done
        .case
        .map(|(_, reference)| reference)
        .unwrap_or_else(|| "unfiled".to_string());
    writeln!(out, "{filed}").map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}
