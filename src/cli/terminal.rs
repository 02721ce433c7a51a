//! What a terminal user expects of a command-line tool: shell completions
//! and a manual page generated from the same clap definitions as the
//! parser (so they never disagree with it), and colour that obeys
//! `--color` and `NO_COLOR` (<https://no-color.org>).

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::{Args, CommandFactory, FromArgMatches, ValueEnum};

use super::{Cli, stdout_error};
use crate::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour when writing to a terminal and NO_COLOR is not set
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  casebook completions bash > ~/.local/share/bash-completion/completions/casebook
  casebook completions zsh > ~/.zfunc/_casebook
  casebook completions fish > ~/.config/fish/completions/casebook.fish
  casebook completions powershell >> $PROFILE")]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  casebook man > casebook.1 && man ./casebook.1")]
pub struct ManArgs {}

/// The colour choice the command line and environment ask for: `--color`
/// wins; otherwise a set, non-empty `NO_COLOR` means none.
pub fn color_choice(args: &[OsString]) -> clap::ColorChoice {
    let mut asked: Option<String> = None;
    let mut it = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if let Some(v) = a.strip_prefix("--color=") {
            asked = Some(v.to_string());
        } else if a == "--color" {
            asked = it.next();
        }
    }
    match asked.as_deref() {
        Some("always") => clap::ColorChoice::Always,
        Some("never") => clap::ColorChoice::Never,
        _ if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) => {
            clap::ColorChoice::Never
        }
        _ => clap::ColorChoice::Auto,
    }
}

/// Parses `args` (with the program name first), exiting as clap does on a
/// usage mistake (2), `--help` or `--version` (0).
pub fn parse_args(args: Vec<OsString>) -> Cli {
    let command = Cli::command().color(color_choice(&args));
    let parsed = command
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    match parsed {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    }
}

/// `casebook completions SHELL`.
pub fn completions(args: &CompletionsArgs, out: &mut dyn Write) -> Result<ExitCode> {
    use clap_complete::shells;
    let mut cmd = Cli::command();
    let mut buf: Vec<u8> = Vec::new();
    match args.shell {
        Shell::Bash => clap_complete::generate(shells::Bash, &mut cmd, "casebook", &mut buf),
        Shell::Zsh => clap_complete::generate(shells::Zsh, &mut cmd, "casebook", &mut buf),
        Shell::Fish => clap_complete::generate(shells::Fish, &mut cmd, "casebook", &mut buf),
        Shell::Powershell => {
            clap_complete::generate(shells::PowerShell, &mut cmd, "casebook", &mut buf)
        }
    }
    out.write_all(&buf)
        .and_then(|()| out.flush())
        .map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}

/// `casebook man`: the manual page, in roff, with a section for each command.
pub fn man(_args: &ManArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let cmd = Cli::command();
    let mut buf: Vec<u8> = Vec::new();
    let fail =
        |e: std::io::Error| crate::Error::io(crate::error::Msg::new("doing-write-manual"), e);
    let page = clap_mangen::Man::new(cmd.clone());
    page.render_title(&mut buf).map_err(fail)?;
    page.render_name_section(&mut buf).map_err(fail)?;
    page.render_synopsis_section(&mut buf).map_err(fail)?;
    page.render_description_section(&mut buf).map_err(fail)?;
    page.render_options_section(&mut buf).map_err(fail)?;
    // One section for every command, with its options: one page to read.
    let mut roff = String::from(".SH COMMANDS\n");
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        roff += &format!(".TP\n\\fBcasebook {}\\fR\n", sub.get_name());
        if let Some(about) = sub.get_about() {
            roff += &format!("{}\n", escape(&about.to_string()));
        }
        for arg in sub.get_arguments().filter(|a| !a.is_hide_set()) {
            let name = match (arg.get_long(), arg.get_short()) {
                (Some(l), _) => format!("\\-\\-{}", escape(l)),
                (None, Some(s)) => format!("\\-{s}"),
                (None, None) => arg.get_id().as_str().to_uppercase(),
            };
            let help = arg
                .get_help()
                .map(|h| escape(&h.to_string()))
                .unwrap_or_default();
            roff += &format!(".RS\n.TP\n\\fB{name}\\fR\n{help}\n.RE\n");
        }
    }
    buf.extend_from_slice(roff.as_bytes());
    page.render_extra_section(&mut buf).map_err(fail)?;
    let mut tail = String::from(".SH \"EXIT STATUS\"\n");
    tail += "0 success; 1 an error, with one line naming the problem; 2 a usage mistake.\n";
    tail += ".SH ENVIRONMENT\n";
    tail +=
        "CASEBOOK_DB, CASEBOOK_CONFIG, CASEBOOK_PASSPHRASE, CASEBOOK_NEW_PASSPHRASE, NO_COLOR.\n";
    buf.extend_from_slice(tail.as_bytes());
    page.render_version_section(&mut buf).map_err(fail)?;
    out.write_all(&buf)
        .and_then(|()| out.flush())
        .map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}

/// Text safe inside a roff paragraph.
fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('-', "\\-")
        .lines()
        .map(|l| {
            if l.starts_with(['.', '\'']) {
                format!("\\&{l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_command_line_definition_is_sound() {
        Cli::command().debug_assert();
    }

    #[test]
    fn color_flag_wins() {
        assert_eq!(
            color_choice(&args(&["casebook", "--color", "never", "due"])),
            clap::ColorChoice::Never
        );
        assert_eq!(
            color_choice(&args(&["casebook", "due", "--color=always"])),
            clap::ColorChoice::Always
        );
    }
}
