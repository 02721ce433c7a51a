//! `casebook review`. (Placeholder while this command is being built.)

use std::io::Write;
use std::process::ExitCode;

use super::Env;
use crate::{Error, Result};

#[allow(unused_variables)]
pub fn run<A>(env: &Env, args: A, out: &mut dyn Write) -> Result<ExitCode> {
    Err(Error::invalid("`casebook review` is not built yet"))
}
