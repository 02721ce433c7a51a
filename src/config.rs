//! The config file: TOML, every key with a default, so an absent file is fine.
//!
//! Where it lives: `--config PATH`, else `CASEBOOK_CONFIG`, else
//! `config.toml` in the platform config directory (XDG on Linux). A mistake
//! names the file, the line and the key, and nothing runs on a bad config.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::domain::DEFAULT_CATEGORIES;
use crate::{Error, Result};

/// An example config with every key and its default, shipped in `assets/`.
pub const EXAMPLE: &str = include_str!("../assets/config.example.toml");

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Categories added to the default list.
    pub extra_categories: Vec<String>,
    /// Working days an officer has to reply to a referral.
    pub referral_reply_days: u32,
    /// An open case whose constituent has heard nothing for this many days
    /// needs an update.
    pub keep_informed_days: u32,
    /// First month of the review year: 1 for a calendar year, 5 for a
    /// municipal year starting in May.
    pub year_start_month: u32,
    /// Closed cases are offered for deletion this many years after closing.
    pub retention_years: u32,
    pub patterns: PatternsConfig,
    pub calendar: CalendarConfig,
    pub backup: BackupConfig,
    pub privacy: PrivacyConfig,
    /// Key rebindings: action name → key ("log_call" = "ctrl-l"). Read by the
    /// UI, which reports and skips bad entries rather than refusing to start.
    pub keys: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PatternsConfig {
    /// Cases must be opened within this many days of each other.
    pub window_days: u32,
    pub min_cases: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CalendarConfig {
    /// Leave surgery venues out of the .ics export (security-minded
    /// communications, from the safe-surgeries guidance).
    pub hide_venues: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BackupConfig {
    pub automatic: bool,
    pub keep_daily: u32,
    pub keep_weekly: u32,
    /// Where backups go; default: `backups/` in the data directory.
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PrivacyConfig {
    /// Lock the UI after this many idle minutes (0: never).
    pub lock_after_minutes: u32,
    /// How long the agent keeps an unlocked diary's key without use
    /// (`casebook unlock`); 0: no session, every command asks.
    pub unlock_timeout_seconds: u32,
    /// Create a new diary plain, without offering a passphrase.
    pub no_encryption: bool,
}

/// The longest session the agent keeps a key: a working day.
pub const MAX_UNLOCK_SECONDS: u32 = 12 * 60 * 60;

impl Default for Config {
    fn default() -> Self {
        Config {
            extra_categories: Vec::new(),
            referral_reply_days: 10,
            keep_informed_days: 14,
            year_start_month: 1,
            retention_years: 2,
            patterns: PatternsConfig::default(),
            calendar: CalendarConfig::default(),
            backup: BackupConfig::default(),
            privacy: PrivacyConfig::default(),
            keys: BTreeMap::new(),
        }
    }
}

impl Default for PatternsConfig {
    fn default() -> Self {
        PatternsConfig {
            window_days: 42,
            min_cases: 3,
        }
    }
}

impl Default for BackupConfig {
    fn default() -> Self {
        BackupConfig {
            automatic: true,
            keep_daily: 7,
            keep_weekly: 4,
            dir: None,
        }
    }
}

impl Default for PrivacyConfig {
    fn default() -> Self {
        PrivacyConfig {
            lock_after_minutes: 10,
            unlock_timeout_seconds: 15 * 60,
            no_encryption: false,
        }
    }
}

impl Config {
    /// Reads the config at `path`; a missing file gives the defaults only when
    /// `must_exist` is false (the default location), so a mistyped
    /// `--config` is reported rather than silently ignored.
    pub fn load(path: &Path, must_exist: bool) -> Result<Config> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !must_exist => {
                return Ok(Config::default());
            }
            Err(e) => {
                return Err(Error::io(
                    format!("cannot read the config file {}", path.display()),
                    e,
                ));
            }
        };
        Config::parse(&text, path)
    }

    /// Parses config text; `file` names it in messages.
    pub fn parse(text: &str, file: &Path) -> Result<Config> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text.get(..s.start).unwrap_or(text).matches('\n').count() + 1)
                .unwrap_or(1);
            // toml's message is several lines with a source excerpt; its first
            // line is the problem itself.
            let message = e
                .message()
                .lines()
                .next()
                .unwrap_or("invalid TOML")
                .to_string();
            Error::Config {
                file: file.to_path_buf(),
                line,
                message,
            }
        })?;
        config.check(file)?;
        Ok(config)
    }

    fn check(&self, file: &Path) -> Result<()> {
        let fail = |key: &str, message: String| Error::Config {
            file: file.to_path_buf(),
            line: 0,
            message: format!("{key}: {message}"),
        };
        if !(1..=12).contains(&self.year_start_month) {
            return Err(fail(
                "year_start_month",
                format!("{} is not a month: use 1 to 12", self.year_start_month),
            ));
        }
        for c in &self.extra_categories {
            if c.is_empty()
                || !c
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
            {
                return Err(fail(
                    "extra_categories",
                    format!("`{c}` is not a category name: use lower case letters, digits and _"),
                ));
            }
        }
        if self.privacy.unlock_timeout_seconds > MAX_UNLOCK_SECONDS {
            return Err(fail(
                "privacy.unlock_timeout_seconds",
                format!(
                    "{} is too long: use at most {MAX_UNLOCK_SECONDS} (12 hours), or 0 to ask every time",
                    self.privacy.unlock_timeout_seconds
                ),
            ));
        }
        if self.patterns.min_cases < 2 {
            return Err(fail("patterns.min_cases", "must be at least 2".into()));
        }
        Ok(())
    }

    /// The default list followed by the configured additions.
    pub fn categories(&self) -> Vec<String> {
        let mut all: Vec<String> = DEFAULT_CATEGORIES.iter().map(|c| c.to_string()).collect();
        for c in &self.extra_categories {
            if !all.contains(c) {
                all.push(c.clone());
            }
        }
        all
    }
}

