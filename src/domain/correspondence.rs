//! Correspondence policy (SPEC section 10): how an email's subject names a
//! case, and how a draft's subject carries it so the reply files itself.

/// The case reference in a subject written as `[2026-0042]`, the form
/// casebook's own drafts use; the first one wins.
pub fn case_reference_in(subject: &str) -> Option<String> {
    let mut rest = subject;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        if let Some(close) = after.find(']') {
            let inside = after[..close].trim();
            if is_reference(inside) {
                return Some(inside.to_string());
            }
        }
        rest = after;
    }
    None
}

/// `YYYY-NNNN` (four or more digits after the year).
fn is_reference(s: &str) -> bool {
    let Some((year, number)) = s.split_once('-') else {
        return false;
    };
    year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && number.len() >= 4
        && number.len() <= 6
        && number.bytes().all(|b| b.is_ascii_digit())
}

/// A subject ending in the case reference, added once.
pub fn subject_with_reference(subject: &str, reference: &str) -> String {
    if case_reference_in(subject).as_deref() == Some(reference) {
        return subject.to_string();
    }
    format!("{} [{reference}]", subject.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bracketed_reference_is_found() {
        assert_eq!(
            case_reference_in("Re: Damp [2026-0042] again").as_deref(),
            Some("2026-0042")
        );
        assert_eq!(case_reference_in("[URGENT] 2026-0042"), None);
        assert_eq!(case_reference_in("[2026-42]"), None);
        assert_eq!(
            case_reference_in("[x] [2025-0001]").as_deref(),
            Some("2025-0001")
        );
    }

    #[test]
    fn the_reference_is_added_once() {
        assert_eq!(
            subject_with_reference("Damp", "2026-0042"),
            "Damp [2026-0042]"
        );
        assert_eq!(
            subject_with_reference("Re: Damp [2026-0042]", "2026-0042"),
            "Re: Damp [2026-0042]"
        );
    }
}
