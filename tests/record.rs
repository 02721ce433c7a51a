//! Keeping the record from the screens (issue 14): keys in, store out, on a
//! real diary file with the clock frozen. Intake with the person, the
//! contact card, editing a case, the people on a case, and the review
//! counting exactly what was typed.

use casebook::app::record::case::CaseField;
use casebook::app::record::contact::ContactField;
use casebook::app::record::intake::IntakeField;
use casebook::app::record::{self, FieldName};
use casebook::app::{App, Choice, Popup, Screen, key};
use casebook::clock::Clock;
use casebook::config::Config;
use casebook::domain::{AgeBand, Contact, Language, Role};
use casebook::report::review::Period;
use casebook::store::Store;
use chrono::{NaiveDate, NaiveDateTime};
use ratatui::crossterm::event::KeyCode;

fn now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-03-02 09:30", "%Y-%m-%d %H:%M").expect("a moment")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

/// An app on a diary file of its own (kept alive by the returned dir).
fn app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("dir");
    let store = Store::open(&dir.path().join("diary.db")).expect("store");
    let app = App::new(store, Config::default(), Clock::Fixed(now())).expect("app");
    (dir, app)
}

fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        app.press(key(KeyCode::Char(c)));
    }
}

fn press(app: &mut App, code: KeyCode, times: usize) {
    for _ in 0..times {
        app.press(key(code));
    }
}

/// Tabs until the named field has the focus (hidden fields are skipped, as
/// the user would see).
fn tab_to<F: FieldName>(app: &mut App, f: F) {
    for _ in 0..64 {
        let Some(Popup::Form(_, form)) = app.popups.last() else {
            panic!("a form is open: {:?}", app.popups)
        };
        if record::focused::<F>(form) == Some(f) {
            return;
        }
        app.press(key(KeyCode::Tab));
    }
    panic!("{f:?} never took the focus");
}

/// Picks the option whose label is `label` in the focused choice.
fn choose(app: &mut App, label: &str) {
    for _ in 0..64 {
        let Some(Popup::Form(_, form)) = app.popups.last() else {
            panic!("a form")
        };
        let f = form.focused();
        if let casebook::app::form::Input::Choice {
            options, selected, ..
        } = &f.input
        {
            if options[*selected].label == label {
                return;
            }
        } else {
            panic!("{} is not a choice", f.label);
        }
        app.press(key(KeyCode::Right));
    }
    panic!("no option {label}");
}

struct Person<'a> {
    name: &'a str,
    phone: &'a str,
    email: &'a str,
    gender: &'a str,
    age: &'a str,
}

/// `n`, a new constituent with their details, a title, Enter.
fn intake(app: &mut App, p: &Person, title: &str) {
    app.press(key(KeyCode::Char('n')));
    type_text(app, p.name);
    tab_to(app, IntakeField::Address);
    type_text(app, "1 Heol y Coed");
    tab_to(app, IntakeField::PersonPostcode);
    type_text(app, "cf14 2ab");
    tab_to(app, IntakeField::Phone);
    type_text(app, p.phone);
    tab_to(app, IntakeField::Email);
    type_text(app, p.email);
    tab_to(app, IntakeField::Gender);
    choose(app, p.gender);
    tab_to(app, IntakeField::AgeBand);
    choose(app, p.age);
    tab_to(app, IntakeField::Title);
    type_text(app, title);
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "saved: {:?}", app.popups);
}

