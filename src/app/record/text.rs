//! The words of the record-keeping forms: the contact card, the case's own
//! fields, intake with the person, the people on a case. Kept together so
//! the Welsh catalogue can take them whole.

pub const NOT_ASKED: &str = "not asked";
pub const NOT_SET: &str = "—";
pub const YES: &str = "yes";
pub const NO: &str = "no";

pub mod card {
    pub const TITLE_EDIT: &str = "Contact card";
    pub const TITLE_NEW: &str = "New contact";
    pub const NAME: &str = "Name";
    pub const KIND: &str = "Kind";
    pub const ORGANISATION: &str = "Organisation";
    pub const DEPARTMENT: &str = "Department";
    pub const ROLE: &str = "Role";
    pub const ADDRESS: &str = "Address";
    pub const POSTCODE: &str = "Postcode";
    pub const PHONE: &str = "Phone";
    pub const EMAIL: &str = "Email";
    pub const PREFERRED: &str = "Keep informed by";
    pub const LANGUAGE: &str = "Language";
    pub const CAUTION: &str = "Caution (safety)";
    pub const GENDER: &str = "Gender";
    pub const AGE_BAND: &str = "Age band";
    pub const ETHNICITY: &str = "Ethnicity";
    pub const EMPLOYMENT: &str = "Employment";
    pub const NOTES: &str = "Notes";
    pub const NEED_NAME: &str = "a name is needed";
    pub fn saved(name: &str) -> String {
        format!("{name}: contact card saved.")
    }
}

pub mod case {
    pub const TITLE: &str = "Edit the case";
    pub const CASE_TITLE: &str = "Title";
    pub const KIND: &str = "Kind";
    pub const CATEGORY: &str = "Category";
    pub const CHANNEL: &str = "Channel";
    pub const CONTACTED_ON: &str = "Date contacted";
    pub const LOCATION: &str = "Location";
    pub const POSTCODE: &str = "Postcode";
    pub const FACTS: &str = "The facts";
    pub const WANTS: &str = "What they want done";
    pub const HISTORY: &str = "Approached before";
    pub const OTHERS: &str = "Others (notes)";
    pub const PROMISED_BY: &str = "Promised a reply by";
    pub const CONSENT: &str = "Consent to share";
    pub const CONSENT_ON: &str = "Consent given on";
    pub const SHARED: &str = "Shared with office";
    pub const CONSENT_OPTIONS: [&str; 3] = ["not yet asked", "yes", "no"];
    pub const NEED_TITLE: &str = "a few words to name the case";
    pub const AFTER_OPENED: &str = "after the day the case was opened";
    pub const IN_FUTURE: &str = "that day has not come yet";
    pub const CONSENT_ON_NEEDS_ANSWER: &str = "record the answer (yes or no) first";
    pub fn saved(reference: &str) -> String {
        format!("{reference}: case saved.")
    }
}

pub mod intake {
    pub const ADDRESS: &str = "  Address";
    pub const POSTCODE: &str = "  Their postcode";
    pub const PHONE: &str = "  Phone";
    pub const EMAIL: &str = "  Email";
    pub const LANGUAGE: &str = "  Language";
    pub const GENDER: &str = "  Gender";
    pub const AGE_BAND: &str = "  Age band";
    pub const ETHNICITY: &str = "  Ethnicity";
    pub const EMPLOYMENT: &str = "  Employment";
    pub const CONTACTED_ON: &str = "Date contacted";
    pub const OTHER: &str = "Also involved";
    pub const OTHER_ROLE: &str = "  as";
    pub const SHARED: &str = "Shared with office";
    pub fn opened(reference: &str, created: &[String], same: &[String]) -> String {
        let mut s = format!("Case {reference} opened.");
        if !created.is_empty() {
            s += &format!(" New contact added: {}.", created.join(", "));
        }
        if !same.is_empty() {
            s += &format!(
                " Already in contacts (same email, phone or postcode): {}.",
                same.join(", ")
            );
        }
        s
    }
}

pub mod people {
    pub const TITLE: &str = "People on the case";
    pub const KEYS: &str =
        "↑/↓ choose · Enter contact card · a add · r role · d remove · Esc close";
    pub const NOBODY: &str = "Nobody is on this case yet: a to add someone.";
    pub const ADD_TITLE: &str = "Add a person to the case";
    pub const WHO: &str = "Who";
    pub const ROLE: &str = "Role";
    pub const NEED_WHO: &str = "who? type a name";
    pub const CHOOSE_ROLE: &str = "Their part in the case";
    pub fn remove_question(name: &str, role: &str) -> String {
        format!("Take {name} ({role}) off this case? Their contact card stays.")
    }
    pub const REMOVE_KEYS: &str = "y remove · n keep";
    pub fn added(name: &str, role: &str) -> String {
        format!("{name} added to the case as {role}.")
    }
    pub fn removed(name: &str) -> String {
        format!("{name} taken off the case.")
    }
    pub fn role_changed(name: &str, role: &str) -> String {
        format!("{name} is now {role} on the case.")
    }
}

/// Lines the case and contact screens add for the fields kept here.
pub mod screen {
    use chrono::NaiveDate;

    use crate::domain::{Case, Contact, Monitoring, Question};

    fn day(d: NaiveDate) -> String {
        d.format("%d %b %Y").to_string()
    }

    /// Added to the case's meta line: first contact, shared.
    pub fn case_extra(c: &Case) -> String {
        let mut s = String::new();
        if let Some(d) = c.contacted_on {
            s += &format!(" · first contact {}", day(d));
        }
        if c.shared {
            s += " · shared with the office";
        }
        s
    }

    pub fn consent_on(d: NaiveDate) -> String {
        format!(" (recorded {})", day(d))
    }

    /// The monitoring answers of a contact in one line ("" when none).
    pub fn monitoring(c: &Contact) -> String {
        let m = Monitoring::default();
        let mut parts = Vec::new();
        if let Some(g) = &c.gender {
            parts.push(format!("gender: {}", m.label(Question::Gender, g)));
        }
        if let Some(a) = c.age_band {
            parts.push(format!("age: {}", a.label()));
        }
        if let Some(e) = &c.ethnicity {
            parts.push(format!("ethnicity: {}", m.label(Question::Ethnicity, e)));
        }
        if let Some(e) = &c.employment_status {
            parts.push(format!(
                "employment: {}",
                m.label(Question::EmploymentStatus, e)
            ));
        }
        parts.join(" · ")
    }
}
