//! `casebook hub …`: set up the shared hub and its devices (SPEC section 9).
//! Run by whoever looks after the PostgreSQL server, with an administrator's
//! URL; the diary is not opened.

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::{Env, stdout_error};
use crate::Result;
use crate::store::SCHEMA_VERSION;
use crate::store::hub::{Hub, Upgraded};

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
    /// Bring a hub made by an older casebook up to this one, in place (one
    /// transaction; running it again does nothing)
    Upgrade,
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

pub fn run(env: &Env, args: &HubArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let t = &env.i18n;
    let url = args
        .url
        .as_deref()
        .ok_or_else(|| crate::Error::user(crate::error::Msg::new("hub-no-url")))?;
    let mut hub = Hub::connect(url)?;
    match &args.command {
        HubCommand::Init => {
            hub.init(SCHEMA_VERSION)?;
            writeln!(out, "{}", t.tr("hub-initialised", None)).map_err(stdout_error)?;
        }
        HubCommand::Upgrade => {
            let line = match hub.upgrade()? {
                Upgraded::Current(to) => t.tr1("hub-upgrade-nothing", "to", to),
                Upgraded::From { from, to } => t.tr(
                    "hub-upgraded",
                    Some(&crate::i18n::args(&[
                        ("from", from.into()),
                        ("to", to.into()),
                    ])),
                ),
            };
            writeln!(out, "{line}").map_err(stdout_error)?;
        }
        HubCommand::AddDevice { name, user, office } => {
            let device = hub.add_device(name, user, office.as_deref())?;
            writeln!(out, "{}", t.tr("hub-url-shown-once", None)).map_err(stdout_error)?;
            writeln!(out, "{}", device.url).map_err(stdout_error)?;
        }
        HubCommand::RevokeDevice { name } => {
            hub.revoke_device(name)?;
            writeln!(out, "{}", t.tr1("hub-revoked", "name", clean(name))).map_err(stdout_error)?;
        }
        HubCommand::Status => {
            let devices = hub.devices()?;
            if devices.is_empty() {
                writeln!(out, "{}", t.tr("hub-no-devices", None)).map_err(stdout_error)?;
            }
            let owed = hub.unscrubbed()?;
            if owed > 0 {
                writeln!(out, "{}", t.tr1("hub-scrub-owed", "count", owed))
                    .map_err(stdout_error)?;
            }
            for d in devices {
                let state = if d.revoked {
                    t.tr("hub-device-revoked", None)
                } else {
                    let when = match d.last_seen.as_deref() {
                        Some(at) => clean(at),
                        None => t.tr("hub-device-never", None),
                    };
                    t.tr(
                        "hub-device-state",
                        Some(&crate::i18n::args(&[
                            ("when", when.into()),
                            ("behind", d.behind.into()),
                        ])),
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
