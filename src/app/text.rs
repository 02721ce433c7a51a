//! Every word the terminal UI shows, kept together by screen so that a Welsh
//! translation can later replace this one module.

pub const APP_NAME: &str = "casebook";
/// "today" as a date field starts with it (the date reader takes the word
/// in either language).
pub const TODAY_TYPED: &str = "ui-date-today";
pub const TOO_SMALL: &str = "ui-too-small";
pub const PRIVACY: &str = "ui-privacy";
pub const DEMO: &str = "ui-demo";

pub mod tabs {
    pub const HOME: &str = "ui-tabs-home";
    pub const CASES: &str = "ui-tabs-cases";
    pub const CONTACTS: &str = "ui-tabs-contacts";
    pub const CASE: &str = "ui-tabs-case";
    pub const CONTACT: &str = "ui-tabs-contact";
    pub const AGENDA: &str = "ui-tabs-agenda";
    pub const DIRECTORY: &str = "ui-tabs-directory";
    pub const REVIEW: &str = "ui-tabs-review";
}

/// Short names of actions for the footer and help.
pub fn action_label(name: &str) -> String {
    format!("ui-action-{}", name.replace('_', "-"))
}

pub mod home {
    pub const FOLLOW_UPS: &str = "ui-home-follow-ups";
    pub const NO_FOLLOW_UPS: &str = "ui-home-no-follow-ups";
    pub fn section_follow_ups(w: &crate::i18n::Catalogue, n: u64) -> String {
        w.tr1("ui-home-section-follow-ups", "count", n)
    }
    pub fn section_late(w: &crate::i18n::Catalogue, n: u64) -> String {
        w.tr1("ui-home-section-late", "count", n)
    }
    pub fn section_update(w: &crate::i18n::Catalogue, n: u64) -> String {
        w.tr1("ui-home-section-update", "count", n)
    }
    /// "reply due 20 Feb" on a late referral.
    pub fn reply_was_due(w: &crate::i18n::Catalogue, due: &str) -> String {
        w.tr1("ui-home-reply-was-due", "due", due)
    }
    /// "no news since 12 Jan" on a case needing an update.
    pub fn no_news_since(w: &crate::i18n::Catalogue, since: &str) -> String {
        w.tr1("ui-home-no-news-since", "since", since)
    }
    pub const NEVER_UPDATED: &str = "ui-home-never-updated";
    pub const OVERDUE: &str = "ui-home-overdue";
    pub const TODAY: &str = "ui-home-today";
    pub const OPEN_CASES: &str = "ui-home-open-cases";
    pub const NO_OPEN_CASES: &str = "ui-home-no-open-cases";
    pub const LATEST: &str = "ui-home-latest";
    pub fn no_entries(w: &crate::i18n::Catalogue, log_call: &str, new_case: &str) -> String {
        w.tr(
            "ui-home-no-entries",
            Some(&crate::i18n::args(&[
                ("log_call", log_call.into()),
                ("new_case", new_case.into()),
            ])),
        )
    }
    pub const BIGGER_PICTURE: &str = "ui-home-bigger-picture";
    pub const NO_ALERTS: &str = "ui-home-no-alerts";

    /// "4 waste cases in maes y coed"
    pub fn cluster(w: &crate::i18n::Catalogue, cases: usize, category: &str, area: &str) -> String {
        w.tr(
            "ui-home-cluster",
            Some(&crate::i18n::args(&[
                ("count", cases.into()),
                ("category", category.into()),
                ("area", area.into()),
            ])),
        )
    }
    pub const UNFILED: &str = "ui-home-unfiled";

    /// "E to file": an unfiled entry with its file action.
    pub fn unfiled(w: &crate::i18n::Catalogue, key: &str) -> String {
        w.tr1("ui-home-unfiled-key", "key", key)
    }
}

pub mod agenda {
    pub const TITLE: &str = "ui-agenda-title";
    pub const EMPTY: &str = "ui-agenda-empty";
    pub const OVERDUE: &str = "ui-agenda-overdue";
    pub const TODAY: &str = "ui-agenda-today";
    pub const THIS_WEEK: &str = "ui-agenda-this-week";
    pub const LATER: &str = "ui-agenda-later";
    pub const MASKED: &str = "ui-agenda-masked";
    pub fn section(w: &crate::i18n::Catalogue, name: &str, total: u64) -> String {
        w.tr(
            "ui-agenda-section",
            Some(&crate::i18n::args(&[
                ("name", name.into()),
                ("count", total.into()),
            ])),
        )
    }
    pub fn more(w: &crate::i18n::Catalogue, n: u64) -> String {
        w.tr1("ui-agenda-more", "count", n)
    }
    pub const RESCHEDULE: &str = "ui-agenda-reschedule";
    pub const NEW_DATE: &str = "ui-agenda-new-date";
    pub fn snoozed(w: &crate::i18n::Catalogue, to: &str) -> String {
        w.tr1("ui-agenda-snoozed", "to", to)
    }
}

