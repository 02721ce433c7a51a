//! Whole frames of every screen and popup on ratatui's TestBackend, seeded
//! data, frozen clock. Update with `INSTA_UPDATE=always cargo test --test
//! snapshots`, then read the .snap files before committing them.

mod common;

use casebook::app::{Action, App, key};
use casebook::config::Config;
use casebook::domain::{Case, CaseKind, Channel, Contact, EntryKind, Role};
use casebook::store::{LogRequest, Store, Who};
use chrono::{NaiveDate, NaiveDateTime};
use common::ui::{draw, press, typed};
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
    common::ui::app(Store::open_in_memory().expect("store"), Config::default())
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
    let mut app = common::ui::app(s, Config::default());
    app.refresh();
    app
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
    press(&mut app, KeyCode::Tab); // the date contacted: today
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
    insta::assert_snapshot!("close_case_80x24", draw(&app, 80, 24));
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
    // At the smallest size the keys go into two columns rather than off the screen.
    insta::assert_snapshot!("help_home_80x24", draw(&app, 80, 24));
    press(&mut app, KeyCode::Esc);
    app.fail(casebook::Error::System(
        casebook::error::Msg::new("error-db-disk-full").text("path", "diary.db"),
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
    let mut app = common::ui::app(s, Config::default());
    press(&mut app, KeyCode::Char('2'));
    for _ in 0..20 {
        press(&mut app, KeyCode::Char('j'));
    }
    insta::assert_snapshot!("cases_scrolled_80x24", draw(&app, 80, 24));
}

/// The seeded diary plus a directory, a late referral and a follow-up
/// later this week: enough for the due panel, agenda, referral and review.
fn reminders() -> App {
    let mut app = seeded();
    let s = &mut app.store;
    let mut officer = Contact::named("Gareth Lewis");
    officer.kind = Some(casebook::domain::ContactKind::Officer);
    officer.department = Some("Waste".into());
    officer.role = Some("Enforcement officer".into());
    officer.phone = Some("029 2087 2087".into());
    s.add_officer(
        &officer,
        "fly-tipping, missed bins, bulky waste",
        &["waste".into()],
    )
    .expect("officer");
    let mut agency = Contact::named("Tai Cymru Housing Association");
    agency.kind = Some(casebook::domain::ContactKind::Agency);
    agency.email = Some("repairs@taicymru.example".into());
    s.add_officer(
        &agency,
        "repairs, damp and mould in its homes",
        &["housing".into()],
    )
    .expect("agency");
    let case = s.case_by_reference("2026-0001").expect("q").expect("case");
    let to = s
        .referral_targets_named("Tai Cymru Housing Association")
        .expect("q")[0]
        .id;
    let outcome = s
        .refer(
            &casebook::store::NewReferral {
                case: case.id,
                to,
                at: at("2026-02-11 11:00"),
                council_ref: Some("TC-8812".into()),
                instruction: casebook::domain::Instruction::ReplyCopyMe,
                note: None,
                constituent_copied: true,
                reply_days: 10,
            },
            false,
        )
        .expect("referred");
    assert!(matches!(
        outcome,
        casebook::store::ReferOutcome::Referred(_)
    ));
    s.add_follow_up(&casebook::domain::FollowUp {
        case: Some(case.id),
        contact: None,
        entry: None,
        due_on: day(2026, 3, 5),
        what: "Check the mould treatment was booked".into(),
        done_on: None,
    })
    .expect("follow-up");
    app.refresh();
    app
}

#[test]
fn home_with_everything_due() {
    let app = reminders();
    insta::assert_snapshot!("home_due_80x24", draw(&app, 80, 24));
    insta::assert_snapshot!("home_due_120x40", draw(&app, 120, 40));
}

#[test]
fn agenda() {
    let mut app = reminders();
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('j'));
    insta::assert_snapshot!("agenda_80x24", draw(&app, 80, 24));
    insta::assert_snapshot!("agenda_120x40", draw(&app, 120, 40));
    press(&mut app, KeyCode::Char('m'));
    typed(&mut app, "next tuesday");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("agenda_reschedule_error", draw(&app, 80, 24));
    insta::assert_snapshot!("agenda_empty_80x24", {
        let mut e = empty();
        press(&mut e, KeyCode::Char('4'));
        draw(&e, 80, 24)
    });
}

