//! The command line (SPEC section 3): the scripting contract. Names, options
//! and formats here are relied on by scripts: change them only with SPEC.
//!
//! Exit status: 0 success, 1 error (one line naming the problem), 2 usage.

mod attachment;
mod calendar;
mod crypt;
mod demo;
mod directory;
mod draft;
mod due;
mod erase;
mod export;
mod followups;
mod handover;
mod hub;
mod import;
mod log;
mod look;
pub mod mail;
mod output;
mod patterns;
mod printed;
mod refer;
mod retention;
mod review;
mod safety;
mod sar;
mod seal;
mod successes;
mod surgery;
mod sync;
mod terminal;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use printed::{Printable, note};

use crate::clock::Clock;
use crate::config::{Config, Paths};
use crate::i18n::{Catalogue, Lang};
use crate::store::Store;

pub use crate::session::Env;
use crate::{Error, Result};
pub use crypt::session;

const ABOUT: &str = "casebook — an offline-first casework diary for councillors";
const AFTER_HELP: &str = "\
Run `casebook` with no command to open the diary.

Examples:
  casebook log --who \"Siân Davies\" --follow-up +3d \"Bins missed again\"
  casebook due                         what to chase today
  casebook cases --status open         the open cases
  casebook show 2026-0042              one case, whole
  casebook followups done 12           a follow-up done
  casebook import cases.xlsx --dry-run check a spreadsheet first

Dates: YYYY-MM-DD, DD/MM/YYYY, today, tomorrow, +3d, +2w, mon … sun.
Files: the diary and config live in the platform data and config directories
unless --db / CASEBOOK_DB and --config / CASEBOOK_CONFIG say otherwise.
Exit status: 0 success; 1 an error, with one line naming it; 2 a usage
mistake (an unknown option, a missing argument).
Colour: --color auto|always|never; NO_COLOR=1 turns it off.";

#[derive(Debug, Parser)]
#[command(name = "casebook", version, about = ABOUT, after_help = AFTER_HELP)]
pub struct Cli {
    /// The diary file (default: casebook.db in the data directory)
    #[arg(long, global = true, env = "CASEBOOK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// The config file (default: config.toml in the config directory)
    #[arg(long, global = true, env = "CASEBOOK_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Open the demo diary made by `casebook demo`, never the real one
    #[arg(long, conflicts_with = "db")]
    pub demo: bool,

    /// Colour in help and messages: auto (when a terminal, and NO_COLOR is unset), always, never
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    pub color: terminal::ColorWhen,
    /// Create a new diary unencrypted, without offering a passphrase
    #[arg(long, global = true)]
    pub no_encryption: bool,

