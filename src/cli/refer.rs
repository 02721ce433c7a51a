//! `casebook refer` and `casebook reply`: pass a case to an officer or
//! agency with a reply due in working days, and record their reply.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;

use super::{Env, stdout_error};
use crate::dates::parse_past_datetime;
use crate::domain::{Case, Contact, Instruction, Record};
use crate::store::{NewReferral, ReferOutcome, Store};
use crate::{Error, Result};

#[derive(Debug, Args)]
pub struct ReferArgs {
    /// The case (a reference such as 2026-0042)
    #[arg(long, value_name = "REF")]
    pub case: String,
    /// The officer or agency, by name (from the directory)
    #[arg(long, value_name = "NAME")]
    pub to: String,
    /// Working days they have to reply (default: referral_reply_days in the config)
    #[arg(long, value_name = "N")]
    pub days: Option<u32>,
    /// The council's own reference number for it
    #[arg(long, value_name = "X")]
    pub council_ref: Option<String>,
    /// reply_copy_me (reply to the constituent and copy me in) or
    /// reply_through_me
    #[arg(long, default_value = "reply_copy_me", value_name = "HOW")]
    pub instruction: String,
    /// The constituent was copied in
    #[arg(long)]
    pub copied: bool,
    /// What was asked, in your words
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// When it was referred (default: now)
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Refer even though the constituent has not agreed to their details
    /// being shared
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct ReplyArgs {
    /// The case (a reference such as 2026-0042)
    #[arg(long, value_name = "REF")]
    pub case: String,
    /// Whose reply, when the case awaits more than one
    #[arg(long, value_name = "NAME")]
    pub from: Option<String>,
    /// When the reply came (default: now)
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// What they replied
    #[arg(required = true, num_args = 1.., value_name = "TEXT")]
    pub text: Vec<String>,
}

fn find_case(store: &Store, reference: &str) -> Result<Record<Case>> {
    store
        .case_by_reference(reference)?
        .ok_or_else(|| Error::NotFound {
            what: "case with reference",
            name: reference.trim().to_string(),
        })
}

fn find_officer(store: &Store, name: &str) -> Result<Record<Contact>> {
    let mut found = store.referral_targets_named(name)?;
    match found.len() {
        0 => Err(Error::invalid(format!(
            "no officer or agency named `{}`: add them with `casebook directory --add \"{}\" --handles \"what they deal with\"`",
            name.trim(),
            name.trim()
        ))),
        1 => Ok(found.remove(0)),
        n => Err(Error::invalid(format!(
            "{n} officers or agencies are named `{}`: refer from the app to choose one",
            name.trim()
        ))),
    }
}

pub fn refer(env: &Env, args: &ReferArgs, out: &mut dyn Write) -> Result<ExitCode> {
    // Everything typed is checked before anything is written.
    let instruction: Instruction = args.instruction.parse()?;
    let now = env.clock.now();
    let at = match &args.at {
        Some(t) => parse_past_datetime(t, now)?,
        None => now,
    };
    let reply_days = args.days.unwrap_or(env.config.referral_reply_days);
    if let Err(e) = crate::domain::rules::check_reply_days(reply_days) {
        // Name what the user actually set: the option, or the config key.
        let source = match args.days {
            Some(_) => format!("--days {reply_days}"),
            None => format!("referral_reply_days = {reply_days} in the config file"),
        };
        return Err(Error::invalid(format!("{source}: {e}")));
    }
    let mut store = env.open_store()?;
    let case = find_case(&store, &args.case)?;
    let to = find_officer(&store, &args.to)?;
    let request = NewReferral {
        case: case.id,
        to: to.id,
        at,
        council_ref: args.council_ref.clone(),
        instruction,
        note: args.note.clone(),
        constituent_copied: args.copied,
        reply_days,
    };
    match store.refer(&request, args.yes)? {
        ReferOutcome::NeedsConfirmation(warning) => Err(Error::invalid(format!(
            "not referred: {}. Ask them first (the workbook: always ask permission before sharing), or pass --yes to refer anyway",
            warning.message()
        ))),
        ReferOutcome::Referred(r) => {
            writeln!(
                out,
                "{} referred to {}: reply due {} ({reply_days} working days)",
                case.reference, to.name, r.due_on
            )
            .map_err(stdout_error)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

pub fn reply(env: &Env, args: &ReplyArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let now = env.clock.now();
    let at = match &args.at {
        Some(t) => parse_past_datetime(t, now)?,
        None => now,
    };
    crate::domain::rules::check_not_future(at, now, "the reply")
        .map_err(|e| e.about_option("--at"))?;
    let text = args.text.join(" ");
    if text.trim().is_empty() {
        return Err(Error::invalid("the reply is empty: say what they replied"));
    }
    let mut store = env.open_store()?;
    let case = find_case(&store, &args.case)?;
    let mut awaiting = store.awaiting_referrals(case.id)?;
    if let Some(name) = &args.from {
        let from = find_officer(&store, name)?;
        awaiting.retain(|r| r.to == from.id);
    }
    let referral = match awaiting.len() {
        0 => {
            return Err(Error::invalid(format!(
                "case {} has no referral awaiting a reply{}",
                case.reference,
                if args.from.is_some() {
                    " from them"
                } else {
                    ""
                }
            )));
        }
        1 => awaiting.remove(0),
        n => {
            return Err(Error::invalid(format!(
                "case {} awaits {n} replies: say whose with --from NAME",
                case.reference
            )));
        }
    };
    let to = store.contact(referral.to)?;
    let done = store.reply_to_referral(referral.id, at, &text)?;
    let late = match done.working_days_late {
        0 => String::new(),
        1 => ", 1 working day late".to_string(),
        n => format!(", {n} working days late"),
    };
    writeln!(
        out,
        "{}: reply from {} recorded{late}; the case is now {}",
        done.case_reference, to.name, done.status
    )
    .map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}
