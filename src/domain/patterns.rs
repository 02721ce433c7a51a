//! The bigger picture (SPEC section 6): clusters of cases of one category in
//! one area, opened close together. "Four separate cases of wheeled bins not
//! being emptied on one estate."
//!
//! The definition, exactly: within one (category, area), take the cases in
//! order of their opened date. Any `min_cases` or more of them whose opened
//! dates all lie within `window_days` of each other (last − first ≤
//! `window_days`) form a group; groups that share a case are merged into one
//! cluster. So a cluster is a maximal run of cases joined by such groups; it
//! may span longer than the window when the run keeps going ("still coming
//! in"). A case outside every group is not in any cluster.
//!
//! The area is `cases.area`: the location folded for case, accents and
//! spacing, or else the postcode sector (see `domain::text::area_key`).
//! Cases with neither are not placed in any area.

use chrono::NaiveDate;
use serde::Serialize;

/// One cluster, as `casebook patterns --format json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cluster {
    pub category: String,
    /// The grouping key: the place folded (`the oaks estate`).
    pub area: String,
    /// The place as a person typed it, to show (`The Oaks estate`). Not in
    /// the JSON, whose keys SPEC fixes.
    #[serde(skip)]
    pub place: String,
    /// Case references, in the order the cases were opened.
    pub cases: Vec<String>,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

/// Finds the runs of `dates` (sorted ascending) that form clusters, as
/// inclusive index ranges.
pub fn runs(dates: &[NaiveDate], window_days: u32, min_cases: u32) -> Vec<(usize, usize)> {
    let min = (min_cases.max(1)) as usize;
    let window = i64::from(window_days);
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut j = 0;
    for i in 0..dates.len() {
        // j: the last case opened within the window from case i.
        j = j.max(i);
        while j + 1 < dates.len() && (dates[j + 1] - dates[i]).num_days() <= window {
            j += 1;
        }
        if j + 1 - i >= min {
            match out.last_mut() {
                Some((_, end)) if i <= *end => *end = (*end).max(j),
                _ => out.push((i, j)),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(ds: &[u32]) -> Vec<NaiveDate> {
        let base = NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid");
        ds.iter()
            .map(|&d| base + chrono::Duration::days(i64::from(d)))
            .collect()
    }

    #[test]
    fn three_within_the_window() {
        assert_eq!(runs(&days(&[0, 10, 42]), 42, 3), vec![(0, 2)]);
        assert_eq!(runs(&days(&[0, 10, 43]), 42, 3), vec![]);
        assert_eq!(runs(&days(&[0, 10]), 42, 3), vec![]);
    }

    #[test]
    fn overlapping_groups_merge_and_separate_ones_do_not() {
        // 0,20,40 and 40,60,80 share the case on day 40: one cluster.
        assert_eq!(runs(&days(&[0, 20, 40, 60, 80]), 42, 3), vec![(0, 4)]);
        // Two bursts far apart: two clusters.
        assert_eq!(
            runs(&days(&[0, 1, 2, 200, 201, 202]), 42, 3),
            vec![(0, 2), (3, 5)]
        );
        // A straggler before a burst is left out.
        assert_eq!(runs(&days(&[0, 100, 101, 102]), 42, 3), vec![(1, 3)]);
    }
}