#[test]
fn referral() {
    let mut app = reminders();
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('G'));
    press(&mut app, KeyCode::Enter); // the streetlight case: consent not asked
    press(&mut app, KeyCode::Char('R'));
    typed(&mut app, "fly");
    insta::assert_snapshot!("refer_completion_80x24", draw(&app, 80, 24));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "WST-99");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    insta::assert_snapshot!("refer_filled_120x40", draw(&app, 120, 40));
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("refer_confirm_consent_80x24", draw(&app, 80, 24));
    press(&mut app, KeyCode::Char('y'));
    insta::assert_snapshot!("case_referred_120x40", draw(&app, 120, 40));
    press(&mut app, KeyCode::Char('a'));
    typed(&mut app, "\t");
    insta::assert_snapshot!("reply_form_80x24", draw(&app, 80, 24));
}

#[test]
fn surgery() {
    let mut app = seeded();
    press(&mut app, KeyCode::Char('S'));
    typed(&mut app, "Neuadd y Pentref, Llanfair");
    insta::assert_snapshot!("surgery_start_80x24", draw(&app, 80, 24));
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("surgery_running_80x24", draw(&app, 80, 24));
    insta::assert_snapshot!("surgery_running_120x40", draw(&app, 120, 40));
    press(&mut app, KeyCode::Char('c'));
    typed(&mut app, "Siân");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "Came about the damp again");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('S'));
    insta::assert_snapshot!("surgery_end_confirm_80x24", draw(&app, 80, 24));
    press(&mut app, KeyCode::Char('y'));
    insta::assert_snapshot!("surgery_summary_80x24", draw(&app, 80, 24));
}

#[test]
fn directory() {
    let mut app = reminders();
    press(&mut app, KeyCode::Char('5'));
    insta::assert_snapshot!("directory_all_80x24", draw(&app, 80, 24));
    typed(&mut app, "who do I speak to about damp");
    insta::assert_snapshot!("directory_search_120x40", draw(&app, 120, 40));
    typed(&mut app, "zzz");
    press(&mut app, KeyCode::Esc);
    insta::assert_snapshot!("directory_nothing_80x24", draw(&app, 80, 24));
}

#[test]
fn review() {
    let mut s = Store::open_in_memory().expect("store");
    let cats = Config::default().categories();
    let mut people = Vec::new();
    for (i, (name, age, gender)) in [
        (
            "Ffion Jones",
            Some(casebook::domain::AgeBand::From18To29),
            Some("female"),
        ),
        (
            "Huw Evans",
            Some(casebook::domain::AgeBand::From45To64),
            Some("male"),
        ),
        ("Mair Owen", None, Some("female")),
        (
            "Sam Patel",
            Some(casebook::domain::AgeBand::From30To44),
            None,
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let mut c = Contact::named(name);
        c.age_band = age;
        c.gender = gender.map(str::to_string);
        c.ethnicity = (i % 2 == 0).then(|| "white_welsh".to_string());
        people.push(s.add_contact(&c).expect("contact").id);
    }
    let plan = [
        (
            "2025-02-03",
            Some("2025-03-01"),
            "housing",
            Channel::Phone,
            0,
        ),
        ("2025-06-10", Some("2025-06-20"), "waste", Channel::Email, 1),
        ("2025-09-01", None, "highways", Channel::Surgery, 2),
        ("2026-01-12", Some("2026-02-02"), "waste", Channel::Email, 1),
        (
            "2026-01-20",
            Some("2026-02-25"),
            "housing",
            Channel::Phone,
            0,
        ),
        ("2026-02-01", None, "housing", Channel::Surgery, 3),
        ("2026-02-14", None, "parking", Channel::Doorstep, 2),
    ];
    for (opened, closed, cat, channel, who) in plan {
        let mut c = Case::new("A case", at(&format!("{opened} 09:00")).date());
        c.category = cat.into();
        c.channel = channel;
        let c = s
            .add_case(&c, &[(people[who], Role::Constituent)], &cats)
            .expect("case");
        if let Some(on) = closed {
            s.close_case(
                c.id,
                casebook::domain::Outcome::Resolved,
                at(&format!("{on} 09:00")).date(),
            )
            .expect("closed");
        }
    }
    let mut app = common::ui::app(s, Config::default());
    press(&mut app, KeyCode::Char('6'));
    insta::assert_snapshot!("review_80x24", draw(&app, 80, 24));
    insta::assert_snapshot!("review_120x40", draw(&app, 120, 40));
    app.update(Action::Resize(80, 24));
    for _ in 0..15 {
        press(&mut app, KeyCode::Char('j'));
    }
    insta::assert_snapshot!("review_scrolled_80x24", draw(&app, 80, 24));
    press(&mut app, KeyCode::Char('p'));
    insta::assert_snapshot!("review_municipal_120x40", draw(&app, 120, 40));
    press(&mut app, KeyCode::Char('f'));
    insta::assert_snapshot!("review_range_form_80x24", draw(&app, 80, 24));
}

/// The forms that keep the record: a call proposing the caller's one open
/// case, the case picker with several, an unfiled entry being filed, the
/// closing form, the directory form; each at both sizes.
#[test]
fn keeping_the_record() {
    let sizes = [(80, 24), (120, 40)];
    let mut app = seeded();
    press(&mut app, KeyCode::Char('c'));
    typed(&mut app, "dai");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "Asked again about the bulky waste");
    for (w, h) in sizes {
        insta::assert_snapshot!(format!("quick_log_proposes_case_{w}x{h}"), draw(&app, w, h));
    }
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));

    press(&mut app, KeyCode::Char('c'));
    typed(&mut app, "sian");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    for (w, h) in sizes {
        insta::assert_snapshot!(format!("quick_log_case_picker_{w}x{h}"), draw(&app, w, h));
    }
    typed(&mut app, "street");
    for (w, h) in sizes {
        insta::assert_snapshot!(format!("quick_log_case_typed_{w}x{h}"), draw(&app, w, h));
    }
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));

    // Home's latest entries: Dai's unfiled call, E.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('E'));
    for (w, h) in sizes {
        insta::assert_snapshot!(format!("entry_form_{w}x{h}"), draw(&app, w, h));
    }
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('D'));
    insta::assert_snapshot!("entry_delete_confirm_80x24", draw(&app, 80, 24));
    press(&mut app, KeyCode::Char('n'));

    // A case closed: outcome, note, satisfaction.
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('x'));
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "Gutter fixed and the room treated");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    for (w, h) in sizes {
        insta::assert_snapshot!(format!("close_case_filled_{w}x{h}"), draw(&app, w, h));
    }
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));

    // The directory: a new officer.
    press(&mut app, KeyCode::Char('5'));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('a'));
    typed(&mut app, "Mari Jones");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "Cyngor Sir");
    for (w, h) in sizes {
        insta::assert_snapshot!(format!("directory_form_{w}x{h}"), draw(&app, w, h));
    }
}

