//! The bigger picture's scan (SPEC section 6). The cases opened since a date
//! come from one range of the index `cases_recent_places` (opened, category,
//! area, reference, location, postcode; the row id rides along), so the home
//! screen's look at recent weeks costs the same in a diary of any age and
//! never reads a row of the wide `cases` table; they are grouped by category
//! and area here.

use chrono::NaiveDate;

use super::Store;
use crate::Result;
use crate::domain::patterns::{Cluster, runs};

/// A case opened, as the search for clusters reads it.
struct Opened {
    category: String,
    area: String,
    on: NaiveDate,
    id: i64,
    reference: String,
    /// The place as typed on this case (location, else postcode).
    place: Option<String>,
}

/// The place of a cluster as a person typed it ("The Oaks estate", not the
/// key "the oaks estate"): the first spelling in mixed case, else the first,
/// spaces tidied.
fn place_as_typed(cases: &[Opened]) -> Option<String> {
    let typed: Vec<String> = cases
        .iter()
        .filter_map(|c| c.place.as_deref())
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    let mixed =
        |p: &&String| p.chars().any(char::is_lowercase) && p.chars().any(char::is_uppercase);
    typed.iter().find(mixed).or(typed.first()).cloned()
}

impl Store {
    /// Clusters among the cases opened on or after `since` (all statuses: a
    /// closed case is still evidence of a pattern), most recent first. The
    /// home screen passes a recent date (e.g. a year ago); `casebook patterns`
    /// passes `NaiveDate::MIN` to cover the whole diary.
    pub fn clusters(
        &self,
        since: NaiveDate,
        window_days: u32,
        min_cases: u32,
    ) -> Result<Vec<Cluster>> {
        // One range of the index `cases_recent_places` (dates from `since`),
        // sorted here: ordering in SQL by category and area would read every
        // case in the diary to find the recent ones.
        let mut stmt = self.conn().prepare_cached(
            "SELECT category, area, opened, id, reference, coalesce(location, postcode) FROM cases \
             WHERE area IS NOT NULL AND opened >= ?1",
        )?;
        let mut cases = stmt
            .query_map([since], |r| {
                Ok(Opened {
                    category: r.get(0)?,
                    area: r.get(1)?,
                    on: r.get(2)?,
                    id: r.get(3)?,
                    reference: r.get(4)?,
                    place: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<Opened>>>()?;
        cases.sort_unstable_by(|a, b| {
            (&a.category, &a.area, a.on, a.id).cmp(&(&b.category, &b.area, b.on, b.id))
        });
        let mut clusters = Vec::new();
        for group in cases.chunk_by(|a, b| a.category == b.category && a.area == b.area) {
            let dates: Vec<NaiveDate> = group.iter().map(|c| c.on).collect();
            for (i, j) in runs(&dates, window_days, min_cases) {
                clusters.push(Cluster {
                    category: group[i].category.clone(),
                    area: group[i].area.clone(),
                    place: place_as_typed(&group[i..=j]).unwrap_or_else(|| group[i].area.clone()),
                    cases: group[i..=j].iter().map(|c| c.reference.clone()).collect(),
                    first: dates[i],
                    last: dates[j],
                });
            }
        }
        clusters.sort_by(|a, b| {
            b.last
                .cmp(&a.last)
                .then_with(|| a.category.cmp(&b.category))
                .then_with(|| a.area.cmp(&b.area))
        });
        Ok(clusters)
    }
}
