//! Every screen, popup and form of the terminal UI, reached as a user
//! reaches them (keys through `App::press`), on a diary whose own words are
//! known (issue 17):
//!
//! - in the pseudo-locale, where every word the catalogue gives is wrapped
//!   in ⟦…⟧, at 80×24 and 120×40: a word on screen outside the marks that
//!   is not the diary's own data (nor a key's name) did not come from the
//!   catalogue, and the test names the stop and the word. The frames are
//!   kept as snapshots too (`tour__pseudo_*`, at 120×40);
//! - in Welsh, each popup and form (and the rooms the screen snapshots do
//!   not cover) as a snapshot at 80×24 and 120×40 (`tour__cy_*`).
//!
//! The diary's data is Welsh, so no English word the UI might leak is
//! mistaken for data. Update the snapshots with `INSTA_UPDATE=always cargo
//! test --test tour` and read them.

mod common;

use std::collections::BTreeSet;

use casebook::app::{App, Popup, key};
use casebook::config::{Config, SyncConfig};
use casebook::domain::{
    Case, CaseKind, CaseStatus, Channel, Contact, ContactKind, EntryKind, FollowUp, Instruction,
    Language, Outcome, Role,
};
use casebook::i18n::{Catalogue, Lang};
use casebook::store::{LogRequest, NewReferral, Store, Who};
use chrono::{NaiveDate, NaiveDateTime};
use common::ui::{SIZES, draw, press, typed};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("a moment")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

/// Everything the diaries below hold, and the inbox's files: the words a
/// screen may show that are data, not the catalogue's.
const DATA: &[&str] = &[
    "Siân Davies",
    "12 Heol y Nant",
    "CF10 5BF",
    "01234 567890",
    "sian@enghraifft.cymru",
    "Dai Morgan",
    "ymosodol yn y gymhorthfa ddiwethaf: cwrdd â chydweithiwr",
    "Rhian Hughes",
    "Cyngor Sir Ceredigion",
    "Tai",
    "Swyddog tai",
    "tai, tamprwydd, llwydni",
    "Gwen Price",
    "Tamprwydd yn y llofft gefn",
    "Llwydni tu ôl i'r cwpwrdd dillad; plentyn ag asthma yn cysgu yno.",
    "Trwsio'r landeri a thrin y tamprwydd.",
    "Tipio anghyfreithlon ger Stryd Fawr",
    "Golau stryd wedi diffodd ar Lôn Goed",
    "Sbwriel ym Mharc y Dre",
    "Ffoniodd am y tamprwydd; lluniau i ddilyn.",
    "Pryderon iechyd: manylion yn breifat.",
    "Holodd am gasgliadau gwastraff swmpus.",
    "Gwirio bod y driniaeth wedi'i threfnu",
    "TC-8812",
    "Neuadd y Pentref",
    // The inbox's message, and its folder and files.
    "Elin ap Dafydd",
    "elin@example.cymru",
    "Dŵr yn y tŷ",
    "1-dwr.eml",
    "2-drylliedig.eml",
    "mewnflwch",
    // The conflict's values.
    "01234 111111",
    "01234 222222",
    "01234 333333",
    // What the tour types.
    "Tamp",
    "Siân",
    "Rhian",
    "tai",
    "31/02",
    "/dim/yma.eml",
    // The program's name, the same in every language.
    "casebook",
    // A date field starts with the word for today as typed text (the
    // catalogue's, unmarked, so the date reader takes it).
    "today",
];

/// Keys are named as on the keyboard, in every language.
const KEY_NAMES: &[&str] = &[
    "Esc",
    "Enter",
    "Tab",
    "Shift",
    "Ctrl",
    "Alt",
    "Space",
    "Home",
    "End",
    "PgUp",
    "PgDn",
    "Backspace",
    "Del",
];