pub mod mail {
    pub const TITLE: &str = "ui-mail-title";
    pub const PATH: &str = "ui-mail-path";
    pub const NEED_PATH: &str = "ui-mail-need-path";
    pub fn taken(
        w: &crate::i18n::Catalogue,
        reference: &str,
        added: usize,
        already: usize,
    ) -> String {
        w.tr(
            "ui-mail-taken",
            Some(&crate::i18n::args(&[
                ("reference", reference.into()),
                ("count", added.into()),
                ("already", already.into()),
            ])),
        )
    }
}

pub mod draft {
    pub const TITLE: &str = "ui-draft-title";
    pub const TEMPLATE: &str = "ui-draft-template";
    pub const FORMAT: &str = "ui-draft-format";
    pub const EMAIL: &str = "ui-draft-email";
    pub const LETTER: &str = "ui-draft-letter";
    pub const TO: &str = "ui-draft-to";
    pub fn written(w: &crate::i18n::Catalogue, path: &str) -> String {
        w.tr1("ui-draft-written", "path", path)
    }
}

pub mod refer {
    pub const TITLE: &str = "ui-refer-title";
    pub const TO: &str = "ui-refer-to";
    pub const INSTRUCTION: &str = "ui-refer-instruction";
    pub const COUNCIL_REF: &str = "ui-refer-council-ref";
    pub const COPIED: &str = "ui-refer-copied";
    pub const DAYS: &str = "ui-refer-days";
    pub const NOTE: &str = "ui-refer-note";
    pub const NEED_TO: &str = "ui-refer-need-to";
    pub const NOT_OFFICIAL: &str = "ui-refer-not-official";
    /// A name nobody has yet: Enter adds them rather than refusing.
    pub const NEW_OFFICER: &str = "ui-refer-new-officer";
    /// "10 working days: due Mon 16 Mar"
    pub fn days(w: &crate::i18n::Catalogue, n: u32, due: &str) -> String {
        w.tr(
            "ui-refer-days-due",
            Some(&crate::i18n::args(&[
                ("count", n.into()),
                ("due", due.into()),
            ])),
        )
    }
    pub fn handles(w: &crate::i18n::Catalogue, what: &str) -> String {
        w.tr1("ui-refer-handles", "what", what)
    }
    pub fn referred(w: &crate::i18n::Catalogue, reference: &str, to: &str, due: &str) -> String {
        w.tr(
            "ui-refer-referred",
            Some(&crate::i18n::args(&[
                ("reference", reference.into()),
                ("to", to.into()),
                ("due", due.into()),
            ])),
        )
    }
    pub const CONFIRM_KEYS: &str = "ui-refer-confirm-keys";
    /// The question when the constituent has not agreed to sharing (the
    /// CLI's refusal says the same, with its option to go ahead).
    pub fn confirm(w: &crate::i18n::Catalogue, warning: &crate::store::ConsentWarning) -> String {
        let id = match warning.consent {
            Some(false) => "ui-refer-confirm-refused",
            _ => "ui-refer-confirm-not-asked",
        };
        w.tr1(id, "reference", warning.case_reference.as_str())
    }
}

pub mod reply {
    /// Names the reply in the rule's message.
    pub const THE_REPLY: &str = "ui-reply-the-reply";
    pub const TITLE: &str = "ui-reply-title";
    pub const CHOOSE: &str = "ui-reply-choose";
    pub const WHEN: &str = "ui-reply-when";
    pub const TEXT: &str = "ui-reply-text";
    pub const NEED_TEXT: &str = "ui-reply-need-text";
    pub const NOTHING_AWAITED: &str = "ui-reply-nothing-awaited";
    /// "Housing (Rhian Hughes), referred 02 Mar, due 16 Mar"
    pub fn option(w: &crate::i18n::Catalogue, to: &str, on: &str, due: &str) -> String {
        w.tr(
            "ui-reply-option",
            Some(&crate::i18n::args(&[
                ("to", to.into()),
                ("on", on.into()),
                ("due", due.into()),
            ])),
        )
    }
    pub fn recorded(
        w: &crate::i18n::Catalogue,
        reference: &str,
        status: &str,
        late: u32,
    ) -> String {
        w.tr(
            "ui-reply-recorded",
            Some(&crate::i18n::args(&[
                ("reference", reference.into()),
                ("status", status.into()),
                ("late", late.into()),
            ])),
        )
    }
}

