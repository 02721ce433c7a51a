//! The app without a terminal: keys in, state and store out, clock frozen.

use std::collections::BTreeMap;

use casebook::app::form::Input;
use casebook::app::forms::{QuickField, RangeField, ReferField};
use casebook::app::record::intake::IntakeField;
use casebook::app::record_forms::{CloseField, DirField, EntryField};
use casebook::app::{Action, App, Popup, Screen, key};
use casebook::clock::Clock;
use casebook::config::Config;
use casebook::domain::{Case, CaseKind, CaseStatus, Contact, EntryKind, Role};
use casebook::store::{LogRequest, Store, Who};
use chrono::{NaiveDate, NaiveDateTime};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-03-02 09:30", "%Y-%m-%d %H:%M").expect("a moment")
}

fn app_with(store: Store, config: Config) -> App {
    App::new(store, config, Clock::Fixed(now())).expect("app")
}

fn empty_app() -> App {
    app_with(Store::open_in_memory().expect("store"), Config::default())
}

fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        app.press(key(KeyCode::Char(c)));
    }
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn seeded() -> App {
    let mut s = Store::open_in_memory().expect("store");
    s.add_contact(&Contact::named("Siân Davies"))
        .expect("contact");
    s.add_contact(&Contact::named("Sean Price"))
        .expect("contact");
    let mut careful = Contact::named("Dai Morgan");
    careful.caution = Some("aggressive at last surgery: meet with a colleague".into());
    let dai = s.add_contact(&careful).expect("contact");
    let mut case = Case::new(
        "Fly-tipping behind the shops",
        NaiveDate::from_ymd_opt(2026, 2, 20).expect("date"),
    );
    case.category = "waste".into();
    let cats = Config::default().categories();
    s.add_case(&case, &[(dai.id, Role::Constituent)], &cats)
        .expect("case");
    app_with(s, Config::default())
}

fn entries(app: &App) -> Vec<(String, String, Option<String>)> {
    app.store
        .latest_entry_lines(100)
        .expect("entries")
        .into_iter()
        .map(|e| (e.contact.unwrap_or_default(), e.text, e.case.map(|c| c.1)))
        .collect()
}

#[test]
fn a_call_from_a_known_person_is_c_four_letters_tab_text_enter() {
    let mut app = seeded();
    app.press(key(KeyCode::Char('c')));
    assert!(matches!(app.popups.last(), Some(Popup::Form(..))));
    type_text(&mut app, "sian"); // no accent typed
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "Bins not collected");
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "the form closed: {:?}", app.popups);
    assert_eq!(
        entries(&app),
        vec![(
            "Siân Davies".to_string(),
            "Bins not collected".to_string(),
            None
        )]
    );
    assert_eq!(
        app.store.counts().expect("counts").contacts,
        3,
        "no new contact"
    );
    assert!(app.status.as_deref().unwrap_or("").contains("Siân Davies"));
    // The home screen shows it at once.
    assert_eq!(app.home.latest.len(), 1);
}

#[test]
fn completion_is_fuzzy_and_folds_accents() {
    let mut app = seeded();
    app.press(key(KeyCode::Char('c')));
    type_text(&mut app, "sndav"); // a slip: letters left out
    let Some(Popup::Form(_, form)) = app.popups.last() else {
        panic!("a form")
    };
    let Some(Input::Who { matches, .. }) = form.input(QuickField::Who) else {
        panic!("a who field")
    };
    assert_eq!(
        matches.first().map(|m| m.name.as_str()),
        Some("Siân Davies")
    );
}

#[test]
fn a_new_name_creates_the_contact_and_says_so() {
    let mut app = empty_app();
    app.press(key(KeyCode::Char('c')));
    type_text(&mut app, "Rhodri ap Gwyn");
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "Streetlight out");
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty());
    assert_eq!(
        app.store
            .contacts_named("rhodri ap gwyn")
            .expect("named")
            .len(),
        1
    );
    let status = app.status.clone().unwrap_or_default();
    assert!(
        status.contains("New contact added: Rhodri ap Gwyn"),
        "{status}"
    );
}

#[test]
fn optional_fields_file_the_call_and_add_a_follow_up() {
    let mut app = seeded();
    let reference = app
        .store
        .cases_page(&Default::default(), Default::default(), None, 1)
        .expect("page")[0]
        .reference
        .clone();
    app.press(key(KeyCode::Char('c')));
    type_text(&mut app, "Dai");
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "More rubbish dumped");
    app.press(key(KeyCode::Tab)); // kind
    app.press(key(KeyCode::Tab)); // case
    type_text(&mut app, &reference);
    app.press(key(KeyCode::Tab)); // follow-up
    type_text(&mut app, "+3d");
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    assert_eq!(entries(&app)[0].2.as_deref(), Some(reference.as_str()));
    let due = app
        .store
        .due_follow_up_lines(NaiveDate::from_ymd_opt(2026, 3, 5).expect("date"), 10)
        .expect("due");
    assert_eq!(due.len(), 1);
    assert_eq!(
        due[0].due_on,
        NaiveDate::from_ymd_opt(2026, 3, 5).expect("date")
    );
}

#[test]
fn errors_show_beside_fields_and_nothing_typed_is_lost() {
    let mut app = empty_app();
    app.press(key(KeyCode::Char('c')));
    type_text(&mut app, "Siân");
    app.press(key(KeyCode::Tab));
    app.press(key(KeyCode::Tab)); // kind
    app.press(key(KeyCode::Tab)); // case
    type_text(&mut app, "2026-9999");
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "next blursday");
    app.press(key(KeyCode::Enter));
    let Some(Popup::Form(_, form)) = app.popups.last() else {
        panic!("the form stays open")
    };
    assert!(
        form.field(QuickField::Text)
            .and_then(|x| x.shown_error())
            .is_some(),
        "text is needed"
    );
    assert!(
        form.field(QuickField::Case)
            .and_then(|x| x.shown_error())
            .is_some(),
        "unknown case"
    );
    assert!(
        form.field(QuickField::FollowUp)
            .and_then(|x| x.shown_error())
            .is_some(),
        "bad date"
    );
    assert_eq!(form.text(QuickField::Who), "Siân");
    assert_eq!(form.text(QuickField::FollowUp), "next blursday");
    assert!(form.notice.is_some());
    assert_eq!(
        app.store.counts().expect("counts").entries,
        0,
        "nothing saved"
    );
}

#[test]
fn esc_asks_before_discarding_typed_text() {
    let mut app = empty_app();
    app.press(key(KeyCode::Char('c')));
    type_text(&mut app, "Siân");
    app.press(key(KeyCode::Esc));
    assert!(matches!(app.popups.last(), Some(Popup::Confirm { .. })));
    app.press(key(KeyCode::Char('n')));
    assert!(
        matches!(app.popups.last(), Some(Popup::Form(..))),
        "kept editing"
    );
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Char('y')));
    assert!(app.popups.is_empty());
    // An empty form closes without asking.
    app.press(key(KeyCode::Char('c')));
    app.press(key(KeyCode::Esc));
    assert!(app.popups.is_empty());
}

#[test]
fn paste_arrives_whole_in_the_focused_field() {
    let mut app = empty_app();
    app.press(key(KeyCode::Char('c')));
    type_text(&mut app, "Siân");
    app.press(key(KeyCode::Tab));
    app.update(Action::Paste("line one\nline two — ŵ".into()));
    let Some(Popup::Form(_, form)) = app.popups.last() else {
        panic!("a form")
    };
    assert_eq!(form.text(QuickField::Text), "line one\nline two — ŵ");
}

#[test]
fn intake_records_both_people_of_an_indirect_query() {
    let mut app = seeded();
    app.press(key(KeyCode::Char('n')));
    type_text(&mut app, "Siân");
    app.press(key(KeyCode::Tab));
    app.press(key(KeyCode::Right)); // indirect query
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "Gareth Jones");
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "Damp in the flat");
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "h"); // housing
    app.press(key(KeyCode::Tab));
    app.press(key(KeyCode::Tab)); // the date contacted: today
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "Heol y Nant");
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "cf105bf");
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    let Screen::Case(view) = &app.screen else {
        panic!("the new case opens")
    };
    let case = view.case.as_ref().expect("loaded");
    assert_eq!(case.kind, CaseKind::IndirectQuery);
    assert_eq!(case.category, "housing");
    assert_eq!(case.postcode.as_deref(), Some("CF10 5BF"));
    let roles: Vec<(Role, String)> = view
        .people
        .iter()
        .map(|(r, c)| (*r, c.name.clone()))
        .collect();
    assert_eq!(
        roles,
        vec![
            (Role::Constituent, "Siân Davies".to_string()),
            (Role::OnBehalfOf, "Gareth Jones".to_string())
        ]
    );
}

#[test]
fn intake_field_for_the_other_person_shows_only_for_indirect_queries() {
    let mut app = empty_app();
    app.press(key(KeyCode::Char('n')));
    let hidden = |app: &App| match app.popups.last() {
        Some(Popup::Form(_, f)) => {
            casebook::app::record::field(f, IntakeField::OnBehalfOf).is_none_or(|x| x.hidden)
        }
        _ => panic!("a form"),
    };
    assert!(hidden(&app));
    app.press(key(KeyCode::Tab));
    app.press(key(KeyCode::Right));
    assert!(!hidden(&app));
}

