//! Celebrating success: the cases marked to publicise, anonymised for a
//! leaflet or newsletter.
//!
//! What is kept: the category, an area that is not street-level for an
//! individual's case, the month it was resolved, the problem (the case title)
//! and what was achieved (what the constituent wanted done). What is removed:
//! - the names of everyone on the case: a constituent or anyone on whose
//!   behalf the case was raised becomes "a resident" (each part of the name,
//!   matched as a whole word whatever its case or accents, titles such as
//!   "Mrs" with it); an officer's or agency's full name becomes "an officer" /
//!   "a partner agency";
//! - email addresses, phone numbers (7 or more digits), postcodes, and the
//!   addresses of the people on the case: each becomes "[removed]".
//!
//! The area: for a community issue, its location (a street or estate is the
//! point of a community success) unless the location has a house number or a
//! name in it; for an individual's case, only the postcode district ("CF10"),
//! never a street; else "the ward". Names of people who are not on the case
//! cannot be recognised: the export says to read it before publishing.

use chrono::{Datelike, NaiveDate};

use super::doc::{Block, Doc};
use super::words as w;
use crate::domain::review::PublicisedCase;
use crate::domain::text::{fold, normalise_postcode, squash_space};
use crate::domain::{CaseKind, Contact, Outcome, Role};
use crate::i18n::{Catalogue, args};

pub const RESIDENT: &str = "a resident";
pub const OFFICER: &str = "an officer";
pub const AGENCY: &str = "a partner agency";
pub const REMOVED: &str = "[removed]";
const TITLES: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "dr", "cllr", "councillor"];

/// One anonymised success.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Success {
    pub category: String,
    pub area: String,
    /// "March 2026": when it was resolved.
    pub month: String,
    /// The problem, in the case title's words.
    pub problem: String,
    /// What was achieved: what the constituent wanted done.
    pub achieved: Option<String>,
}

/// The anonymised successes among the marked cases; cases no longer closed
/// as resolved are left out. The category, month and "the ward" in the
/// catalogue's language.
pub fn successes(cases: &[PublicisedCase], t: &Catalogue) -> Vec<Success> {
    cases
        .iter()
        .filter(|p| p.case.data.outcome == Some(Outcome::Resolved))
        .map(|p| success(p, t))
        .collect()
}

fn success(p: &PublicisedCase, t: &Catalogue) -> Success {
    let c = &p.case.data;
    let s = Scrubber::new(&p.people);
    let when: NaiveDate = c.closed.unwrap_or(c.opened);
    Success {
        category: t
            .category(&c.category)
            .unwrap_or_else(|| w::category(&c.category)),
        area: area(c.kind, c.location.as_deref(), c.postcode.as_deref(), &s)
            .unwrap_or_else(|| t.tr("successes-the-ward", None)),
        month: t.tr(
            "month-year",
            Some(&args(&[
                ("month", t.month(when.month()).into()),
                ("year", when.year().to_string().into()),
            ])),
        ),
        problem: s.scrub(&c.title),
        achieved: c
            .wants
            .as_deref()
            .map(|t| s.scrub(t))
            .filter(|t| !t.trim().is_empty()),
    }
}

fn district(postcode: Option<&str>) -> Option<String> {
    let pc = normalise_postcode(postcode?)?;
    pc.split(' ').next().map(str::to_string)
}

/// The area a success may name; `None`: only "the ward".
fn area(
    kind: CaseKind,
    location: Option<&str>,
    postcode: Option<&str>,
    s: &Scrubber,
) -> Option<String> {
    if kind == CaseKind::CommunityIssue
        && let Some(loc) = location.map(squash_space).filter(|l| !l.is_empty())
        && !loc.chars().any(|c| c.is_ascii_digit())
        && s.scrub(&loc) == loc
    {
        return Some(loc);
    }
    district(postcode)
}