pub mod surgery {
    pub const START: &str = "ui-surgery-start";
    pub const VENUE: &str = "ui-surgery-venue";
    pub const NEED_VENUE: &str = "ui-surgery-need-venue";
    pub fn started(w: &crate::i18n::Catalogue, venue: &str) -> String {
        w.tr1("ui-surgery-started", "venue", venue)
    }
    /// The header while one runs.
    pub fn running(w: &crate::i18n::Catalogue, venue: &str, since: &str) -> String {
        w.tr(
            "ui-surgery-running",
            Some(&crate::i18n::args(&[
                ("venue", venue.into()),
                ("since", since.into()),
            ])),
        )
    }
    pub fn running_at(w: &crate::i18n::Catalogue, venue: &str) -> String {
        w.tr1("ui-surgery-running-at", "venue", venue)
    }
    pub fn running_since(w: &crate::i18n::Catalogue, since: &str) -> String {
        w.tr1("ui-surgery-running-since", "since", since)
    }
    pub fn end_question(w: &crate::i18n::Catalogue, venue: &str) -> String {
        w.tr1("ui-surgery-end-question", "venue", venue)
    }
    pub const END_KEYS: &str = "ui-surgery-end-keys";
    pub const ENDED: &str = "ui-surgery-ended";
    #[allow(clippy::too_many_arguments)]
    pub fn summary(
        w: &crate::i18n::Catalogue,
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
        use crate::i18n::args;
        let mut lines = vec![
            w.tr(
                "ui-surgery-summary-when",
                Some(&args(&[
                    ("venue", venue.into()),
                    ("day", day.into()),
                    ("from", from.into()),
                    ("to", to.into()),
                ])),
            ),
            String::new(),
        ];
        lines.push(if people.is_empty() {
            w.tr1("ui-surgery-summary-seen", "count", seen)
        } else {
            w.tr(
                "ui-surgery-summary-seen-names",
                Some(&args(&[
                    ("count", seen.into()),
                    ("names", people.join(", ").into()),
                ])),
            )
        });
        lines.push(w.tr1("ui-surgery-summary-cases", "count", cases));
        lines.push(w.tr1("ui-surgery-summary-entries", "count", entries));
        if !about.is_empty() {
            let what: Vec<String> = about
                .iter()
                .map(|(c, n)| {
                    w.tr(
                        "ui-surgery-summary-about-one",
                        Some(&args(&[
                            ("category", crate::app::text::category(w, c).into()),
                            ("count", (*n).into()),
                        ])),
                    )
                })
                .collect();
            lines.push(w.tr1("ui-surgery-summary-about", "list", what.join(", ")));
        }
        lines.join("\n")
    }
}

pub mod directory {
    pub const TITLE: &str = "ui-directory-title";
    pub const PROMPT: &str = "ui-directory-prompt";
    pub fn empty(w: &crate::i18n::Catalogue, add_key: &str) -> String {
        w.tr1("ui-directory-empty", "key", add_key)
    }
    pub const NOTHING: &str = "ui-directory-nothing";
    pub const TYPING_KEYS: &str = "ui-directory-typing-keys";
    pub const RESULTS: &str = "ui-directory-results";
    pub const HANDLES: &str = "ui-directory-handles";
}

pub mod directory_form {
    pub const NEW: &str = "ui-directory-form-new";
    pub const EDIT: &str = "ui-directory-form-edit";
    pub const NAME: &str = "ui-directory-form-name";
    pub const KIND: &str = "ui-directory-form-kind";
    pub const ORGANISATION: &str = "ui-directory-form-organisation";
    pub const DEPARTMENT: &str = "ui-directory-form-department";
    pub const ROLE: &str = "ui-directory-form-role";
    pub const HANDLES: &str = "ui-directory-form-handles";
    pub const PHONE: &str = "ui-directory-form-phone";
    pub const EMAIL: &str = "ui-directory-form-email";
    pub const NEED_NAME: &str = "ui-directory-form-need-name";
    pub const NOT_LISTED: &str = "ui-directory-form-not-listed";
    pub const NOTHING: &str = "ui-directory-form-nothing";

