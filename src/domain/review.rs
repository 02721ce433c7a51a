//! The yearly review (SPEC section 5): the period, the figures, and the shape
//! of `casebook review --format json`. The store fills these in.
//!
//! Choices SPEC leaves open, made here:
//! - The default period is the review year containing today (a calendar year,
//!   or with `year_start_month = 5` the municipal year May–April).
//! - The previous period of a year is the year before it; of a custom range,
//!   the same number of days ending the day before it starts.
//! - `by_month` has 12 entries: entry *i* counts cases opened from the period
//!   start plus *i* months (inclusive) to plus *i+1* months (exclusive). For a
//!   year these are its calendar months; a shorter range ends in zeros; in a
//!   range longer than 12 months, cases after the twelfth month are not in
//!   `by_month` (they are in every other figure).
//! - `average_satisfaction` is over the cases closed in the period that have a
//!   satisfaction score (feedback is asked for on closing).
//! - `median_days_to_close` is over the cases closed in the period: closed
//!   minus opened, in days (a case opened and closed the same day took 0).
//! - A closed case with no outcome recorded counts as `unknown` in `by_outcome`.

use std::collections::BTreeMap;

use chrono::{Datelike, Months, NaiveDate};

use super::when::shift;
use serde::{Deserialize, Serialize};

use crate::error::Msg;
use crate::{Error, Result};

/// What a missing demographic value is counted as.
pub const UNKNOWN: &str = "unknown";

/// An inclusive range of dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// For a review year: its first year and first month (for labels and the
    /// previous year). `None` for a custom range.
    #[serde(skip)]
    pub year: Option<(i32, u32)>,
}

impl Period {
    /// The review year starting in `start_month` of `year`.
    pub fn year(year: i32, start_month: u32) -> Result<Period> {
        let bad = || Error::user(Msg::new("error-review-not-a-year").num("year", year));
        if !(1..=12).contains(&start_month) {
            return Err(Error::user(
                Msg::new("error-review-not-a-month").num("month", start_month),
            ));
        }
        if !(1000..=9998).contains(&year) {
            return Err(bad());
        }
        let from = NaiveDate::from_ymd_opt(year, start_month, 1).ok_or_else(bad)?;
        let to = from
            .checked_add_months(Months::new(12))
            .and_then(|d| d.pred_opt())
            .ok_or_else(bad)?;
        Ok(Period {
            from,
            to,
            year: Some((year, start_month)),
        })
    }

    /// The review year that contains `today`.
    pub fn containing(today: NaiveDate, start_month: u32) -> Result<Period> {
        let year = if today.month() >= start_month {
            today.year()
        } else {
            today.year() - 1
        };
        Period::year(year, start_month)
    }

    /// Any range of dates, both ends included.
    pub fn custom(from: NaiveDate, to: NaiveDate) -> Result<Period> {
        if to < from {
            return Err(Error::user(
                Msg::new("error-review-range")
                    .text("to", to.to_string())
                    .text("from", from.to_string()),
            ));
        }
        Ok(Period {
            from,
            to,
            year: None,
        })
    }

    /// Days in the period, both ends counted.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The period of the same length just before this one.
    pub fn previous(&self) -> Period {
        if let Some((year, month)) = self.year
            && let Ok(p) = Period::year(year - 1, month)
        {
            return p;
        }
        let to = shift(self.from, -1);
        Period {
            from: shift(to, 1 - self.days()),
            to,
            year: None,
        }
    }

    /// The first day after the period (entries are compared as moments).
    pub fn end_exclusive(&self) -> NaiveDate {
        shift(self.to, 1)
    }

    /// The 13 boundaries of the 12 `by_month` buckets.
    pub fn month_starts(&self) -> [NaiveDate; 13] {
        let mut out = [self.from; 13];
        for (i, d) in out.iter_mut().enumerate() {
            *d = self
                .from
                .checked_add_months(Months::new(i as u32))
                .unwrap_or(NaiveDate::MAX);
        }
        out
    }

    /// Which `by_month` bucket a date falls in, if any.
    pub fn month_index(starts: &[NaiveDate; 13], date: NaiveDate) -> Option<usize> {
        if date < starts[0] || date >= starts[12] {
            return None;
        }
        // At most 12 comparisons: cheaper than date arithmetic per row.
        (0..12).find(|&i| date < starts[i + 1])
    }

    /// "2026", "2026–27" for a municipal year, else "1 Jan 2026 – 14 Mar 2026".
    pub fn label(&self) -> String {
        match self.year {
            Some((y, 1)) => y.to_string(),
            Some((y, _)) => format!("{y}–{:02}", (y + 1) % 100),
            None => format!(
                "{} – {}",
                self.from.format("%-d %b %Y"),
                self.to.format("%-d %b %Y")
            ),
        }
    }
}

