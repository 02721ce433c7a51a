//! Time is injected so that tests (and scripted end-to-end runs) can freeze it.
//!
//! `CASEBOOK_NOW=2026-03-01T09:00` freezes the clock of the real binary; it is
//! meant for tests and demonstrations, not for daily use.

use std::time::Duration;

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
                    .map_err(|e| e.about_option("CASEBOOK_NOW"))?;
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

/// Notices that the machine slept (a laptop's lid closed).
///
/// `Instant` stands still while a laptop is suspended (it is
/// `CLOCK_MONOTONIC` on Linux, `mach_absolute_time` on macOS), so an idle
/// timer counted with it alone would keep a diary unlocked through a night
/// in a bag: the lid closes at minute 3 of 15, opens the next morning, and
/// 12 minutes are left. The time slept is the widening gap between a clock
/// that counts suspension and one that does not; casebook locks when it
/// widens.
#[derive(Debug, Clone, Copy)]
pub struct SleepWatch {
    since: Option<Duration>,
}

/// Less than this is clock noise, not a sleep.
const SLEEP_NOISE: Duration = Duration::from_secs(3);

impl SleepWatch {
    /// Watches from now. Where the platform gives no such clocks, it never
    /// reports a sleep (the idle timer still runs).
    pub fn start() -> SleepWatch {
        SleepWatch {
            since: time_asleep(),
        }
    }

    /// Whether the machine has slept since [`SleepWatch::start`].
    pub fn slept(&self) -> bool {
        match (self.since, time_asleep()) {
            (Some(before), Some(now)) => woke_since(before, now),
            _ => false,
        }
    }
}

/// The decision, apart from the clocks: slept when the time spent asleep
/// grew by more than the noise between two readings.
fn woke_since(before: Duration, now: Duration) -> bool {
    now.saturating_sub(before) > SLEEP_NOISE
}

/// How long the machine has spent suspended since it booted.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn time_asleep() -> Option<Duration> {
    // CLOCK_BOOTTIME goes on during suspend; CLOCK_MONOTONIC does not. The
    // awake clock is read first, so the gap between the reads cannot make
    // the difference negative.
    let awake = read_clock(libc::CLOCK_MONOTONIC)?;
    let awake_or_asleep = read_clock(libc::CLOCK_BOOTTIME)?;
    Some(awake_or_asleep.saturating_sub(awake))
}

#[cfg(any(target_os = "macos", target_os = "ios"))]
fn time_asleep() -> Option<Duration> {
    // Apple's CLOCK_MONOTONIC goes on during sleep; CLOCK_UPTIME_RAW does not.
    let awake = read_clock(libc::CLOCK_UPTIME_RAW)?;
    let awake_or_asleep = read_clock(libc::CLOCK_MONOTONIC)?;
    Some(awake_or_asleep.saturating_sub(awake))
}

#[cfg(not(any(
    target_os = "linux",
    target_os = "android",
    target_os = "macos",
    target_os = "ios"
)))]
fn time_asleep() -> Option<Duration> {
    None
}

#[cfg(any(
    target_os = "linux",
    target_os = "android",
    target_os = "macos",
    target_os = "ios"
))]
fn read_clock(clock: libc::clockid_t) -> Option<Duration> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec we own.
    if unsafe { libc::clock_gettime(clock, &mut ts) } != 0 {
        return None;
    }
    Some(Duration::new(
        u64::try_from(ts.tv_sec).ok()?,
        u32::try_from(ts.tv_nsec).ok()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gap_wider_than_the_noise_is_a_sleep() {
        let s = Duration::from_secs;
        assert!(!woke_since(s(100), s(100)));
        assert!(!woke_since(s(100), s(102)));
        assert!(woke_since(s(100), s(104)));
        assert!(woke_since(s(0), s(8 * 3600)));
        // A clock that went backwards is not a sleep.
        assert!(!woke_since(s(100), s(40)));
    }

    #[cfg(any(target_os = "linux", target_os = "macos"))]
    #[test]
    fn this_machine_has_the_clocks_and_has_not_slept_in_a_test() {
        assert!(time_asleep().is_some());
        assert!(!SleepWatch::start().slept());
    }
}
