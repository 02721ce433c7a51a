//! The bigger picture's scan (SPEC section 6). One pass over the index
//! `cases_category_area (category, area, opened)`, which covers the query (the
//! row id rides along in the index), grouped as it streams; references are
//! read only for the cases that end up in a cluster.

use chrono::NaiveDate;

use super::Store;
use crate::Result;
use crate::report::patterns::{Cluster, runs};

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
        let mut stmt = self.conn().prepare_cached(
            "SELECT category, area, opened, id FROM cases \
             WHERE area IS NOT NULL AND opened >= ?1 ORDER BY category, area, opened, id",
        )?;
        let mut rows = stmt.query([since])?;
        let mut found: Vec<(String, String, Vec<i64>, NaiveDate, NaiveDate)> = Vec::new();
        let mut key: Option<(String, String)> = None;
        let mut dates: Vec<NaiveDate> = Vec::new();
        let mut ids: Vec<i64> = Vec::new();
        let mut flush = |key: &Option<(String, String)>, dates: &[NaiveDate], ids: &[i64]| {
            if let Some((category, area)) = key {
                for (i, j) in runs(dates, window_days, min_cases) {
                    found.push((
                        category.clone(),
                        area.clone(),
                        ids[i..=j].to_vec(),
                        dates[i],
                        dates[j],
                    ));
                }
            }
        };
        while let Some(r) = rows.next()? {
            let category = super::review::str_at(r, 0)?;
            let area = super::review::str_at(r, 1)?;
            let same = matches!(&key, Some((c, a)) if c == category && a == area);
            if !same {
                flush(&key, &dates, &ids);
                key = Some((category.to_string(), area.to_string()));
                dates.clear();
                ids.clear();
            }
            dates.push(r.get(2)?);
            ids.push(r.get(3)?);
        }
        flush(&key, &dates, &ids);

        let mut reference = self
            .conn()
            .prepare_cached("SELECT reference FROM cases WHERE id = ?1")?;
        let mut clusters = Vec::with_capacity(found.len());
        for (category, area, ids, first, last) in found {
            let cases = ids
                .iter()
                .map(|id| reference.query_row([id], |r| r.get(0)))
                .collect::<rusqlite::Result<Vec<String>>>()?;
            clusters.push(Cluster {
                category,
                area,
                cases,
                first,
                last,
            });
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
