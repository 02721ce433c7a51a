//! Rules of the record that every path obeys: the screens, the command line
//! and the store ask these functions, so they cannot drift apart.

use std::ops::RangeInclusive;

use chrono::NaiveDateTime;

use super::ContactKind;
use crate::error::Msg;
use crate::{Error, Result};

/// The working days an officer may be given to reply to a referral.
pub const REPLY_DAYS: RangeInclusive<u32> = 1..=60;

/// Refuses a reply time outside [`REPLY_DAYS`].
pub fn check_reply_days(days: u32) -> Result<()> {
    if REPLY_DAYS.contains(&days) {
        Ok(())
    } else {
        Err(Error::user(
            Msg::new("error-reply-days")
                .num("days", days)
                .num("min", *REPLY_DAYS.start())
                .num("max", *REPLY_DAYS.end()),
        ))
    }
}

/// What happened at a moment that cannot be in the future.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Happened {
    /// A diary entry (a call, a visit, a letter received).
    Entry,
    /// An officer's reply to a referral.
    Reply,
}

impl Happened {
    /// The key the catalogue selects its words on.
    pub const fn as_str(self) -> &'static str {
        match self {
            Happened::Entry => "entry",
            Happened::Reply => "reply",
        }
    }
}

/// Refuses a moment after `now`: what happened cannot be in the future.
pub fn check_not_future(at: NaiveDateTime, now: NaiveDateTime, what: Happened) -> Result<()> {
    if at > now {
        Err(Error::user(
            Msg::new("error-happened-in-future")
                .text("what", what.as_str())
                .text("at", at.format("%Y-%m-%d %H:%M").to_string()),
        ))
    } else {
        Ok(())
    }
}

/// The store has no injected clock: it refuses only what is more than a day
/// ahead of the computer's clock (a day, so that no time zone trips it).
pub fn check_not_future_by_system_clock(at: NaiveDateTime, what: Happened) -> Result<()> {
    let limit = chrono::Local::now().naive_local() + chrono::Duration::days(1);
    check_not_future(at, limit, what)
}

/// Who can receive a referral: an officer, an agency, an organisation, a
/// councillor, or anyone listed in the directory.
pub fn can_receive_referral(kind: ContactKind, in_directory: bool) -> bool {
    in_directory
        || matches!(
            kind,
            ContactKind::Officer
                | ContactKind::Agency
                | ContactKind::Organisation
                | ContactKind::Councillor
        )
}

/// Whether a referral copies the constituent in unless told otherwise: yes,
/// unless the case holds something confidential (the workbook: "copy the
/// constituent in on what you have sent to officers unless it is
/// confidential").
pub fn copy_constituent_in_by_default(case_has_confidential: bool) -> bool {
    !case_has_confidential
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("a moment")
    }

    #[test]
    fn a_moment_after_now_is_refused_and_now_is_not() {
        let now = at("2026-03-02 09:30");
        assert!(check_not_future(now, now, Happened::Entry).is_ok());
        let e = check_not_future(at("2026-03-02 09:31"), now, Happened::Entry).expect_err("future");
        assert!(e.is_user_fixable());
        assert_eq!(
            e.to_string(),
            "the entry is dated 2026-03-02 09:31, in the future: give when it happened"
        );
        // The fact, not words: the catalogue chooses them (tests/cli_bad_input.rs
        // reads both languages).
        let e = check_not_future(at("2026-03-03 08:00"), now, Happened::Reply).expect_err("future");
        let Error::User(m) = e else {
            panic!("a user error: {e:?}")
        };
        assert_eq!(m.id, "error-happened-in-future");
        assert!(
            m.args
                .contains(&("what", crate::error::Arg::Text("reply".into())))
        );
    }

    #[test]
    fn reply_days_are_one_range() {
        assert!(check_reply_days(0).is_err());
        assert!(check_reply_days(1).is_ok());
        assert!(check_reply_days(60).is_ok());
        assert!(check_reply_days(61).is_err());
    }

    #[test]
    fn a_constituent_receives_a_referral_only_when_in_the_directory() {
        assert!(!can_receive_referral(ContactKind::Constituent, false));
        assert!(can_receive_referral(ContactKind::Constituent, true));
        assert!(can_receive_referral(ContactKind::Officer, false));
    }
}
