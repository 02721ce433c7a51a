//! No full scans on the hot paths. Each test runs the real code behind a
//! keystroke, a frame, `casebook log` or `casebook due` on a small invented
//! diary while the store records the SQL it runs, then asks SQLite how it
//! plans each statement: every main table must be reached through an index
//! (or the search index), never by reading the whole table.
//!
//! Plans are made without `ANALYZE` statistics, as in a real diary (casebook
//! never runs ANALYZE), so a small diary plans exactly as a big one.

use casebook::app::form;
use casebook::app::{App, CaseView, CasesView, ContactView, ContactsView, HomeView};
use casebook::clock::Clock;
use casebook::config::Config;
use casebook::demo::{self, Options};
use casebook::domain::{CaseKind, CaseStatus, EntryKind};
use casebook::store::{CaseFilter, CaseSort, LogRequest, Store, Who};
use chrono::{NaiveDate, NaiveDateTime};

const MAIN_TABLES: &[&str] = &[
    "contacts",
    "directory",
    "surgeries",
    "cases",
    "case_people",
    "entries",
    "referrals",
    "follow_ups",
    "keep_informed",
    "awaited_replies",
    "tallies",
];

fn now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-03-01 09:00", "%Y-%m-%d %H:%M").expect("a moment")
}

/// A small invented diary, with every kind of row the hot paths touch.
fn diary() -> Store {
    let mut store = Store::open_in_memory().expect("store");
    let config = Config::default();
    demo::fill(
        &mut store,
        &Options {
            cases: 300,
            seed: 7,
            now: now(),
            reply_days: config.referral_reply_days,
            categories: config.categories(),
        },
    )
    .expect("demo diary");
    store
}

/// The tables (by name or alias) a statement reads in full. A scan of a
/// subquery or of the search index is not one; a scan "USING INDEX" reads an
/// index in order, and is not one only when a LIMIT stops it: without one it
/// reads every entry of the index (as counting open cases by status once did).
fn full_scans(store: &Store, sql: &str) -> Vec<String> {
    let plan = store
        .explain(sql)
        .unwrap_or_else(|e| panic!("cannot explain {sql}: {e}"));
    let aliases = aliases(sql);
    let limited = sql.contains(" LIMIT ");
    plan.iter()
        .map(|l| l.trim())
        .filter_map(|l| l.strip_prefix("SCAN "))
        .filter(|rest| {
            let stopped = limited && rest.contains(" USING ");
            !stopped && !rest.contains("VIRTUAL TABLE")
        })
        .map(|rest| rest.split_whitespace().next().unwrap_or("").to_string())
        .filter(|name| {
            MAIN_TABLES.contains(&name.as_str()) || aliases.iter().any(|(_, a)| a == name)
        })
        .map(|name| format!("{name} in {sql}\nplan:\n{}", plan.join("\n")))
        .collect()
}

/// `FROM cases c`, `JOIN contacts k`: (table, alias) pairs of main tables.
fn aliases(sql: &str) -> Vec<(String, String)> {
    let words: Vec<&str> = sql
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words
        .windows(2)
        .filter(|w| MAIN_TABLES.contains(&w[0]))
        .map(|w| (w[0].to_string(), w[1].to_string()))
        .collect()
}

/// Runs `f` on `store` while recording, and fails naming every statement
/// with a full scan of a main table.
fn assert_no_full_scans(store: &Store, what: &str, statements: Vec<String>) {
    let checked: Vec<&String> = statements
        .iter()
        .filter(|s| {
            let head = s.trim_start().to_ascii_uppercase();
            ["SELECT", "WITH", "UPDATE", "DELETE", "INSERT"]
                .iter()
                .any(|k| head.starts_with(k))
        })
        .collect();
    assert!(
        !checked.is_empty(),
        "{what}: no statements were recorded; the recording is broken"
    );
    let scans: Vec<String> = checked.iter().flat_map(|s| full_scans(store, s)).collect();
    assert!(
        scans.is_empty(),
        "{what}: {} statement(s) read a whole table:\n\n{}",
        scans.len(),
        scans.join("\n\n")
    );
}

#[test]
fn the_check_catches_a_full_scan() {
    let store = Store::open_in_memory().expect("store");
    store.start_recording();
    let _ = store.counts();
    let statements = store.stop_recording();
    assert!(
        statements.iter().any(|s| s.contains("count(*)")),
        "recorded: {statements:?}"
    );
    // A filter on an unindexed column reads every row: the check must say so.
    let scans = full_scans(&store, "SELECT id FROM entries e WHERE e.text = 'x'");
    assert_eq!(scans.len(), 1, "{scans:?}");
    assert!(full_scans(&store, "SELECT id FROM entries WHERE case_id = 1").is_empty());
}

