//! Every word the terminal UI shows, kept together by screen so that a Welsh
//! translation can later replace this one module.

pub const APP_NAME: &str = "casebook";
pub const TOO_SMALL: &str = "Make the window larger: casebook needs at least 80 × 24.";
pub const PRIVACY: &str = "casebook — press any key";
pub const DEMO: &str = "DEMO DIARY";

pub mod tabs {
    pub const HOME: &str = "Home";
    pub const CASES: &str = "Cases";
    pub const CONTACTS: &str = "Contacts";
    pub const CASE: &str = "Case";
    pub const CONTACT: &str = "Contact";
}

/// Short names of actions for the footer and help.
pub fn action_label(name: &str) -> &'static str {
    match name {
        "help" => "help",
        "search" => "search",
        "back" => "back",
        "quit" => "quit",
        "log_call" => "log a call",
        "new_case" => "new case",
        "privacy" => "hide screen",
        "up" => "up",
        "down" => "down",
        "page_up" => "page up",
        "page_down" => "page down",
        "top" => "first",
        "bottom" => "last",
        "open" => "open",
        "next_panel" => "next panel",
        "goto_home" => "home",
        "goto_cases" => "cases",
        "goto_contacts" => "contacts",
        "filter_status" => "status filter",
        "filter_category" => "category filter",
        "filter_kind" => "kind filter",
        "sort" => "sort order",
        "add_entry" => "log entry",
        "add_follow_up" => "follow-up",
        "change_status" => "status",
        "close_case" => "close case",
        "reveal" => "show confidential",
        "done" => "follow-up done",
        _ => "",
    }
}

pub mod home {
    pub const FOLLOW_UPS: &str = "Follow-ups due";
    pub const NO_FOLLOW_UPS: &str = "Nothing due today.";
    pub const OVERDUE: &str = "overdue";
    pub const TODAY: &str = "today";
    pub const OPEN_CASES: &str = "Open cases";
    pub const NO_OPEN_CASES: &str = "No open cases.";
    pub const LATEST: &str = "Latest in the diary";
    pub fn no_entries(log_call: &str, new_case: &str) -> String {
        format!("The diary is empty. Press {log_call} to log a call, {new_case} for a new case.")
    }
    pub const BIGGER_PICTURE: &str = "Bigger picture";
    pub const NO_ALERTS: &str = "No clusters of similar cases.";

    /// "4 waste cases in maes y coed"
    pub fn cluster(cases: usize, category: &str, area: &str) -> String {
        format!("{cases} {category} cases in {area}")
    }
    pub const UNFILED: &str = "unfiled";
}

pub mod cases {
    pub const TITLE: &str = "Cases";
    pub const EMPTY: &str = "No cases match.";
    pub const ALL_OPEN: &str = "all open";
    pub const EVERY: &str = "all";
    pub const ANY: &str = "any";
    pub const NEWEST: &str = "newest first";
    pub const OLDEST: &str = "oldest first";
    pub const STATUS: &str = "status";
    pub const CATEGORY: &str = "category";
    pub const KIND: &str = "kind";
    pub const AREA: &str = "area";
    pub const SORT: &str = "order";
    pub const HEADER: [&str; 5] = ["Ref", "Opened", "Status", "Constituent", "Title"];
}

pub mod case {
    /// On a contact's page: "Subject access requested 2026-03-01: respond by 2026-04-01".
    pub const SAR_PENDING: &str = "Subject access requested";
    pub const SAR_RESPOND_BY: &str = "respond by";
    pub const FACTS: &str = "Facts";
    pub const WANTS: &str = "What they want done";
    pub const HISTORY: &str = "Approached before";
    pub const OTHERS: &str = "Others involved";
    pub const PEOPLE: &str = "People";
    pub const TIMELINE: &str = "Timeline";
    pub const NO_ENTRIES: &str = "No diary entries yet.";
    pub const REFERRALS: &str = "Referrals";
    pub const NO_REFERRALS: &str = "None.";
    pub const FOLLOW_UPS: &str = "Follow-ups";
    pub const NO_FOLLOW_UPS: &str = "None.";
    pub const CAUTION: &str = "CAUTION";
    pub const MASKED: &str = "•••• confidential: hidden";
    pub const CONSENT_YES: &str = "agreed to details being shared";
    pub const CONSENT_NO: &str = "did NOT agree to details being shared";
    pub const CONSENT_UNKNOWN: &str = "consent to share not yet asked";
    pub const OPENED: &str = "opened";
    pub const CLOSED: &str = "closed";
    pub const REPLY_DUE: &str = "reply due";
    pub const REPLIED: &str = "replied";
    pub const DONE: &str = "done";
    pub const CHOOSE_STATUS: &str = "Change status";
    pub const CHOOSE_OUTCOME: &str = "Close the case: what was the outcome?";
    pub const ALREADY_CLOSED: &str = "This case is already closed.";
}

pub mod contacts {
    pub const TITLE: &str = "Contacts";
    pub const EMPTY: &str = "No contacts yet.";
    pub const HEADER: [&str; 4] = ["Name", "Kind", "Postcode", "Open cases"];
    pub const CASES: &str = "Cases";
    pub const NO_CASES: &str = "Not on any case.";
    pub const ENTRIES: &str = "Diary";
    pub const NO_ENTRIES: &str = "No diary entries.";
    pub const DETAILS: &str = "Details";
}