/// Our diary: three people, an officer in the directory, four cases (one
/// referred and awaiting a reply, one whose constituent was never asked
/// about sharing, one waiting on the council, one closed), follow-ups late,
/// today and later this week, and a confidential entry.
fn diary() -> Store {
    let mut s = Store::open_in_memory().expect("store");
    let cats = Config::default().categories();
    let mut sian = Contact::named("Siân Davies");
    sian.kind = Some(ContactKind::Constituent);
    sian.address = Some("12 Heol y Nant".into());
    sian.postcode = Some("CF10 5BF".into());
    sian.email = Some("sian@enghraifft.cymru".into());
    sian.language = Some(Language::Welsh);
    let sian = s.add_contact(&sian).expect("contact");
    let mut dai = Contact::named("Dai Morgan");
    dai.caution = Some("ymosodol yn y gymhorthfa ddiwethaf: cwrdd â chydweithiwr".into());
    dai.phone = Some("01234 567890".into());
    let dai = s.add_contact(&dai).expect("contact");
    let mut rhian = Contact::named("Rhian Hughes");
    rhian.kind = Some(ContactKind::Officer);
    rhian.organisation = Some("Cyngor Sir Ceredigion".into());
    rhian.department = Some("Tai".into());
    rhian.role = Some("Swyddog tai".into());
    s.add_officer(&rhian, "tai, tamprwydd, llwydni", &["housing".into()])
        .expect("officer");

    let mut damp = Case::new("Tamprwydd yn y llofft gefn", day(2026, 2, 10));
    damp.category = "housing".into();
    damp.kind = CaseKind::IndirectQuery;
    damp.location = Some("12 Heol y Nant".into());
    damp.postcode = Some("CF10 5BF".into());
    damp.facts = Some("Llwydni tu ôl i'r cwpwrdd dillad; plentyn ag asthma yn cysgu yno.".into());
    damp.wants = Some("Trwsio'r landeri a thrin y tamprwydd.".into());
    damp.consent_to_share = Some(true);
    let damp = s
        .add_case(&damp, &[(sian.id, Role::Constituent)], &cats)
        .expect("case");
    let mut tipping = Case::new("Tipio anghyfreithlon ger Stryd Fawr", day(2026, 2, 20));
    tipping.category = "waste".into();
    tipping.channel = Channel::Email;
    s.add_case(&tipping, &[(dai.id, Role::Constituent)], &cats)
        .expect("case");
    let mut light = Case::new("Golau stryd wedi diffodd ar Lôn Goed", day(2026, 1, 5));
    light.category = "highways".into();
    let light = s
        .add_case(&light, &[(sian.id, Role::Constituent)], &cats)
        .expect("case");
    s.set_case_status(light.id, CaseStatus::WaitingCouncil)
        .expect("status");
    let mut litter = Case::new("Sbwriel ym Mharc y Dre", day(2026, 1, 12));
    litter.category = "waste".into();
    let litter = s
        .add_case(&litter, &[(dai.id, Role::Constituent)], &cats)
        .expect("case");
    s.close_case(litter.id, Outcome::Resolved, day(2026, 2, 2))
        .expect("closed");

    let mut log = |who: &str, case: Option<&str>, when: &str, text: &str, follow, conf| {
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
        "Siân Davies",
        Some(damp.reference.as_str()),
        "2026-02-10 10:15",
        "Ffoniodd am y tamprwydd; lluniau i ddilyn.",
        Some(day(2026, 2, 28)),
        false,
    );
    log(
        "Siân Davies",
        Some(damp.reference.as_str()),
        "2026-02-12 14:00",
        "Pryderon iechyd: manylion yn breifat.",
        None,
        true,
    );
    log(
        "Dai Morgan",
        None,
        "2026-03-01 16:40",
        "Holodd am gasgliadau gwastraff swmpus.",
        Some(day(2026, 3, 2)),
        false,
    );
    let to = s.referral_targets_named("Rhian Hughes").expect("q")[0].id;
    let _ = s
        .refer(
            &NewReferral {
                case: damp.id,
                to,
                at: at("2026-02-11 11:00"),
                council_ref: Some("TC-8812".into()),
                instruction: Instruction::ReplyCopyMe,
                note: None,
                constituent_copied: true,
                reply_days: 10,
            },
            false,
        )
        .expect("referred");
    s.add_follow_up(&FollowUp {
        case: Some(damp.id),
        contact: None,
        entry: None,
        due_on: day(2026, 3, 5),
        what: "Gwirio bod y driniaeth wedi'i threfnu".into(),
        done_on: None,
    })
    .expect("follow-up");
    s
}

fn app_with(store: Store, config: Config, words: Catalogue) -> App {
    let mut app = common::ui::app(store, config);
    app.set_words(words);
    app
}

fn char(app: &mut App, c: char) {
    app.press(key(KeyCode::Char(c)));
}

/// Esc until no popup is left, discarding what a form held.
fn close_all(app: &mut App) {
    for _ in 0..8 {
        match app.popups.last() {
            None => return,
            Some(Popup::Confirm { .. }) => char(app, 'y'),
            Some(_) => press(app, KeyCode::Esc),
        }
    }
    assert!(app.popups.is_empty(), "popups left: {:?}", app.popups);
}

