//! `casebook import FILE [--dry-run]`: a spreadsheet saved as CSV (SPEC
//! section 4), or a casebook JSON export loaded into an empty diary. Which
//! one is judged by the content, not the file name.

use std::io::Write;
use std::process::ExitCode;

use super::{Env, ImportArgs, stdout_error};
use crate::exchange::json::Export;
use crate::exchange::{FileKind, csv_import, detect};
use crate::store::{CsvImportSummary, JsonImportSummary, SCHEMA_VERSION};
use crate::{Error, Result};

pub fn run(env: &Env, args: &ImportArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let file = args.file.display().to_string();
    let mut bytes =
        std::fs::read(&args.file).map_err(|e| Error::io(format!("cannot read {file}"), e))?;
    // Its own exports from an encrypted diary are age files.
    if super::seal::is_sealed(&bytes) {
        bytes = super::seal::open(&bytes, &args.file)?;
    }
    let line = match detect(&bytes) {
        FileKind::Json => json(env, args, &bytes, &file)?,
        FileKind::Csv => csv(env, args, &bytes, &file)?,
    };
    writeln!(out, "{line}").map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}

fn csv(env: &Env, args: &ImportArgs, bytes: &[u8], file: &str) -> Result<String> {
    let categories = env.config.categories();
    let plan = csv_import::parse(bytes, file, env.clock.today(), &categories)?;
    if !plan.unknown_columns.is_empty() {
        // Said even when rows are bad: a misspelt header is often why.
        eprintln!(
            "casebook: {}",
            text::unknown_columns(file, &plan.unknown_columns)
        );
    }
    if let Some(e) = plan.problems_error() {
        return Err(e);
    }
    if args.dry_run {
        // A dry run never creates a diary: with none, everything would be new.
        let summary = if env.db_path.exists() {
            env.open_store()?.preview_csv_import(&plan)?
        } else {
            CsvImportSummary::into_empty_diary(&plan)
        };
        Ok(text::csv_dry_run(&summary))
    } else {
        let summary = env.open_store()?.import_csv(&plan, &categories)?;
        Ok(text::csv_done(&summary))
    }
}

fn json(env: &Env, args: &ImportArgs, bytes: &[u8], file: &str) -> Result<String> {
    let doc = Export::parse(bytes, file, SCHEMA_VERSION)?;
    let summary = JsonImportSummary::of(&doc);
    if args.dry_run {
        if env.db_path.exists() {
            env.open_store()?.check_blank()?;
        }
        Ok(text::json_dry_run(&summary))
    } else {
        env.open_store()?.import_json(&doc)?;
        Ok(text::json_done(&summary))
    }
}

/// What this command says, kept together for translation.
mod text {
    use crate::store::{CsvImportSummary, JsonImportSummary};

    fn n(count: usize, one: &str, many: &str) -> String {
        if count == 1 {
            format!("1 {one}")
        } else {
            format!("{count} {many}")
        }
    }

    pub fn unknown_columns(file: &str, names: &[String]) -> String {
        let list = names
            .iter()
            .map(|c| format!("`{c}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let what = if names.len() == 1 {
            "an unknown column"
        } else {
            "unknown columns"
        };
        format!("{file}: ignoring {what}: {list}")
    }

    fn people(s: &CsvImportSummary) -> String {
        format!(
            "{}, {} already in the diary",
            n(s.contacts_created, "new contact", "new contacts"),
            s.contacts_matched
        )
    }

    pub fn csv_done(s: &CsvImportSummary) -> String {
        let mut line = format!(
            "imported {} ({})",
            n(s.cases_imported, "case", "cases"),
            people(s)
        );
        if s.cases_skipped > 0 {
            line += &format!(
                "; skipped {} already imported",
                n(s.cases_skipped, "case", "cases")
            );
        }
        line
    }

    pub fn csv_dry_run(s: &CsvImportSummary) -> String {
        let mut line = format!(
            "dry run: every row is valid; would import {} ({})",
            n(s.cases_imported, "case", "cases"),
            people(s)
        );
        if s.cases_skipped > 0 {
            line += &format!(
                " and skip {} already imported",
                n(s.cases_skipped, "case", "cases")
            );
        }
        line + "; nothing was written"
    }

    fn counts(s: &JsonImportSummary) -> String {
        [
            n(s.contacts, "contact", "contacts"),
            n(s.cases, "case", "cases"),
            n(s.entries, "diary entry", "diary entries"),
            n(s.referrals, "referral", "referrals"),
            n(s.follow_ups, "follow-up", "follow-ups"),
            n(s.surgeries, "surgery", "surgeries"),
        ]
        .join(", ")
    }

    pub fn json_done(s: &JsonImportSummary) -> String {
        format!("loaded the casebook export: {}", counts(s))
    }

    pub fn json_dry_run(s: &JsonImportSummary) -> String {
        format!(
            "dry run: the casebook export is valid; would load {}; nothing was written",
            counts(s)
        )
    }
}
