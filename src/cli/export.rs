//! `casebook export [--format json|csv] [--out PATH] [--include-confidential]`.
//! JSON is lossless (every table and field, by UUID); CSV is one row a case
//! in the import columns, so that it imports again.

use std::io::Write;
use std::process::ExitCode;

use super::{Env, ExportArgs, ExportFormat, write_output};
use crate::error::Msg;
use crate::exchange::csv_export;
use crate::i18n::Catalogue;
use crate::store::LeftOut;
use crate::{Error, Result};

pub fn run(env: &Env, args: &ExportArgs, out: &mut dyn Write) -> Result<ExitCode> {
    // Exporting must not create an empty diary where a path was mistyped.
    if !env.db_path.exists() {
        return Err(Error::user(
            Msg::new("error-export-no-diary").text("path", env.db_path.display().to_string()),
        ));
    }
    let mut store = env.open_store()?;
    let bytes = match args.format {
        ExportFormat::Json => {
            let (doc, left_out) = store.export_all(args.include_confidential)?;
            if left_out.entries > 0 {
                super::note(left_out_text(&env.i18n, left_out));
            }
            doc.to_bytes()?
        }
        ExportFormat::Csv => csv_export::write(&store.export_csv_rows()?)?,
    };
    match &args.out {
        Some(path) => {
            super::seal::Sealer::new(&env.i18n, store.key().is_some(), &args.seal, path)?
                .write(env, out, path, &bytes)?;
        }
        None => write_output(env, out, None, &bytes)?,
    }
    store.record_audit("diary", None, crate::store::AuditAction::Export)?;
    Ok(ExitCode::SUCCESS)
}

fn left_out_text(t: &Catalogue, left_out: LeftOut) -> String {
    t.tr(
        "export-left-out",
        Some(&crate::i18n::args(&[
            ("entries", left_out.entries.into()),
            ("follow_ups", left_out.follow_ups.into()),
        ])),
    )
}