    /// The language casebook speaks: cy (Cymraeg) or en (default: config
    /// `language`, else the locale); cy+en: Welsh, and reports in both
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--lang`: one language, or Welsh with English beside it (bilingual
/// reports, Welsh first; everything else in Welsh).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Cy,
    #[value(name = "cy+en")]
    CyEn,
    /// The tests' pseudo-locale: English with every message in `⟦…⟧`.
    #[value(hide = true)]
    Pseudo,
}

impl LangArg {
    /// The language casebook speaks.
    pub const fn first(self) -> Lang {
        match self {
            LangArg::En | LangArg::Pseudo => Lang::En,
            LangArg::Cy | LangArg::CyEn => Lang::Cy,
        }
    }

    /// The second language of a bilingual report.
    pub const fn second(self) -> Option<Lang> {
        match self {
            LangArg::CyEn => Some(Lang::En),
            LangArg::En | LangArg::Cy | LangArg::Pseudo => None,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Log a diary entry: a call, an email, a note
    Log(LogArgs),
    /// Follow-ups due today or overdue, late referrals, cases needing an update
    Due(FormatArgs),
    /// Import cases from a spreadsheet (.xlsx, .ods, .xls, CSV)
    Import(ImportArgs),
    /// Export everything (JSON is lossless)
    Export(ExportArgs),
    /// The yearly review: the workbook's monitoring questions
    Review(ReviewArgs),
    /// The bigger picture: clusters of similar cases in one area
    Patterns(FormatArgs),
    /// Follow-ups and surgeries as an iCalendar (.ics) file
    Calendar(CalendarArgs),
    /// Fill a separate database with realistic invented casework
    Demo(DemoArgs),
    /// Copy the diary to a backup file, verified
    Backup(BackupArgs),
    /// Replace the diary with a backup, keeping the old file aside
    Restore(RestoreArgs),
    /// Check the diary file's integrity
    Check,
    /// Mark a resolved case as a success to publicise (--off to unmark)
    Publicise(PubliciseArgs),
    /// The successes marked to publicise, anonymised for a leaflet or newsletter
    Successes(SuccessesArgs),
    /// Refer a case to an officer or agency, with a reply due in working days
    Refer(refer::ReferArgs),
    /// Record an officer's or agency's reply to a referral
    Reply(refer::ReplyArgs),
    /// Who do I speak to? Search the directory by the problem, or --add
    Directory(directory::DirectoryArgs),
    /// Start or end a surgery; list past ones
    Surgery(surgery::SurgeryArgs),
    /// Subject access: everything held about one person, with the deadline
    Sar(SarArgs),
    /// Erase one person: personal data goes, anonymous counts stay
    Erase(EraseArgs),
    /// Closed cases past the retention period (and erase them)
    Retention(RetentionArgs),
    /// End of term: export for the successor (with consent), anonymise or delete the rest
    Handover(HandoverArgs),
    /// Encrypt the diary with a passphrase (SQLCipher); asks it twice
    Encrypt,
    /// Remove the diary's encryption
    Decrypt,
    /// Change the passphrase of an encrypted diary
    Passphrase,
    /// List cases, newest first: by status, category, date or person
    Cases(look::CasesArgs),
    /// One case, whole: facts, people, follow-ups, referrals, diary
    Show(look::ShowArgs),
    /// Find people, cases, diary entries and directory entries
    Search(look::SearchArgs),
    /// List contacts, or those whose name starts so
    Contacts(look::ContactsArgs),
    /// Pending follow-ups with what each is for; mark done, snooze, add
    Followups(followups::FollowupsArgs),
    /// Close a case with its outcome
    Close(look::CloseArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell)
    Completions(terminal::CompletionsArgs),
    /// Print the manual page (roff), e.g. `casebook man > casebook.1`
    Man(terminal::ManArgs),
    /// Set up and run the shared hub (PostgreSQL) that devices sync through
    Hub(hub::HubArgs),
    /// Push and pull with the hub once ([sync] url in the config)
    Sync(sync::SyncArgs),
    /// Take emails (.eml, .msg, mbox; or standard input) into the diary
    Mail(mail::MailArgs),
    /// Attachments kept in the diary: list a case's, save one out
    Attachment(attachment::AttachmentArgs),
    /// A letter or email draft from a template, recorded on the case
    Draft(draft::DraftArgs),
    /// Type the passphrase once: later commands ask nothing until the session ends
    Unlock,
    /// End the session: the next command asks the passphrase again
    Lock,
    /// The key agent itself, started by `unlock` (not for people)
    #[command(hide = true)]
    Agent {
        #[arg(long, value_name = "N")]
        idle_seconds: u64,
    },
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Who it was with: a contact's name (a new name creates the contact)
    #[arg(long, value_name = "NAME")]
    pub who: String,
    /// File it on this case (a reference such as 2026-0042)
    #[arg(long, value_name = "REF")]
    pub case: Option<String>,
    /// call_in, call_out, email_in, email_out, letter_in, letter_out, meeting,
    /// surgery_visit, doorstep, social_media, note, action, feedback_given
    #[arg(long, default_value = "call_in", value_name = "KIND")]
    pub kind: String,
    /// When it happened (default: now), e.g. 14:30, "yesterday 9:15", 2026-03-01
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Add a follow-up on this date, e.g. +3d, fri, 2026-03-01
    #[arg(long, value_name = "DATE")]
    pub follow_up: Option<String>,
    /// Mark the entry confidential: hidden on screen until revealed
    #[arg(long)]
    pub confidential: bool,
    /// What happened
    #[arg(required = true, num_args = 1.., value_name = "TEXT")]
    pub text: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextOrJson {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct FormatArgs {
    #[arg(long, value_enum, default_value = "text")]
    pub format: TextOrJson,
}

#[derive(Debug, Args)]
#[command(after_help = IMPORT_EXAMPLES)]
pub struct ImportArgs {
    /// A spreadsheet with a header row (.csv, .tsv, .xlsx, .xls, .ods) or a casebook JSON export
    #[arg(required_unless_present = "template", value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Check the file and report, writing nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Say which of your columns is which: "Their header=column,Other=ignore" (remembered for the next file with the same headers)
    #[arg(long, value_name = "MAPPING")]
    pub map: Option<String>,
    /// The sheet of a workbook to read, when it has several
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Import the good rows; write the bad ones, with the reason, to FILE.rejects.csv beside it
    #[arg(long)]
    pub skip_bad: bool,
    /// Write an empty spreadsheet with every column to PATH (.xlsx or .csv) and stop
    #[arg(long, value_name = "PATH", conflicts_with_all = ["file", "dry_run", "map", "sheet", "skip_bad"])]
    pub template: Option<PathBuf>,
}

const IMPORT_EXAMPLES: &str = "\
Examples:
  casebook import --template cases.xlsx        # an empty spreadsheet with every column
  casebook import cases.xlsx --dry-run         # check it first; nothing is written
  casebook import cases.xlsx --sheet 2025      # a workbook with several sheets
  casebook import cases.csv --map \"Date logged=opened,Who=constituent_name\"
  casebook import cases.csv --skip-bad         # bad rows go to cases.rejects.csv";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value = "json")]
    pub format: ExportFormat,
    /// Write to this file instead of standard output
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// Include entries marked confidential
    #[arg(long)]
    pub include_confidential: bool,
    #[command(flatten)]
    pub seal: seal::SealArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReviewFormat {
    Text,
    Json,
    Markdown,
    Html,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The review year (with a municipal year start, the year it starts in)
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub year: Option<i32>,
    /// Start of a custom period
    #[arg(long, requires = "to", value_name = "DATE")]
    pub from: Option<String>,
    /// End of a custom period (inclusive)
    #[arg(long, requires = "from", value_name = "DATE")]
    pub to: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReviewFormat,
    /// Write to this file instead of standard output
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// Write an anonymised summary (counts only) for colleagues to compare
    #[arg(long, value_name = "PATH")]
    pub summary_out: Option<PathBuf>,
    /// Compare with colleagues' anonymised summaries
    #[arg(long, num_args = 1.., value_name = "PATH")]
    pub compare: Vec<PathBuf>,
    #[command(flatten)]
    pub seal: seal::SealArgs,
}

#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// Write to this file instead of standard output
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub seal: seal::SealArgs,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How many cases to invent
    #[arg(long, default_value_t = 400)]
    pub cases: u32,
    /// The seed: the same seed gives the same diary
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the backup (default: the backups folder)
    pub path: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup to restore
    pub path: PathBuf,
}

#[derive(Debug, Args)]
pub struct PubliciseArgs {
    /// The case, by reference (e.g. 2026-0042); it must be resolved
    #[arg(value_name = "REF")]
    pub reference: String,
    /// Unmark it
    #[arg(long)]
    pub off: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SuccessesFormat {
    Markdown,
    Text,
}

#[derive(Debug, Args)]
pub struct SuccessesArgs {
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: SuccessesFormat,
    /// Write to this file instead of standard output
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub seal: seal::SealArgs,
}

#[derive(Debug, Args)]
pub struct PersonArgs {
    /// The person's name (case and accents ignored) or UUID
    #[arg(value_name = "PERSON", required_unless_present = "id", num_args = 1..)]
    pub person: Vec<String>,
    /// The person's UUID, when several people share the name
    #[arg(long, value_name = "UUID", conflicts_with = "person")]
    pub id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SarFormat {
    Json,
    Markdown,
}

#[derive(Debug, Args)]
pub struct SarArgs {
    #[command(flatten)]
    pub who: PersonArgs,
    /// The date the person asked (default: today); the answer is due a calendar month later
    #[arg(long, value_name = "DATE")]
    pub requested: Option<String>,
    /// Printed to standard output when there is no --out
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: SarFormat,
    /// Write PATH.json and PATH.md (both) instead of printing
    #[arg(long, value_name = "PATH")]
    pub out: Option<std::path::PathBuf>,
    /// Mark the person's outstanding request answered (today), writing nothing else
    #[arg(long, conflicts_with_all = ["out", "requested"])]
    pub answered: bool,
    #[command(flatten)]
    pub seal: seal::SealArgs,
}

#[derive(Debug, Args)]
pub struct EraseArgs {
    #[command(flatten)]
    pub who: PersonArgs,
    /// Really erase (without it, says what would be erased and changes nothing)
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct RetentionArgs {
    /// Anonymise the cases listed, and erase people left with no live case
    #[arg(long)]
    pub erase: bool,
    /// Confirm --erase
    #[arg(long, requires = "erase")]
    pub yes: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RestChoice {
    Anonymise,
    Delete,
}

#[derive(Debug, Args)]
pub struct HandoverArgs {
    /// The export for the successor (people who consented on all their cases)
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// What happens to everyone else: keep statistics only, or delete outright
    #[arg(long, value_enum)]
    pub rest: RestChoice,
    /// Do it (without it, a summary of what would happen; nothing changes)
    #[arg(long)]
    pub yes: bool,
    #[command(flatten)]
    pub seal: seal::SealArgs,
}

/// The command line's part of [`Env`]: reading it from the arguments, and
/// opening the diary the way every command does (passphrase, agent, daily
/// backup: `safety` and `crypt`).
impl Env {
    /// Resolves paths and loads config from the parsed command line.
    pub fn from_cli(cli: &Cli) -> Result<Env> {
        let paths = Paths::platform().ok();
        let (config_path, explicit) = match (&cli.config, &paths) {
            (Some(p), _) => (p.clone(), true),
            (None, Some(paths)) => (paths.config_file.clone(), false),
            (None, None) => {
                return Err(Error::user(crate::error::Msg::new("error-no-config-dir")));
            }
        };
        let config = Config::load(&config_path, explicit)?;
        let lang = Lang::choose(cli.lang.map(LangArg::first), config.language, |name| {
            std::env::var(name).ok()
        });
        let i18n = if cli.lang == Some(LangArg::Pseudo) {
            Catalogue::pseudo()
        } else {
            Catalogue::load(lang, config_path.parent())?
        };
        let also = match cli.lang.and_then(LangArg::second) {
            Some(second) => Some(Catalogue::load(second, config_path.parent())?),
            None => None,
        };
        let demo = cli.demo || matches!(cli.command, Some(Command::Demo(_)) if cli.db.is_none());
        let db_path = match (&cli.db, &paths) {
            (Some(p), _) => p.clone(),
            (None, Some(paths)) if demo => paths.demo_db(),
            (None, Some(paths)) => paths.default_db(),
            (None, None) => {
                return Err(Error::user(crate::error::Msg::new("error-no-data-dir")));
            }
        };
        Ok(Env {
            config_path,
            db_path,
            paths,
            clock: Clock::from_env()?,
            demo,
            // Invented casework needs no passphrase.
            no_encryption: cli.no_encryption
                || config.privacy.no_encryption
                || matches!(cli.command, Some(Command::Demo(_))),
            i18n,
            also,
            config,
        })
    }

    /// Opens the diary, creating the default data directory on first use
    /// (but never a folder the user named: a typo there is reported).
    pub fn open_store(&self) -> Result<Store> {
        if let Some(paths) = &self.paths
            && self.db_path.parent() == Some(paths.data_dir.as_path())
        {
            crate::files::create_private_dir(&paths.data_dir).map_err(|e| {
                Error::io(
                    crate::error::Msg::new("doing-create-data")
                        .text("path", paths.data_dir.display().to_string()),
                    e,
                )
            })?;
        }
        safety::open_store(self)
    }
}

/// Parses the process's command line, with colour as `--color` and
/// `NO_COLOR` ask; a usage mistake exits 2 with clap's message.
pub fn parse() -> Cli {
    terminal::parse_args(std::env::args_os().collect())
}

/// Runs a parsed command line and prints any error as one line in the
/// reader's language (the catalogue of `--lang`, config and locale; before
/// the config is read, or when it cannot be, the flag and the locale).
pub fn main(cli: Cli) -> ExitCode {
    let before_config = Lang::choose(cli.lang.map(LangArg::first), None, |name| {
        std::env::var(name).ok()
    });
    let pseudo = Catalogue::pseudo();
    let before_config = match cli.lang {
        Some(LangArg::Pseudo) => &pseudo,
        _ => Catalogue::shared(before_config),
    };
    let fail = |e: &Error, t: &Catalogue| {
        note(e.message(t));
        ExitCode::from(1)
    };
    if let Some(early) = run_early(&cli, before_config) {
        return early.unwrap_or_else(|e| fail(&e, before_config));
    }
    let env = match Env::from_cli(&cli) {
        Ok(env) => env,
        Err(e) => return fail(&e, before_config),
    };
    run_in(&env, &cli).unwrap_or_else(|e| fail(&e, &env.i18n))
}

/// Runs a parsed command line. The caller prints an error and exits 1.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let lang = Lang::choose(cli.lang.map(LangArg::first), None, |name| {
        std::env::var(name).ok()
    });
    if let Some(early) = run_early(&cli, Catalogue::shared(lang)) {
        return early;
    }
    let env = Env::from_cli(&cli)?;
    run_in(&env, &cli)
}

/// The commands that need no config nor diary: the agent, and `lock`, which
/// must work whatever the config says.
fn run_early(cli: &Cli, t: &Catalogue) -> Option<Result<ExitCode>> {
    match &cli.command {
        Some(Command::Agent { idle_seconds }) => Some(run_agent(*idle_seconds)),
        Some(Command::Lock) => Some(crypt::lock(t, &mut std::io::stdout().lock())),
        Some(Command::Completions(args)) => {
            Some(terminal::completions(args, &mut std::io::stdout().lock()))
        }
        Some(Command::Man(args)) => Some(terminal::man(args, &mut std::io::stdout().lock())),
        _ => None,
    }
}

fn run_in(env: &Env, cli: &Cli) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    // Every command's output passes the terminal filter (see `printed`).
    let mut out = Printable::new(stdout.lock());
    let result = match &cli.command {
        None => {
            drop(out);
            return crate::tui::run(env, env.open_store()?).map(|()| ExitCode::SUCCESS);
        }
        Some(Command::Log(args)) => log::run(env, args, &mut out),
        Some(Command::Due(args)) => due::run(env, args.format, &mut out),
        Some(Command::Import(args)) => import::run(env, args, &mut out),
        Some(Command::Export(args)) => export::run(env, args, &mut out),
        Some(Command::Review(args)) => review::run(env, args, &mut out),
        Some(Command::Patterns(args)) => patterns::run(env, args.format, &mut out),
        Some(Command::Calendar(args)) => calendar::run(env, args, &mut out),
        Some(Command::Demo(args)) => demo::run(env, args, &mut out),
        Some(Command::Backup(args)) => safety::backup(env, args, &mut out),
        Some(Command::Restore(args)) => safety::restore(env, args, &mut out),
        Some(Command::Check) => safety::check(env, &mut out),
        Some(Command::Publicise(args)) => successes::publicise(env, args, &mut out),
        Some(Command::Successes(args)) => successes::list(env, args, &mut out),
        Some(Command::Refer(args)) => refer::refer(env, args, &mut out),
        Some(Command::Reply(args)) => refer::reply(env, args, &mut out),
        Some(Command::Directory(args)) => directory::run(env, args, &mut out),
        Some(Command::Surgery(args)) => surgery::run(env, args, &mut out),
        Some(Command::Sar(args)) => sar::run(env, args, &mut out),
        Some(Command::Erase(args)) => erase::run(env, args, &mut out),
        Some(Command::Retention(args)) => retention::run(env, args, &mut out),
        Some(Command::Handover(args)) => handover::run(env, args, &mut out),
        Some(Command::Encrypt) => crypt::encrypt(env, &mut out),
        Some(Command::Decrypt) => crypt::decrypt(env, &mut out),
        Some(Command::Passphrase) => crypt::change(env, &mut out),
        Some(Command::Cases(args)) => look::cases(env, args, &mut out),
        Some(Command::Show(args)) => look::show(env, args, &mut out),
        Some(Command::Search(args)) => look::search(env, args, &mut out),
        Some(Command::Contacts(args)) => look::contacts(env, args, &mut out),
        Some(Command::Followups(args)) => followups::run(env, args, &mut out),
        Some(Command::Close(args)) => look::close(env, args, &mut out),
        Some(Command::Completions(args)) => terminal::completions(args, &mut out),
        Some(Command::Man(args)) => terminal::man(args, &mut out),
        Some(Command::Hub(args)) => hub::run(env, args, &mut out),
        Some(Command::Sync(args)) => sync::run(env, args, &mut out),
        Some(Command::Mail(args)) => mail::run(env, args, &mut out),
        Some(Command::Attachment(args)) => attachment::run(env, args, &mut out),
        Some(Command::Draft(args)) => draft::run(env, args, &mut out),
        Some(Command::Unlock) => crypt::unlock(env, &mut out),
        Some(Command::Lock | Command::Agent { .. }) => unreachable_command(),
    };
    match result {
        Ok(code) => Ok(code),
        // `casebook export | head` closes the pipe early: not an error.
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => {
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(e),
    }
}

#[cfg(unix)]
fn run_agent(idle_seconds: u64) -> Result<ExitCode> {
    crate::agent::serve(std::time::Duration::from_secs(idle_seconds.max(1)))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(unix))]
fn run_agent(_idle_seconds: u64) -> Result<ExitCode> {
    Err(Error::System(crate::error::Msg::new("error-agent-unix")))
}

/// `lock` and `agent` are run before the config is read.
fn unreachable_command() -> Result<ExitCode> {
    Err(Error::System(crate::error::Msg::new(
        "error-runs-before-diary",
    )))
}

/// Writes to `--out PATH` if given, else to standard output. A file goes
/// through [`crate::files::write_output`]: never over the diary, its
/// companions or the backups, written whole or not at all, user-only.
pub(crate) fn write_output(
    env: &Env,
    out: &mut dyn Write,
    path: Option<&Path>,
    bytes: &[u8],
) -> Result<()> {
    match path {
        None => out
            .write_all(bytes)
            .and_then(|()| out.flush())
            .map_err(stdout_error),
        Some(path) => crate::files::write_output(path, bytes, &env.protected()),
    }
}

/// An I/O error while printing to standard output.
pub(crate) fn stdout_error(e: std::io::Error) -> Error {
    Error::io(crate::error::Msg::new("doing-write-stdout"), e)
}
