//! `casebook hub …`: set up the shared hub and its devices (SPEC section 9).
//! Run by whoever looks after the PostgreSQL server, with an administrator's
//! URL; the diary is not opened.

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::{Env, stdout_error};
use crate::Result;
use crate::store::SCHEMA_VERSION;
use crate::store::hub::Hub;

#[derive(Debug, Args)]
pub struct HubArgs {
    #[command(subcommand)]
    pub command: HubCommand,
    /// The hub database, as an administrator (a role that may create roles)
    #[arg(long, global = true, env = "CASEBOOK_HUB_URL", value_name = "URL")]
    pub url: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum HubCommand {
    /// Create the hub's tables, roles and functions in an empty database
    Init,
    /// Add a device: prints, once, the URL for that device's [sync] url
    AddDevice {
        /// A name for the device: lower-case letters, digits, - or _
        name: String,
        /// The councillor whose casework the device holds
        #[arg(long, value_name = "COUNCILLOR")]
        user: String,
        /// The office (ward team) it shares cases with
        #[arg(long, value_name = "OFFICE")]
        office: Option<String>,
    },
    /// Cut a device off at once (a lost laptop)
    RevokeDevice { name: String },
    /// Devices, their last sync and how far behind they are
    Status,
    /// Rewrite the hub's table files so that deleted and erased records
    /// leave no bytes behind (run it after an erasure, or nightly)
    Scrub,
}

mod words {
    pub const NO_URL: &str = "give the hub's administrator URL with --url (or CASEBOOK_HUB_URL), e.g. postgresql://postgres@localhost/casebook";
    pub const INITIALISED: &str =
        "hub ready: add each device with `casebook hub add-device NAME --user COUNCILLOR`";
    pub const SHOWN_ONCE: &str =
        "put this in the device's config as [sync] url (it is shown only once):";
    pub const NO_DEVICES: &str = "no devices yet";
    pub const NEVER: &str = "never";
    pub const REVOKED: &str = "revoked";
}

pub fn run(env: &Env, args: &HubArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let t = &env.i18n;
    let url = args
        .url
        .as_deref()
        .ok_or_else(|| crate::Error::invalid(words::NO_URL))?;
    let mut hub = Hub::connect(url)?;
    match &args.command {
        HubCommand::Init => {
            hub.init(SCHEMA_VERSION)?;
            writeln!(out, "{}", words::INITIALISED).map_err(stdout_error)?;
        }
        HubCommand::AddDevice { name, user, office } => {
            let device = hub.add_device(name, user, office.as_deref())?;
            writeln!(out, "{}", words::SHOWN_ONCE).map_err(stdout_error)?;
            writeln!(out, "{}", device.url).map_err(stdout_error)?;
        }
        HubCommand::RevokeDevice { name } => {
            hub.revoke_device(name)?;
            writeln!(out, "revoked {name}: it can no longer sync").map_err(stdout_error)?;
        }
        HubCommand::Status => {
            let devices = hub.devices()?;
            if devices.is_empty() {
                writeln!(out, "{}", words::NO_DEVICES).map_err(stdout_error)?;
            }
            let owed = hub.unscrubbed()?;
            if owed > 0 {
                writeln!(out, "{}", t.tr1("hub-scrub-owed", "count", owed))
                    .map_err(stdout_error)?;
            }
            for d in devices {
                let state = if d.revoked {
                    words::REVOKED.to_string()
                } else {
                    format!(
                        "last sync {}, {} behind",
                        d.last_seen.as_deref().unwrap_or(words::NEVER),
                        d.behind
                    )
                };
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    clean(&d.name),
                    clean(&d.councillor),
                    clean(d.office.as_deref().unwrap_or("-")),
                    state
                )
                .map_err(stdout_error)?;
            }
        }
        HubCommand::Scrub => {
            let done = hub.scrub()?;
            let line = if done == 0 {
                t.tr("hub-scrub-nothing", None)
            } else {
                t.tr1("hub-scrubbed", "count", done)
            };
            writeln!(out, "{line}").map_err(stdout_error)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn clean(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).collect()
}
