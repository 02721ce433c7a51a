//! One error type for the library. Every variant prints as one readable line
//! that names the problem; `main` prints it and exits 1.
//!
//! The split matters to the UI: [`Error::is_user_fixable`] errors are shown
//! beside the field that caused them, the others in a message box.
//!
//! What the user reads comes from the catalogue: [`Error::message`] renders
//! an error in the reader's language (in `i18n::errors`: this module is facts
//! only and uses no catalogue, so the domain can build errors and the
//! catalogue can report its own without a cycle). An error made with a [`Msg`] (a
//! catalogue id and its arguments) is wholly translated; the typed variants
//! (locked, wrong passphrase, not found …) have their own ids; `Io` and
//! `Hub` carry a `Msg` beside their facts (the system's error, why the hub
//! failed). No variant carries English made where it arose: there is no
//! free-text constructor, so none can come back. `Display` is the English
//! rendering, for logs and tests.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// What the user gave is not acceptable, said in the catalogue's words:
    /// they can fix it (a date, an option, a file they named).
    #[error("{0}")]
    User(Msg),

    /// Something outside the user's input failed (a file that cannot be
    /// written, the system), said in the catalogue's words.
    #[error("{0}")]
    System(Msg),

    #[error("no {what} matches `{}`", crate::text::one_line(.name))]
    NotFound { what: &'static str, name: String },

    #[error("config file {}: line {line}: {message}", file.display())]
    Config {
        file: PathBuf,
        line: usize,
        /// The problem: the TOML parser's words, or casebook's own check.
        message: Arg,
    },

    #[error(
        "the database {} is locked by another program (is casebook open elsewhere?); try again when it has finished",
        path.display()
    )]
    Locked { path: PathBuf },

    #[error("{} is not a casebook database (the file is not SQLite, or it is encrypted)", path.display())]
    NotADatabase { path: PathBuf },

    #[error("wrong passphrase for {} (or it is not a casebook diary); nothing was changed", path.display())]
    WrongPassphrase { path: PathBuf },

    #[error(
        "{} was written by a newer casebook (schema version {found}, this program knows up to {known}); install the newer casebook — the file was not changed",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    /// The file is damaged; `detail` says how and what to do, in the
    /// catalogue's words.
    #[error("the database {} is damaged: {detail}", path.display())]
    Corrupt { path: PathBuf, detail: Msg },

    /// The shared hub refused or could not be reached; the message says
    /// which in the catalogue's words, and `why` says it as a fact for the
    /// sync status.
    #[error("{message}")]
    Hub { why: SyncFailure, message: Msg },

    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),

    /// The system refused what casebook was doing: `doing` says what, in
    /// the catalogue's words; the reason is worded from the error's kind
    /// ([`io_problem`]). The source is kept for its kind (a closed pipe).
    #[error("{}", io_message(.doing, .source))]
    Io {
        doing: Msg,
        #[source]
        source: std::io::Error,
    },
}

/// What an `Io` error says: what casebook was doing, then why it failed.
pub fn io_message(doing: &Msg, source: &std::io::Error) -> Msg {
    Msg::new("error-io")
        .arg("doing", Arg::Msg(Box::new(doing.clone())))
        .arg("problem", Arg::Msg(Box::new(io_problem(source))))
}

impl Error {
    /// A problem with what the user gave, in the catalogue's words.
    pub fn user(msg: Msg) -> Self {
        Error::User(msg)
    }

    /// The same problem, about the option the value came with:
    /// "--from: `32/01` is not a date …".
    pub fn about_option(self, option: &'static str) -> Self {
        Error::User(
            Msg::new("error-option")
                .text("option", option)
                .arg("problem", Arg::from_error(self)),
        )
    }

