//! `casebook import FILE [--dry-run] [--map …] [--sheet NAME] [--skip-bad]`:
//! a spreadsheet (CSV/TSV, `.xlsx`, `.xls`, `.ods`; SPEC section 4), or a
//! casebook JSON export loaded into an empty diary. Which one is judged by
//! the content, not the file name. `import --template PATH` writes an empty
//! spreadsheet with every column.
//!
//! A `--map` that worked is remembered (in `import-mappings.json` beside the
//! config file, readable by its owner only) for the next file with the same
//! headers.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Env, ImportArgs, stdout_error};
use crate::error::Msg;
use crate::exchange::json::Export;
use crate::exchange::sheet::{self, Format};
use crate::exchange::{FileKind, csv_import, detect};
use crate::store::{CsvImportSummary, JsonImportSummary, SCHEMA_VERSION};
use crate::{Error, Result};

pub fn run(env: &Env, args: &ImportArgs, out: &mut dyn Write) -> Result<ExitCode> {
    if let Some(template) = &args.template {
        let line = write_template(env, template)?;
        writeln!(out, "{line}").map_err(stdout_error)?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(path) = &args.file else {
        return Err(Error::user(Msg::new("error-import-no-file")));
    };
    let file = path.display().to_string();
    let input = sheet::Input::open(path)?;
    // Its own exports from an encrypted diary are age files, read whole.
    let line = if super::seal::is_sealed(&input.head) {
        let bytes = super::seal::open(&env.i18n, &input.read_all()?, path)?;
        match (sheet::format_of(&bytes), detect(&bytes)) {
            (Format::Workbook, _) => workbook(env, args, path, &bytes)?,
            (Format::Csv, FileKind::Json) => json(env, args, &bytes, &file)?,
            (Format::Csv, FileKind::Csv) => {
                let rows = sheet::read_csv_rows(&bytes, &file)?;
                spreadsheet(env, args, path, rows.headers().to_vec(), rows)?
            }
        }
    } else {
        match (sheet::format_of(&input.head), detect(&input.head)) {
            (Format::Workbook, _) => workbook(env, args, path, &input.read_all()?)?,
            (Format::Csv, FileKind::Json) => json(env, args, &input.read_all()?, &file)?,
            // CSV is read as it comes: a row at a time, never the whole file.
            (Format::Csv, FileKind::Csv) => {
                let rows = input.csv()?;
                spreadsheet(env, args, path, rows.headers().to_vec(), rows)?
            }
        }
    };
    writeln!(out, "{line}").map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}

fn workbook(env: &Env, args: &ImportArgs, path: &Path, bytes: &[u8]) -> Result<String> {
    let file = path.display().to_string();
    let table = sheet::read_workbook(bytes, &file, args.sheet.as_deref())?;
    spreadsheet(
        env,
        args,
        path,
        table.headers,
        table.rows.into_iter().map(Ok),
    )
}

fn spreadsheet(
    env: &Env,
    args: &ImportArgs,
    path: &Path,
    headers: Vec<String>,
    rows: impl Iterator<Item = Result<sheet::SheetRow>>,
) -> Result<String> {
    let file = path.display().to_string();
    let categories = env.config.categories();
    let mut map = match &args.map {
        Some(m) => csv_import::parse_map(m)?,
        None => Vec::new(),
    };
    let memory = mappings_file(env);
    let remembered = if map.is_empty() {
        memory.as_deref().and_then(|m| remembered_map(m, &headers))
    } else {
        None
    };
    if let Some(r) = &remembered {
        eprintln!("casebook: {}", text::using_remembered(&env.i18n, &file));
        map.clone_from(r);
    }
    let plan = csv_import::plan_rows(
        &headers,
        rows,
        &file,
        &csv_import::Options {
            today: env.clock.today(),
            categories: &categories,
            map: &map,
        },
    )?;
    if !plan.unknown_columns.is_empty() {
        // Said even when rows are bad: a misspelt header is often why.
        super::note(format_args!(
            "{}",
            text::unknown_columns(&env.i18n, &file, &plan.unknown_columns)
        ));
    }
    if !plan.closed_on_opened.is_empty() {
        eprintln!(
            "casebook: {}",
            text::closed_on_opened(&env.i18n, &file, &plan.closed_on_opened)
        );
    }
    let mut rejects: Option<(PathBuf, usize)> = None;
    let plan = if plan.problems.is_empty() {
        plan
    } else if args.skip_bad {
        if !args.dry_run {
            let written = write_rejects(env, path, &plan)?;
            rejects = Some((written, plan.problems.len()));
        } else {
            rejects = Some((PathBuf::new(), plan.problems.len()));
        }
        plan.without_problems()
    } else {
        return Err(plan
            .problems_error()
            .unwrap_or_else(|| Error::user(Msg::new("error-import-no-file"))));
    };
    let mut line = if args.dry_run {
        // A dry run never creates a diary: with none, everything would be new.
        let summary = if env.db_path.exists() {
            env.open_store()?.preview_csv_import(&plan)?
        } else {
            CsvImportSummary::into_empty_diary(&plan)
        };
        text::csv_dry_run(&env.i18n, &summary, rejects.as_ref().map_or(0, |(_, n)| *n))
    } else {
        let summary = env.open_store()?.import_csv(&plan, &categories)?;
        text::csv_done(&env.i18n, &summary)
    };
    if let Some((written, n)) = rejects
        && !args.dry_run
    {
        line += &text::set_aside(&env.i18n, n, &written.display().to_string());
    }
    if args.map.is_some()
        && !args.dry_run
        && let Some(memory) = &memory
    {
        // Only a mapping that led to an import is worth remembering.
        if let Err(e) = remember_map(memory, &headers, &map) {
            super::note(e.message(&env.i18n));
        }
    }
    Ok(line)
}

/// The file of remembered `--map`s: beside the config file.
fn mappings_file(env: &Env) -> Option<PathBuf> {
    let dir = env.config_path.parent()?;
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    Some(dir.join("import-mappings.json"))
}

/// A sheet's headers, as a key that ignores case, spacing and order.
fn header_key(headers: &[String]) -> String {
    let mut keys: Vec<String> = headers
        .iter()
        .map(|h| crate::domain::synonyms::key(h))
        .filter(|k| !k.is_empty() && *k != crate::domain::synonyms::key(csv_import::REASON_COLUMN))
        .collect();
    keys.sort();
    keys.join("|")
}

type Remembered = std::collections::BTreeMap<String, Vec<(String, String)>>;

fn remembered_map(file: &Path, headers: &[String]) -> Option<Vec<(String, String)>> {
    let bytes = std::fs::read(file).ok()?;
    let all: Remembered = serde_json::from_slice(&bytes).ok()?;
    all.get(&header_key(headers)).cloned()
}

fn remember_map(file: &Path, headers: &[String], map: &[(String, String)]) -> Result<()> {
    let mut all: Remembered = std::fs::read(file)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    all.insert(header_key(headers), map.to_vec());
    let bytes = serde_json::to_vec_pretty(&all)
        .map_err(|e| Error::failed(Msg::new("doing-remember-mapping"), e))?;
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(|e| {
            Error::io(
                Msg::new("doing-remember-mapping-in").text("path", dir.display().to_string()),
                e,
            )
        })?;
    }
    crate::files::write_atomically(file, &bytes)?;
    private(file).map_err(|e| {
        Error::io(
            Msg::new("doing-protect").text("path", file.display().to_string()),
            e,
        )
    })
}

