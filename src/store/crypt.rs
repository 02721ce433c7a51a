//! Encryption at rest with SQLCipher: the passphrase, telling an encrypted
//! file from a plain one, keying a connection, and rewriting a diary under
//! another key (`casebook encrypt`, `decrypt`, `passphrase`).
//!
//! An encrypted file is SQLite with every page (the first 16 bytes are a
//! random salt, the rest AES-256 with an HMAC per page) encrypted, and so is
//! its write-ahead log; `VACUUM INTO` from a keyed connection writes the copy
//! with the same key, so backups are encrypted too.

use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::key::PLAIN_HEADER;
use super::key::quiet;
pub use super::key::{KDF_ITER, MIN_PASSPHRASE_CHARS, Passphrase, RawKey, file_salt, is_encrypted};
pub(crate) use super::key::{apply_key, classify_keyed};
use super::maintenance::{self, open_read_only_keyed, sibling, wal_path, write_verified};
use super::{SCHEMA_VERSION, busy_timeout, classify};
use crate::error::Msg;
use crate::{Error, Result};

/// Opens the file at `path` read-only with `key` and reads its header: Ok
/// when the passphrase opens it. Pays the key derivation once.
pub fn verify_passphrase(path: &Path, key: &Passphrase) -> Result<()> {
    let conn = open_read_only_keyed(path, Some(key))?;
    conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
        .map_err(|e| classify_keyed(e, path, true))?;
    Ok(())
}

/// What [`rekey_file`] did besides the swap.
#[derive(Debug, Default)]
pub struct Rekeyed {
    /// False when the old file could not be overwritten before removal
    /// (no hard links here): its blocks may linger on the disk.
    pub old_file_overwritten: bool,
}

/// Rewrites the diary at `path`, now keyed with `old` (`None`: plain), under
/// `new` (`None`: plain): a verified copy is written beside it, renamed over
/// it, and the old file's bytes are overwritten before they are removed.
/// Refused while another program has the diary open. On any failure the
/// diary is exactly as it was.
pub fn rekey_file(
    path: &Path,
    old: Option<&Passphrase>,
    new: Option<&Passphrase>,
) -> Result<Rekeyed> {
    // Folds the WAL in and proves nobody else has the file open: a program
    // writing to the old file after the swap would lose its writes.
    if !maintenance::release_with_key(path, old)? {
        return Err(Error::Corrupt {
            path: path.to_path_buf(),
            detail: Msg::new("corrupt-unreadable"),
        });
    }
    // ATTACH opens the copy with these flags: CREATE lets it make the copy
    // (the diary itself exists: `release` opened it).
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| classify(e, path))?;
    let fail = |e: rusqlite::Error| classify_keyed(e, path, old.is_some());
    conn.busy_timeout(busy_timeout()).map_err(fail)?;
    if let Some(key) = old {
        apply_key(&conn, key).map_err(fail)?;
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(fail)?;
    if !(1..=SCHEMA_VERSION).contains(&version) {
        return Err(Error::user(
            Msg::new("error-rekey-schema")
                .text("path", path.display().to_string())
                .num("version", version),
        ));
    }
    let counts = table_counts(&conn).map_err(fail)?;
    let tmp_name = sibling(path, &format!(".rekeying-{}", std::process::id()));
    write_verified(&tmp_name, version, new, |tmp| {
        export(&conn, tmp, new).map_err(|e| classify(e, tmp))?;
        // The copy holds the same rows as the diary.
        let copy = open_read_only_keyed(tmp, new)?;
        let copied = table_counts(&copy).map_err(|e| classify(e, tmp))?;
        if copied != counts {
            return Err(Error::System(
                Msg::new("error-rekey-rows-differ")
                    .text("copied", format!("{copied:?}"))
                    .text("counts", format!("{counts:?}"))
                    .text("path", path.display().to_string()),
            ));
        }
        Ok(())
    })?;
    drop(conn);
    swap_in(path, &tmp_name)
}

/// Copies every table of the main database into a new file `dest` keyed
/// with `key` (or plain), with the schema version.
fn export(conn: &Connection, dest: &Path, key: Option<&Passphrase>) -> rusqlite::Result<()> {
    const COPY: &str = "casebook_rekey";
    let dest_text = dest.to_string_lossy();
    conn.execute(
        &format!("ATTACH DATABASE ?1 AS {COPY} KEY ?2"),
        [dest_text.as_ref(), key.map_or("", Passphrase::expose)],
    )?;
    let result = (|| {
        quiet(conn)?;
        if key.is_some() {
            conn.pragma_update(Some(COPY), "kdf_iter", KDF_ITER)?;
        }
        conn.query_row(
            &format!("SELECT sqlcipher_export('{COPY}')"),
            [],
            |_| Ok(()),
        )?;
        let version: i64 = conn.query_row("PRAGMA main.user_version", [], |r| r.get(0))?;
        conn.pragma_update(Some(COPY), "user_version", version)
    })();
    let detached = conn.execute(&format!("DETACH DATABASE {COPY}"), []);
    result.and(detached.map(|_| ()))
}

fn table_counts(conn: &Connection) -> rusqlite::Result<Vec<i64>> {
    ["contacts", "cases", "entries", "referrals", "follow_ups"]
        .iter()
        .map(|t| conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0)))
        .collect()
}