#[test]
fn intake_takes_a_new_constituents_details_and_the_date_they_made_contact() {
    let (_dir, mut app) = app();
    app.press(key(KeyCode::Char('n')));
    type_text(&mut app, "Mair Jones");
    tab_to(&mut app, IntakeField::Address);
    type_text(&mut app, "12 Heol y Coed");
    tab_to(&mut app, IntakeField::PersonPostcode);
    type_text(&mut app, "cf14 2ab");
    tab_to(&mut app, IntakeField::Phone);
    type_text(&mut app, "029 2000 1111");
    tab_to(&mut app, IntakeField::Email);
    type_text(&mut app, "mair@example.org");
    tab_to(&mut app, IntakeField::Language);
    choose(&mut app, "Welsh (Cymraeg)");
    tab_to(&mut app, IntakeField::Gender);
    choose(&mut app, "Female");
    tab_to(&mut app, IntakeField::AgeBand);
    choose(&mut app, "18–29");
    tab_to(&mut app, IntakeField::Employment);
    choose(&mut app, "Student");
    tab_to(&mut app, IntakeField::Title);
    type_text(&mut app, "Damp in the back bedroom");
    tab_to(&mut app, IntakeField::ContactedOn);
    press(&mut app, KeyCode::Backspace, 5);
    type_text(&mut app, "27/02/2026");
    tab_to(&mut app, IntakeField::Other1);
    type_text(&mut app, "Dai Morgan");
    tab_to(&mut app, IntakeField::Other1Role);
    choose(&mut app, "Constituent");
    tab_to(&mut app, IntakeField::Consent);
    choose(&mut app, "yes");
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "{:?}", app.popups);

    let Screen::Case(view) = &app.screen else {
        panic!("the new case opens")
    };
    let case = view.case.as_ref().expect("loaded");
    assert_eq!(case.contacted_on, Some(day(2026, 2, 27)));
    assert_eq!(case.opened, day(2026, 3, 2));
    assert_eq!(case.consent_to_share, Some(true));
    assert_eq!(
        case.consent_on,
        Some(day(2026, 2, 27)),
        "asked on first contact"
    );
    let people: Vec<(Role, &str)> = view
        .people
        .iter()
        .map(|(r, c)| (*r, c.name.as_str()))
        .collect();
    assert_eq!(
        people,
        vec![
            (Role::Constituent, "Mair Jones"),
            (Role::Constituent, "Dai Morgan")
        ]
    );
    let mair = &view.people[0].1;
    assert_eq!(mair.address.as_deref(), Some("12 Heol y Coed"));
    assert_eq!(mair.postcode.as_deref(), Some("CF14 2AB"));
    assert_eq!(mair.phone.as_deref(), Some("029 2000 1111"));
    assert_eq!(mair.email.as_deref(), Some("mair@example.org"));
    assert_eq!(mair.language, Some(Language::Welsh));
    assert_eq!(mair.gender.as_deref(), Some("female"));
    assert_eq!(mair.age_band, Some(AgeBand::From18To29));
    assert_eq!(mair.employment_status.as_deref(), Some("student"));
    assert_eq!(mair.ethnicity, None, "skipped: not asked");
}

#[test]
fn a_refused_intake_keeps_the_typing_and_writes_nothing() {
    let (_dir, mut app) = app();
    app.press(key(KeyCode::Char('n')));
    type_text(&mut app, "Mair Jones");
    tab_to(&mut app, IntakeField::Email);
    type_text(&mut app, "mair at example");
    tab_to(&mut app, IntakeField::Title);
    type_text(&mut app, "Damp");
    tab_to(&mut app, IntakeField::ContactedOn);
    press(&mut app, KeyCode::Backspace, 5);
    type_text(&mut app, "tomorrow");
    app.press(key(KeyCode::Enter));
    let Some(Popup::Form(_, form)) = app.popups.last() else {
        panic!("the form stays open")
    };
    let err = |f: IntakeField| record::field(form, f).and_then(|x| x.shown_error());
    assert!(
        err(IntakeField::Email).is_some(),
        "bad email beside its field"
    );
    assert!(
        err(IntakeField::ContactedOn).is_some(),
        "no contact in the future"
    );
    assert_eq!(record::get(form, IntakeField::Email), "mair at example");
    assert!(form.notice.is_some());
    let counts = app.store.counts().expect("counts");
    assert_eq!((counts.contacts, counts.cases), (0, 0), "nothing written");
}

