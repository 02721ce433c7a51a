//! The state of the terminal UI and the one place it changes.
//!
//! One-way flow: a terminal event becomes an [`Action`] ([`App::on_key`]
//! resolves keys against the live [`Keymap`]); [`App::update`] applies it,
//! calling the store; `ui::render` only reads the state. Popups form a stack:
//! the top one takes each key first.

pub mod action;
pub mod agenda;
pub mod directory;
pub mod form;
pub mod forms;
pub mod keymap;
mod mouse;
pub mod record;
pub mod record_forms;
pub mod review;
pub mod text;
pub mod textfield;
mod views;

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub use action::Action;
pub use agenda::AgendaView;
pub use directory::DirectoryView;
use form::{Form, Input, Match, Outcome};
use forms::FormKind;
pub use keymap::Keymap;
pub use review::{PeriodKind, ReviewView};
use textfield::TextField;
pub use views::{CaseView, CasesView, ContactView, ContactsView, DueItem, HomePanel, HomeView};

use crate::clock::Clock;
use crate::config::Config;
use crate::domain::{Case, CaseStatus, EntryKind, Id, Outcome as CaseOutcome, Record, Surgery};
use crate::store::{Hit, HitKind, ReferOutcome, Snooze, Store};
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Home,
    Cases(CasesView),
    Case(Box<CaseView>),
    Contacts(ContactsView),
    Contact(Box<ContactView>),
    Agenda(AgendaView),
    Directory(DirectoryView),
    Review(Box<ReviewView>),
}

/// What the confirm popup does when answered yes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmed {
    /// Close the form beneath, losing what was typed.
    DiscardForm,
    /// Refer the case in the form beneath although the constituent has not
    /// agreed to their details being shared.
    ReferWithoutConsent,
    /// End the surgery that is running.
    EndSurgery,
    /// Take a person off a case (their contact card stays).
    RemovePerson {
        case: crate::domain::Id<crate::domain::Case>,
        contact: crate::domain::Id<crate::domain::Contact>,
        role: crate::domain::Role,
    },
    /// Delete a diary entry.
    DeleteEntry(crate::domain::Id<crate::domain::Entry>),
}

impl Confirmed {
    /// The keys line of the question.
    pub fn keys(self) -> &'static str {
        match self {
            Confirmed::DiscardForm => text::message::DISCARD_KEYS,
            Confirmed::ReferWithoutConsent => text::refer::CONFIRM_KEYS,
            Confirmed::EndSurgery => text::surgery::END_KEYS,
            Confirmed::RemovePerson { .. } => record::text::people::REMOVE_KEYS,
            Confirmed::DeleteEntry(_) => text::entry::DELETE_KEYS,
        }
    }
}

