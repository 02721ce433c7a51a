//! `casebook patterns`: the bigger picture (SPEC section 6) over the whole
//! diary. JSON is a list of `{"category", "area", "cases", "first", "last"}`,
//! most recent first.

use std::io::Write;
use std::process::ExitCode;

use chrono::NaiveDate;

use super::{Env, TextOrJson, write_output};
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
                .map_err(|e| Error::invalid(format!("cannot write the patterns: {e}")))?;
            s.push('\n');
            s
        }
        TextOrJson::Text => text(&clusters, p.window_days, p.min_cases),
    };
    write_output(env, out, None, text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn text(clusters: &[Cluster], window: u32, min: u32) -> String {
    let rule = format!(
        "{min} or more cases of one category in one area, opened within {window} days of each other"
    );
    if clusters.is_empty() {
        return format!("No patterns: no {rule}.\n");
    }
    let mut s = format!(
        "The bigger picture: {} {} of {rule}.\n",
        clusters.len(),
        if clusters.len() == 1 {
            "cluster"
        } else {
            "clusters"
        }
    );
    for c in clusters {
        s += &format!(
            "\n{} in {}: {}, {} to {}\n  {}\n",
            words::category(&c.category),
            c.place,
            words::cases(c.cases.len() as u64),
            c.first.format("%-d %b %Y"),
            c.last.format("%-d %b %Y"),
            c.cases.join(", ")
        );
    }
    s += "\nAsk whether a bigger issue lies behind them: one report to the council may fix them all.\n";
    s
}
