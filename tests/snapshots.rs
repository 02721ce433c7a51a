//! Whole frames of every screen and popup on ratatui's TestBackend, seeded
//! data, frozen clock. Update with `INSTA_UPDATE=always cargo test --test
//! snapshots`, then read the .snap files before committing them.

use casebook::app::{Action, App, key};
use casebook::clock::Clock;
use casebook::config::Config;
use casebook::domain::{Case, CaseKind, Channel, Contact, EntryKind, Role};
use casebook::store::{LogRequest, Store, Who};
use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("a moment")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

fn empty() -> App {
    App::new(
        Store::open_in_memory().expect("store"),
        Config::default(),
        Clock::Fixed(at("2026-03-02 09:30")),
    )
    .expect("app")
}

fn seeded() -> App {
    let mut s = Store::open_in_memory().expect("store");
    let cats = Config::default().categories();
    let sian = s
        .add_contact(&Contact::named("Siân Davies"))
        .expect("contact");
    let mut dai = Contact::named("Dai Morgan");
    dai.caution = Some("aggressive at last surgery: meet with a colleague".into());
    dai.phone = Some("01234 567890".into());
    let dai = s.add_contact(&dai).expect("contact");
    let mut officer = Contact::named("Rhian Hughes");
    officer.kind = Some(casebook::domain::ContactKind::Officer);
    officer.organisation = Some("Housing".into());
    s.add_contact(&officer).expect("contact");
    s.add_contact(&Contact::named("宮本 武蔵"))
        .expect("contact");

    let mut c1 = Case::new(
        "Damp and mould in the bedroom of a council flat",
        day(2026, 2, 10),
    );
    c1.category = "housing".into();
    c1.kind = CaseKind::IndirectQuery;
    c1.location = Some("Heol y Nant".into());
    c1.postcode = Some("CF10 5BF".into());
    c1.facts = Some("Mould behind the wardrobe; a child with asthma sleeps in the room.".into());
    c1.wants = Some("The landlord to treat the damp and fix the gutter.".into());
    c1.history = Some("Reported to the housing office twice in January.".into());
    c1.consent_to_share = Some(true);
    let c1 = s
        .add_case(&c1, &[(sian.id, Role::Constituent)], &cats)
        .expect("case");
    let mut c2 = Case::new(
        "Fly-tipping behind the shops on Stryd Fawr",
        day(2026, 2, 20),
    );
    c2.category = "waste".into();
    c2.channel = Channel::Email;
    s.add_case(&c2, &[(dai.id, Role::Constituent)], &cats)
        .expect("case");
    let mut c3 = Case::new("Streetlight out on Lôn Goed", day(2026, 1, 5));
    c3.category = "highways".into();
    let c3 = s
        .add_case(&c3, &[(sian.id, Role::Constituent)], &cats)
        .expect("case");
    s.set_case_status(c3.id, casebook::domain::CaseStatus::WaitingCouncil)
        .expect("status");

    let log = |s: &mut Store,
               who: &str,
               case: Option<&str>,
               when: &str,
               text: &str,
               follow: Option<NaiveDate>,
               conf: bool| {
        s.log(&LogRequest {
            who: Who::Named(who.into()),
            case: case.map(str::to_string),
            kind: EntryKind::CallIn,
            at: at(when),
            text: text.into(),
            follow_up: follow,
            confidential: conf,
            surgery: None,
        })
        .expect("logged");
    };
    log(
        &mut s,
        "Siân Davies",
        Some(&c1.reference),
        "2026-02-10 10:15",
        "Rang about damp in the flat; photos to follow by email.",
        Some(day(2026, 2, 28)),
        false,
    );
    log(
        &mut s,
        "Siân Davies",
        Some(&c1.reference),
        "2026-02-12 14:00",
        "Her health worries: details kept private.",
        None,
        true,
    );
    log(
        &mut s,
        "Dai Morgan",
        None,
        "2026-03-01 16:40",
        "Asked about the bulky waste collection dates.",
        Some(day(2026, 3, 2)),
        false,
    );
    let mut app =
        App::new(s, Config::default(), Clock::Fixed(at("2026-03-02 09:30"))).expect("app");
    app.refresh();
    app
}

fn draw(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| casebook::ui::render(app, f)).expect("drawn");
    t.backend().to_string()
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        app.press(key(KeyCode::Char(c)));
    }
}

fn press(app: &mut App, code: KeyCode) {
    app.press(key(code));
}

