//! `casebook surgery start VENUE`, `surgery end`, `surgery list`: an advice
//! session, whose cases and entries belong to it while it runs.

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::{Env, stdout_error};
use crate::error::Msg;
use crate::i18n::{Catalogue, args as i18n_args};
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

/// "3 people seen, 2 cases opened, 4 entries; Housing 2, Waste 1"
fn summary_line(t: &Catalogue, s: &SurgerySummary) -> String {
    let mut line = t.tr(
        "surgery-summary",
        Some(&i18n_args(&[
            ("people", s.people_seen.into()),
            ("cases", s.cases_opened.into()),
            ("entries", s.entries.into()),
        ])),
    );
    if !s.categories.is_empty() {
        let cats: Vec<String> = s
            .categories
            .iter()
            .map(|(c, n)| format!("{} {n}", t.category(c).unwrap_or_else(|| c.clone())))
            .collect();
        line += &format!("; {}", cats.join(", "));
    }
    line
}

pub fn run(env: &Env, args: &SurgeryArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let now = env.clock.now();
    let t = &env.i18n;
    let at = |id: &str, venue: &str, when: String| {
        t.tr(
            id,
            Some(&i18n_args(&[
                ("venue", venue.into()),
                ("when", when.into()),
            ])),
        )
    };
    match &args.action {
        SurgeryAction::Start { venue } => {
            let venue = venue.join(" ");
            if venue.trim().is_empty() {
                return Err(Error::user(Msg::new("error-surgery-no-venue")));
            }
            let mut store = env.open_store()?;
            let s = store.start_surgery(&venue, now)?;
            let line = at(
                "surgery-started",
                &s.venue,
                now.format("%Y-%m-%d %H:%M").to_string(),
            );
            writeln!(out, "{line}").map_err(stdout_error)?;
        }
        SurgeryAction::End => {
            let mut store = env.open_store()?;
            let (s, summary) = store.end_surgery(now)?;
            let line = at("surgery-ended", &s.venue, summary_line(t, &summary));
            writeln!(out, "{line}").map_err(stdout_error)?;
        }
        SurgeryAction::Status => {
            let store = env.open_store()?;
            match store.current_surgery()? {
                Some(s) => writeln!(
                    out,
                    "{}",
                    at(
                        "surgery-running",
                        &s.venue,
                        s.started_at
                            .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                            .unwrap_or_default()
                    )
                ),
                None => writeln!(out, "{}", t.tr("surgery-none-running", None)),
            }
            .map_err(stdout_error)?;
        }
        SurgeryAction::List { limit } => {
            let store = env.open_store()?;
            let list = store.past_surgeries(now.date(), *limit)?;
            if list.is_empty() {
                writeln!(out, "{}", t.tr("surgery-none-yet", None)).map_err(stdout_error)?;
            }
            for (s, summary) in list {
                writeln!(
                    out,
                    "{}  {}: {}",
                    s.held_on,
                    s.venue,
                    summary_line(t, &summary)
                )
                .map_err(stdout_error)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
