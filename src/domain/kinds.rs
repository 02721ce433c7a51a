//! The closed lists of SPEC sections 2 and 3. Each name is part of the
//! scripting contract (CSV, JSON, command line): spelled exactly as SPEC does.

use crate::{Error, Result};

/// What every closed list offers, so that code over all of them (the
/// message catalogue's labels, `src/i18n`) need not name each one.
pub trait ClosedList: Copy + 'static {
    /// What this list is called in messages ("case kind").
    const WHAT: &'static str;
    fn all() -> &'static [Self];
    /// The contract name.
    fn as_str(self) -> &'static str;
    /// The English label (the catalogue's English must match it).
    fn label(self) -> &'static str;
}

/// Defines a closed list with its exact names, `ALL`, parsing that lists the
/// valid names on a mistake, `Display`, serde, and SQLite conversion.
macro_rules! names {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($variant:ident = $text:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];
            /// What this list is called in messages.
            pub const WHAT: &'static str = $what;

            /// The contract name, as in CSV, JSON and on the command line.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)+ }
            }

            /// Words for a person reading the screen.
            pub const fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            pub fn names() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl ClosedList for $name {
            const WHAT: &'static str = $what;
            fn all() -> &'static [Self] {
                Self::ALL
            }
            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
            fn label(self) -> &'static str {
                $name::label(self)
            }
        }

        impl std::str::FromStr for $name {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self> {
                let wanted = s.trim().to_ascii_lowercase().replace([' ', '-'], "_");
                Self::ALL
                    .iter()
                    .find(|v| v.as_str() == s.trim() || v.as_str().replace('-', "_") == wanted)
                    .copied()
                    .ok_or_else(|| Error::user(
                        crate::error::Msg::new("error-unknown-value")
                            .text("list", $what.replace(' ', "-"))
                            .text("value", s.trim())
                            .text("names", Self::names()),
                    ))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl rusqlite::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let s = v.as_str()?;
                s.parse().map_err(|e: Error| rusqlite::types::FromSqlError::Other(Box::new(e)))
            }
        }
    };
}

names! {
    /// The workbook's five examples of casework.
    CaseKind, "case kind" {
        DirectQuery = "direct_query", "Direct query";
        IndirectQuery = "indirect_query", "Indirect query (on behalf of someone)";
        Complaint = "complaint", "Complaint";
        ServiceRequest = "service_request", "Service request";
        CommunityIssue = "community_issue", "Community issue";
    }
}

names! {
    /// How the constituent first got in touch.
    Channel, "channel" {
        Phone = "phone", "Phone";
        Email = "email", "Email";
        Letter = "letter", "Letter";
        InPerson = "in_person", "In person";
        Surgery = "surgery", "Surgery";
        Doorstep = "doorstep", "Doorstep";
        SocialMedia = "social_media", "Social media";
        OnlineForm = "online_form", "Online form";
        Campaign = "campaign", "Campaign";
        Other = "other", "Other";
    }
}

names! {
    CaseStatus, "status" {
        Open = "open", "Open";
        WaitingCouncil = "waiting_council", "Waiting for the council";
        WaitingConstituent = "waiting_constituent", "Waiting for the constituent";
        WaitingOther = "waiting_other", "Waiting for someone else";
        Closed = "closed", "Closed";
    }
}

names! {
    Outcome, "outcome" {
        Resolved = "resolved", "Resolved satisfactorily";
        PartlyResolved = "partly_resolved", "Partly resolved";
        NotResolved = "not_resolved", "Not resolved";
        Withdrawn = "withdrawn", "Withdrawn";
        ReferredElsewhere = "referred_elsewhere", "Referred elsewhere";
    }
}

names! {
    /// One thing that happened, in the diary.
    EntryKind, "entry kind" {
        CallIn = "call_in", "Call in";
        CallOut = "call_out", "Call out";
        EmailIn = "email_in", "Email in";
        EmailOut = "email_out", "Email out";
        LetterIn = "letter_in", "Letter in";
        LetterOut = "letter_out", "Letter out";
        Meeting = "meeting", "Meeting";
        SurgeryVisit = "surgery_visit", "Surgery visit";
        Doorstep = "doorstep", "Doorstep";
        SocialMedia = "social_media", "Social media";
        Note = "note", "Note";
        Action = "action", "Action";
        FeedbackGiven = "feedback_given", "Feedback given";
    }
}

impl EntryKind {
    /// How the constituent got in touch, when a case is opened from this
    /// entry (their first contact); `None` when the entry says nothing of
    /// it (a note, an action).
    pub fn channel(&self) -> Option<Channel> {
        match self {
            EntryKind::CallIn | EntryKind::CallOut => Some(Channel::Phone),
            EntryKind::EmailIn | EntryKind::EmailOut => Some(Channel::Email),
            EntryKind::LetterIn | EntryKind::LetterOut => Some(Channel::Letter),
            EntryKind::SurgeryVisit => Some(Channel::Surgery),
            EntryKind::Doorstep => Some(Channel::Doorstep),
            EntryKind::SocialMedia => Some(Channel::SocialMedia),
            EntryKind::Meeting => Some(Channel::InPerson),
            EntryKind::Note | EntryKind::Action | EntryKind::FeedbackGiven => None,
        }
    }

