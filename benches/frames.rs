//! The UI's costs with the real store, on a headless backend: the first
//! frame, a search per keystroke, the quick-log name completion, and opening
//! a case with 500 entries. Plain `std::time`, medians of several runs.
//!
//! Run by `bench/run.sh`; by hand (after `casebook demo --db D.db ...`):
//!
//! ```text
//! cargo bench --bench frames -- all D.db [CASE_DB REF] [RUNS]
//! cargo bench --bench frames -- first-frame D.db     # one frame, for peak memory
//! cargo bench --bench frames -- first-frames PLAIN.db ENCRYPTED.db [RUNS] # the two, taking turns
//! cargo bench --bench frames -- home-parts D.db      # what the first frame spends its time on
//! cargo bench --bench frames -- pages D.db           # pages each query reads from a cold start
//! cargo bench --bench frames -- prepare-case COPY.db # adds a case with 500 entries, prints its reference
//! ```
//!
//! The config is read from `CASEBOOK_CONFIG` and the date from
//! `CASEBOOK_NOW`, as for the binary. Output: one tab-separated line per
//! figure: name, median ms, min ms, max ms.

use std::path::Path;
use std::time::{Duration, Instant};

use casebook::app::{App, CaseView, Screen, form};
use casebook::cli::{Cli, Env};
use casebook::domain::{Case, Entry, EntryKind};
use casebook::store::Store;
use clap::Parser;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The size of the headless terminal: a common laptop terminal.
const COLS: u16 = 120;
const ROWS: u16 = 40;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

fn main() -> Res<()> {
    // `cargo bench` adds `--bench`; everything else is ours.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let arg = |i: usize| args.get(i).map(String::as_str).filter(|a| !a.is_empty());
    match (arg(0), arg(1)) {
        (Some("first-frame"), Some(db)) => {
            let took = first_frame(db)?;
            println!("first_frame\t{:.2}", ms(took));
        }
        (Some("first-frames"), Some(plain)) => {
            let encrypted = arg(2).ok_or("first-frames PLAIN ENCRYPTED [RUNS]")?;
            let runs: usize = arg(3).and_then(|r| r.parse().ok()).unwrap_or(15);
            first_frames(plain, encrypted, runs)?;
        }
        (Some("prepare-case"), Some(db)) => println!("{}", prepare_case(Path::new(db))?),
        (Some("home-parts"), Some(db)) => home_parts(db)?,
        (Some("pages"), Some(db)) => pages(db)?,
        (Some("due"), Some(db)) => {
            // The store's part of `casebook due`, for profiling.
            let env = env_for(db)?;
            let store = env.open_store()?;
            let days = env.config.keep_informed_days;
            report(
                "due_list",
                (0..15)
                    .map(|_| {
                        let t = Instant::now();
                        store.due_list(env.clock.today(), days, 10).map(|d| {
                            std::hint::black_box(d);
                            t.elapsed()
                        })
                    })
                    .collect::<Result<_, _>>()?,
            );
        }
        (Some("all"), Some(db)) => {
            let (case_db, reference) = match (arg(2), arg(3)) {
                (Some(d), Some(r)) => (Some(d), Some(r)),
                _ => (None, None),
            };
            let runs: usize = arg(4).and_then(|r| r.parse().ok()).unwrap_or(15);
            all(db, case_db.zip(reference), runs)?;
        }
        _ => {
            eprintln!(
                "usage: frames all DB [CASE_DB REF] [RUNS] | first-frame DB | first-frames PLAIN ENCRYPTED [RUNS] | home-parts DB | pages DB | prepare-case DB | due DB"
            );
            std::process::exit(2);
        }
    }
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let median = times[times.len() / 2];
    println!(
        "{name}\t{:.2}\t{:.2}\t{:.2}",
        ms(median),
        ms(times[0]),
        ms(times[times.len() - 1])
    );
}

fn env_for(db: &str) -> Res<Env> {
    let cli = Cli::parse_from(["casebook", "--db", db]);
    Ok(Env::from_cli(&cli)?)
}

/// Start to first draw, as `casebook` does it: open the store (with its
/// daily-backup check), load the home screen, draw.
fn first_frame(db: &str) -> Res<Duration> {
    let started = Instant::now();
    let env = env_for(db)?;
    let store = env.open_store()?;
    let app = App::new(store, env.config.clone(), env.clock)?;
    let mut terminal = Terminal::new(TestBackend::new(COLS, ROWS))?;
    terminal.draw(|f| casebook::ui::render(&app, f))?;
    Ok(started.elapsed())
}

/// The first frames of a plain and an encrypted diary, taking turns, so
/// that whatever else the machine is doing weighs on both alike: the ratio
/// of the two is what issue 16's goal is about.
fn first_frames(plain: &str, encrypted: &str, runs: usize) -> Res<()> {
    first_frame(plain)?;
    first_frame(encrypted)?;
    let (mut p, mut e) = (Vec::with_capacity(runs), Vec::with_capacity(runs));
    for _ in 0..runs {
        p.push(first_frame(plain)?);
        e.push(first_frame(encrypted)?);
    }
    report("plain_first_frame", p);
    report("encrypted_first_frame", e);
    Ok(())
}

