//! The terminal UI. (Placeholder while it is being built.)

use crate::cli::Env;
use crate::{Error, Result};

pub fn run(_env: &Env) -> Result<()> {
    Err(Error::invalid("the terminal UI is not built yet"))
}
