//! `casebook log`: a diary entry from the shell.

use std::io::Write;
use std::process::ExitCode;

use super::{Env, LogArgs, stdout_error};
use crate::dates::{parse_date, parse_past_datetime};
use crate::domain::EntryKind;
use crate::domain::rules::Happened;
use crate::domain::text::one_line;
use crate::error::Msg;
use crate::store::{LogRequest, Who};
use crate::{Error, Result};

pub fn run(env: &Env, args: &LogArgs, out: &mut dyn Write) -> Result<ExitCode> {
    // Everything the user typed is checked before the diary is opened, so a
    // mistake changes nothing.
    let kind: EntryKind = args.kind.parse()?;
    let now = env.clock.now();
    let at = match &args.at {
        Some(t) => parse_past_datetime(t, now)?,
        None => now,
    };
    crate::domain::rules::check_not_future(at, now, Happened::Entry)
        .map_err(|e| e.about_option("--at"))?;
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
        return Err(Error::user(Msg::new("error-log-empty")));
    }
    if args.who.trim().is_empty() {
        return Err(Error::user(Msg::new("error-log-who-empty")));
    }
    let t = &env.i18n;
    let mut store = env.open_store()?;
    // Logged while a surgery runs: it belongs to the surgery.
    req.surgery = store.surgery_at(req.at)?;
    let done = store.log(&req)?;
    if done.contact_created {
        // On stderr, so that standard output stays one line for scripts.
        super::note(t.tr1("log-contact-created", "name", one_line(&done.contact_name)));
    }
    if let Some(due) = done.follow_up {
        super::note(t.tr1("log-follow-up-on", "date", due.to_string()));
    }
    // "unfiled" is the scripting contract's word (SPEC section 3), as a
    // case reference is: the same in every language.
    let filed = done
        .case
        .map(|(_, reference)| reference)
        .unwrap_or_else(|| "unfiled".to_string());
    writeln!(out, "{filed}").map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}
