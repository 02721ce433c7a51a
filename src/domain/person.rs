//! A person's record: the monitoring pick-lists (one canonical list each,
//! extendable in config), the spellings people write for them, the checks of
//! a contact card's fields, and the one rule that says two records are the
//! same person. No I/O here.

use super::kinds::PREFER_NOT_TO_SAY;
use super::model::Contact;
use super::text::{fold, name_key, normalise_postcode};
use crate::error::Msg;
use crate::{Error, Result};

/// The self-described monitoring questions kept as text (age band is a
/// closed enum, [`super::AgeBand`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Question {
    Gender,
    Ethnicity,
    EmploymentStatus,
}

/// (value, label) of each built-in answer. The value is what the diary keeps
/// and the review counts; the label is what the pick-list shows.
const GENDER: &[(&str, &str)] = &[
    ("female", "Female"),
    ("male", "Male"),
    ("non_binary", "Non-binary"),
    ("other", "Describes themselves another way"),
    (PREFER_NOT_TO_SAY, "Prefer not to say"),
];

/// The census groups of England and Wales (2021), Welsh first as the census
/// in Wales asks it.
const ETHNICITY: &[(&str, &str)] = &[
    ("white_welsh", "White: Welsh"),
    (
        "white_british",
        "White: English, Scottish, Northern Irish or British",
    ),
    ("white_irish", "White: Irish"),
    ("gypsy_or_traveller", "White: Gypsy or Irish Traveller"),
    ("roma", "White: Roma"),
    ("white_other", "White: any other background"),
    ("mixed", "Mixed or multiple ethnic groups"),
    ("indian", "Asian: Indian"),
    ("pakistani", "Asian: Pakistani"),
    ("bangladeshi", "Asian: Bangladeshi"),
    ("chinese", "Asian: Chinese"),
    ("asian_british", "Asian British or Asian Welsh"),
    ("asian_other", "Asian: any other background"),
    ("black_african", "Black: African"),
    ("black_caribbean", "Black: Caribbean"),
    ("black_british", "Black British or Black Welsh"),
    ("black_other", "Black: any other background"),
    ("arab", "Arab"),
    ("other", "Any other ethnic group"),
    (PREFER_NOT_TO_SAY, "Prefer not to say"),
];

const EMPLOYMENT: &[(&str, &str)] = &[
    ("employed", "Employed"),
    ("self_employed", "Self-employed"),
    ("unemployed", "Unemployed"),
    ("retired", "Retired"),
    ("student", "Student"),
    ("carer", "Carer"),
    ("unable_to_work", "Unable to work (illness or disability)"),
    (PREFER_NOT_TO_SAY, "Prefer not to say"),
];

/// Spellings people write, folded (lower case, no accents, `_`/`-` as
/// spaces), and the value each means.
const SPELLINGS: &[(Question, &str, &str)] = &[
    (Question::Gender, "f", "female"),
    (Question::Gender, "woman", "female"),
    (Question::Gender, "w", "female"),
    (Question::Gender, "girl", "female"),
    (Question::Gender, "m", "male"),
    (Question::Gender, "man", "male"),
    (Question::Gender, "boy", "male"),
    (Question::Gender, "nb", "non_binary"),
    (Question::Gender, "nonbinary", "non_binary"),
    (Question::Gender, "enby", "non_binary"),
    (Question::Ethnicity, "welsh", "white_welsh"),
    (Question::Ethnicity, "british", "white_british"),
    (Question::Ethnicity, "english", "white_british"),
    (Question::Ethnicity, "white english", "white_british"),
    (Question::Ethnicity, "white scottish", "white_british"),
    (Question::Ethnicity, "irish", "white_irish"),
    (Question::Ethnicity, "gypsy", "gypsy_or_traveller"),
    (Question::Ethnicity, "traveller", "gypsy_or_traveller"),
    (Question::Ethnicity, "irish traveller", "gypsy_or_traveller"),
    (Question::Ethnicity, "white other", "white_other"),
    (Question::Ethnicity, "mixed race", "mixed"),
    (Question::Ethnicity, "multiple", "mixed"),
    (Question::Ethnicity, "asian welsh", "asian_british"),
    (Question::Ethnicity, "black welsh", "black_british"),
    (Question::Ethnicity, "african", "black_african"),
    (Question::Ethnicity, "caribbean", "black_caribbean"),
    (Question::EmploymentStatus, "working", "employed"),
    (Question::EmploymentStatus, "in work", "employed"),
    (Question::EmploymentStatus, "full time", "employed"),
    (Question::EmploymentStatus, "part time", "employed"),
    (Question::EmploymentStatus, "employee", "employed"),
    (Question::EmploymentStatus, "self employed", "self_employed"),
    (Question::EmploymentStatus, "selfemployed", "self_employed"),
    (Question::EmploymentStatus, "unemployed", "unemployed"),
    (Question::EmploymentStatus, "jobseeker", "unemployed"),
    (Question::EmploymentStatus, "looking for work", "unemployed"),
    (Question::EmploymentStatus, "pensioner", "retired"),
    (Question::EmploymentStatus, "in education", "student"),
    (Question::EmploymentStatus, "caring", "carer"),
    (
        Question::EmploymentStatus,
        "long term sick",
        "unable_to_work",
    ),
    (Question::EmploymentStatus, "disabled", "unable_to_work"),
];