/// Where casebook keeps its files.
#[derive(Debug, Clone)]
pub struct Paths {
    pub data_dir: PathBuf,
    pub config_file: PathBuf,
}

impl Paths {
    /// The platform directories (XDG on Linux).
    pub fn platform() -> Result<Paths> {
        let dirs =
            directories::ProjectDirs::from("org", "casebook", "casebook").ok_or_else(|| {
                Error::invalid("cannot find a home directory: give --db and --config explicitly")
            })?;
        Ok(Paths {
            data_dir: dirs.data_dir().to_path_buf(),
            config_file: dirs.config_dir().join("config.toml"),
        })
    }

    pub fn default_db(&self) -> PathBuf {
        self.data_dir.join("casebook.db")
    }

    pub fn demo_db(&self) -> PathBuf {
        self.data_dir.join("demo.db")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config> {
        Config::parse(text, Path::new("/tmp/casebook.toml"))
    }

    #[test]
    fn empty_config_is_all_defaults() {
        assert_eq!(parse("").ok(), Some(Config::default()));
    }

    #[test]
    fn example_config_parses_to_defaults() {
        let c = parse(EXAMPLE).expect("the shipped example parses");
        assert_eq!(c.referral_reply_days, 10);
        assert_eq!(c.patterns.window_days, 42);
    }

    #[test]
    fn categories_extend_the_default_list() {
        let c = parse("extra_categories = [\"allotments\"]").expect("parses");
        let cats = c.categories();
        assert_eq!(cats.first().map(String::as_str), Some("housing"));
        assert_eq!(cats.last().map(String::as_str), Some("allotments"));
    }

    #[test]
    fn syntax_error_names_file_and_line() {
        let e =
            parse("referral_reply_days = 10\nkeep_informed_days = = 3\n").expect_err("bad TOML");
        let msg = e.to_string();
        assert!(msg.contains("/tmp/casebook.toml"), "{msg}");
        assert!(msg.contains("line 2"), "{msg}");
    }

    #[test]
    fn unknown_key_is_named() {
        let e = parse("\n\n[patterns]\nwindow_dayz = 3\n").expect_err("unknown key");
        let msg = e.to_string();
        assert!(msg.contains("window_dayz"), "{msg}");
        assert!(msg.contains("line 4"), "{msg}");
    }

    #[test]
    fn wrong_type_is_named() {
        let e = parse("referral_reply_days = \"ten\"").expect_err("wrong type");
        let msg = e.to_string();
        assert!(msg.contains("line 1"), "{msg}");
    }

    #[test]
    fn bad_month_is_refused() {
        let e = parse("year_start_month = 13").expect_err("no month 13");
        assert!(e.to_string().contains("year_start_month"));
    }
}
