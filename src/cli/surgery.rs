//! `casebook surgery start VENUE`, `surgery end`, `surgery list`: an advice
//! session, whose cases and entries belong to it while it runs.

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::{Env, stdout_error};
use crate::store::SurgerySummary;
use crate::{Error, Result};

#[derive(Debug, Args)]
pub struct SurgeryArgs {
    #[command(subcommand)]
    pub action: SurgeryAction,
}

#[derive(Debug, Subcommand)]
pub enum SurgeryAction {
    /// Start a surgery now: what you log until it ends belongs to it
    Start {
        /// Where it is held
        #[arg(required = true, num_args = 1.., value_name = "VENUE")]
        venue: Vec<String>,
    },
    /// End the running surgery and sum it up
    End,
    /// The surgery running now, if any
    Status,
    /// Past surgeries, newest first
    List {
        /// How many to show
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
}

/// "3 people seen, 2 cases opened, 4 entries; housing 2, waste 1"
fn summary_line(s: &SurgerySummary) -> String {
    let people = match s.people_seen {
        1 => "1 person seen".to_string(),
        n => format!("{n} people seen"),
    };
    let cases = match s.cases_opened {
        1 => "1 case opened".to_string(),
        n => format!("{n} cases opened"),
    };
    let entries = match s.entries {
        1 => "1 entry".to_string(),
        n => format!("{n} entries"),
    };
    let mut line = format!("{people}, {cases}, {entries}");
    if !s.categories.is_empty() {
        let cats: Vec<String> = s
            .categories
            .iter()
            .map(|(c, n)| format!("{c} {n}"))
            .collect();
        line += &format!("; {}", cats.join(", "));
    }
    line
}

pub fn run(env: &Env, args: &SurgeryArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let now = env.clock.now();
    match &args.action {
        SurgeryAction::Start { venue } => {
            let venue = venue.join(" ");
            if venue.trim().is_empty() {
                return Err(Error::invalid("the venue is empty: where is the surgery?"));
            }
            let mut store = env.open_store()?;
            let s = store.start_surgery(&venue, now)?;
            writeln!(
                out,
                "Surgery at {} started {}: what you log until `casebook surgery end` belongs to it",
                s.venue,
                now.format("%Y-%m-%d %H:%M")
            )
            .map_err(stdout_error)?;
        }
        SurgeryAction::End => {
            let mut store = env.open_store()?;
            let (s, summary) = store.end_surgery(now)?;
            writeln!(
                out,
                "Surgery at {} ended: {}",
                s.venue,
                summary_line(&summary)
            )
            .map_err(stdout_error)?;
        }
        SurgeryAction::Status => {
            let store = env.open_store()?;
            match store.current_surgery()? {
                Some(s) => writeln!(
                    out,
                    "Surgery at {} running since {}",
                    s.venue,
                    s.started_at
                        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                        .unwrap_or_default()
                ),
                None => writeln!(out, "No surgery is running."),
            }
            .map_err(stdout_error)?;
        }
        SurgeryAction::List { limit } => {
            let store = env.open_store()?;
            let list = store.past_surgeries(now.date(), *limit)?;
            if list.is_empty() {
                writeln!(out, "No surgeries yet.").map_err(stdout_error)?;
            }
            for (s, summary) in list {
                writeln!(
                    out,
                    "{}  {}: {}",
                    s.held_on,
                    s.venue,
                    summary_line(&summary)
                )
                .map_err(stdout_error)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