/// Folded spellings of "prefer not to say".
const NOT_SAID: &[&str] = &[
    "prefer not to say",
    "prefer not say",
    "rather not say",
    "not stated",
    "declined",
    "pnts",
];

/// Lower case, accents folded, `_`, `-`, `/`, `,` and `:` read as spaces,
/// spaces squashed: the form every spelling is compared in.
fn squash(s: &str) -> String {
    fold(s)
        .replace(['_', '-', '/', ',', ':', '.', '(', ')'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The value kept for an answer nobody listed: its squashed words joined by
/// `_`, so "Cornish" and "cornish" are one value and the review one row.
fn key_of(s: &str) -> String {
    squash(s).replace(' ', "_")
}

/// The monitoring pick-lists: the built-in answers, then the config's extras.
#[derive(Debug, Clone, PartialEq)]
pub struct Monitoring {
    gender: Vec<(String, String)>,
    ethnicity: Vec<(String, String)>,
    employment_status: Vec<(String, String)>,
}

/// The built-in answers to a question, (value, English label), for the
/// message catalogue (`src/i18n`), whose English must match these labels.
pub fn builtin_answers(q: Question) -> &'static [(&'static str, &'static str)] {
    match q {
        Question::Gender => GENDER,
        Question::Ethnicity => ETHNICITY,
        Question::EmploymentStatus => EMPLOYMENT,
    }
}

impl Default for Monitoring {
    fn default() -> Self {
        Monitoring::new(&[], &[], &[])
    }
}

impl Monitoring {
    /// The built-in lists with answers added (each as it should be shown,
    /// e.g. "Cornish"), kept before "prefer not to say".
    pub fn new(gender: &[String], ethnicity: &[String], employment: &[String]) -> Monitoring {
        fn list(base: &[(&str, &str)], extra: &[String]) -> Vec<(String, String)> {
            let mut out: Vec<(String, String)> = base
                .iter()
                .filter(|(v, _)| *v != PREFER_NOT_TO_SAY)
                .map(|(v, l)| (v.to_string(), l.to_string()))
                .collect();
            for label in extra {
                let value = key_of(label);
                if !value.is_empty() && !out.iter().any(|(v, _)| *v == value) {
                    out.push((value, label.trim().to_string()));
                }
            }
            let not_said = base
                .iter()
                .find(|(v, _)| *v == PREFER_NOT_TO_SAY)
                .map_or("Prefer not to say", |(_, l)| l);
            out.push((PREFER_NOT_TO_SAY.to_string(), not_said.to_string()));
            out
        }
        Monitoring {
            gender: list(GENDER, gender),
            ethnicity: list(ETHNICITY, ethnicity),
            employment_status: list(EMPLOYMENT, employment),
        }
    }

    /// The answers offered for a question, (value, label), "prefer not to
    /// say" last.
    pub fn options(&self, q: Question) -> &[(String, String)] {
        match q {
            Question::Gender => &self.gender,
            Question::Ethnicity => &self.ethnicity,
            Question::EmploymentStatus => &self.employment_status,
        }
    }

    /// The label shown for a kept value (the value itself when unlisted).
    pub fn label<'a>(&'a self, q: Question, value: &'a str) -> &'a str {
        self.options(q)
            .iter()
            .find(|(v, _)| v == value)
            .map_or(value, |(_, l)| l.as_str())
    }
}

/// The one value kept for what someone wrote: `F`, `female` and `Female`
/// are all `female`; "Prefer not to say" in any spelling is
/// [`PREFER_NOT_TO_SAY`]; an answer on no list is kept as its words joined
/// by `_` (so spellings differing in case still count as one). `None` for
/// blank text.
pub fn canonical(q: Question, typed: &str) -> Option<String> {
    let s = squash(typed);
    if s.is_empty() {
        return None;
    }
    if NOT_SAID.contains(&s.as_str()) {
        return Some(PREFER_NOT_TO_SAY.to_string());
    }
    let base = match q {
        Question::Gender => GENDER,
        Question::Ethnicity => ETHNICITY,
        Question::EmploymentStatus => EMPLOYMENT,
    };
    if let Some((v, _)) = base.iter().find(|(v, l)| squash(v) == s || squash(l) == s) {
        return Some(v.to_string());
    }
    if let Some((_, _, v)) = SPELLINGS.iter().find(|(k, from, _)| *k == q && *from == s) {
        return Some(v.to_string());
    }
    Some(key_of(typed))
}

/// A contact with its monitoring answers in canonical form (imports and
/// forms both pass through here, so the review never shows two "Female"
/// rows).
pub fn tidy_monitoring(mut c: Contact) -> Contact {
    for (q, field) in [
        (Question::Gender, &mut c.gender),
        (Question::Ethnicity, &mut c.ethnicity),
        (Question::EmploymentStatus, &mut c.employment_status),
    ] {
        *field = field.as_deref().and_then(|t| canonical(q, t));
    }
    c
}

/// What identifies a person, normalised: the keys of SPEC section 4's rule.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Identity {
    /// Lower case, trimmed.
    pub email: Option<String>,
    /// Trimmed.
    pub phone: Option<String>,
    /// The folded name and the canonical postcode, when both are known.
    pub name_postcode: Option<(String, String)>,
}

impl Identity {
    pub fn of(
        name: &str,
        email: Option<&str>,
        phone: Option<&str>,
        postcode: Option<&str>,
    ) -> Self {
        fn given(s: Option<&str>) -> Option<&str> {
            s.map(str::trim).filter(|s| !s.is_empty())
        }
        Identity {
            email: given(email).map(str::to_lowercase),
            phone: given(phone).map(str::to_string),
            name_postcode: given(postcode)
                .and_then(normalise_postcode)
                .map(|pc| (name_key(name), pc))
                .filter(|(n, _)| !n.is_empty()),
        }
    }

    pub fn of_contact(c: &Contact) -> Self {
        Identity::of(
            &c.name,
            c.email.as_deref(),
            c.phone.as_deref(),
            c.postcode.as_deref(),
        )
    }

    /// True when nothing but a name is known: no rule can match.
    pub fn is_empty(&self) -> bool {
        self.email.is_none() && self.phone.is_none() && self.name_postcode.is_none()
    }
}

/// The rule of SPEC section 4: the same email, or else the same phone, or
/// else the same name and postcode, is one person. Each rule is tried only
/// when both sides have what it needs.
pub fn same_person(a: &Identity, b: &Identity) -> bool {
    fn both<T: PartialEq>(x: &Option<T>, y: &Option<T>) -> Option<bool> {
        match (x, y) {
            (Some(x), Some(y)) => Some(x == y),
            _ => None,
        }
    }
    both(&a.email, &b.email) == Some(true)
        || both(&a.phone, &b.phone) == Some(true)
        || both(&a.name_postcode, &b.name_postcode) == Some(true)
}

/// Checks an email address as typed (blank is fine: it is optional).
pub fn check_email(typed: &str) -> Result<()> {
    let s = typed.trim();
    if s.is_empty() {
        return Ok(());
    }
    let ok = match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.contains(char::is_whitespace)
        }
        None => false,
    };
    if ok {
        Ok(())
    } else {
        Err(Error::user(Msg::new("error-not-an-email").text("input", s)))
    }
}