// ── Every screen and popup at both sizes ──

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// `name`_80x24 and `name`_120x40.
fn both(name: &str, app: &App) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("both_{name}_{w}x{h}"), draw(app, w, h));
    }
}

#[test]
fn every_screen_at_both_sizes() {
    let mut app = reminders();
    both("home", &app);
    press(&mut app, KeyCode::Char('2'));
    both("cases", &app);
    press(&mut app, KeyCode::Enter);
    both("case", &app);
    press(&mut app, KeyCode::Char('3'));
    both("contacts", &app);
    press(&mut app, KeyCode::Enter); // Dai Morgan: a case, a caution, a call
    both("contact", &app);
    press(&mut app, KeyCode::Char('4'));
    both("agenda", &app);
    press(&mut app, KeyCode::Char('5'));
    both("directory", &app);
    press(&mut app, KeyCode::Char('6'));
    both("review", &app);
}

#[test]
fn every_popup_at_both_sizes() {
    let mut app = reminders();
    press(&mut app, KeyCode::Char('?'));
    both("help", &app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "damp");
    both("search", &app);
    press(&mut app, KeyCode::Esc);
    app.fail(casebook::Error::System(
        casebook::error::Msg::new("error-db-disk-full").text("path", "diary.db"),
    ));
    both("message", &app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('c'));
    typed(&mut app, "Siân");
    both("quick_log", &app);
    press(&mut app, KeyCode::Esc);
    both("confirm_discard", &app);
    press(&mut app, KeyCode::Char('y'));
    press(&mut app, KeyCode::Char('n'));
    both("intake", &app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('s'));
    both("choose_status", &app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('p'));
    both("people", &app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('f'));
    both("follow_up", &app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('x'));
    both("close_case", &app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('E'));
    both("edit_case", &app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('R'));
    both("refer", &app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('M'));
    both("take_mail", &app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('S'));
    both("surgery_start", &app);
}

#[test]
fn the_lock_screen_at_both_sizes() {
    use casebook::tui::{LockNote, render_lock};
    let words = casebook::i18n::Catalogue::embedded(casebook::i18n::Lang::En);
    for (w, h) in SIZES {
        for (name, typed, note) in [
            ("lock", false, None),
            ("lock_typed", true, None),
            ("lock_wrong", false, Some(LockNote::Wrong)),
        ] {
            let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            t.draw(|f| render_lock(f, &words, typed, note))
                .expect("drawn");
            insta::assert_snapshot!(format!("both_{name}_{w}x{h}"), t.backend().to_string());
        }
    }
}