#[test]
fn the_case_screen_changes_status_and_closing_asks_for_the_outcome() {
    let mut app = seeded();
    app.press(key(KeyCode::Char('2')));
    assert!(matches!(app.screen, Screen::Cases(_)));
    app.press(key(KeyCode::Enter));
    let Screen::Case(_) = &app.screen else {
        panic!("case opened")
    };
    app.press(key(KeyCode::Char('s')));
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Enter));
    let id = match &app.screen {
        Screen::Case(v) => v.id,
        _ => panic!("still on the case"),
    };
    assert_eq!(
        app.store.case(id).expect("case").status,
        CaseStatus::WaitingCouncil
    );
    app.press(key(KeyCode::Char('x')));
    let Some(Popup::Form(FormKind::CloseCase(_), form)) = app.popups.last() else {
        panic!("outcome asked")
    };
    assert_eq!(
        form.choice(CloseField::Outcome),
        Some(casebook::domain::Outcome::Resolved)
    );
    app.press(key(KeyCode::Enter));
    let case = app.store.case(id).expect("case");
    assert_eq!(case.status, CaseStatus::Closed);
    assert_eq!(case.closed, Some(now().date()));
    // Esc goes back to the list.
    app.press(key(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::Cases(_)));
}

#[test]
fn logging_on_a_case_fills_in_case_and_constituent() {
    let mut app = seeded();
    app.press(key(KeyCode::Char('2')));
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char('e')));
    type_text(&mut app, "Met at the site");
    app.press(key(KeyCode::Enter));
    let e = entries(&app);
    assert_eq!(e[0].0, "Dai Morgan");
    assert!(e[0].2.is_some(), "filed on the case");
    let Screen::Case(v) = &app.screen else {
        panic!("case")
    };
    assert_eq!(v.entries.len(), 1, "the timeline shows it");
}

#[test]
fn confidential_entries_stay_masked_until_revealed() {
    let mut app = seeded();
    app.press(key(KeyCode::Char('2')));
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char('r')));
    let Screen::Case(v) = &app.screen else {
        panic!("case")
    };
    assert!(v.revealed);
}

#[test]
fn search_finds_as_you_type_and_opens_the_hit() {
    let mut app = seeded();
    app.press(key(KeyCode::Char('/')));
    type_text(&mut app, "fly");
    let Some(Popup::Search(p)) = app.popups.last() else {
        panic!("search")
    };
    assert!(!p.hits.is_empty());
    app.press(key(KeyCode::Enter));
    assert!(matches!(app.screen, Screen::Case(_)));
}

#[test]
fn privacy_blanks_at_once_and_any_key_brings_it_back() {
    let mut app = empty_app();
    app.press(key(KeyCode::Char('c')));
    app.press(ctrl('p'));
    assert!(app.privacy);
    app.press(key(KeyCode::Char('x')));
    assert!(!app.privacy);
    // The key that woke it was swallowed, not typed into the form.
    let Some(Popup::Form(_, form)) = app.popups.last() else {
        panic!("form still there")
    };
    assert_eq!(form.text(QuickField::Who), "");
}

#[test]
fn q_quits_only_from_home_and_help_lists_live_keys() {
    let mut app = empty_app();
    app.press(key(KeyCode::Char('3')));
    app.press(key(KeyCode::Char('q')));
    assert!(!app.quit);
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Char('?')));
    assert!(matches!(app.popups.last(), Some(Popup::Help)));
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Char('q')));
    assert!(app.quit);
}

#[test]
fn rebinding_a_key_changes_behaviour_and_the_footer() {
    let config = Config {
        keys: BTreeMap::from([("log_call".to_string(), "ctrl-l".to_string())]),
        ..Config::default()
    };
    let mut app = app_with(Store::open_in_memory().expect("store"), config);
    app.press(key(KeyCode::Char('c')));
    assert!(app.popups.is_empty(), "c no longer logs a call");
    app.press(ctrl('l'));
    assert!(matches!(app.popups.last(), Some(Popup::Form(..))));
    app.press(key(KeyCode::Esc));
    assert!(
        app.footer_hints()
            .iter()
            .any(|h| h.keys == "Ctrl-l" && h.what == "log a call"),
        "{:?}",
        app.footer_hints()
    );
}

#[test]
fn a_bad_binding_is_reported_once_and_skipped() {
    let config = Config {
        keys: BTreeMap::from([("fly_away".to_string(), "z".to_string())]),
        ..Config::default()
    };
    let mut app = app_with(Store::open_in_memory().expect("store"), config);
    assert_eq!(app.popups.last(), Some(&Popup::KeyProblems));
    assert_eq!(
        app.keymap.problems,
        vec![casebook::app::keymap::KeyProblem::NotAnAction {
            from: casebook::app::keymap::KeySource::Config,
            name: "fly_away".into()
        }]
    );
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty());
    app.press(key(KeyCode::Char('c')));
    assert!(
        matches!(app.popups.last(), Some(Popup::Form(..))),
        "defaults still work"
    );
}

#[test]
fn key_release_events_are_ignored() {
    let app = empty_app();
    let mut k = key(KeyCode::Char('c'));
    k.kind = ratatui::crossterm::event::KeyEventKind::Release;
    assert_eq!(app.on_key(k), None);
}

#[test]
fn a_write_from_elsewhere_shows_without_restart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("diary.db");
    let store = Store::open(&path).expect("store");
    let mut app = app_with(store, Config::default());
    assert!(!app.check_for_changes());
    let mut other = Store::open(&path).expect("second connection");
    other
        .log(&LogRequest {
            who: Who::Named("Siân Davies".into()),
            case: None,
            kind: EntryKind::CallIn,
            at: now(),
            text: "from the shell".into(),
            follow_up: None,
            confidential: false,
            surgery: None,
        })
        .expect("logged");
    assert!(app.check_for_changes());
    assert_eq!(app.home.latest.len(), 1);
}

#[test]
fn lists_page_from_the_store() {
    let mut s = Store::open_in_memory().expect("store");
    let cats = Config::default().categories();
    let day = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
    s.write(|_| Ok(())).expect("write");
    for i in 0..250 {
        s.add_case(&Case::new(format!("Case {i}"), day), &[], &cats)
            .expect("case");
    }
    let mut app = app_with(s, Config::default());
    app.press(key(KeyCode::Char('2')));
    let Screen::Cases(v) = &app.screen else {
        panic!("cases")
    };
    assert_eq!(v.rows.len(), 100, "one page");
    for _ in 0..120 {
        app.press(key(KeyCode::Char('j')));
    }
    let Screen::Cases(v) = &app.screen else {
        panic!("cases")
    };
    assert_eq!(v.selected, 120);
    assert_eq!(v.rows.len(), 200, "a second page, not everything");
}

#[test]
fn a_store_error_is_a_message_and_the_ui_carries_on() {
    let mut app = empty_app();
    app.fail(casebook::Error::System(
        casebook::error::Msg::new("error-db-disk-full").text("path", "diary.db"),
    ));
    assert!(matches!(
        app.popups.last(),
        Some(Popup::Message { error: true, .. })
    ));
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Char('c')));
    assert!(matches!(app.popups.last(), Some(Popup::Form(..))));
}

/// A real store error, driven through `update`: another program breaks the
/// diary under the app, the save fails, the error shows over the form, and
/// the form keeps what was typed.
#[test]
fn a_failed_save_shows_the_store_error_over_the_form_it_keeps() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("diary.db");
    let store = Store::open(&path).expect("store");
    let mut app = app_with(store, Config::default());
    app.press(key(KeyCode::Char('c')));
    type_text(&mut app, "Siân Davies");
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "Bins not collected");
    let other = rusqlite::Connection::open(&path).expect("another program");
    other
        .execute_batch("DROP TABLE entries")
        .expect("the diary broken");
    app.press(key(KeyCode::Enter));
    let Some(Popup::Message { body, error, .. }) = app.popups.last() else {
        panic!("an error message: {:?}", app.popups.last())
    };
    assert!(*error, "{body}");
    assert!(body.contains("entries"), "{body}");
    app.press(key(KeyCode::Esc));
    let Some(Popup::Form(_, form)) = app.popups.last() else {
        panic!("the form stays: {:?}", app.popups.last())
    };
    assert_eq!(form.text(QuickField::Text), "Bins not collected");
}

#[test]
fn home_marks_a_follow_up_done_and_opens_what_is_selected() {
    let mut app = seeded();
    app.press(key(KeyCode::Char('c')));
    type_text(&mut app, "Dai");
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "Wants a call back");
    for _ in 0..3 {
        app.press(key(KeyCode::Tab));
    }
    type_text(&mut app, "today");
    app.press(key(KeyCode::Enter));
    assert_eq!(app.home.follow_ups.len(), 1);
    app.press(key(KeyCode::Char('d')));
    assert!(app.home.follow_ups.is_empty(), "done, gone from the list");
    // Tab to the open cases panel; Enter lists the cases of that status.
    app.press(key(KeyCode::Tab));
    app.press(key(KeyCode::Enter));
    let Screen::Cases(v) = &app.screen else {
        panic!("cases")
    };
    assert_eq!(v.filter.status, Some(CaseStatus::Open));
    assert_eq!(v.rows.len(), 1);
}

/// Not a check, a measurement: `cargo test --release --test app -- --ignored --nocapture measure`.
#[test]
#[ignore]
fn measure_the_case_list_at_100k_cases() {
    let mut s = Store::open_in_memory().expect("store");
    let cats = Config::default().categories();
    let start = std::time::Instant::now();
    for i in 0..100_000u32 {
        let d = day_of(i);
        s.add_case(&Case::new(format!("Case number {i}"), d), &[], &cats)
            .expect("case");
    }
    for i in 0..10_000u32 {
        s.add_contact(&Contact::named(format!("Siân Person{i}")))
            .expect("contact");
    }
    eprintln!("seeded 100k cases, 10k contacts in {:?}", start.elapsed());
    let mut app = app_with(s, Config::default());
    let t = std::time::Instant::now();
    app.press(key(KeyCode::Char('2')));
    eprintln!("open the case list: {:?}", t.elapsed());
    let t = std::time::Instant::now();
    for _ in 0..1000 {
        app.press(key(KeyCode::Char('j')));
    }
    eprintln!("1000 moves down (10 pages fetched): {:?}", t.elapsed());
    let t = std::time::Instant::now();
    app.press(key(KeyCode::Char('s')));
    eprintln!("filter by status: {:?}", t.elapsed());
    let t = std::time::Instant::now();
    app.press(key(KeyCode::Char('c')));
    type_text(&mut app, "sian");
    eprintln!("quick log open + 4 letters: {:?}", t.elapsed());
}

