//! Files a killed `encrypt`, `decrypt`, `passphrase` or `restore` leaves
//! beside the diary, and their removal at the next open.
//!
//! For a diary `t.db`, those are (each with `-wal`/`-shm`/`-journal`):
//! - `t.db.old-PID`: the old file kept across the swap; a full diary in the
//!   old key, often plain text;
//! - `t.db.rekeying-PID`, `.t.db.rekeying-PID.partial-PID`: the copy in the
//!   new key (plain text after `decrypt`);
//! - `.t.db.restoring-PID`, `..t.db.restoring-PID.partial-PID`: a backup
//!   being put in place.
//!
//! One whose process is still running is left alone (it is being written).
//! The rest are overwritten with zeros, then removed — except a name that
//! is still a hard link to the diary itself (the program was killed before
//! the swap), which is only unlinked.

use std::path::{Path, PathBuf};

use super::crypt::overwrite_and_remove;

/// The words between the diary's name and the process id.
const KINDS: [&str; 3] = ["old-", "rekeying-", "restoring-"];

/// What [`remove_leftovers`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// Removed (overwritten first where they were copies).
    pub removed: Vec<PathBuf>,
    /// Could not be removed: still on the disk.
    pub failed: Vec<PathBuf>,
}

/// The leftovers beside the diary at `db` whose process is gone.
pub fn leftovers(db: &Path) -> Vec<PathBuf> {
    let Some(name) = db.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Vec::new();
    };
    let dir = match db.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| {
            let file = e.file_name().to_string_lossy().into_owned();
            pid_of(&file, &name).is_some_and(|pid| !running(pid))
        })
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

/// Removes every leftover of a killed program beside the diary at `db`.
pub fn remove_leftovers(db: &Path) -> Cleaned {
    let mut done = Cleaned::default();
    for path in leftovers(db) {
        // Killed between the link and the swap: this name is the diary.
        let removed = if crate::files::same_file(&path, db) {
            std::fs::remove_file(&path)
        } else {
            overwrite_and_remove(&path).or_else(|_| std::fs::remove_file(&path))
        };
        match removed {
            Ok(()) => done.removed.push(path),
            Err(_) => done.failed.push(path),
        }
    }
    if !done.removed.is_empty()
        && let Some(dir) = db.parent()
    {
        super::sync_dir(dir);
    }
    done
}

/// `t.db.old-123`, `.t.db.rekeying-123.partial-123-wal` … → 123.
fn pid_of(file: &str, diary: &str) -> Option<u32> {
    let rest = file.trim_start_matches('.').strip_prefix(diary)?;
    let rest = rest.strip_prefix('.')?;
    let rest = KINDS.iter().find_map(|k| rest.strip_prefix(k))?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let tail = &rest[digits.len()..];
    let tail = tail
        .strip_suffix("-wal")
        .or_else(|| tail.strip_suffix("-shm"))
        .or_else(|| tail.strip_suffix("-journal"))
        .unwrap_or(tail);
    // Then only more of casebook's own temporary suffixes (`.partial-PID`,
    // or a rekey of a copy being restored).
    let mut tail = tail;
    while !tail.is_empty() {
        let seg = tail.strip_prefix('.')?;
        let seg = ["partial-"]
            .iter()
            .chain(KINDS.iter())
            .find_map(|k| seg.strip_prefix(k))?;
        let n = seg.chars().take_while(char::is_ascii_digit).count();
        if n == 0 {
            return None;
        }
        tail = &seg[n..];
    }
    digits.parse().ok()
}

/// True while process `pid` is alive. Where that cannot be asked, every
/// process but this one is taken as gone only after it is surely finished:
/// casebook's own rewrites take seconds.
fn running(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    #[cfg(target_os = "linux")]
    {
        Path::new(&format!("/proc/{pid}")).exists()
    }
    #[cfg(not(target_os = "linux"))]
    {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_of_leftovers_are_recognised() {
        assert_eq!(pid_of("t.db.old-123", "t.db"), Some(123));
        assert_eq!(pid_of("t.db.old-123-wal", "t.db"), Some(123));
        assert_eq!(pid_of(".t.db.rekeying-7.partial-7", "t.db"), Some(7));
        assert_eq!(
            pid_of(".t.db.rekeying-7.partial-7-journal", "t.db"),
            Some(7)
        );
        assert_eq!(pid_of("t.db.rekeying-7", "t.db"), Some(7));
        assert_eq!(pid_of("..t.db.restoring-9.partial-9", "t.db"), Some(9));
        assert_eq!(pid_of("t.db", "t.db"), None);
        assert_eq!(pid_of("t.db-wal", "t.db"), None);
        assert_eq!(pid_of("t.db.replaced-2026-03-01T1000", "t.db"), None);
        assert_eq!(pid_of("u.db.old-123", "t.db"), None);
        assert_eq!(pid_of("t.db.old-123.txt", "t.db"), None);
        assert_eq!(pid_of("t.db.old-.partial-1", "t.db"), None);
        assert_eq!(
            pid_of(".t.db.restoring-9.rekeying-9.old-9", "t.db"),
            Some(9)
        );
    }

    #[test]
    fn a_link_to_the_diary_is_unlinked_and_a_copy_wiped() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("t.db");
        std::fs::write(&db, b"the diary").expect("write");
        // PIDs above the kernel's maximum are never running.
        let link = dir.path().join("t.db.old-4194305");
        std::fs::hard_link(&db, &link).expect("link");
        let copy = dir.path().join(".t.db.rekeying-4194305.partial-4194305");
        std::fs::write(&copy, b"a plain copy").expect("write");
        let mine = dir.path().join(format!("t.db.old-{}", std::process::id()));
        std::fs::write(&mine, b"being written").expect("write");
        let done = remove_leftovers(&db);
        assert_eq!(done.removed, vec![copy.clone(), link.clone()]);
        assert_eq!(std::fs::read(&db).expect("read"), b"the diary");
        assert!(!link.exists() && !copy.exists());
        assert!(mine.exists(), "a running program's file is left alone");
    }
}