#[test]
fn a_new_constituent_with_a_known_email_is_the_same_person() {
    let (_dir, mut app) = app();
    let mut known = Contact::named("Margaret Jones");
    known.email = Some("mair@example.org".into());
    let known = app.store.add_contact(&known).expect("contact");
    app.press(key(KeyCode::Char('n')));
    type_text(&mut app, "Mair Jones");
    tab_to(&mut app, IntakeField::Email);
    type_text(&mut app, "MAIR@example.org");
    tab_to(&mut app, IntakeField::Title);
    type_text(&mut app, "Bins");
    app.press(key(KeyCode::Enter));
    let Screen::Case(view) = &app.screen else {
        panic!("the new case opens")
    };
    assert_eq!(view.people[0].1.id, known.id);
    assert_eq!(app.store.counts().expect("counts").contacts, 1);
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("Already in contacts")),
        "{:?}",
        app.status
    );
}

#[test]
fn editing_a_case_corrects_the_title_and_records_consent_with_its_date() {
    let (_dir, mut app) = app();
    intake(
        &mut app,
        &Person {
            name: "Mair Jones",
            phone: "029 2000 1111",
            email: "mair@example.org",
            gender: "Female",
            age: "18–29",
        },
        "Damp in the bck bedroom",
    );
    let id = match &app.screen {
        Screen::Case(v) => v.id,
        _ => panic!("on the case"),
    };
    app.press(key(KeyCode::Char('E')));
    let Some(Popup::Form(_, form)) = app.popups.last() else {
        panic!("the case form")
    };
    assert_eq!(
        record::get(form, CaseField::Title),
        "Damp in the bck bedroom"
    );
    press(&mut app, KeyCode::Backspace, "bck bedroom".len());
    type_text(&mut app, "back bedroom");
    tab_to(&mut app, CaseField::Consent);
    choose(&mut app, "yes");
    tab_to(&mut app, CaseField::Shared);
    choose(&mut app, "yes");
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    let case = app.store.case(id).expect("case");
    assert_eq!(case.title, "Damp in the back bedroom");
    assert_eq!(case.consent_to_share, Some(true));
    assert_eq!(case.consent_on, Some(now().date()), "recorded today");
    assert!(case.shared);
    let audit = app.store.audit_of(&case.uuid).expect("audit");
    assert!(
        audit.iter().any(|a| a.action == "update"),
        "the change is in the audit trail: {audit:?}"
    );
}

#[test]
fn the_people_on_a_case_are_added_given_roles_edited_and_removed() {
    let (_dir, mut app) = app();
    intake(
        &mut app,
        &Person {
            name: "Mair Jones",
            phone: "029 2000 1111",
            email: "mair@example.org",
            gender: "Female",
            age: "18–29",
        },
        "Damp",
    );
    let case = match &app.screen {
        Screen::Case(v) => v.id,
        _ => panic!("on the case"),
    };
    app.press(key(KeyCode::Char('p')));
    assert!(matches!(app.popups.last(), Some(Popup::People { .. })));
    // Add the neighbour, new to the diary, as an officer then fix the role.
    app.press(key(KeyCode::Char('a')));
    type_text(&mut app, "Rhian Price");
    app.press(key(KeyCode::Tab));
    choose(&mut app, "Officer");
    app.press(key(KeyCode::Enter));
    assert!(matches!(app.popups.last(), Some(Popup::People { .. })));
    let people = app.store.case_people(case).expect("people");
    assert_eq!(people.len(), 2);
    assert_eq!(people[1].0, Role::Officer);
    assert_eq!(
        people[1].1.kind,
        Some(casebook::domain::ContactKind::Officer)
    );
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Char('r')));
    // The roles offered are typed: her role now is the one selected.
    let Some(Popup::Choose {
        options, selected, ..
    }) = app.popups.last()
    else {
        panic!("a choice of roles: {:?}", app.popups)
    };
    assert!(matches!(
        options[*selected].0,
        Choice::Role {
            from: Role::Officer,
            to: Role::Officer,
            ..
        }
    ));
    app.press(key(KeyCode::Down)); // Officer → Agency
    app.press(key(KeyCode::Enter));
    let people = app.store.case_people(case).expect("people");
    assert_eq!(people[1].0, Role::Agency);
    // Her card from the list: a phone number added.
    app.press(key(KeyCode::Enter));
    let Some(Popup::Form(_, form)) = app.popups.last() else {
        panic!("the contact card")
    };
    assert_eq!(record::get(form, ContactField::Name), "Rhian Price");
    tab_to(&mut app, ContactField::Phone);
    type_text(&mut app, "029 2087 2000");
    app.press(key(KeyCode::Enter));
    assert!(matches!(app.popups.last(), Some(Popup::People { .. })));
    let rhian = app.store.case_people(case).expect("people")[1].1.clone();
    assert_eq!(rhian.phone.as_deref(), Some("029 2087 2000"));
    // Taken off the case, after a question; her card stays.
    app.press(key(KeyCode::Char('d')));
    assert!(matches!(app.popups.last(), Some(Popup::Confirm { .. })));
    app.press(key(KeyCode::Char('y')));
    let people = app.store.case_people(case).expect("people");
    assert_eq!(people.len(), 1);
    assert!(app.store.contact(rhian.id).is_ok(), "the contact stays");
    let (export, _) = app.store.export_all(false).expect("export");
    assert!(
        export.tombstones.iter().any(|t| t.kind == "case_person"),
        "the removal leaves a tombstone for a later merge"
    );
}