fn day_of(i: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 1).expect("date") + chrono::Duration::days(i64::from(i % 2000))
}

#[test]
fn the_list_scrolls_only_when_the_cursor_leaves_the_window() {
    let mut s = Store::open_in_memory().expect("store");
    let cats = Config::default().categories();
    for i in 0..60 {
        s.add_case(&Case::new(format!("Case {i}"), day_of(i)), &[], &cats)
            .expect("case");
    }
    let mut app = app_with(s, Config::default());
    app.update(Action::Resize(80, 24)); // 16 case rows in view
    app.press(key(KeyCode::Char('2')));
    for _ in 0..20 {
        app.press(key(KeyCode::Char('j')));
    }
    let Screen::Cases(v) = &app.screen else {
        panic!("cases")
    };
    assert_eq!((v.selected, v.offset), (20, 5));
    app.press(key(KeyCode::Char('k')));
    let Screen::Cases(v) = &app.screen else {
        panic!("cases")
    };
    assert_eq!(
        (v.selected, v.offset),
        (19, 5),
        "moving up inside the window does not scroll"
    );
}

#[test]
fn a_call_logged_from_a_contact_page_is_with_them() {
    let mut app = seeded();
    app.press(key(KeyCode::Char('3')));
    app.press(key(KeyCode::Enter)); // Dai Morgan, first by name
    let Screen::Contact(v) = &app.screen else {
        panic!("contact page")
    };
    assert_eq!(
        v.contact.as_ref().map(|c| c.name.as_str()),
        Some("Dai Morgan")
    );
    app.press(key(KeyCode::Char('c')));
    type_text(&mut app, "Rang about the van");
    app.press(key(KeyCode::Enter));
    assert!(
        app.popups.is_empty(),
        "on {:?}",
        std::mem::discriminant(&app.screen)
    );
    assert_eq!(entries(&app)[0].0, "Dai Morgan");
}

#[test]
fn the_default_keys_do_not_clash_but_a_user_clash_is_reported() {
    assert!(
        empty_app().popups.is_empty(),
        "no problems with the defaults"
    );
    let config = Config {
        keys: BTreeMap::from([("log_call".to_string(), "q".to_string())]),
        ..Config::default()
    };
    let app = app_with(Store::open_in_memory().expect("store"), config);
    assert_eq!(app.popups.last(), Some(&Popup::KeyProblems));
    assert!(
        app.keymap
            .problems
            .contains(&casebook::app::keymap::KeyProblem::Clash {
                key: "q".into(),
                first: casebook::app::Action::Quit,
                second: casebook::app::Action::LogCall,
            }),
        "{:?}",
        app.keymap.problems
    );
    let mut t =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).expect("terminal");
    t.draw(|f| casebook::ui::render(&app, f)).expect("drawn");
    let shown = t.backend().to_string();
    assert!(
        shown.contains("`q` is bound to both quit and log_call"),
        "{shown}"
    );
}

#[test]
fn home_shows_a_cluster_and_enter_opens_its_cases() {
    let mut s = Store::open_in_memory().expect("store");
    let cats = Config::default().categories();
    // Three missed-bin cases on one estate within weeks, the place typed
    // three ways; and one on another estate, which is not part of it.
    for (day, place) in [
        (10, "Maes y Coed"),
        (20, "maes  y coed"),
        (28, "MAES Y COED"),
        (25, "Heol Fawr"),
    ] {
        let mut c = Case::new(
            "Bins not emptied",
            NaiveDate::from_ymd_opt(2026, 2, day).expect("date"),
        );
        c.category = "waste".into();
        c.location = Some(place.into());
        s.add_case(&c, &[], &cats).expect("case");
    }
    let mut app = app_with(s, Config::default());
    assert_eq!(app.home.alerts.len(), 1, "{:?}", app.home.alerts);
    assert_eq!(app.home.alerts[0].area, "maes y coed");
    assert_eq!(app.home.alerts[0].place, "Maes y Coed", "shown as typed");
    // Tab to the bigger picture panel (follow-ups → open → latest → alerts), Enter.
    for _ in 0..3 {
        app.update(Action::NextPanel);
    }
    app.update(Action::Open);
    match &app.screen {
        Screen::Cases(v) => {
            assert_eq!(v.filter.area.as_deref(), Some("maes y coed"));
            assert_eq!(v.area_label.as_deref(), Some("Maes y Coed"));
            assert_eq!(v.rows.len(), 3, "only the cluster's cases");
        }
        other => panic!("expected the case list, got {other:?}"),
    }
}

#[test]
fn calls_and_cases_taken_during_a_surgery_belong_to_it() {
    let mut s = Store::open_in_memory().expect("store");
    let started = now() - chrono::Duration::minutes(30);
    let surgery = s
        .start_surgery("Neuadd y Pentref", started)
        .expect("surgery");
    let mut app = app_with(s, Config::default());
    app.press(key(KeyCode::Char('c')));
    type_text(&mut app, "Gwenllïan Hughes");
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "Came to the surgery about damp in her flat");
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "saved: {:?}", app.popups);
    let latest = app.store.latest_entries(1).expect("entries");
    assert_eq!(latest[0].0.surgery, Some(surgery.id));
}

// ---- reminders, referrals, surgeries, the directory and the review ----

use casebook::app::forms::FormKind;
use casebook::app::{CaseView, DueItem, PeriodKind};
use casebook::domain::workdays::add_working_days;
use casebook::domain::{ContactKind, FollowUp, Id, Outcome};
use casebook::report::review::Period;

fn today() -> NaiveDate {
    now().date()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

/// A store with a housing officer in the directory and one open case whose
/// constituent gave `consent` to share.
fn referral_store(consent: Option<bool>) -> (Store, Id<Case>) {
    let mut s = Store::open_in_memory().expect("store");
    let cats = Config::default().categories();
    let mut officer = Contact::named("Rhian Hughes");
    officer.kind = Some(ContactKind::Officer);
    officer.department = Some("Housing".into());
    officer.role = Some("Tenancy officer".into());
    s.add_officer(
        &officer,
        "damp, mould, repairs to council homes",
        &["housing".into()],
    )
    .expect("officer");
    let mut waste = Contact::named("Gareth Lewis");
    waste.kind = Some(ContactKind::Officer);
    waste.department = Some("Waste".into());
    s.add_officer(
        &waste,
        "fly-tipping, missed bins, bulky waste",
        &["waste".into()],
    )
    .expect("officer");
    let sian = s
        .add_contact(&Contact::named("Siân Davies"))
        .expect("contact");
    let mut case = Case::new("Damp in the bedroom", d(2026, 2, 10));
    case.category = "housing".into();
    case.consent_to_share = consent;
    let case = s
        .add_case(&case, &[(sian.id, Role::Constituent)], &cats)
        .expect("case");
    (s, case.id)
}

fn follow_up(s: &mut Store, case: Option<Id<Case>>, due: NaiveDate, what: &str) -> Id<FollowUp> {
    s.add_follow_up(&FollowUp {
        case,
        contact: None,
        entry: None,
        due_on: due,
        what: what.into(),
        done_on: None,
    })
    .expect("follow-up")
    .id
}

fn open_case(app: &mut App, id: Id<Case>) {
    app.go(Screen::Case(Box::new(CaseView::new(id))), false);
}

#[test]
fn home_due_panel_lists_late_replies_and_cases_to_update_and_opens_them() {
    let (mut s, case) = referral_store(Some(true));
    let officer = s.referral_targets_named("Rhian Hughes").expect("found")[0].id;
    // Referred a month ago: the reply (10 working days) is late.
    let outcome = s
        .refer(
            &casebook::store::NewReferral {
                case,
                to: officer,
                at: now() - chrono::Duration::days(30),
                council_ref: Some("HSG-1".into()),
                instruction: casebook::domain::Instruction::ReplyCopyMe,
                note: None,
                constituent_copied: false,
                reply_days: 10,
            },
            false,
        )
        .expect("referred");
    assert!(matches!(
        outcome,
        casebook::store::ReferOutcome::Referred(_)
    ));
    follow_up(&mut s, Some(case), today(), "Ring Siân back");
    let mut app = app_with(s, Config::default());
    assert_eq!(app.home.follow_ups.len(), 1);
    assert_eq!(app.home.late_referrals.len(), 1);
    assert_eq!(
        app.home.late_referrals[0].council_ref.as_deref(),
        Some("HSG-1")
    );
    // Opened 10 Feb, never a call out to Siân: she needs an update.
    assert_eq!(app.home.needs_update.len(), 1);
    // The sections run on: the second line is the late reply.
    app.press(key(KeyCode::Char('j')));
    assert!(matches!(
        app.home.due_item(),
        Some(DueItem::LateReferral(_))
    ));
    // d does nothing to a late reply.
    app.press(key(KeyCode::Char('d')));
    assert_eq!(app.home.late_referrals.len(), 1);
    app.press(key(KeyCode::Enter));
    let Screen::Case(v) = &app.screen else {
        panic!("the case")
    };
    assert_eq!(v.id, case);
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Char('j')));
    assert!(matches!(app.home.due_item(), Some(DueItem::NeedsUpdate(_))));
    app.press(key(KeyCode::Enter));
    assert!(matches!(&app.screen, Screen::Case(v) if v.id == case));
}

