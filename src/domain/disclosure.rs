//! What a subject access export discloses (SPEC section 7, docs/privacy.md).
//!
//! The requester is owed their own personal data, not every record that
//! touches them. A case often holds another constituent's data too: the
//! sister who raised an indirect query gave her postcode, her account, her
//! feedback; the neighbour who complained wrote about the requester among
//! other things. The ICO's guidance lets a controller withhold such
//! third-party data where disclosing it would not be reasonable without that
//! person's consent: this module decides, field by field, and every
//! withholding is listed in the export with its reason, so the councillor can
//! release more by hand (with consent) and the requester knows something was
//! held back.

use serde::Serialize;

use super::text::fold;
use super::{ContactKind, Role};

/// How the requester stands to a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// They raised it (`constituent`): the case's words are theirs.
    Own,
    /// It was raised for them by someone else (`on_behalf_of`): the matter
    /// is theirs, the raiser's account and details are not.
    Subject,
    /// They are on it as an officer, agency or other party: only what is
    /// about them (their entries, referrals to them).
    Party,
    /// They are not on it; its text names them: only the passages that do.
    Mentioned,
}

impl Standing {
    pub fn of(role: Role) -> Standing {
        match role {
            Role::Constituent => Standing::Own,
            Role::OnBehalfOf => Standing::Subject,
            Role::Officer | Role::Agency | Role::Other => Standing::Party,
        }
    }

    /// The closer of two standings (a person on a case twice).
    pub fn closer(self, other: Standing) -> Standing {
        let rank = |s: Standing| match s {
            Standing::Own => 0,
            Standing::Subject => 1,
            Standing::Party => 2,
            Standing::Mentioned => 3,
        };
        if rank(other) < rank(self) {
            other
        } else {
            self
        }
    }
}

/// A case's fields that may hold someone else's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseField {
    Title,
    Location,
    Postcode,
    Facts,
    Wants,
    History,
    OthersInvolved,
    /// The satisfaction score and the feedback text: the raiser's.
    Feedback,
    ConsentToShare,
}

impl CaseField {
    pub const ALL: [CaseField; 9] = [
        CaseField::Title,
        CaseField::Location,
        CaseField::Postcode,
        CaseField::Facts,
        CaseField::Wants,
        CaseField::History,
        CaseField::OthersInvolved,
        CaseField::Feedback,
        CaseField::ConsentToShare,
    ];
}

/// Why something was withheld.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Another person's personal data (UK GDPR art. 15(4); DPA 2018 sch. 2
    /// para. 16): not disclosed without their consent.
    ThirdParty,
}

/// Whether the requester is given `field` of a case they stand to so.
pub fn discloses(standing: Standing, field: CaseField) -> bool {
    match standing {
        Standing::Own => true,
        // The matter (what it is about, where) is theirs; the raiser's
        // postcode, account, wishes, feedback and consent are the raiser's.
        Standing::Subject => matches!(field, CaseField::Title | CaseField::Location),
        Standing::Party => matches!(field, CaseField::Title),
        Standing::Mentioned => false,
    }
}

/// Who a diary entry, follow-up or referral is with, as far as disclosure
/// cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum With {
    /// The requester.
    Requester,
    /// Someone else, of this kind.
    Other(ContactKind),
    /// No one recorded (the councillor's own note).
    NoOne,
}

/// Whether an entry (or follow-up) on a case the requester stands to so is
/// disclosed whole. Another constituent's words are theirs; an officer's or
/// the councillor's notes about the requester's matter are the requester's.
pub fn discloses_entry(standing: Standing, with: With) -> bool {
    match with {
        With::Requester => true,
        With::Other(ContactKind::Constituent | ContactKind::Other) => false,
        With::Other(_) | With::NoOne => matches!(standing, Standing::Own | Standing::Subject),
    }
}

/// The sentences of `text` that name the person (any of `identifiers`:
/// name, email, phone; compared folded, so case and accents do not matter).
/// What a mention discloses: the passage about them, not the rest.
pub fn passages_naming(text: &str, identifiers: &[String]) -> Vec<String> {
    let keys: Vec<String> = identifiers
        .iter()
        .map(|i| fold(i.trim()))
        .filter(|k| k.chars().count() >= 4)
        .collect();
    if keys.is_empty() {
        return Vec::new();
    }
    sentences(text)
        .filter(|s| {
            let f = fold(s);
            keys.iter().any(|k| f.contains(k.as_str()))
        })
        .map(str::to_string)
        .collect()
}

/// Sentences: split after `.`, `!`, `?` followed by a space, and at line breaks.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut start = 0;
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            let at_break = matches!(c, '.' | '!' | '?')
                && chars.get(k + 1).is_none_or(|&(_, n)| n.is_whitespace());
            if at_break {
                let end = i + c.len_utf8();
                out.push(&line[start..end]);
                start = end;
            }
        }
        out.push(&line[start..]);
    }
    out.into_iter().map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_raiser_sees_everything_the_subject_the_matter() {
        for f in CaseField::ALL {
            assert!(discloses(Standing::Own, f));
            assert!(!discloses(Standing::Mentioned, f));
        }
        assert!(discloses(Standing::Subject, CaseField::Title));
        assert!(!discloses(Standing::Subject, CaseField::Postcode));
        assert!(!discloses(Standing::Subject, CaseField::Feedback));
        assert!(!discloses(Standing::Party, CaseField::Facts));
    }

    #[test]
    fn another_constituents_entries_are_theirs() {
        let neighbour = With::Other(ContactKind::Constituent);
        for s in [Standing::Own, Standing::Subject, Standing::Party] {
            assert!(!discloses_entry(s, neighbour));
            assert!(discloses_entry(s, With::Requester));
        }
        assert!(discloses_entry(
            Standing::Subject,
            With::Other(ContactKind::Officer)
        ));
        assert!(!discloses_entry(Standing::Party, With::NoOne));
    }

    #[test]
    fn only_the_sentences_naming_the_person() {
        let text = "Mair cannot sleep. Neighbour Islwyn Roberts plays loud music! Mair's daughter has exams.\nAgain: ISLWYN ROBERTS had a party";
        assert_eq!(
            passages_naming(text, &["Islwyn Roberts".to_string()]),
            vec![
                "Neighbour Islwyn Roberts plays loud music!".to_string(),
                "Again: ISLWYN ROBERTS had a party".to_string()
            ]
        );
        assert!(passages_naming("Dr. Who", &["Ann".to_string()]).is_empty());
    }
}
