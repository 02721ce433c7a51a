//! The review as a document: each monitoring question of the workbook
//! answered in its own words, beside the previous period and the change.
//! Every word comes from the catalogue (`review-*`), in the language of the
//! [`Catalogue`] given; numbers and dates are laid out here.

use chrono::Datelike;
use fluent_bundle::FluentValue;

use super::doc::{Block, Doc, share};
use super::review::{Counts, Headline, Period, Review, UNKNOWN};
use super::words as w;
use crate::domain::{AgeBand, CaseKind, Channel, Outcome, Question};
use crate::i18n::{Catalogue, args};

/// The headline rows: label, value now, value before, change.
pub fn headline_rows(t: &Catalogue, now: &Headline, before: &Headline) -> Vec<Vec<String>> {
    let int = |id: &str, a: u64, b: u64| {
        vec![
            t.tr(id, None),
            a.to_string(),
            b.to_string(),
            change_int(t, a, b),
        ]
    };
    let float = |id: &str,
                 a: Option<f64>,
                 b: Option<f64>,
                 show: &dyn Fn(f64) -> String,
                 diff: &dyn Fn(f64) -> String| {
        vec![
            t.tr(id, None),
            a.map(show).unwrap_or_else(|| w::NONE.into()),
            b.map(show).unwrap_or_else(|| w::NONE.into()),
            match (a, b) {
                (Some(a), Some(b)) => diff(a - b),
                _ => w::NONE.into(),
            },
        ]
    };
    vec![
        int(
            "review-h-people",
            now.people_contacted,
            before.people_contacted,
        ),
        int("review-h-opened", now.cases_opened, before.cases_opened),
        int("review-h-closed", now.cases_closed, before.cases_closed),
        int(
            "review-h-resolved",
            now.resolved_satisfactorily,
            before.resolved_satisfactorily,
        ),
        float(
            "review-h-rate",
            now.resolution_rate,
            before.resolution_rate,
            &w::percent,
            &|d| {
                let points = (d * 100.0).abs().round();
                signed(d * 100.0, 0).map_or_else(
                    || t.tr("review-no-change", None),
                    |change| {
                        t.tr(
                            "review-change-points",
                            Some(&args(&[
                                ("change", change.into()),
                                ("points", points.into()),
                            ])),
                        )
                    },
                )
            },
        ),
        int("review-h-under-30", now.under_30, before.under_30),
        float(
            "review-h-median",
            now.median_days_to_close,
            before.median_days_to_close,
            &|d| days(t, d),
            &|d| {
                signed(d, 1).map_or_else(
                    || t.tr("review-no-change", None),
                    |change| t.tr1("review-change-days", "change", change),
                )
            },
        ),
        float(
            "review-h-satisfaction",
            now.average_satisfaction,
            before.average_satisfaction,
            &|s| format!("{s:.1}"),
            &|d| signed(d, 1).unwrap_or_else(|| t.tr("review-no-change", None)),
        ),
    ]
}

/// "+2.5", "−3"; `None` when it rounds to no change.
fn signed(d: f64, places: usize) -> Option<String> {
    let rounded = format!("{:.*}", places, d.abs());
    if rounded.chars().all(|c| c == '0' || c == '.') {
        return None;
    }
    let sign = if d > 0.0 { "+" } else { "−" };
    Some(format!("{sign}{rounded}"))
}