/// What a list of choices is for.
#[derive(Debug, Clone, PartialEq)]
pub enum ChoicePurpose {
    Status,
    Outcome,
    /// Which awaited referral a reply is to (the value is its id).
    Reply,
    /// A new role for a person on the case on screen.
    Role {
        contact: crate::domain::Id<crate::domain::Contact>,
        from: crate::domain::Role,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct SearchPopup {
    pub field: TextField,
    pub hits: Vec<Hit>,
    pub selected: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Popup {
    Help,
    Message {
        title: String,
        body: String,
        error: bool,
    },
    Confirm {
        question: String,
        then: Confirmed,
    },
    Search(SearchPopup),
    Form(FormKind, Box<Form>),
    /// The people on the case on screen (listed from its view).
    People {
        selected: usize,
    },
    Choose {
        title: &'static str,
        /// (value, label)
        options: Vec<(String, String)>,
        selected: usize,
        purpose: ChoicePurpose,
    },
}

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
    data_version: i64,
}

/// How many search results to show.
const SEARCH_LIMIT: usize = 30;

impl App {
    pub fn new(store: Store, config: Config, clock: Clock) -> Result<App> {
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
            data_version,
        };
        // Two actions on one screen with the same key: say so once.
        let screens = [
            Screen::Home,
            Screen::Cases(CasesView::default()),
            Screen::Case(Box::new(CaseView::new(crate::domain::Id::new(0)))),
            Screen::Contacts(ContactsView::default()),
            Screen::Contact(Box::new(ContactView::new(crate::domain::Id::new(0)))),
            Screen::Agenda(AgendaView::default()),
            Screen::Directory(DirectoryView {
                typing: false,
                ..DirectoryView::default()
            }),
            Screen::Review(Box::new(ReviewView::new(
                app.clock.today(),
                app.config.year_start_month,
            )?)),
        ];
        for screen in screens {
            app.screen = screen;
            for clash in app.keymap.clashes(&app.screen_actions()) {
                if !app.keymap.problems.contains(&clash) {
                    app.keymap.problems.push(clash);
                }
            }
        }
        app.screen = Screen::Home;
        if !app.keymap.problems.is_empty() {
            // Shown once; the bad bindings were skipped.
            app.popups.push(Popup::Message {
                title: text::message::PROBLEMS.to_string(),
                body: app.keymap.problems.join("\n"),
                error: true,
            });
        }
        app.refresh();
        Ok(app)
    }

    /// Actions that mean something on the screen in front of the user, the
    /// screen's own first (they win when a key is bound twice).
    pub fn screen_actions(&self) -> Vec<Action> {
        use Action::*;
        let mut own: Vec<Action> = match &self.screen {
            Screen::Home => vec![Open, NextPanel, Done, Undo, EditEntry, DeleteEntry, Quit],
            Screen::Cases(_) => vec![Open, FilterStatus, FilterCategory, FilterKind, Sort, Back],
            Screen::Case(_) => vec![
                AddEntry,
                AddFollowUp,
                Refer,
                RecordReply,
                TakeMail,
                Draft,
                ChangeStatus,
                CloseCase,
                EditCase,
                CasePeople,
                Reveal,
                Open,
                Back,
            ],
            Screen::Contacts(_) => vec![Open, EditContact, Back],
            Screen::Contact(_) => vec![Open, EditContact, FileEntry, Reveal, Back],
            Screen::Agenda(_) => vec![
                Open, Done, Undo, SnoozeDay, SnoozeWeek, Reschedule, Reveal, Back,
            ],
            Screen::Directory(_) => vec![Open, AddOfficer, EditOfficer, Back],
            Screen::Review(_) => vec![PrevPeriod, NextPeriod, PeriodKind, CustomPeriod, Back],
        };
        own.extend([
            LogCall,
            NewCase,
            Surgery,
            Search,
            Help,
            Privacy,
            GotoHome,
            GotoCases,
            GotoContacts,
            GotoAgenda,
            GotoDirectory,
            GotoReview,
            Up,
            Down,
            PageUp,
            PageDown,
            Top,
            Bottom,
        ]);
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
        // Typing the problem on the directory screen. The keys for help and
        // for the other screens still work: nobody looks up "?" or "2".
        if let Screen::Directory(v) = &self.screen {
            let global = [
                Action::Help,
                Action::GotoHome,
                Action::GotoCases,
                Action::GotoContacts,
                Action::GotoAgenda,
                Action::GotoReview,
            ];
            if v.typing {
                if let Some(a) = self.keymap.resolve(&key, &global) {
                    return Some(a);
                }
                return Some(Action::Key(key));
            }
            // Not typing (after Esc): a letter bound to nothing starts typing
            // again instead of vanishing.
            let resolved = self.keymap.resolve(&key, &self.screen_actions());
            if resolved.is_none()
                && let KeyCode::Char(_) = key.code
                && !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
            {
                return Some(Action::Key(key));
            }
            return resolved;
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
        self.popups.push(Popup::Message {
            title: text::message::ERROR.to_string(),
            body: e.to_string(),
            error: true,
        });
    }

    fn apply(&mut self, action: Action) -> Result<()> {
        match action {
            Action::Privacy => {
                self.privacy = !self.privacy;
                return Ok(());
            }
            Action::Key(k) if self.popups.is_empty() => return self.directory_key(k),
            Action::Key(k) => return self.popup_key(k),
            Action::Paste(s) => return self.paste(&s),
            Action::Refresh => {
                self.refresh();
                return Ok(());
            }
            Action::Resize(w, h) => {
                self.size = (w, h);
                return Ok(());
            }
            _ => {}
        }
        self.status = None;
        match action {
            Action::Quit => self.quit = true,
            Action::Undo => match self.undo_done.take() {
                Some(id) => {
                    self.store.reopen_follow_up(id)?;
                    self.refresh();
                    self.status = Some(text::status::FOLLOW_UP_UNDONE.to_string());
                }
                None => self.status = Some(text::status::NOTHING_TO_UNDO.to_string()),
            },
            Action::Interrupt => {
                if matches!(self.screen, Screen::Home) && self.popups.is_empty() {
                    self.quit = true;
                } else {
                    self.status = Some(text::message::how_to_quit(
                        &self.keymap.label(&Action::GotoHome),
                        &self.keymap.label(&Action::Quit),
                    ));
                }
            }
            Action::Help => self.popups.push(Popup::Help),
            // On the directory screen, search is its own "who handles …".
            Action::Search if matches!(self.screen, Screen::Directory(_)) => {
                if let Screen::Directory(v) = &mut self.screen {
                    v.typing = true;
                }
            }
            Action::Search => self.popups.push(Popup::Search(SearchPopup {
                field: TextField::new(),
                hits: Vec::new(),
                selected: 0,
            })),
            Action::LogCall => {
                // From a contact's page the call is with them; from a case's
                // page it is filed on the case, with its constituent.
                let (case, who) = match &self.screen {
                    Screen::Contact(v) => (None, v.contact.as_ref().map(match_of)),
                    Screen::Case(v) => (v.case_ref(), v.constituent_match()),
                    _ => (None, None),
                };
                let prefilled = who.is_some();
                let kind = self.entry_kind_default(EntryKind::CallIn);
                let mut form = forms::quick_log(case.as_ref(), who, kind);
                if prefilled {
                    form.focus = forms::quick::TEXT;
                }
                self.open_form(FormKind::QuickLog, form)
            }
            Action::NewCase => {
                let mut f =
                    record::intake::form(&self.config.categories(), &self.config.monitoring());
                // While a surgery runs, a new case was brought to it.
                if self.surgery.is_some()
                    && let Input::Choice { options, selected } =
                        &mut f.fields[record::at(record::intake::IntakeField::Channel)].input
                    && let Some(i) = options
                        .iter()
                        .position(|o| o.0 == crate::domain::Channel::Surgery.as_str())
                {
                    *selected = i;
                }
                f.settle();
                self.open_form(FormKind::Intake, f)
            }
            Action::Back => self.back(),
            Action::GotoHome => self.go(Screen::Home, true),
            Action::GotoCases => self.go(Screen::Cases(CasesView::default()), false),
            Action::GotoContacts => self.go(Screen::Contacts(ContactsView::default()), false),
            Action::GotoAgenda => self.go(Screen::Agenda(AgendaView::default()), false),
            Action::GotoDirectory => self.go(Screen::Directory(DirectoryView::default()), false),
            Action::GotoReview => {
                let v = ReviewView::new(self.clock.today(), self.config.year_start_month)?;
                self.go(Screen::Review(Box::new(v)), false)
            }
            Action::Surgery => match &self.surgery {
                Some(s) => self.popups.push(Popup::Confirm {
                    question: text::surgery::end_question(&s.venue),
                    then: Confirmed::EndSurgery,
                }),
                None => self.open_form(FormKind::StartSurgery, forms::start_surgery()),
            },
            other => self.screen_action(other)?,
        }
        Ok(())
    }

    fn open_form(&mut self, kind: FormKind, mut form: Form) {
        if let Err(e) = forms::refresh_cases(&kind, &mut form, &self.store) {
            self.fail(e);
        }
        forms::validate(&kind, &mut form, &self.store, self.clock.now());
        // What the form opened with (a proposed case included) is where it
        // starts: Esc before any change closes it without asking.
        form.settle();
        self.popups.push(Popup::Form(kind, Box::new(form)));
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

    /// Reloads what the screen in front shows.
    pub fn refresh(&mut self) {
        if let Ok(v) = self.store.data_version() {
            self.data_version = v;
        }
        let today = self.clock.today();
        let result = match &mut self.screen {
            Screen::Home => self.home.load(&self.store, today, &self.config),
            Screen::Cases(v) => v.reload(&self.store),
            Screen::Case(v) => v.reload(&self.store),
            Screen::Contacts(v) => v.reload(&self.store),
            Screen::Contact(v) => v.reload(&self.store),
            Screen::Agenda(v) => v.reload(&self.store, today),
            Screen::Directory(v) => v.reload(&self.store),
            Screen::Review(v) => v.reload(&self.store),
        };
        let result = result.and_then(|()| {
            self.surgery = self.store.current_surgery()?;
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

    fn paste(&mut self, s: &str) -> Result<()> {
        match self.popups.last_mut() {
            Some(Popup::Form(kind, form)) => {
                form.paste(s);
                form.refresh_matches(&self.store)?;
                forms::refine_matches(kind, form, &self.store)?;
                forms::refresh_cases(kind, form, &self.store)?;
                forms::validate(kind, form, &self.store, self.clock.now());
            }
            Some(Popup::Search(p)) => {
                p.field.insert_str(s);
                p.hits = self.store.search(p.field.text(), SEARCH_LIMIT)?;
                p.selected = 0;
            }
            _ => {}
        }
        if self.popups.is_empty()
            && let Screen::Directory(v) = &mut self.screen
        {
            v.typing = true;
            v.query.insert_str(s);
            v.reload(&self.store)?;
        }
        Ok(())
    }

    /// A key typed into the directory screen's question.
    fn directory_key(&mut self, key: KeyEvent) -> Result<()> {
        let Screen::Directory(v) = &mut self.screen else {
            return Ok(());
        };
        v.typing = true;
        match key.code {
            KeyCode::Esc => v.typing = false,
            KeyCode::Up => v.step(-1),
            KeyCode::Down => v.step(1),
            KeyCode::PageUp => v.step(-10),
            KeyCode::PageDown => v.step(10),
            KeyCode::Enter => {
                v.typing = false;
                return self.screen_action(Action::Open);
            }
            _ => {
                if v.query.handle_key(&key) {
                    v.selected = 0;
                    v.reload(&self.store)?;
                }
            }
        }
        Ok(())
    }

    fn popup_key(&mut self, key: KeyEvent) -> Result<()> {
        let now = self.clock.now();
        let Some(top) = self.popups.last_mut() else {
            return Ok(());
        };
        match top {
            Popup::Help | Popup::Message { .. } => {
                if matches!(key.code, KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q'))
                    || self.keymap.is(&key, &Action::Help)
                {
                    self.popups.pop();
                }
            }
            Popup::Confirm { then, .. } => match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => {
                    let then = *then;
                    self.popups.pop();
                    self.confirmed(then)?;
                }
                KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc => {
                    self.popups.pop();
                }
                _ => {}
            },
            Popup::Search(p) => match key.code {
                KeyCode::Esc => {
                    self.popups.pop();
                }
                KeyCode::Up => p.selected = p.selected.saturating_sub(1),
                KeyCode::Down => p.selected = (p.selected + 1).min(p.hits.len().saturating_sub(1)),
                KeyCode::Enter => {
                    if let Some(hit) = p.hits.get(p.selected).cloned() {
                        self.popups.pop();
                        self.open_hit(&hit)?;
                    }
                }
                _ => {
                    if p.field.handle_key(&key) {
                        p.hits = self.store.search(p.field.text(), SEARCH_LIMIT)?;
                        p.selected = 0;
                    }
                }
            },
            Popup::Choose {
                options,
                selected,
                purpose,
                ..
            } => match key.code {
                KeyCode::Esc => {
                    self.popups.pop();
                }
                KeyCode::Up | KeyCode::Char('k') => *selected = selected.saturating_sub(1),
                KeyCode::Down | KeyCode::Char('j') => {
                    *selected = (*selected + 1).min(options.len().saturating_sub(1))
                }
                KeyCode::Enter => {
                    let value = options.get(*selected).map(|o| o.0.clone());
                    let purpose = purpose.clone();
                    self.popups.pop();
                    if let Some(v) = value {
                        self.chosen(purpose, &v)?;
                    }
                }
                _ => {}
            },
            Popup::People { selected } => {
                let selected = *selected;
                return self.people_key(key, selected);
            }
            Popup::Form(kind, form) => {
                let outcome = form.handle_key(&key);
                match outcome {
                    Outcome::Keep => {
                        form.notice = None;
                        // ↑/↓ move through the completions: keep them.
                        if !matches!(key.code, KeyCode::Up | KeyCode::Down) {
                            form.refresh_matches(&self.store)?;
                            forms::refine_matches(kind, form, &self.store)?;
                        }
                        forms::refresh_cases(kind, form, &self.store)?;
                        forms::validate(kind, form, &self.store, now);
                    }
                    Outcome::Cancel => {
                        if form.is_dirty() {
                            self.popups.push(Popup::Confirm {
                                question: text::message::DISCARD.to_string(),
                                then: Confirmed::DiscardForm,
                            });
                        } else {
                            self.popups.pop();
                        }
                    }
                    Outcome::Submit => {
                        forms::validate(kind, form, &self.store, now);
                        // A new name in the referral form: add them to the
                        // directory there and then, and come back.
                        if matches!(kind, FormKind::Refer(_))
                            && let Some(name) = forms::new_referral_name(form, &self.store)
                        {
                            let kind = FormKind::Directory {
                                contact: None,
                                for_referral: true,
                            };
                            self.open_form(kind, record_forms::directory(&name, None));
                            return Ok(());
                        }
                        if form.has_errors() {
                            form.focus_first_error();
                            form.notice = Some(text::form::FIX_FIRST.to_string());
                        } else {
                            self.submit_form()?;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// Saves the form on top. On failure the form stays open with its text.
    fn submit_form(&mut self) -> Result<()> {
        let Some(Popup::Form(kind, form)) = self.popups.last() else {
            return Ok(());
        };
        let (kind, form) = (kind.clone(), form.clone());
        let now = self.clock.now();
        let status = match &kind {
            FormKind::QuickLog => {
                let done = forms::save_quick_log(&form, &mut self.store, now)?;
                text::status::logged(
                    &done.contact_name,
                    done.contact_created,
                    done.case.as_ref().map(|c| c.1.as_str()),
                )
            }
            FormKind::Intake => {
                let categories = self.config.categories();
                let saved = record::intake::save(&form, &mut self.store, now, &categories)?;
                self.popups.pop();
                let case = &saved.opened.case;
                let status =
                    record::text::intake::opened(&case.reference, &saved.created, &saved.same);
                self.go(Screen::Case(Box::new(CaseView::new(case.id))), false);
                self.status = Some(status);
                return Ok(());
            }
            FormKind::EditContact(id) => {
                let held = self.store.contact(*id)?;
                let c = record::contact::read(&form, &held.data)?;
                let saved = self.store.update_contact(*id, &c)?;
                record::text::card::saved(&saved.name)
            }
            FormKind::EditCase { id, .. } => {
                let held = self.store.case(*id)?;
                let c = record::case::read(&form, &held.data, now.date())?;
                let saved = self.store.update_case(*id, &c, &self.config.categories())?;
                record::text::case::saved(&saved.reference)
            }
            FormKind::AddPerson(case) => {
                let (contact, role) = record::people::save_add(&form, &mut self.store, *case)?;
                let c = self.store.contact(contact)?;
                record::text::people::added(&c.name, &role.label().to_lowercase())
            }
            FormKind::FollowUp { case, contact } => {
                forms::save_follow_up(&form, &mut self.store, now.date(), *case, *contact)?;
                text::status::FOLLOW_UP_ADDED.to_string()
            }
            FormKind::Reschedule(id) => {
                let on = forms::save_reschedule(&form, &mut self.store, now.date(), *id)?;
                text::agenda::snoozed(&on.format("%a %-d %b").to_string())
            }
            FormKind::Refer(case) => {
                match forms::save_refer(&form, &mut self.store, now, *case, false)? {
                    ReferOutcome::Referred(r) => self.referred(&r)?,
                    ReferOutcome::NeedsConfirmation(w) => {
                        // Nothing saved: the form stays beneath the question.
                        self.popups.push(Popup::Confirm {
                            question: text::refer::confirm(&w.message()),
                            then: Confirmed::ReferWithoutConsent,
                        });
                        return Ok(());
                    }
                }
            }
            FormKind::Reply(id) => {
                let done = forms::save_reply(&form, &mut self.store, now, *id)?;
                text::reply::recorded(
                    &done.case_reference,
                    &done.status.label().to_lowercase(),
                    done.working_days_late,
                )
            }
            FormKind::TakeMail(case) => self.take_mail(&form, *case)?,
            FormKind::Draft(case) => self.draft(&form, *case)?,
            FormKind::StartSurgery => {
                let venue = form.fields[0].input.text().trim().to_string();
                let s = self.store.start_surgery(&venue, now)?;
                text::surgery::started(&s.venue)
            }
            FormKind::EditEntry { id, .. } => {
                let case = record_forms::save_entry(&form, &mut self.store, now, *id)?;
                text::entry::saved(case.as_deref())
            }
            FormKind::CloseCase(id) => {
                let (outcome, follow_ups) =
                    record_forms::save_closing(&form, &mut self.store, now.date(), *id)?;
                let reference = self.store.case(*id)?.data.reference;
                text::closing::closed(&reference, outcome.label(), follow_ups)
            }
            FormKind::Directory {
                contact,
                for_referral,
            } => {
                let saved = record_forms::save_directory(&form, &mut self.store, *contact)?;
                self.popups.pop();
                let status = text::directory_form::saved(&saved.name);
                // Back in the referral form, the new officer is chosen.
                if *for_referral
                    && let Some(Popup::Form(kind, refer)) = self.popups.last_mut()
                    && let Input::Who {
                        field,
                        chosen,
                        matches,
                        ..
                    } = &mut refer.fields[forms::refer::TO].input
                {
                    field.set_text(&saved.name);
                    *chosen = Some(match_of(&saved));
                    matches.clear();
                    refer.focus = forms::refer::INSTRUCTION;
                    forms::validate(kind, refer, &self.store, now);
                } else {
                    self.refresh();
                }
                self.status = Some(status);
                return Ok(());
            }
            FormKind::ReviewRange => {
                let period = forms::review_period(&form, now.date())?;
                self.popups.pop();
                if let Screen::Review(v) = &mut self.screen {
                    v.set_custom(period);
                }
                self.refresh();
                return Ok(());
            }
        };
        self.popups.pop();
        self.refresh();
        self.status = Some(status);
        Ok(())
    }

    /// The kind a new entry starts as: a surgery visit while a surgery runs.
    fn entry_kind_default(&self, otherwise: EntryKind) -> EntryKind {
        if self.surgery.is_some() {
            EntryKind::SurgeryVisit
        } else {
            otherwise
        }
    }

    /// Opens the entry form on a diary entry, its case offered in the picker.
    pub fn edit_entry(&mut self, id: crate::domain::Id<crate::domain::Entry>) -> Result<()> {
        let e = self.store.entry(id)?;
        let case = match e.case {
            Some(c) => {
                let c = self.store.case(c)?;
                Some((c.data.reference, c.data.title))
            }
            None => None,
        };
        let form = record_forms::edit_entry(&e, case);
        self.open_form(
            FormKind::EditEntry {
                id,
                contact: e.contact,
                was: e.at,
            },
            form,
        );
        Ok(())
    }

    /// Takes the mail file named in the form in, on `case`.
    fn take_mail(&mut self, form: &Form, case: Id<Case>) -> Result<String> {
        // A path pasted from a file manager may come quoted.
        let typed = form.fields[0].input.text().trim();
        let path = std::path::PathBuf::from(typed.trim_matches(['\'', '"']));
        let messages = crate::mail_files::read_all(
            std::slice::from_ref(&path),
            self.config.mail.max_attachment_bytes(),
        )?;
        let reference = self.store.case(case)?.data.reference;
        let taken = self.store.take_in_mail(
            &messages,
            &crate::store::TakeIn {
                me: self.config.me.email.clone(),
                new_case: false,
                now: self.clock.now(),
                untitled: crate::mail::words::NO_SUBJECT.to_string(),
                categories: self.config.categories(),
                onto: Some(case),
            },
        )?;
        let added = taken.iter().filter(|t| t.entry.is_some()).count();
        Ok(text::mail::taken(&reference, added, taken.len() - added))
    }

    /// Writes a draft for `case` into the current folder and records it.
    fn draft(&mut self, form: &Form, case: Id<Case>) -> Result<String> {
        use crate::letters::compose::{self, Form as DraftForm, Request};
        use forms::draft as f;
        let reference = self.store.case(case)?.data.reference;
        let template = form.fields[f::TEMPLATE].input.text().to_string();
        let to = form.fields[f::TO].input.text().trim().to_string();
        let as_letter = form.fields[f::FORMAT].input.text() == "html";
        let now = self.clock.now();
        let made = compose::compose(
            &self.store,
            &self.config.me,
            &self.templates,
            now,
            Request {
                reference: &reference,
                template: &template,
                to: (!to.is_empty()).then_some(to.as_str()),
                form: if as_letter {
                    DraftForm::Html
                } else {
                    DraftForm::Eml
                },
            },
        )?;
        let path =
            crate::files::new_private_file_name(&format!("{reference}-{template}"), made.ext);
        crate::files::write_new_private(&path, &made.bytes)?;
        compose::record(&mut self.store, &made, now)?;
        Ok(text::draft::written(&path.display().to_string()))
    }

    /// The status line after a referral was saved.
    fn referred(&self, r: &Record<crate::domain::Referral>) -> Result<String> {
        let case = self.store.case(r.case)?;
        let to = self.store.contact(r.to)?;
        Ok(text::refer::referred(
            &case.reference,
            &to.name,
            &r.due_on.format("%a %-d %b").to_string(),
        ))
    }

    /// Does what a confirmation question was asked for.
    fn confirmed(&mut self, then: Confirmed) -> Result<()> {
        match then {
            Confirmed::DiscardForm => {
                self.popups.pop();
            }
            Confirmed::ReferWithoutConsent => {
                let Some(Popup::Form(FormKind::Refer(case), form)) = self.popups.last() else {
                    return Ok(());
                };
                let (case, form) = (*case, form.clone());
                let outcome =
                    forms::save_refer(&form, &mut self.store, self.clock.now(), case, true)?;
                if let ReferOutcome::Referred(r) = outcome {
                    let status = self.referred(&r)?;
                    self.popups.pop();
                    self.refresh();
                    self.status = Some(status);
                }
            }
            Confirmed::RemovePerson {
                case,
                contact,
                role,
            } => {
                self.store.remove_case_person(case, contact, role)?;
                let name = self.store.contact(contact)?.data.name;
                self.refresh();
                self.status = Some(record::text::people::removed(&name));
            }
            Confirmed::DeleteEntry(id) => {
                self.store.delete_entry(id)?;
                self.refresh();
                self.status = Some(text::entry::DELETED.to_string());
            }
            Confirmed::EndSurgery => {
                let (s, summary) = self.store.end_surgery(self.clock.now())?;
                let time = |t: Option<chrono::NaiveDateTime>| {
                    t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()
                };
                let body = text::surgery::summary(
                    &s.venue,
                    &s.held_on.format("%a %-d %b").to_string(),
                    &time(s.started_at),
                    &time(s.ended_at),
                    summary.people_seen,
                    &summary.people,
                    summary.cases_opened,
                    summary.entries,
                    &summary.categories,
                );
                self.refresh();
                self.popups.push(Popup::Message {
                    title: text::surgery::ENDED.to_string(),
                    body,
                    error: false,
                });
            }
        }
        Ok(())
    }

    fn chosen(&mut self, purpose: ChoicePurpose, value: &str) -> Result<()> {
        if purpose == ChoicePurpose::Reply {
            let id: i64 = value
                .parse()
                .map_err(|_| Error::invalid(text::reply::NOTHING_AWAITED))?;
            let kind = FormKind::Reply(crate::domain::Id::new(id));
            self.open_form(kind, forms::reply());
            return Ok(());
        }
        let Screen::Case(view) = &self.screen else {
            return Ok(());
        };
        if let ChoicePurpose::Role { contact, from } = purpose {
            let to: crate::domain::Role = value.parse()?;
            self.store
                .set_case_person_role(view.id, contact, from, to)?;
            let name = self.store.contact(contact)?.data.name;
            self.refresh();
            self.status = Some(record::text::people::role_changed(
                &name,
                &to.label().to_lowercase(),
            ));
            return Ok(());
        }
        let (id, reference) = match &view.case {
            Some(c) => (c.id, c.reference.clone()),
            None => return Ok(()),
        };
        let status = match purpose {
            ChoicePurpose::Status => {
                let s: CaseStatus = value.parse()?;
                self.store.set_case_status(id, s)?;
                text::status::status_changed(&reference, s.label())
            }
            ChoicePurpose::Outcome => {
                let o: CaseOutcome = value.parse()?;
                self.store.close_case(id, o, self.clock.today())?;
                text::status::closed(&reference, o.label())
            }
            ChoicePurpose::Reply | ChoicePurpose::Role { .. } => return Ok(()),
        };
        self.refresh();
        self.status = Some(status);
        Ok(())
    }

    fn open_hit(&mut self, hit: &Hit) -> Result<()> {
        use crate::domain::Id;
        let screen = match hit.kind {
            HitKind::Contact => Screen::Contact(Box::new(ContactView::new(Id::new(hit.id)))),
            HitKind::Case => Screen::Case(Box::new(CaseView::new(Id::new(hit.id)))),
            HitKind::Entry => match self.store.entry_line(Id::new(hit.id))? {
                Some(e) => match (e.case, e.contact_id) {
                    (Some((case, _)), _) => Screen::Case(Box::new(CaseView::new(case))),
                    (None, Some(c)) => Screen::Contact(Box::new(ContactView::new(c))),
                    (None, None) => return Ok(()),
                },
                None => return Ok(()),
            },
            HitKind::Directory => {
                let found = self
                    .store
                    .directory()?
                    .into_iter()
                    .find(|(d, _)| d.id.raw() == hit.id);
                match found {
                    Some((_, contact)) => Screen::Contact(Box::new(ContactView::new(contact.id))),
                    None => return Ok(()),
                }
            }
        };
        self.go(screen, false);
        Ok(())
    }

    fn screen_action(&mut self, action: Action) -> Result<()> {
        let today = self.clock.today();
        // The case page's body: the screen less header, status and footer.
        let (body_w, body_h) = (self.size.0, self.size.1.saturating_sub(4));
        // Table rows in view: the body less borders and the header row (and
        // the filter line above the case list).
        let rows = usize::from(body_h.saturating_sub(3)).max(1);
        let case_rows = rows.saturating_sub(1).max(1);
        match &mut self.screen {
            Screen::Home => match action {
                Action::NextPanel => self.home.focus = self.home.focus.next(),
                a if a.is_movement() => self.home.step(a.distance(10)),
                Action::Done => {
                    if self.home.focus == HomePanel::FollowUps
                        && let Some(DueItem::FollowUp(f)) = self.home.due_item()
                    {
                        let id = f.id;
                        self.store.complete_follow_up(id, today)?;
                        self.refresh();
                        self.undo_done = Some(id);
                        self.status = Some(text::status::follow_up_done(
                            &self.keymap.label(&Action::Undo),
                        ));
                    }
                }
                Action::Open => {
                    if let Some(s) = self.home.target() {
                        self.go(s, false);
                    }
                }
                Action::EditEntry | Action::DeleteEntry => {
                    let selected = (self.home.focus == HomePanel::Latest)
                        .then(|| self.home.latest.get(self.home.selected))
                        .flatten()
                        .map(|e| e.id);
                    match selected {
                        None => self.status = Some(text::entry::NOTHING.to_string()),
                        Some(id) if action == Action::DeleteEntry => {
                            self.popups.push(Popup::Confirm {
                                question: text::entry::DELETE.to_string(),
                                then: Confirmed::DeleteEntry(id),
                            })
                        }
                        Some(id) => self.edit_entry(id)?,
                    }
                }
                _ => {}
            },
            Screen::Cases(v) => match action {
                a if a.is_movement() => v.step(a.distance(case_rows), case_rows, &self.store)?,
                Action::FilterStatus => {
                    v.cycle_status();
                    v.reload(&self.store)?;
                }
                Action::FilterCategory => {
                    v.cycle_category(&self.config.categories());
                    v.reload(&self.store)?;
                }
                Action::FilterKind => {
                    v.cycle_kind();
                    v.reload(&self.store)?;
                }
                Action::Sort => {
                    v.toggle_sort();
                    v.reload(&self.store)?;
                }
                Action::Open => {
                    if let Some(c) = v.rows.get(v.selected) {
                        let s = Screen::Case(Box::new(CaseView::new(c.id)));
                        self.go(s, false);
                    }
                }
                _ => {}
            },
            Screen::Case(v) => match action {
                Action::Up => v.scroll = v.scroll.saturating_sub(1),
                Action::Down | Action::PageDown | Action::Bottom => {
                    let max = crate::ui::screens::case::max_scroll(v, body_w, body_h);
                    let by = match action {
                        Action::Down => 1,
                        Action::PageDown => 10,
                        _ => u16::MAX,
                    };
                    v.scroll = v.scroll.saturating_add(by).min(max);
                }
                Action::PageUp => v.scroll = v.scroll.saturating_sub(10),
                Action::Top => v.scroll = 0,
                Action::Reveal => v.revealed = !v.revealed,
                Action::AddEntry => {
                    let (case, who) = (v.case_ref(), v.constituent_match());
                    let kind = if self.surgery.is_some() {
                        EntryKind::SurgeryVisit
                    } else {
                        EntryKind::Note
                    };
                    self.open_form(
                        FormKind::QuickLog,
                        forms::quick_log(case.as_ref(), who, kind),
                    );
                }
                Action::AddFollowUp => {
                    if let Some(c) = &v.case {
                        let kind = FormKind::FollowUp {
                            case: c.id,
                            contact: v.constituent_match().map(|m| m.id),
                        };
                        self.open_form(kind, forms::follow_up());
                    }
                }
                Action::ChangeStatus => {
                    let options = CaseStatus::ALL
                        .iter()
                        .filter(|s| **s != CaseStatus::Closed)
                        .map(|s| (s.as_str().to_string(), s.label().to_string()))
                        .collect();
                    self.popups.push(Popup::Choose {
                        title: text::case::CHOOSE_STATUS,
                        options,
                        selected: 0,
                        purpose: ChoicePurpose::Status,
                    });
                }
                Action::CloseCase => {
                    if v.case.as_ref().is_some_and(|c| c.is_closed()) {
                        self.status = Some(text::case::ALREADY_CLOSED.to_string());
                    } else {
                        let id = v.id;
                        let open = self.store.open_follow_up_count(id)?;
                        self.open_form(FormKind::CloseCase(id), record_forms::close_case(open));
                    }
                }
                Action::EditCase => {
                    let edit = v.case.as_ref().map(|c| {
                        let kind = FormKind::EditCase {
                            id: c.id,
                            opened: c.opened,
                        };
                        (kind, record::case::form(c, &self.config.categories()))
                    });
                    if let Some((kind, form)) = edit {
                        self.open_form(kind, form);
                    }
                }
                Action::CasePeople => self.popups.push(Popup::People { selected: 0 }),
                Action::Open => {
                    if let Some((_, c)) = v.people.first() {
                        let s = Screen::Contact(Box::new(ContactView::new(c.id)));
                        self.go(s, false);
                    }
                }
                Action::Refer => {
                    if v.case.as_ref().is_some_and(|c| c.is_closed()) {
                        self.status = Some(text::case::ALREADY_CLOSED.to_string());
                    } else {
                        let id = v.id;
                        let copied = crate::domain::rules::copy_constituent_in_by_default(
                            self.store.case_has_confidential_entries(id)?,
                        );
                        let form = forms::refer(today, self.config.referral_reply_days, copied);
                        self.open_form(FormKind::Refer(id), form);
                    }
                }
                Action::TakeMail => {
                    let id = v.id;
                    self.open_form(FormKind::TakeMail(id), forms::take_mail());
                }
                Action::Draft => {
                    let id = v.id;
                    let form = forms::draft(&self.templates);
                    self.open_form(FormKind::Draft(id), form);
                }
                Action::RecordReply => {
                    let id = v.id;
                    let awaited = self.store.awaiting_referrals(id)?;
                    match awaited.as_slice() {
                        [] => self.status = Some(text::reply::NOTHING_AWAITED.to_string()),
                        [one] => self.open_form(FormKind::Reply(one.id), forms::reply()),
                        many => {
                            let mut options = Vec::new();
                            for r in many {
                                let to = self.store.contact(r.to)?;
                                options.push((
                                    r.id.raw().to_string(),
                                    text::reply::option(
                                        &to.name,
                                        &r.referred_on.format("%-d %b").to_string(),
                                        &r.due_on.format("%-d %b").to_string(),
                                    ),
                                ));
                            }
                            self.popups.push(Popup::Choose {
                                title: text::reply::CHOOSE,
                                options,
                                selected: 0,
                                purpose: ChoicePurpose::Reply,
                            });
                        }
                    }
                }
                _ => {}
            },
            Screen::Contacts(v) => match action {
                a if a.is_movement() => v.step(a.distance(rows), rows, &self.store)?,
                Action::EditContact => {
                    if let Some(id) = v.rows.get(v.selected).map(|c| c.id) {
                        let c = self.store.contact(id)?;
                        let form = record::contact::form(&c, &self.config.monitoring(), false);
                        self.open_form(FormKind::EditContact(id), form);
                    }
                }
                Action::Open => {
                    if let Some(c) = v.rows.get(v.selected) {
                        let s = Screen::Contact(Box::new(ContactView::new(c.id)));
                        self.go(s, false);
                    }
                }
                _ => {}
            },
            Screen::Contact(v) => match action {
                Action::Up => v.selected = v.selected.saturating_sub(1),
                Action::Down => v.selected = (v.selected + 1).min(v.cases.len().saturating_sub(1)),
                Action::Top => v.selected = 0,
                Action::Bottom => v.selected = v.cases.len().saturating_sub(1),
                Action::Reveal => v.revealed = !v.revealed,
                Action::EditContact => {
                    let card = v.contact.as_ref().map(|c| {
                        let form = record::contact::form(c, &self.config.monitoring(), false);
                        (FormKind::EditContact(c.id), form)
                    });
                    if let Some((kind, form)) = card {
                        self.open_form(kind, form);
                    }
                }
                Action::FileEntry => {
                    // Their entries come newest first: the call just taken.
                    match v.entries.iter().find(|e| e.case.is_none()).map(|e| e.id) {
                        Some(id) => self.edit_entry(id)?,
                        None => self.status = Some(text::entry::NONE_UNFILED.to_string()),
                    }
                }
                Action::Open => {
                    if let Some((_, c)) = v.cases.get(v.selected) {
                        let s = Screen::Case(Box::new(CaseView::new(c.id)));
                        self.go(s, false);
                    }
                }
                _ => {}
            },
            Screen::Agenda(v) => match action {
                a if a.is_movement() => v.step(a.distance(10)),
                Action::Reveal => v.revealed = !v.revealed,
                Action::Open => {
                    if let Some(s) = v.target() {
                        self.go(s, false);
                    }
                }
                Action::Done | Action::SnoozeDay | Action::SnoozeWeek | Action::Reschedule => {
                    let Some(id) = v.current().map(|f| f.id) else {
                        self.status = Some(text::message::NOTHING_SELECTED.to_string());
                        return Ok(());
                    };
                    let status = match action {
                        Action::Done => {
                            self.store.complete_follow_up(id, today)?;
                            self.undo_done = Some(id);
                            text::status::follow_up_done(&self.keymap.label(&Action::Undo))
                        }
                        Action::Reschedule => {
                            self.open_form(FormKind::Reschedule(id), forms::reschedule());
                            return Ok(());
                        }
                        _ => {
                            let by = if action == Action::SnoozeDay {
                                Snooze::Day
                            } else {
                                Snooze::Week
                            };
                            let on = self.store.snooze_follow_up(id, by, today)?;
                            text::agenda::snoozed(&on.format("%a %-d %b").to_string())
                        }
                    };
                    self.refresh();
                    self.status = Some(status);
                }
                _ => {}
            },
            Screen::Directory(v) => match action {
                a if a.is_movement() => v.step(a.distance(10)),
                Action::AddOfficer => {
                    let kind = FormKind::Directory {
                        contact: None,
                        for_referral: false,
                    };
                    self.open_form(kind, record_forms::directory("", None));
                }
                Action::EditOfficer => match v.results.get(v.selected) {
                    Some((d, c)) => {
                        let form = record_forms::directory("", Some((&c.data, &d.handles)));
                        let kind = FormKind::Directory {
                            contact: Some(c.id),
                            for_referral: false,
                        };
                        self.open_form(kind, form);
                    }
                    None => self.status = Some(text::directory_form::NOTHING.to_string()),
                },
                Action::Open => {
                    if let Some((_, c)) = v.results.get(v.selected) {
                        let s = Screen::Contact(Box::new(ContactView::new(c.id)));
                        self.go(s, false);
                    }
                }
                _ => {}
            },
            Screen::Review(v) => match action {
                Action::Up => v.scroll = v.scroll.saturating_sub(1),
                Action::Down => {
                    v.scroll = v
                        .scroll
                        .saturating_add(1)
                        .min(crate::ui::screens::review::max_scroll(v, body_w, body_h))
                }
                Action::PageUp => v.scroll = v.scroll.saturating_sub(10),
                Action::PageDown => {
                    v.scroll = v
                        .scroll
                        .saturating_add(10)
                        .min(crate::ui::screens::review::max_scroll(v, body_w, body_h))
                }
                Action::Top => v.scroll = 0,
                Action::Bottom => {
                    v.scroll = crate::ui::screens::review::max_scroll(v, body_w, body_h)
                }
                Action::PrevPeriod | Action::NextPeriod => {
                    v.step(if action == Action::PrevPeriod { -1 } else { 1 })?;
                    v.reload(&self.store)?;
                }
                Action::PeriodKind => {
                    v.toggle_kind(self.config.year_start_month)?;
                    v.reload(&self.store)?;
                }
                Action::CustomPeriod => {
                    let form = forms::review_range(v.period.from, v.period.to);
                    self.open_form(FormKind::ReviewRange, form);
                }
                _ => {}
            },
        }
        Ok(())
    }

    /// The hints of the footer: (keys, what they do), from the live keymap.
    pub fn footer_hints(&self) -> Vec<(String, &'static str)> {
        if let Some(top) = self.popups.last() {
            let hint = match top {
                Popup::Form(_, f) => {
                    return form_hints(f);
                }
                Popup::Search(_) => text::search::HINT,
                Popup::Confirm { then, .. } => then.keys(),
                Popup::Choose { .. } => text::message::CHOOSE_KEYS,
                Popup::People { .. } => record::text::people::KEYS,
                Popup::Help => text::help::CLOSE,
                Popup::Message { .. } => text::message::CLOSE,
            };
            return vec![(String::new(), hint)];
        }
        if let Screen::Directory(v) = &self.screen
            && v.typing
        {
            return vec![(String::new(), text::directory::TYPING_KEYS)];
        }
        // The screens' own keys are in the header's tabs.
        let skip = [
            Action::GotoHome,
            Action::GotoCases,
            Action::GotoContacts,
            Action::GotoAgenda,
            Action::GotoDirectory,
            Action::GotoReview,
            Action::Up,
            Action::Down,
            Action::PageUp,
            Action::PageDown,
            Action::Top,
            Action::Bottom,
            Action::Privacy,
        ];
        self.screen_actions()
            .into_iter()
            .filter(|a| !skip.contains(a))
            .map(|a| (self.keymap.label(&a), text::action_label(a.name())))
            .collect()
    }
}

fn form_hints(f: &Form) -> Vec<(String, &'static str)> {
    let mut hints = vec![(String::new(), text::form::KEYS)];
    match &f.focused().input {
        Input::Text(t) if t.is_multiline() => hints.push((String::new(), text::form::KEYS_MULTI)),
        Input::Choice { .. } => hints.push((String::new(), text::form::KEYS_CHOICE)),
        Input::Pick(_) => hints.push((String::new(), text::form::KEYS_PICK)),
        Input::Who { matches, .. } if !matches.is_empty() => {
            hints.push((String::new(), text::form::KEYS_WHO))
        }
        _ => {}
    }
    hints
}

/// A plain key press, for tests and the event loop.
pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// A contact as a completion [`Match`], for forms filled in ahead.
pub fn match_of(c: &crate::domain::Record<crate::domain::Contact>) -> Match {
    Match {
        id: c.id,
        name: c.name.clone(),
        detail: String::new(),
        caution: c.caution.is_some(),
    }
}
