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
    pub const AGENDA: &str = "Agenda";
    pub const DIRECTORY: &str = "Directory";
    pub const REVIEW: &str = "Review";
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
        "goto_agenda" => "agenda",
        "goto_directory" => "directory",
        "goto_review" => "review",
        "surgery" => "surgery start/end",
        "snooze_day" => "+1 day",
        "snooze_week" => "+1 week",
        "reschedule" => "new date",
        "refer" => "refer",
        "record_reply" => "record reply",
        "take_mail" => "take in mail",
        "draft" => "draft letter",
        "prev_period" => "previous period",
        "next_period" => "next period",
        "period_kind" => "calendar/municipal",
        "custom_period" => "from–to",
        "edit_case" => "edit case",
        "edit_contact" => "edit card",
        "case_people" => "people",
        "edit_entry" => "edit / file entry",
        "file_entry" => "file unfiled entry",
        "add_officer" => "add officer",
        "undo" => "undo done",
        "edit_officer" => "edit officer",
        "delete_entry" => "delete entry",
        "yes" => "yes",
        "no" => "no",
        "close" => "close",
        "add_person" => "add person",
        "change_role" => "change role",
        "remove_person" => "take off the case",
        "goto_conflicts" => "sync conflicts",
        "keep_here" => "keep this device's",
        "keep_other" => "keep the other's",
        _ => "",
    }
}

pub mod home {
    pub const FOLLOW_UPS: &str = "Due";
    pub const NO_FOLLOW_UPS: &str = "Nothing due today.";
    pub fn section_follow_ups(n: u64) -> String {
        format!("Follow-ups ({n})")
    }
    pub fn section_late(n: u64) -> String {
        format!("Replies late ({n})")
    }
    pub fn section_update(n: u64) -> String {
        format!("To update ({n})")
    }
    /// "reply due 20 Feb" on a late referral.
    pub fn reply_was_due(due: &str) -> String {
        format!("reply due {due}")
    }
    /// "no news since 12 Jan" on a case needing an update.
    pub fn no_news_since(since: &str) -> String {
        format!("no news since {since}")
    }
    pub const NEVER_UPDATED: &str = "never updated";
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

    /// "E to file": an unfiled entry with its file action.
    pub fn unfiled(key: &str) -> String {
        format!("{key} to file")
    }
}

pub mod agenda {
    pub const TITLE: &str = "Agenda: follow-ups";
    pub const EMPTY: &str = "No follow-ups waiting.";
    pub const OVERDUE: &str = "Overdue";
    pub const TODAY: &str = "Today";
    pub const THIS_WEEK: &str = "This week";
    pub const LATER: &str = "Later";
    pub const MASKED: &str = "•••• confidential: hidden";
    pub fn section(name: &str, total: u64) -> String {
        format!("{name} ({total})")
    }
    pub fn more(n: u64) -> String {
        format!("  … and {n} more")
    }
    pub const RESCHEDULE: &str = "Move the follow-up";
    pub const NEW_DATE: &str = "New date";
    pub fn snoozed(to: &str) -> String {
        format!("Follow-up moved to {to}.")
    }
}

pub mod mail {
    pub const TITLE: &str = "Take in a mail file";
    pub const PATH: &str = "File (.eml, .msg or mbox: type or paste its path)";
    pub const NEED_PATH: &str = "type or paste the path of a mail file";
    pub fn taken(reference: &str, added: usize, already: usize) -> String {
        match (added, already) {
            (0, _) => "That message is already in the diary.".to_string(),
            (1, 0) => format!("1 message taken in on {reference}."),
            (n, 0) => format!("{n} messages taken in on {reference}."),
            (n, a) => format!("{n} taken in on {reference}; {a} already in the diary."),
        }
    }
}

pub mod draft {
    pub const TITLE: &str = "Draft a letter or email";
    pub const TEMPLATE: &str = "Template";
    pub const FORMAT: &str = "As";
    pub const EMAIL: &str = "Email draft (.eml)";
    pub const LETTER: &str = "Printable letter (.html)";
    pub const TO: &str = "To (blank: the usual person)";
    pub fn written(path: &str) -> String {
        format!("Draft written to {path}; recorded on the case as a draft.")
    }
}

