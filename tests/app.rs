//! The app without a terminal: keys in, state and store out, clock frozen.

use std::collections::BTreeMap;

use casebook::app::form::Input;
use casebook::app::forms::{intake as intake_field, quick};
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
    let Input::Who { matches, .. } = &form.fields[quick::WHO].input else {
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
        form.fields[quick::TEXT].shown_error().is_some(),
        "text is needed"
    );
    assert!(
        form.fields[quick::CASE].shown_error().is_some(),
        "unknown case"
    );
    assert!(
        form.fields[quick::FOLLOW_UP].shown_error().is_some(),
        "bad date"
    );
    assert_eq!(form.fields[quick::WHO].input.text(), "Siân");
    assert_eq!(form.fields[quick::FOLLOW_UP].input.text(), "next blursday");
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
    assert_eq!(
        form.fields[quick::TEXT].input.text(),
        "line one\nline two — ŵ"
    );
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
        Some(Popup::Form(_, f)) => f.fields[intake_field::ON_BEHALF_OF].hidden,
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
    let Some(Popup::Choose { options, .. }) = app.popups.last() else {
        panic!("outcome asked")
    };
    assert_eq!(options[0].0, "resolved");
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
    assert_eq!(form.fields[quick::WHO].input.text(), "");
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
            .any(|(k, w)| k == "Ctrl-l" && *w == "log a call"),
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
    let Some(Popup::Message { body, .. }) = app.popups.last() else {
        panic!("a message")
    };
    assert!(body.contains("fly_away"));
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
    app.fail(casebook::Error::invalid("the disk is full"));
    assert!(matches!(
        app.popups.last(),
        Some(Popup::Message { error: true, .. })
    ));
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Char('c')));
    assert!(matches!(app.popups.last(), Some(Popup::Form(..))));
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
    let Some(Popup::Message { body, .. }) = app.popups.last() else {
        panic!("a message")
    };
    assert!(
        body.contains("`q` is bound to both quit and log_call"),
        "{body}"
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
    // Tab to the bigger picture panel (follow-ups → open → latest → alerts), Enter.
    for _ in 0..3 {
        app.update(Action::NextPanel);
    }
    app.update(Action::Open);
    match &app.screen {
        Screen::Cases(v) => {
            assert_eq!(v.filter.area.as_deref(), Some("maes y coed"));
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
