//! The config file: TOML, every key with a default, so an absent file is fine.
//!
//! Where it lives: `--config PATH`, else `CASEBOOK_CONFIG`, else
//! `config.toml` in the platform config directory (XDG on Linux). A mistake
//! names the file, the line and the key, and nothing runs on a bad config.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::domain::DEFAULT_CATEGORIES;
use crate::error::{Arg, Msg};
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
    pub monitoring: MonitoringConfig,
    pub sync: SyncConfig,
    /// The councillor: who letters and emails are from, and which taken-in
    /// emails were sent rather than received.
    pub me: MeConfig,
    pub mail: MailConfig,
    /// Key rebindings: action name → key ("log_call" = "ctrl-l"). Read by the
    /// UI, which reports and skips bad entries rather than refusing to start.
    pub keys: BTreeMap<String, String>,
    /// The mouse in the UI (clicks on tabs, rows, panels, footer hints and
    /// form fields; the wheel scrolls); false leaves the terminal's own
    /// text selection alone.
    pub mouse: bool,
    /// The interface language, "en" or "cy"; unset: the locale decides
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`), and `--lang` beats both.
    pub language: Option<crate::i18n::Lang>,
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

/// Answers added to the monitoring pick-lists (as they should be shown).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MonitoringConfig {
    pub extra_gender: Vec<String>,
    pub extra_ethnicity: Vec<String>,
    pub extra_employment_status: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MeConfig {
    pub name: Option<String>,
    /// An email from this address is `email_out`; drafts are from it.
    pub email: Option<String>,
    pub ward: Option<String>,
    /// The postal address for a letter's address block (lines with `\n`).
    pub address: Option<String>,
    /// Closes letters and emails ("Cllr Siân Jones, Cathays ward").
    pub signature: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MailConfig {
    /// The largest attachment taken in, in megabytes.
    pub max_attachment_mb: u32,
    /// A folder of mail to file (`~/` is the home folder): `casebook mail`
    /// with no file reads it. Saved `.eml`, `.msg` and mbox files, or a
    /// Maildir (`cur/` and `new/`).
    pub inbox: Option<PathBuf>,
}

impl Default for MailConfig {
    fn default() -> Self {
        MailConfig {
            max_attachment_mb: 25,
            inbox: None,
        }
    }
}

impl MailConfig {
    pub fn max_attachment_bytes(&self) -> u64 {
        u64::from(self.max_attachment_mb) * 1024 * 1024
    }

    /// The inbox folder, with a leading `~/` as the home folder.
    pub fn inbox_dir(&self) -> Option<PathBuf> {
        let inbox = self.inbox.as_ref()?;
        if let Ok(rest) = inbox.strip_prefix("~")
            && let Some(home) = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf())
        {
            return Some(home.join(rest));
        }
        Some(inbox.clone())
    }
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
            monitoring: MonitoringConfig::default(),
            sync: SyncConfig::default(),
            me: MeConfig::default(),
            mail: MailConfig::default(),
            keys: BTreeMap::new(),
            mouse: true,
            language: None,
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

/// The shared hub (SPEC section 9). With no `url`, casebook never opens a
/// network connection.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SyncConfig {
    /// The device's hub URL, as `casebook hub add-device` printed it.
    pub url: Option<String>,
    /// Minutes between background syncs while the UI is open.
    pub interval_minutes: u32,
}

impl Default for SyncConfig {
    fn default() -> Self {
        SyncConfig {
            url: None,
            interval_minutes: 5,
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
                    crate::error::Msg::new("doing-read-config")
                        .text("path", path.display().to_string()),
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
                message: Arg::Text(message),
            }
        })?;
        config.check(text, file)?;
        Ok(config)
    }

    fn check(&self, text: &str, file: &Path) -> Result<()> {
        let fail = |key: &'static str, message: Msg| Error::Config {
            file: file.to_path_buf(),
            line: line_of(text, key),
            message: Arg::Msg(Box::new(message.text("key", key))),
        };
        // Every number has a range that makes sense for casework, so that
        // date arithmetic on it can never overflow (a `keep_informed_days`
        // of 4294967295 once panicked).
        // The unit is a selector key of `config-out-of-range`.
        let numbers: [(&str, u32, std::ops::RangeInclusive<u32>, &str); 9] = [
            (
                "referral_reply_days",
                self.referral_reply_days,
                crate::domain::rules::REPLY_DAYS,
                "working-days",
            ),
            (
                "keep_informed_days",
                self.keep_informed_days,
                1..=365,
                "days",
            ),
            ("year_start_month", self.year_start_month, 1..=12, "a-month"),
            ("retention_years", self.retention_years, 1..=50, "years"),
            (
                "patterns.window_days",
                self.patterns.window_days,
                1..=3650,
                "days",
            ),
            (
                "patterns.min_cases",
                self.patterns.min_cases,
                2..=1000,
                "cases",
            ),
            (
                "backup.keep_daily",
                self.backup.keep_daily,
                0..=366,
                "backups",
            ),
            (
                "backup.keep_weekly",
                self.backup.keep_weekly,
                0..=520,
                "backups",
            ),
            (
                "privacy.lock_after_minutes",
                self.privacy.lock_after_minutes,
                0..=1440,
                "minutes",
            ),
        ];
        for (key, value, range, unit) in numbers {
            if !range.contains(&value) {
                return Err(fail(
                    key,
                    Msg::new("config-out-of-range")
                        .num("value", value)
                        .num("min", *range.start())
                        .num("max", *range.end())
                        .text("unit", unit),
                ));
            }
        }
        for c in &self.extra_categories {
            if c.is_empty()
                || !c
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
            {
                return Err(fail(
                    "extra_categories",
                    Msg::new("config-not-a-category").text("value", c),
                ));
            }
        }
        for (key, list) in [
            ("monitoring.extra_gender", &self.monitoring.extra_gender),
            (
                "monitoring.extra_ethnicity",
                &self.monitoring.extra_ethnicity,
            ),
            (
                "monitoring.extra_employment_status",
                &self.monitoring.extra_employment_status,
            ),
        ] {
            if let Some(bad) = list
                .iter()
                .find(|a| a.trim().is_empty() || a.chars().any(char::is_control))
            {
                return Err(fail(
                    key,
                    Msg::new("config-not-an-answer").text("value", bad),
                ));
            }
        }
        if self.mail.max_attachment_mb == 0 {
            return Err(fail(
                "mail.max_attachment_mb",
                Msg::new("config-at-least-one"),
            ));
        }
        if self.privacy.unlock_timeout_seconds > MAX_UNLOCK_SECONDS {
            return Err(fail(
                "privacy.unlock_timeout_seconds",
                Msg::new("config-unlock-too-long")
                    .num("value", i64::from(self.privacy.unlock_timeout_seconds))
                    .num("max", i64::from(MAX_UNLOCK_SECONDS)),
            ));
        }
        if self.mail.max_attachment_mb == 0 {
            return Err(fail(
                "mail.max_attachment_mb",
                Msg::new("config-at-least-one"),
            ));
        }
        Ok(())
    }

    /// The monitoring pick-lists: the built-in answers and the config's.
    pub fn monitoring(&self) -> crate::domain::Monitoring {
        let m = &self.monitoring;
        crate::domain::Monitoring::new(
            &m.extra_gender,
            &m.extra_ethnicity,
            &m.extra_employment_status,
        )
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

/// The line of `text` that sets `key` ("patterns.window_days": the
/// `window_days` line of the `[patterns]` table), for messages; 1 when it
/// cannot be told.
fn line_of(text: &str, key: &str) -> usize {
    let (table, name) = key.rsplit_once('.').unwrap_or(("", key));
    let mut current = String::new();
    for (i, line) in text.lines().enumerate() {
        let l = line.trim();
        if let Some(t) = l.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            current = t.trim().to_string();
        } else if current == table
            && l.split_once('=')
                .is_some_and(|(k, _)| k.trim().trim_matches('"') == name)
        {
            return i + 1;
        }
    }
    1
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
        let dirs = directories::ProjectDirs::from("org", "casebook", "casebook")
            .ok_or_else(|| Error::user(crate::error::Msg::new("error-no-home")))?;
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

    #[test]
    fn a_bad_value_names_its_own_line_never_line_0() {
        let e = parse("# councillor's settings\n\nyear_start_month = 13\n").expect_err("month");
        let msg = e.to_string();
        assert!(msg.contains("line 3: year_start_month"), "{msg}");
        let e = parse("[backup]\nkeep_daily = 3 # min_cases = 1\n[patterns]\nmin_cases = 1\n")
            .expect_err("min_cases");
        let msg = e.to_string();
        assert!(msg.contains("line 4: patterns.min_cases"), "{msg}");
        assert!(!msg.contains("line 0"), "{msg}");
    }
}