pub mod refer {
    pub const TITLE: &str = "Refer the case";
    pub const TO: &str = "To whom";
    pub const INSTRUCTION: &str = "Instruction";
    pub const COUNCIL_REF: &str = "Council reference";
    pub const COPIED: &str = "Constituent copied";
    pub const DAYS: &str = "Reply within";
    pub const NOTE: &str = "What was asked";
    pub const NEED_TO: &str = "type an officer or agency from the directory";
    pub const NOT_OFFICIAL: &str = "not an officer or agency in the directory";
    /// A name nobody has yet: Enter adds them rather than refusing.
    pub const NEW_OFFICER: &str =
        "Not in the directory yet: Enter adds them to it, then the referral goes on.";
    /// "10 working days: due Mon 16 Mar"
    pub fn days(n: u32, due: &str) -> String {
        let unit = if n == 1 {
            "working day"
        } else {
            "working days"
        };
        format!("{n} {unit}: reply due {due}")
    }
    pub fn handles(what: &str) -> String {
        format!("handles {what}")
    }
    pub fn referred(reference: &str, to: &str, due: &str) -> String {
        format!("{reference} referred to {to}; reply due {due}.")
    }
    pub const CONFIRM_KEYS: &str = "y refer anyway · n back to the form";
    pub fn confirm(warning: &str) -> String {
        let mut chars = warning.chars();
        let first: String = chars
            .next()
            .map(|c| c.to_uppercase().collect())
            .unwrap_or_default();
        format!("Refer anyway? {first}{}.", chars.as_str())
    }
}

pub mod reply {
    /// Names the reply in the rule's message.
    pub const THE_REPLY: &str = "the reply";
    pub const TITLE: &str = "Record a reply";
    pub const CHOOSE: &str = "Which referral replied?";
    pub const WHEN: &str = "Replied on";
    pub const TEXT: &str = "What they said";
    pub const NEED_TEXT: &str = "say what they replied";
    pub const NOTHING_AWAITED: &str = "No referral of this case is waiting for a reply.";
    /// "Housing (Rhian Hughes), referred 02 Mar, due 16 Mar"
    pub fn option(to: &str, on: &str, due: &str) -> String {
        format!("{to}: referred {on}, reply due {due}")
    }
    pub fn recorded(reference: &str, status: &str, late: u32) -> String {
        if late == 0 {
            format!("Reply recorded on {reference}; the case is {status}.")
        } else {
            format!(
                "Reply recorded on {reference} ({late} working days late); the case is {status}."
            )
        }
    }
}

pub mod surgery {
    pub const START: &str = "Start a surgery";
    pub const VENUE: &str = "Venue";
    pub const NEED_VENUE: &str = "where is it held?";
    pub fn started(venue: &str) -> String {
        format!("Surgery started at {venue}: calls and cases now belong to it.")
    }
    /// The header while one runs.
    pub fn running(venue: &str, since: &str) -> String {
        format!("● Surgery running at {venue} since {since}")
    }
    pub fn running_at(venue: &str) -> String {
        format!("● Surgery running at {venue}")
    }
    pub fn running_since(since: &str) -> String {
        format!("● Surgery since {since}")
    }
    pub fn end_question(venue: &str) -> String {
        format!("End the surgery at {venue}?")
    }
    pub const END_KEYS: &str = "y end it · n keep it running";
    pub const ENDED: &str = "Surgery ended";
    #[allow(clippy::too_many_arguments)]
    pub fn summary(
        venue: &str,
        day: &str,
        from: &str,
        to: &str,
        seen: u64,
        people: &[String],
        cases: u64,
        entries: u64,
        about: &[(String, u64)],
    ) -> String {
        let mut s = format!("{venue}, {day} {from}–{to}\n\n");
        s += &format!("People seen: {seen}");
        if !people.is_empty() {
            s += &format!(" ({})", people.join(", "));
        }
        s += &format!("\nCases opened: {cases}\nDiary entries: {entries}");
        if !about.is_empty() {
            let what: Vec<String> = about
                .iter()
                .map(|(c, n)| format!("{} {n}", crate::app::text::category(c)))
                .collect();
            s += &format!("\nWhat about: {}", what.join(", "));
        }
        s
    }
}