    pub fn saved(w: &crate::i18n::Catalogue, name: &str) -> String {
        w.tr1("ui-directory-form-saved", "name", name)
    }
}

pub mod review {
    pub const TITLE: &str = "ui-review-title";
    pub const CALENDAR: &str = "ui-review-calendar";
    pub fn municipal(w: &crate::i18n::Catalogue, month: &str) -> String {
        w.tr1("ui-review-municipal", "month", month)
    }
    pub const CUSTOM: &str = "ui-review-custom";
    pub const PERIOD: &str = "ui-review-period";
    pub const PREVIOUS: &str = "ui-review-previous";
    pub const HEADER: [&str; 4] = [
        "ui-review-header-0",
        "ui-review-header-1",
        "ui-review-header-2",
        "ui-review-header-3",
    ];
    pub const PEOPLE: &str = "ui-review-people";
    pub const UNDER_30: &str = "ui-review-under-30";
    pub const OPENED: &str = "ui-review-opened";
    pub const CLOSED: &str = "ui-review-closed";
    pub const RESOLVED: &str = "ui-review-resolved";
    pub const RATE: &str = "ui-review-rate";
    pub const MEDIAN: &str = "ui-review-median";
    pub const SATISFACTION: &str = "ui-review-satisfaction";
    pub const SAME: &str = "ui-review-same";
    pub const NONE: &str = "ui-review-none";
    pub const BY_CATEGORY: &str = "ui-review-by-category";
    pub const BY_CHANNEL: &str = "ui-review-by-channel";
    pub const BY_KIND: &str = "ui-review-by-kind";
    pub const BY_OUTCOME: &str = "ui-review-by-outcome";
    pub const BY_MONTH: &str = "ui-review-by-month";
    pub const GENDER: &str = "ui-review-gender";
    pub const AGE: &str = "ui-review-age";
    pub const ETHNICITY: &str = "ui-review-ethnicity";
    pub const EMPLOYMENT: &str = "ui-review-employment";
    pub const NO_CASES: &str = "ui-review-no-cases";
    pub const RANGE_TITLE: &str = "ui-review-range-title";
    pub const FROM: &str = "ui-review-from";
    pub const TO: &str = "ui-review-to";
    pub const TO_BEFORE_FROM: &str = "ui-review-to-before-from";
    pub fn responses(w: &crate::i18n::Catalogue, n: u64) -> String {
        w.tr1("ui-review-responses", "count", n)
    }
}

pub mod cases {
    pub const TITLE: &str = "ui-cases-title";
    pub const EMPTY: &str = "ui-cases-empty";
    pub const ALL_OPEN: &str = "ui-cases-all-open";
    pub const EVERY: &str = "ui-cases-every";
    pub const ANY: &str = "ui-cases-any";
    pub const NEWEST: &str = "ui-cases-newest";
    pub const OLDEST: &str = "ui-cases-oldest";
    pub const STATUS: &str = "ui-cases-status";
    pub const CATEGORY: &str = "ui-cases-category";
    pub const KIND: &str = "ui-cases-kind";
    pub const AREA: &str = "ui-cases-area";
    pub const SORT: &str = "ui-cases-sort";
    pub const HEADER: [&str; 5] = [
        "ui-cases-header-0",
        "ui-cases-header-1",
        "ui-cases-header-2",
        "ui-cases-header-3",
        "ui-cases-header-4",
    ];
}

