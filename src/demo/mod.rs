//! Realistic invented casework for `casebook demo`, and the benchmark's data.
//!
//! Everything is drawn from one ChaCha8 stream seeded by `--seed`, and every
//! date is counted back from the clock's today: the same seed and the same
//! `CASEBOOK_NOW` give the same diary (only UUIDs and timestamps differ).
//!
//! Cases are generated oldest first, so references run in date order within
//! each year, and written in batches of a few thousand per transaction.
//!
//! Three parts: `invent` draws each case as a plan, `plan` is what a plan
//! holds (data only: the case, its people, diary, referral, follow-ups), and
//! `write` saves a plan through the store.

mod directory;
mod draw;
mod invent;
mod names;
mod places;
mod plan;
mod texts;
mod write;

use chrono::{Datelike, NaiveDateTime};

use crate::Result;
use crate::store::{Counts, Store};
use invent::Generator;
use write::Writer;

/// Cases written per transaction: large enough to be fast, small enough to
/// keep the write-ahead log modest.
const BATCH: usize = 5_000;

/// How far back the invented history goes, in years.
pub(crate) const YEARS: i64 = 5;

#[derive(Debug, Clone)]
pub struct Options {
    pub cases: u32,
    pub seed: u64,
    /// "Now": every date is counted from it.
    pub now: NaiveDateTime,
    /// Working days an officer has to reply to a referral.
    pub reply_days: u32,
    /// The configured categories (cases are checked against them).
    pub categories: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub counts: Counts,
    /// Officers and agencies in the directory.
    pub directory: usize,
    /// Clusters planted for the bigger picture.
    pub clusters: usize,
}

/// Fills `store` (which should be empty) with invented casework: each case
/// is planned ([`CasePlan`], no store) and then saved ([`Writer`]), batch by
/// batch, so that a large demo never holds all its plans at once.
pub fn fill(store: &mut Store, opts: &Options) -> Result<Summary> {
    let mut g = Generator::new(opts);
    let openings = g.openings(opts.cases as usize);
    let clusters = g.clusters_planted;
    let listed = g.directory();
    let surgeries = g.surgeries();
    let mut w = Writer::default();
    store.bulk(&opts.categories, |b| {
        w.directory(b, &listed)?;
        w.surgeries(b, &surgeries)
    })?;
    let mut counters: std::collections::BTreeMap<i32, u32> = Default::default();
    for chunk in openings.chunks(BATCH) {
        store.bulk(&opts.categories, |b| {
            for opening in chunk {
                let n = counters.entry(opening.opened.year()).or_insert(0);
                *n += 1;
                let reference = format!("{}-{:04}", opening.opened.year(), n);
                w.case(b, g.case(opening, reference))?;
            }
            Ok(())
        })?;
    }
    let unfiled = (opts.cases as usize / 40).max(3);
    store.bulk(&opts.categories, |b| {
        for _ in 0..unfiled {
            w.call(b, g.unfiled())?;
        }
        Ok(())
    })?;
    store.sync_reference_counters()?;
    Ok(Summary {
        counts: store.counts()?,
        directory: directory::OFFICES.len(),
        clusters,
    })
}
