//! The inbox room of the terminal UI: a real folder of real mail files
//! (`[mail] inbox`), listed from their headers, and messages filed onto
//! cases through `App::update`, with a real (in-memory) SQLite diary.
//! Frames at 80×24 and 120×40 are insta snapshots (`inbox__*.snap`).

use std::path::{Path, PathBuf};

use casebook::app::screens::Screen;
use casebook::app::{Action, App, key};
use casebook::clock::Clock;
use casebook::config::Config;
use casebook::domain::{Case, Contact, Role};
use casebook::store::Store;
use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("a moment")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/mail")
        .join(name)
}

/// A folder as a mail program leaves it: messages saved by name, one file
/// that is not a message, and a note that is not mail at all.
struct Inbox {
    dir: tempfile::TempDir,
}

impl Inbox {
    fn new() -> Inbox {
        let dir = tempfile::Builder::new()
            .prefix("inbox")
            .tempdir()
            .expect("tempdir");
        for (from, to) in [
            ("plain.eml", "1-bins.eml"),
            ("welsh-qp.eml", "2-dwr.eml"),
            ("html-only.eml", "3-streetlight.eml"),
            ("outlook-ascii.msg", "4-outlook.msg"),
            ("not-mail.txt", "5-broken.eml"),
        ] {
            std::fs::copy(fixture(from), dir.path().join(to)).expect("copy");
        }
        std::fs::write(dir.path().join("notes.txt"), "not mail").expect("note");
        Inbox { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The frame with the folder's random name made fixed (same length).
    fn draw(&self, app: &App, w: u16, h: u16) -> String {
        let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        t.draw(|f| casebook::ui::render(app, f)).expect("drawn");
        let shown = t.backend().to_string();
        let name = self
            .path()
            .file_name()
            .and_then(|n| n.to_str())
            .expect("name")
            .to_string();
        let fixed: String = name
            .chars()
            .enumerate()
            .map(|(i, c)| if i < "inbox".len() { c } else { 'X' })
            .collect();
        shown.replace(&name, &fixed)
    }
}

/// Siân (two open cases) and Elin (none yet) in the diary.
fn app(inbox: &Inbox) -> App {
    let mut s = Store::open_in_memory().expect("store");
    let mut config = Config::default();
    config.mail.inbox = Some(inbox.path().to_path_buf());
    config.me.email = Some("rhian.morgan@council.example".into());
    let cats = config.categories();
    let mut sian = Contact::named("Siân Jones");
    sian.email = Some("sian.jones@example.org".into());
    let sian = s.add_contact(&sian).expect("contact");
    for title in ["Bins missed on Heol y Felin", "Parking on the pavement"] {
        s.add_case(
            &Case::new(title, NaiveDate::from_ymd_opt(2026, 2, 1).expect("day")),
            &[(sian.id, Role::Constituent)],
            &cats,
        )
        .expect("case");
    }
    let mut app = App::new(s, config, Clock::Fixed(at("2026-03-06 09:30"))).expect("app");
    app.refresh();
    app
}

fn open_inbox(app: &mut App) {
    app.press(key(KeyCode::Char('i')));
    assert!(matches!(app.screen, Screen::Inbox(_)), "i opens the inbox");
}

fn room(app: &App) -> &casebook::app::screens::inbox::InboxView {
    match &app.screen {
        Screen::Inbox(v) => v,
        other => panic!("not the inbox: {other:?}"),
    }
}

fn subjects(app: &App) -> Vec<String> {
    room(app).rows.iter().map(|r| r.subject.clone()).collect()
}

/// The entries of a case: (kind, text).
fn entries_on(app: &App, reference: &str) -> Vec<(String, String)> {
    let case = app
        .store
        .case_by_reference(reference)
        .expect("query")
        .expect("the case");
    app.store
        .entries_of_case(case.id, 100)
        .expect("entries")
        .into_iter()
        .map(|e| (e.data.kind.as_str().to_string(), e.data.text.clone()))
        .collect()
}

#[test]
fn the_inbox_lists_what_is_waiting() {
    let inbox = Inbox::new();
    let mut app = app(&inbox);
    open_inbox(&mut app);
    assert_eq!(
        subjects(&app),
        [
            "Bins not collected on Heol y Felin",
            "Dŵr yn y tŷ",
            "Streetlight out on Park Road",
            "creating an outlook message file",
            "",
        ]
    );
    assert!(room(&app).rows[4].unreadable.is_some(), "5-broken.eml");
    insta::assert_snapshot!("inbox_80x24", inbox.draw(&app, 80, 24));
    insta::assert_snapshot!("inbox_120x40", inbox.draw(&app, 120, 40));
}

#[test]
fn filing_asks_which_case_when_the_message_does_not_say() {
    let inbox = Inbox::new();
    let mut app = app(&inbox);
    open_inbox(&mut app);

    // Siân has two open cases: the room asks.
    app.update(Action::Open);
    let choosing = room(&app).choosing.clone().expect("a choice");
    let labels: Vec<&str> = choosing.options.iter().map(|o| o.1.as_str()).collect();
    assert_eq!(
        labels,
        [
            "2026-0001  Bins missed on Heol y Felin",
            "2026-0002  Parking on the pavement",
            "A new case: Bins not collected on Heol y Felin",
            "With the person only, on no case",
        ]
    );
    insta::assert_snapshot!("inbox_which_case_80x24", inbox.draw(&app, 80, 24));

    // Esc goes back to the list, with nothing filed.
    app.update(Action::Back);
    assert!(room(&app).choosing.is_none());
    assert!(matches!(app.screen, Screen::Inbox(_)), "still in the inbox");
    assert!(entries_on(&app, "2026-0001").is_empty());

    // Chosen: the first case.
    app.update(Action::Open);
    app.update(Action::Open);
    assert_eq!(app.status.as_deref(), Some("Filed on 2026-0001."));
    let filed = entries_on(&app, "2026-0001");
    assert_eq!(filed.len(), 1);
    assert_eq!(filed[0].0, "email_in");
    assert!(filed[0].1.starts_with("Bins not collected"), "{filed:?}");
    assert_eq!(subjects(&app).len(), 4, "filed: no longer waiting");
    assert_eq!(room(&app).filed, 1);

    // Elin is new: a new case from the subject (the choice's second-last).
    assert_eq!(subjects(&app)[0], "Dŵr yn y tŷ");
    app.update(Action::Open);
    let n = room(&app)
        .choosing
        .as_ref()
        .expect("a choice")
        .options
        .len();
    assert_eq!(n, 2, "a new case, or the person only");
    app.update(Action::Open);
    assert_eq!(
        app.status.as_deref(),
        Some("Filed on a new case, 2026-0003.")
    );
    let new = app
        .store
        .case_by_reference("2026-0003")
        .expect("query")
        .expect("the new case");
    assert_eq!(new.data.title, "Dŵr yn y tŷ");
}

#[test]
fn a_reference_in_the_subject_files_it_without_asking() {
    let inbox = Inbox::new();
    let message = std::fs::read_to_string(fixture("plain.eml")).expect("fixture");
    let message = message
        .replace(
            "Subject: Bins not collected on Heol y Felin",
            "Subject: Re: Parking on the pavement [2026-0002]",
        )
        .replace("Message-ID: <", "Message-ID: <ref-");
    std::fs::write(inbox.path().join("0-reply.eml"), message).expect("write");
    let mut app = app(&inbox);
    open_inbox(&mut app);
    assert_eq!(subjects(&app)[0], "Re: Parking on the pavement [2026-0002]");
    app.update(Action::Open);
    assert!(room(&app).choosing.is_none(), "no question");
    assert_eq!(app.status.as_deref(), Some("Filed on 2026-0002."));
    assert_eq!(entries_on(&app, "2026-0002").len(), 1);
}

#[test]
fn a_bad_file_is_one_clear_message_and_nothing_is_filed() {
    let inbox = Inbox::new();
    let mut app = app(&inbox);
    open_inbox(&mut app);
    for _ in 0..4 {
        app.update(Action::Down);
    }
    let before = app.store.export_all(true).expect("export").0;
    app.update(Action::Open);
    let popup = app.popups.last().expect("an error");
    let shown = format!("{popup:?}");
    assert!(shown.contains("5-broken.eml"), "{shown}");
    assert!(shown.contains("not an email"), "{shown}");
    assert_eq!(
        app.store
            .export_all(true)
            .expect("export")
            .0
            .to_bytes()
            .expect("json"),
        before.to_bytes().expect("json")
    );
}

#[test]
fn without_an_inbox_folder_the_room_says_how_to_set_one() {
    let mut app = App::new(
        Store::open_in_memory().expect("store"),
        Config::default(),
        Clock::Fixed(at("2026-03-06 09:30")),
    )
    .expect("app");
    open_inbox(&mut app);
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    t.draw(|f| casebook::ui::render(&app, f)).expect("drawn");
    insta::assert_snapshot!("inbox_not_set_80x24", t.backend().to_string());
}

/// The listing knows a message is in the diary by the key its headers give:
/// it must be the key the whole message gets when it is taken in.
#[test]
fn the_key_from_the_headers_is_the_key_taken_in() {
    for name in [
        "plain.eml",
        "welsh-qp.eml",
        "html-only.eml",
        "multipart-attachments.eml",
        "forwarded-attached.eml",
        "outlook-ascii.msg",
        "outlook-attachment.msg",
    ] {
        let path = fixture(name);
        let peek = casebook::mail_files::peek_file(&path).expect("headers");
        let whole = casebook::mail::read(&std::fs::read(&path).expect("read")).expect("mail");
        assert_eq!(peek.key.as_deref(), Some(whole[0].key.as_str()), "{name}");
        assert_eq!(peek.subject, whole[0].subject, "{name}");
    }
}

#[test]
fn a_forwarded_message_makes_a_case_titled_without_fwd() {
    let dir = tempfile::Builder::new()
        .prefix("inbox")
        .tempdir()
        .expect("tempdir");
    std::fs::copy(fixture("forwarded-inline.eml"), dir.path().join("fwd.eml")).expect("copy");
    let inbox = Inbox { dir };
    let mut app = app(&inbox);
    open_inbox(&mut app);
    assert_eq!(subjects(&app), ["Fwd: Noise from the pub"]);
    app.update(Action::Open);
    let choosing = room(&app).choosing.clone().expect("a choice");
    assert_eq!(
        choosing.options[0].1, "A new case: Noise from the pub",
        "the choice names the title the case will have"
    );
    app.update(Action::Open);
    assert_eq!(
        app.status.as_deref(),
        Some("Filed on a new case, 2026-0003.")
    );
    let new = app
        .store
        .case_by_reference("2026-0003")
        .expect("query")
        .expect("the new case");
    assert_eq!(new.data.title, "Noise from the pub");
}

#[test]
fn the_inbox_footer_says_enter_files_the_message() {
    let inbox = Inbox::new();
    let mut app = app(&inbox);
    open_inbox(&mut app);
    let enter = |app: &App| {
        app.footer_hints()
            .into_iter()
            .find(|h| h.keys == "Enter")
            .map(|h| h.what)
    };
    assert_eq!(enter(&app).as_deref(), Some("file it"));
    app.update(Action::Language);
    assert_eq!(enter(&app).as_deref(), Some("ei ffeilio"));
    // Elsewhere Enter still opens.
    app.update(Action::Language);
    app.update(Action::GotoCases);
    assert_eq!(enter(&app).as_deref(), Some("open"));
}