    /// A file that could not be read, said in the catalogue's words (the
    /// system's reason by its kind: "the file does not exist").
    pub fn cannot_read(path: &std::path::Path, e: &std::io::Error) -> Self {
        Error::System(
            Msg::new("error-cannot-read")
                .text("path", path.display().to_string())
                .arg("problem", Arg::Msg(Box::new(io_problem(e)))),
        )
    }

    /// A file that could not be written, in the catalogue's words.
    pub fn cannot_write(path: &std::path::Path, e: &std::io::Error) -> Self {
        Error::System(
            Msg::new("error-cannot-write")
                .text("path", path.display().to_string())
                .arg("problem", Arg::Msg(Box::new(io_problem(e)))),
        )
    }

    /// The system refused what casebook was `doing` (a catalogue message:
    /// "cannot create the backups folder …").
    pub fn io(doing: Msg, source: std::io::Error) -> Self {
        Error::Io { doing, source }
    }

    /// Something casebook made in memory could not be written out (JSON, a
    /// CSV, a workbook): what it was `doing`, and the library's own words.
    pub fn failed(doing: Msg, detail: impl std::fmt::Display) -> Self {
        Error::System(
            Msg::new("error-io")
                .arg("doing", Arg::Msg(Box::new(doing)))
                .arg(
                    "problem",
                    Arg::Msg(Box::new(
                        Msg::new("io-other").text("detail", detail.to_string()),
                    )),
                ),
        )
    }

    /// The error as a catalogue message, whatever its variant: what
    /// [`Error::message`] renders, and what an error inside another
    /// message carries ([`Arg::from_error`]).
    pub fn to_msg(&self) -> Msg {
        let path = |p: &PathBuf| p.display().to_string();
        match self {
            Error::User(m) | Error::System(m) => m.clone(),
            Error::Hub { message, .. } => message.clone(),
            Error::Io { doing, source } => io_message(doing, source),
            // A Fluent selector key: `case with reference` → `case-with-reference`.
            Error::NotFound { what, name } => Msg::new("error-not-found")
                .text("what", what.replace(' ', "-"))
                .text("name", name),
            Error::Config {
                file,
                line,
                message,
            } => Msg::new("error-config")
                .text("file", path(file))
                .num("line", i64::try_from(*line).unwrap_or(i64::MAX))
                .arg("problem", message.clone()),
            Error::Locked { path: p } => Msg::new("error-locked").text("path", path(p)),
            Error::NotADatabase { path: p } => {
                Msg::new("error-not-a-database").text("path", path(p))
            }
            Error::WrongPassphrase { path: p } => {
                Msg::new("error-wrong-passphrase").text("path", path(p))
            }
            Error::TooNew {
                path: p,
                found,
                known,
            } => Msg::new("error-too-new")
                .text("path", path(p))
                .num("found", *found)
                .num("known", *known),
            Error::Corrupt { path: p, detail } => Msg::new("error-corrupt")
                .text("path", path(p))
                .msg("detail", detail.clone()),
            Error::Sqlite(e) => Msg::new("error-database").text("detail", e.to_string()),
        }
    }

    /// True when the user can fix the problem by changing what they typed.
    pub fn is_user_fixable(&self) -> bool {
        matches!(self, Error::User(_) | Error::NotFound { .. })
    }
}

/// Why the system refused a file, by its kind, in the catalogue's words;
/// the system's own text for a kind without words.
pub fn io_problem(e: &std::io::Error) -> Msg {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => Msg::new("io-not-found"),
        K::PermissionDenied => Msg::new("io-permission-denied"),
        K::AlreadyExists => Msg::new("io-already-exists"),
        K::IsADirectory => Msg::new("io-is-a-folder"),
        K::NotADirectory => Msg::new("io-not-a-folder"),
        K::StorageFull => Msg::new("io-disk-full"),
        K::ReadOnlyFilesystem => Msg::new("io-read-only"),
        K::ConnectionRefused => Msg::new("io-refused"),
        K::TimedOut => Msg::new("io-timed-out"),
        K::HostUnreachable | K::NetworkUnreachable => Msg::new("io-unreachable"),
        _ => Msg::new("io-other").text("detail", e.to_string()),
    }
}

