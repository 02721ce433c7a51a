//! The mouse in the UI, driven through `App::update` on a real (in-memory)
//! SQLite diary at 80×24 and 120×40. Every click is aimed where the
//! rendered frame shows its target (found in the drawn text), so the
//! layout and the hit areas cannot drift apart: header tabs, list rows
//! (a first click selects, a second opens), home's panels, footer hints,
//! a popup's outside, a form's field, the header's conflict count, and the
//! wheel over a case's timeline. `mouse = false` turns it all off.

mod common;

use casebook::app::forms::QuickField;
use casebook::app::screens::Screen;
use casebook::app::{Action, App, HomePanel, Popup};
use casebook::config::Config;
use casebook::domain::{Case, Entry, EntryKind};
use casebook::store::Store;
use chrono::NaiveDate;
use common::ui::{SIZES, now};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

fn app_with(store: Store, config: Config, (w, h): (u16, u16)) -> App {
    let mut app = common::ui::app(store, config);
    app.size = (w, h);
    app
}

fn app(config: Config, width: u16) -> App {
    app_with(Store::open_in_memory().expect("store"), config, (width, 30))
}

/// A diary of `n` open cases, "Case number 1" the oldest.
fn with_cases(n: usize) -> Store {
    let mut s = Store::open_in_memory().expect("store");
    let cats = Config::default().categories();
    for i in 1..=n {
        let day = NaiveDate::from_ymd_opt(2026, 1, i as u32).expect("day");
        s.add_case(&Case::new(format!("Case number {i}"), day), &[], &cats)
            .expect("case");
    }
    s
}

/// Draws a frame (which records where things are) and returns its lines.
fn draw(app: &App) -> Vec<String> {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| casebook::ui::render(app, f)).expect("draw");
    let buf = t.backend().buffer().clone();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect())
        .collect()
}

/// Where `text` first shows on screen (column, row), in cells.
fn find(lines: &[String], text: &str) -> (u16, u16) {
    find_from(lines, text, 0)
}

fn find_from(lines: &[String], text: &str, from_row: usize) -> (u16, u16) {
    for (y, line) in lines.iter().enumerate().skip(from_row) {
        if let Some(at) = line.find(text) {
            let x = unicode_width::UnicodeWidthStr::width(&line[..at]);
            return (x as u16, y as u16);
        }
    }
    panic!("{text:?} not on screen:\n{}", lines.join("\n"));
}

