//! `casebook followups`: the pending follow-ups, soonest first, with what
//! each is for; `followups done ID`, `followups snooze ID DATE` and
//! `followups add --case REF DATE TEXT`. An ID is the number shown in the
//! list (`#12`) or the UUID `due --format json` gives.

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::{Env, TextOrJson, stdout_error};
use crate::dates::parse_date;
use crate::domain::text::one_line;
use crate::domain::{FollowUp, Id};
use crate::error::Msg;
use crate::i18n::{Catalogue, args as i18n_args};
use crate::store::{FollowUpItem, Store};
use crate::{Error, Result};

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  casebook followups                           # every pending follow-up, soonest first
  casebook followups done 12                   # #12 is done (today)
  casebook followups snooze 12 mon             # put #12 off to Monday
  casebook followups add --case 2026-0042 +3d \"Chase the damp survey\"
  casebook followups --format json")]
pub struct FollowupsArgs {
    #[command(subcommand)]
    pub action: Option<FollowupsAction>,
    #[arg(long, value_enum, default_value = "text", global = true)]
    pub format: TextOrJson,
}

#[derive(Debug, Subcommand)]
pub enum FollowupsAction {
    /// Mark a follow-up done (today)
    Done {
        /// The number shown in the list (#12 or 12), or its UUID
        #[arg(value_name = "ID")]
        id: String,
    },
    /// Move a follow-up to another day
    Snooze {
        /// The number shown in the list (#12 or 12), or its UUID
        #[arg(value_name = "ID")]
        id: String,
        /// The new day, e.g. tomorrow, +3d, fri, 2026-03-01
        #[arg(value_name = "DATE")]
        date: String,
    },
    /// Add a follow-up to a case
    Add {
        /// The case reference, e.g. 2026-0042
        #[arg(long, value_name = "REF")]
        case: String,
        /// When, e.g. +3d, fri, 2026-03-01
        #[arg(value_name = "DATE")]
        date: String,
        /// What to do
        #[arg(required = true, num_args = 1.., value_name = "TEXT")]
        text: Vec<String>,
    },
}

/// Words of the command, kept together for translation.

#[derive(Serialize)]
struct JsonFollowUp {
    number: i64,
    id: String,
    due_on: String,
    /// What it is for; `null` when it came from a confidential entry.
    what: Option<String>,
    confidential: bool,
    case: Option<String>,
    contact: Option<String>,
}

impl From<&FollowUpItem> for JsonFollowUp {
    fn from(f: &FollowUpItem) -> Self {
        JsonFollowUp {
            number: f.id.raw(),
            id: f.uuid.to_string(),
            due_on: f.due_on.to_string(),
            what: (!f.confidential).then(|| f.what.clone()),
            confidential: f.confidential,
            case: f.case.as_ref().map(|c| c.reference.clone()),
            contact: f.contact.as_ref().map(|c| c.name.clone()),
        }
    }
}

/// What a follow-up is for, as a terminal line shows it, in the reader's
/// language when casebook wrote it.
pub(crate) fn what(t: &Catalogue, f: &FollowUpItem) -> String {
    if f.confidential {
        t.tr("followups-masked", None)
    } else {
        one_line(&t.follow_up(&f.what, f.contact.as_ref().map(|c| c.name.as_str())))
    }
}

fn print(out: &mut dyn Write, s: &str) -> Result<()> {
    out.write_all(s.as_bytes())
        .and_then(|()| out.flush())
        .map_err(stdout_error)
}

