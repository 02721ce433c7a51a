//! What the user can ask for. The bindable actions are read by name from
//! `assets/keys.toml` and the config's `[keys]` table; the rest are made by
//! the event loop and never bound.

use ratatui::crossterm::event::KeyEvent;
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Help,
    Search,
    Back,
    Quit,
    LogCall,
    NewCase,
    Privacy,
    /// Welsh ↔ English, on the spot.
    Language,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    NextPanel,
    GotoHome,
    GotoCases,
    GotoContacts,
    FilterStatus,
    FilterCategory,
    FilterKind,
    Sort,
    AddEntry,
    AddFollowUp,
    ChangeStatus,
    CloseCase,
    Reveal,
    Done,
    GotoAgenda,
    GotoDirectory,
    GotoReview,
    /// The inbox folder's messages waiting to be filed.
    GotoInbox,
    /// Start a surgery, or end the one running.
    Surgery,
    SnoozeDay,
    SnoozeWeek,
    Reschedule,
    Refer,
    RecordReply,
    /// Take a mail file (.eml, .msg, mbox) into the case on screen.
    TakeMail,
    /// A letter or email draft from a template, for the case on screen.
    Draft,
    PrevPeriod,
    NextPeriod,
    PeriodKind,
    CustomPeriod,
    /// The case's own fields (title, kind, consent…).
    EditCase,
    /// The contact card of the person on screen.
    EditContact,
    /// The people on a case: add, change role, remove, open their card.
    CasePeople,
    /// Correct a diary entry or file it on a case.
    EditEntry,
    /// Delete a diary entry (asks first).
    DeleteEntry,
    /// A new case opened from an unfiled diary entry, which it then holds.
    CaseFromEntry,
    /// On a contact's page: file their newest unfiled entry on a case.
    FileEntry,
    /// Undo the follow-up last marked done.
    Undo,
    /// Add an officer or agency to the directory.
    AddOfficer,
    /// Correct the officer or agency chosen in the directory.
    EditOfficer,
    /// A question's answers (the confirm popup).
    Yes,
    No,
    /// Close the help or a message.
    Close,
    /// The people popup: add someone, change a role, take someone off.
    AddPerson,
    ChangeRole,
    RemovePerson,
    /// Forms and the search popup: the keys that are not typing.
    /// On to the next field (a name's highlighted completion taken first).
    NextField,
    /// Back to the field before.
    PrevField,
    /// Save the form; in the search, open what is highlighted.
    Submit,
    /// Close the form (asking first if something was typed) or the search.
    Cancel,
    /// A new line in a note.
    NewLine,
    /// Up and down a list under a field: a name's completions, the search's
    /// results (plain `up`/`down` take letters that are typed here).
    PickUp,
    PickDown,
    /// Open the sync conflicts room.
    GotoConflicts,
    /// In the conflicts room: keep this device's value.
    KeepHere,
    /// In the conflicts room: keep the other device's value.
    KeepOther,
    /// Ctrl-C: quits from home, elsewhere says how to quit.
    #[serde(skip)]
    Interrupt,
    /// A key for the popup on top (typing into a form).
    #[serde(skip)]
    Key(KeyEvent),
    /// Text pasted whole (bracketed paste).
    #[serde(skip)]
    Paste(String),
    /// Another program changed the diary: reload what is on screen.
    #[serde(skip)]
    Refresh,
    /// The terminal changed size (columns, rows).
    #[serde(skip)]
    Resize(u16, u16),
    /// A click or a wheel notch, resolved against the last frame drawn.
    #[serde(skip)]
    Mouse(ratatui::crossterm::event::MouseEvent),
}

impl Action {
    /// Up, Down, PageUp, PageDown, Top, Bottom: the keys that move a cursor.
    pub fn is_movement(&self) -> bool {
        matches!(
            self,
            Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Top
                | Action::Bottom
        )
    }

    /// How far a movement key moves a cursor, in rows, when a page is `page`
    /// rows; Top and Bottom go further than any list (the lists clamp).
    pub fn distance(&self, page: usize) -> i64 {
        let page = page.max(1) as i64;
        match self {
            Action::Up => -1,
            Action::Down => 1,
            Action::PageUp => -page,
            Action::PageDown => page,
            Action::Top => -1_000_000,
            Action::Bottom => 1_000_000,
            _ => 0,
        }
    }

    /// The name used in keys.toml and the config file.
    pub fn name(&self) -> &'static str {
        match self {
            Action::Help => "help",
            Action::Search => "search",
            Action::Back => "back",
            Action::Quit => "quit",
            Action::LogCall => "log_call",
            Action::NewCase => "new_case",
            Action::Privacy => "privacy",
            Action::Language => "language",
            Action::Up => "up",
            Action::Down => "down",
            Action::PageUp => "page_up",
            Action::PageDown => "page_down",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::Open => "open",
            Action::NextPanel => "next_panel",
            Action::GotoHome => "goto_home",
            Action::GotoCases => "goto_cases",
            Action::GotoContacts => "goto_contacts",
            Action::FilterStatus => "filter_status",
            Action::FilterCategory => "filter_category",
            Action::FilterKind => "filter_kind",
            Action::Sort => "sort",
            Action::AddEntry => "add_entry",
            Action::AddFollowUp => "add_follow_up",
            Action::ChangeStatus => "change_status",
            Action::CloseCase => "close_case",
            Action::Reveal => "reveal",
            Action::Done => "done",
            Action::GotoAgenda => "goto_agenda",
            Action::GotoDirectory => "goto_directory",
            Action::GotoReview => "goto_review",
            Action::GotoInbox => "goto_inbox",
            Action::Surgery => "surgery",
            Action::SnoozeDay => "snooze_day",
            Action::SnoozeWeek => "snooze_week",
            Action::Reschedule => "reschedule",
            Action::Refer => "refer",
            Action::RecordReply => "record_reply",
            Action::TakeMail => "take_mail",
            Action::Draft => "draft",
            Action::PrevPeriod => "prev_period",
            Action::NextPeriod => "next_period",
            Action::PeriodKind => "period_kind",
            Action::CustomPeriod => "custom_period",
            Action::EditCase => "edit_case",
            Action::EditContact => "edit_contact",
            Action::CasePeople => "case_people",
            Action::EditEntry => "edit_entry",
            Action::DeleteEntry => "delete_entry",
            Action::CaseFromEntry => "case_from_entry",
            Action::FileEntry => "file_entry",
            Action::AddOfficer => "add_officer",
            Action::Undo => "undo",
            Action::EditOfficer => "edit_officer",
            Action::Yes => "yes",
            Action::No => "no",
            Action::Close => "close",
            Action::AddPerson => "add_person",
            Action::ChangeRole => "change_role",
            Action::RemovePerson => "remove_person",
            Action::NextField => "next_field",
            Action::PrevField => "prev_field",
            Action::Submit => "submit",
            Action::Cancel => "cancel",
            Action::NewLine => "new_line",
            Action::PickUp => "pick_up",
            Action::PickDown => "pick_down",
            Action::GotoConflicts => "goto_conflicts",
            Action::KeepHere => "keep_here",
            Action::KeepOther => "keep_other",
            Action::Interrupt => "interrupt",
            Action::Key(_) => "key",
            Action::Paste(_) => "paste",
            Action::Refresh => "refresh",
            Action::Resize(..) => "resize",
            Action::Mouse(_) => "mouse",
        }
    }

    /// Parses a bindable action's name.
    pub fn from_name(name: &str) -> Option<Action> {
        let quoted = serde_json::Value::String(name.trim().to_string());
        serde_json::from_value(quoted).ok()
    }
}