fn mouse(kind: MouseEventKind, (column, row): (u16, u16)) -> Event {
    Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

fn click_event(at: (u16, u16)) -> Event {
    mouse(MouseEventKind::Down(MouseButton::Left), at)
}

/// Draws, then clicks at `at` as the event loop would.
fn click(app: &mut App, at: (u16, u16)) {
    draw(app);
    if let Some(a) = app.on_event(click_event(at)) {
        app.update(a);
    }
}

fn wheel_down(app: &mut App, at: (u16, u16)) {
    draw(app);
    if let Some(a) = app.on_event(mouse(MouseEventKind::ScrollDown, at)) {
        app.update(a);
    }
}

fn cases_view(app: &App) -> &casebook::app::CasesView {
    match &app.screen {
        Screen::Cases(v) => v,
        other => panic!("not the cases list: {other:?}"),
    }
}

#[test]
fn a_click_on_each_tab_goes_there() {
    for width in [80, 120] {
        let mut app = app(Config::default(), width);
        for (name, want) in [
            ("Cases", Action::GotoCases),
            ("Contacts", Action::GotoContacts),
            ("Agenda", Action::GotoAgenda),
            ("Directory", Action::GotoDirectory),
            ("Review", Action::GotoReview),
            ("Home", Action::GotoHome),
        ] {
            let lines = draw(&app);
            let (column, _) = find(&lines[..1], name);
            let action = app.on_event(click_event((column, 0)));
            assert_eq!(
                action,
                Some(want.clone()),
                "{name} at {width} columns: {:?}",
                lines[0]
            );
            app.update(want);
        }
        // Beyond the tabs: nothing happens.
        let before = app.screen.clone();
        click(&mut app, (width - 1, 0));
        assert_eq!(app.screen, before);
    }
}

#[test]
fn a_click_on_row_three_selects_it_and_a_second_opens_the_third_case() {
    for size in SIZES {
        let mut app = app_with(with_cases(6), Config::default(), size);
        app.update(Action::GotoCases);
        let third = cases_view(&app).rows[2].clone();
        let lines = draw(&app);
        let at = find(&lines, &third.title);
        click(&mut app, at);
        assert_eq!(
            cases_view(&app).selected,
            2,
            "{size:?}: the row is selected"
        );
        // And back up: a click above moves the cursor up.
        let first = cases_view(&app).rows[0].title.clone();
        let lines = draw(&app);
        click(&mut app, find(&lines, &first));
        assert_eq!(cases_view(&app).selected, 0, "{size:?}");
        let lines = draw(&app);
        click(&mut app, find(&lines, &third.title));
        click(&mut app, find(&lines, &third.title));
        match &app.screen {
            Screen::Case(v) => assert_eq!(v.id, third.id, "{size:?}: the third case"),
            other => panic!("{size:?}: not opened: {other:?}"),
        }
        // A click below the last row opens nothing.
        app.update(Action::Back);
        let (_, h) = size;
        click(&mut app, (10, h - 4));
        assert!(matches!(app.screen, Screen::Cases(_)), "{size:?}");
    }
}

#[test]
fn a_click_on_a_home_panel_focuses_it_and_its_rows_open() {
    for size in SIZES {
        let mut app = app_with(with_cases(3), Config::default(), size);
        assert_eq!(app.home.focus, HomePanel::FollowUps);
        let lines = draw(&app);
        // The open cases panel lists counts by status: "3  Open".
        let at = find(&lines, "     3  ");
        click(&mut app, at);
        assert_eq!(app.home.focus, HomePanel::OpenCases, "{size:?}");
        assert!(matches!(app.screen, Screen::Home), "a first click selects");
        click(&mut app, at);
        assert!(
            matches!(app.screen, Screen::Cases(_)),
            "{size:?}: a second click opens the cases with that status"
        );
    }
}

#[test]
fn a_click_on_a_footer_hint_does_what_its_key_does() {
    for size in SIZES {
        let mut app = app_with(with_cases(2), Config::default(), size);
        app.update(Action::GotoCases);
        let hints = app.footer_hints();
        let sort = hints
            .iter()
            .find(|h| h.action == Some(Action::Sort))
            .expect("a sort hint")
            .what
            .clone();
        let lines = draw(&app);
        let footer_top = usize::from(size.1) - 2;
        let (x, y) = find_from(&lines, &sort, footer_top);
        assert!(
            cases_view(&app).rows[0].title.ends_with('2'),
            "newest first"
        );
        click(&mut app, (x, y));
        assert!(
            cases_view(&app).rows[0].title.ends_with('1'),
            "{size:?}: sorted oldest first by the click"
        );
        // The key's label is part of the hint: a click on it does the same.
        let lines = draw(&app);
        let (x, y) = find_from(&lines, &sort, footer_top);
        click(&mut app, (x.saturating_sub(2), y));
        assert!(cases_view(&app).rows[0].title.ends_with('2'), "{size:?}");
    }
}

#[test]
fn a_click_outside_a_popup_closes_it_and_inside_does_not() {
    for size in SIZES {
        let mut app = app_with(with_cases(1), Config::default(), size);
        app.update(Action::Search);
        assert!(matches!(app.popups.last(), Some(Popup::Search(_))));
        let lines = draw(&app);
        let inside = find(&lines, "> ");
        click(&mut app, inside);
        assert_eq!(app.popups.len(), 1, "{size:?}: a click inside keeps it");
        click(&mut app, (0, 1));
        assert!(app.popups.is_empty(), "{size:?}: a click outside is Esc");
        // With the popup open, a tab click closes it rather than going.
        app.update(Action::Help);
        let lines = draw(&app);
        let tab = find(&lines[..1], "Cases");
        click(&mut app, tab);
        assert!(app.popups.is_empty(), "{size:?}");
        assert!(matches!(app.screen, Screen::Home), "{size:?}");
    }
}

#[test]
fn a_click_on_a_form_field_focuses_it() {
    for size in SIZES {
        let mut app = app_with(with_cases(1), Config::default(), size);
        app.update(Action::LogCall);
        let Some(Popup::Form(_, form)) = app.popups.last() else {
            panic!("the call log form");
        };
        assert_ne!(form.focused_name(), Some(QuickField::Kind));
        let lines = draw(&app);
        // The "Kind" field's label, in the form (below the header's tabs).
        let (x, y) = find_from(&lines, "Kind", 1);
        click(&mut app, (x + 1, y));
        let Some(Popup::Form(_, form)) = app.popups.last() else {
            panic!("{size:?}: the form stays open");
        };
        assert_eq!(
            form.focused_name(),
            Some(QuickField::Kind),
            "{size:?}: the clicked field is focused"
        );
    }
}

#[test]
fn the_wheel_over_the_timeline_scrolls_it() {
    for size in SIZES {
        let mut s = with_cases(1);
        let case = s
            .case_by_reference("2026-0001")
            .expect("query")
            .expect("case");
        for i in 0..40 {
            s.add_entry(&Entry {
                case: Some(case.id),
                contact: None,
                kind: EntryKind::Note,
                at: now() - chrono::Duration::hours(i),
                text: format!("Note {i}"),
                confidential: false,
                surgery: None,
            })
            .expect("entry");
        }
        let mut app = app_with(s, Config::default(), size);
        app.update(Action::GotoCases);
        app.update(Action::Open);
        let scroll = |app: &App| match &app.screen {
            Screen::Case(v) => v.scroll,
            other => panic!("not the case: {other:?}"),
        };
        assert_eq!(scroll(&app), 0);
        let lines = draw(&app);
        let at = find(&lines, "Timeline");
        wheel_down(&mut app, at);
        wheel_down(&mut app, at);
        assert_eq!(scroll(&app), 2, "{size:?}: two notches, two lines");
    }
}

#[test]
fn a_click_on_the_header_conflict_count_opens_the_conflicts_room() {
    let mut config = Config::default();
    config.sync.url = Some("https://hub.example".into());
    let mut app = app_with(Store::open_in_memory().expect("store"), config, (120, 40));
    app.sync = Some(casebook::store::SyncStatus {
        joined: true,
        synced_at: None,
        waiting: 0,
        conflicts: 2,
        failure: None,
    });
    let lines = draw(&app);
    let at = find(&lines[..1], "2 conflicts");
    click(&mut app, at);
    assert!(
        matches!(app.screen, Screen::Conflicts(_)),
        "{:?}",
        app.screen
    );
}

#[test]
fn with_the_mouse_off_nothing_is_taken() {
    let off = app(
        Config {
            mouse: false,
            ..Config::default()
        },
        100,
    );
    draw(&off);
    for ev in [
        mouse(MouseEventKind::ScrollDown, (10, 10)),
        mouse(MouseEventKind::ScrollUp, (10, 10)),
        click_event((3, 0)),
        click_event((10, 10)),
    ] {
        assert_eq!(off.on_event(ev), None);
    }
    let on = app(Config::default(), 100);
    assert!(on.on_event(click_event((10, 10))).is_some());
    // A mouse move is nothing, even with the mouse on.
    assert_eq!(on.on_event(mouse(MouseEventKind::Moved, (10, 10))), None);
}

#[test]
fn a_click_on_a_popup_row_picks_it_and_a_second_chooses_it() {
    for size in SIZES {
        let mut app = app_with(with_cases(1), Config::default(), size);
        app.update(Action::GotoCases);
        app.update(Action::Open);
        app.update(Action::ChangeStatus);
        let Some(Popup::Choose { options, .. }) = app.popups.last() else {
            panic!("{size:?}: the status choice: {:?}", app.popups);
        };
        let (value, label) = options[2].clone();
        let lines = draw(&app);
        let at = find_from(&lines, &label, 1);
        click(&mut app, at);
        let Some(Popup::Choose { selected, .. }) = app.popups.last() else {
            panic!("{size:?}: a first click keeps the choice open");
        };
        assert_eq!(*selected, 2, "{size:?}");
        click(&mut app, at);
        assert!(app.popups.is_empty(), "{size:?}: a second click chooses");
        let case = app
            .store
            .case_by_reference("2026-0001")
            .expect("query")
            .expect("case");
        assert_eq!(
            casebook::app::Choice::Status(case.data.status),
            value,
            "{size:?}"
        );
    }
}

#[test]
fn a_click_on_a_contact_row_selects_it_and_a_second_opens_their_page() {
    for size in SIZES {
        let mut s = Store::open_in_memory().expect("store");
        for name in ["Aled Bevan", "Bethan Cole", "Carys Davies", "Dafydd Evans"] {
            s.add_contact(&casebook::domain::Contact::named(name))
                .expect("contact");
        }
        let mut app = app_with(s, Config::default(), size);
        app.update(Action::GotoContacts);
        let lines = draw(&app);
        let at = find_from(&lines, "Carys Davies", 1);
        click(&mut app, at);
        match &app.screen {
            Screen::Contacts(v) => assert_eq!(v.rows[v.selected].name, "Carys Davies"),
            other => panic!("{size:?}: {other:?}"),
        }
        click(&mut app, at);
        match &app.screen {
            Screen::Contact(v) => assert_eq!(
                v.contact.as_ref().map(|c| c.name.as_str()),
                Some("Carys Davies"),
                "{size:?}"
            ),
            other => panic!("{size:?}: not their page: {other:?}"),
        }
    }
}

/// A click is the popup's action, not the Enter or Esc key: with those
/// bound to nothing the popups use, a second click on a row still
/// chooses it, a click outside still closes a search or a form (a form with
/// typing asks first), and the keys themselves do nothing.
#[test]
fn clicks_submit_and_cancel_with_enter_and_esc_rebound() {
    let config = Config {
        keys: std::collections::BTreeMap::from([
            ("submit".to_string(), "ctrl-s".to_string()),
            ("cancel".to_string(), "ctrl-g".to_string()),
            ("open".to_string(), "ctrl-o".to_string()),
            ("back".to_string(), "ctrl-b".to_string()),
        ]),
        ..Config::default()
    };
    for size in SIZES {
        let mut app = app_with(with_cases(1), config.clone(), size);
        assert!(app.popups.is_empty(), "no clash: {:?}", app.keymap.problems);
        app.update(Action::GotoCases);
        app.update(Action::Open);
        app.update(Action::ChangeStatus);
        let Some(Popup::Choose { options, .. }) = app.popups.last() else {
            panic!("{size:?}: the status choice: {:?}", app.popups);
        };
        let (value, label) = options[2].clone();
        let lines = draw(&app);
        let at = find_from(&lines, &label, 1);
        click(&mut app, at);
        // Enter is bound to nothing here: the choice stays open.
        press(&mut app, ratatui::crossterm::event::KeyCode::Enter);
        assert!(matches!(app.popups.last(), Some(Popup::Choose { .. })));
        click(&mut app, at);
        assert!(app.popups.is_empty(), "{size:?}: a second click chooses");
        let case = app
            .store
            .case_by_reference("2026-0001")
            .expect("query")
            .expect("case");
        assert_eq!(
            casebook::app::Choice::Status(case.data.status),
            value,
            "{size:?}"
        );

        // The search: a click outside closes it, Esc does not.
        app.update(Action::Search);
        draw(&app);
        press(&mut app, ratatui::crossterm::event::KeyCode::Esc);
        assert!(matches!(app.popups.last(), Some(Popup::Search(_))));
        click(&mut app, (0, 1));
        assert!(app.popups.is_empty(), "{size:?}: a click outside cancels");

        // A form with typing in it: a click outside asks before discarding.
        app.update(Action::LogCall);
        press(&mut app, ratatui::crossterm::event::KeyCode::Char('x'));
        draw(&app);
        click(&mut app, (0, 1));
        assert!(
            matches!(app.popups.last(), Some(Popup::Confirm { .. })),
            "{size:?}: {:?}",
            app.popups
        );
    }
}

/// A key as the terminal sends it.
fn press(app: &mut App, code: ratatui::crossterm::event::KeyCode) {
    if let Some(a) = app.on_event(Event::Key(casebook::app::key(code))) {
        app.update(a);
    }
}