pub mod directory {
    pub const TITLE: &str = "Who do I speak to about …";
    pub const PROMPT: &str = "Type the problem, e.g. fly-tipping, damp, street lights";
    pub fn empty(add_key: &str) -> String {
        format!("The directory is empty. Press Esc, then {add_key}, to add an officer or agency.")
    }
    pub const NOTHING: &str = "Nobody in the directory handles that.";
    pub const TYPING_KEYS: &str =
        "Type the problem · ↑/↓ choose · Enter open · Esc stop typing · ? keys · 1–6 screens";
    pub const RESULTS: &str = "Officers and agencies";
    pub const HANDLES: &str = "handles";
}

pub mod directory_form {
    pub const NEW: &str = "New officer or agency";
    pub const EDIT: &str = "Officer or agency";
    pub const NAME: &str = "Name";
    pub const KIND: &str = "Kind";
    pub const ORGANISATION: &str = "Organisation";
    pub const DEPARTMENT: &str = "Department";
    pub const ROLE: &str = "Role";
    pub const HANDLES: &str = "What they handle";
    pub const PHONE: &str = "Phone";
    pub const EMAIL: &str = "Email";
    pub const NEED_NAME: &str = "type their name";
    pub const NOT_LISTED: &str =
        "Not in the directory yet: add them here, and the referral goes on.";
    pub const NOTHING: &str = "Choose an officer or agency first.";

    pub fn saved(name: &str) -> String {
        format!("{name} is in the directory.")
    }
}

pub mod review {
    pub const TITLE: &str = "Yearly review";
    pub const CALENDAR: &str = "calendar year";
    pub fn municipal(month: &str) -> String {
        format!("year from {month}")
    }
    pub const CUSTOM: &str = "dates chosen";
    pub const PERIOD: &str = "Period";
    pub const PREVIOUS: &str = "previous";
    pub const HEADER: [&str; 4] = ["", "this period", "previous", "change"];
    pub const PEOPLE: &str = "People who contacted you";
    pub const UNDER_30: &str = "  of them under 30";
    pub const OPENED: &str = "Cases opened";
    pub const CLOSED: &str = "Cases closed";
    pub const RESOLVED: &str = "Resolved satisfactorily";
    pub const RATE: &str = "  as a share of closed";
    pub const MEDIAN: &str = "Median days to close";
    pub const SATISFACTION: &str = "Average satisfaction (1–5)";
    pub const SAME: &str = "same";
    pub const NONE: &str = "—";
    pub const BY_CATEGORY: &str = "Problems (cases opened by category)";
    pub const BY_CHANNEL: &str = "How they contacted you";
    pub const BY_KIND: &str = "Kinds of case";
    pub const BY_OUTCOME: &str = "Outcomes of cases closed";
    pub const BY_MONTH: &str = "Cases opened each month";
    pub const GENDER: &str = "Gender";
    pub const AGE: &str = "Age band";
    pub const ETHNICITY: &str = "Ethnicity";
    pub const EMPLOYMENT: &str = "Employment status";
    pub const NO_CASES: &str = "  none";
    pub const RANGE_TITLE: &str = "Review the dates from … to …";
    pub const FROM: &str = "From";
    pub const TO: &str = "To";
    pub const TO_BEFORE_FROM: &str = "the end is before the start";
    pub fn responses(n: u64) -> String {
        format!("  from {n} answers")
    }
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
    /// Under an entry: "attachment #12 letter.pdf (120 KB)".
    pub fn attachment(id: i64, name: &str, size: &str) -> String {
        format!("attachment #{id} {name} ({size}) · casebook attachment save {id}")
    }
    /// Under a masked confidential entry: the names stay hidden too.
    pub fn attachments_hidden(n: usize) -> String {
        if n == 1 {
            "1 attachment".into()
        } else {
            format!("{n} attachments")
        }
    }
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
    pub const OUTCOME_NOTE: &str = "How it ended";
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
    pub const KEYS_PICK: &str = "type a reference or title · ↑/↓ choose";
    /// Shown in a picker when what was typed fits no option.
    pub const PICK_NONE_FITS: &str = "no open case fits: keep typing or delete";
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
    /// The case picker's "none" option.
    pub const UNFILED: &str = "— not filed on a case —";
    pub const NO_CASE_FITS: &str = "none of their open cases fits what is typed";
}