fn agenda_app() -> (App, [Id<FollowUp>; 4]) {
    let (mut s, case) = referral_store(Some(true));
    let ids = [
        follow_up(
            &mut s,
            Some(case),
            d(2026, 2, 27),
            "Chase the housing office",
        ),
        follow_up(&mut s, Some(case), today(), "Ring Siân back"),
        follow_up(&mut s, None, d(2026, 3, 5), "Unfiled reminder"),
        follow_up(&mut s, Some(case), d(2026, 4, 20), "Check the repair held"),
    ];
    let mut app = app_with(s, Config::default());
    app.press(key(KeyCode::Char('4')));
    (app, ids)
}

fn agenda_ids(app: &App) -> Vec<Id<FollowUp>> {
    let Screen::Agenda(v) = &app.screen else {
        panic!("the agenda")
    };
    v.items().map(|f| f.id).collect()
}

#[test]
fn agenda_groups_follow_ups_and_marks_one_done() {
    let (mut app, ids) = agenda_app();
    let Screen::Agenda(v) = &app.screen else {
        panic!("the agenda")
    };
    let a = v.agenda.as_ref().expect("loaded");
    assert_eq!(
        (
            a.overdue.total,
            a.due_today.total,
            a.this_week.total,
            a.later.total
        ),
        (1, 1, 1, 1)
    );
    assert_eq!(
        agenda_ids(&app),
        ids.to_vec(),
        "overdue, today, this week, later"
    );
    app.press(key(KeyCode::Char('j')));
    app.press(key(KeyCode::Char('d')));
    assert_eq!(
        app.store.follow_up(ids[1]).expect("f").done_on,
        Some(today())
    );
    assert_eq!(agenda_ids(&app), vec![ids[0], ids[2], ids[3]]);
    assert_eq!(
        app.status.as_deref(),
        Some("Follow-up marked done. u undoes it.")
    );
    // Pressed by mistake: u brings it back, once.
    app.press(key(KeyCode::Char('u')));
    assert_eq!(app.store.follow_up(ids[1]).expect("f").done_on, None);
    assert_eq!(agenda_ids(&app), ids.to_vec());
    app.press(key(KeyCode::Char('u')));
    assert_eq!(app.status.as_deref(), Some("Nothing to undo."));
}

#[test]
fn agenda_snoozes_a_day_or_a_week_and_reschedules_with_a_date_form() {
    let (mut app, ids) = agenda_app();
    // The overdue one, snoozed a day: from today, not from its old date.
    app.press(key(KeyCode::Char('z')));
    assert_eq!(
        app.store.follow_up(ids[0]).expect("f").due_on,
        d(2026, 3, 3)
    );
    // The list is regrouped; the cursor stays on the first line.
    assert_eq!(agenda_ids(&app)[0], ids[1]);
    app.press(key(KeyCode::Char('w')));
    assert_eq!(
        app.store.follow_up(ids[1]).expect("f").due_on,
        d(2026, 3, 9)
    );
    // m asks for a date; a bad one is refused beside the field.
    app.press(key(KeyCode::Char('m')));
    assert!(matches!(
        app.popups.last(),
        Some(Popup::Form(FormKind::Reschedule(_), _))
    ));
    let first = agenda_ids(&app)[0];
    type_text(&mut app, "31/02/2026");
    app.press(key(KeyCode::Enter));
    assert!(
        matches!(app.popups.last(), Some(Popup::Form(..))),
        "refused"
    );
    for _ in 0..10 {
        app.press(key(KeyCode::Backspace));
    }
    type_text(&mut app, "fri");
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    assert_eq!(app.store.follow_up(first).expect("f").due_on, d(2026, 3, 6));
    // Enter opens the case of a follow-up (the first is unfiled, with
    // nobody named: nothing to open).
    app.press(key(KeyCode::Char('g')));
    app.press(key(KeyCode::Enter));
    assert!(matches!(app.screen, Screen::Agenda(_)));
    app.press(key(KeyCode::Char('j')));
    app.press(key(KeyCode::Enter));
    assert!(matches!(app.screen, Screen::Case(_)));
}

#[test]
fn a_referral_with_consent_is_made_at_once_with_the_due_date_in_working_days() {
    let (s, case) = referral_store(Some(true));
    let mut app = app_with(s, Config::default());
    open_case(&mut app, case);
    app.press(key(KeyCode::Char('R')));
    type_text(&mut app, "rhian");
    {
        let Some(Popup::Form(FormKind::Refer(_), form)) = app.popups.last() else {
            panic!("the referral form")
        };
        let Some(Input::Who { matches, .. }) = form.input(ReferField::To) else {
            panic!("a name field")
        };
        assert_eq!(matches.len(), 1, "only officers: {matches:?}");
        assert_eq!(matches[0].name, "Rhian Hughes");
        // The reply time shows the date it makes: 10 working days.
        let due = add_working_days(today(), 10);
        assert_eq!(due, d(2026, 3, 16));
        assert!(
            form.choice::<u32, _>(ReferField::Days) == Some(10),
            "default from the config"
        );
    }
    app.press(key(KeyCode::Tab)); // take Rhian, on to the instruction
    app.press(key(KeyCode::Right)); // reply through me
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "HSG-204");
    app.press(key(KeyCode::Tab));
    {
        let Some(Popup::Form(_, form)) = app.popups.last() else {
            panic!("the referral form")
        };
        // Nothing confidential on the case: copied in unless changed.
        assert_eq!(form.choice::<bool, _>(ReferField::Copied), Some(true));
    }
    app.press(key(KeyCode::Tab));
    app.press(key(KeyCode::Right)); // 11 working days
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    let refs = app.store.referrals_of_case(case).expect("referrals");
    assert_eq!(refs.len(), 1);
    let r = &refs[0];
    assert_eq!(r.council_ref.as_deref(), Some("HSG-204"));
    assert_eq!(r.instruction, casebook::domain::Instruction::ReplyThroughMe);
    assert!(r.constituent_copied);
    assert_eq!(r.due_on, add_working_days(today(), 11));
    assert_eq!(
        app.store.case(case).expect("case").status,
        CaseStatus::WaitingCouncil
    );
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("referred to Rhian Hughes"), "{status}");
    // The case page shows it.
    let Screen::Case(v) = &app.screen else {
        panic!("case")
    };
    assert_eq!(v.referrals.len(), 1);
}

#[test]
fn a_referral_without_consent_asks_first_and_refers_only_on_y() {
    let (s, case) = referral_store(None);
    let mut app = app_with(s, Config::default());
    open_case(&mut app, case);
    app.press(key(KeyCode::Char('R')));
    type_text(&mut app, "fly-tipping"); // found by what they handle
    app.press(key(KeyCode::Enter));
    let Some(Popup::Confirm { question, .. }) = app.popups.last() else {
        panic!("a question: {:?}", app.popups)
    };
    assert!(question.contains("has not been asked"), "{question}");
    // n: back to the form, nothing saved.
    app.press(key(KeyCode::Char('n')));
    assert!(matches!(
        app.popups.last(),
        Some(Popup::Form(FormKind::Refer(_), _))
    ));
    assert!(app.store.referrals_of_case(case).expect("r").is_empty());
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char('y')));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    let refs = app.store.referrals_of_case(case).expect("r");
    assert_eq!(refs.len(), 1);
    let to = app.store.contact(refs[0].to).expect("officer");
    assert_eq!(to.name, "Gareth Lewis");
}

#[test]
fn a_referral_to_a_constituent_is_refused_beside_the_field() {
    let (s, case) = referral_store(Some(true));
    let mut app = app_with(s, Config::default());
    open_case(&mut app, case);
    app.press(key(KeyCode::Char('R')));
    type_text(&mut app, "Siân Davies");
    app.press(key(KeyCode::Enter));
    let Some(Popup::Form(_, form)) = app.popups.last() else {
        panic!("the form stays")
    };
    assert!(
        form.field(ReferField::To)
            .is_some_and(|f| f.error.is_some())
    );
    assert!(app.store.referrals_of_case(case).expect("r").is_empty());
}

#[test]
fn a_reply_is_recorded_from_the_case_screen() {
    let (s, case) = referral_store(Some(true));
    let mut app = app_with(s, Config::default());
    open_case(&mut app, case);
    // Nothing awaited yet.
    app.press(key(KeyCode::Char('a')));
    assert!(app.popups.is_empty());
    assert!(app.status.as_deref().unwrap_or("").contains("No referral"));
    for officer in ["rhian", "gareth"] {
        app.press(key(KeyCode::Char('R')));
        type_text(&mut app, officer);
        app.press(key(KeyCode::Enter));
        assert!(app.popups.is_empty(), "{:?}", app.popups);
    }
    // Two awaited: choose which replied.
    app.press(key(KeyCode::Char('a')));
    let Some(Popup::Choose { options, .. }) = app.popups.last() else {
        panic!("a choice: {:?}", app.popups)
    };
    assert_eq!(options.len(), 2);
    assert!(options[1].1.contains("Gareth Lewis"));
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Enter));
    assert!(matches!(
        app.popups.last(),
        Some(Popup::Form(FormKind::Reply(_), _))
    ));
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "Crew booked for Thursday");
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    let awaited = app.store.awaiting_referrals(case).expect("awaited");
    assert_eq!(awaited.len(), 1, "Rhian's is still awaited");
    let gareth = app
        .store
        .referrals_of_case(case)
        .expect("r")
        .into_iter()
        .find(|r| r.reply.is_some())
        .expect("replied");
    assert_eq!(gareth.reply.as_deref(), Some("Crew booked for Thursday"));
    assert_eq!(gareth.reply_on, Some(today()));
    // Still waiting on the other: the case stays waiting.
    assert_eq!(
        app.store.case(case).expect("case").status,
        CaseStatus::WaitingCouncil
    );
}

