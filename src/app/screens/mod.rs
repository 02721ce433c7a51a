//! One room a screen: its state, the keys it answers (with effects) and its
//! drawing. Adding a screen: a file here, a variant of [`Screen`], and its
//! arm in each `match` below (the registry).

pub mod agenda;
pub mod case;
pub mod cases;
pub mod conflicts;
pub mod contact;
pub mod contacts;
pub mod directory;
pub mod home;
pub mod inbox;
pub mod paging;
pub mod review;

use ratatui::Frame;
use ratatui::layout::Rect;

use self::agenda::AgendaView;
use self::case::CaseView;
use self::cases::CasesView;
use self::conflicts::ConflictsView;
use self::contact::ContactView;
use self::contacts::ContactsView;
use self::directory::DirectoryView;
use self::home::HomeView;
use self::inbox::InboxView;
use self::review::ReviewView;
use super::App;
use super::action::Action;
use super::{Cx, Effects};
use crate::Result;
use crate::ui::Theme;

#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// Its state is `App::home`, kept while other screens are in front.
    Home,
    Cases(CasesView),
    Case(Box<CaseView>),
    Contacts(ContactsView),
    Contact(Box<ContactView>),
    Agenda(AgendaView),
    Directory(DirectoryView),
    Review(Box<ReviewView>),
    /// The inbox folder; listed under the cases' tab (what it files).
    Inbox(Box<InboxView>),
    Conflicts(ConflictsView),
}

impl Screen {
    /// The screen's own actions (they win over the global ones).
    pub fn actions(&self) -> &'static [Action] {
        match self {
            Screen::Home => home::ACTIONS,
            Screen::Cases(_) => cases::ACTIONS,
            Screen::Case(_) => case::ACTIONS,
            Screen::Contacts(_) => contacts::ACTIONS,
            Screen::Contact(_) => contact::ACTIONS,
            Screen::Agenda(_) => agenda::ACTIONS,
            Screen::Directory(_) => directory::ACTIONS,
            Screen::Review(_) => review::ACTIONS,
            Screen::Inbox(_) => inbox::ACTIONS,
            Screen::Conflicts(_) => conflicts::ACTIONS,
        }
    }

    /// The header's tab this screen is under.
    pub fn tab(&self) -> usize {
        match self {
            Screen::Home => 0,
            Screen::Cases(_) | Screen::Case(_) | Screen::Inbox(_) => 1,
            Screen::Contacts(_) | Screen::Contact(_) => 2,
            Screen::Agenda(_) => 3,
            Screen::Directory(_) => 4,
            Screen::Review(_) => 5,
            // Not a tab: reached from the header's conflict count.
            Screen::Conflicts(_) => usize::MAX,
        }
    }

    /// Reloads what the screen shows from the store.
    pub fn reload(&mut self, home: &mut HomeView, cx: &Cx) -> Result<()> {
        let today = cx.clock.today();
        match self {
            Screen::Home => home.load(cx.store, today, cx.config),
            Screen::Cases(v) => v.reload(cx.store),
            Screen::Case(v) => v.reload(cx.store),
            Screen::Contacts(v) => v.reload(cx.store),
            Screen::Contact(v) => v.reload(cx.store),
            Screen::Agenda(v) => v.reload(cx.store, today),
            Screen::Directory(v) => v.reload(cx.store),
            Screen::Review(v) => v.reload(cx.store),
            Screen::Inbox(v) => v.reload(cx),
            Screen::Conflicts(v) => v.reload(cx.store),
        }
    }

    /// The screen's answer to one of its actions.
    pub fn update(&mut self, home: &mut HomeView, action: Action, cx: &mut Cx) -> Result<Effects> {
        match self {
            Screen::Home => home.update(action, cx),
            Screen::Cases(v) => v.update(action, cx),
            Screen::Case(v) => v.update(action, cx),
            Screen::Contacts(v) => v.update(action, cx),
            Screen::Contact(v) => v.update(action, cx),
            Screen::Agenda(v) => v.update(action, cx),
            Screen::Directory(v) => v.update(action, cx),
            Screen::Review(v) => v.update(action, cx),
            Screen::Inbox(v) => v.update(action, cx),
            Screen::Conflicts(v) => v.update(action, cx),
        }
    }

    pub fn draw(&self, app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
        match self {
            Screen::Home => home::draw(app, theme, frame, area),
            Screen::Cases(v) => cases::draw(&app.words, v, theme, frame, area, &app.hits),
            Screen::Case(v) => case::draw(&app.words, v, theme, frame, area),
            Screen::Contacts(v) => contacts::draw(&app.words, v, theme, frame, area, &app.hits),
            Screen::Contact(v) => {
                let file_key = app.keymap.label(&Action::FileEntry);
                contact::draw(&app.words, v, &file_key, theme, frame, area, &app.hits)
            }
            Screen::Agenda(v) => agenda::draw(&app.words, v, theme, frame, area, &app.hits),
            Screen::Directory(v) => {
                let add = app.keymap.label(&Action::AddOfficer);
                directory::draw(&app.words, v, &add, theme, frame, area, &app.hits)
            }
            Screen::Review(v) => review::draw(&app.words, v, theme, frame, area),
            Screen::Inbox(v) => inbox::draw(v, &app.words, theme, frame, area, &app.hits),
            Screen::Conflicts(v) => conflicts::draw(v, &app.words, theme, frame, area, &app.hits),
        }
    }

    /// Every screen once, empty, to check the keymap for clashes.
    pub fn all(today: chrono::NaiveDate, year_start_month: u32) -> Result<Vec<Screen>> {
        use crate::domain::Id;
        Ok(vec![
            Screen::Home,
            Screen::Cases(CasesView::default()),
            Screen::Case(Box::new(CaseView::new(Id::new(0)))),
            Screen::Contacts(ContactsView::default()),
            Screen::Contact(Box::new(ContactView::new(Id::new(0)))),
            Screen::Agenda(AgendaView::default()),
            Screen::Directory(DirectoryView {
                typing: false,
                ..DirectoryView::default()
            }),
            Screen::Review(Box::new(ReviewView::new(today, year_start_month)?)),
            Screen::Inbox(Box::default()),
            Screen::Conflicts(ConflictsView::default()),
        ])
    }
}