pub fn run(env: &Env, args: &FollowupsArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let today = env.clock.today();
    match &args.action {
        None => {
            let store = env.open_store()?;
            let items = store.follow_up_items(None, None, usize::MAX)?;
            match args.format {
                TextOrJson::Json => {
                    #[derive(Serialize)]
                    struct Doc {
                        today: String,
                        follow_ups: Vec<JsonFollowUp>,
                    }
                    let mut s = serde_json::to_string_pretty(&Doc {
                        today: today.to_string(),
                        follow_ups: items.iter().map(JsonFollowUp::from).collect(),
                    })
                    .map_err(|e| Error::failed(crate::error::Msg::new("doing-write-json"), e))?;
                    s.push('\n');
                    print(out, &s)?;
                }
                TextOrJson::Text => {
                    let t = &env.i18n;
                    if items.is_empty() {
                        print(out, &format!("{}\n", t.tr("followups-nothing", None)))?;
                    }
                    let unfiled = t.tr("due-unfiled", None);
                    for f in &items {
                        let reference = f.case.as_ref().map_or(unfiled.as_str(), |c| &c.reference);
                        let who = f
                            .contact
                            .as_ref()
                            .map(|c| format!(" ({})", one_line(&c.name)))
                            .unwrap_or_default();
                        print(
                            out,
                            &format!(
                                "#{:<5} {}  {reference:<9}  {}{who}\n",
                                f.id.raw(),
                                f.due_on,
                                what(&env.i18n, f)
                            ),
                        )?;
                    }
                }
            }
        }
        Some(FollowupsAction::Done { id }) => {
            let mut store = env.open_store()?;
            let id = follow_up_id(&store, id)?;
            let f = store.follow_up(id)?;
            store.complete_follow_up(id, today)?;
            let line = env.i18n.tr(
                "followups-done",
                Some(&i18n_args(&[
                    ("number", id.raw().into()),
                    ("what", one_line(&env.i18n.follow_up(&f.what, None)).into()),
                ])),
            );
            print(out, &format!("{line}\n"))?;
        }
        Some(FollowupsAction::Snooze { id, date }) => {
            let to = parse_date(date, today).map_err(|e| e.about_option("DATE"))?;
            if to < today {
                return Err(Error::user(
                    Msg::new("error-snooze-past").text("date", to.to_string()),
                ));
            }
            let mut store = env.open_store()?;
            let id = follow_up_id(&store, id)?;
            store.reschedule_follow_up(id, to)?;
            let line = env.i18n.tr(
                "followups-snoozed",
                Some(&i18n_args(&[
                    ("number", id.raw().into()),
                    ("date", to.to_string().into()),
                ])),
            );
            print(out, &format!("{line}\n"))?;
        }
        Some(FollowupsAction::Add {
            case,
            date,
            text: words,
        }) => {
            let due_on = parse_date(date, today).map_err(|e| e.about_option("DATE"))?;
            let what = words.join(" ");
            let mut store = env.open_store()?;
            let c = store
                .case_by_reference(case.trim())?
                .ok_or_else(|| Error::NotFound {
                    what: "case with reference",
                    name: one_line(case.trim()),
                })?;
            let f = FollowUp {
                case: Some(c.id),
                contact: None,
                entry: None,
                due_on,
                what: what.trim().to_string(),
                done_on: None,
            };
            f.validate()?;
            let saved = store.add_follow_up(&f)?;
            let line = env.i18n.tr(
                "followups-added",
                Some(&i18n_args(&[
                    ("number", saved.id.raw().into()),
                    ("reference", c.reference.as_str().into()),
                    ("date", due_on.to_string().into()),
                ])),
            );
            print(out, &format!("{line}\n"))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A follow-up by its number (`12`, `#12`) or UUID; one that is not there
/// (or already done) is a clear error.
fn follow_up_id(store: &Store, typed: &str) -> Result<Id<FollowUp>> {
    let t = typed.trim().trim_start_matches('#');
    let found = if let Ok(n) = t.parse::<i64>() {
        store.follow_up(Id::new(n)).ok().map(|f| (f.id, f.done_on))
    } else if let Ok(u) = uuid::Uuid::parse_str(t) {
        match store.follow_up_id(&u)? {
            Some(id) => store.follow_up(id).ok().map(|f| (f.id, f.done_on)),
            None => None,
        }
    } else {
        return Err(Error::user(
            Msg::new("error-follow-up-id").text("input", typed.trim()),
        ));
    };
    match found {
        Some((id, None)) => Ok(id),
        Some((id, Some(done))) => Err(Error::user(
            Msg::new("error-follow-up-done")
                .num("number", id.raw())
                .text("date", done.to_string()),
        )),
        None => Err(Error::NotFound {
            what: "follow-up",
            name: one_line(typed.trim()),
        }),
    }
}
