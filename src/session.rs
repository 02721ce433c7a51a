//! What one run of casebook works with, for the command line and the
//! terminal UI alike: the config, where the diary is, the clock, the
//! language. The command line fills it from the arguments and opens the
//! diary (`cli`); the terminal UI is handed both (`tui::run`), so neither
//! front end reaches into the other.

use std::path::PathBuf;
use std::time::Duration;

use crate::clock::Clock;
use crate::config::{Config, Paths};
use crate::i18n::Catalogue;

/// What every command needs: config, where the diary is, and the clock.
pub struct Env {
    pub config: Config,
    /// Where the config file is (or would be): remembered import mappings and
    /// user templates sit beside it.
    pub config_path: PathBuf,
    pub db_path: PathBuf,
    /// The platform directories, when they could be found.
    pub paths: Option<Paths>,
    pub clock: Clock,
    /// True when the diary is the demo diary.
    pub demo: bool,
    /// A new diary is created plain (`--no-encryption` or the config).
    pub no_encryption: bool,
    /// The messages, in the language chosen (`--lang`, config, locale).
    pub i18n: Catalogue,
    /// With `--lang cy+en`: the second language of bilingual reports.
    pub also: Option<Catalogue>,
}

impl Env {
    /// The files no output may replace: this diary's own and its backups.
    pub fn protected(&self) -> crate::files::Protected {
        crate::files::Protected::new(
            &self.db_path,
            &crate::backup::backup_dir(&self.db_path, &self.config.backup),
        )
    }

    /// How long the agent keeps a key, from the config (`None`: no session).
    pub fn agent_timeout(&self) -> Option<Duration> {
        let secs = self.config.privacy.unlock_timeout_seconds;
        (secs > 0).then(|| Duration::from_secs(u64::from(secs)))
    }
}