#[test]
fn the_contact_card_edits_every_field_and_keeps_a_bad_email_beside_it() {
    let (_dir, mut app) = app();
    let sian = app
        .store
        .add_contact(&Contact::named("Siân Davies"))
        .expect("contact");
    app.press(key(KeyCode::Char('3')));
    app.press(key(KeyCode::Enter));
    assert!(matches!(app.screen, Screen::Contact(_)));
    app.press(key(KeyCode::Char('E')));
    tab_to(&mut app, ContactField::Address);
    type_text(&mut app, "Fflat 2, Tŷ Â");
    tab_to(&mut app, ContactField::Email);
    type_text(&mut app, "sian@");
    tab_to(&mut app, ContactField::Caution);
    type_text(&mut app, "Dog at the door");
    tab_to(&mut app, ContactField::Ethnicity);
    choose(&mut app, "White: Welsh");
    app.press(key(KeyCode::Enter));
    let Some(Popup::Form(_, form)) = app.popups.last() else {
        panic!("refused: the card stays")
    };
    assert!(
        record::field(form, ContactField::Email)
            .and_then(|f| f.shown_error())
            .is_some()
    );
    assert_eq!(record::get(form, ContactField::Email), "sian@");
    tab_to(&mut app, ContactField::Email);
    type_text(&mut app, "example.org");
    app.press(key(KeyCode::Enter));
    assert!(app.popups.is_empty(), "{:?}", app.popups);
    let c = app.store.contact(sian.id).expect("contact");
    assert_eq!(c.address.as_deref(), Some("Fflat 2, Tŷ Â"));
    assert_eq!(c.email.as_deref(), Some("sian@example.org"));
    assert_eq!(c.caution.as_deref(), Some("Dog at the door"));
    assert_eq!(c.ethnicity.as_deref(), Some("white_welsh"));
}

#[test]
fn the_review_counts_the_people_typed_in() {
    let (_dir, mut app) = app();
    for (p, title) in [
        (
            Person {
                name: "Mair Jones",
                phone: "029 2000 1111",
                email: "mair@example.org",
                gender: "Female",
                age: "18–29",
            },
            "Damp",
        ),
        (
            Person {
                name: "Owen Price",
                phone: "029 2000 2222",
                email: "owen@example.org",
                gender: "Male",
                age: "65–74",
            },
            "Streetlight out",
        ),
        (
            Person {
                name: "Ceri Lewis",
                phone: "029 2000 3333",
                email: "ceri@example.org",
                gender: "Prefer not to say",
                age: "Prefer not to say",
            },
            "Parking",
        ),
    ] {
        intake(&mut app, &p, title);
        app.press(key(KeyCode::Char('1')));
    }
    let review = app
        .store
        .review(&Period::year(2026, 1).expect("year"))
        .expect("review");
    let json: serde_json::Value =
        serde_json::from_str(&review.to_json().expect("json")).expect("parses");
    assert_eq!(json["people_contacted"], 3);
    assert_eq!(json["under_30"], 1);
    let d = &json["demographics"];
    assert_eq!(d["gender"]["female"], 1);
    assert_eq!(d["gender"]["male"], 1);
    assert_eq!(d["gender"]["prefer_not_to_say"], 1);
    assert_eq!(d["age_band"]["18-29"], 1);
    assert_eq!(d["age_band"]["65-74"], 1);
    assert_eq!(d["age_band"]["prefer_not_to_say"], 1);
    assert_eq!(d["ethnicity"]["unknown"], 3, "not asked");
    assert_eq!(json["cases_opened"], 3);
}