/// A category key in words: "anti_social_behaviour" → "anti-social
/// behaviour" (a category added in the config: underscores as spaces).
pub fn category(key: &str) -> String {
    match key {
        "anti_social_behaviour" => "anti-social behaviour".to_string(),
        other => other.replace('_', " "),
    }
}

/// A case as a picker shows it: reference and title.
pub fn case_choice(reference: &str, title: &str) -> String {
    format!("{reference} · {title}")
}

pub mod entry {
    pub const TITLE: &str = "Diary entry: correct it or file it";
    pub const TEXT: &str = "What happened";
    pub const KIND: &str = "Kind";
    pub const WHEN: &str = "When";
    pub const CONFIDENTIAL: &str = "Confidential";
    pub const CASE: &str = "Filed on case";
    pub const NEED_TEXT: &str = "say what happened";
    /// Names the entry in the rule's message ("the entry is dated …").
    pub const THE_ENTRY: &str = "the entry";
    pub const DELETE: &str = "Delete this diary entry? It cannot be undone.";
    pub const DELETE_KEYS: &str = "y delete · n keep it";
    pub const DELETED: &str = "Diary entry deleted.";
    /// `file_entry` on a contact's page with every entry already filed.
    pub const NONE_UNFILED: &str = "Every diary entry of this person is filed on a case.";
    pub const NOTHING: &str = "Choose a diary entry in the latest panel first (Tab moves there).";

    pub fn saved(case: Option<&str>) -> String {
        match case {
            Some(r) => format!("Diary entry saved, filed on {r}."),
            None => "Diary entry saved (not filed on a case).".to_string(),
        }
    }
}

pub mod closing {
    pub const TITLE: &str = "Close the case";
    pub const OUTCOME: &str = "Outcome";
    pub const NOTE: &str = "How it ended";
    pub const SATISFACTION: &str = "Satisfaction";
    pub const COMMENT: &str = "Their comment";
    pub const FOLLOW_UPS: &str = "Close follow-ups";
    pub const NOT_KNOWN: &str = "not known";

    pub fn score(n: u8) -> String {
        let word = match n {
            1 => "poor",
            2 => "fair",
            3 => "good",
            4 => "very good",
            _ => "excellent",
        };
        format!("{n} · {word}")
    }

    pub fn closed(reference: &str, outcome: &str, follow_ups: usize) -> String {
        match follow_ups {
            0 => format!("{reference} closed: {outcome}."),
            1 => format!("{reference} closed: {outcome}. Its open follow-up is done."),
            n => format!("{reference} closed: {outcome}. Its {n} open follow-ups are done."),
        }
    }
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
    use crate::store::HitFact;

    /// A hit's detail line in words: "Call in · 2026-02-10 10:15 · Siân Davies".
    pub fn facts(facts: &[HitFact]) -> String {
        facts
            .iter()
            .map(|f| match f {
                HitFact::Text(t) => t.clone(),
                HitFact::Contact(k) => k.label().to_string(),
                HitFact::Status(s) => s.label().to_string(),
                HitFact::Category(c) => super::category(c),
                HitFact::Entry(k) => k.label().to_string(),
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }

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
    /// After Ctrl-C away from home.
    pub fn how_to_quit(home: &str, quit: &str) -> String {
        format!("To quit, press {home} for home, then {quit}.")
    }

    pub const ERROR: &str = "Something went wrong";
    pub const PROBLEMS: &str = "Key settings skipped";
    pub const CLOSE: &str = "Enter or Esc closes this.";
    pub const DISCARD: &str = "Discard what you typed?";
    pub const DISCARD_KEYS: &str = "y discard · n keep editing";
    pub const NOTHING_SELECTED: &str = "Nothing selected.";
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
    pub const FOLLOW_UP_UNDONE: &str = "Follow-up to do again.";
    pub const NOTHING_TO_UNDO: &str = "Nothing to undo.";

    /// "Follow-up marked done. u undoes it."
    pub fn follow_up_done(undo_key: &str) -> String {
        format!("{FOLLOW_UP_DONE} {undo_key} undoes it.")
    }
    pub const REFRESHED: &str = "The diary changed elsewhere: screen refreshed.";
}
