//! `casebook patterns`: the bigger picture (SPEC section 6) over the whole
//! diary. JSON is a list of `{"category", "area", "cases", "first", "last"}`,
//! most recent first.

use std::io::Write;
use std::process::ExitCode;

use chrono::NaiveDate;

use super::{Env, TextOrJson, write_output};
use crate::i18n::{Catalogue, args};
use crate::report::Cluster;
use crate::report::words;
use crate::{Error, Result};

pub fn run(env: &Env, format: TextOrJson, out: &mut dyn Write) -> Result<ExitCode> {
    let p = &env.config.patterns;
    let store = env.open_store()?;
    let clusters = store.clusters(NaiveDate::MIN, p.window_days, p.min_cases)?;
    let text = match format {
        TextOrJson::Json => {
            let mut s = serde_json::to_string_pretty(&clusters)
                .map_err(|e| Error::failed(crate::error::Msg::new("doing-write-patterns"), e))?;
            s.push('\n');
            s
        }
        TextOrJson::Text => text(&env.i18n, &clusters, p.window_days, p.min_cases),
    };
    write_output(env, out, None, text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// Every word from the catalogue (`patterns-*`): Welsh counts of clusters
/// and cases take their own forms.
fn text(t: &Catalogue, clusters: &[Cluster], window: u32, min: u32) -> String {
    let rule = |id: &str| {
        t.tr(
            id,
            Some(&args(&[
                ("min", min.into()),
                ("window", window.into()),
                ("clusters", clusters.len().into()),
            ])),
        )
    };
    if clusters.is_empty() {
        return format!("{}\n", rule("patterns-none"));
    }
    let mut s = format!("{}\n", rule("patterns-found"));
    for c in clusters {
        let line = t.tr(
            "patterns-cluster",
            Some(&args(&[
                (
                    "category",
                    t.category(&c.category)
                        .unwrap_or_else(|| words::category(&c.category))
                        .into(),
                ),
                ("place", c.place.as_str().into()),
                ("cases", c.cases.len().into()),
                ("first", t.date_dmy_short(c.first).into()),
                ("last", t.date_dmy_short(c.last).into()),
            ])),
        );
        s += &format!("\n{line}\n  {}\n", c.cases.join(", "));
    }
    s += &format!("\n{}\n", t.tr("patterns-advice", None));
    s
}
