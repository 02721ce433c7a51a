//! The binary: parse the command line, run it, print any error as one line.

use std::process::ExitCode;

fn main() -> ExitCode {
    // Usage errors exit 2 (clap's own exit); everything else goes through
    // `cli::main`, which prints an error in the reader's language and exits 1.
    let cli = casebook::cli::parse();
    casebook::cli::main(cli)
}
