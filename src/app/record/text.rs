//! The words of the record-keeping forms: the contact card, the case's own
//! fields, intake with the person, the people on a case. Kept together so
//! the Welsh catalogue can take them whole.

pub const NOT_ASKED: &str = "ui-record-not-asked";
pub const NOT_SET: &str = "ui-record-not-set";
pub const YES: &str = "ui-record-yes";
pub const NO: &str = "ui-record-no";

pub mod card {
    pub const TITLE_EDIT: &str = "ui-record-card-title-edit";
    pub const TITLE_NEW: &str = "ui-record-card-title-new";
    pub const NAME: &str = "ui-record-card-name";
    pub const KIND: &str = "ui-record-card-kind";
    pub const ORGANISATION: &str = "ui-record-card-organisation";
    pub const DEPARTMENT: &str = "ui-record-card-department";
    pub const ROLE: &str = "ui-record-card-role";
    pub const ADDRESS: &str = "ui-record-card-address";
    pub const POSTCODE: &str = "ui-record-card-postcode";
    pub const PHONE: &str = "ui-record-card-phone";
    pub const EMAIL: &str = "ui-record-card-email";
    pub const PREFERRED: &str = "ui-record-card-preferred";
    pub const LANGUAGE: &str = "ui-record-card-language";
    pub const CAUTION: &str = "ui-record-card-caution";
    pub const GENDER: &str = "ui-record-card-gender";
    pub const AGE_BAND: &str = "ui-record-card-age-band";
    pub const ETHNICITY: &str = "ui-record-card-ethnicity";
    pub const EMPLOYMENT: &str = "ui-record-card-employment";
    pub const NOTES: &str = "ui-record-card-notes";
    pub const NEED_NAME: &str = "ui-record-card-need-name";
    pub fn saved(w: &crate::i18n::Catalogue, name: &str) -> String {
        w.tr1("ui-record-card-saved", "name", name)
    }
}

pub mod case {
    pub const TITLE: &str = "ui-record-case-title";
    pub const CASE_TITLE: &str = "ui-record-case-case-title";
    pub const KIND: &str = "ui-record-case-kind";
    pub const CATEGORY: &str = "ui-record-case-category";
    pub const CHANNEL: &str = "ui-record-case-channel";
    pub const CONTACTED_ON: &str = "ui-record-case-contacted-on";
    pub const LOCATION: &str = "ui-record-case-location";
    pub const POSTCODE: &str = "ui-record-case-postcode";
    pub const FACTS: &str = "ui-record-case-facts";
    pub const WANTS: &str = "ui-record-case-wants";
    pub const HISTORY: &str = "ui-record-case-history";
    pub const OTHERS: &str = "ui-record-case-others";
    pub const PROMISED_BY: &str = "ui-record-case-promised-by";
    pub const CONSENT: &str = "ui-record-case-consent";
    pub const CONSENT_ON: &str = "ui-record-case-consent-on";
    pub const SHARED: &str = "ui-record-case-shared";
    pub const CONSENT_OPTIONS: [&str; 3] = [
        "ui-record-case-consent-options-0",
        "ui-record-case-consent-options-1",
        "ui-record-case-consent-options-2",
    ];
    pub const NEED_TITLE: &str = "ui-record-case-need-title";
    pub fn saved(w: &crate::i18n::Catalogue, reference: &str) -> String {
        w.tr1("ui-record-case-saved", "reference", reference)
    }
}

pub mod intake {
    pub const ADDRESS: &str = "ui-record-intake-address";
    pub const POSTCODE: &str = "ui-record-intake-postcode";
    pub const PHONE: &str = "ui-record-intake-phone";
    pub const EMAIL: &str = "ui-record-intake-email";
    pub const LANGUAGE: &str = "ui-record-intake-language";
    pub const GENDER: &str = "ui-record-intake-gender";
    pub const AGE_BAND: &str = "ui-record-intake-age-band";
    pub const ETHNICITY: &str = "ui-record-intake-ethnicity";
    pub const EMPLOYMENT: &str = "ui-record-intake-employment";
    pub const CONTACTED_ON: &str = "ui-record-intake-contacted-on";
    pub const OTHER: &str = "ui-record-intake-other";
    pub const OTHER_ROLE: &str = "ui-record-intake-other-role";
    pub const SHARED: &str = "ui-record-intake-shared";
    pub fn opened(
        w: &crate::i18n::Catalogue,
        reference: &str,
        created: &[String],
        same: &[String],
    ) -> String {
        let mut s = w.tr1("ui-status-case-opened", "reference", reference);
        if !created.is_empty() {
            s.push(' ');
            s += &w.tr1("ui-record-intake-new-contacts", "names", created.join(", "));
        }
        if !same.is_empty() {
            s.push(' ');
            s += &w.tr1("ui-record-intake-same", "names", same.join(", "));
        }
        s
    }
}