pub mod case {
    /// Under an entry: "attachment #12 letter.pdf (120 KB)".
    pub fn attachment(w: &crate::i18n::Catalogue, id: i64, name: &str, size: &str) -> String {
        w.tr(
            "ui-case-attachment",
            Some(&crate::i18n::args(&[
                ("id", id.into()),
                ("name", name.into()),
                ("size", size.into()),
            ])),
        )
    }
    /// Under an entry: a file too big for the hub, kept on another device
    /// (named when this diary knows it).
    pub fn attachment_away(
        w: &crate::i18n::Catalogue,
        name: &str,
        size: &str,
        device: Option<&str>,
    ) -> String {
        let mut args = vec![("name", name.into()), ("size", size.into())];
        let id = match device {
            Some(d) => {
                args.push(("device", d.into()));
                "ui-case-attachment-away-on"
            }
            None => "ui-case-attachment-away",
        };
        w.tr(id, Some(&crate::i18n::args(&args)))
    }
    /// Under a masked confidential entry: the names stay hidden too.
    pub fn attachments_hidden(w: &crate::i18n::Catalogue, n: usize) -> String {
        w.tr1("ui-case-attachments-hidden", "count", n)
    }
    /// On a contact's page: "Subject access requested 2026-03-01: respond by 2026-04-01".
    pub const SAR_PENDING: &str = "ui-case-sar-pending";
    pub const SAR_RESPOND_BY: &str = "ui-case-sar-respond-by";
    pub const FACTS: &str = "ui-case-facts";
    pub const WANTS: &str = "ui-case-wants";
    pub const HISTORY: &str = "ui-case-history";
    pub const OTHERS: &str = "ui-case-others";
    pub const PEOPLE: &str = "ui-case-people";
    pub const TIMELINE: &str = "ui-case-timeline";
    pub const NO_ENTRIES: &str = "ui-case-no-entries";
    pub const REFERRALS: &str = "ui-case-referrals";
    pub const NO_REFERRALS: &str = "ui-case-no-referrals";
    pub const FOLLOW_UPS: &str = "ui-case-follow-ups";
    pub const NO_FOLLOW_UPS: &str = "ui-case-no-follow-ups";
    pub const CAUTION: &str = "ui-case-caution";
    /// Beside a person on a case: the language they asked to be dealt with in.
    pub fn prefers(w: &crate::i18n::Catalogue, language: crate::domain::Language) -> String {
        w.tr1("ui-case-prefers", "language", language.as_str())
    }
    pub const MASKED: &str = "ui-case-masked";
    pub const CONSENT_YES: &str = "ui-case-consent-yes";
    pub const CONSENT_NO: &str = "ui-case-consent-no";
    pub const CONSENT_UNKNOWN: &str = "ui-case-consent-unknown";
    pub const OPENED: &str = "ui-case-opened";
    pub const CLOSED: &str = "ui-case-closed";
    pub const OUTCOME_NOTE: &str = "ui-case-outcome-note";
    pub const REPLY_DUE: &str = "ui-case-reply-due";
    pub const REPLIED: &str = "ui-case-replied";
    pub const DONE: &str = "ui-case-done";
    pub const CHOOSE_STATUS: &str = "ui-case-choose-status";
    pub const CHOOSE_OUTCOME: &str = "ui-case-choose-outcome";
    pub const ALREADY_CLOSED: &str = "ui-case-already-closed";
}

pub mod contacts {
    pub const TITLE: &str = "ui-contacts-title";
    pub const EMPTY: &str = "ui-contacts-empty";
    pub const HEADER: [&str; 4] = [
        "ui-contacts-header-0",
        "ui-contacts-header-1",
        "ui-contacts-header-2",
        "ui-contacts-header-3",
    ];
    pub const CASES: &str = "ui-contacts-cases";
    pub const NO_CASES: &str = "ui-contacts-no-cases";
    pub const ENTRIES: &str = "ui-contacts-entries";
    pub const NO_ENTRIES: &str = "ui-contacts-no-entries";
    pub const DETAILS: &str = "ui-contacts-details";
}

pub mod form {
    // The record's date problems, worded beside the field (the ids are the
    // case form's, where they were first said).
    pub const IN_FUTURE: &str = "ui-record-case-in-future";
    pub const AFTER_OPENED: &str = "ui-record-case-after-opened";
    pub const DATED_WITHOUT_ANSWER: &str = "ui-record-case-consent-on-needs-answer";
    pub const KEYS: &str = "ui-form-keys";
    pub const KEYS_MULTI: &str = "ui-form-keys-multi";
    pub const KEYS_CHOICE: &str = "ui-form-keys-choice";
    pub const KEYS_WHO: &str = "ui-form-keys-who";
    pub const KEYS_PICK: &str = "ui-form-keys-pick";
    /// Shown in a picker when what was typed fits no option.
    pub const PICK_NONE_FITS: &str = "ui-form-pick-none-fits";
    pub const NEW_CONTACT: &str = "ui-form-new-contact";
    pub const NEW_CHOICE: &str = "ui-form-new-choice";
    pub const CHOSEN: &str = "ui-form-chosen";
    pub const FIX_FIRST: &str = "ui-form-fix-first";
    pub const OPTIONAL: &str = "ui-form-optional";
    /// The form and search keys by name, for the hints and the help.
    pub fn key_args(keys: &crate::app::Keymap) -> fluent_bundle::FluentArgs<'static> {
        use crate::app::Action as A;
        let mut args = fluent_bundle::FluentArgs::new();
        for (name, action) in [
            ("next", A::NextField),
            ("prev", A::PrevField),
            ("submit", A::Submit),
            ("cancel", A::Cancel),
            ("newline", A::NewLine),
            ("up", A::PickUp),
            ("down", A::PickDown),
        ] {
            args.set(name, keys.first(&action));
        }
        args
    }
    /// A choice that holds none of its options (never, as built).
    pub const CHOOSE_ONE: &str = "ui-form-choose-one";
}