/// The first frame taken apart: opening the store, then each query behind
/// the home screen, then the draw. For finding what to make faster.
fn home_parts(db: &str) -> Res<()> {
    first_frame(db)?; // warm the page cache
    let runs = 15;
    let env = env_for(db)?;
    let today = env.clock.today();
    let days = env.config.keep_informed_days;
    let patterns = env.config.patterns.clone();
    let time = |name: &str, f: &dyn Fn() -> Res<()>| -> Res<()> {
        let times = (0..runs)
            .map(|_| {
                let t = Instant::now();
                f().map(|()| t.elapsed())
            })
            .collect::<Res<_>>()?;
        report(name, times);
        Ok(())
    };
    time("open_store", &|| {
        env.open_store()?;
        Ok(())
    })?;
    let store = env.open_store()?;
    time("due_follow_up_lines", &|| {
        std::hint::black_box(store.due_follow_up_lines(today, 50)?);
        Ok(())
    })?;
    time("late_referrals", &|| {
        std::hint::black_box(store.late_referrals(today, 50)?);
        Ok(())
    })?;
    time("needs_update", &|| {
        std::hint::black_box(store.needs_update(today, days, 50)?);
        Ok(())
    })?;
    time("due_counts", &|| {
        std::hint::black_box(store.due_counts(today, days)?);
        Ok(())
    })?;
    time("open_case_counts", &|| {
        std::hint::black_box(store.open_case_counts()?);
        Ok(())
    })?;
    time("latest_entry_lines", &|| {
        std::hint::black_box(store.latest_entry_lines(50)?);
        Ok(())
    })?;
    time("clusters", &|| {
        let since = today - chrono::Duration::days(2 * i64::from(patterns.window_days));
        std::hint::black_box(store.clusters(since, patterns.window_days, patterns.min_cases)?);
        Ok(())
    })?;
    let app = App::new(env.open_store()?, env.config.clone(), env.clock)?;
    time("draw", &|| {
        let mut terminal = Terminal::new(TestBackend::new(COLS, ROWS))?;
        terminal.draw(|f| casebook::ui::render(&app, f))?;
        Ok(())
    })?;
    Ok(())
}

/// Pages read from the file by each query of the first frame, of `due` and
/// of a keystroke, each on a fresh connection (a cold page cache, as every
/// command and the UI's first frame find it): in an encrypted diary each
/// page read is a decryption and an HMAC check, so this count is what the
/// encrypted figures pay beyond the plain ones. Prints name, pages, ms.
fn pages(db: &str) -> Res<()> {
    first_frame(db)?; // the OS cache warm, as in the timed figures
    let env = env_for(db)?;
    let today = env.clock.today();
    let days = env.config.keep_informed_days;
    let patterns = env.config.patterns.clone();
    let cold = |name: &str, f: &dyn Fn(&Store) -> Res<()>| -> Res<()> {
        let store = env.open_store()?;
        let before = store.pages_read();
        let t = Instant::now();
        f(&store)?;
        let took = t.elapsed();
        println!("{name}\t{}\t{:.2}", store.pages_read() - before, ms(took));
        Ok(())
    };
    let t = Instant::now();
    let store = env.open_store()?;
    println!("open_store\t{}\t{:.2}", store.pages_read(), ms(t.elapsed()));
    drop(store);
    cold("home:due_follow_up_lines", &|s| {
        std::hint::black_box(s.due_follow_up_lines(today, 50)?);
        Ok(())
    })?;
    cold("home+due:late_referrals", &|s| {
        std::hint::black_box(s.late_referrals(today, 50)?);
        Ok(())
    })?;
    cold("home+due:needs_update", &|s| {
        std::hint::black_box(s.needs_update(today, days, 50)?);
        Ok(())
    })?;
    cold("home+due:due_counts", &|s| {
        std::hint::black_box(s.due_counts(today, days)?);
        Ok(())
    })?;
    cold("home:open_case_counts", &|s| {
        std::hint::black_box(s.open_case_counts()?);
        Ok(())
    })?;
    cold("home:latest_entry_lines", &|s| {
        std::hint::black_box(s.latest_entry_lines(50)?);
        Ok(())
    })?;
    cold("home:clusters", &|s| {
        let since = today - chrono::Duration::days(2 * i64::from(patterns.window_days));
        std::hint::black_box(s.clusters(since, patterns.window_days, patterns.min_cases)?);
        Ok(())
    })?;
    cold("home:App::new", &|s| {
        // `App::new` takes the store; a second one for it.
        let _ = s;
        let app = App::new(env.open_store()?, env.config.clone(), env.clock)?;
        println!("  App::new's own store\t{}", app.store.pages_read());
        Ok(())
    })?;
    cold("due:follow_up_items", &|s| {
        std::hint::black_box(s.follow_up_items(None, Some(today), 10)?);
        Ok(())
    })?;
    cold("due:due_list", &|s| {
        std::hint::black_box(s.due_list(today, days, 10)?);
        Ok(())
    })?;
    for word in SEARCH_WORDS {
        cold(&format!("search:{word}:1-4 letters"), &|s| {
            for n in 1..=4 {
                let typed: String = word.chars().take(n).collect();
                std::hint::black_box(s.search(&typed, 30)?);
            }
            Ok(())
        })?;
    }
    for name in NAMES {
        cold(&format!("complete:{name}:1-4 letters"), &|s| {
            for n in 1..=4 {
                let typed: String = name.chars().take(n).collect();
                std::hint::black_box(form::complete(
                    casebook::i18n::Catalogue::shared(casebook::i18n::Lang::En),
                    s,
                    &typed,
                )?);
            }
            Ok(())
        })?;
    }
    Ok(())
}

