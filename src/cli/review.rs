//! `casebook review`: the yearly review (SPEC section 5), anonymised
//! summaries for colleagues (`--summary-out`) and the comparison with theirs
//! (`--compare`).
//!
//! With `--summary-out` and neither `--out` nor `--compare`, only the summary
//! is written, and a line says so. With `--compare`, the output is the
//! comparison (your anonymised summary beside each colleague's), not the
//! review.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{Env, ReviewArgs, ReviewFormat, stdout_error, write_output};
use chrono::Datelike;

use crate::dates::parse_date;
use crate::error::Msg;
use crate::i18n::args as i18n_args;
use crate::report::doc::Doc;
use crate::report::review_doc::review_doc;
use crate::report::summary::{SUPPRESSED, THRESHOLD, compare_doc};
use crate::report::{Period, Summary};
use crate::{Error, Result};

pub fn run(env: &Env, args: &ReviewArgs, out: &mut dyn Write) -> Result<ExitCode> {
    // Everything the user gave is checked before anything is read or written.
    let period = period(env, args)?;
    for path in args.out.iter().chain(&args.summary_out) {
        check_folder(path)?;
    }
    let colleagues = args
        .compare
        .iter()
        .map(|p| Ok((file_label(p), Summary::load(p)?)))
        .collect::<Result<Vec<_>>>()?;

    let store = env.open_store()?;
    let review = store.review(&period)?;

    if let Some(path) = &args.summary_out {
        crate::files::write_output(
            path,
            Summary::from_review(&review).to_json()?.as_bytes(),
            &env.protected(),
        )?;
        let line = env.i18n.tr(
            "review-summary-written",
            Some(&i18n_args(&[
                (
                    "period",
                    crate::report::review::period_label(&period, &env.i18n).into(),
                ),
                ("path", path.display().to_string().into()),
                ("threshold", THRESHOLD.into()),
                ("suppressed", SUPPRESSED.into()),
            ])),
        );
        if args.out.is_none() && args.compare.is_empty() {
            writeln!(out, "{line}").map_err(stdout_error)?;
            return Ok(ExitCode::SUCCESS);
        }
        super::note(&line);
    }

    let text = if args.compare.is_empty() {
        match args.format {
            ReviewFormat::Json => review.to_json()?,
            f => {
                let first = review_doc(&review, &env.i18n);
                match &env.also {
                    Some(second) => render_both(&first, &review_doc(&review, second), f),
                    None => render(&first, f),
                }
            }
        }
    } else {
        let yours = Summary::from_review(&review);
        match args.format {
            ReviewFormat::Json => compare_json(&yours, &colleagues)?,
            f => render(&compare_doc(&yours, &colleagues), f),
        }
    };
    match &args.out {
        Some(path) => super::seal::Sealer::new(&env.i18n, store.key().is_some(), &args.seal, path)?
            .write(env, out, path, text.as_bytes())?,
        None => write_output(env, out, None, text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

fn period(env: &Env, args: &ReviewArgs) -> Result<Period> {
    let today = env.clock.today();
    let start = env.config.year_start_month;
    match (args.year, &args.from, &args.to) {
        (Some(y), _, _) if !crate::domain::when::plausible_year(y, today) => {
            let (first, last) = crate::domain::when::window(today);
            Err(Error::user(
                Msg::new("error-review-year")
                    .text("year", y.to_string())
                    .text("first", first.year().to_string())
                    .text("last", last.year().to_string()),
            ))
        }
        (Some(y), _, _) => Period::year(y, start),
        (None, Some(from), Some(to)) => {
            let from = parse_date(from, today).map_err(|e| e.about_option("--from"))?;
            let to = parse_date(to, today).map_err(|e| e.about_option("--to"))?;
            Period::custom(from, to)
        }
        _ => Period::containing(today, start),
    }
}

fn render(doc: &Doc, format: ReviewFormat) -> String {
    match format {
        ReviewFormat::Markdown => doc.markdown(),
        ReviewFormat::Html => doc.html(),
        ReviewFormat::Text | ReviewFormat::Json => doc.text(),
    }
}

/// A bilingual review (`--lang cy+en`): HTML side by side; text and
/// Markdown one language after the other, the first language first.
fn render_both(first: &Doc, second: &Doc, format: ReviewFormat) -> String {
    match format {
        ReviewFormat::Html => Doc::html_side_by_side(first, second),
        ReviewFormat::Markdown => format!("{}\n---\n\n{}", first.markdown(), second.markdown()),
        ReviewFormat::Text | ReviewFormat::Json => format!("{}\n\n{}", first.text(), second.text()),
    }
}

fn compare_json(yours: &Summary, colleagues: &[(String, Summary)]) -> Result<String> {
    let others: Vec<serde_json::Value> = colleagues
        .iter()
        .map(|(name, s)| serde_json::json!({"file": name, "summary": s}))
        .collect();
    let value = serde_json::json!({"yours": yours, "colleagues": others});
    let mut s = serde_json::to_string_pretty(&value)
        .map_err(|e| Error::failed(crate::error::Msg::new("doing-write-comparison"), e))?;
    s.push('\n');
    Ok(s)
}

/// A colleague's column is headed by their file's name: "jones-2026".
fn file_label(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn check_folder(path: &Path) -> Result<()> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() && !dir.is_dir() => Err(Error::user(
            Msg::new("error-write-no-folder")
                .text("path", path.display().to_string())
                .text("folder", dir.display().to_string()),
        )),
        _ => Ok(()),
    }
}
