//! What leaves an encrypted diary stays encrypted unless asked: a file
//! written with `--out` from an encrypted diary (an export, a subject
//! access file, a review) is an `age` file (age-encryption.org/v1), opened
//! anywhere with `age -d`: encrypted with a passphrase (scrypt), or for the
//! `--recipient age1…` public keys given. `--plain` writes plain text and
//! says so. Standard output is never encrypted: it goes where it is sent.

use std::io::Write;
use std::path::Path;
use std::str::FromStr;

use age::secrecy::SecretString;
use clap::Args;

use super::write_output;
use crate::error::Msg;
use crate::{Error, Result};

/// The first bytes of every (binary) age file.
const AGE_HEADER: &[u8] = b"age-encryption.org/v1\n";

#[derive(Debug, Clone, Default, Args)]
pub struct SealArgs {
    /// From an encrypted diary, write the file unencrypted (it is otherwise an age file)
    #[arg(long)]
    pub plain: bool,
    /// Encrypt the file for this age public key (age1…) rather than a passphrase; repeatable
    #[arg(long, value_name = "AGE1…", conflicts_with = "plain")]
    pub recipient: Vec<String>,
}

/// The catalogue's words for the sealing.
mod say {
    pub const SEALED: &str = "seal-sealed";
    pub const PLAIN: &str = "seal-plain";
    pub const ASK: &str = "seal-ask";
}

enum How {
    Plain { said: bool },
    Passphrase(SecretString),
    Recipients(Vec<age::x25519::Recipient>),
}

/// How the files of one command are written: decided once (one passphrase
/// asked for all of them).
pub struct Sealer(How);

impl Sealer {
    /// For files written from a diary that is `encrypted` (or not): sealed
    /// with the recipients given, else (an encrypted diary, no `--plain`)
    /// with a passphrase — `CASEBOOK_PASSPHRASE` or asked twice — else plain.
    pub fn new(
        t: &crate::i18n::Catalogue,
        encrypted: bool,
        args: &SealArgs,
        first: &Path,
    ) -> Result<Sealer> {
        if !args.recipient.is_empty() {
            let keys = args
                .recipient
                .iter()
                .map(|r| {
                    age::x25519::Recipient::from_str(r.trim())
                        .map_err(|_| Error::user(Msg::new("error-seal-not-a-key").text("key", r)))
                })
                .collect::<Result<Vec<_>>>()?;
            return Ok(Sealer(How::Recipients(keys)));
        }
        if !encrypted {
            return Ok(Sealer(How::Plain { said: true }));
        }
        if args.plain {
            return Ok(Sealer(How::Plain { said: false }));
        }
        let pass = super::crypt::new_file_passphrase(t, first, &t.tr(say::ASK, None))?;
        Ok(Sealer(How::Passphrase(SecretString::from(
            pass.as_text().unwrap_or_default().to_string(),
        ))))
    }

    /// Writes `bytes` to `path` (sealed as decided) and says what it did.
    pub fn write(
        &self,
        env: &super::Env,
        out: &mut dyn Write,
        path: &Path,
        bytes: &[u8],
    ) -> Result<()> {
        let sealed;
        let bytes = match &self.0 {
            How::Plain { .. } => bytes,
            How::Passphrase(pass) => {
                sealed = seal(age::Encryptor::with_user_passphrase(pass.clone()), bytes)?;
                &sealed
            }
            How::Recipients(keys) => {
                let encryptor =
                    age::Encryptor::with_recipients(keys.iter().map(|k| k as &dyn age::Recipient))
                        .map_err(|e| {
                            Error::System(
                                Msg::new("error-seal-cannot-encrypt")
                                    .text("path", path.display().to_string())
                                    .text("detail", e.to_string()),
                            )
                        })?;
                sealed = seal(encryptor, bytes)?;
                &sealed
            }
        };
        write_output(env, out, Some(path), bytes)?;
        match &self.0 {
            How::Plain { said: true } => {}
            How::Plain { said: false } => {
                super::note(env.i18n.tr1(say::PLAIN, "path", path.display().to_string()))
            }
            _ => super::note(
                env.i18n
                    .tr1(say::SEALED, "path", path.display().to_string()),
            ),
        }
        Ok(())
    }
}

fn seal(encryptor: age::Encryptor, bytes: &[u8]) -> Result<Vec<u8>> {
    let fail = |e: std::io::Error| Error::io(crate::error::Msg::new("doing-encrypt"), e);
    let mut sealed = Vec::with_capacity(bytes.len() + 256);
    let mut writer = encryptor.wrap_output(&mut sealed).map_err(fail)?;
    writer.write_all(bytes).map_err(fail)?;
    writer.finish().map_err(fail)?;
    Ok(sealed)
}

/// True for an age file (what [`Sealer`] writes).
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_HEADER)
}

/// Opens an age file sealed with a passphrase (`CASEBOOK_PASSPHRASE`, or
/// asked once), for `casebook import`.
pub fn open(t: &crate::i18n::Catalogue, bytes: &[u8], file: &Path) -> Result<Vec<u8>> {
    let pass = super::crypt::file_passphrase(t, file)?;
    let identity = age::scrypt::Identity::new(SecretString::from(
        pass.as_text().unwrap_or_default().to_string(),
    ));
    age::decrypt(&identity, bytes).map_err(|e| {
        Error::user(
            Msg::new("error-seal-cannot-open")
                .text("path", file.display().to_string())
                .text("detail", e.to_string()),
        )
    })
}