/// Removes the people on a case, and contact details, from free text.
pub struct Scrubber {
    /// (text to find, what replaces it, whole names only)
    names: Vec<(String, &'static str)>,
    addresses: Vec<String>,
}

impl Scrubber {
    pub fn new(people: &[(Role, Contact)]) -> Scrubber {
        let mut names: Vec<(String, &'static str)> = Vec::new();
        let mut addresses = Vec::new();
        for (role, c) in people {
            let with = match role {
                Role::Officer => OFFICER,
                Role::Agency => AGENCY,
                _ => RESIDENT,
            };
            let full = squash_space(&c.name);
            if !full.is_empty() {
                names.push((full.clone(), with));
            }
            if with == RESIDENT {
                for part in full.split([' ', '-']) {
                    let part = part.trim_matches(|ch: char| !ch.is_alphanumeric());
                    if part.chars().count() >= 2 && !TITLES.contains(&fold(part).as_str()) {
                        names.push((part.to_string(), with));
                    }
                }
            }
            if let Some(a) = c
                .address
                .as_deref()
                .map(squash_space)
                .filter(|a| !a.is_empty())
            {
                for line in a.split([',', '\n']).map(str::trim) {
                    if line.chars().any(|ch| ch.is_ascii_digit()) {
                        addresses.push(line.to_string());
                        // Their street without the number is theirs too.
                        let street = remove_house_numbers(line);
                        if street != line && street.chars().count() >= 4 {
                            addresses.push(street);
                        }
                    }
                }
                addresses.push(a);
            }
        }
        // Longest first, so "Siân Davies" goes before "Siân".
        names.sort_by_key(|(n, _)| std::cmp::Reverse(n.chars().count()));
        addresses.sort_by_key(|a| std::cmp::Reverse(a.chars().count()));
        Scrubber { names, addresses }
    }

    pub fn scrub(&self, text: &str) -> String {
        let mut t = remove_tokens(text);
        t = remove_phones(&t);
        for a in &self.addresses {
            t = replace_words(&t, a, REMOVED);
        }
        t = remove_house_numbers(&t);
        for (name, with) in &self.names {
            t = replace_words(&t, name, with);
        }
        for with in [RESIDENT, OFFICER, AGENCY] {
            for title in TITLES {
                t = replace_words(&t, &format!("{title}. {with}"), with);
                t = replace_words(&t, &format!("{title} {with}"), with);
            }
            let twice = format!("{with} {with}");
            while t.contains(&twice) {
                t = t.replace(&twice, with);
            }
        }
        squash_space(&t)
    }
}

fn same_letter(a: char, b: char) -> bool {
    a == b || a.to_lowercase().eq(b.to_lowercase()) || {
        let (fa, fb) = (fold(&a.to_string()), fold(&b.to_string()));
        fa == fb
    }
}

/// Replaces whole-word occurrences of `needle`, ignoring case and accents.
pub fn replace_words(text: &str, needle: &str, with: &str) -> String {
    let t: Vec<char> = text.chars().collect();
    let n: Vec<char> = needle.chars().collect();
    if n.is_empty() || n.len() > t.len() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < t.len() {
        let fits = i + n.len() <= t.len()
            && (i == 0 || !t[i - 1].is_alphanumeric())
            && (i + n.len() == t.len() || !t[i + n.len()].is_alphanumeric())
            && (0..n.len()).all(|k| same_letter(t[i + k], n[k]));
        if fits {
            out.push_str(with);
            i += n.len();
        } else {
            out.push(t[i]);
            i += 1;
        }
    }
    out
}

/// Removes email addresses and postcodes, token by token, keeping the
/// punctuation around them.
fn remove_tokens(text: &str) -> String {
    let not_alnum = |c: char| !c.is_alphanumeric();
    let core = |s: &str| s.trim_matches(not_alnum).to_string();
    let lead = |s: &str| s[..s.len() - s.trim_start_matches(not_alnum).len()].to_string();
    let trail = |s: &str| s[s.trim_end_matches(not_alnum).len()..].to_string();
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let tok = tokens[i];
        if tok.contains('@') {
            out.push(format!("{}{REMOVED}{}", lead(tok), trail(tok)));
            i += 1;
            continue;
        }
        if let Some(next) = tokens.get(i + 1)
            && core(tok).len() <= 4
            && normalise_postcode(&format!("{}{}", core(tok), core(next))).is_some()
        {
            out.push(format!("{}{REMOVED}{}", lead(tok), trail(next)));
            i += 2;
            continue;
        }
        if normalise_postcode(&core(tok)).is_some() {
            out.push(format!("{}{REMOVED}{}", lead(tok), trail(tok)));
        } else {
            out.push(tok.to_string());
        }
        i += 1;
    }
    out.join(" ")
}

/// Words that introduce a dwelling's number ("Flat 3", "No. 12", "Fflat 2").
const DWELLING: &[&str] = &[
    "flat",
    "apartment",
    "apt",
    "unit",
    "no",
    "number",
    "house",
    "fflat",
    "rhif",
    "ty",
];

/// True for a house number: "12", "12a", "12-14", "3B" (at most three
/// digits, so a year such as 2026 is not one), with a comma after it or not.
fn is_house_number(tok: &str) -> bool {
    let t = tok.trim_end_matches(',');
    let part = |p: &str| {
        let digits = p.chars().take_while(char::is_ascii_digit).count();
        let rest = &p[digits..];
        (1..=3).contains(&digits)
            && rest.chars().count() <= 1
            && rest.chars().all(|c| c.is_ascii_alphabetic())
    };
    !t.is_empty() && t.split(['-', '/']).all(part)
}

/// Drops house numbers, keeping the street or area: "at 12 Heol Fach" → "at
/// Heol Fach", "Flat 3, 12a Maes y Coed" → "Maes y Coed". A number counts as
/// a house number when a name follows it (a capital letter), or when a word
/// such as "Flat" or "No." comes before it.
fn remove_house_numbers(text: &str) -> String {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut out: Vec<&str> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let tok = tokens[i];
        let word = fold(tok.trim_matches(|c: char| !c.is_alphanumeric()));
        if DWELLING.contains(&word.as_str())
            && tokens.get(i + 1).is_some_and(|n| is_house_number(n))
        {
            i += 2;
            continue;
        }
        if is_house_number(tok)
            && tokens
                .get(i + 1)
                .and_then(|n| n.chars().next())
                .is_some_and(char::is_uppercase)
        {
            i += 1;
            continue;
        }
        out.push(tok);
        i += 1;
    }
    out.join(" ")
}

