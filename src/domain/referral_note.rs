//! The diary entry a referral writes, kept in one stored form (English, as
//! diaries have always held it) and read back as its facts, so that the
//! screens say it in the reader's language ([`crate::i18n::Catalogue::entry_text`]),
//! as follow-ups casebook wrote are (`followup`).

use chrono::NaiveDate;

use super::Instruction;

/// What a referral's diary entry says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralNote<'a> {
    /// The officer or agency, with their department or organisation.
    pub to: &'a str,
    pub instruction: Instruction,
    pub council_ref: Option<&'a str>,
    pub copied: bool,
    pub due: NaiveDate,
    /// The councillor's own words, kept as they are.
    pub note: Option<&'a str>,
}

const REFERRED: &str = "Referred to ";
const INSTRUCTION: &str = ". Instruction: ";
const COUNCIL_REF: &str = " Council reference ";
const COPIED: &str = " Constituent copied in.";
const DUE: &str = " Reply due ";

/// The stored form.
pub fn write(n: &ReferralNote) -> String {
    let mut text = format!(
        "{REFERRED}{}{INSTRUCTION}{}.",
        n.to,
        n.instruction.label().to_lowercase()
    );
    if let Some(cr) = n.council_ref {
        text += &format!("{COUNCIL_REF}{cr}.");
    }
    if n.copied {
        text += COPIED;
    }
    text += &format!("{DUE}{}.", n.due);
    if let Some(note) = n.note {
        text += &format!("\n{note}");
    }
    text
}

/// The facts of a stored referral entry; `None` for any other text (the
/// councillor's own words are never read as one).
pub fn read(stored: &str) -> Option<ReferralNote<'_>> {
    let (first, note) = match stored.split_once('\n') {
        Some((first, note)) => (first, Some(note)),
        None => (stored, None),
    };
    let rest = first.strip_prefix(REFERRED)?;
    let (to, rest) = rest.split_once(INSTRUCTION)?;
    let instruction = *Instruction::ALL.iter().find(|i| {
        rest.strip_prefix(i.label().to_lowercase().as_str())
            .is_some_and(|r| r.starts_with('.'))
    })?;
    let rest = &rest[instruction.label().to_lowercase().len() + 1..];
    let (middle, due) = rest.rsplit_once(DUE)?;
    let due = NaiveDate::parse_from_str(due.strip_suffix('.')?, "%Y-%m-%d").ok()?;
    let (middle, copied) = match middle.strip_suffix(COPIED) {
        Some(m) => (m, true),
        None => (middle, false),
    };
    let council_ref = match middle {
        "" => None,
        m => Some(m.strip_prefix(COUNCIL_REF)?.strip_suffix('.')?),
    };
    Some(ReferralNote {
        to,
        instruction,
        council_ref,
        copied,
        due,
        note,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_form_reads_back_as_its_facts() {
        let due = NaiveDate::from_ymd_opt(2026, 2, 25).expect("date");
        for n in [
            ReferralNote {
                to: "Rhian Hughes (Tai)",
                instruction: Instruction::ReplyCopyMe,
                council_ref: Some("TC-8812"),
                copied: true,
                due,
                note: Some("Ffoniwch hi.\nDiolch."),
            },
            ReferralNote {
                to: "Tai Cymru",
                instruction: Instruction::ALL[0],
                council_ref: None,
                copied: false,
                due,
                note: None,
            },
        ] {
            assert_eq!(read(&write(&n)), Some(n.clone()), "{}", write(&n));
        }
        assert_eq!(read("Referred to my neighbour about the hedge."), None);
        assert_eq!(read("Ffoniodd am y tamprwydd."), None);
    }
}