#[test]
fn a_surgery_starts_and_ends_from_anywhere_and_shows_its_summary() {
    let mut app = seeded();
    app.press(key(KeyCode::Char('2')));
    app.press(key(KeyCode::Char('S')));
    assert!(matches!(
        app.popups.last(),
        Some(Popup::Form(FormKind::StartSurgery, _))
    ));
    type_text(&mut app, "Neuadd y Pentref");
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    assert_eq!(
        app.surgery.as_ref().map(|s| s.venue.as_str()),
        Some("Neuadd y Pentref")
    );
    // A call taken now belongs to it.
    app.press(key(KeyCode::Char('c')));
    type_text(&mut app, "Gwenllïan Hughes");
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "Came about damp");
    app.press(key(KeyCode::Enter));
    // S again asks to end it; n keeps it running.
    app.press(key(KeyCode::Char('S')));
    app.press(key(KeyCode::Char('n')));
    assert!(app.surgery.is_some());
    app.press(key(KeyCode::Char('S')));
    app.press(key(KeyCode::Char('y')));
    assert!(app.surgery.is_none());
    assert!(app.store.current_surgery().expect("q").is_none());
    let Some(Popup::Message { body, error, .. }) = app.popups.last() else {
        panic!("the summary: {:?}", app.popups)
    };
    assert!(!error);
    assert!(body.contains("People seen: 1 (Gwenllïan Hughes)"), "{body}");
    assert!(body.contains("Diary entries: 1"), "{body}");
}

#[test]
fn the_directory_answers_who_handles_what_as_you_type() {
    let (s, _) = referral_store(Some(true));
    let mut app = app_with(s, Config::default());
    app.press(key(KeyCode::Char('5')));
    let names = |app: &App| -> Vec<String> {
        let Screen::Directory(v) = &app.screen else {
            panic!("the directory")
        };
        v.results.iter().map(|(_, c)| c.name.clone()).collect()
    };
    assert_eq!(names(&app).len(), 2, "everyone before typing");
    // Keys go to the question: "c" and "q" are letters here.
    type_text(&mut app, "who do I speak to about mould");
    assert!(app.popups.is_empty() && !app.quit);
    assert_eq!(names(&app), vec!["Rhian Hughes".to_string()]);
    assert_eq!(
        app.store
            .who_handles("who do I speak to about mould", 200)
            .expect("q")
            .len(),
        1
    );
    for _ in 0.."mould".len() {
        app.press(key(KeyCode::Backspace));
    }
    type_text(&mut app, "fly");
    assert_eq!(names(&app), vec!["Gareth Lewis".to_string()]);
    // Esc stops typing; Enter opens the officer; / types again.
    app.press(key(KeyCode::Esc));
    assert!(matches!(&app.screen, Screen::Directory(v) if !v.typing));
    app.press(key(KeyCode::Char('/')));
    assert!(matches!(&app.screen, Screen::Directory(v) if v.typing));
    app.press(key(KeyCode::Enter));
    let Screen::Contact(v) = &app.screen else {
        panic!("the officer's page")
    };
    assert_eq!(
        v.contact.as_ref().map(|c| c.name.as_str()),
        Some("Gareth Lewis")
    );
}

fn review_store() -> Store {
    let mut s = Store::open_in_memory().expect("store");
    let cats = Config::default().categories();
    let mut young = Contact::named("Ffion Jones");
    young.age_band = Some(casebook::domain::AgeBand::From18To29);
    let young = s.add_contact(&young).expect("contact");
    let older = s
        .add_contact(&Contact::named("Huw Evans"))
        .expect("contact");
    for (opened, closed, who, cat) in [
        (d(2025, 3, 4), Some(d(2025, 4, 1)), young.id, "housing"),
        (d(2025, 11, 20), None, older.id, "waste"),
        (d(2026, 1, 12), Some(d(2026, 2, 2)), older.id, "waste"),
        (d(2026, 2, 1), None, young.id, "highways"),
    ] {
        let mut c = Case::new("A case", opened);
        c.category = cat.into();
        let c = s
            .add_case(&c, &[(who, Role::Constituent)], &cats)
            .expect("case");
        if let Some(on) = closed {
            s.close_case(c.id, Outcome::Resolved, on).expect("closed");
        }
    }
    s
}

fn review_view(app: &App) -> &casebook::app::ReviewView {
    let Screen::Review(v) = &app.screen else {
        panic!("the review")
    };
    v
}

#[test]
fn the_review_steps_periods_and_shows_the_store_figures() {
    let mut app = app_with(review_store(), Config::default());
    app.press(key(KeyCode::Char('6')));
    let year = Period::year(2026, 1).expect("period");
    let v = review_view(&app);
    assert_eq!(v.period, year);
    assert_eq!(v.kind, PeriodKind::Calendar);
    let shown = v.review.as_deref().expect("computed on open");
    assert_eq!(*shown, app.store.review(&year).expect("review"));
    assert_eq!(shown.headline.cases_opened, 2);
    assert_eq!(shown.previous.cases_opened, 2);
    // ← the year before.
    app.press(key(KeyCode::Left));
    let before = Period::year(2025, 1).expect("period");
    let v = review_view(&app);
    assert_eq!(v.period, before);
    assert_eq!(
        v.review.as_deref(),
        Some(&app.store.review(&before).expect("review"))
    );
    assert_eq!(v.review.as_ref().map(|r| r.headline.under_30), Some(1));
    app.press(key(KeyCode::Right));
    app.press(key(KeyCode::Right));
    assert_eq!(review_view(&app).period, Period::year(2027, 1).expect("p"));
    app.press(key(KeyCode::Left));
    // p: the municipal year (May, as the config keeps calendar years).
    app.press(key(KeyCode::Char('p')));
    let municipal = Period::year(2025, 5).expect("period");
    let v = review_view(&app);
    assert_eq!(v.kind, PeriodKind::Municipal(5));
    assert_eq!(v.period, municipal);
    assert_eq!(
        v.review.as_deref(),
        Some(&app.store.review(&municipal).expect("review"))
    );
}

#[test]
fn the_review_takes_a_custom_range_and_steps_it_by_its_length() {
    let mut app = app_with(review_store(), Config::default());
    app.press(key(KeyCode::Char('6')));
    app.press(key(KeyCode::Char('f')));
    let Some(Popup::Form(FormKind::ReviewRange, form)) = app.popups.last() else {
        panic!("the range form")
    };
    assert_eq!(form.text(RangeField::From), "2026-01-01");
    // Clear both and type a range the wrong way round first.
    for _ in 0..10 {
        app.press(key(KeyCode::Backspace));
    }
    type_text(&mut app, "01/02/2026");
    app.press(key(KeyCode::Tab));
    for _ in 0..10 {
        app.press(key(KeyCode::Backspace));
    }
    type_text(&mut app, "2026-01-15");
    app.press(key(KeyCode::Enter));
    assert!(
        matches!(app.popups.last(), Some(Popup::Form(..))),
        "refused"
    );
    for _ in 0..10 {
        app.press(key(KeyCode::Backspace));
    }
    type_text(&mut app, "2026-02-28");
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    let feb = Period::custom(d(2026, 2, 1), d(2026, 2, 28)).expect("p");
    let v = review_view(&app);
    assert_eq!(v.kind, PeriodKind::Custom);
    assert_eq!(v.period, feb);
    assert_eq!(
        v.review.as_deref(),
        Some(&app.store.review(&feb).expect("review"))
    );
    app.press(key(KeyCode::Left));
    let before = Period::custom(d(2026, 1, 4), d(2026, 1, 31)).expect("p");
    assert_eq!(review_view(&app).period, before);
}

// ---- keeping the record: calls that file themselves, entries corrected
// ---- and filed afterwards, cases closed with their outcome

use casebook::app::HomePanel;

/// A store with Siân (one open case), Dai (two open cases, the newer second)
/// and Sean (none).
fn filing_app() -> (App, [Id<Case>; 3]) {
    let mut s = Store::open_in_memory().expect("store");
    let cats = Config::default().categories();
    let sian = s
        .add_contact(&Contact::named("Siân Davies"))
        .expect("contact");
    let dai = s
        .add_contact(&Contact::named("Dai Morgan"))
        .expect("contact");
    s.add_contact(&Contact::named("Sean Price"))
        .expect("contact");
    let mut ids = Vec::new();
    for (who, title, day) in [
        (sian.id, "Bins missed on Heol y Nant", 10),
        (dai.id, "Damp in the back bedroom", 12),
        (dai.id, "Streetlight out on Ffordd Las", 20),
    ] {
        let c = Case::new(title, d(2026, 2, day));
        ids.push(
            s.add_case(&c, &[(who, Role::Constituent)], &cats)
                .expect("case")
                .id,
        );
    }
    (app_with(s, Config::default()), [ids[0], ids[1], ids[2]])
}

fn case_field(app: &App) -> casebook::app::form::Pick {
    match app.popups.last() {
        Some(Popup::Form(_, f)) => match f.input(QuickField::Case) {
            Some(Input::Pick(p)) => p.clone(),
            other => panic!("the case field is a picker, got {other:?}"),
        },
        other => panic!("a form, got {other:?}"),
    }
}

#[test]
fn a_call_with_a_person_who_has_one_open_case_files_itself() {
    let (mut app, [bins, ..]) = filing_app();
    app.press(key(KeyCode::Char('c')));
    type_text(&mut app, "sian");
    app.press(key(KeyCode::Tab));
    let reference = app.store.case(bins).expect("case").data.reference;
    assert_eq!(
        case_field(&app).value(),
        Some(reference.as_str()),
        "proposed"
    );
    type_text(&mut app, "Bins missed again");
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    assert_eq!(
        entries(&app)[0],
        (
            "Siân Davies".to_string(),
            "Bins missed again".to_string(),
            Some(reference)
        )
    );
}

