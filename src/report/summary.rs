//! The anonymised summary a councillor swaps with colleagues (SPEC sections 5
//! and 7): counts only, no personal data, no free text, no references.
//!
//! The file is JSON, `"format": "casebook-summary"`, `"version": 1`, with the
//! headline figures and the `by_*` and `demographics` maps of the review.
//! Suppression, exactly:
//! - every count from 1 to 4 is written as `null` (shown as "<5"); 0 is kept
//!   (it says nothing about any person) and a zero key may be left out;
//! - in a map whose total is published, if exactly one cell is suppressed the
//!   next smallest non-zero cell is suppressed too, so that the hidden one
//!   cannot be worked out by subtraction;
//! - gender, ethnicity and employment status are free text: a value held by
//!   fewer than 5 people is not named; such people are counted together under
//!   `"(others)"` (itself suppressed when below 5);
//! - `resolution_rate` is given only when both the resolved and the closed
//!   counts are published; `median_days_to_close` only over 5 or more closed
//!   cases; `average_satisfaction` only over 5 or more scores.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::doc::{Block, Doc};
use super::review::{Counts, Period, Review};
use super::words as w;
use crate::error::Msg;
use crate::{Error, Result};

pub const FORMAT: &str = "casebook-summary";
pub const VERSION: u32 = 1;
/// Counts below this are suppressed.
pub const THRESHOLD: u64 = 5;
/// The key under which unnamed free-text values are counted together.
pub const OTHERS: &str = "(others)";
/// How a suppressed count is shown.
pub const SUPPRESSED: &str = "<5";

pub type Cells = BTreeMap<String, Option<u64>>;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SummaryDemographics {
    pub gender: Cells,
    pub age_band: Cells,
    pub ethnicity: Cells,
    pub employment_status: Cells,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub format: String,
    pub version: u32,
    pub period: Period,
    pub suppressed_below: u64,
    pub people_contacted: Option<u64>,
    pub cases_opened: Option<u64>,
    pub cases_closed: Option<u64>,
    pub resolved_satisfactorily: Option<u64>,
    pub resolution_rate: Option<f64>,
    pub under_30: Option<u64>,
    pub median_days_to_close: Option<f64>,
    pub average_satisfaction: Option<f64>,
    pub by_channel: Cells,
    pub by_category: Cells,
    pub by_kind: Cells,
    pub by_outcome: Cells,
    pub demographics: SummaryDemographics,
    pub by_month: Vec<Option<u64>>,
}

/// A count as published: `None` when it is 1 to 4.
pub fn suppress(n: u64) -> Option<u64> {
    (n == 0 || n >= THRESHOLD).then_some(n)
}

/// A published count as shown: "<5" when suppressed.
pub fn show(n: Option<u64>) -> String {
    n.map(|n| n.to_string())
        .unwrap_or_else(|| SUPPRESSED.into())
}

/// Suppresses a map of a closed list (channels, kinds…): keys are safe to name.
fn cells(map: &Counts, total_published: bool) -> Cells {
    let mut out: Cells = map.iter().map(|(k, n)| (k.clone(), suppress(*n))).collect();
    if total_published {
        complement(&mut out, map);
    }
    out
}

/// Suppresses a map of free text: values under the threshold are not named.
fn free_text_cells(map: &Counts, total_published: bool) -> Cells {
    let mut named = Counts::new();
    let mut others = 0;
    for (k, n) in map {
        if *n >= THRESHOLD {
            named.insert(k.clone(), *n);
        } else {
            others += n;
        }
    }
    if others > 0 {
        named.insert(OTHERS.into(), others);
    }
    cells(&named, total_published)
}

/// If exactly one cell is hidden, hide the next smallest non-zero one too.
fn complement(out: &mut Cells, raw: &Counts) {
    if out.values().filter(|v| v.is_none()).count() != 1 {
        return;
    }
    let smallest = raw
        .iter()
        .filter(|(k, n)| **n > 0 && out.get(*k).is_some_and(Option::is_some))
        .min_by_key(|(_, n)| **n)
        .map(|(k, _)| k.clone());
    if let Some(k) = smallest {
        out.insert(k, None);
    }
}