/// Checks a phone number as typed: digits, spaces, `+`, `-`, `(`, `)`,
/// with at least six digits. Blank is fine.
pub fn check_phone(typed: &str) -> Result<()> {
    let s = typed.trim();
    if s.is_empty() {
        return Ok(());
    }
    let allowed = s
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.'));
    let digits = s.chars().filter(char::is_ascii_digit).count();
    if allowed && digits >= 6 {
        Ok(())
    } else {
        Err(Error::user(Msg::new("error-not-a-phone").text("input", s)))
    }
}

/// Checks a UK postcode as typed and returns it in canonical form (`CF10
/// 5BF`). Blank is fine.
pub fn check_postcode(typed: &str) -> Result<Option<String>> {
    let s = typed.trim();
    if s.is_empty() {
        return Ok(None);
    }
    normalise_postcode(s)
        .map(Some)
        .ok_or_else(|| Error::user(Msg::new("error-not-a-postcode").text("input", s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_female_is_one_value() {
        for typed in ["F", "f", "female", "Female", " FEMALE ", "Woman"] {
            assert_eq!(
                canonical(Question::Gender, typed).as_deref(),
                Some("female"),
                "{typed}"
            );
        }
        assert_eq!(canonical(Question::Gender, "M").as_deref(), Some("male"));
        assert_eq!(
            canonical(Question::Gender, "Non-binary").as_deref(),
            Some("non_binary")
        );
        assert_eq!(canonical(Question::Gender, "  "), None);
    }

    #[test]
    fn prefer_not_to_say_in_any_spelling() {
        for q in [
            Question::Gender,
            Question::Ethnicity,
            Question::EmploymentStatus,
        ] {
            for typed in [
                "Prefer not to say",
                "prefer_not_to_say",
                "PREFER-NOT-TO-SAY",
            ] {
                assert_eq!(canonical(q, typed).as_deref(), Some(PREFER_NOT_TO_SAY));
            }
        }
    }

    #[test]
    fn labels_and_values_and_unlisted_answers() {
        assert_eq!(
            canonical(Question::Ethnicity, "White: Welsh").as_deref(),
            Some("white_welsh")
        );
        assert_eq!(
            canonical(Question::Ethnicity, "white_welsh").as_deref(),
            Some("white_welsh")
        );
        assert_eq!(
            canonical(Question::EmploymentStatus, "Self-employed").as_deref(),
            Some("self_employed")
        );
        // Not on any list: kept, one value whatever the case.
        assert_eq!(
            canonical(Question::Ethnicity, "Cornish").as_deref(),
            Some("cornish")
        );
        assert_eq!(
            canonical(Question::Ethnicity, "CORNISH").as_deref(),
            Some("cornish")
        );
    }

    #[test]
    fn config_extras_join_the_list_before_prefer_not_to_say() {
        let m = Monitoring::new(&[], &["Cornish".into()], &[]);
        let eth = m.options(Question::Ethnicity);
        assert_eq!(
            eth[eth.len() - 2],
            ("cornish".to_string(), "Cornish".to_string())
        );
        assert_eq!(eth[eth.len() - 1].0, PREFER_NOT_TO_SAY);
        // What the import makes of the word is the value the list offers.
        assert_eq!(
            canonical(Question::Ethnicity, "cornish").as_deref(),
            Some(eth[eth.len() - 2].0.as_str())
        );
        for q in [
            Question::Gender,
            Question::Ethnicity,
            Question::EmploymentStatus,
        ] {
            assert!(m.options(q).iter().any(|(v, _)| v == PREFER_NOT_TO_SAY));
        }
    }

    #[test]
    fn the_same_person_rule() {
        let a = Identity::of("Siân Davies", Some("Sian@Example.org"), None, None);
        let b = Identity::of("S Davies", Some("sian@example.org "), Some("1"), None);
        assert!(same_person(&a, &b), "same email");
        let c = Identity::of("Siân Davies", None, Some("029 2000 0000"), None);
        let d = Identity::of("Someone", Some("x@y.org"), Some(" 029 2000 0000"), None);
        assert!(same_person(&c, &d), "same phone");
        let e = Identity::of("Sian DAVIES", None, None, Some("cf105bf"));
        let f = Identity::of("siân davies", None, None, Some("CF10 5BF"));
        assert!(same_person(&e, &f), "same name and postcode");
        let g = Identity::of("Siân Davies", None, None, None);
        assert!(!same_person(&g, &g), "a name alone is nobody's identity");
        assert!(g.is_empty());
        let h = Identity::of("Siân Davies", None, None, Some("CF11 1AA"));
        assert!(!same_person(&e, &h), "another postcode");
    }

    #[test]
    fn field_checks() {
        assert!(check_email("").is_ok());
        assert!(check_email("a@b.org").is_ok());
        assert!(check_email("a@b").is_err());
        assert!(check_phone("029 2087 1234").is_ok());
        assert!(check_phone("+44 (0)29 2087 1234").is_ok());
        assert!(check_phone("call me").is_err());
        assert!(check_phone("12").is_err());
        assert_eq!(
            check_postcode("cf105bf").ok().flatten().as_deref(),
            Some("CF10 5BF")
        );
        assert!(check_postcode("nowhere").is_err());
    }
}