pub mod quick_log {
    pub const TITLE: &str = "ui-quick-log-title";
    pub const TITLE_ENTRY: &str = "ui-quick-log-title-entry";
    pub const WHO: &str = "ui-quick-log-who";
    pub const TEXT: &str = "ui-quick-log-text";
    pub const KIND: &str = "ui-quick-log-kind";
    pub const CASE: &str = "ui-quick-log-case";
    pub const FOLLOW_UP: &str = "ui-quick-log-follow-up";
    pub const CONFIDENTIAL: &str = "ui-quick-log-confidential";
    pub const NEED_WHO: &str = "ui-quick-log-need-who";
    pub const NEED_TEXT: &str = "ui-quick-log-need-text";
    pub const NO_CASE: &str = "ui-quick-log-no-case";
    /// The case picker's "none" option.
    pub const UNFILED: &str = "ui-quick-log-unfiled";
    pub const NO_CASE_FITS: &str = "ui-quick-log-no-case-fits";
}

/// A category key in words: "anti_social_behaviour" → "anti-social
/// behaviour" (a category added in the config: underscores as spaces).
pub fn category(w: &crate::i18n::Catalogue, key: &str) -> String {
    w.category(key).unwrap_or_else(|| key.replace('_', " "))
}

/// A status in the few letters a table column has room for ("waiting
/// council"); the full label is `Catalogue::label`.
pub fn status_short(w: &crate::i18n::Catalogue, s: crate::domain::CaseStatus) -> String {
    w.tr(
        &format!("ui-status-short-{}", s.as_str().replace('_', "-")),
        None,
    )
}

/// A case as a picker shows it: reference and title.
pub fn case_choice(w: &crate::i18n::Catalogue, reference: &str, title: &str) -> String {
    w.tr(
        "ui-case-choice",
        Some(&crate::i18n::args(&[
            ("reference", reference.into()),
            ("title", title.into()),
        ])),
    )
}

pub mod entry {
    pub const TITLE: &str = "ui-entry-title";
    pub const TEXT: &str = "ui-entry-text";
    pub const KIND: &str = "ui-entry-kind";
    pub const WHEN: &str = "ui-entry-when";
    pub const CONFIDENTIAL: &str = "ui-entry-confidential";
    pub const CASE: &str = "ui-entry-case";
    pub const NEED_TEXT: &str = "ui-entry-need-text";
    /// Names the entry in the rule's message ("the entry is dated …").
    pub const THE_ENTRY: &str = "ui-entry-the-entry";
    pub const DELETE: &str = "ui-entry-delete";
    pub const DELETE_KEYS: &str = "ui-entry-delete-keys";
    pub const DELETED: &str = "ui-entry-deleted";
    /// `file_entry` on a contact's page with every entry already filed.
    pub const NONE_UNFILED: &str = "ui-entry-none-unfiled";
    pub const NOTHING: &str = "ui-entry-nothing";
    /// "That entry is already on case 2026-0001: E moves it to another."
    pub fn already_filed(w: &crate::i18n::Catalogue, reference: &str, key: &str) -> String {
        w.tr(
            "ui-entry-already-filed",
            Some(&crate::i18n::args(&[
                ("reference", reference.into()),
                ("key", key.into()),
            ])),
        )
    }

    pub fn saved(w: &crate::i18n::Catalogue, case: Option<&str>) -> String {
        match case {
            Some(r) => w.tr1("ui-entry-saved-on", "reference", r),
            None => w.tr("ui-entry-saved-unfiled", None),
        }
    }
}

pub mod closing {
    pub const TITLE: &str = "ui-closing-title";
    pub const OUTCOME: &str = "ui-closing-outcome";
    pub const NOTE: &str = "ui-closing-note";
    pub const SATISFACTION: &str = "ui-closing-satisfaction";
    pub const COMMENT: &str = "ui-closing-comment";
    pub const FOLLOW_UPS: &str = "ui-closing-follow-ups";
    pub const NOT_KNOWN: &str = "ui-closing-not-known";

    pub fn score(w: &crate::i18n::Catalogue, n: u8) -> String {
        w.tr1("ui-closing-score", "score", n)
    }

