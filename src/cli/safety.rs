//! `casebook backup`, `restore`, `check`. (Placeholder while being built.)

use std::io::Write;
use std::process::ExitCode;

use super::{BackupArgs, Env, RestoreArgs};
use crate::{Error, Result};

pub fn backup(_env: &Env, _args: &BackupArgs, _out: &mut dyn Write) -> Result<ExitCode> {
    Err(Error::invalid("`casebook backup` is not built yet"))
}

pub fn restore(_env: &Env, _args: &RestoreArgs, _out: &mut dyn Write) -> Result<ExitCode> {
    Err(Error::invalid("`casebook restore` is not built yet"))
}

pub fn check(_env: &Env, _out: &mut dyn Write) -> Result<ExitCode> {
    Err(Error::invalid("`casebook check` is not built yet"))
}
