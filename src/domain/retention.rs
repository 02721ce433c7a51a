//! The retention policy (SPEC section 7): closed casework is kept for
//! `retention_years` after it ends, and a person is never erased while they
//! are in touch. The store gives the facts (dates and counts); this decides.

use chrono::{Months, NaiveDate};

/// What is known of the activity around a case or a person: the latest
/// dated thing of any kind (an entry, filed or not; a case opened or
/// closed; a follow-up due or done; a referral made or answered), and what
/// is still going on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Activity {
    pub latest: Option<NaiveDate>,
    /// Cases of theirs not closed (for a case: itself, if open).
    pub open_cases: u32,
    /// Follow-ups not yet done.
    pub pending_follow_ups: u32,
    /// Referrals still awaiting a reply.
    pub awaiting_replies: u32,
}

/// Why a case or person is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    OpenCase,
    PendingFollowUp,
    AwaitingReply,
    /// In touch after the cut-off (the date of the latest activity).
    Recent(NaiveDate),
}

/// The last day whose activity is past the retention period on `today`:
/// `years` before it. `None` when that is before the calendar begins.
pub fn cutoff(today: NaiveDate, years: u32) -> Option<NaiveDate> {
    today.checked_sub_months(Months::new(years.checked_mul(12)?))
}

impl Activity {
    /// `Ok` when this is past retention at `cutoff`: nothing open or
    /// pending, and nothing at all happened after the cut-off.
    pub fn judge(&self, cutoff: NaiveDate) -> Result<(), Kept> {
        if self.open_cases > 0 {
            return Err(Kept::OpenCase);
        }
        if self.pending_follow_ups > 0 {
            return Err(Kept::PendingFollowUp);
        }
        if self.awaiting_replies > 0 {
            return Err(Kept::AwaitingReply);
        }
        match self.latest {
            Some(d) if d > cutoff => Err(Kept::Recent(d)),
            _ => Ok(()),
        }
    }

    pub fn is_past(&self, cutoff: NaiveDate) -> bool {
        self.judge(cutoff).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn anything_recent_or_pending_keeps_a_person() {
        let cut = cutoff(d(2026, 3, 1), 2).expect("cutoff");
        assert_eq!(cut, d(2024, 3, 1));
        let old = Activity {
            latest: Some(d(2024, 3, 1)),
            ..Activity::default()
        };
        assert!(old.is_past(cut), "on the cut-off day: past");
        let called_today = Activity {
            latest: Some(d(2026, 3, 1)),
            ..old
        };
        assert_eq!(called_today.judge(cut), Err(Kept::Recent(d(2026, 3, 1))));
        let pending = Activity {
            pending_follow_ups: 1,
            ..old
        };
        assert_eq!(pending.judge(cut), Err(Kept::PendingFollowUp));
        let open = Activity {
            open_cases: 1,
            ..old
        };
        assert_eq!(open.judge(cut), Err(Kept::OpenCase));
        let awaiting = Activity {
            awaiting_replies: 2,
            ..old
        };
        assert_eq!(awaiting.judge(cut), Err(Kept::AwaitingReply));
        assert_eq!(cutoff(d(2026, 3, 1), u32::MAX), None);
    }
}