#[test]
fn open_case_writes_the_people_and_the_case_in_one_transaction() {
    use casebook::store::Person as P;
    let (_dir, mut app) = app();
    let cats = Config::default().categories();
    let case = casebook::domain::Case::new("Damp", day(2026, 3, 2));
    let mut bad = Contact::named("Gwen Evans");
    bad.email = Some("not an address".into());
    let refused = app.store.open_case(
        &case,
        &[
            (
                P::New(Box::new(Contact::named("Mair Jones"))),
                Role::Constituent,
            ),
            (P::New(Box::new(bad)), Role::Other),
        ],
        &cats,
    );
    assert!(refused.is_err());
    let counts = app.store.counts().expect("counts");
    assert_eq!(
        (counts.contacts, counts.cases),
        (0, 0),
        "the first person went too"
    );
    let opened = app
        .store
        .open_case(
            &case,
            &[(
                P::New(Box::new(Contact::named("Mair Jones"))),
                Role::Constituent,
            )],
            &cats,
        )
        .expect("opens");
    assert_eq!(opened.people.len(), 1);
    assert_eq!(opened.people[0].1, casebook::store::Joined::Created);
}

#[test]
fn esc_on_an_unchanged_card_closes_it_and_on_a_changed_one_asks() {
    let (_dir, mut app) = app();
    app.store
        .add_contact(&Contact::named("Siân Davies"))
        .expect("contact");
    app.press(key(KeyCode::Char('3')));
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char('E')));
    app.press(key(KeyCode::Esc));
    assert!(
        app.popups.is_empty(),
        "prefilled, untouched: {:?}",
        app.popups
    );
    app.press(key(KeyCode::Char('E')));
    tab_to(&mut app, ContactField::Gender);
    app.press(key(KeyCode::Right));
    app.press(key(KeyCode::Esc));
    assert!(matches!(app.popups.last(), Some(Popup::Confirm { .. })));
}

#[test]
fn an_import_spelling_gender_three_ways_gives_one_review_row() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("diary.db");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").expect("config");
    let csv = dir.path().join("cases.csv");
    std::fs::write(
        &csv,
        "opened,title,constituent_name,constituent_email,gender,ethnicity,employment_status\n\
         2026-01-05,Bins,Ann,ann@example.org,F,White Welsh,Full time\n\
         2026-01-06,Lights,Bet,bet@example.org,female,white_welsh,employed\n\
         2026-01-07,Drains,Cat,cat@example.org,Female,Prefer not to say,Retired\n",
    )
    .expect("csv");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(&csv)
        .env("CASEBOOK_CONFIG", &config)
        .output()
        .expect("ran");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = Store::open(&db).expect("diary");
    let review = store
        .review(&Period::year(2026, 1).expect("year"))
        .expect("review");
    let json: serde_json::Value =
        serde_json::from_str(&review.to_json().expect("json")).expect("parses");
    let d = &json["demographics"];
    assert_eq!(d["gender"], serde_json::json!({"female": 3}));
    assert_eq!(
        d["ethnicity"],
        serde_json::json!({"white_welsh": 2, "prefer_not_to_say": 1})
    );
    assert_eq!(
        d["employment_status"],
        serde_json::json!({"employed": 2, "retired": 1})
    );
}

