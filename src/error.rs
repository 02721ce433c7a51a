//! One error type for the library. Every variant prints as one readable line
//! that names the problem; `main` prints it and exits 1.
//!
//! The split matters to the UI: [`Error::is_user_fixable`] errors are shown
//! beside the field that caused them, the others in a message box.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A value the user typed or supplied is not acceptable. The message is
    /// complete ("unknown kind `foo`: expected one of …").
    #[error("{0}")]
    Invalid(String),

    #[error("no {what} matches `{}`", crate::domain::text::one_line(.name))]
    NotFound { what: &'static str, name: String },

    #[error("config file {file}: line {line}: {message}")]
    Config {
        file: PathBuf,
        line: usize,
        message: String,
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

    #[error("the database {} is damaged: {detail}", path.display())]
    Corrupt { path: PathBuf, detail: String },

    /// The shared hub refused or could not be reached; the message says
    /// which, and `why` says it as a fact for the sync status.
    #[error("{message}")]
    Hub {
        why: crate::store::SyncFailure,
        message: String,
    },

    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),

    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    pub fn invalid(message: impl Into<String>) -> Self {
        Error::Invalid(message.into())
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }

    /// True when the user can fix the problem by changing what they typed.
    pub fn is_user_fixable(&self) -> bool {
        matches!(self, Error::Invalid(_) | Error::NotFound { .. })
    }
}