impl Summary {
    /// The anonymised summary of a review.
    pub fn from_review(r: &Review) -> Summary {
        let h = &r.headline;
        let opened = suppress(h.cases_opened).is_some();
        let closed = suppress(h.cases_closed).is_some();
        let people = suppress(h.people_contacted).is_some();
        let resolved = suppress(h.resolved_satisfactorily);
        let mut by_month: Vec<Option<u64>> = r.by_month.iter().map(|n| suppress(*n)).collect();
        // The months of a year add up to the cases opened: the same rule.
        if opened
            && r.by_month.iter().sum::<u64>() == h.cases_opened
            && by_month.iter().filter(|m| m.is_none()).count() == 1
            && let Some((i, _)) = r
                .by_month
                .iter()
                .enumerate()
                .filter(|(i, n)| **n > 0 && by_month[*i].is_some())
                .min_by_key(|(_, n)| **n)
        {
            by_month[i] = None;
        }
        let d = &r.demographics;
        Summary {
            format: FORMAT.into(),
            version: VERSION,
            // The file carries dates only; how the period was chosen is ours.
            period: Period {
                year: None,
                ..h.period
            },
            suppressed_below: THRESHOLD,
            people_contacted: suppress(h.people_contacted),
            cases_opened: suppress(h.cases_opened),
            cases_closed: suppress(h.cases_closed),
            resolved_satisfactorily: resolved,
            resolution_rate: if closed && resolved.is_some() {
                h.resolution_rate
            } else {
                None
            },
            under_30: suppress(h.under_30),
            median_days_to_close: if h.cases_closed >= THRESHOLD {
                h.median_days_to_close
            } else {
                None
            },
            average_satisfaction: if h.satisfaction_responses >= THRESHOLD {
                h.average_satisfaction
            } else {
                None
            },
            by_channel: cells(&r.by_channel, opened),
            by_category: cells(&r.by_category, opened),
            by_kind: cells(&r.by_kind, opened),
            by_outcome: cells(&r.by_outcome, closed),
            demographics: SummaryDemographics {
                gender: free_text_cells(&d.gender, people),
                age_band: cells(&d.age_band, people),
                ethnicity: free_text_cells(&d.ethnicity, people),
                employment_status: free_text_cells(&d.employment_status, people),
            },
            by_month,
        }
    }

    pub fn to_json(&self) -> Result<String> {
        let mut s = serde_json::to_string_pretty(self)
            .map_err(|e| Error::failed(Msg::new("doing-write-summary"), e))?;
        s.push('\n');
        Ok(s)
    }

    /// Reads a colleague's summary; any problem is one line naming the file.
    pub fn load(path: &Path) -> Result<Summary> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::io(
                Msg::new("doing-read-summary").text("path", path.display().to_string()),
                e,
            )
        })?;
        Summary::parse(&text, path)
    }

    /// Reads a summary's text (the file is `path`, for messages). Its own
    /// function so that the fuzzer reaches it without a file.
    pub fn parse(text: &str, path: &Path) -> Result<Summary> {
        let fail = |why: String| {
            Error::user(
                Msg::new("error-summary-not-json")
                    .text("path", path.display().to_string())
                    .text("detail", &why),
            )
        };
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| fail(format!("it is not JSON ({e})")))?;
        if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(fail(
                "it is not a casebook summary (made by `casebook review --summary-out`)".into(),
            ));
        }
        match value.get("version").and_then(|v| v.as_u64()) {
            Some(v) if v == u64::from(VERSION) => {}
            Some(v) if v > u64::from(VERSION) => {
                return Err(fail(format!(
                    "it was written by a newer casebook (summary version {v}); install the newer casebook"
                )));
            }
            _ => return Err(fail("its version is missing or unknown".into())),
        }
        let s: Summary =
            serde_json::from_value(value).map_err(|e| fail(format!("it is damaged ({e})")))?;
        if s.by_month.len() != 12 {
            return Err(fail("it is damaged (by_month needs 12 entries)".into()));
        }
        Ok(s)
    }
}

/// A published count with its share of a published total: "12 (15%)".
fn with_share(n: Option<u64>, total: Option<u64>) -> String {
    match (n, total) {
        (Some(n), Some(t)) if t > 0 => format!("{n} ({:.0}%)", n as f64 * 100.0 / t as f64),
        (n, _) => show(n),
    }
}

fn rate(r: Option<f64>) -> String {
    r.map(w::percent).unwrap_or_else(|| w::NONE.into())
}