#[test]
fn the_demo_badge_and_no_color_at_both_sizes() {
    let mut app = seeded();
    app.demo = true;
    both("demo", &app);
    app.demo = false;
    app.no_color = true;
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Enter);
    both("no_color_case_caution", &app);
}

// ── Where colour carries meaning, the style is checked too ──

fn buffer(app: &App, w: u16, h: u16) -> ratatui::buffer::Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| casebook::ui::render(app, f)).expect("drawn");
    t.backend().buffer().clone()
}

/// The cell where `text` starts on screen (the first place it is).
fn cell_of<'a>(buf: &'a ratatui::buffer::Buffer, text: &str) -> &'a ratatui::buffer::Cell {
    for y in 0..buf.area.height {
        let mut row = String::new();
        let mut starts = Vec::new();
        for x in 0..buf.area.width {
            starts.push((row.len(), x));
            row.push_str(buf[(x, y)].symbol());
        }
        if let Some(at) = row.find(text)
            && let Some((_, x)) = starts.iter().rev().find(|(b, _)| *b <= at)
        {
            return &buf[(*x, y)];
        }
    }
    panic!("{text:?} is not on screen");
}

#[test]
fn the_caution_marker_is_white_on_red_or_reversed_without_colour() {
    use ratatui::style::{Color, Modifier};
    let mut app = seeded();
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Enter); // the fly-tipping case: Dai, with a caution
    let buf = buffer(&app, 80, 24);
    let cell = cell_of(&buf, "⚠");
    assert_eq!((cell.fg, cell.bg), (Color::White, Color::Red));
    assert!(cell.modifier.contains(Modifier::BOLD));

    app.no_color = true;
    let buf = buffer(&app, 80, 24);
    let cell = cell_of(&buf, "⚠");
    assert_eq!(
        (cell.fg, cell.bg),
        (Color::Reset, Color::Reset),
        "no colour"
    );
    assert!(
        cell.modifier.contains(Modifier::REVERSED | Modifier::BOLD),
        "reverse and bold carry it: {:?}",
        cell.modifier
    );
}

#[test]
fn overdue_is_red_and_today_yellow() {
    use ratatui::style::{Color, Modifier};
    let mut app = reminders();
    let buf = buffer(&app, 120, 40);
    let overdue = cell_of(&buf, "28 Feb overdue");
    assert_eq!(overdue.fg, Color::Red, "home: overdue");
    assert!(overdue.modifier.contains(Modifier::BOLD));
    press(&mut app, KeyCode::Char('4'));
    let buf = buffer(&app, 120, 40);
    let overdue = cell_of(&buf, "Sat 28 Feb");
    assert_eq!(overdue.fg, Color::Red, "agenda: overdue");
    let later = cell_of(&buf, "Thu 05 Mar");
    assert_ne!(later.fg, Color::Red, "agenda: this week is not alarming");
}

#[test]
fn more_popups_at_both_sizes() {
    let mut app = reminders();
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('m'));
    both("reschedule", &app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('6'));
    press(&mut app, KeyCode::Char('f'));
    both("review_range", &app);
    press(&mut app, KeyCode::Esc);
    // 2026-0001, the damp case, awaits the housing association's reply.
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('a'));
    both("reply", &app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('D'));
    both("draft", &app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('S'));
    typed(&mut app, "Neuadd y Pentref");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('S'));
    both("surgery_end", &app);
    press(&mut app, KeyCode::Char('y'));
    both("surgery_summary", &app);
}

// ── Welsh ──

#[test]
fn welsh_screens() {
    for (name, action) in [
        ("home", None),
        ("cases", Some('2')),
        ("contacts", Some('3')),
        ("agenda", Some('4')),
        ("directory", Some('5')),
        ("review", Some('6')),
    ] {
        let mut app = seeded();
        app.set_words(casebook::i18n::Catalogue::embedded(
            casebook::i18n::Lang::Cy,
        ));
        if let Some(c) = action {
            app.press(key(KeyCode::Char(c)));
        }
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("cy_{name}_{w}x{h}"), draw(&app, w, h));
        }
    }
}

#[test]
fn the_language_key_switches_on_the_spot() {
    let mut app = seeded();
    assert!(draw(&app, 120, 40).contains("Cases"));
    typed(&mut app, "L");
    let welsh = draw(&app, 120, 40);
    assert!(welsh.contains("Achosion"), "{welsh}");
    assert!(!welsh.contains(" Cases "), "{welsh}");
    typed(&mut app, "L");
    assert!(draw(&app, 120, 40).contains("Cases"));
}
