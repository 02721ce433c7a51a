//! `casebook calendar`: pending follow-ups and surgeries as an iCalendar
//! (.ics) file (see `crate::calendar` for what goes in it and why).

use std::io::Write;
use std::process::ExitCode;

use chrono::{Local, TimeZone, Utc};

use super::{CalendarArgs, Env, write_output};
use crate::Result;

pub fn run(env: &Env, args: &CalendarArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let store = env.open_store()?;
    let now = env.clock.now();
    // DTSTAMP is UTC; the clock gives local wall-clock time. In the hour a
    // clock goes back, the earlier reading is as good as the later.
    let stamp = Local
        .from_local_datetime(&now)
        .earliest()
        .map_or_else(|| now.and_utc(), |t| t.with_timezone(&Utc));
    let ics =
        crate::calendar::diary_calendar(&store, &env.i18n, env.config.calendar.hide_venues, stamp)?;
    match &args.out {
        // From an encrypted diary the file is an age file unless --plain.
        Some(path) => {
            super::seal::Sealer::new(&env.i18n, store.key().is_some(), &args.seal, path)?.write(
                env,
                out,
                path,
                ics.as_bytes(),
            )?;
            super::note(
                env.i18n
                    .tr1("calendar-written", "path", path.display().to_string()),
            );
        }
        None => write_output(env, out, None, ics.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