    pub fn closed(
        w: &crate::i18n::Catalogue,
        reference: &str,
        outcome: &str,
        follow_ups: usize,
    ) -> String {
        w.tr(
            "ui-closing-closed",
            Some(&crate::i18n::args(&[
                ("reference", reference.into()),
                ("outcome", outcome.into()),
                ("count", follow_ups.into()),
            ])),
        )
    }
}

pub mod intake {
    pub const TITLE: &str = "ui-intake-title";
    pub const CONSTITUENT: &str = "ui-intake-constituent";
    pub const KIND: &str = "ui-intake-kind";
    pub const ON_BEHALF_OF: &str = "ui-intake-on-behalf-of";
    pub const CASE_TITLE: &str = "ui-intake-case-title";
    pub const CATEGORY: &str = "ui-intake-category";
    pub const CHANNEL: &str = "ui-intake-channel";
    pub const LOCATION: &str = "ui-intake-location";
    pub const POSTCODE: &str = "ui-intake-postcode";
    pub const FACTS: &str = "ui-intake-facts";
    pub const WANTS: &str = "ui-intake-wants";
    pub const HISTORY: &str = "ui-intake-history";
    pub const OTHERS: &str = "ui-intake-others";
    pub const CONSENT: &str = "ui-intake-consent";
    pub const CONSENT_OPTIONS: [&str; 3] = [
        "ui-intake-consent-options-0",
        "ui-intake-consent-options-1",
        "ui-intake-consent-options-2",
    ];
    pub const NEED_CONSTITUENT: &str = "ui-intake-need-constituent";
    pub const NEED_ON_BEHALF: &str = "ui-intake-need-on-behalf";
    pub const NEED_TITLE: &str = "ui-intake-need-title";
    pub const BAD_POSTCODE: &str = "ui-intake-bad-postcode";
}

pub mod follow_up {
    pub const TITLE: &str = "ui-follow-up-title";
    pub const DUE: &str = "ui-follow-up-due";
    pub const WHAT: &str = "ui-follow-up-what";
    pub const NEED_WHAT: &str = "ui-follow-up-need-what";
}

pub mod search {
    use crate::store::HitFact;