#[test]
fn the_domain_refuses_a_first_contact_after_opening_and_a_consent_date_without_an_answer() {
    let (_dir, mut app) = app();
    let cats = Config::default().categories();
    let mut case = casebook::domain::Case::new("Damp", day(2026, 3, 2));
    let saved = app.store.add_case(&case, &[], &cats).expect("case");
    case.contacted_on = Some(day(2026, 3, 3));
    assert!(app.store.update_case(saved.id, &case, &cats).is_err());
    case.contacted_on = Some(day(2026, 2, 27));
    case.consent_on = Some(day(2026, 2, 27));
    assert!(app.store.update_case(saved.id, &case, &cats).is_err());
    case.consent_to_share = Some(false);
    let saved = app
        .store
        .update_case(saved.id, &case, &cats)
        .expect("saved");
    assert_eq!(saved.contacted_on, Some(day(2026, 2, 27)));
    assert_eq!(saved.consent_on, Some(day(2026, 2, 27)));
}

#[test]
fn the_case_forms_date_problems_are_worded_in_the_readers_language_beside_the_field() {
    use casebook::i18n::{Catalogue, Lang};
    let (_dir, mut app) = app();
    intake(
        &mut app,
        &Person {
            name: "Mair Jones",
            phone: "029 2000 1111",
            email: "mair@example.org",
            gender: "Female",
            age: "18–29",
        },
        "Damp in the back bedroom",
    );
    app.press(key(KeyCode::Char('E')));
    app.words = Catalogue::embedded(Lang::Cy);
    tab_to(&mut app, CaseField::ContactedOn);
    press(&mut app, KeyCode::Backspace, 20);
    let error = |app: &App| {
        let Some(Popup::Form(_, form)) = app.popups.last() else {
            panic!("the case form")
        };
        record::field(form, CaseField::ContactedOn)
            .and_then(|f| f.error.clone())
            .unwrap_or_default()
    };
    type_text(&mut app, "2026-03-09");
    assert_eq!(error(&app), app.words.tr("ui-record-case-in-future", None));
    press(&mut app, KeyCode::Backspace, 20);
    type_text(&mut app, "next blue moon");
    let unread = casebook::dates::parse_optional_date("next blue moon", now().date())
        .expect_err("not a date");
    let english = Catalogue::embedded(Lang::En);
    assert_eq!(
        error(&app),
        unread.message(&app.words),
        "the reader's words"
    );
    assert_ne!(error(&app), unread.message(&english), "not the English");
    // The typing is kept, and nothing is saved while the problem stands.
    app.press(key(KeyCode::Enter));
    let Some(Popup::Form(_, form)) = app.popups.last() else {
        panic!("the form stays open")
    };
    assert_eq!(record::get(form, CaseField::ContactedOn), "next blue moon");
}

#[test]
fn a_case_opened_from_an_unfiled_call_files_it_in_the_same_transaction() {
    use casebook::domain::{Case, Entry, EntryKind, Id};
    use casebook::store::Person as P;
    let (_dir, mut app) = app();
    let cats = Config::default().categories();
    let mair = app
        .store
        .add_contact(&Contact::named("Mair Jones"))
        .expect("contact");
    let call = app
        .store
        .add_entry(&Entry {
            case: None,
            contact: Some(mair.id),
            kind: EntryKind::CallIn,
            at: now(),
            text: "Bins not collected on Heol y Coed\nthird week running".into(),
            confidential: false,
            surgery: None,
        })
        .expect("the call, unfiled");
    let case = Case::new("Bins not collected on Heol y Coed", day(2026, 3, 2));
    let people = [(P::Known(mair.id), Role::Constituent)];
    // An entry that is not there: nothing is opened.
    let missing = app
        .store
        .open_case_filing(&case, &people, &cats, Some(Id::new(9_999)));
    assert!(missing.is_err());
    assert_eq!(app.store.counts().expect("counts").cases, 0, "no case");
    // A case refused by its own rules: the call stays unfiled.
    let untitled = Case::new("  ", day(2026, 3, 2));
    assert!(
        app.store
            .open_case_filing(&untitled, &people, &cats, Some(call.id))
            .is_err()
    );
    assert_eq!(app.store.entry(call.id).expect("call").case, None);
    let opened = app
        .store
        .open_case_filing(&case, &people, &cats, Some(call.id))
        .expect("opens and files");
    assert_eq!(
        app.store.entry(call.id).expect("call").case,
        Some(opened.case.id),
        "the call is on the new case"
    );
}