/// What the tour does at each stop: looks at the frame (named).
trait Look {
    fn app(&mut self, name: &str, app: &App);
    fn frame(&mut self, name: &str, frame: &dyn Fn(u16, u16) -> String);
}

/// The main diary, room by room.
fn main_rooms(words: fn() -> Catalogue, look: &mut dyn Look) {
    let mut app = app_with(diary(), Config::default(), words());
    let a = &mut app;
    look.app("home", a);
    char(a, '?');
    look.app("help", a);
    press(a, KeyCode::Esc);
    char(a, '/');
    typed(a, "Tamp");
    look.app("search", a);
    press(a, KeyCode::Esc);

    // The quick log: empty, saved empty, a name typed.
    char(a, 'c');
    look.app("quick_log", a);
    press(a, KeyCode::Enter);
    look.app("quick_log_errors", a);
    typed(a, "Siân");
    look.app("quick_log_who", a);
    press(a, KeyCode::Esc);
    look.app("confirm_discard", a);
    close_all(a);

    // A new case, and saved with nothing in it.
    char(a, 'n');
    look.app("intake", a);
    press(a, KeyCode::Enter);
    look.app("intake_errors", a);
    close_all(a);

    // The list of cases and its filters.
    char(a, '2');
    look.app("cases", a);
    for (c, name) in [
        ('s', "cases_filter_status"),
        ('t', "cases_filter_category"),
        ('y', "cases_filter_kind"),
    ] {
        char(a, c);
        look.app(name, a);
        close_all(a);
    }
    // The damp case: referred, awaiting a reply.
    open_case(a, "2026-0001");
    look.app("case", a);
    char(a, 'r');
    look.app("case_revealed", a);
    char(a, 's');
    look.app("choose_status", a);
    close_all(a);
    char(a, 'p');
    look.app("people", a);
    char(a, 'r');
    look.app("people_role", a);
    press(a, KeyCode::Esc);
    char(a, 'd');
    look.app("confirm_remove_person", a);
    char(a, 'n');
    char(a, 'a');
    look.app("add_person", a);
    press(a, KeyCode::Enter);
    look.app("add_person_errors", a);
    close_all(a);
    char(a, 'p');
    press(a, KeyCode::Enter);
    look.app("contact_card", a);
    close_all(a);
    char(a, 'e');
    look.app("case_entry", a);
    close_all(a);
    char(a, 'f');
    look.app("follow_up", a);
    typed(a, "31/02");
    press(a, KeyCode::Enter);
    look.app("follow_up_errors", a);
    close_all(a);
    char(a, 'x');
    look.app("close_case", a);
    close_all(a);
    char(a, 'E');
    look.app("edit_case", a);
    close_all(a);
    char(a, 'a');
    look.app("reply", a);
    press(a, KeyCode::Enter);
    look.app("reply_errors", a);
    close_all(a);
    char(a, 'M');
    look.app("take_mail", a);
    typed(a, "/dim/yma.eml");
    press(a, KeyCode::Enter);
    look.app("take_mail_failed", a);
    close_all(a);
    char(a, 'D');
    look.app("draft", a);
    close_all(a);

    // The fly-tipping case: its constituent was never asked about sharing.
    open_case(a, "2026-0002");
    look.app("case_caution", a);
    char(a, 'R');
    look.app("refer", a);
    press(a, KeyCode::Enter);
    look.app("refer_errors", a);
    typed(a, "Rhian");
    press(a, KeyCode::Enter);
    look.app("refer_without_consent", a);
    close_all(a);

    // People.
    char(a, '3');
    look.app("contacts", a);
    press(a, KeyCode::Enter);
    look.app("contact", a);
    char(a, 'E');
    look.app("edit_contact", a);
    close_all(a);
    char(a, 'F');
    look.app("file_entry", a);
    close_all(a);

    // The agenda.
    char(a, '4');
    look.app("agenda", a);
    char(a, 'm');
    look.app("reschedule", a);
    typed(a, "31/02");
    press(a, KeyCode::Enter);
    look.app("reschedule_errors", a);
    close_all(a);

    // The directory.
    char(a, '5');
    look.app("directory", a);
    char(a, '/');
    typed(a, "tai");
    look.app("directory_typing", a);
    press(a, KeyCode::Esc);
    char(a, 'a');
    look.app("directory_form", a);
    press(a, KeyCode::Enter);
    look.app("directory_form_errors", a);
    close_all(a);

    // The review.
    char(a, '6');
    look.app("review", a);
    char(a, 'f');
    look.app("review_range", a);
    typed(a, "x");
    press(a, KeyCode::Enter);
    look.app("review_range_errors", a);
    close_all(a);

    // Home's latest entries: correct one, delete one.
    char(a, '1');
    for _ in 0..2 {
        press(a, KeyCode::Tab);
    }
    char(a, 'E');
    look.app("edit_entry", a);
    close_all(a);
    char(a, 'D');
    look.app("confirm_delete_entry", a);
    close_all(a);
    // (`close_all` answered yes: the entry is gone, as a user would see.)

    // A surgery: started, running, ended.
    char(a, 'S');
    look.app("surgery_start", a);
    typed(a, "Neuadd y Pentref");
    press(a, KeyCode::Enter);
    look.app("surgery_running", a);
    char(a, 'S');
    look.app("confirm_end_surgery", a);
    char(a, 'y');
    look.app("surgery_summary", a);
    close_all(a);

    // A message box, and the privacy screen.
    a.fail(casebook::Error::NotFound {
        what: "case with reference",
        name: "2026-0099".into(),
    });
    look.app("message", a);
    close_all(a);
    a.press(KeyEvent::new(KeyCode::Char('p'), KeyModifiers::CONTROL));
    look.app("privacy", a);
}

