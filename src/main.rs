//! The binary: parse the command line, run it, print any error as one line.

use std::process::ExitCode;

fn main() -> ExitCode {
    // Usage errors exit 2 (clap's own exit); everything else goes through run.
    let cli = casebook::cli::parse();
    match casebook::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            casebook::cli::note(&e);
            ExitCode::from(1)
        }
    }
}
