//! Rolling backups: on the first open of each day the diary is copied
//! (verified) into the backups folder, and old daily copies are thinned out.
//!
//! Names, for a diary `casebook.db`:
//! - `casebook-2026-11-22.db`: the automatic copy of that day (rotated);
//! - `casebook-2026-11-22T101530.db`: made by `casebook backup` (never rotated);
//! - `.casebook-….db.partial-PID`: a copy being written (removed when stale).
//!
//! Rotation keeps, like restic's `--keep-daily N --keep-weekly M`, the newest
//! copy of each of the last `keep_daily` days that have one and the newest
//! of each of the last `keep_weekly` ISO weeks that have one; the rest of the
//! automatic copies are deleted.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::config::BackupConfig;
use crate::store::Store;
use crate::{Error, Result};

/// A partial copy older than this was left by a program that was killed.
const STALE_PARTIAL: Duration = Duration::from_secs(3600);

/// The folder backups of the diary at `db` go to: `config.dir`, or
/// `backups/` beside the diary (in the data directory).
pub fn backup_dir(db: &Path, config: &BackupConfig) -> PathBuf {
    match &config.dir {
        Some(dir) => dir.clone(),
        None => db
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .join("backups"),
    }
}

/// `casebook.db` → `casebook`: backups of two diaries in one folder never mix.
fn stem(db: &Path) -> String {
    db.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "casebook".into())
}

/// The automatic backup's file name for `date`.
pub fn daily_name(db: &Path, date: NaiveDate) -> String {
    format!("{}-{}.db", stem(db), date.format("%Y-%m-%d"))
}

/// The file name `casebook backup` uses when given no path.
pub fn manual_name(db: &Path, now: NaiveDateTime) -> String {
    format!("{}-{}.db", stem(db), now.format("%Y-%m-%dT%H%M%S"))
}

/// `name` in `dir`, or `stem-2.db`, `stem-3.db` … when it is taken: a
/// backup never overwrites a file, and two in one second both succeed.
pub fn free_name(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let base = name.strip_suffix(".db").unwrap_or(name);
    (2..)
        .map(|n| dir.join(format!("{base}-{n}.db")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// Makes today's automatic backup if there is none yet, then rotates.
/// Returns the new backup, or `None` when there was nothing to do. On days
/// after the first this costs one `stat`.
pub fn daily(store: &Store, config: &BackupConfig, today: NaiveDate) -> Result<Option<PathBuf>> {
    let Some(db) = store.path() else {
        return Ok(None);
    };
    if !config.automatic {
        return Ok(None);
    }
    let dir = backup_dir(db, config);
    let dest = dir.join(daily_name(db, today));
    if dest.exists() {
        return Ok(None);
    }
    // A new, empty diary has nothing worth keeping yet.
    if store.is_empty()? {
        return Ok(None);
    }
    crate::files::create_private_dir(&dir).map_err(|e| {
        Error::io(
            crate::error::Msg::new("doing-create-backups").text("path", dir.display().to_string()),
            e,
        )
    })?;
    // A folder made by an older casebook was readable by everyone.
    crate::files::tighten(&dir);
    store.backup_to(&dest)?;
    rotate(&dir, db, config.keep_daily, config.keep_weekly)?;
    Ok(Some(dest))
}

/// Deletes the automatic backups the policy no longer keeps, and partial
/// copies left by a killed program. Returns what was deleted.
pub fn rotate(dir: &Path, db: &Path, keep_daily: u32, keep_weekly: u32) -> Result<Vec<PathBuf>> {
    let stem = stem(db);
    let mut dailies = Vec::new();
    let mut removed = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Error::io(
            crate::error::Msg::new("doing-read-backups").text("path", dir.display().to_string()),
            e,
        )
    })?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(&format!("{stem}-")) {
            // Backups made by an older casebook were readable by everyone.
            crate::files::tighten(&entry.path());
        }
        if let Some(date) = parse_daily(&name, &stem) {
            dailies.push((date, entry.path()));
        } else if name.starts_with(&format!(".{stem}-")) && name.contains(".partial-") {
            let old = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| SystemTime::now().duration_since(t).ok())
                .is_some_and(|age| age > STALE_PARTIAL);
            if old && std::fs::remove_file(entry.path()).is_ok() {
                removed.push(entry.path());
            }
        }
    }
    let dates: Vec<NaiveDate> = dailies.iter().map(|(d, _)| *d).collect();
    let keep = kept(&dates, keep_daily, keep_weekly);
    for (date, path) in dailies {
        if !keep.contains(&date) {
            match std::fs::remove_file(&path) {
                Ok(()) => removed.push(path),
                // Another casebook rotating at the same moment got there first.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(Error::io(
                        crate::error::Msg::new("doing-remove-backup")
                            .text("path", path.display().to_string()),
                        e,
                    ));
                }
            }
        }
    }
    Ok(removed)
}

