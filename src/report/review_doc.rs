//! The review as a document: each monitoring question of the workbook
//! answered in its own words, beside the previous period and the change.

use chrono::Datelike;

use super::doc::{Block, Doc, share};
use super::review::{Counts, Headline, Period, Review, UNKNOWN};
use super::words as w;
use crate::domain::{AgeBand, Outcome};

/// The headline rows: label, value now, value before, change.
pub fn headline_rows(now: &Headline, before: &Headline) -> Vec<Vec<String>> {
    let int = |label: &str, a: u64, b: u64| {
        vec![
            label.to_string(),
            a.to_string(),
            b.to_string(),
            change_int(a, b),
        ]
    };
    let float = |label: &str,
                 a: Option<f64>,
                 b: Option<f64>,
                 show: fn(f64) -> String,
                 diff: fn(f64) -> String| {
        vec![
            label.to_string(),
            a.map(show).unwrap_or_else(|| w::NONE.into()),
            b.map(show).unwrap_or_else(|| w::NONE.into()),
            match (a, b) {
                (Some(a), Some(b)) => diff(a - b),
                _ => w::NONE.into(),
            },
        ]
    };
    vec![
        int(w::H_PEOPLE, now.people_contacted, before.people_contacted),
        int(w::H_OPENED, now.cases_opened, before.cases_opened),
        int(w::H_CLOSED, now.cases_closed, before.cases_closed),
        int(
            w::H_RESOLVED,
            now.resolved_satisfactorily,
            before.resolved_satisfactorily,
        ),
        float(
            w::H_RATE,
            now.resolution_rate,
            before.resolution_rate,
            w::percent,
            |d| {
                let points = signed(d * 100.0, 0, "");
                match points.as_str() {
                    "no change" => points,
                    "+1" | "−1" => format!("{points} point"),
                    _ => format!("{points} points"),
                }
            },
        ),
        int(w::H_UNDER_30, now.under_30, before.under_30),
        float(
            w::H_MEDIAN,
            now.median_days_to_close,
            before.median_days_to_close,
            w::days,
            |d| signed(d, 1, " days"),
        ),
        float(
            w::H_SATISFACTION,
            now.average_satisfaction,
            before.average_satisfaction,
            |s| format!("{s:.1}"),
            |d| signed(d, 1, ""),
        ),
    ]
}

fn signed(d: f64, places: usize, unit: &str) -> String {
    let rounded = format!("{:.*}", places, d.abs());
    if rounded.chars().all(|c| c == '0' || c == '.') {
        return "no change".into();
    }
    let sign = if d > 0.0 { "+" } else { "−" };
    format!("{sign}{rounded}{unit}")
}

/// "+22 (+18%)", "−3 (−20%)", "no change", "+4" (from zero).
pub fn change_int(now: u64, before: u64) -> String {
    if now == before {
        return "no change".into();
    }
    let diff = now as i64 - before as i64;
    let sign = if diff > 0 { "+" } else { "−" };
    if before == 0 {
        return format!("{sign}{}", diff.abs());
    }
    let pct = (diff.abs() as f64 * 100.0 / before as f64).round();
    if pct == 0.0 {
        return format!("{sign}{}", diff.abs());
    }
    format!("{sign}{} ({sign}{pct:.0}%)", diff.abs())
}

/// "up 22 on 2025 (120)", "down 3 on 2025 (15)", "the same as in 2025".
fn compared(now: u64, before: u64, prev: &Period) -> String {
    let label = prev.label();
    match now.cmp(&before) {
        std::cmp::Ordering::Greater => format!("up {} on {label} ({before})", now - before),
        std::cmp::Ordering::Less => format!("down {} on {label} ({before})", before - now),
        std::cmp::Ordering::Equal => format!("the same as in {label}"),
    }
}

/// Map entries sorted by count (largest first), "unknown" last.
pub fn by_count(map: &Counts) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = map.iter().map(|(k, n)| (k.clone(), *n)).collect();
    v.sort_by(|a, b| {
        (a.0 == UNKNOWN)
            .cmp(&(b.0 == UNKNOWN))
            .then(b.1.cmp(&a.1))
            .then(a.0.cmp(&b.0))
    });
    v
}