/// Removes runs that look like phone numbers: 7 or more digits, with spaces,
/// dashes, brackets or a leading +.
fn remove_phones(text: &str) -> String {
    let t: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < t.len() {
        if t[i].is_ascii_digit() || ((t[i] == '+' || t[i] == '(') && i + 1 < t.len()) {
            let mut j = i;
            let mut digits = 0;
            while j < t.len() && (t[j].is_ascii_digit() || " +-()".contains(t[j])) {
                if t[j].is_ascii_digit() {
                    digits += 1;
                }
                j += 1;
            }
            // Do not swallow the space after the number.
            while j > i && t[j - 1] == ' ' {
                j -= 1;
            }
            if digits >= 7 {
                out.push_str(REMOVED);
                i = j;
                continue;
            }
            out.extend(&t[i..j.max(i + 1)]);
            i = j.max(i + 1);
            continue;
        }
        out.push(t[i]);
        i += 1;
    }
    out
}

/// The successes as a document, for Markdown or text, in the catalogue's
/// language (`successes-*`).
pub fn successes_doc(list: &[Success], t: &Catalogue) -> Doc {
    let mut d = Doc::in_language(t);
    d.push(Block::Title(t.tr("successes-title", None)));
    d.push(Block::Note(t.tr("successes-intro", None)));
    if list.is_empty() {
        d.push(Block::Para(t.tr("successes-none", None)));
    }
    for s in list {
        d.push(Block::Heading(format!(
            "{} — {}, {}",
            s.category, s.area, s.month
        )));
        d.push(Block::Para(t.tr1(
            "successes-problem",
            "problem",
            s.problem.as_str(),
        )));
        if let Some(asked) = &s.achieved {
            d.push(Block::Para(t.tr1(
                "successes-asked",
                "asked",
                asked.as_str(),
            )));
        }
        d.push(Block::Para(t.tr("successes-outcome", None)));
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> (Role, Contact) {
        (
            Role::Constituent,
            Contact {
                address: Some("12 Heol y Coed, Cardiff".into()),
                ..Contact::named(name)
            },
        )
    }

    #[test]
    fn names_and_details_go() {
        let s = Scrubber::new(&[person("Siân Davies")]);
        let out = s.scrub(
            "Mrs Davies (sian.d@example.com, 029 2087 1234) at 12 Heol y Coed, CF10 5BF: \
             Sian's roof fixed",
        );
        assert!(!out.to_lowercase().contains("davies"), "{out}");
        assert!(!out.to_lowercase().contains("sian"), "{out}");
        assert!(!out.contains('@'), "{out}");
        assert!(!out.contains("2087"), "{out}");
        assert!(!out.contains("CF10"), "{out}");
        assert!(!out.contains("12 Heol"), "{out}");
        assert!(out.starts_with("a resident"), "{out}");
        assert!(out.contains("a resident's roof fixed"), "{out}");
    }

    /// Issue 12, item 12: "a resident at 12 Heol Fach" was published.
    #[test]
    fn house_numbers_go_the_street_stays() {
        let s = Scrubber::new(&[(Role::Constituent, Contact::named("Ann Lee"))]);
        assert_eq!(
            s.scrub("Ann Lee at 12 Heol Fach"),
            "a resident at Heol Fach"
        );
        assert_eq!(
            s.scrub("Damp at Flat 3, 12a Maes y Coed, fixed"),
            "Damp at Maes y Coed, fixed"
        );
        assert_eq!(
            s.scrub("Fence at 12-14 Station Road"),
            "Fence at Station Road"
        );
        assert_eq!(s.scrub("No. 7 Stryd Fawr: bins"), "Stryd Fawr: bins");
        // Numbers that are not house numbers stay.
        assert_eq!(
            s.scrub("In 2026 Council agreed 3 new bins"),
            "In 2026 Council agreed 3 new bins"
        );
    }

    #[test]
    fn words_inside_other_words_stay() {
        assert_eq!(replace_words("Alan and Al", "al", "X"), "Alan and X");
        assert_eq!(remove_phones("in 2026 at 10:30"), "in 2026 at 10:30");
        assert_eq!(remove_tokens("ask CF10 5BF."), "ask [removed].");
        assert_eq!(
            remove_tokens("(CF10 5BF) (a@b.cy)"),
            "([removed]) ([removed])"
        );
    }
}