#[test]
fn home() {
    insta::assert_snapshot!("home_empty_80x24", draw(&empty(), 80, 24));
    let app = seeded();
    insta::assert_snapshot!("home_seeded_80x24", draw(&app, 80, 24));
    insta::assert_snapshot!("home_seeded_120x40", draw(&app, 120, 40));
}

#[test]
fn too_small_and_privacy() {
    insta::assert_snapshot!("too_small", draw(&seeded(), 60, 20));
    let mut app = seeded();
    app.press(KeyEvent::new(KeyCode::Char('p'), KeyModifiers::CONTROL));
    insta::assert_snapshot!("privacy", draw(&app, 80, 24));
}

#[test]
fn quick_log() {
    let mut app = seeded();
    press(&mut app, KeyCode::Char('c'));
    insta::assert_snapshot!("quick_log_empty", draw(&app, 80, 24));
    typed(&mut app, "sian");
    insta::assert_snapshot!("quick_log_completion", draw(&app, 80, 24));
    press(&mut app, KeyCode::Tab);
    app.update(Action::Paste("A long note pasted whole: the bins on Heol y Nant were missed for the third week running and the recycling box was left in the road.".into()));
    insta::assert_snapshot!("quick_log_wrapped_note", draw(&app, 80, 24));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "2026-9999");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("quick_log_errors", draw(&app, 80, 24));
    press(&mut app, KeyCode::Esc);
    insta::assert_snapshot!("confirm_discard", draw(&app, 80, 24));
}

#[test]
fn quick_log_new_contact() {
    let mut app = empty();
    press(&mut app, KeyCode::Char('c'));
    typed(&mut app, "Gwenllïan ap Rhys");
    insta::assert_snapshot!("quick_log_new_contact", draw(&app, 80, 24));
}

#[test]
fn intake() {
    let mut app = seeded();
    press(&mut app, KeyCode::Char('n'));
    insta::assert_snapshot!("intake_empty_120x40", draw(&app, 120, 40));
    typed(&mut app, "Dai");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "Mair Owen");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "Blocked drain");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "cf10");
    insta::assert_snapshot!("intake_filled_80x24", draw(&app, 80, 24));
}

#[test]
fn cases() {
    let mut app = seeded();
    press(&mut app, KeyCode::Char('2'));
    insta::assert_snapshot!("cases_80x24", draw(&app, 80, 24));
    press(&mut app, KeyCode::Char('s'));
    insta::assert_snapshot!("cases_filtered_120x40", draw(&app, 120, 40));
}

#[test]
fn case() {
    let mut app = seeded();
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("case_120x40", draw(&app, 120, 40));
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Char('G'));
    insta::assert_snapshot!("case_revealed_scrolled_80x24", draw(&app, 80, 24));
    press(&mut app, KeyCode::Char('x'));
    insta::assert_snapshot!("choose_outcome", draw(&app, 80, 24));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('f'));
    insta::assert_snapshot!("follow_up_form", draw(&app, 80, 24));
}

#[test]
fn case_with_caution() {
    let mut app = seeded();
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("case_caution_80x24", draw(&app, 80, 24));
}

#[test]
fn contacts() {
    let mut app = seeded();
    press(&mut app, KeyCode::Char('3'));
    insta::assert_snapshot!("contacts_80x24", draw(&app, 80, 24));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("contact_80x24", draw(&app, 80, 24));
}

#[test]
fn search_help_message() {
    let mut app = seeded();
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "damp");
    insta::assert_snapshot!("search", draw(&app, 80, 24));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('?'));
    insta::assert_snapshot!("help_home", draw(&app, 80, 30));
    press(&mut app, KeyCode::Esc);
    app.fail(casebook::Error::invalid(
        "the disk holding diary.db is full: nothing was saved",
    ));
    insta::assert_snapshot!("message_error", draw(&app, 80, 24));
}

#[test]
fn cases_scrolled() {
    let mut s = Store::open_in_memory().expect("store");
    let cats = Config::default().categories();
    for i in 0..40u32 {
        let opened = day(2025, 1, 1) + chrono::Duration::days(i64::from(i));
        s.add_case(
            &Case::new(format!("Case number {i} — Ffordd Ŵyn"), opened),
            &[],
            &cats,
        )
        .expect("case");
    }
    let mut app =
        App::new(s, Config::default(), Clock::Fixed(at("2026-03-02 09:30"))).expect("app");
    press(&mut app, KeyCode::Char('2'));
    for _ in 0..20 {
        press(&mut app, KeyCode::Char('j'));
    }
    insta::assert_snapshot!("cases_scrolled_80x24", draw(&app, 80, 24));
}