pub mod form {
    pub const KEYS: &str = "Tab next field · Shift-Tab back · Enter save · Esc cancel";
    pub const KEYS_MULTI: &str = "Alt-Enter new line";
    pub const KEYS_CHOICE: &str = "←/→ or Space choose";
    pub const KEYS_WHO: &str = "↑/↓ pick · Tab take it";
    pub const NEW_CONTACT: &str = "new: will be added to contacts";
    pub const NEW_CHOICE: &str = "+ new contact";
    pub const CHOSEN: &str = "✓ known contact";
    pub const FIX_FIRST: &str =
        "Fix the marked fields first: nothing was saved, nothing typed is lost.";
    pub const OPTIONAL: &str = "optional";
}

pub mod quick_log {
    pub const TITLE: &str = "Log a call";
    pub const TITLE_ENTRY: &str = "Log an entry";
    pub const WHO: &str = "Who";
    pub const TEXT: &str = "What was said";
    pub const KIND: &str = "Kind";
    pub const CASE: &str = "Case";
    pub const FOLLOW_UP: &str = "Follow up on";
    pub const CONFIDENTIAL: &str = "Confidential";
    pub const NEED_WHO: &str = "who was it? type a name";
    pub const NEED_TEXT: &str = "say what happened";
    pub const NO_CASE: &str = "no case has this reference";
}

pub mod intake {
    pub const TITLE: &str = "New case";
    pub const CONSTITUENT: &str = "Constituent";
    pub const KIND: &str = "Kind";
    pub const ON_BEHALF_OF: &str = "On behalf of";
    pub const CASE_TITLE: &str = "Title";
    pub const CATEGORY: &str = "Category";
    pub const CHANNEL: &str = "Channel";
    pub const LOCATION: &str = "Location";
    pub const POSTCODE: &str = "Postcode";
    pub const FACTS: &str = "The facts";
    pub const WANTS: &str = "What they want done";
    pub const HISTORY: &str = "Approached before";
    pub const OTHERS: &str = "Others involved";
    pub const CONSENT: &str = "Consent to share";
    pub const CONSENT_OPTIONS: [&str; 3] = ["not yet asked", "yes", "no"];
    pub const NEED_CONSTITUENT: &str = "whose case is it? type a name";
    pub const NEED_ON_BEHALF: &str = "an indirect query needs the person it is for";
    pub const NEED_TITLE: &str = "a few words to name the case";
    pub const BAD_POSTCODE: &str = "does not look like a UK postcode";
}

pub mod follow_up {
    pub const TITLE: &str = "Add a follow-up";
    pub const DUE: &str = "Due";
    pub const WHAT: &str = "What to do";
    pub const NEED_WHAT: &str = "say what to follow up";
}

pub mod search {
    pub const TITLE: &str = "Search contacts, cases and the diary";
    pub const HINT: &str = "Type to search · ↑/↓ choose · Enter open · Esc close";
    pub const NOTHING: &str = "Nothing found.";
    pub const CONTACT: &str = "contact";
    pub const CASE: &str = "case";
    pub const ENTRY: &str = "entry";
    pub const DIRECTORY: &str = "directory";
    pub const MASKED: &str = "•••• confidential entry";
}

pub mod help {
    pub const TITLE: &str = "Keys";
    pub const CLOSE: &str = "Esc, Enter or ? closes this.";
    pub const EDITING: &str = "In a form: Tab / Shift-Tab move between fields, Enter saves, Alt-Enter starts a new line in a note, Esc cancels (asking first if you typed something). Ctrl-W deletes a word, Ctrl-U the line.";
}

pub mod message {
    pub const ERROR: &str = "Something went wrong";
    pub const PROBLEMS: &str = "Key settings skipped";
    pub const CLOSE: &str = "Enter or Esc closes this.";
    pub const DISCARD: &str = "Discard what you typed?";
    pub const DISCARD_KEYS: &str = "y discard · n keep editing";
    pub const CHOOSE_KEYS: &str = "↑/↓ choose · Enter take it · Esc cancel";
}

pub mod status {
    pub fn logged(name: &str, created: bool, case: Option<&str>) -> String {
        let filed = match case {
            Some(r) => format!(" on {r}"),
            None => " (unfiled)".to_string(),
        };
        if created {
            format!("Logged{filed}. New contact added: {name}.")
        } else {
            format!("Logged with {name}{filed}.")
        }
    }
    pub fn case_opened(reference: &str, created: &[String]) -> String {
        if created.is_empty() {
            format!("Case {reference} opened.")
        } else {
            format!(
                "Case {reference} opened. New contact added: {}.",
                created.join(", ")
            )
        }
    }
    pub fn status_changed(reference: &str, label: &str) -> String {
        format!("{reference}: {label}.")
    }
    pub fn closed(reference: &str, label: &str) -> String {
        format!("{reference} closed: {label}.")
    }
    pub const FOLLOW_UP_ADDED: &str = "Follow-up added.";
    pub const FOLLOW_UP_DONE: &str = "Follow-up marked done.";
    pub const REFRESHED: &str = "The diary changed elsewhere: screen refreshed.";
}
