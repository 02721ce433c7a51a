//! The terminal UI's state and the router that changes it.
//!
//! One-way flow: a terminal event becomes an [`Action`] ([`App::on_key`]
//! resolves keys against the live [`Keymap`]); [`App::update`] routes it —
//! to the popup on top, else the screen in front, else the few actions that
//! mean the same everywhere — and applies the [`Effect`]s they answer with.
//! Each screen (`screens/`) and popup (`popups/`) owns its state, its keys
//! and its drawing; `draw` lays out the frame and only reads.

pub mod action;
mod draw;
pub mod form;
pub mod forms;
pub mod hits;
pub mod keymap;
pub mod layout;
mod mouse;
pub mod popups;
pub mod problems;
pub mod record;
pub mod record_forms;
pub mod screens;
pub mod text;
pub mod textfield;

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub use action::Action;
pub use keymap::Keymap;
pub use popups::{Choice, Confirmed, Popup, SearchPopup};
pub use screens::Screen;
pub use screens::agenda::AgendaView;
pub use screens::case::CaseView;
pub use screens::cases::CasesView;
pub use screens::contact::ContactView;
pub use screens::contacts::ContactsView;
pub use screens::directory::DirectoryView;
pub use screens::home::{DueItem, HomePanel, HomeView};
pub use screens::review::{PeriodKind, ReviewView};

use crate::clock::Clock;
use crate::config::Config;
use crate::domain::{Case, Contact, EntryKind, FollowUp, Id, Record, Role, Surgery};
use crate::store::Store;
use crate::{Error, Result};

pub struct App {
    pub store: Store,
    pub config: Config,
    pub clock: Clock,
    pub keymap: Keymap,
    pub screen: Screen,
    /// Screens to go back to with Esc.
    pub history: Vec<Screen>,
    pub popups: Vec<Popup>,
    /// The privacy screen: everything blanked until a key is pressed.
    pub privacy: bool,
    pub quit: bool,
    /// A one-line message after something was saved.
    pub status: Option<String>,
    pub home: HomeView,
    /// The surgery running now, shown in the header.
    pub surgery: Option<Record<Surgery>>,
    /// True when this is the demo diary.
    pub demo: bool,
    /// NO_COLOR: draw with bold and reverse only.
    pub no_color: bool,
    /// The terminal's size (columns, rows), for scrolling limits.
    pub size: (u16, u16),
    /// The follow-up last marked done, which `u` can undo.
    pub undo_done: Option<crate::domain::Id<crate::domain::FollowUp>>,
    /// Where letter and email templates come from (the user's folder is
    /// set by the terminal front end, which knows the config file).
    pub templates: crate::letters::Templates,
    /// Every word the UI shows, in the reader's language (`env.i18n`:
    /// `--lang`, config, the locale); the language key switches it.
    pub words: crate::i18n::Catalogue,
    /// The config folder, whose `i18n/` corrections a switched language
    /// loads too.
    pub words_dir: Option<std::path::PathBuf>,
    /// The sync status the header shows; `None` when no hub is configured.
    pub sync: Option<crate::store::SyncStatus>,
    /// Where the last frame drew what a click can reach.
    pub hits: hits::Hits,
    data_version: i64,
}

/// One of the footer's hints: the keys, what they do, and the action a
/// click on it performs (none for a popup's, which say their keys whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: String,
    pub what: String,
    pub action: Option<Action>,
}

impl Hint {
    /// A hint that only says (a popup's keys, in one sentence).
    fn said(keys: String, what: String) -> Hint {
        Hint {
            keys,
            what,
            action: None,
        }
    }
}

// ── The router's vocabulary: what rooms answer with, what they may use ──

/// One thing for the router to do.
#[derive(Debug)]
pub enum Effect {
    /// Open a screen, remembering the one in front for Esc.
    Go(Screen),
    /// Open a case's page (said by a popup, which knows no screens).
    OpenCase(Id<Case>),
    /// Open a contact's page.
    OpenContact(Id<Contact>),
    /// A custom period for the review on screen.
    Period(crate::report::review::Period),
    /// Put a popup on top.
    Push(Popup),
    /// Take the top popup off.
    Pop,
    /// A one-line message under the screen.
    Status(String),
    /// Reload what the screen in front shows.
    Refresh,
    /// The follow-up just marked done, which the undo key brings back.
    Undoable(Id<FollowUp>),
    /// A sync conflict was settled: say so under the screen.
    Settled,
}

pub type Effects = Vec<Effect>;