/// Your summary beside your colleagues': "how does your casework load and
/// type compare to that of other members?" Columns: you, then each file.
pub fn compare_doc(yours: &Summary, others: &[(String, Summary)]) -> Doc {
    let all: Vec<(&str, &Summary)> = std::iter::once(("You", yours))
        .chain(others.iter().map(|(n, s)| (n.as_str(), s)))
        .collect();
    let head: Vec<String> = std::iter::once(w::FIGURE.to_string())
        .chain(all.iter().map(|(n, _)| n.to_string()))
        .collect();
    let mut d = Doc::default();
    d.push(Block::Title(w::Q_OTHERS.into()));
    d.push(Block::Subtitle(format!(
        "Anonymised summaries: counts below {THRESHOLD} are shown as \"{SUPPRESSED}\"; shares are of the cases opened."
    )));

    let row = |label: &str, f: &dyn Fn(&Summary) -> String| -> Vec<String> {
        std::iter::once(label.to_string())
            .chain(all.iter().map(|(_, s)| f(s)))
            .collect()
    };
    let headline = vec![
        row("Period", &|s| s.period_label()),
        row(w::H_PEOPLE, &|s| show(s.people_contacted)),
        row(w::H_OPENED, &|s| show(s.cases_opened)),
        row(w::H_CLOSED, &|s| show(s.cases_closed)),
        row(w::H_RESOLVED, &|s| show(s.resolved_satisfactorily)),
        row(w::H_RATE, &|s| rate(s.resolution_rate)),
        row(w::H_UNDER_30, &|s| show(s.under_30)),
        row(w::H_MEDIAN, &|s| {
            s.median_days_to_close
                .map(w::days)
                .unwrap_or_else(|| w::NONE.into())
        }),
        row(w::H_SATISFACTION, &|s| {
            s.average_satisfaction
                .map(|a| format!("{a:.1}"))
                .unwrap_or_else(|| w::NONE.into())
        }),
    ];
    d.push(Block::Heading("Casework load".into()));
    d.push(Block::Table {
        head: head.clone(),
        rows: headline,
        numeric_from: 1,
    });

    type Pick = fn(&Summary) -> &Cells;
    type Label = fn(&str) -> String;
    let sections: [(&str, Pick, Label); 3] = [
        ("Casework type: categories", |s| &s.by_category, w::category),
        ("Casework type: kinds of case", |s| &s.by_kind, w::kind),
        ("How people made contact", |s| &s.by_channel, w::channel),
    ];
    for (title, pick, label) in sections {
        let mut keys: Vec<&String> = all.iter().flat_map(|(_, s)| pick(s).keys()).collect();
        keys.sort();
        keys.dedup();
        let rows: Vec<Vec<String>> = keys
            .iter()
            .map(|k| {
                row(&label(k), &|s| match pick(s).get(*k) {
                    Some(n) => with_share(*n, s.cases_opened),
                    None => "0".into(),
                })
            })
            .collect();
        d.push(Block::Heading(title.into()));
        d.push(Block::Table {
            head: head.clone(),
            rows,
            numeric_from: 1,
        });
    }
    d
}

impl Summary {
    fn period_label(&self) -> String {
        let p = &self.period;
        format!("{} – {}", p.from.format("%b %Y"), p.to.format("%b %Y"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_of_one_to_four_are_hidden() {
        assert_eq!(suppress(0), Some(0));
        assert_eq!(suppress(1), None);
        assert_eq!(suppress(4), None);
        assert_eq!(suppress(5), Some(5));
        assert_eq!(show(None), "<5");
    }

    #[test]
    fn a_lone_hidden_cell_takes_the_next_smallest_with_it() {
        let raw: Counts = [("a".into(), 20), ("b".into(), 6), ("c".into(), 3)]
            .into_iter()
            .collect();
        let c = cells(&raw, true);
        assert_eq!(c.get("a"), Some(&Some(20)));
        assert_eq!(c.get("b"), Some(&None));
        assert_eq!(c.get("c"), Some(&None));
        // Without a published total there is nothing to subtract from.
        assert_eq!(cells(&raw, false).get("b"), Some(&Some(6)));
    }

    #[test]
    fn rare_free_text_values_are_not_named() {
        let raw: Counts = [
            ("white_british".into(), 30),
            ("a rare self-description".into(), 1),
            ("another".into(), 2),
        ]
        .into_iter()
        .collect();
        let c = free_text_cells(&raw, false);
        assert!(!c.contains_key("a rare self-description"));
        assert_eq!(c.get(OTHERS), Some(&None));
        assert_eq!(c.get("white_british"), Some(&Some(30)));
    }
}
