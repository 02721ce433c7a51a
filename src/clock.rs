//! Time is injected so that tests (and scripted end-to-end runs) can freeze it.
//!
//! `CASEBOOK_NOW=2026-03-01T09:00` freezes the clock of the real binary; it is
//! meant for tests and demonstrations, not for daily use.

use chrono::{Local, NaiveDate, NaiveDateTime};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    System,
    Fixed(NaiveDateTime),
}

impl Clock {
    /// The system clock, unless `CASEBOOK_NOW` names a moment.
    pub fn from_env() -> crate::Result<Clock> {
        match std::env::var("CASEBOOK_NOW") {
            Ok(s) if !s.trim().is_empty() => {
                let now = crate::dates::parse_datetime(&s, Local::now().naive_local())
                    .map_err(|e| crate::Error::invalid(format!("CASEBOOK_NOW: {e}")))?;
                Ok(Clock::Fixed(now))
            }
            _ => Ok(Clock::System),
        }
    }

    /// Local wall-clock time, which is what a councillor means by "now".
    pub fn now(&self) -> NaiveDateTime {
        match self {
            Clock::System => Local::now().naive_local().with_nanosecond_zeroed(),
            Clock::Fixed(t) => *t,
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.now().date()
    }
}

trait ZeroNanos {
    fn with_nanosecond_zeroed(self) -> Self;
}

impl ZeroNanos for NaiveDateTime {
    fn with_nanosecond_zeroed(self) -> Self {
        use chrono::Timelike;
        self.with_nanosecond(0).unwrap_or(self)
    }
}