/// Makes a file readable by its owner only.
fn private(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    let _ = path;
    Ok(())
}

/// Creates a new file (never replacing one) readable by its owner only.
fn create_private(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Writes the bad rows, with a reason column, to a new file beside the
/// input: `cases.rejects.csv` (or `cases.rejects-2.csv`, … when that exists).
/// Created new, so it can never replace the input, the diary or anything else.
fn write_rejects(env: &Env, input: &Path, plan: &csv_import::Plan) -> Result<PathBuf> {
    let dir = input
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let stem = input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "import".into());
    let mut bytes = Vec::new();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .flexible(true)
            .from_writer(&mut bytes);
        let fail = |e: csv::Error| Error::failed(Msg::new("doing-write-rejects"), e);
        let mut header: Vec<String> = plan.headers.clone();
        header.push(csv_import::REASON_COLUMN.to_string());
        w.write_record(&header).map_err(fail)?;
        for p in &plan.problems {
            let mut row: Vec<String> = p
                .cells
                .iter()
                .map(|c| sheet::escape_formula(c).into_owned())
                .collect();
            row.resize(plan.headers.len(), String::new());
            row.push(p.said().render(&env.i18n));
            w.write_record(&row).map_err(fail)?;
        }
        w.flush()
            .map_err(|e| Error::io(Msg::new("doing-write-rejects"), e))?;
    }
    for n in 1..1000 {
        let name = if n == 1 {
            format!("{stem}.rejects.csv")
        } else {
            format!("{stem}.rejects-{n}.csv")
        };
        let path = dir.join(name);
        if path == env.db_path {
            continue;
        }
        match create_private(&path) {
            Ok(mut f) => {
                let done = f.write_all(&bytes).and_then(|()| f.sync_all());
                if let Err(e) = done {
                    let _ = std::fs::remove_file(&path);
                    return Err(Error::cannot_write(&path, &e));
                }
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(Error::cannot_write(&path, &e)),
        }
    }
    Err(Error::user(
        Msg::new("error-import-rejects-full")
            .text("folder", dir.display().to_string())
            .text("stem", stem),
    ))
}

