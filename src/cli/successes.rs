//! `casebook publicise REF [--off]` and `casebook successes`: celebrating
//! success with an anonymised list for a leaflet or newsletter.

use std::io::Write;
use std::process::ExitCode;

use super::{Env, PubliciseArgs, SuccessesArgs, SuccessesFormat, stdout_error, write_output};
use crate::Result;
use crate::report::successes::{successes, successes_doc};

pub fn publicise(env: &Env, args: &PubliciseArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let mut store = env.open_store()?;
    let case = store.set_publicise(&args.reference, !args.off)?;
    let id = if args.off {
        "publicise-off"
    } else {
        "publicise-on"
    };
    let line = env.i18n.tr1(id, "reference", case.data.reference.as_str());
    writeln!(out, "{line}").map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}

pub fn list(env: &Env, args: &SuccessesArgs, out: &mut dyn Write) -> Result<ExitCode> {
    if let Some(dir) = args
        .out
        .as_deref()
        .and_then(|p| p.parent())
        .filter(|d| !d.as_os_str().is_empty() && !d.is_dir())
    {
        return Err(crate::Error::user(
            crate::error::Msg::new("error-no-folder").text("folder", dir.display().to_string()),
        ));
    }
    let store = env.open_store()?;
    let list = successes(&store.publicised_cases()?, &env.i18n);
    let doc = successes_doc(&list, &env.i18n);
    let text = match args.format {
        SuccessesFormat::Markdown => doc.markdown(),
        SuccessesFormat::Text => doc.text(),
    };
    match &args.out {
        // Anonymised, yet drawn from case text: from an encrypted diary it
        // is an age file unless --plain, as every other --out.
        Some(path) => super::seal::Sealer::new(&env.i18n, store.key().is_some(), &args.seal, path)?
            .write(env, out, path, text.as_bytes())?,
        None => write_output(env, out, None, text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