/// Words as a councillor would type them into search and the name field.
const SEARCH_WORDS: &[&str] = &["bins", "parking", "flooding", "jones"];
const NAMES: &[&str] = &["davies", "rhian", "evans", "gwen"];

fn all(db: &str, case: Option<(&str, &str)>, runs: usize) -> Res<()> {
    // Warm the page cache once, as a second start of the day would find it.
    first_frame(db)?;
    report(
        "first_frame",
        (0..runs).map(|_| first_frame(db)).collect::<Res<_>>()?,
    );

    let env = env_for(db)?;
    // The store as the UI holds it (its page cache sized for a session).
    let app = App::new(env.open_store()?, env.config.clone(), env.clock)?;
    let store = &app.store;
    // Per keystroke: the query after typing 1, 2, 3, 4 letters.
    for n in 1..=4 {
        let mut times = Vec::new();
        for _ in 0..runs {
            for word in SEARCH_WORDS {
                let typed: String = word.chars().take(n).collect();
                let t = Instant::now();
                let hits = store.search(&typed, 30)?;
                times.push(t.elapsed());
                std::hint::black_box(hits);
            }
        }
        report(&format!("search_{n}_letters"), times);
    }
    for n in 1..=4 {
        let mut times = Vec::new();
        for _ in 0..runs {
            for name in NAMES {
                let typed: String = name.chars().take(n).collect();
                let t = Instant::now();
                let matches = form::complete(
                    casebook::i18n::Catalogue::shared(casebook::i18n::Lang::En),
                    store,
                    &typed,
                )?;
                times.push(t.elapsed());
                std::hint::black_box(matches);
            }
        }
        report(&format!("complete_{n}_letters"), times);
    }
    drop(app);

    if let Some((case_db, reference)) = case {
        let env = env_for(case_db)?;
        let store = env.open_store()?;
        let id = store
            .case_by_reference(reference)?
            .ok_or("the benchmark case is missing: run prepare-case")?
            .id;
        let mut app = App::new(store, env.config.clone(), env.clock)?;
        let mut terminal = Terminal::new(TestBackend::new(COLS, ROWS))?;
        let mut times = Vec::new();
        for _ in 0..runs {
            let t = Instant::now();
            let mut view = CaseView::new(id);
            view.reload(&app.store)?;
            app.screen = Screen::Case(Box::new(view));
            terminal.draw(|f| casebook::ui::render(&app, f))?;
            times.push(t.elapsed());
        }
        report("open_case_500_entries", times);
    }
    Ok(())
}

/// Adds a case with 500 diary entries on it (for the open-case figure) and
/// prints its reference.
fn prepare_case(db: &Path) -> Res<String> {
    let mut store = Store::open(db)?;
    let contact = store
        .complete_contacts("a", 1)?
        .into_iter()
        .next()
        .ok_or("the diary has no contacts")?
        .id;
    let opened = chrono::NaiveDate::from_ymd_opt(2025, 1, 6).ok_or("date")?;
    let case = store.add_case(
        &Case::new("Benchmark: a case with 500 entries", opened),
        &[(contact, casebook::domain::Role::Constituent)],
        &["other".to_string()],
    )?;
    let start = opened.and_hms_opt(9, 0, 0).ok_or("time")?;
    for i in 0..500 {
        store.add_entry(&Entry {
            case: Some(case.id),
            contact: Some(contact),
            kind: if i % 2 == 0 {
                EntryKind::CallIn
            } else {
                EntryKind::EmailOut
            },
            at: start + chrono::Duration::hours(7 * i),
            text: format!("Entry {i}: spoke about the bins and the parking on the estate"),
            confidential: i % 50 == 0,
            surgery: None,
        })?;
    }
    Ok(case.reference.clone())
}