/// What a room may use while it handles an action.
pub struct Cx<'a> {
    pub store: &'a mut Store,
    pub config: &'a Config,
    pub clock: &'a Clock,
    pub keymap: &'a Keymap,
    /// A surgery is running (new entries and cases were brought to it).
    pub surgery: bool,
    pub templates: &'a crate::letters::Templates,
    /// The reader's words.
    pub words: &'a crate::i18n::Catalogue,
    /// The terminal's size (columns, rows), for scroll limits.
    pub size: (u16, u16),
}

/// The case on screen, as a popup over it sees it (popups know no screens).
#[derive(Debug, Clone, Copy)]
pub struct CaseOnScreen<'a> {
    pub id: Id<Case>,
    pub case: Option<&'a Record<Case>>,
    pub people: &'a [(Role, Record<Contact>)],
}

/// Actions that mean the same on every screen, after the screen's own.
const GLOBAL: &[Action] = &[
    Action::LogCall,
    Action::NewCase,
    Action::Surgery,
    Action::Search,
    Action::Help,
    Action::Privacy,
    Action::Language,
    Action::GotoHome,
    Action::GotoCases,
    Action::GotoContacts,
    Action::GotoAgenda,
    Action::GotoDirectory,
    Action::GotoReview,
    Action::GotoInbox,
    Action::Up,
    Action::Down,
    Action::PageUp,
    Action::PageDown,
    Action::Top,
    Action::Bottom,
];

impl App {
    pub fn new(store: Store, config: Config, clock: Clock) -> Result<App> {
        // The connection lives as long as the UI: pages read once (search,
        // completion) stay in memory for the next keystroke.
        store.keep_pages_for_session()?;
        let keymap = Keymap::load(&config.keys);
        let data_version = store.data_version()?;
        let mut app = App {
            store,
            config,
            clock,
            keymap,
            screen: Screen::Home,
            history: Vec::new(),
            popups: Vec::new(),
            privacy: false,
            quit: false,
            status: None,
            home: HomeView::default(),
            surgery: None,
            demo: false,
            no_color: false,
            size: (80, 24),
            undo_done: None,
            templates: crate::letters::Templates::default(),
            words: crate::i18n::Catalogue::embedded(crate::i18n::Lang::En),
            words_dir: None,
            sync: None,
            hits: hits::Hits::default(),
            data_version,
        };
        // Two actions on one screen with the same key: say so once.
        for screen in Screen::all(app.clock.today(), app.config.year_start_month)? {
            app.screen = screen;
            for clash in app.keymap.clashes(&app.screen_actions()) {
                if !app.keymap.problems.contains(&clash) {
                    app.keymap.problems.push(clash);
                }
            }
        }
        app.screen = Screen::Home;
        for keys in popups::KEY_SETS {
            for clash in app.keymap.clashes(keys) {
                if !app.keymap.problems.contains(&clash) {
                    app.keymap.problems.push(clash);
                }
            }
        }
        if !app.keymap.problems.is_empty() {
            // Shown once; the bad bindings were skipped.
            app.popups.push(Popup::KeyProblems);
        }
        app.refresh();
        Ok(app)
    }

    /// Speaks `words` from now on: everything is drawn from the catalogue
    /// each frame, so the next frame is in the new language. Forms already
    /// open keep what was typed; their labels are ids, drawn in it too.
    pub fn set_words(&mut self, words: crate::i18n::Catalogue) {
        self.words = words;
        self.refresh();
    }

    /// The language key: Welsh ↔ English on the spot, for this session (the
    /// config file is the user's own text and casebook never rewrites it:
    /// `language = "cy"` there makes it last).
    fn switch_language(&mut self) {
        use crate::i18n::{Catalogue, Lang};
        let to = match self.words.lang() {
            Lang::Cy => Lang::En,
            Lang::En => Lang::Cy,
        };
        let words = Catalogue::load(to, self.words_dir.as_deref())
            .unwrap_or_else(|_| Catalogue::embedded(to));
        self.set_words(words);
    }

    /// Actions that mean something on the screen in front of the user, the
    /// screen's own first (they win when a key is bound twice).
    pub fn screen_actions(&self) -> Vec<Action> {
        let mut own = self.screen.actions().to_vec();
        own.extend_from_slice(GLOBAL);
        // The conflicts room, from anywhere, when there is a hub to sync with.
        if self.config.sync.url.is_some() {
            own.push(Action::GotoConflicts);
        }
        own
    }

