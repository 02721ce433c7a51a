//! `casebook refer` and `casebook reply`: pass a case to an officer or
//! agency with a reply due in working days, and record their reply.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;

use super::{Env, stdout_error};
use crate::dates::parse_past_datetime;
use crate::domain::rules::Happened;
use crate::domain::text::one_line;
use crate::domain::{Case, Contact, Instruction, Record};
use crate::error::Msg;
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
        0 => Err(Error::user(
            Msg::new("error-refer-no-officer").text("name", name.trim()),
        )),
        1 => Ok(found.remove(0)),
        n => Err(Error::user(
            Msg::new("error-refer-several-officers")
                .num("count", i64::try_from(n).unwrap_or(i64::MAX))
                .text("name", name.trim()),
        )),
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
            None => env.i18n.tr1("refer-days-in-config", "days", reply_days),
        };
        return Err(Error::user(
            Msg::new("error-option")
                .text("option", source)
                .arg("problem", crate::error::Arg::from_error(e)),
        ));
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
        ReferOutcome::NeedsConfirmation(warning) => Err(Error::user(
            Msg::new(match warning.consent {
                Some(false) => "error-refer-consent-refused",
                _ => "error-refer-consent-not-asked",
            })
            .text("reference", &warning.case_reference),
        )),
        ReferOutcome::Referred(r) => {
            let line = env.i18n.tr(
                "refer-done",
                Some(&crate::i18n::args(&[
                    ("reference", case.reference.as_str().into()),
                    ("to", one_line(&to.name).into()),
                    ("due", r.due_on.to_string().into()),
                    ("days", reply_days.into()),
                ])),
            );
            writeln!(out, "{line}").map_err(stdout_error)?;
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
    crate::domain::rules::check_not_future(at, now, Happened::Reply)
        .map_err(|e| e.about_option("--at"))?;
    let text = args.text.join(" ");
    if text.trim().is_empty() {
        return Err(Error::user(Msg::new("error-reply-empty")));
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
            return Err(Error::user(
                Msg::new(if args.from.is_some() {
                    "error-reply-none-from-them"
                } else {
                    "error-reply-none"
                })
                .text("reference", &case.reference),
            ));
        }
        1 => awaiting.remove(0),
        n => {
            return Err(Error::user(
                Msg::new("error-reply-several")
                    .text("reference", &case.reference)
                    .num("count", i64::try_from(n).unwrap_or(i64::MAX)),
            ));
        }
    };
    let to = store.contact(referral.to)?;
    let done = store.reply_to_referral(referral.id, at, &text)?;
    let t = &env.i18n;
    let line = t.tr(
        "reply-done",
        Some(&crate::i18n::args(&[
            ("reference", done.case_reference.as_str().into()),
            ("from", one_line(&to.name).into()),
            ("late", done.working_days_late.into()),
            ("status", t.label(done.status).to_lowercase().into()),
        ])),
    );
    writeln!(out, "{line}").map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}