/// `import --template PATH`: an empty spreadsheet with every column and a
/// row saying what each is for; `.xlsx` by its name, else CSV.
fn write_template(env: &Env, path: &Path) -> Result<String> {
    use crate::exchange::{COLUMNS, words};
    if path.exists() {
        return Err(Error::user(
            Msg::new("error-import-template-exists").text("path", path.display().to_string()),
        ));
    }
    let _ = env;
    let xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    let bytes = if xlsx {
        let mut book = rust_xlsxwriter::Workbook::new();
        let fail = |e: rust_xlsxwriter::XlsxError| {
            Error::failed(
                Msg::new("doing-write-template-file").text("path", path.display().to_string()),
                e,
            )
        };
        let bold = rust_xlsxwriter::Format::new().set_bold();
        let note = rust_xlsxwriter::Format::new().set_italic().set_text_wrap();
        let sheet = book.add_worksheet();
        sheet.set_name("cases").map_err(fail)?;
        for (i, column) in COLUMNS.iter().enumerate() {
            let col = i as u16;
            sheet
                .write_string_with_format(0, col, *column, &bold)
                .map_err(fail)?;
            sheet
                .write_string_with_format(1, col, words::explanation(column), &note)
                .map_err(fail)?;
            sheet.set_column_width(col, 22).map_err(fail)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(fail)?;
        book.save_to_buffer().map_err(fail)?
    } else {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let fail = |e: csv::Error| Error::failed(Msg::new("doing-write-template"), e);
        w.write_record(COLUMNS).map_err(fail)?;
        w.write_record(COLUMNS.iter().map(|c| words::explanation(c)))
            .map_err(fail)?;
        w.into_inner()
            .map_err(|e| Error::failed(Msg::new("doing-write-template"), e))?
    };
    let mut f = create_private(path).map_err(|e| Error::cannot_write(path, &e))?;
    f.write_all(&bytes)
        .and_then(|()| f.sync_all())
        .map_err(|e| Error::cannot_write(path, &e))?;
    Ok(text::template_written(
        &env.i18n,
        &path.display().to_string(),
    ))
}

fn json(env: &Env, args: &ImportArgs, bytes: &[u8], file: &str) -> Result<String> {
    let doc = Export::parse(bytes, file, SCHEMA_VERSION)?;
    let summary = JsonImportSummary::of(&doc);
    if args.dry_run {
        if env.db_path.exists() {
            env.open_store()?.check_blank()?;
        }
        Ok(text::json_dry_run(&env.i18n, &summary))
    } else {
        env.open_store()?.import_json(&doc)?;
        Ok(text::json_done(&env.i18n, &summary))
    }
}

/// What this command says, kept together for translation.
mod text {
    use crate::exchange::csv_import::UnknownColumn;
    use crate::i18n::{Catalogue, args};
    use crate::store::{CsvImportSummary, JsonImportSummary};

    pub fn unknown_columns(t: &Catalogue, file: &str, names: &[UnknownColumn]) -> String {
        let list = names
            .iter()
            .map(|c| match c.nearest.as_slice() {
                [] => format!("`{}`", c.name),
                near => t.tr(
                    "import-unknown-nearest",
                    Some(&args(&[
                        ("name", c.name.as_str().into()),
                        (
                            "nearest",
                            near.iter()
                                .map(|n| format!("`{n}`"))
                                .collect::<Vec<_>>()
                                .join(", ")
                                .into(),
                        ),
                    ])),
                ),
            })
            .collect::<Vec<_>>()
            .join(", ");
        t.tr(
            "import-unknown-columns",
            Some(&args(&[
                ("file", file.into()),
                ("count", names.len().into()),
                ("list", list.into()),
                (
                    "first",
                    names.first().map(|c| c.name.as_str()).unwrap_or("").into(),
                ),
            ])),
        )
    }

    pub fn using_remembered(t: &Catalogue, file: &str) -> String {
        t.tr1("import-using-remembered", "file", file)
    }

    pub fn closed_on_opened(t: &Catalogue, file: &str, lines: &[u64]) -> String {
        let shown: Vec<String> = lines.iter().take(10).map(|l| l.to_string()).collect();
        let more = if lines.len() > 10 { ", …" } else { "" };
        t.tr(
            "import-closed-on-opened",
            Some(&args(&[
                ("file", file.into()),
                ("count", lines.len().into()),
                ("lines", format!("{}{more}", shown.join(", ")).into()),
            ])),
        )
    }

    pub fn set_aside(t: &Catalogue, bad: usize, file: &str) -> String {
        t.tr(
            "import-set-aside",
            Some(&args(&[("count", bad.into()), ("file", file.into())])),
        )
    }

    pub fn template_written(t: &Catalogue, file: &str) -> String {
        t.tr1("import-template-written", "file", file)
    }

    fn people(t: &Catalogue, s: &CsvImportSummary) -> String {
        t.tr(
            "import-people",
            Some(&args(&[
                ("created", s.contacts_created.into()),
                ("matched", s.contacts_matched.into()),
            ])),
        )
    }

    pub fn csv_done(t: &Catalogue, s: &CsvImportSummary) -> String {
        let mut line = t.tr(
            "import-done",
            Some(&args(&[
                ("cases", s.cases_imported.into()),
                ("people", people(t, s).into()),
            ])),
        );
        if s.cases_skipped > 0 {
            line += &t.tr1("import-skipped", "count", s.cases_skipped);
        }
        line
    }

    /// `bad`: rows `--skip-bad` would set aside.
    pub fn csv_dry_run(t: &Catalogue, s: &CsvImportSummary, bad: usize) -> String {
        let valid = if bad == 0 {
            t.tr("import-dry-valid", None)
        } else {
            t.tr1("import-dry-bad", "count", bad)
        };
        let skipped = if s.cases_skipped > 0 {
            t.tr1("import-dry-skip", "count", s.cases_skipped)
        } else {
            String::new()
        };
        t.tr(
            "import-dry-run",
            Some(&args(&[
                ("valid", valid.into()),
                ("cases", s.cases_imported.into()),
                ("people", people(t, s).into()),
                ("skipped", skipped.into()),
            ])),
        )
    }

    fn counts(t: &Catalogue, s: &JsonImportSummary) -> String {
        t.tr(
            "import-json-counts",
            Some(&args(&[
                ("contacts", s.contacts.into()),
                ("cases", s.cases.into()),
                ("entries", s.entries.into()),
                ("referrals", s.referrals.into()),
                ("follow_ups", s.follow_ups.into()),
                ("surgeries", s.surgeries.into()),
            ])),
        )
    }

    pub fn json_done(t: &Catalogue, s: &JsonImportSummary) -> String {
        t.tr1("import-json-done", "counts", counts(t, s))
    }

    pub fn json_dry_run(t: &Catalogue, s: &JsonImportSummary) -> String {
        t.tr1("import-json-dry", "counts", counts(t, s))
    }
}