/// Age bands in their natural order, then "prefer not to say", then unknown.
fn age_order(map: &Counts) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = map.iter().map(|(k, n)| (k.clone(), *n)).collect();
    let rank = |k: &str| {
        AgeBand::ALL
            .iter()
            .position(|b| b.as_str() == k)
            .unwrap_or(AgeBand::ALL.len() + usize::from(k == UNKNOWN))
    };
    v.sort_by_key(|(k, _)| rank(k));
    v
}

fn outcome_order(map: &Counts) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = map.iter().map(|(k, n)| (k.clone(), *n)).collect();
    let rank = |k: &str| {
        Outcome::ALL
            .iter()
            .position(|o| o.as_str() == k)
            .unwrap_or(Outcome::ALL.len())
    };
    v.sort_by_key(|(k, _)| rank(k));
    v
}

fn shares(rows: Vec<(String, u64)>, label: fn(&str) -> String) -> Vec<Vec<String>> {
    let total: u64 = rows.iter().map(|(_, n)| n).sum();
    rows.into_iter()
        .map(|(k, n)| vec![label(&k), n.to_string(), share(n, total)])
        .collect()
}

fn labelled(rows: Vec<(String, u64)>, label: fn(&str) -> String) -> Vec<(String, u64)> {
    rows.into_iter().map(|(k, n)| (label(&k), n)).collect()
}

/// Month labels for `by_month`: "Jan", or "Jan 2027" where the year changes.
pub fn month_labels(p: &Period) -> Vec<String> {
    let starts = p.month_starts();
    (0..12)
        .map(|i| {
            let d = starts[i];
            if i > 0 && d.year() != starts[i - 1].year() {
                d.format("%b %y").to_string()
            } else {
                d.format("%b").to_string()
            }
        })
        .collect()
}