#[test]
fn keystrokes_search_and_completion_use_indexes() {
    let store = diary();
    store.start_recording();
    for typed in ["b", "bi", "bin", "bins", "sian dav", "2026-00", "zzzz"] {
        store.search(typed, 30).expect("search");
    }
    for typed in ["d", "dav", "davies", "road", "rhian j", "qqq"] {
        form::complete(
            casebook::i18n::Catalogue::shared(casebook::i18n::Lang::En),
            &store,
            typed,
        )
        .expect("completion");
    }
    let statements = store.stop_recording();
    assert_no_full_scans(&store, "search and completion", statements);
}

#[test]
fn paging_lists_with_each_filter_uses_indexes() {
    let store = diary();
    let category = Config::default().categories()[0].clone();
    let mut filters = vec![
        CaseFilter {
            open_only: true,
            ..CaseFilter::default()
        },
        CaseFilter::default(),
        CaseFilter {
            category: Some(category.clone()),
            ..CaseFilter::default()
        },
        CaseFilter {
            area: Some("cathays".into()),
            category: Some(category),
            ..CaseFilter::default()
        },
        CaseFilter {
            kind: Some(CaseKind::Complaint),
            open_only: true,
            ..CaseFilter::default()
        },
    ];
    for &status in CaseStatus::ALL {
        filters.push(CaseFilter {
            status: Some(status),
            ..CaseFilter::default()
        });
    }
    store.start_recording();
    for filter in &filters {
        for sort in [CaseSort::NewestFirst, CaseSort::OldestFirst] {
            let page = store.cases_page(filter, sort, None, 50).expect("page");
            if let Some(last) = page.last() {
                store
                    .cases_page(filter, sort, Some((last.opened, last.id)), 50)
                    .expect("next page");
            }
        }
    }
    let mut contacts = ContactsView::default();
    contacts.reload(&store).expect("contacts");
    contacts
        .step(200, 20, &store)
        .expect("next page of contacts");
    let statements = store.stop_recording();
    assert_no_full_scans(&store, "case and contact lists", statements);
}

#[test]
fn frames_home_case_and_contact_screens_use_indexes() {
    let store = diary();
    let config = Config::default();
    let today = now().date();
    store.start_recording();
    let mut home = HomeView::default();
    home.load(&store, today, &config).expect("home");
    let mut cases = CasesView::default();
    cases.reload(&store).expect("cases");
    let first = cases.rows.first().expect("an open case").id;
    let mut case = CaseView::new(first);
    case.reload(&store).expect("case");
    let contact = case.people.first().expect("a person on the case").1.id;
    let mut person = ContactView::new(contact);
    person.reload(&store).expect("contact");
    store.data_version().expect("data version");
    let statements = store.stop_recording();
    assert_no_full_scans(&store, "home, case and contact screens", statements);

    // The app's own start (keymap checks, first load) adds no scans either.
    store.start_recording();
    let app = App::new(store, config, Clock::Fixed(now())).expect("app");
    let statements = app.store.stop_recording();
    assert_no_full_scans(&app.store, "App::new", statements);
}

#[test]
fn log_uses_indexes() {
    let mut store = diary();
    let case = store
        .cases_page(&CaseFilter::default(), CaseSort::NewestFirst, None, 1)
        .expect("a case")[0]
        .reference
        .clone();
    store.start_recording();
    for (who, case, follow_up) in [
        ("Someone New", None, None),
        (
            "Someone New",
            Some(case.clone()),
            NaiveDate::from_ymd_opt(2026, 3, 4),
        ),
        ("Another Person", Some(case), None),
    ] {
        let at = now();
        let req = LogRequest {
            who: Who::Named(who.into()),
            case,
            kind: EntryKind::CallIn,
            at,
            text: "Rang about the bins".into(),
            follow_up,
            confidential: false,
            surgery: store.surgery_at(at).expect("surgery"),
        };
        store.log(&req).expect("logged");
    }
    let statements = store.stop_recording();
    assert_no_full_scans(&store, "log", statements);
}

#[test]
fn due_uses_indexes() {
    let store = diary();
    store.start_recording();
    let due = store.due_list(now().date(), 14, usize::MAX).expect("due");
    let statements = store.stop_recording();
    assert!(
        !due.needs_update.is_empty() && !due.follow_ups.is_empty(),
        "the diary exercises every part of due"
    );
    assert_no_full_scans(&store, "due", statements);
    // "Needs an update" reads one range of the index kept for it, not every
    // open case and its entries.
    let plan = store.needs_update_plan().expect("plan").join("\n");
    assert!(plan.contains("keep_informed_quiet"), "{plan}");
    assert!(!plan.contains("entries"), "{plan}");
}