/// A message from the catalogue: its id and arguments, rendered in whatever
/// language the reader chose ([`Msg::render`]); English for `Display`.
#[derive(Debug, Clone, PartialEq)]
pub struct Msg {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// One argument of a [`Msg`].
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text shown as it is: a name, a path, what the user typed.
    Text(String),
    /// A number: plural forms select on it.
    Number(i64),
    /// Another message, rendered in the same language (the problem with
    /// an option's value).
    Msg(Box<Msg>),
    /// Messages joined with "; " (the reasons one row is refused).
    List(Vec<Msg>),
    /// Messages one a line, each on a new indented line (the bad rows of
    /// an import, after the summary).
    Lines(Vec<Msg>),
    /// A value of a closed list (an outcome, a status), by its list's name
    /// and its contract name: shown as the catalogue's label.
    Label {
        what: &'static str,
        key: &'static str,
    },
}

impl Arg {
    /// An error as an argument: its message, in the reader's language.
    pub fn from_error(e: Error) -> Arg {
        match e {
            Error::User(m) | Error::System(m) => Arg::Msg(Box::new(m)),
            other => Arg::Msg(Box::new(other.to_msg())),
        }
    }
}

impl Msg {
    pub fn new(id: &'static str) -> Msg {
        Msg {
            id,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: Arg) -> Msg {
        self.args.push((name, value));
        self
    }

    /// A text argument, put on one line (it may echo what the user typed).
    pub fn text(self, name: &'static str, value: impl AsRef<str>) -> Msg {
        self.arg(name, Arg::Text(crate::text::one_line(value.as_ref())))
    }

    pub fn num(self, name: &'static str, value: impl Into<i64>) -> Msg {
        self.arg(name, Arg::Number(value.into()))
    }

    /// A closed list's value (its list's `WHAT` and its contract name),
    /// shown as its label in the reader's language. Named, not typed: this
    /// module sits below the domain.
    pub fn label(self, name: &'static str, what: &'static str, key: &'static str) -> Msg {
        self.arg(name, Arg::Label { what, key })
    }

    /// A kind of record ("case person", "follow-up") as the catalogue
    /// names it, for a refused export or import.
    pub fn record(what: &str) -> Msg {
        Msg::new("record-kind").text("what", what.replace(' ', "-"))
    }

    /// Another message as an argument.
    pub fn msg(self, name: &'static str, value: Msg) -> Msg {
        self.arg(name, Arg::Msg(Box::new(value)))
    }
}

/// Why a sync failed, as a fact: the caller words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SyncFailure {
    /// The hub could not be reached (offline, the server down).
    Unreachable,
    /// The hub turned this device away (revoked, never added, a wrong
    /// password).
    Refused,
    /// The hub holds records of a newer casebook: upgrade this one.
    UpgradeNeeded,
    /// The configured hub URL is not a PostgreSQL URL.
    BadUrl,
    /// The hub failed on its side.
    Hub,
    /// This diary could not be read or written.
    Diary,
}

impl SyncFailure {
    pub fn as_str(self) -> &'static str {
        match self {
            SyncFailure::Unreachable => "unreachable",
            SyncFailure::Refused => "refused",
            SyncFailure::UpgradeNeeded => "upgrade",
            SyncFailure::BadUrl => "bad_url",
            SyncFailure::Hub => "hub",
            SyncFailure::Diary => "diary",
        }
    }

    pub fn parse(s: &str) -> Option<SyncFailure> {
        [
            SyncFailure::Unreachable,
            SyncFailure::Refused,
            SyncFailure::UpgradeNeeded,
            SyncFailure::BadUrl,
            SyncFailure::Hub,
            SyncFailure::Diary,
        ]
        .into_iter()
        .find(|f| f.as_str() == s)
    }
}