/// Opens the case with this reference, as Enter on its row does.
fn open_case(app: &mut App, reference: &str) {
    let id = app
        .store
        .case_by_reference(reference)
        .expect("read")
        .unwrap_or_else(|| panic!("no case {reference}"))
        .id;
    app.go(
        casebook::app::Screen::Case(Box::new(casebook::app::CaseView::new(id))),
        false,
    );
}

/// An empty diary: what each room says when there is nothing yet.
fn empty_rooms(words: fn() -> Catalogue, look: &mut dyn Look) {
    let store = Store::open_in_memory().expect("store");
    let mut app = app_with(store, Config::default(), words());
    let a = &mut app;
    for (c, name) in [
        ('1', "empty_home"),
        ('2', "empty_cases"),
        ('3', "empty_contacts"),
        ('4', "empty_agenda"),
        ('5', "empty_directory"),
        ('6', "empty_review"),
    ] {
        char(a, c);
        look.app(name, a);
    }
}

/// The inbox: a Welsh message waiting, and a file that is not mail.
fn inbox(words: fn() -> Catalogue, look: &mut dyn Look) {
    let dir = tempfile::Builder::new()
        .prefix("mewnflwch")
        .tempdir()
        .expect("tempdir");
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mail");
    std::fs::copy(fixtures.join("welsh-qp.eml"), dir.path().join("1-dwr.eml")).expect("copy");
    std::fs::copy(
        fixtures.join("not-mail.txt"),
        dir.path().join("2-drylliedig.eml"),
    )
    .expect("copy");
    let mut config = Config::default();
    config.mail.inbox = Some(dir.path().to_path_buf());
    let mut app = app_with(diary(), config, words());
    let a = &mut app;
    char(a, 'i');
    let name = dir
        .path()
        .file_name()
        .and_then(|n| n.to_str())
        .expect("name")
        .to_string();
    // The folder's random name made fixed, for the snapshots.
    let fixed = |s: String| s.replace(&name, "mewnflwchXXXXXX");
    look.frame("inbox", &|w, h| fixed(draw(a, w, h)));
    press(a, KeyCode::Enter);
    look.frame("inbox_which_case", &|w, h| fixed(draw(a, w, h)));
}