/// The dates the rotation keeps, out of the dates that have a backup.
pub fn kept(dates: &[NaiveDate], keep_daily: u32, keep_weekly: u32) -> BTreeSet<NaiveDate> {
    let mut newest_first: Vec<NaiveDate> = dates.to_vec();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    newest_first.dedup();
    let mut keep: BTreeSet<NaiveDate> = newest_first
        .iter()
        .take(keep_daily as usize)
        .copied()
        .collect();
    let mut weeks = BTreeSet::new();
    for d in &newest_first {
        if weeks.len() >= keep_weekly as usize {
            break;
        }
        let week = d.iso_week();
        if weeks.insert((week.year(), week.week())) {
            keep.insert(*d);
        }
    }
    keep
}

/// `casebook-2026-11-22.db` → 2026-11-22, for this diary's stem only.
fn parse_daily(name: &str, stem: &str) -> Option<NaiveDate> {
    let date = name
        .strip_prefix(stem)?
        .strip_prefix('-')?
        .strip_suffix(".db")?;
    if date.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

/// Every backup (automatic or made by hand) of the diary at `db`, oldest
/// first: the files in its backups folder named after it and dated, never
/// another diary's.
pub fn all(db: &Path, config: &BackupConfig) -> Vec<PathBuf> {
    let stem = stem(db);
    let prefix = format!("{stem}-");
    let dir = backup_dir(db, config);
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<((String, u32), PathBuf)> = read
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            // After the stem, a date: the names sort by time.
            let rest = name.strip_prefix(&prefix)?;
            let dated = rest.len() >= 13
                && rest.ends_with(".db")
                && NaiveDate::parse_from_str(rest.get(..10)?, "%Y-%m-%d").is_ok();
            dated.then(|| (order(rest), e.path()))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, path)| path).collect()
}

/// `2026-03-02T101530-2.db` → ("2026-03-02T101530", 2): the second backup of
/// a second sorts after the first (`-` would sort before `.`).
fn order(rest: &str) -> (String, u32) {
    let body = rest.strip_suffix(".db").unwrap_or(rest);
    match body.rsplit_once('-') {
        Some((base, n)) if base.contains('T') => match n.parse() {
            Ok(n) => (base.to_string(), n),
            Err(_) => (body.to_string(), 1),
        },
        _ => (body.to_string(), 1),
    }
}

/// The newest backup (automatic or made by hand) of the diary at `db`, if
/// any: every one was verified when it was written.
pub fn latest(db: &Path, config: &BackupConfig) -> Option<PathBuf> {
    all(db, config).pop()
}