    /// A hit's detail line in words: "Call in · 2026-02-10 10:15 · Siân Davies".
    pub fn facts(w: &crate::i18n::Catalogue, facts: &[HitFact]) -> String {
        facts
            .iter()
            .map(|f| match f {
                HitFact::Text(t) => t.clone(),
                HitFact::Contact(k) => w.label(*k),
                HitFact::Status(s) => w.label(*s),
                HitFact::Category(c) => super::category(w, c),
                HitFact::Entry(k) => w.label(*k),
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }

    pub const TITLE: &str = "ui-search-title";
    pub const HINT: &str = "ui-search-hint";
    pub const NOTHING: &str = "ui-search-nothing";
    pub const CONTACT: &str = "ui-search-contact";
    pub const CASE: &str = "ui-search-case";
    pub const ENTRY: &str = "ui-search-entry";
    pub const DIRECTORY: &str = "ui-search-directory";
    pub const MASKED: &str = "ui-search-masked";
}

pub mod help {
    pub const TITLE: &str = "ui-help-title";
    pub const CLOSE: &str = "ui-help-close";
    pub const EDITING: &str = "ui-help-editing";
}

pub mod message {
    /// After Ctrl-C away from home.
    pub fn how_to_quit(w: &crate::i18n::Catalogue, home: &str, quit: &str) -> String {
        w.tr(
            "ui-message-how-to-quit",
            Some(&crate::i18n::args(&[
                ("home", home.into()),
                ("quit", quit.into()),
            ])),
        )
    }

    pub const ERROR: &str = "ui-message-error";
    pub const PROBLEMS: &str = "ui-message-problems";
    pub const CLOSE: &str = "ui-message-close";
    pub const DISCARD: &str = "ui-message-discard";
    pub const DISCARD_KEYS: &str = "ui-message-discard-keys";
    pub const NOTHING_SELECTED: &str = "ui-message-nothing-selected";
    pub const CHOOSE_KEYS: &str = "ui-message-choose-keys";

    /// One skipped or colliding key binding, in the reader's words.
    pub fn key_problem(w: &crate::i18n::Catalogue, p: &crate::app::keymap::KeyProblem) -> String {
        use crate::app::keymap::{KeyProblem, KeySource};
        use crate::i18n::args;
        let from = |f: &KeySource| match f {
            KeySource::BuiltIn => "built-in",
            KeySource::Config => "config",
        };
        match p {
            KeyProblem::NotAnAction { from: f, name } => w.tr(
                "ui-keys-not-an-action",
                Some(&args(&[
                    ("from", from(f).into()),
                    ("name", name.as_str().into()),
                ])),
            ),
            KeyProblem::NotAKey {
                from: f,
                key,
                action,
            } => w.tr(
                "ui-keys-not-a-key",
                Some(&args(&[
                    ("from", from(f).into()),
                    ("key", key.as_str().into()),
                    ("action", action.as_str().into()),
                ])),
            ),
            KeyProblem::NoKey { from: f, action } => w.tr(
                "ui-keys-no-key",
                Some(&args(&[
                    ("from", from(f).into()),
                    ("action", action.as_str().into()),
                ])),
            ),
            KeyProblem::BrokenDefaults(detail) => {
                w.tr1("ui-keys-broken-defaults", "detail", detail.as_str())
            }
            KeyProblem::Clash { key, first, second } => w.tr(
                "ui-keys-clash",
                Some(&args(&[
                    ("key", key.as_str().into()),
                    ("first", first.name().into()),
                    ("second", second.name().into()),
                ])),
            ),
        }
    }

    /// A question's answer keys, named by the live keymap: the reader's
    /// own letters ("i" for ie, "n" for na) when they are bound, else the
    /// keys that are. `id` is the hint with `$yes` and `$no`.
    pub fn answer_keys(
        w: &crate::i18n::Catalogue,
        keymap: &crate::app::Keymap,
        id: &str,
    ) -> String {
        use crate::app::Action;
        let yes = keymap.hint(&Action::Yes, &w.tr_bare("ui-key-yes"));
        let no = keymap.hint(&Action::No, &w.tr_bare("ui-key-no"));
        w.tr(
            id,
            Some(&crate::i18n::args(&[
                ("yes", yes.into()),
                ("no", no.into()),
            ])),
        )
    }
}

/// What the lock screen of an encrypted diary says.
pub mod lock {
    pub const TITLE: &str = "ui-lock-title";
    pub const ASK: &str = "ui-lock-ask";
    pub const TYPED: &str = "ui-lock-typed";
    pub const WRONG: &str = "ui-lock-wrong";
    pub const CHECKING: &str = "ui-lock-checking";
}

pub mod status {
    /// After a background sync that described files too big for the hub.
    pub fn not_shared(w: &crate::i18n::Catalogue, count: usize) -> String {
        w.tr1("ui-status-not-shared", "count", count)
    }
    pub fn logged(
        w: &crate::i18n::Catalogue,
        name: &str,
        created: bool,
        case: Option<&str>,
    ) -> String {
        let id = match (created, case) {
            (true, Some(_)) => "ui-status-logged-new-on",
            (true, None) => "ui-status-logged-new-unfiled",
            (false, Some(_)) => "ui-status-logged-on",
            (false, None) => "ui-status-logged-unfiled",
        };
        w.tr(
            id,
            Some(&crate::i18n::args(&[
                ("name", name.into()),
                ("reference", case.unwrap_or_default().into()),
            ])),
        )
    }
    pub fn case_opened(w: &crate::i18n::Catalogue, reference: &str, created: &[String]) -> String {
        if created.is_empty() {
            w.tr1("ui-status-case-opened", "reference", reference)
        } else {
            w.tr(
                "ui-status-case-opened-new",
                Some(&crate::i18n::args(&[
                    ("reference", reference.into()),
                    ("names", created.join(", ").into()),
                ])),
            )
        }
    }
    pub fn status_changed(w: &crate::i18n::Catalogue, reference: &str, label: &str) -> String {
        w.tr(
            "ui-status-status-changed",
            Some(&crate::i18n::args(&[
                ("reference", reference.into()),
                ("status", label.into()),
            ])),
        )
    }
    pub const FOLLOW_UP_ADDED: &str = "ui-status-follow-up-added";
    pub const FOLLOW_UP_DONE: &str = "ui-status-follow-up-done";
    pub const FOLLOW_UP_UNDONE: &str = "ui-status-follow-up-undone";
    pub const NOTHING_TO_UNDO: &str = "ui-status-nothing-to-undo";

    /// "Follow-up marked done. u undoes it."
    pub fn follow_up_done(w: &crate::i18n::Catalogue, undo_key: &str) -> String {
        w.tr1("ui-status-follow-up-done-undo", "key", undo_key)
    }
    pub const REFRESHED: &str = "ui-status-refreshed";
}