/// A real conflict, made by the store's own merge (as `tests/sync_ui.rs`
/// makes it): a contact's phone changed here and on another device.
fn conflicts(words: fn() -> Catalogue, look: &mut dyn Look) {
    use casebook::store::{Remote, stamp_of};
    use serde_json::{Map, Value};
    let mut store = Store::open_in_memory().expect("store");
    store.join_hub().expect("join");
    let uuid = uuid::Uuid::now_v7().to_string();
    let record = |phone: &str, hlc: i64, version: i64| {
        let mut data = Map::new();
        data.insert("name".into(), Value::from("Gwen Price"));
        data.insert("name_fold".into(), Value::from("gwen price"));
        data.insert("phone".into(), Value::from(phone));
        data.insert("created_at".into(), Value::from("2026-03-02T09:00:00.000Z"));
        data.insert("updated_at".into(), Value::from("2026-03-02T09:00:00.000Z"));
        let clocks = data
            .keys()
            .map(|k| (k.clone(), Value::from(stamp_of(hlc, "the-desktop"))))
            .collect();
        let versions = data
            .keys()
            .map(|k| (k.clone(), Value::from(version)))
            .collect();
        Remote {
            kind: "contact".into(),
            uuid: uuid.clone(),
            data,
            clocks,
            versions,
            deleted: false,
            erased: false,
            version,
        }
    };
    store
        .apply_pulled(&[record("01234 111111", 5, 1)], 1)
        .expect("first pull");
    let id = store.contacts_named("Gwen Price").expect("find")[0].id;
    let mut c = store.contact(id).expect("contact").data;
    c.phone = Some("01234 222222".into());
    store.update_contact(id, &c).expect("edited here");
    store
        .apply_pulled(&[record("01234 333333", 6, 2)], 2)
        .expect("second pull");
    let config = Config {
        sync: SyncConfig {
            url: Some("postgresql://casebook@hyb.example/casebook".into()),
            interval_minutes: 5,
        },
        ..Config::default()
    };
    let mut app = app_with(store, config, words());
    look.app("sync_header", &app);
    char(&mut app, '!');
    // When it was found is the real clock's: frozen for the picture.
    if let casebook::app::Screen::Conflicts(room) = &mut app.screen {
        room.rows[0].found_at = Some("2026-03-02T09:25:00.000Z".into());
    }
    look.app("conflicts", &app);
}

/// Key settings with mistakes: the popup that says so, at start.
fn key_problems(words: fn() -> Catalogue, look: &mut dyn Look) {
    let config = Config {
        keys: [
            ("fly", "z"),
            ("help", "nonsense"),
            ("log_call", "q"),
            ("search", ""),
        ]
        .into_iter()
        .map(|(a, k)| (a.to_string(), k.to_string()))
        .collect(),
        ..Config::default()
    };
    let app = app_with(Store::open_in_memory().expect("store"), config, words());
    look.app("key_problems", &app);
}

/// The lock screen of an encrypted diary.
fn lock(words: fn() -> Catalogue, look: &mut dyn Look) {
    use casebook::tui::{LockNote, render_lock};
    let words = words();
    for (name, typed, note) in [
        ("lock", false, None),
        ("lock_typed", true, None),
        ("lock_checking", true, Some(LockNote::Checking)),
        ("lock_wrong", false, Some(LockNote::Wrong)),
    ] {
        look.frame(name, &|w, h| {
            let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            t.draw(|f| render_lock(f, &words, typed, note))
                .expect("drawn");
            t.backend().to_string()
        });
    }
}

/// The whole tour, in one language.
fn tour(words: fn() -> Catalogue, look: &mut dyn Look) {
    main_rooms(words, look);
    empty_rooms(words, look);
    inbox(words, look);
    conflicts(words, look);
    key_problems(words, look);
    lock(words, look);
}

// ── The pseudo-locale: no word that is not the catalogue's ──

/// A character of a frame, a border or a bar: it ends a word.
fn is_frame(c: char) -> bool {
    ('\u{2500}'..='\u{259F}').contains(&c)
}

