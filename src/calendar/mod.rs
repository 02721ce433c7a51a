//! The diary as a calendar: pending follow-ups and surgeries as an
//! iCalendar file (`casebook calendar`).
//!
//! Follow-ups are all-day VEVENTs marked transparent rather than VTODOs:
//! every calendar program shows an all-day event on its day, while many
//! (Google Calendar among them) ignore VTODO on import, and a reminder that
//! is not seen is no reminder. Transparent keeps the day free for booking.
//!
//! Each event's UID is the record's UUID, so importing a later export
//! updates the events instead of adding copies. Only the name and the case
//! reference are written for a follow-up: a calendar is often synced to a
//! phone or a cloud service, so the facts of the case stay in casebook.

pub mod ics;

use chrono::{DateTime, Utc};

use crate::Result;
use crate::i18n::{Catalogue, args};
use crate::store::Store;
use ics::{Calendar, Event, When};

pub const PRODID: &str = "-//casebook//casebook calendar//EN";

/// The calendar's name, the program's.
const NAME: &str = "casebook";

/// The most surgeries written: years of fortnightly surgeries fit.
const MAX_SURGERIES: usize = 10_000;
const MAX_FOLLOW_UPS: usize = 100_000;

/// The calendar file's text. `dtstamp` is when it is made (from the clock).
/// With `hide_venues`, surgeries carry no LOCATION and a generic summary
/// (security-minded communications, from the safe-surgeries guidance).
/// The summaries are in the catalogue's language (`calendar-*`).
pub fn diary_calendar(
    store: &Store,
    t: &Catalogue,
    hide_venues: bool,
    dtstamp: DateTime<Utc>,
) -> Result<String> {
    let mut cal = Calendar::new(PRODID, NAME, dtstamp);
    let unfiled = t.tr("due-unfiled", None);
    for f in store.follow_up_items(None, None, MAX_FOLLOW_UPS)? {
        let reference = f
            .case
            .as_ref()
            .map_or(unfiled.as_str(), |c| c.reference.as_str());
        let summary = match &f.contact {
            Some(who) => t.tr(
                "calendar-follow-up-with",
                Some(&args(&[
                    ("name", who.name.as_str().into()),
                    ("reference", reference.into()),
                ])),
            ),
            None => t.tr1("calendar-follow-up", "reference", reference),
        };
        cal.event(&Event {
            uid: format!("{}@casebook", f.uuid),
            start: When::Date(f.due_on),
            end: Some(When::Date(crate::dates::shift(f.due_on, 1))),
            summary,
            location: None,
            description: None,
            last_modified: Some(f.updated_at),
            transparent: true,
        });
    }
    for s in store.surgeries(MAX_SURGERIES)? {
        let (start, end) = match (s.started_at, s.ended_at) {
            (Some(from), Some(to)) => (When::Floating(from), Some(When::Floating(to))),
            (Some(from), None) => (When::Floating(from), None),
            _ => (
                When::Date(s.held_on),
                Some(When::Date(crate::dates::shift(s.held_on, 1))),
            ),
        };
        let (summary, location) = if hide_venues {
            (t.tr("calendar-surgery", None), None)
        } else {
            (
                t.tr1("calendar-surgery-at", "venue", s.venue.as_str()),
                Some(s.venue.clone()),
            )
        };
        cal.event(&Event {
            uid: format!("{}@casebook", s.uuid),
            start,
            end,
            summary,
            location,
            description: None,
            last_modified: Some(s.updated_at),
            transparent: false,
        });
    }
    Ok(cal.finish())
}
