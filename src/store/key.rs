//! Keys for SQLCipher: the passphrase (or the raw key derived from it),
//! telling an encrypted file from a plain one, keying a connection, and
//! naming a wrong passphrase as such. The lowest layer of the store's file
//! handling: `maintenance` and `crypt` both build on it.

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, ErrorCode};
use zeroize::Zeroizing;

use super::classify;
use crate::error::Msg;
use crate::{Error, Result};

/// The first 16 bytes of every plain SQLite file.
pub(super) const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

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
            return Err(Error::user(crate::error::Msg::new(
                "error-passphrase-empty",
            )));
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
            return Err(Error::user(
                crate::error::Msg::new("error-passphrase-short").num(
                    "min",
                    i64::try_from(MIN_PASSPHRASE_CHARS).unwrap_or(i64::MAX),
                ),
            ));
        }
        Ok(())
    }

    pub(super) fn expose(&self) -> &str {
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
                .ok_or_else(|| Error::user(Msg::new("error-key-malformed")));
        }
        let mut salt = [0u8; SALT_BYTES];
        std::fs::File::open(path)
            .and_then(|mut f| f.read_exact(&mut salt))
            .map_err(|e| Error::cannot_read(path, &e))?;
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
    let len = |n: usize| {
        c_int::try_from(n).map_err(|_| Error::user(Msg::new("error-passphrase-too-long")))
    };
    let iter =
        c_int::try_from(KDF_ITER).map_err(|_| Error::System(Msg::new("error-key-not-derived")))?;
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
        Err(Error::System(Msg::new("error-key-not-derived")))
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
pub(super) fn quiet(conn: &Connection) -> rusqlite::Result<()> {
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
