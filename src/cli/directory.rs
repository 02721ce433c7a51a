//! `casebook directory`: "who do I speak to?" — officers and agencies found
//! by the problem, and `--add` to put one in the directory.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;

use super::{Env, stdout_error};
use crate::domain::text::one_line;
use crate::domain::{Contact, ContactKind, DirectoryEntry, Record};
use crate::error::Msg;
use crate::{Error, Result};

#[derive(Debug, Args)]
pub struct DirectoryArgs {
    /// The problem, in plain words ("fly-tipping"); none lists everyone
    #[arg(num_args = 0.., value_name = "PROBLEM")]
    pub problem: Vec<String>,
    /// Add (or update) an officer or agency of this name
    #[arg(long, value_name = "NAME", requires = "handles")]
    pub add: Option<String>,
    /// With --add: what they handle ("fly-tipping, missed bins, bulky waste")
    #[arg(long, value_name = "TEXT", requires = "add")]
    pub handles: Option<String>,
    /// With --add: their department
    #[arg(long, value_name = "TEXT", requires = "add")]
    pub department: Option<String>,
    /// With --add: their role or job title
    #[arg(long, value_name = "TEXT", requires = "add")]
    pub role: Option<String>,
    /// With --add: their organisation (council, police, housing association)
    #[arg(long, value_name = "TEXT", requires = "add")]
    pub organisation: Option<String>,
    /// With --add: their work email
    #[arg(long, value_name = "EMAIL", requires = "add")]
    pub email: Option<String>,
    /// With --add: their work phone
    #[arg(long, value_name = "PHONE", requires = "add")]
    pub phone: Option<String>,
    /// With --add: categories they deal with, comma-separated (waste,highways)
    #[arg(long, value_name = "LIST", requires = "add", value_delimiter = ',')]
    pub categories: Vec<String>,
    /// With --add: a partner agency rather than a council officer
    #[arg(long, requires = "add")]
    pub agency: bool,
}

const MAX_SHOWN: usize = 20;

pub fn run(env: &Env, args: &DirectoryArgs, out: &mut dyn Write) -> Result<ExitCode> {
    if let Some(name) = &args.add {
        return add(env, args, name, out);
    }
    let store = env.open_store()?;
    let problem = args.problem.join(" ");
    let found = if problem.trim().is_empty() {
        store.directory()?
    } else {
        store.who_handles(&problem, MAX_SHOWN)?
    };
    if found.is_empty() {
        let msg = if problem.trim().is_empty() {
            env.i18n.tr("directory-empty", None)
        } else {
            env.i18n
                .tr1("directory-nobody", "problem", one_line(problem.trim()))
        };
        writeln!(out, "{msg}").map_err(stdout_error)?;
        return Ok(ExitCode::SUCCESS);
    }
    for (entry, contact) in &found {
        writeln!(out, "{}", describe(entry, contact)).map_err(stdout_error)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// "Jo Bloggs · Waste Services · Enforcement officer — fly-tipping, … · jo@… · 029 …"
fn describe(entry: &Record<DirectoryEntry>, c: &Record<Contact>) -> String {
    let head: Vec<&str> = [
        Some(c.name.as_str()),
        c.organisation.as_deref(),
        c.department.as_deref(),
        c.role.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut line = head.join(" · ");
    if !entry.handles.is_empty() {
        line += &format!(" — {}", entry.handles);
    }
    for reach in [c.email.as_deref(), c.phone.as_deref()]
        .into_iter()
        .flatten()
    {
        line += &format!(" · {reach}");
    }
    line
}

fn add(env: &Env, args: &DirectoryArgs, name: &str, out: &mut dyn Write) -> Result<ExitCode> {
    if !args.problem.is_empty() {
        return Err(Error::user(Msg::new("error-directory-both")));
    }
    let handles = args.handles.clone().unwrap_or_default();
    if handles.trim().is_empty() {
        return Err(Error::user(Msg::new("error-directory-no-handles")));
    }
    let categories: Vec<String> = args
        .categories
        .iter()
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect();
    let known = env.config.categories();
    if let Some(bad) = categories.iter().find(|c| !known.contains(c)) {
        return Err(Error::user(
            Msg::new("error-unknown-value")
                .text("list", "category")
                .text("value", bad)
                .text("names", known.join(", ")),
        ));
    }
    let contact = Contact {
        kind: Some(if args.agency {
            ContactKind::Agency
        } else {
            ContactKind::Officer
        }),
        department: args.department.clone(),
        role: args.role.clone(),
        organisation: args.organisation.clone(),
        email: args.email.clone(),
        phone: args.phone.clone(),
        ..Contact::named(name.trim())
    };
    contact.validate()?;
    let mut store = env.open_store()?;
    store.add_officer(&contact, &handles, &categories)?;
    writeln!(
        out,
        "{}",
        env.i18n
            .tr1("directory-added", "name", one_line(name.trim()))
    )
    .map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}
