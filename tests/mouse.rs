//! The mouse in the UI: a click on each header tab goes to that screen (the
//! click is placed where the rendered header shows the tab, at narrow and
//! wide widths, so layout and hit-testing cannot drift apart); the wheel
//! moves like the arrow keys; `mouse = false` turns it all off.

use casebook::app::{Action, App};
use casebook::clock::Clock;
use casebook::config::Config;
use casebook::store::Store;
use chrono::NaiveDateTime;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

fn app(config: Config, width: u16) -> App {
    let now = NaiveDateTime::parse_from_str("2026-03-02 09:30", "%Y-%m-%d %H:%M").expect("now");
    let mut app = App::new(
        Store::open_in_memory().expect("store"),
        config,
        Clock::Fixed(now),
    )
    .expect("app");
    app.size = (width, 30);
    app
}

fn header(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("terminal");
    t.draw(|f| casebook::ui::render(app, f)).expect("draw");
    let buf = t.backend().buffer().clone();
    (0..app.size.0)
        .map(|x| buf[(x, 0)].symbol().chars().next().unwrap_or(' '))
        .collect()
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
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
            let line = header(&app);
            let at = line
                .find(name)
                .unwrap_or_else(|| panic!("{name} in the header: {line:?}"));
            let column = line[..at].chars().count() as u16;
            let action = app.on_event(mouse(MouseEventKind::Down(MouseButton::Left), column, 0));
            assert_eq!(
                action,
                Some(want.clone()),
                "{name} at {width} columns: {line:?}"
            );
            app.update(want);
        }
        // Between tabs, or below the header: nothing.
        assert_eq!(
            app.on_event(mouse(MouseEventKind::Down(MouseButton::Left), width - 1, 0)),
            None
        );
    }
}

#[test]
fn the_wheel_moves_like_the_arrows_and_the_config_turns_it_off() {
    let on = app(Config::default(), 100);
    assert_eq!(
        on.on_event(mouse(MouseEventKind::ScrollDown, 10, 10)),
        Some(Action::Down)
    );
    assert_eq!(
        on.on_event(mouse(MouseEventKind::ScrollUp, 10, 10)),
        Some(Action::Up)
    );
    let off = app(
        Config {
            mouse: false,
            ..Config::default()
        },
        100,
    );
    assert_eq!(
        off.on_event(mouse(MouseEventKind::ScrollDown, 10, 10)),
        None
    );
    assert_eq!(
        off.on_event(mouse(MouseEventKind::Down(MouseButton::Left), 3, 0)),
        None
    );
}
