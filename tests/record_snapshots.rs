//! Frames of the record-keeping forms and popups (issue 14) at 80×24 and
//! 120×40, on TestBackend with the clock frozen. Update with
//! `INSTA_UPDATE=always cargo test --test record_snapshots` and read them.

mod common;

use casebook::app::{App, key};
use casebook::config::Config;
use casebook::domain::{AgeBand, Case, Contact, ContactKind, Language, Role};
use casebook::store::Store;
use chrono::NaiveDate;
use common::ui::{draw, typed};
use ratatui::crossterm::event::KeyCode;

fn app(store: Store) -> App {
    common::ui::app(store, Config::default())
}

/// A case with two people, one with a full card.
fn seeded() -> App {
    let mut s = Store::open_in_memory().expect("store");
    let cats = Config::default().categories();
    let mair = s
        .add_contact(&Contact {
            name: "Mair Jones".into(),
            kind: Some(ContactKind::Constituent),
            address: Some("12 Heol y Coed, Caerdydd".into()),
            postcode: Some("CF14 2AB".into()),
            phone: Some("029 2000 1111".into()),
            email: Some("mair@example.org".into()),
            language: Some(Language::Both),
            gender: Some("female".into()),
            age_band: Some(AgeBand::From18To29),
            ethnicity: Some("white_welsh".into()),
            employment_status: Some("student".into()),
            ..Contact::default()
        })
        .expect("mair");
    let dai = s.add_contact(&Contact::named("Dai Morgan")).expect("dai");
    let mut case = Case::new(
        "Damp in the back bedroom",
        NaiveDate::from_ymd_opt(2026, 3, 2).expect("day"),
    );
    case.category = "housing".into();
    case.contacted_on = NaiveDate::from_ymd_opt(2026, 2, 27);
    case.consent_to_share = Some(true);
    case.consent_on = NaiveDate::from_ymd_opt(2026, 2, 27);
    case.shared = true;
    s.add_case(
        &case,
        &[(mair.id, Role::Constituent), (dai.id, Role::Other)],
        &cats,
    )
    .expect("case");
    app(s)
}

fn press(app: &mut App, code: KeyCode, times: usize) {
    for _ in 0..times {
        app.press(key(code));
    }
}

/// Both sizes of the frame in front.
fn both(app: &mut App, name: &str) {
    app.size = (80, 24);
    insta::assert_snapshot!(format!("{name}_80x24"), draw(app, 80, 24));
    app.size = (120, 40);
    insta::assert_snapshot!(format!("{name}_120x40"), draw(app, 120, 40));
}

fn open_case(app: &mut App) {
    press(app, KeyCode::Char('2'), 1);
    press(app, KeyCode::Enter, 1);
}

#[test]
fn intake_with_a_new_person() {
    let mut app = app(Store::open_in_memory().expect("store"));
    press(&mut app, KeyCode::Char('n'), 1);
    typed(&mut app, "Mair Jones");
    press(&mut app, KeyCode::Tab, 1);
    typed(&mut app, "12 Heol y Coed");
    press(&mut app, KeyCode::Tab, 1);
    typed(&mut app, "cf14 2ab");
    press(&mut app, KeyCode::Tab, 1);
    typed(&mut app, "029 2000 1111");
    press(&mut app, KeyCode::Tab, 1);
    typed(&mut app, "mair@");
    press(&mut app, KeyCode::Tab, 2);
    press(&mut app, KeyCode::Right, 1);
    both(&mut app, "intake_new_person");
    press(&mut app, KeyCode::Enter, 1);
    both(&mut app, "intake_new_person_refused");
}

#[test]
fn case_with_its_record() {
    let mut app = seeded();
    open_case(&mut app);
    both(&mut app, "case_record");
}

#[test]
fn edit_case() {
    let mut app = seeded();
    open_case(&mut app);
    press(&mut app, KeyCode::Char('E'), 1);
    both(&mut app, "edit_case");
    press(&mut app, KeyCode::Tab, 4);
    press(&mut app, KeyCode::Backspace, 10);
    typed(&mut app, "tomorrow");
    press(&mut app, KeyCode::Enter, 1);
    both(&mut app, "edit_case_error");
}

#[test]
fn people_on_a_case() {
    let mut app = seeded();
    open_case(&mut app);
    press(&mut app, KeyCode::Char('p'), 1);
    both(&mut app, "case_people");
    press(&mut app, KeyCode::Down, 1);
    press(&mut app, KeyCode::Char('r'), 1);
    both(&mut app, "case_people_role");
    press(&mut app, KeyCode::Esc, 1);
    press(&mut app, KeyCode::Char('d'), 1);
    both(&mut app, "case_people_remove");
    press(&mut app, KeyCode::Char('n'), 1);
    press(&mut app, KeyCode::Char('a'), 1);
    typed(&mut app, "Rhian Price");
    both(&mut app, "case_people_add");
}

#[test]
fn contact_card() {
    let mut app = seeded();
    open_case(&mut app);
    press(&mut app, KeyCode::Char('p'), 1);
    press(&mut app, KeyCode::Enter, 1);
    both(&mut app, "contact_card");
    press(&mut app, KeyCode::Esc, 2);
    press(&mut app, KeyCode::Enter, 1);
    both(&mut app, "contact_with_monitoring");
}
