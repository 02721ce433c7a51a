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

use rusqlite::{Connection, ErrorCode, OpenFlags};
use zeroize::Zeroizing;

use super::maintenance::{self, open_read_only_keyed, sibling, wal_path, write_verified};
use super::{SCHEMA_VERSION, busy_timeout, classify};
use crate::{Error, Result};

/// The first 16 bytes of every plain SQLite file.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// The shortest passphrase accepted for a new key: the key derivation slows
/// guessing down, it cannot make "1234" safe.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// PBKDF2-HMAC-SHA512 iterations used to derive the key from the passphrase
/// (SQLCipher 4's default, so the stock `sqlcipher` shell opens the file
/// with `PRAGMA key` alone). See docs/encryption.md for the measured cost.
pub const KDF_ITER: u32 = 256_000;

/// Bytes of the key SQLCipher derives (AES-256).
const KEY_BYTES: usize = 32;
/// Bytes of the random salt at the start of an encrypted file.
const SALT_BYTES: usize = 16;

/// What keys a connection: a passphrase as typed, or the raw key derived
/// from it once (SQLCipher's `x'…'` form, which skips the key derivation).
/// Its memory is zeroed when dropped, and it never prints.
#[derive(Clone)]
pub struct Passphrase {
    /// The text given to `PRAGMA key`.
    material: Zeroizing<String>,
    raw: bool,
}

impl Passphrase {
    /// Any non-empty text (SQLCipher treats an empty key as "no encryption").
    pub fn new(text: String) -> Result<Passphrase> {
        let material = Zeroizing::new(text);
        if material.is_empty() {
            return Err(Error::invalid("the passphrase is empty"));
        }
        Ok(Passphrase {
            material,
            raw: false,
        })
    }

    /// Keys connections with `key` directly: no key derivation on open.
    pub fn from_raw(key: &RawKey) -> Passphrase {
        let mut material = Zeroizing::new(String::with_capacity(4 + 2 * RAW_BYTES));
        material.push_str("x'");
        material.push_str(&key.to_hex());
        material.push('\'');
        Passphrase {
            material,
            raw: true,
        }
    }

    /// The passphrase as typed (`None` for a raw key): to encrypt a file
    /// written from the diary with it.
    pub fn as_text(&self) -> Option<&str> {
        (!self.raw).then_some(self.material.as_str())
    }

    /// True for a raw key (from [`Passphrase::from_raw`]).
    pub fn is_raw(&self) -> bool {
        self.raw
    }

    /// Refuses a new key shorter than [`MIN_PASSPHRASE_CHARS`].
    pub fn check_new(&self) -> Result<()> {
        if self.raw || self.material.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(Error::invalid(format!(
                "the passphrase is too short: use at least {MIN_PASSPHRASE_CHARS} characters (a few words are easy to remember); nothing was changed"
            )));
        }
        Ok(())
    }

    fn expose(&self) -> &str {
        &self.material
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

impl PartialEq for Passphrase {
    /// Compares every byte whatever the first difference, so timing says nothing.
    fn eq(&self, other: &Passphrase) -> bool {
        self.raw == other.raw && same_bytes(self.material.as_bytes(), other.material.as_bytes())
    }
}

/// Compares every byte whatever the first difference.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Bytes of a raw key as SQLCipher takes it: the key, then the file's salt.
const RAW_BYTES: usize = KEY_BYTES + SALT_BYTES;

/// The key of one encrypted file, derived from its passphrase exactly as
/// SQLCipher 4 does (PBKDF2-HMAC-SHA512, [`KDF_ITER`] iterations, the
/// file's salt), followed by that salt. Zeroed when dropped; never prints.
#[derive(Clone)]
pub struct RawKey(Zeroizing<[u8; RAW_BYTES]>);

impl RawKey {
    /// Derives the key of the encrypted file at `path` from `passphrase`:
    /// the one slow step, paid once a session. Whether it is the right
    /// passphrase shows when a connection is keyed with the result.
    pub fn derive(path: &Path, passphrase: &Passphrase) -> Result<RawKey> {
        if passphrase.raw {
            return RawKey::from_hex(raw_hex(passphrase.expose()))
                .ok_or_else(|| Error::invalid("the key is malformed"));
        }
        let mut salt = [0u8; SALT_BYTES];
        std::fs::File::open(path)
            .and_then(|mut f| f.read_exact(&mut salt))
            .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
        let mut bytes = Zeroizing::new([0u8; RAW_BYTES]);
        let (key, tail) = bytes.split_at_mut(KEY_BYTES);
        pbkdf2_hmac_sha512(passphrase.expose().as_bytes(), &salt, key)?;
        tail.copy_from_slice(&salt);
        Ok(RawKey(bytes))
    }

    /// Lower-case hex, as the agent's protocol and `PRAGMA key` take it.
    pub fn to_hex(&self) -> Zeroizing<String> {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut hex = Zeroizing::new(String::with_capacity(2 * RAW_BYTES));
        for b in self.0.iter() {
            hex.push(char::from(DIGITS[usize::from(b >> 4)]));
            hex.push(char::from(DIGITS[usize::from(b & 0xf)]));
        }
        hex
    }

    /// Reads [`RawKey::to_hex`]'s form back; `None` when malformed.
    pub fn from_hex(hex: &str) -> Option<RawKey> {
        let hex = hex.as_bytes();
        if hex.len() != 2 * RAW_BYTES {
            return None;
        }
        let mut bytes = Zeroizing::new([0u8; RAW_BYTES]);
        for (byte, pair) in bytes.iter_mut().zip(hex.chunks_exact(2)) {
            let digit = |c: u8| char::from(c).to_digit(16);
            *byte = u8::try_from(digit(pair[0])? * 16 + digit(pair[1])?).ok()?;
        }
        Some(RawKey(bytes))
    }

    /// The salt this key was derived with: a file whose first bytes differ
    /// is not the file it opens.
    pub fn salt(&self) -> &[u8] {
        &self.0[KEY_BYTES..]
    }
}

impl std::fmt::Debug for RawKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RawKey(…)")
    }
}