#[test]
fn with_several_open_cases_the_picker_lists_them_newest_first_and_guesses_none() {
    let (mut app, [_, damp, light]) = filing_app();
    app.press(key(KeyCode::Char('c')));
    type_text(&mut app, "dai");
    app.press(key(KeyCode::Tab));
    let pick = case_field(&app);
    assert_eq!(pick.value(), Some(""), "not filed until chosen");
    let refs: Vec<String> = pick.options.iter().map(|o| o.0.clone()).collect();
    let r_light = app.store.case(light).expect("case").data.reference;
    let r_damp = app.store.case(damp).expect("case").data.reference;
    assert_eq!(refs, vec![String::new(), r_light, r_damp.clone()]);
    // A few letters of a title pick the case.
    type_text(&mut app, "Rang about the damp");
    app.press(key(KeyCode::Tab)); // kind
    app.press(key(KeyCode::Tab)); // case
    type_text(&mut app, "damp");
    assert_eq!(case_field(&app).value(), Some(r_damp.as_str()));
    // Letters that fit nothing are an error beside the field, text kept.
    type_text(&mut app, "zz");
    app.press(key(KeyCode::Enter));
    let Some(Popup::Form(_, f)) = app.popups.last() else {
        panic!("the form stays open")
    };
    assert_eq!(
        f.focused_name(),
        Some(QuickField::Case),
        "the cursor went to the bad field"
    );
    assert!(
        f.field(QuickField::Case)
            .and_then(|x| x.shown_error())
            .is_some()
    );
    app.press(key(KeyCode::Backspace));
    app.press(key(KeyCode::Backspace));
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    assert_eq!(entries(&app)[0].2, Some(r_damp));
}

#[test]
fn c_on_a_case_files_the_call_on_that_case() {
    let (mut app, [_, damp, _]) = filing_app();
    open_case(&mut app, damp);
    app.press(key(KeyCode::Char('c')));
    let Some(Popup::Form(_, f)) = app.popups.last() else {
        panic!("a form")
    };
    assert_eq!(f.choice(QuickField::Kind), Some(EntryKind::CallIn));
    type_text(&mut app, "Landlord has not been");
    app.press(key(KeyCode::Enter));
    let r = app.store.case(damp).expect("case").data.reference;
    assert_eq!(
        entries(&app)[0],
        (
            "Dai Morgan".to_string(),
            "Landlord has not been".to_string(),
            Some(r)
        )
    );
}

#[test]
fn an_unfiled_call_is_filed_afterwards_from_home_and_the_change_is_audited() {
    let (mut app, [_, damp, _]) = filing_app();
    app.press(key(KeyCode::Char('c')));
    type_text(&mut app, "dai");
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "Rang: no news");
    app.press(key(KeyCode::Enter));
    assert_eq!(entries(&app)[0].2, None, "unfiled");
    // Home: Tab to the latest entries, E, pick the case, Enter.
    app.home.focus = HomePanel::Latest;
    app.press(key(KeyCode::Char('E')));
    let Some(Popup::Form(FormKind::EditEntry { id, .. }, f)) = app.popups.last() else {
        panic!("the entry form, got {:?}", app.popups)
    };
    let id = *id;
    assert_eq!(
        f.focused_name(),
        Some(EntryField::Case),
        "opened on the case"
    );
    type_text(&mut app, "damp");
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    let r = app.store.case(damp).expect("case").data.reference;
    assert_eq!(entries(&app)[0].2, Some(r.clone()));
    assert!(app.status.as_deref().is_some_and(|s| s.contains(&r)));
    let filed = app.store.entry(id).expect("entry");
    assert_eq!(filed.at, now(), "the time kept to the second");
    let uuid = filed.uuid;
    let actions: Vec<String> = app
        .store
        .audit_of(&uuid)
        .expect("audit")
        .into_iter()
        .map(|a| a.action)
        .collect();
    assert_eq!(actions, vec!["create", "update"]);
}

#[test]
fn a_new_case_is_opened_from_an_unfiled_call_and_holds_it() {
    let (mut app, _) = filing_app();
    app.press(key(KeyCode::Char('c')));
    type_text(&mut app, "dai");
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "Rang: the bus shelter glass is smashed again");
    // Who, what, kind, case: the follow-up is the fifth field.
    for _ in 0..3 {
        app.press(key(KeyCode::Tab));
    }
    type_text(&mut app, "tomorrow");
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    assert_eq!(entries(&app)[0].2, None, "unfiled");
    // Home's latest entries: N opens the new-case form from the call.
    app.home.focus = HomePanel::Latest;
    app.press(key(KeyCode::Char('N')));
    let Some(Popup::Form(FormKind::IntakeFrom(id), f)) = app.popups.last() else {
        panic!("the new-case form from the entry, got {:?}", app.popups)
    };
    let id = *id;
    assert_eq!(
        f.text(IntakeField::Title),
        "Rang: the bus shelter glass is smashed again",
        "the title is the call's first line"
    );
    assert!(
        matches!(f.who(IntakeField::Constituent), Some(Who::Known(_))),
        "the caller is the known contact, not a new one"
    );
    assert_eq!(
        f.focused_name(),
        Some(IntakeField::Category),
        "what is left to choose is the category"
    );
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    let filed = app.store.entry(id).expect("entry");
    let case = filed.case.expect("filed on the new case");
    let c = app.store.case(case).expect("case");
    assert_eq!(c.data.title, "Rang: the bus shelter glass is smashed again");
    assert_eq!(
        c.data.channel,
        casebook::domain::Channel::Phone,
        "a call: by phone"
    );
    assert_eq!(
        app.store.open_follow_up_count(case).expect("count"),
        1,
        "the call's follow-up came onto the case with it"
    );
    // Once filed, N says where it is instead of opening another case.
    app.update(Action::GotoHome);
    app.home.focus = HomePanel::Latest;
    app.press(key(KeyCode::Char('N')));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains(&c.data.reference)),
        "{:?}",
        app.status
    );
}

#[test]
fn a_new_case_is_opened_from_the_callers_page_too() {
    let (mut app, _) = filing_app();
    app.press(key(KeyCode::Char('c')));
    type_text(&mut app, "dai");
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "Rang: fly-tipping behind the chapel");
    app.press(key(KeyCode::Enter));
    // Contacts, Dai (first by name): N opens the new-case form from his
    // unfiled call, exactly as on home.
    app.press(key(KeyCode::Char('3')));
    app.press(key(KeyCode::Enter));
    let Screen::Contact(v) = &app.screen else {
        panic!("contact page")
    };
    assert_eq!(
        v.contact.as_ref().map(|c| c.name.as_str()),
        Some("Dai Morgan")
    );
    let mut t =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 40)).expect("terminal");
    t.draw(|f| casebook::ui::render(&app, f)).expect("drawn");
    let shown = t.backend().to_string();
    assert!(
        shown.contains("N new case from entry"),
        "the footer: {shown}"
    );
    app.press(key(KeyCode::Char('N')));
    let Some(Popup::Form(FormKind::IntakeFrom(id), f)) = app.popups.last() else {
        panic!("the new-case form from the entry, got {:?}", app.popups)
    };
    let id = *id;
    assert_eq!(
        f.text(IntakeField::Title),
        "Rang: fly-tipping behind the chapel"
    );
    assert!(matches!(
        f.who(IntakeField::Constituent),
        Some(Who::Known(_))
    ));
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    let case = app.store.entry(id).expect("entry").case.expect("filed");
    let c = app.store.case(case).expect("case").data;
    assert_eq!(c.title, "Rang: fly-tipping behind the chapel");
    // Filed now: N on his page opens nothing and says why.
    app.update(Action::GotoContacts);
    app.press(key(KeyCode::Enter));
    assert!(matches!(app.screen, Screen::Contact(_)));
    app.status = None;
    app.press(key(KeyCode::Char('N')));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    assert_eq!(
        app.status.as_deref(),
        Some("Every diary entry of this person is filed on a case.")
    );
}

#[test]
fn an_unfiled_call_is_filed_from_the_callers_page_too() {
    let (mut app, [_, _, light]) = filing_app();
    app.press(key(KeyCode::Char('c')));
    type_text(&mut app, "dai");
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "Rang: the light is still out");
    app.press(key(KeyCode::Enter));
    assert_eq!(entries(&app)[0].2, None, "unfiled");
    // Contacts, Dai (first by name), F: the entry form on his unfiled call.
    app.press(key(KeyCode::Char('3')));
    app.press(key(KeyCode::Enter));
    let Screen::Contact(v) = &app.screen else {
        panic!("contact page")
    };
    assert_eq!(
        v.contact.as_ref().map(|c| c.name.as_str()),
        Some("Dai Morgan")
    );
    app.press(key(KeyCode::Char('F')));
    let Some(Popup::Form(FormKind::EditEntry { .. }, f)) = app.popups.last() else {
        panic!("the entry form, got {:?}", app.popups)
    };
    assert_eq!(
        f.focused_name(),
        Some(EntryField::Case),
        "opened on the case"
    );
    type_text(&mut app, "streetlight");
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    let r = app.store.case(light).expect("case").data.reference;
    assert_eq!(entries(&app)[0].2, Some(r));
    // Nothing left unfiled: F says so and opens nothing.
    app.press(key(KeyCode::Char('F')));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("filed on a case")),
        "{:?}",
        app.status
    );
}