/// Renames the verified copy `tmp` over `path`. The old file is kept under a
/// second name (a hard link) across the rename, then overwritten with zeros
/// and removed, so its plain (or old-key) bytes do not stay in free blocks.
fn swap_in(path: &Path, tmp: &Path) -> Result<Rekeyed> {
    let old = sibling(path, &format!(".old-{}", std::process::id()));
    let _ = std::fs::remove_file(&old);
    let linked = std::fs::hard_link(path, &old).is_ok();
    if let Err(e) = std::fs::rename(tmp, path) {
        let _ = std::fs::remove_file(tmp);
        if linked {
            let _ = std::fs::remove_file(&old);
        }
        return Err(Error::io(
            Msg::new("doing-replace").text("path", path.display().to_string()),
            e,
        ));
    }
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        super::sync_dir(dir);
    }
    // Left by no one (the diary was released), but never stale beside the new file.
    for leftover in [wal_path(path), sibling(path, "-shm")] {
        let _ = std::fs::remove_file(leftover);
    }
    let old_file_overwritten = linked && overwrite_and_remove(&old).is_ok();
    if linked && !old_file_overwritten {
        let _ = std::fs::remove_file(&old);
    }
    Ok(Rekeyed {
        old_file_overwritten,
    })
}

/// Writes zeros over the whole file, syncs, then removes it. On an SSD or a
/// copy-on-write file system the old blocks may survive: best effort.
pub(super) fn overwrite_and_remove(path: &Path) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
    let len = file.metadata()?.len();
    file.seek(std::io::SeekFrom::Start(0))?;
    let zeros = vec![0u8; 64 * 1024];
    let mut left = len;
    while left > 0 {
        let n = left.min(zeros.len() as u64) as usize;
        file.write_all(&zeros[..n])?;
        left -= n as u64;
    }
    file.sync_all()?;
    drop(file);
    std::fs::remove_file(path)
}

/// Plain (unencrypted) SQLite files among `files`: after `casebook encrypt`
/// these still hold the diary in the clear.
pub fn plain_files(files: impl IntoIterator<Item = PathBuf>) -> Vec<PathBuf> {
    files
        .into_iter()
        .filter(|p| {
            let mut head = [0u8; 16];
            std::fs::File::open(p)
                .and_then(|mut f| f.read_exact(&mut head))
                .is_ok()
                && &head == PLAIN_HEADER
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn key(s: &str) -> Passphrase {
        Passphrase::new(s.into()).expect("passphrase")
    }

    #[test]
    fn a_passphrase_never_prints_and_compares_by_content() {
        let p = key("correct horse");
        assert_eq!(format!("{p:?}"), "Passphrase(…)");
        assert_eq!(p, key("correct horse"));
        assert_ne!(p, key("correct horsf"));
        assert!(Passphrase::new(String::new()).is_err());
        assert!(key("short").check_new().is_err());
        assert!(key("four words are fine").check_new().is_ok());
    }

    #[test]
    fn encrypted_files_are_told_from_plain_ones() {
        let dir = tempfile::tempdir().expect("tempdir");
        let plain = dir.path().join("plain.db");
        drop(Store::open(&plain).expect("open"));
        assert!(!is_encrypted(&plain));
        assert!(!is_encrypted(&dir.path().join("missing.db")));
        let text = dir.path().join("notes.txt");
        std::fs::write(&text, "not a database").expect("write");
        assert!(
            !is_encrypted(&text),
            "not whole pages: SQLite says what it is"
        );
        let secret = dir.path().join("secret.db");
        drop(Store::open_with_key(&secret, Some(&key("open sesame"))).expect("open"));
        assert!(is_encrypted(&secret));
        verify_passphrase(&secret, &key("open sesame")).expect("right key");
        let wrong = verify_passphrase(&secret, &key("open sesame!")).expect_err("wrong key");
        assert!(matches!(wrong, Error::WrongPassphrase { .. }), "{wrong}");
    }

    #[test]
    fn a_raw_key_derived_once_opens_the_file_and_its_backups() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("secret.db");
        let pass = key("open sesame");
        drop(Store::open_with_key(&path, Some(&pass)).expect("create"));
        let raw = RawKey::derive(&path, &pass).expect("derive");
        assert_eq!(format!("{raw:?}"), "RawKey(…)");
        assert_eq!(Some(raw.salt()), file_salt(&path).as_ref().map(|s| &s[..]));
        let back = RawKey::from_hex(&raw.to_hex()).expect("hex round trip");
        assert_eq!(back.to_hex(), raw.to_hex());
        assert!(RawKey::from_hex("zz").is_none());
        assert!(RawKey::from_hex(&"g".repeat(96)).is_none());

        // The raw key opens the diary, writes, and its backup opens with the
        // passphrase (same key and salt), as `sqlcipher` would.
        let fast = Passphrase::from_raw(&raw);
        assert!(fast.is_raw() && fast.check_new().is_err());
        let store = Store::open_with_key(&path, Some(&fast)).expect("raw key opens");
        let copy = dir.path().join("copy.db");
        store.backup_to(&copy).expect("backup");
        drop(store);
        verify_passphrase(&copy, &pass).expect("the passphrase opens the backup");
        verify_passphrase(&path, &pass).expect("and the diary");

        // A key derived from the wrong passphrase is refused like one.
        let wrong = RawKey::derive(&path, &key("open sesame!")).expect("derive");
        let e = verify_passphrase(&path, &Passphrase::from_raw(&wrong)).expect_err("wrong");
        assert!(matches!(e, Error::WrongPassphrase { .. }), "{e}");
        // So is the right key on another file (another salt).
        let other = dir.path().join("other.db");
        drop(Store::open_with_key(&other, Some(&pass)).expect("create"));
        let e = verify_passphrase(&other, &fast).expect_err("another file");
        assert!(matches!(e, Error::WrongPassphrase { .. }), "{e}");
    }
}