pub mod people {
    pub const TITLE: &str = "ui-record-people-title";
    pub const KEYS: &str = "ui-record-people-keys";
    pub const NOBODY: &str = "ui-record-people-nobody";
    pub const ADD_TITLE: &str = "ui-record-people-add-title";
    pub const WHO: &str = "ui-record-people-who";
    pub const ROLE: &str = "ui-record-people-role";
    pub const NEED_WHO: &str = "ui-record-people-need-who";
    pub const CHOOSE_ROLE: &str = "ui-record-people-choose-role";
    pub fn remove_question(w: &crate::i18n::Catalogue, name: &str, role: &str) -> String {
        w.tr(
            "ui-record-people-remove-question",
            Some(&crate::i18n::args(&[
                ("name", name.into()),
                ("role", role.into()),
            ])),
        )
    }
    pub const REMOVE_KEYS: &str = "ui-record-people-remove-keys";
    pub fn added(w: &crate::i18n::Catalogue, name: &str, role: &str) -> String {
        w.tr(
            "ui-record-people-added",
            Some(&crate::i18n::args(&[
                ("name", name.into()),
                ("role", role.into()),
            ])),
        )
    }
    pub fn removed(w: &crate::i18n::Catalogue, name: &str) -> String {
        w.tr1("ui-record-people-removed", "name", name)
    }
    pub fn role_changed(w: &crate::i18n::Catalogue, name: &str, role: &str) -> String {
        w.tr(
            "ui-record-people-role-changed",
            Some(&crate::i18n::args(&[
                ("name", name.into()),
                ("role", role.into()),
            ])),
        )
    }
}

/// Lines the case and contact screens add for the fields kept here.
pub mod screen {
    use chrono::NaiveDate;

    use crate::domain::{Case, Contact, Monitoring, Question};

    fn day(w: &crate::i18n::Catalogue, d: NaiveDate) -> String {
        crate::ui::when::dmy(w, d)
    }

    /// Added to the case's meta line: first contact, shared.
    pub fn case_extra(w: &crate::i18n::Catalogue, c: &Case) -> String {
        let mut s = String::new();
        if let Some(d) = c.contacted_on {
            s += " · ";
            s += &w.tr1("ui-record-screen-first-contact", "day", day(w, d));
        }
        if c.shared {
            s += " · ";
            s += &w.tr("ui-record-screen-shared", None);
        }
        s
    }

    pub fn consent_on(w: &crate::i18n::Catalogue, d: NaiveDate) -> String {
        format!(
            " {}",
            w.tr1("ui-record-screen-consent-on", "day", day(w, d))
        )
    }

    /// The monitoring answers of a contact in one line ("" when none).
    pub fn monitoring(w: &crate::i18n::Catalogue, c: &Contact) -> String {
        let m = Monitoring::default();
        let answer =
            |q: Question, v: &str| w.answer(q, v).unwrap_or_else(|| m.label(q, v).to_string());
        let mut parts = Vec::new();
        if let Some(g) = &c.gender {
            parts.push(w.tr1(
                "ui-record-screen-gender",
                "answer",
                answer(Question::Gender, g),
            ));
        }
        if let Some(a) = c.age_band {
            parts.push(w.tr1("ui-record-screen-age", "answer", w.label(a)));
        }
        if let Some(e) = &c.ethnicity {
            parts.push(w.tr1(
                "ui-record-screen-ethnicity",
                "answer",
                answer(Question::Ethnicity, e),
            ));
        }
        if let Some(e) = &c.employment_status {
            parts.push(w.tr1(
                "ui-record-screen-employment",
                "answer",
                answer(Question::EmploymentStatus, e),
            ));
        }
        parts.join(" · ")
    }
}