/// PBKDF2-HMAC-SHA512 with [`KDF_ITER`] rounds, by the very function
/// SQLCipher derives its keys with: the OpenSSL that rusqlite's
/// `bundled-sqlcipher-vendored-openssl` compiles into this binary. The same
/// code gives the same key, and runs at the same (optimised C) speed in
/// debug builds, where a Rust PBKDF2 is some fifteen times slower.
fn pbkdf2_hmac_sha512(pass: &[u8], salt: &[u8], out: &mut [u8]) -> Result<()> {
    use std::ffi::{c_char, c_int, c_void};
    unsafe extern "C" {
        fn PKCS5_PBKDF2_HMAC(
            pass: *const c_char,
            passlen: c_int,
            salt: *const u8,
            saltlen: c_int,
            iter: c_int,
            digest: *const c_void,
            keylen: c_int,
            out: *mut u8,
        ) -> c_int;
        fn EVP_sha512() -> *const c_void;
    }
    let len =
        |n: usize| c_int::try_from(n).map_err(|_| Error::invalid("the passphrase is too long"));
    let iter = c_int::try_from(KDF_ITER).map_err(|_| Error::invalid("bad kdf_iter"))?;
    // SAFETY: every pointer is paired with its slice's true length; OpenSSL
    // reads `pass` and `salt` and writes exactly `out.len()` bytes.
    let ok = unsafe {
        PKCS5_PBKDF2_HMAC(
            pass.as_ptr().cast(),
            len(pass.len())?,
            salt.as_ptr(),
            len(salt.len())?,
            iter,
            EVP_sha512(),
            len(out.len())?,
            out.as_mut_ptr(),
        )
    };
    if ok == 1 {
        Ok(())
    } else {
        Err(Error::invalid(
            "the key could not be derived (OpenSSL failed)",
        ))
    }
}

/// `x'HEX'` → `HEX`.
fn raw_hex(material: &str) -> &str {
    material
        .strip_prefix("x'")
        .and_then(|m| m.strip_suffix('\''))
        .unwrap_or_default()
}

/// The salt in the first bytes of the encrypted file at `path`.
pub fn file_salt(path: &Path) -> Option<[u8; SALT_BYTES]> {
    let mut salt = [0u8; SALT_BYTES];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut salt))
        .ok()
        .map(|()| salt)
}

/// True when the file at `path` looks like an encrypted database: whole
/// pages, but not the plain SQLite header (an encrypted file starts with its
/// random salt). A missing or empty file is plain (a new diary is plain
/// unless asked); so is a file that is not whole pages, which SQLite then
/// reports as not a database.
pub fn is_encrypted(path: &Path) -> bool {
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len < 512 || len % 512 != 0 {
        return false;
    }
    let mut head = [0u8; 16];
    file.read_exact(&mut head).is_ok() && &head != PLAIN_HEADER
}

/// Keys a fresh connection: must run before the first read of the file.
pub(crate) fn apply_key(conn: &Connection, key: &Passphrase) -> rusqlite::Result<()> {
    conn.pragma_update(None, "key", key.expose())?;
    quiet(conn)?;
    conn.pragma_update(None, "kdf_iter", KDF_ITER)
}

/// SQLCipher logs a wrong key's failed page to stderr; casebook says it in
/// one line of its own. The level is process-wide and is reset when the
/// first key of the process is set, so this runs after keying.
fn quiet(conn: &Connection) -> rusqlite::Result<()> {
    conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(()))
}

/// The error a keyed connection's failed read means: the key is wrong (or
/// the file is not ours at all); other failures are classified as usual.
pub(crate) fn classify_keyed(e: rusqlite::Error, path: &Path, keyed: bool) -> Error {
    if keyed && e.sqlite_error_code() == Some(ErrorCode::NotADatabase) {
        return Error::WrongPassphrase {
            path: path.to_path_buf(),
        };
    }
    classify(e, path)
}

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
            detail: "it could not be read; run `casebook check` first".into(),
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
        return Err(Error::invalid(format!(
            "{} is not a casebook diary this program can rewrite (schema version {version}); it was not changed",
            path.display()
        )));
    }
    let counts = table_counts(&conn).map_err(fail)?;
    let tmp_name = sibling(path, &format!(".rekeying-{}", std::process::id()));
    write_verified(&tmp_name, version, new, |tmp| {
        export(&conn, tmp, new).map_err(|e| classify(e, tmp))?;
        // The copy holds the same rows as the diary.
        let copy = open_read_only_keyed(tmp, new)?;
        let copied = table_counts(&copy).map_err(|e| classify(e, tmp))?;
        if copied != counts {
            return Err(Error::invalid(format!(
                "the rewritten copy does not hold the same rows ({copied:?} against {counts:?}); {} was not changed",
                path.display()
            )));
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
        return Err(Error::io(format!("cannot replace {}", path.display()), e));
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