/// "+22 (+18%)", "−3 (−20%)", "no change", "+4" (from zero).
pub fn change_int(t: &Catalogue, now: u64, before: u64) -> String {
    if now == before {
        return t.tr("review-no-change", None);
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
fn compared(t: &Catalogue, now: u64, before: u64, prev: &Period) -> String {
    let period = super::review::period_label(prev, t);
    let id = match now.cmp(&before) {
        std::cmp::Ordering::Greater => "review-compared-up",
        std::cmp::Ordering::Less => "review-compared-down",
        std::cmp::Ordering::Equal => "review-compared-same",
    };
    t.tr(
        id,
        Some(&args(&[
            ("change", now.abs_diff(before).into()),
            ("period", period.into()),
            ("before", before.into()),
        ])),
    )
}

/// "1 day", "12 days", "12.5 days".
fn days(t: &Catalogue, d: f64) -> String {
    let shown = if d.fract() == 0.0 {
        format!("{d:.0}")
    } else {
        format!("{d:.1}")
    };
    t.tr(
        "review-days",
        Some(&args(&[("days", d.into()), ("shown", shown.into())])),
    )
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

fn shares(rows: Vec<(String, u64)>, label: &dyn Fn(&str) -> String) -> Vec<Vec<String>> {
    let total: u64 = rows.iter().map(|(_, n)| n).sum();
    rows.into_iter()
        .map(|(k, n)| vec![label(&k), n.to_string(), share(n, total)])
        .collect()
}

fn labelled(rows: Vec<(String, u64)>, label: &dyn Fn(&str) -> String) -> Vec<(String, u64)> {
    rows.into_iter().map(|(k, n)| (label(&k), n)).collect()
}

/// Month labels for `by_month`: "Jan", or "Jan 27" where the year changes.
pub fn month_labels(t: &Catalogue, p: &Period) -> Vec<String> {
    let starts = p.month_starts();
    (0..12)
        .map(|i| {
            let d = starts[i];
            if i > 0 && d.year() != starts[i - 1].year() {
                t.month_year_short(d)
            } else {
                t.month_short(d.month())
            }
        })
        .collect()
}

/// A stored key's label in the catalogue's language; a key the catalogue
/// does not know (a category added in config, an answer typed by hand) is
/// shown in its owner's words.
/// A channel's label from its stored key (the screens label the review's
/// bars the same way).
pub fn channel(t: &Catalogue, key: &str) -> String {
    key.parse::<Channel>()
        .map(|c| t.label(c))
        .unwrap_or_else(|_| w::sentence(key))
}

/// A case kind's label from its stored key.
pub fn kind(t: &Catalogue, key: &str) -> String {
    key.parse::<CaseKind>()
        .map(|c| t.label(c))
        .unwrap_or_else(|_| w::sentence(key))
}

/// A category's label from its key.
pub fn category(t: &Catalogue, key: &str) -> String {
    t.category(key).unwrap_or_else(|| w::category(key))
}

/// An outcome's label from its stored key.
pub fn outcome(t: &Catalogue, key: &str) -> String {
    if key == UNKNOWN {
        return t.tr("review-outcome-unknown", None);
    }
    key.parse::<Outcome>()
        .map(|o| t.label(o))
        .unwrap_or_else(|_| w::sentence(key))
}

/// A demographic value: "unknown" spelled out, the built-in answers from
/// the catalogue, anything else as it was kept.
pub fn demographic(t: &Catalogue, q: Option<Question>, value: &str) -> String {
    if value == UNKNOWN {
        return t.tr("review-unknown", None);
    }
    let builtin = match q {
        Some(q) => t.answer(q, value),
        None => value.parse::<AgeBand>().ok().map(|b| t.label(b)),
    };
    builtin.unwrap_or_else(|| w::demographic(value))
}

/// The review as a document, in the catalogue's language.
pub fn review_doc(r: &Review, t: &Catalogue) -> Doc {
    let now = &r.headline;
    let before = &r.previous;
    let (label, prev) = (super::review::period_label(&now.period, t), &before.period);
    let prev_label = super::review::period_label(prev, t);
    let mut d = Doc::in_language(t);
    d.push(Block::Title(t.tr1(
        "review-title",
        "period",
        label.as_str(),
    )));
    d.push(Block::Subtitle(t.tr(
        "review-subtitle",
        Some(&args(&[
            ("from", t.date_dmy(now.period.from).into()),
            ("to", t.date_dmy(now.period.to).into()),
            ("previous", prev_label.as_str().into()),
        ])),
    )));

    d.push(Block::Heading(t.tr("review-q-people", None)));
    d.push(Block::Para(t.tr(
        "review-people",
        Some(&args(&[
            ("people", now.people_contacted.into()),
            ("period", label.as_str().into()),
            (
                "compared",
                compared(t, now.people_contacted, before.people_contacted, prev).into(),
            ),
            ("opened", now.cases_opened.into()),
            ("closed", now.cases_closed.into()),
        ])),
    )));
    d.push(Block::Note(t.tr("review-note-people", None)));

    d.push(Block::Heading(t.tr("review-q-who", None)));
    let demo = &r.demographics;
    for (title, q, rows) in [
        (
            "review-d-gender",
            Some(Question::Gender),
            by_count(&demo.gender),
        ),
        ("review-d-age", None, age_order(&demo.age_band)),
        (
            "review-d-ethnicity",
            Some(Question::Ethnicity),
            by_count(&demo.ethnicity),
        ),
        (
            "review-d-employment",
            Some(Question::EmploymentStatus),
            by_count(&demo.employment_status),
        ),
    ] {
        d.push(Block::Table {
            head: vec![
                t.tr(title, None),
                t.tr("review-people-head", None),
                t.tr("review-share-head", None),
            ],
            rows: shares(rows, &|v| demographic(t, q, v)),
            numeric_from: 1,
        });
    }
    d.push(Block::Note(t.tr("review-note-who", None)));

    d.push(Block::Heading(t.tr("review-q-how", None)));
    let channels = by_count(&r.by_channel);
    if let Some((top, n)) = channels.first() {
        d.push(Block::Para(t.tr(
            "review-most-often",
            Some(&args(&[
                ("channel", channel(t, top).to_lowercase().into()),
                ("count", (*n).into()),
                ("total", now.cases_opened.into()),
            ])),
        )));
    }
    d.push(Block::Bars {
        caption: t.tr("review-c-channel", None),
        bars: labelled(channels, &|k| channel(t, k)),
    });
    d.push(Block::Note(t.tr("review-note-how", None)));

    d.push(Block::Heading(t.tr("review-q-resolved", None)));
    d.push(Block::Para(match now.resolution_rate {
        Some(rate) => t.tr(
            "review-resolved",
            Some(&args(&[
                ("closed", now.cases_closed.into()),
                ("period", label.as_str().into()),
                ("resolved", now.resolved_satisfactorily.into()),
                ("rate", w::percent(rate).into()),
            ])),
        ),
        None => t.tr1("review-none-closed", "period", label.as_str()),
    }));
    if !r.by_outcome.is_empty() {
        d.push(Block::Table {
            head: vec![
                t.tr("review-c-outcome", None),
                t.tr("review-cases-head", None),
                t.tr("review-share-head", None),
            ],
            rows: shares(outcome_order(&r.by_outcome), &|k| outcome(t, k)),
            numeric_from: 1,
        });
    }

    d.push(Block::Heading(t.tr("review-q-compare", None)));
    d.push(Block::Table {
        head: vec![
            t.tr("review-figure", None),
            label.clone(),
            prev_label.clone(),
            t.tr("review-change", None),
        ],
        rows: headline_rows(t, now, before),
        numeric_from: 1,
    });

    d.push(Block::Heading(t.tr("review-q-profile", None)));
    let categories = by_count(&r.by_category);
    if let Some((top, n)) = categories.first() {
        d.push(Block::Para(t.tr(
            "review-largest",
            Some(&args(&[
                ("category", category(t, top).to_lowercase().into()),
                ("count", (*n).into()),
                ("total", now.cases_opened.into()),
            ])),
        )));
    }
    d.push(Block::Bars {
        caption: t.tr("review-c-category", None),
        bars: labelled(categories, &|k| category(t, k)),
    });
    d.push(Block::Bars {
        caption: t.tr("review-c-kind", None),
        bars: labelled(by_count(&r.by_kind), &|k| kind(t, k)),
    });

    d.push(Block::Heading(t.tr("review-q-under-30", None)));
    let mut under: Vec<(&str, FluentValue)> = vec![
        ("under", now.under_30.into()),
        ("people", now.people_contacted.into()),
        (
            "compared",
            compared(t, now.under_30, before.under_30, prev).into(),
        ),
    ];
    let id = match now.people_contacted {
        0 => "review-under-30-nobody",
        total => {
            under.push(("share", share(now.under_30, total).into()));
            "review-under-30"
        }
    };
    d.push(Block::Para(t.tr(id, Some(&args(&under)))));

    d.push(Block::Heading(t.tr("review-q-how-long", None)));
    d.push(Block::Para(match now.median_days_to_close {
        Some(m) => {
            let mut a: Vec<(&str, FluentValue)> = vec![
                ("period", label.as_str().into()),
                ("days", days(t, m).into()),
            ];
            let id = match before.median_days_to_close {
                Some(b) => {
                    a.push(("previous", prev_label.as_str().into()));
                    a.push(("before", days(t, b).into()));
                    "review-median-before"
                }
                None => "review-median",
            };
            t.tr(id, Some(&args(&a)))
        }
        None => t.tr1("review-none-closed", "period", label.as_str()),
    }));

    d.push(Block::Heading(t.tr("review-q-satisfaction", None)));
    d.push(Block::Para(match now.average_satisfaction {
        Some(avg) => {
            let mut a: Vec<(&str, FluentValue)> = vec![
                ("score", format!("{avg:.1}").into()),
                ("responses", now.satisfaction_responses.into()),
            ];
            let id = match before.average_satisfaction {
                Some(b) => {
                    a.push(("previous", prev_label.as_str().into()));
                    a.push(("before", format!("{b:.1}").into()));
                    "review-satisfaction-before"
                }
                None => "review-satisfaction",
            };
            t.tr(id, Some(&args(&a)))
        }
        None => t.tr1("review-no-satisfaction", "period", label.as_str()),
    }));
    d.push(Block::Note(t.tr("review-note-satisfaction", None)));

    d.push(Block::Heading(t.tr("review-q-when", None)));
    d.push(Block::Columns {
        caption: t.tr("review-c-month", None),
        bars: month_labels(t, &now.period)
            .into_iter()
            .zip(r.by_month)
            .collect(),
    });
    if now.period.days() > 0 && now.period.year.is_none() {
        d.push(Block::Note(t.tr("review-note-months", None)));
    }

    d.push(Block::Heading(t.tr("review-q-others", None)));
    d.push(Block::Para(t.tr("review-others-howto", None)));
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn changes_read_naturally() {
        let en = Catalogue::embedded(Lang::En);
        assert_eq!(change_int(&en, 142, 120), "+22 (+18%)");
        assert_eq!(change_int(&en, 12, 15), "−3 (−20%)");
        assert_eq!(change_int(&en, 4, 0), "+4");
        assert_eq!(change_int(&en, 7, 7), "no change");
        assert_eq!(signed(0.04, 1), None);
        assert_eq!(signed(-2.5, 1).as_deref(), Some("−2.5"));
        let cy = Catalogue::embedded(Lang::Cy);
        assert_eq!(change_int(&cy, 7, 7), "dim newid");
    }

    #[test]
    fn day_counts_in_both_languages() {
        let en = Catalogue::embedded(Lang::En);
        assert_eq!(days(&en, 1.0), "1 day");
        assert_eq!(days(&en, 12.0), "12 days");
        assert_eq!(days(&en, 12.5), "12.5 days");
        let cy = Catalogue::embedded(Lang::Cy);
        assert_eq!(days(&cy, 2.0), "2 ddiwrnod");
        assert_eq!(days(&cy, 12.5), "12.5 diwrnod");
    }
}