/// The review as a document.
pub fn review_doc(r: &Review) -> Doc {
    let now = &r.headline;
    let before = &r.previous;
    let (label, prev) = (now.period.label(), &before.period);
    let mut d = Doc::default();
    d.push(Block::Title(format!("{}: {label}", w::REVIEW_TITLE)));
    d.push(Block::Subtitle(format!(
        "{} to {}, {} ({}).",
        now.period.from.format("%-d %B %Y"),
        now.period.to.format("%-d %B %Y"),
        w::COMPARED_WITH,
        prev.label()
    )));

    d.push(Block::Heading(w::Q_PEOPLE.into()));
    d.push(Block::Para(format!(
        "{} contacted you in {label}: {}. You opened {} and closed {}.",
        w::people(now.people_contacted),
        compared(now.people_contacted, before.people_contacted, prev),
        w::cases(now.cases_opened),
        w::cases(now.cases_closed),
    )));
    d.push(Block::Note(w::NOTE_PEOPLE.into()));

    d.push(Block::Heading(w::Q_WHO.into()));
    let demo = &r.demographics;
    for (title, rows) in [
        (w::D_GENDER, by_count(&demo.gender)),
        (w::D_AGE, age_order(&demo.age_band)),
        (w::D_ETHNICITY, by_count(&demo.ethnicity)),
        (w::D_EMPLOYMENT, by_count(&demo.employment_status)),
    ] {
        d.push(Block::Table {
            head: vec![title.into(), w::PEOPLE.into(), w::SHARE.into()],
            rows: shares(rows, w::demographic),
            numeric_from: 1,
        });
    }
    d.push(Block::Note(w::NOTE_WHO.into()));

    d.push(Block::Heading(w::Q_HOW.into()));
    let channels = by_count(&r.by_channel);
    if let Some((top, n)) = channels.first() {
        d.push(Block::Para(format!(
            "Most often by {}: {} of {}.",
            w::channel(top).to_lowercase(),
            n,
            w::cases(now.cases_opened)
        )));
    }
    d.push(Block::Bars {
        caption: w::C_CHANNEL.into(),
        bars: labelled(channels, w::channel),
    });
    d.push(Block::Note(w::NOTE_HOW.into()));

    d.push(Block::Heading(w::Q_RESOLVED.into()));
    d.push(Block::Para(match now.resolution_rate {
        Some(rate) => format!(
            "Of the {} closed in {label}, {} resolved satisfactorily ({}).",
            w::cases(now.cases_closed),
            if now.resolved_satisfactorily == 1 {
                "1 was".to_string()
            } else {
                format!("{} were", now.resolved_satisfactorily)
            },
            w::percent(rate)
        ),
        None => format!("No cases were closed in {label}."),
    }));
    if !r.by_outcome.is_empty() {
        d.push(Block::Table {
            head: vec![w::C_OUTCOME.into(), w::CASES.into(), w::SHARE.into()],
            rows: shares(outcome_order(&r.by_outcome), w::outcome),
            numeric_from: 1,
        });
    }

    d.push(Block::Heading(w::Q_COMPARE.into()));
    d.push(Block::Table {
        head: vec![
            w::FIGURE.into(),
            label.clone(),
            prev.label(),
            w::CHANGE.into(),
        ],
        rows: headline_rows(now, before),
        numeric_from: 1,
    });

    d.push(Block::Heading(w::Q_PROFILE.into()));
    let categories = by_count(&r.by_category);
    if let Some((top, n)) = categories.first() {
        d.push(Block::Para(format!(
            "The largest share was {}: {} of {}.",
            w::category(top).to_lowercase(),
            n,
            w::cases(now.cases_opened)
        )));
    }
    d.push(Block::Bars {
        caption: w::C_CATEGORY.into(),
        bars: labelled(categories, w::category),
    });
    d.push(Block::Bars {
        caption: w::C_KIND.into(),
        bars: labelled(by_count(&r.by_kind), w::kind),
    });

    d.push(Block::Heading(w::Q_UNDER_30.into()));
    d.push(Block::Para(format!(
        "{} of the {} who contacted you {} under 30{}: {}.",
        now.under_30,
        w::people(now.people_contacted),
        if now.under_30 == 1 { "was" } else { "were" },
        match now.people_contacted {
            0 => String::new(),
            total => format!(" ({})", share(now.under_30, total)),
        },
        compared(now.under_30, before.under_30, prev)
    )));

    d.push(Block::Heading(w::Q_HOW_LONG.into()));
    d.push(Block::Para(match now.median_days_to_close {
        Some(m) => format!(
            "Half the cases closed in {label} took {} or less from opening to closing{}.",
            w::days(m),
            match before.median_days_to_close {
                Some(b) => format!(" ({}: {})", prev.label(), w::days(b)),
                None => String::new(),
            }
        ),
        None => format!("No cases were closed in {label}."),
    }));

    d.push(Block::Heading(w::Q_SATISFACTION.into()));
    d.push(Block::Para(match now.average_satisfaction {
        Some(a) => format!(
            "Average satisfaction {a:.1} out of 5, from {} with a score{}.",
            w::cases(now.satisfaction_responses),
            match before.average_satisfaction {
                Some(b) => format!(" ({}: {b:.1})", prev.label()),
                None => String::new(),
            }
        ),
        None => format!("No satisfaction scores were recorded for cases closed in {label}."),
    }));
    d.push(Block::Note(w::NOTE_SATISFACTION.into()));

    d.push(Block::Heading(w::Q_WHEN.into()));
    d.push(Block::Columns {
        caption: w::C_MONTH.into(),
        bars: month_labels(&now.period)
            .into_iter()
            .zip(r.by_month)
            .collect(),
    });
    if now.period.days() > 0 && now.period.year.is_none() {
        d.push(Block::Note(w::NOTE_MONTHS.into()));
    }

    d.push(Block::Heading(w::Q_OTHERS.into()));
    d.push(Block::Para(w::OTHERS_HOWTO.into()));
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_read_naturally() {
        assert_eq!(change_int(142, 120), "+22 (+18%)");
        assert_eq!(change_int(12, 15), "−3 (−20%)");
        assert_eq!(change_int(4, 0), "+4");
        assert_eq!(change_int(7, 7), "no change");
        assert_eq!(signed(0.04, 1, ""), "no change");
        assert_eq!(signed(-2.5, 1, " days"), "−2.5 days");
    }
}