/// Where `casebook restore` keeps the diary it replaces:
/// `casebook.db.replaced-2026-11-22T1015` (with `-2`, `-3` … if taken).
pub fn replaced_name(db: &Path, now: NaiveDateTime) -> PathBuf {
    let base = format!(".replaced-{}", now.format("%Y-%m-%dT%H%M"));
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let candidate = crate::store::sibling_path(db, &suffix);
        if !candidate.exists() && !crate::store::sibling_path(&candidate, "-wal").exists() {
            return candidate;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn keeps_the_last_days_and_one_per_week() {
        // Daily backups from 2026-01-01 (Thursday) to 2026-02-28.
        let dates: Vec<NaiveDate> = (0..59)
            .map(|i| d("2026-01-01") + chrono::Days::new(i))
            .collect();
        let keep = kept(&dates, 7, 4);
        let expected: BTreeSet<NaiveDate> = [
            // the last seven days
            "2026-02-22",
            "2026-02-23",
            "2026-02-24",
            "2026-02-25",
            "2026-02-26",
            "2026-02-27",
            "2026-02-28",
            // the newest of each of the last four ISO weeks (Sundays)
            "2026-02-15",
            "2026-02-08",
        ]
        .iter()
        .map(|s| d(s))
        .collect();
        assert_eq!(keep, expected);
    }

    #[test]
    fn gaps_do_not_lose_old_weeks() {
        // A councillor away for a month: the old copies are still kept.
        let dates = [d("2026-01-05"), d("2026-01-06"), d("2026-03-02")];
        let keep = kept(&dates, 2, 4);
        assert_eq!(keep, BTreeSet::from([d("2026-01-06"), d("2026-03-02")]));
        assert!(kept(&dates, 0, 0).is_empty());
    }

    #[test]
    fn names_are_per_diary() {
        let db = Path::new("/data/casebook.db");
        assert_eq!(daily_name(db, d("2026-11-22")), "casebook-2026-11-22.db");
        assert_eq!(
            parse_daily("casebook-2026-11-22.db", "casebook"),
            Some(d("2026-11-22"))
        );
        assert_eq!(
            parse_daily("casebook-2026-11-22T101530.db", "casebook"),
            None
        );
        assert_eq!(parse_daily("demo-2026-11-22.db", "casebook"), None);
        assert_eq!(parse_daily("casebook-old-2026-11-22.db", "casebook"), None);
    }

    #[test]
    fn rotation_deletes_only_old_automatic_copies() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("casebook.db");
        for i in 0..20 {
            let name = daily_name(&db, d("2026-01-01") + chrono::Days::new(i));
            std::fs::write(dir.path().join(name), b"x").expect("write");
        }
        let by_hand = dir.path().join("casebook-2026-01-01T090000.db");
        let other = dir.path().join("demo-2026-01-01.db");
        std::fs::write(&by_hand, b"x").expect("write");
        std::fs::write(&other, b"x").expect("write");
        let removed = rotate(dir.path(), &db, 3, 2).expect("rotate");
        assert!(by_hand.exists() && other.exists());
        // Kept: the 18th, 19th and 20th, which are also the newest of the
        // last two ISO weeks.
        let left = std::fs::read_dir(dir.path()).expect("dir").count();
        assert_eq!(left, 3 + 2);
        assert_eq!(removed.len(), 17);
        let removed = rotate(dir.path(), &db, 3, 3).expect("rotate again");
        assert!(removed.is_empty(), "the 11th is gone already: {removed:?}");
        let cfg = BackupConfig {
            dir: Some(dir.path().to_path_buf()),
            ..BackupConfig::default()
        };
        assert_eq!(
            latest(&db, &cfg),
            Some(dir.path().join("casebook-2026-01-20.db"))
        );
        // Two by hand in one second: the second is the latest.
        for name in [
            "casebook-2026-01-20T090000.db",
            "casebook-2026-01-20T090000-2.db",
        ] {
            std::fs::write(dir.path().join(name), b"x").expect("write");
        }
        assert_eq!(
            latest(&db, &cfg),
            Some(dir.path().join("casebook-2026-01-20T090000-2.db"))
        );
        assert_eq!(
            free_name(dir.path(), "casebook-2026-01-20T090000.db"),
            dir.path().join("casebook-2026-01-20T090000-3.db")
        );
    }
}
