//! What a follow-up is for, when casebook wrote it itself.
//!
//! `casebook log --follow-up` (and the same in the UI) adds a follow-up
//! whose text says who to follow up and the first line of the entry. The
//! diary keeps that as one stored sentence in a fixed form,
//! `Follow up with <name>: <first line>`, which every diary written so far
//! already holds and which sync and exports carry unchanged; this module
//! is the one place that writes and reads the form. A reader shows it in
//! the reading language from the facts it holds (the person and their
//! words: [`FollowUpWhat::With`], `follow-up-with` in the catalogue); a
//! follow-up someone typed is shown as they typed it.

/// What a stored follow-up text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUpWhat<'a> {
    /// Made by casebook: follow up with this person about their words.
    With { name: &'a str, what: &'a str },
    /// Typed by the user, in their own words.
    Own(&'a str),
}

/// The fixed stored form's opening, before the person's name.
const WITH: &str = "Follow up with ";

/// How many characters of the entry's first line are kept.
const KEEP: usize = 60;

/// The stored text of a follow-up made from an entry with `name`: the
/// entry's first line, cut to a readable length.
pub fn stored_with(name: &str, entry_text: &str) -> String {
    let first = entry_text.lines().next().unwrap_or("").trim();
    let cut: String = first.chars().take(KEEP).collect();
    let ellipsis = if first.chars().count() > KEEP {
        "…"
    } else {
        ""
    };
    format!("{WITH}{name}: {cut}{ellipsis}")
}

/// Reads a stored follow-up text: the fixed form gives its facts (the
/// follow-up's contact, when known, even if their name holds ": "); any
/// other text is the user's words. Typed in the same form, it means the
/// same, and reads the same way.
pub fn read<'a>(stored: &'a str, contact: Option<&str>) -> FollowUpWhat<'a> {
    let own = FollowUpWhat::Own(stored);
    let Some(rest) = stored.strip_prefix(WITH) else {
        return own;
    };
    let named = contact.and_then(|name| {
        let what = rest.strip_prefix(name)?.strip_prefix(": ")?;
        Some(FollowUpWhat::With {
            name: &rest[..name.len()],
            what,
        })
    });
    named
        .or_else(|| {
            let (name, what) = rest.split_once(": ")?;
            (!name.trim().is_empty()).then_some(FollowUpWhat::With { name, what })
        })
        .unwrap_or(own)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_form_reads_back_as_its_facts() {
        let s = stored_with("Siân Davies", "Bins missed again\nand again");
        assert_eq!(s, "Follow up with Siân Davies: Bins missed again");
        assert_eq!(
            read(&s, Some("Siân Davies")),
            FollowUpWhat::With {
                name: "Siân Davies",
                what: "Bins missed again"
            }
        );
        let long = stored_with("Ann", &"x".repeat(61));
        assert!(long.ends_with("x…"), "{long}");
    }

    #[test]
    fn typed_words_stay_as_they_are() {
        assert_eq!(
            read("Ring back", Some("Ann")),
            FollowUpWhat::Own("Ring back")
        );
        assert_eq!(
            read("Follow up with", None),
            FollowUpWhat::Own("Follow up with")
        );
        // The same form typed by hand means the same thing.
        assert_eq!(
            read("Follow up with the council: chase the survey", None),
            FollowUpWhat::With {
                name: "the council",
                what: "chase the survey"
            }
        );
    }

    #[test]
    fn the_contact_decides_where_a_name_ends() {
        let s = stored_with("Ann: the neighbour", "rang: bins");
        assert_eq!(
            read(&s, Some("Ann: the neighbour")),
            FollowUpWhat::With {
                name: "Ann: the neighbour",
                what: "rang: bins"
            }
        );
        // Without it, the first ": " ends the name.
        assert_eq!(
            read(&s, None),
            FollowUpWhat::With {
                name: "Ann",
                what: "the neighbour: rang: bins"
            }
        );
    }
}