/// The words of one run of text between spaces (or borders) that lie
/// outside the marks. A run that closes a mark before opening one is the
/// end of a word wrapped or cut from the line above; "…" ends a cut word.
fn unmarked(run: &str) -> Vec<String> {
    let close = run.find('⟧');
    let open = run.find('⟦');
    let mut depth = usize::from(close.is_some_and(|c| open.is_none_or(|o| c < o)));
    let mut words = Vec::new();
    let mut word = String::new();
    for c in run.chars() {
        if depth == 0 && c.is_alphabetic() {
            word.push(c);
            continue;
        }
        match c {
            '⟦' => depth += 1,
            '⟧' => depth = depth.saturating_sub(1),
            '…' => depth = 0,
            _ => {}
        }
        if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Every word on a frame outside the pseudo-locale's marks.
fn unmarked_words(frame: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in frame.lines() {
        for run in line.split(|c: char| c.is_whitespace() || is_frame(c) || c == '"') {
            out.extend(unmarked(run));
        }
    }
    out
}

struct Strays {
    /// The diary's words (a word cut short on screen is one of their
    /// beginnings).
    data: BTreeSet<String>,
    /// (stop, size, the words) for every stop with a stray word.
    found: Vec<String>,
    stops: usize,
}

impl Strays {
    fn new() -> Strays {
        let data = DATA
            .iter()
            .flat_map(|d| d.split(|c: char| !c.is_alphabetic()))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        Strays {
            data,
            found: Vec::new(),
            stops: 0,
        }
    }

    fn is_data(&self, word: &str) -> bool {
        // A single letter is a key ("c log a call"), as is a key's name.
        word.chars().count() == 1
            || KEY_NAMES.contains(&word)
            // Cut short at its end, or (a text field scrolled to its
            // cursor) at its start.
            || self.data.iter().any(|d| {
                d == word
                    || (word.chars().count() >= 2 && (d.starts_with(word) || d.ends_with(word)))
            })
    }

    fn check(&mut self, name: &str, frame: &dyn Fn(u16, u16) -> String) {
        self.stops += 1;
        for (w, h) in SIZES {
            let shown = frame(w, h);
            let stray: BTreeSet<String> = unmarked_words(&shown)
                .into_iter()
                .filter(|word| !self.is_data(word))
                .collect();
            if !stray.is_empty() {
                // The frame too, when the test is run with --nocapture.
                eprintln!("{name} at {w}×{h}: {stray:?}\n{shown}");
                self.found.push(format!("{name} at {w}×{h}: {stray:?}"));
            }
            if (w, h) == (120, 40) {
                insta::assert_snapshot!(format!("pseudo_{name}"), shown);
            }
        }
    }
}

impl Look for Strays {
    fn app(&mut self, name: &str, app: &App) {
        self.check(name, &|w, h| draw(app, w, h));
    }
    fn frame(&mut self, name: &str, frame: &dyn Fn(u16, u16) -> String) {
        self.check(name, frame);
    }
}

#[test]
fn the_marks_find_words_outside_them() {
    assert_eq!(unmarked_words("⟦Nothing⟧ ⟦due.⟧"), Vec::<String>::new());
    assert_eq!(unmarked_words("⟦Rate⟧ +4.0 pts"), vec!["pts"]);
    // Cut, wrapped, nested, and inside a box.
    assert!(unmarked_words("│⟦Waiting⟧ ⟦for⟧ ⟦cou…│ ⟦⟦Open⟧⟧").is_empty());
    assert!(unmarked_words("⟦Beth⟧ ⟦maen⟧ ⟦nhw⟧ ⟦eisi\nau⟧ ⟦x⟧").is_empty());
    assert_eq!(unmarked_words("│ ⟦Field⟧ phone │"), vec!["phone"]);
}

#[test]
fn every_word_on_every_screen_popup_and_form_comes_from_the_catalogue() {
    let mut strays = Strays::new();
    tour(Catalogue::pseudo, &mut strays);
    assert!(strays.stops >= 60, "the tour made {} stops", strays.stops);
    assert!(
        strays.found.is_empty(),
        "words on screen that are not the catalogue's (nor the diary's):\n{}",
        strays.found.join("\n")
    );
}

// ── Welsh: the popups and forms, and the rooms the screen snapshots miss ──

struct Welsh;

/// Screens `tests/snapshots.rs` has in Welsh already.
const HAVE_WELSH: &[&str] = &["home", "cases", "contacts", "agenda", "directory", "review"];

impl Look for Welsh {
    fn app(&mut self, name: &str, app: &App) {
        self.frame(name, &|w, h| draw(app, w, h));
    }
    fn frame(&mut self, name: &str, frame: &dyn Fn(u16, u16) -> String) {
        if HAVE_WELSH.contains(&name) {
            return;
        }
        for (w, h) in SIZES {
            insta::assert_snapshot!(format!("cy_{name}_{w}x{h}"), frame(w, h));
        }
    }
}

#[test]
fn every_popup_and_form_in_welsh_at_both_sizes() {
    tour(|| Catalogue::embedded(Lang::Cy), &mut Welsh);
}

#[test]
fn a_welsh_preferring_constituents_case_says_so_in_either_language() {
    for (lang, says) in [(Lang::Cy, "dewis Cymraeg"), (Lang::En, "prefers Welsh")] {
        let mut app = app_with(diary(), Config::default(), Catalogue::embedded(lang));
        open_case(&mut app, "2026-0001");
        let frame = draw(&app, 80, 24);
        let line = frame
            .lines()
            .find(|l| l.contains("Siân Davies"))
            .unwrap_or_else(|| panic!("Siân on her case:\n{frame}"));
        assert!(line.contains(says), "{lang:?}: {line}");
    }
}