    /// Turns a terminal event into an action (or nothing).
    pub fn on_event(&self, ev: Event) -> Option<Action> {
        match ev {
            Event::Key(k) => self.on_key(k),
            Event::Paste(s) => Some(Action::Paste(s)),
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            Event::Mouse(m) => self.on_mouse(m),
            _ => None,
        }
    }

    /// Resolves a key against the live keymap, the popup on top and the screen.
    pub fn on_key(&self, key: KeyEvent) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        if self.privacy || self.keymap.is(&key, &Action::Privacy) {
            return Some(Action::Privacy);
        }
        // Ctrl-C: quits from home, elsewhere says how.
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            return Some(Action::Interrupt);
        }
        if !self.popups.is_empty() {
            return Some(Action::Key(key));
        }
        if let Screen::Directory(v) = &self.screen {
            return v.resolve(&key, &self.keymap, &self.screen_actions());
        }
        self.keymap.resolve(&key, &self.screen_actions())
    }

    /// Convenience for tests and the event loop: resolve and apply a key.
    pub fn press(&mut self, key: KeyEvent) {
        if let Some(a) = self.on_key(key) {
            self.update(a);
        }
    }

    /// The one place state changes.
    pub fn update(&mut self, action: Action) {
        if let Err(e) = self.apply(action) {
            self.fail(e);
        }
    }

    /// Shows a store error in a message box; the UI carries on.
    pub fn fail(&mut self, e: Error) {
        self.popups.push(popups::message::error(&self.words, &e));
    }

    /// What a room may use, borrowed beside the screen and the popups.
    fn cx(&mut self) -> (Cx<'_>, &mut Screen, &mut HomeView, &mut Vec<Popup>) {
        let cx = Cx {
            store: &mut self.store,
            config: &self.config,
            clock: &self.clock,
            keymap: &self.keymap,
            surgery: self.surgery.is_some(),
            templates: &self.templates,
            words: &self.words,
            size: self.size,
        };
        (cx, &mut self.screen, &mut self.home, &mut self.popups)
    }

    fn apply(&mut self, action: Action) -> Result<()> {
        match action {
            Action::Privacy => {
                self.privacy = !self.privacy;
                return Ok(());
            }
            Action::Key(k) => {
                let (mut cx, screen, _, stack) = self.cx();
                let effects = if stack.is_empty() {
                    match screen {
                        Screen::Directory(v) => v.typed(k, &mut cx)?,
                        _ => Vec::new(),
                    }
                } else {
                    popups::on_key(stack, case_on(screen), &k, &mut cx)?
                };
                return self.apply_effects(effects);
            }
            Action::Paste(s) => {
                let (mut cx, screen, _, stack) = self.cx();
                let effects = match (stack.last_mut(), screen) {
                    (Some(top), _) => {
                        popups::paste(top, &s, &mut cx)?;
                        Vec::new()
                    }
                    (None, Screen::Directory(v)) => v.paste(&s, &mut cx)?,
                    (None, _) => Vec::new(),
                };
                return self.apply_effects(effects);
            }
            Action::Refresh => {
                self.refresh();
                return Ok(());
            }
            Action::Resize(w, h) => {
                self.size = (w, h);
                return Ok(());
            }
            Action::Mouse(m) => return self.on_pointer(m),
            _ => {}
        }
        self.status = None;
        let effects = match action {
            Action::Quit => {
                self.quit = true;
                Vec::new()
            }
            Action::Undo => match self.undo_done.take() {
                Some(id) => {
                    self.store.reopen_follow_up(id)?;
                    vec![
                        Effect::Refresh,
                        Effect::Status(self.words.tr(text::status::FOLLOW_UP_UNDONE, None)),
                    ]
                }
                None => vec![Effect::Status(
                    self.words.tr(text::status::NOTHING_TO_UNDO, None),
                )],
            },
            Action::Interrupt => {
                if matches!(self.screen, Screen::Home) && self.popups.is_empty() {
                    self.quit = true;
                    Vec::new()
                } else {
                    vec![Effect::Status(text::message::how_to_quit(
                        &self.words,
                        &self.keymap.label(&Action::GotoHome),
                        &self.keymap.label(&Action::Quit),
                    ))]
                }
            }
            Action::Help => vec![Effect::Push(Popup::Help)],
            Action::Language => {
                self.switch_language();
                Vec::new()
            }
            // On the directory screen, search is its own "who handles …".
            Action::Search if matches!(self.screen, Screen::Directory(_)) => {
                if let Screen::Directory(v) = &mut self.screen {
                    v.typing = true;
                }
                Vec::new()
            }
            Action::Search => vec![Effect::Push(Popup::Search(SearchPopup::new()))],
            Action::LogCall => self.log_call(),
            Action::NewCase => self.new_case(),
            Action::Back => {
                // Choosing a case for an inbox message: Esc is back to the list.
                if let Screen::Inbox(v) = &mut self.screen
                    && v.cancel_choice()
                {
                    return Ok(());
                }
                self.back();
                Vec::new()
            }
            Action::GotoHome => {
                self.go(Screen::Home, true);
                Vec::new()
            }
            Action::GotoCases => vec![Effect::Go(Screen::Cases(CasesView::default()))],
            Action::GotoContacts => vec![Effect::Go(Screen::Contacts(ContactsView::default()))],
            Action::GotoAgenda => vec![Effect::Go(Screen::Agenda(AgendaView::default()))],
            Action::GotoDirectory => vec![Effect::Go(Screen::Directory(DirectoryView::default()))],
            Action::GotoInbox => vec![Effect::Go(Screen::Inbox(Box::default()))],
            Action::GotoConflicts => vec![Effect::Go(Screen::Conflicts(
                screens::conflicts::ConflictsView::default(),
            ))],
            Action::GotoReview => {
                let v = ReviewView::new(self.clock.today(), self.config.year_start_month)?;
                vec![Effect::Go(Screen::Review(Box::new(v)))]
            }
            Action::Surgery => match &self.surgery {
                Some(s) => vec![Effect::Push(Popup::Confirm {
                    question: text::surgery::end_question(&self.words, &s.venue),
                    then: Confirmed::EndSurgery,
                })],
                None => {
                    let (cx, ..) = self.cx();
                    popups::form::open(forms::FormKind::StartSurgery, forms::start_surgery(), &cx)
                }
            },
            other => {
                let (mut cx, screen, home, _) = self.cx();
                screen.update(home, other, &mut cx)?
            }
        };
        self.apply_effects(effects)
    }

    /// Does what a room answered, in order.
    fn apply_effects(&mut self, effects: Effects) -> Result<()> {
        for effect in effects {
            match effect {
                Effect::Go(screen) => self.go(screen, false),
                Effect::OpenCase(id) => self.go(Screen::Case(Box::new(CaseView::new(id))), false),
                Effect::OpenContact(id) => {
                    self.go(Screen::Contact(Box::new(ContactView::new(id))), false)
                }
                Effect::Period(period) => {
                    if let Screen::Review(v) = &mut self.screen {
                        v.set_custom(period);
                    }
                }
                Effect::Push(popup) => self.popups.push(popup),
                Effect::Pop => {
                    self.popups.pop();
                }
                Effect::Status(s) => self.status = Some(s),
                Effect::Refresh => self.refresh(),
                Effect::Undoable(id) => self.undo_done = Some(id),
                Effect::Settled => self.status = Some(self.words.tr("ui-conflicts-settled", None)),
            }
        }
        Ok(())
    }

    /// The quick call log: from a contact's page the call is with them;
    /// from a case's page it is filed on the case, with its constituent.
    fn log_call(&mut self) -> Effects {
        let (case, who) = match &self.screen {
            Screen::Contact(v) => (None, v.contact.as_ref().map(match_of)),
            Screen::Case(v) => (v.case_ref(), v.constituent_match()),
            _ => (None, None),
        };
        let prefilled = who.is_some();
        let kind = if self.surgery.is_some() {
            EntryKind::SurgeryVisit
        } else {
            EntryKind::CallIn
        };
        let mut form = forms::quick_log(&self.words, case.as_ref(), who, kind);
        if prefilled {
            form.focus_on(forms::QuickField::Text);
        }
        let (cx, ..) = self.cx();
        popups::form::open(forms::FormKind::QuickLog, form, &cx)
    }

    /// A new case; while a surgery runs, it was brought to the surgery.
    fn new_case(&mut self) -> Effects {
        let mut f = record::intake::form(
            &self.words,
            &self.config.categories(),
            &self.config.monitoring(),
        );
        if self.surgery.is_some() {
            f.choose(
                record::intake::IntakeField::Channel,
                &crate::domain::Channel::Surgery,
            );
        }
        f.settle();
        let (cx, ..) = self.cx();
        popups::form::open(forms::FormKind::Intake, f, &cx)
    }

    /// Opens a screen, remembering the current one for Esc.
    pub fn go(&mut self, screen: Screen, reset: bool) {
        let old = std::mem::replace(&mut self.screen, screen);
        if reset {
            self.history.clear();
        } else if old != self.screen {
            self.history.push(old);
        }
        self.refresh();
    }

    fn back(&mut self) {
        if let Some(prev) = self.history.pop() {
            self.screen = prev;
            self.refresh();
        }
    }

    /// A background sync round ended: reloads, and says once what the
    /// councillor must know of it (files too big for the hub stay here).
    pub fn sync_round(&mut self, round: &crate::sync::Round) {
        if let crate::sync::Round::Synced(r) = round
            && r.files_not_shared > 0
        {
            self.status = Some(text::status::not_shared(&self.words, r.files_not_shared));
        }
        self.refresh();
    }

    /// Reloads what the screen in front shows.
    pub fn refresh(&mut self) {
        if let Ok(v) = self.store.data_version() {
            self.data_version = v;
        }
        let (cx, screen, home, _) = self.cx();
        let loaded = screen.reload(home, &cx);
        let result = loaded.and_then(|()| {
            self.surgery = self.store.current_surgery()?;
            // The outbox and conflicts, never the records: cheap.
            self.sync = match self.config.sync.url {
                Some(_) => Some(self.store.sync_status()?),
                None => None,
            };
            Ok(())
        });
        if let Err(e) = result {
            self.fail(e);
        }
    }

    /// Checks whether another program (`casebook log`) changed the diary,
    /// and reloads if so. Called by the event loop when idle.
    pub fn check_for_changes(&mut self) -> bool {
        match self.store.data_version() {
            Ok(v) if v != self.data_version => {
                self.refresh();
                true
            }
            _ => false,
        }
    }

    /// Opens the entry form on a diary entry, its case offered in the picker.
    pub fn edit_entry(&mut self, id: crate::domain::Id<crate::domain::Entry>) -> Result<()> {
        let (cx, ..) = self.cx();
        let effects = popups::form::edit_entry(id, &cx)?;
        self.apply_effects(effects)
    }

    /// The case on screen, for the popups over it.
    pub fn case_on_screen(&self) -> Option<CaseOnScreen<'_>> {
        case_on(&self.screen)
    }

    /// The hints of the footer, from the live keymap.
    pub fn footer_hints(&self) -> Vec<Hint> {
        if let Some(top) = self.popups.last() {
            return popups::hints(&self.words, &self.keymap, top)
                .into_iter()
                .map(|(keys, what)| Hint::said(keys, what))
                .collect();
        }
        if let Screen::Directory(v) = &self.screen
            && v.typing
        {
            return vec![Hint::said(
                String::new(),
                self.words.tr(text::directory::TYPING_KEYS, None),
            )];
        }
        if let Screen::Inbox(v) = &self.screen
            && v.choosing.is_some()
        {
            return vec![Hint::said(
                String::new(),
                self.words.tr(text::message::CHOOSE_KEYS, None),
            )];
        }
        // The screens' own keys are in the header's tabs.
        let skip = [
            Action::GotoHome,
            Action::GotoCases,
            Action::GotoContacts,
            Action::GotoAgenda,
            Action::GotoDirectory,
            Action::GotoReview,
            // Said in the help (the footers keep to each room's own keys).
            Action::GotoInbox,
            Action::GotoConflicts,
            Action::Up,
            Action::Down,
            Action::PageUp,
            Action::PageDown,
            Action::Top,
            Action::Bottom,
            Action::Privacy,
            Action::Language,
        ];
        self.screen_actions()
            .into_iter()
            .filter(|a| !skip.contains(a))
            .map(|a| {
                let what = match (&self.screen, &a) {
                    // Enter on a message files it (it opens nothing).
                    (Screen::Inbox(_), Action::Open) => self.words.tr("ui-inbox-file-key", None),
                    _ => self.words.tr(&text::action_label(a.name()), None),
                };
                Hint {
                    keys: self.keymap.label(&a),
                    what,
                    action: Some(a),
                }
            })
            .collect()
    }
}

fn case_on(screen: &Screen) -> Option<CaseOnScreen<'_>> {
    match screen {
        Screen::Case(v) => Some(CaseOnScreen {
            id: v.id,
            case: v.case.as_ref(),
            people: &v.people,
        }),
        _ => None,
    }
}

/// A plain key press, for tests and the event loop.
pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// A contact as a completion [`form::Match`], for forms filled in ahead.
pub fn match_of(c: &Record<crate::domain::Contact>) -> form::Match {
    form::Match {
        id: c.id,
        name: c.name.clone(),
        detail: String::new(),
        caution: c.caution.is_some(),
    }
}
