//! The review screen's state: the period chosen and the review computed for
//! it in `update` (render only reads it).

use chrono::NaiveDate;

use crate::Result;
use crate::report::review::{Period, Review};
use crate::store::Store;

/// Which kind of period is reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    /// January to December.
    Calendar,
    /// A year starting in this month (the municipal year, May by default).
    Municipal(u32),
    /// A range of dates the councillor typed.
    Custom,
}

/// The month a municipal year starts in: the config's, or May when the
/// config keeps calendar years.
pub fn municipal_month(year_start_month: u32) -> u32 {
    if year_start_month == 1 {
        5
    } else {
        year_start_month
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReviewView {
    pub kind: PeriodKind,
    pub period: Period,
    pub review: Option<Box<Review>>,
    pub scroll: u16,
}

impl ReviewView {
    /// The review year containing today, as configured.
    pub fn new(today: NaiveDate, year_start_month: u32) -> Result<ReviewView> {
        let period = Period::containing(today, year_start_month)?;
        let kind = if year_start_month == 1 {
            PeriodKind::Calendar
        } else {
            PeriodKind::Municipal(year_start_month)
        };
        Ok(ReviewView {
            kind,
            period,
            review: None,
            scroll: 0,
        })
    }

    pub fn reload(&mut self, store: &Store) -> Result<()> {
        self.review = Some(Box::new(store.review(&self.period)?));
        Ok(())
    }

    /// The period before (`by` = -1) or after (+1): a year for years, the
    /// same number of days for a range.
    pub fn step(&mut self, by: i32) -> Result<()> {
        self.period = match self.period.year {
            Some((y, m)) => Period::year(y + by, m)?,
            None => {
                let days = self.period.days().saturating_mul(i64::from(by));
                Period::custom(
                    crate::dates::shift(self.period.from, days),
                    crate::dates::shift(self.period.to, days),
                )?
            }
        };
        self.scroll = 0;
        Ok(())
    }

    /// Calendar year ⇄ municipal year, keeping the year containing the
    /// period's start.
    pub fn toggle_kind(&mut self, year_start_month: u32) -> Result<()> {
        let (kind, month) = match self.kind {
            PeriodKind::Calendar => {
                let m = municipal_month(year_start_month);
                (PeriodKind::Municipal(m), m)
            }
            PeriodKind::Municipal(_) | PeriodKind::Custom => (PeriodKind::Calendar, 1),
        };
        self.period = Period::containing(self.period.from, month)?;
        self.kind = kind;
        self.scroll = 0;
        Ok(())
    }

    pub fn set_custom(&mut self, period: Period) {
        self.period = period;
        self.kind = PeriodKind::Custom;
        self.scroll = 0;
    }
}