#[test]
fn an_entry_is_corrected_but_not_into_the_future_and_deleting_asks_first() {
    let (mut app, _) = filing_app();
    app.store
        .log(&LogRequest {
            who: Who::Named("Sean Price".into()),
            case: None,
            kind: EntryKind::CallIn,
            at: now() - chrono::Duration::hours(1),
            text: "Rang abuot parking".into(),
            follow_up: None,
            confidential: false,
            surgery: None,
        })
        .expect("logged");
    app.refresh();
    app.home.focus = HomePanel::Latest;
    app.press(key(KeyCode::Char('E')));
    // Back to the text: fix the typo.
    app.press(key(KeyCode::Home));
    for _ in 0..4 {
        app.press(key(KeyCode::BackTab));
    }
    let Some(Popup::Form(_, f)) = app.popups.last() else {
        panic!("form")
    };
    assert_eq!(f.focused_name(), Some(EntryField::Text));
    app.press(ctrl('u'));
    type_text(&mut app, "Rang about parking");
    // A time tomorrow is refused beside the field, and the cursor goes there.
    app.press(key(KeyCode::Tab));
    app.press(key(KeyCode::Tab));
    app.press(ctrl('u'));
    type_text(&mut app, "tomorrow");
    app.press(key(KeyCode::Tab));
    app.press(key(KeyCode::Enter));
    let Some(Popup::Form(_, f)) = app.popups.last() else {
        panic!("the form stays open")
    };
    assert_eq!(f.focused_name(), Some(EntryField::When));
    let err = f
        .field(EntryField::When)
        .and_then(|x| x.shown_error())
        .unwrap_or("");
    assert!(err.contains("in the future"), "{err}");
    assert_eq!(f.text(EntryField::When), "tomorrow", "kept");
    app.press(ctrl('u'));
    type_text(&mut app, "2026-03-02 08:15");
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    let e = &app.store.latest_entries(1).expect("entries")[0].0;
    assert_eq!(e.text, "Rang about parking");
    assert_eq!(e.at.format("%H:%M").to_string(), "08:15");
    // Delete: asked first; n keeps it, y deletes it and leaves a tombstone.
    app.press(key(KeyCode::Char('D')));
    assert!(matches!(app.popups.last(), Some(Popup::Confirm { .. })));
    app.press(key(KeyCode::Char('n')));
    assert_eq!(app.store.latest_entries(5).expect("entries").len(), 1);
    app.press(key(KeyCode::Char('D')));
    app.press(key(KeyCode::Char('y')));
    assert!(app.store.latest_entries(5).expect("entries").is_empty());
    let (doc, _) = app.store.export_all(true).expect("export");
    assert_eq!(doc.tombstones.len(), 1, "the deletion is remembered");
}

#[test]
fn closing_asks_outcome_note_satisfaction_and_closes_the_follow_ups() {
    let (mut app, [bins, ..]) = filing_app();
    follow_up(&mut app.store, Some(bins), today(), "Ring Siân back");
    follow_up(&mut app.store, Some(bins), d(2026, 3, 9), "Check the round");
    open_case(&mut app, bins);
    app.press(key(KeyCode::Char('x')));
    let Some(Popup::Form(FormKind::CloseCase(_), f)) = app.popups.last() else {
        panic!("the closing form")
    };
    assert!(
        f.field(CloseField::FollowUps).is_some_and(|x| !x.hidden),
        "asked: it has two"
    );
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "Round moved to Tuesdays");
    app.press(key(KeyCode::Tab));
    for _ in 0..4 {
        app.press(key(KeyCode::Right)); // not known → 1 … 4
    }
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "Happy now");
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    let c = app.store.case(bins).expect("case");
    assert_eq!(c.status, CaseStatus::Closed);
    assert_eq!(c.outcome, Some(Outcome::Resolved));
    assert_eq!(c.outcome_note.as_deref(), Some("Round moved to Tuesdays"));
    assert_eq!(c.satisfaction, Some(4));
    assert_eq!(c.feedback.as_deref(), Some("Happy now"));
    assert_eq!(app.store.open_follow_up_count(bins).expect("count"), 0);
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("2 open follow-ups"))
    );
}

#[test]
fn during_a_surgery_new_cases_and_entries_default_to_it() {
    let (mut app, [bins, ..]) = filing_app();
    app.store
        .start_surgery("Neuadd y Pentref", now() - chrono::Duration::minutes(5))
        .expect("surgery");
    app.refresh();
    app.press(key(KeyCode::Char('n')));
    let Some(Popup::Form(_, f)) = app.popups.last() else {
        panic!("intake")
    };
    assert_eq!(
        casebook::app::record::field(f, IntakeField::Channel)
            .expect("channel")
            .input
            .text(),
        "surgery"
    );
    app.press(key(KeyCode::Esc));
    assert!(
        app.popups.is_empty(),
        "nothing typed: closed without asking"
    );
    app.press(key(KeyCode::Char('c')));
    let Some(Popup::Form(_, f)) = app.popups.last() else {
        panic!("quick log")
    };
    assert_eq!(f.choice(QuickField::Kind), Some(EntryKind::SurgeryVisit));
    app.press(key(KeyCode::Esc));
    open_case(&mut app, bins);
    app.press(key(KeyCode::Char('e')));
    let Some(Popup::Form(_, f)) = app.popups.last() else {
        panic!("entry")
    };
    assert_eq!(f.choice(QuickField::Kind), Some(EntryKind::SurgeryVisit));
}

#[test]
fn esc_on_a_form_filled_in_ahead_but_untouched_closes_without_asking() {
    let (mut app, [bins, ..]) = filing_app();
    open_case(&mut app, bins);
    app.press(key(KeyCode::Char('c'))); // who and case filled in ahead
    app.press(key(KeyCode::Tab));
    app.press(key(KeyCode::Esc));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    app.press(key(KeyCode::Char('c')));
    type_text(&mut app, "x");
    app.press(key(KeyCode::Esc));
    assert!(matches!(app.popups.last(), Some(Popup::Confirm { .. })));
}

#[test]
fn a_new_name_in_the_referral_form_is_added_to_the_directory_and_referred_to() {
    let (s, case) = referral_store(Some(true));
    let mut app = app_with(s, Config::default());
    open_case(&mut app, case);
    app.press(key(KeyCode::Char('R')));
    type_text(&mut app, "Mari Jones");
    // A new name is no mistake: no error beside it, a line saying what
    // Enter will do.
    let Some(Popup::Form(FormKind::Refer(_), refer)) = app.popups.last() else {
        panic!("the referral form, got {:?}", app.popups.last())
    };
    assert!(!refer.has_errors(), "{:?}", refer.field(ReferField::To));
    assert!(
        refer
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("Not in the directory yet")),
        "{:?}",
        refer.notice
    );
    app.press(key(KeyCode::Enter));
    let Some(Popup::Form(FormKind::Directory { for_referral, .. }, f)) = app.popups.last() else {
        panic!("the directory form, got {:?}", app.popups.last())
    };
    assert!(*for_referral);
    assert_eq!(f.text(DirField::Name), "Mari Jones");
    assert_eq!(
        f.focused_name(),
        Some(DirField::Organisation),
        "the name is typed: on"
    );
    type_text(&mut app, "Cyngor Sir");
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "Highways");
    app.press(key(KeyCode::Tab));
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "potholes, street lights");
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "01234 567890");
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "not-an-email");
    app.press(key(KeyCode::Enter));
    let Some(Popup::Form(FormKind::Directory { .. }, f)) = app.popups.last() else {
        panic!("refused: the form stays")
    };
    assert_eq!(
        f.focused_name(),
        Some(DirField::Email),
        "the cursor at the bad field"
    );
    app.press(ctrl('u'));
    type_text(&mut app, "mari@example.gov.uk");
    app.press(key(KeyCode::Enter));
    // Back in the referral form with Mari chosen; Enter refers.
    let Some(Popup::Form(FormKind::Refer(_), f)) = app.popups.last() else {
        panic!("the referral form, got {:?}", app.popups.last())
    };
    assert!(matches!(
        f.input(ReferField::To),
        Some(Input::Who { chosen: Some(m), .. }) if m.name == "Mari Jones"
    ));
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    let refs = app.store.referrals_of_case(case).expect("r");
    assert_eq!(refs.len(), 1);
    let mari = app.store.contact(refs[0].to).expect("officer");
    assert_eq!(mari.kind, Some(ContactKind::Officer));
    assert_eq!(mari.department.as_deref(), Some("Highways"));
    assert_eq!(
        app.store.who_handles("potholes", 5).expect("q")[0].1.name,
        "Mari Jones"
    );
}

#[test]
fn the_directory_adds_and_corrects_officers_and_its_search_box_lets_keys_through() {
    let (s, _) = referral_store(Some(true));
    let mut app = app_with(s, Config::default());
    app.press(key(KeyCode::Char('5')));
    // Typing: "?" is help, not a letter of the problem.
    app.press(key(KeyCode::Char('?')));
    assert!(matches!(app.popups.last(), Some(Popup::Help)));
    app.press(key(KeyCode::Esc));
    type_text(&mut app, "mould");
    // Esc, then a letter bound to nothing: typing starts again.
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Char('x')));
    assert!(matches!(&app.screen, Screen::Directory(v) if v.typing && v.query.text() == "mouldx"));
    app.press(key(KeyCode::Backspace));
    // Esc, E corrects the officer chosen; a adds one.
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Char('E')));
    let Some(Popup::Form(
        FormKind::Directory {
            contact: Some(_), ..
        },
        f,
    )) = app.popups.last()
    else {
        panic!("the officer's form, got {:?}", app.popups.last())
    };
    assert_eq!(f.text(DirField::Name), "Rhian Hughes");
    assert_eq!(
        f.text(DirField::Handles),
        "damp, mould, repairs to council homes"
    );
    for _ in 0..16 {
        match app.popups.last() {
            Some(Popup::Form(_, f)) if f.focused_name() != Some(DirField::Phone) => {
                app.press(key(KeyCode::Tab))
            }
            _ => break,
        }
    }
    type_text(&mut app, "029 2000 0000");
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    let rhian = &app.store.who_handles("mould", 5).expect("q")[0];
    assert_eq!(rhian.1.phone.as_deref(), Some("029 2000 0000"));
    assert_eq!(
        rhian.1.department.as_deref(),
        Some("Housing"),
        "the rest kept"
    );
    assert_eq!(rhian.0.categories, vec!["housing".to_string()]);
    app.press(key(KeyCode::Char('a')));
    type_text(&mut app, "Cymorth i Fenywod");
    app.press(key(KeyCode::Tab));
    app.press(key(KeyCode::Right)); // an agency
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    assert_eq!(app.store.directory().expect("dir").len(), 3);
    // A digit goes to its screen, even while typing.
    app.press(key(KeyCode::Char('/')));
    app.press(key(KeyCode::Char('2')));
    assert!(matches!(app.screen, Screen::Cases(_)));
}