/// The headline figures of one period: the ones compared with the previous.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Headline {
    pub period: Period,
    pub people_contacted: u64,
    pub cases_opened: u64,
    pub cases_closed: u64,
    pub resolved_satisfactorily: u64,
    pub resolution_rate: Option<f64>,
    pub under_30: u64,
    pub median_days_to_close: Option<f64>,
    pub average_satisfaction: Option<f64>,
    /// How many closed cases had a satisfaction score (not in SPEC's JSON).
    #[serde(skip)]
    pub satisfaction_responses: u64,
}

impl Headline {
    pub fn empty(period: Period) -> Headline {
        Headline {
            period,
            people_contacted: 0,
            cases_opened: 0,
            cases_closed: 0,
            resolved_satisfactorily: 0,
            resolution_rate: None,
            under_30: 0,
            median_days_to_close: None,
            average_satisfaction: None,
            satisfaction_responses: 0,
        }
    }
}

pub type Counts = BTreeMap<String, u64>;

/// Who the people who contacted you were; missing values count as `unknown`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Demographics {
    pub gender: Counts,
    pub age_band: Counts,
    pub ethnicity: Counts,
    pub employment_status: Counts,
}

/// The whole review: SPEC section 5's JSON object, keys in its order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Review {
    #[serde(flatten)]
    pub headline: Headline,
    pub by_channel: Counts,
    pub by_category: Counts,
    pub by_kind: Counts,
    pub by_outcome: Counts,
    pub demographics: Demographics,
    pub by_month: [u64; 12],
    pub previous: Headline,
}

impl Review {
    /// The review as SPEC's JSON, pretty-printed, with a final newline.
    pub fn to_json(&self) -> Result<String> {
        let mut s = serde_json::to_string_pretty(self)
            .map_err(|e| Error::failed(crate::error::Msg::new("doing-write-review-json"), e))?;
        s.push('\n');
        Ok(s)
    }
}

/// Median of values given as (value, how many times), sorted by value.
pub fn median(sorted: &[(i64, u64)]) -> Option<f64> {
    let n: u64 = sorted.iter().map(|&(_, c)| c).sum();
    if n == 0 {
        return None;
    }
    // The values at (1-based) positions lo and hi; equal when n is odd.
    let lo = n.div_ceil(2);
    let hi = n / 2 + 1;
    let at = |pos: u64| {
        let mut seen = 0;
        for &(v, c) in sorted {
            seen += c;
            if seen >= pos {
                return v;
            }
        }
        0
    };
    Some((at(lo) + at(hi)) as f64 / 2.0)
}

/// A ratio, or `None` when there is nothing to divide by.
pub fn ratio(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// A case marked to publicise, with what is needed to anonymise it.
#[derive(Debug, Clone)]
pub struct PublicisedCase {
    pub case: super::Record<super::Case>,
    /// Names, addresses, emails and phones of the people on the case, with
    /// their roles: to be removed from the text.
    pub people: Vec<(super::Role, super::Contact)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn calendar_and_municipal_years() {
        let p = Period::year(2026, 1).expect("valid");
        assert_eq!((p.from, p.to), (d(2026, 1, 1), d(2026, 12, 31)));
        assert_eq!(p.label(), "2026");
        let m = Period::year(2026, 5).expect("valid");
        assert_eq!((m.from, m.to), (d(2026, 5, 1), d(2027, 4, 30)));
        assert_eq!(m.label(), "2026–27");
        assert_eq!(m.previous().from, d(2025, 5, 1));
        let c = Period::containing(d(2027, 3, 1), 5).expect("valid");
        assert_eq!(c.from, d(2026, 5, 1));
    }

    #[test]
    fn custom_previous_has_the_same_length() {
        let p = Period::custom(d(2026, 3, 1), d(2026, 3, 10)).expect("valid");
        let q = p.previous();
        assert_eq!((q.from, q.to), (d(2026, 2, 19), d(2026, 2, 28)));
        assert_eq!(q.days(), 10);
        assert!(Period::custom(d(2026, 3, 2), d(2026, 3, 1)).is_err());
    }

    #[test]
    fn month_buckets() {
        let p = Period::year(2026, 5).expect("valid");
        let s = p.month_starts();
        assert_eq!(Period::month_index(&s, d(2026, 5, 1)), Some(0));
        assert_eq!(Period::month_index(&s, d(2026, 12, 31)), Some(7));
        assert_eq!(Period::month_index(&s, d(2027, 4, 30)), Some(11));
        assert_eq!(Period::month_index(&s, d(2027, 5, 1)), None);
        assert_eq!(Period::month_index(&s, d(2026, 4, 30)), None);
    }

    #[test]
    fn medians() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[(5, 1)]), Some(5.0));
        assert_eq!(median(&[(1, 1), (4, 1)]), Some(2.5));
        assert_eq!(median(&[(1, 2), (9, 1)]), Some(1.0));
        assert_eq!(median(&[(1, 1), (3, 2), (10, 1)]), Some(3.0));
    }
}