    /// Contact that came from a person to the councillor: counts towards
    /// "how many people contacted you".
    pub const fn is_inbound(self) -> bool {
        matches!(
            self,
            EntryKind::CallIn
                | EntryKind::EmailIn
                | EntryKind::LetterIn
                | EntryKind::SurgeryVisit
                | EntryKind::Doorstep
                | EntryKind::SocialMedia
        )
    }

    /// Contact from the councillor to the constituent: keeps them informed.
    pub const fn is_outbound(self) -> bool {
        matches!(
            self,
            EntryKind::CallOut
                | EntryKind::EmailOut
                | EntryKind::LetterOut
                | EntryKind::FeedbackGiven
        )
    }
}

names! {
    /// The part a person plays on a case.
    Role, "role" {
        Constituent = "constituent", "Constituent";
        OnBehalfOf = "on_behalf_of", "On behalf of";
        Officer = "officer", "Officer";
        Agency = "agency", "Agency";
        Other = "other", "Other";
    }
}

names! {
    /// What sort of contact a person or organisation is.
    ContactKind, "contact kind" {
        Constituent = "constituent", "Constituent";
        Officer = "officer", "Council officer";
        Agency = "agency", "Partner agency";
        Councillor = "councillor", "Councillor";
        Organisation = "organisation", "Organisation";
        Other = "other", "Other";
    }
}

names! {
    /// Self-described, optional, always allowing "prefer not to say".
    AgeBand, "age band" {
        Under18 = "0-17", "0–17";
        From18To29 = "18-29", "18–29";
        From30To44 = "30-44", "30–44";
        From45To64 = "45-64", "45–64";
        From65To74 = "65-74", "65–74";
        Over75 = "75+", "75+";
        PreferNotToSay = "prefer_not_to_say", "Prefer not to say";
    }
}

impl AgeBand {
    pub const fn is_under_30(self) -> bool {
        matches!(self, AgeBand::Under18 | AgeBand::From18To29)
    }
}

names! {
    /// The instruction given to an officer (the workbook: "either to write to
    /// your constituent with a copy for you, or to work through you").
    Instruction, "instruction" {
        ReplyCopyMe = "reply_copy_me", "Reply to the constituent and copy me in";
        ReplyThroughMe = "reply_through_me", "Reply through me";
    }
}

names! {
    /// How a person prefers to be kept informed.
    PreferredContact, "preferred contact" {
        Phone = "phone", "Phone";
        Email = "email", "Email";
        Letter = "letter", "Letter";
        InPerson = "in_person", "In person";
        Text = "text", "Text message";
    }
}

names! {
    /// The language a contact prefers for anything written to or about them
    /// (SPEC section 2 and 8).
    Language, "language" {
        English = "en", "English";
        Welsh = "cy", "Welsh (Cymraeg)";
        Both = "both", "English and Welsh";
    }
}

/// The value that stands for "prefer not to say" in the free-text
/// demographic fields (gender, ethnicity, employment status).
pub const PREFER_NOT_TO_SAY: &str = "prefer_not_to_say";

/// The default categories (SPEC section 2); config may add more.
pub const DEFAULT_CATEGORIES: &[&str] = &[
    "housing",
    "social_services",
    "benefits",
    "council_tax",
    "highways",
    "parking",
    "waste",
    "planning",
    "anti_social_behaviour",
    "environment",
    "education",
    "health",
    "transport",
    "licensing",
    "other",
];

/// Suggested employment statuses for forms and demo data; the field is free text.
pub const EMPLOYMENT_STATUSES: &[&str] = &[
    "employed",
    "self_employed",
    "unemployed",
    "retired",
    "student",
    "carer",
    "unable_to_work",
    PREFER_NOT_TO_SAY,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_opened_from_an_entry_takes_its_channel() {
        assert_eq!(EntryKind::CallIn.channel(), Some(Channel::Phone));
        assert_eq!(EntryKind::EmailIn.channel(), Some(Channel::Email));
        assert_eq!(EntryKind::SurgeryVisit.channel(), Some(Channel::Surgery));
        assert_eq!(EntryKind::Note.channel(), None);
    }

    #[test]
    fn parses_contract_names_and_friendly_spellings() {
        assert_eq!(
            "direct_query".parse::<CaseKind>().ok(),
            Some(CaseKind::DirectQuery)
        );
        assert_eq!(
            "Direct Query".parse::<CaseKind>().ok(),
            Some(CaseKind::DirectQuery)
        );
        assert_eq!("in-person".parse::<Channel>().ok(), Some(Channel::InPerson));
        assert_eq!("75+".parse::<AgeBand>().ok(), Some(AgeBand::Over75));
        assert_eq!("18-29".parse::<AgeBand>().ok(), Some(AgeBand::From18To29));
    }

    #[test]
    fn unknown_names_list_the_valid_ones() {
        let e = "fax".parse::<Channel>().expect_err("fax is not a channel");
        let msg = e.to_string();
        assert!(msg.contains("unknown channel `fax`"), "{msg}");
        assert!(msg.contains("social_media"), "{msg}");
    }

    #[test]
    fn serde_uses_contract_names() {
        let json = serde_json::to_string(&AgeBand::Over75).expect("serialises");
        assert_eq!(json, "\"75+\"");
        let back: EntryKind = serde_json::from_str("\"feedback_given\"").expect("parses");
        assert_eq!(back, EntryKind::FeedbackGiven);
    }
}