#[test]
fn ctrl_c_quits_from_home_and_elsewhere_says_how() {
    let (mut app, _) = filing_app();
    app.press(key(KeyCode::Char('2')));
    app.press(ctrl('c'));
    assert!(!app.quit);
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("To quit"), "{status}");
    app.press(key(KeyCode::Char('1')));
    app.press(ctrl('c'));
    assert!(app.quit);
}

#[test]
fn a_case_with_a_confidential_entry_does_not_copy_the_constituent_in_by_default() {
    let (mut s, case) = referral_store(Some(true));
    let reference = s.case(case).expect("case").data.reference;
    s.log(&LogRequest {
        who: Who::Named("Siân Davies".into()),
        case: Some(reference),
        kind: EntryKind::Note,
        at: now(),
        text: "Told me about her health".into(),
        follow_up: None,
        confidential: true,
        surgery: None,
    })
    .expect("logged");
    let mut app = app_with(s, Config::default());
    open_case(&mut app, case);
    app.press(key(KeyCode::Char('R')));
    let Some(Popup::Form(_, form)) = app.popups.last() else {
        panic!("the referral form")
    };
    assert_eq!(form.choice::<bool, _>(ReferField::Copied), Some(false));
}

#[test]
fn the_caller_list_puts_people_with_open_cases_and_recent_calls_first() {
    let mut s = Store::open_in_memory().expect("store");
    let cats = Config::default().categories();
    for name in ["Siân Evans", "Siân Jones", "Siân Owen"] {
        s.add_contact(&Contact::named(name)).expect("contact");
    }
    let jones = s.contacts_named("Siân Jones").expect("found")[0].id;
    s.add_case(
        &Case::new("Damp", d(2026, 2, 1)),
        &[(jones, Role::Constituent)],
        &cats,
    )
    .expect("case");
    s.log(&LogRequest {
        who: Who::Named("Siân Owen".into()),
        case: None,
        kind: EntryKind::CallIn,
        at: now() - chrono::Duration::days(2),
        text: "Rang about parking".into(),
        follow_up: None,
        confidential: false,
        surgery: None,
    })
    .expect("logged");
    let mut app = app_with(s, Config::default());
    app.press(key(KeyCode::Char('c')));
    type_text(&mut app, "sian");
    let Some(Popup::Form(_, f)) = app.popups.last() else {
        panic!("the quick log")
    };
    let Some(Input::Who { matches, .. }) = f.input(QuickField::Who) else {
        panic!("a name field")
    };
    let names: Vec<&str> = matches.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, vec!["Siân Jones", "Siân Owen", "Siân Evans"]);
}

/// Not a check, a measurement on a big diary (the benchmark's 100k demo):
/// `CASEBOOK_BENCH_DB=target/bench/demo-100000.db cargo test --release
/// --test app -- --ignored --nocapture per_keystroke`. Each key of the
/// quick log's name (completion, caller ranking) and the Tab that loads the
/// caller's open cases, timed through the whole app.
#[test]
#[ignore = "needs a big diary in CASEBOOK_BENCH_DB"]
fn measure_the_quick_log_per_keystroke() {
    let Ok(path) = std::env::var("CASEBOOK_BENCH_DB") else {
        panic!("set CASEBOOK_BENCH_DB to a diary")
    };
    let store = Store::open(std::path::Path::new(&path)).expect("the diary");
    let mut app = app_with(store, Config::default());
    let mut worst = std::time::Duration::ZERO;
    let mut all = Vec::new();
    for name in ["davies", "rhian", "evans", "gwen", "jones", "sian"] {
        app.press(key(KeyCode::Char('c')));
        for c in name.chars().take(4) {
            let t = std::time::Instant::now();
            app.press(key(KeyCode::Char(c)));
            let e = t.elapsed();
            eprintln!("{name} {c}: {e:?}");
            worst = worst.max(e);
            all.push(e);
        }
        let t = std::time::Instant::now();
        app.press(key(KeyCode::Tab)); // takes the first match, loads their cases
        let tab = t.elapsed();
        eprintln!("{name} Tab: {tab:?}");
        worst = worst.max(tab);
        all.push(tab);
        app.press(key(KeyCode::Esc));
        app.press(key(KeyCode::Char('y')));
        assert!(app.popups.is_empty(), "{:?}", app.popups);
    }
    // The ranking's own share: open case and last call of 40 people.
    for prefix in ["d", "rh", "ev", "jo"] {
        let ids: Vec<_> = app
            .store
            .complete_contacts(prefix, 40)
            .expect("candidates")
            .iter()
            .map(|c| c.id)
            .collect();
        let t = std::time::Instant::now();
        let activity = app.store.caller_activity(&ids).expect("activity");
        eprintln!(
            "caller activity of {} people ({prefix}): {:?}",
            activity.len(),
            t.elapsed()
        );
    }
    all.sort();
    eprintln!(
        "quick log per keystroke: median {:?}, worst {:?} ({} keys)",
        all[all.len() / 2],
        worst,
        all.len()
    );
}

#[test]
fn m_on_a_case_takes_a_pasted_mail_file_onto_that_case() {
    let mut app = seeded();
    app.press(key(KeyCode::Char('2')));
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char('M')));
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mail/plain.eml");
    // What dragging a file onto a terminal pastes: the path, quoted.
    app.update(Action::Paste(format!("'{}'", path.display())));
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "the form closed");
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("1 message taken in"), "{status}");
    let e = entries(&app);
    assert!(e[0].1.starts_with("Bins not collected"), "{e:?}");
    assert!(e[0].2.is_some(), "filed on the case on screen");
    // Attachments show on the case screen, a line each.
    app.press(key(KeyCode::Char('M')));
    let path = path.with_file_name("multipart-attachments.eml");
    type_text(&mut app, &path.display().to_string());
    app.press(key(KeyCode::Enter));
    let Screen::Case(v) = &app.screen else {
        panic!("case")
    };
    let names: Vec<&str> = v.attachments.iter().map(|a| a.filename.as_str()).collect();
    assert_eq!(names, ["housing-letter.pdf", "mould.png"]);
    // A path that is not mail: the message, the form stays with the text.
    app.press(key(KeyCode::Char('M')));
    type_text(&mut app, "/nonexistent/x.eml");
    app.press(key(KeyCode::Enter));
    assert_eq!(entries(&app).len(), 2, "nothing added");
}

#[test]
fn a_new_line_in_a_note_is_alt_enter_and_enter_saves() {
    let mut app = empty_app();
    app.press(key(KeyCode::Char('c')));
    type_text(&mut app, "Siân Jones");
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "one");
    app.press(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT));
    type_text(&mut app, "two");
    app.press(KeyEvent::new(KeyCode::Enter, KeyModifiers::SHIFT));
    type_text(&mut app, "three");
    let Some(Popup::Form(_, f)) = app.popups.last() else {
        panic!("the quick log")
    };
    assert_eq!(f.text(QuickField::Text), "one\ntwo\nthree");
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    assert_eq!(entries(&app).len(), 1);
}

#[test]
fn form_and_search_keys_come_from_the_keymap() {
    let config = Config {
        keys: BTreeMap::from([
            ("submit".to_string(), "ctrl-s".to_string()),
            ("next_field".to_string(), "ctrl-n".to_string()),
            ("cancel".to_string(), "ctrl-g".to_string()),
        ]),
        ..Config::default()
    };
    let mut app = app_with(Store::open_in_memory().expect("store"), config);
    assert!(app.popups.is_empty(), "no clash: {:?}", app.popups);
    app.press(key(KeyCode::Char('c')));
    type_text(&mut app, "Siân Jones");
    // Tab is bound to nothing now: it neither moves nor types.
    app.press(key(KeyCode::Tab));
    let focus = |app: &App| match app.popups.last() {
        Some(Popup::Form(_, f)) => f.focused_name::<QuickField>(),
        other => panic!("the quick log, got {other:?}"),
    };
    assert_eq!(focus(&app), Some(QuickField::Who));
    app.press(ctrl('n'));
    assert_eq!(focus(&app), Some(QuickField::Text));
    type_text(&mut app, "Bins");
    // Enter saves nothing: the form is still open, the diary empty.
    app.press(key(KeyCode::Enter));
    assert_eq!(focus(&app), Some(QuickField::Text));
    assert!(entries(&app).is_empty());
    // The footer names the keys as bound.
    let hints: Vec<String> = app.footer_hints().into_iter().map(|h| h.what).collect();
    assert!(
        hints
            .iter()
            .any(|h| h.contains("Ctrl-n next field") && h.contains("Ctrl-s save")),
        "{hints:?}"
    );
    app.press(ctrl('s'));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    assert_eq!(entries(&app).len(), 1);

    // The search: Esc is typing-free, the bound key closes it.
    app.press(key(KeyCode::Char('/')));
    app.press(key(KeyCode::Esc));
    assert!(matches!(app.popups.last(), Some(Popup::Search(_))));
    app.press(ctrl('g'));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
}

#[test]
fn a_form_key_bound_twice_is_reported_at_start_up() {
    let config = Config {
        keys: BTreeMap::from([("next_field".to_string(), "enter".to_string())]),
        ..Config::default()
    };
    let app = app_with(Store::open_in_memory().expect("store"), config);
    assert_eq!(app.popups.last(), Some(&Popup::KeyProblems));
    assert!(
        app.keymap.problems.iter().any(|p| matches!(
            p,
            casebook::app::keymap::KeyProblem::Clash { first, second, .. }
                if [first, second].contains(&&casebook::app::Action::Submit)
                    && [first, second].contains(&&casebook::app::Action::NextField)
        )),
        "{:?}",
        app.keymap.problems
    );
}
