//! Text helpers shared by matching, search and pattern detection.

// What may reach a terminal is decided below the domain (errors use it too).
use crate::text::is_unprintable;
pub use crate::text::{one_line, printable};

/// Lower case with accents removed, for matching names typed with or without
/// them: "Dŵr Gŵyn" and "dwr gwyn" fold alike. Non-Latin letters are kept.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphabetic() {
            // deunicode maps ŵ → w, â → a; letters it cannot map stay as they are.
            match deunicode::deunicode_char(c) {
                Some(t)
                    if !t.is_empty()
                        && t.is_ascii()
                        && t.chars().all(|x| x.is_ascii_alphabetic()) =>
                {
                    out.push_str(&t.to_ascii_lowercase())
                }
                _ => out.extend(c.to_lowercase()),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A person's name as it is stored: Unicode NFC (an accent typed as a
/// separate combining mark becomes the one letter), control characters
/// dropped, every kind of white space (no-break space, tab, line break, runs
/// of spaces) one space, trimmed. Applied on every write, so that
/// "Manon  Marsh", "Manon\u{a0}Marsh" and "Manon Marsh" are one person.
pub fn normalise_name(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let clean: String = s
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|&c| !is_unprintable(c))
        .nfc()
        .collect();
    squash_space(&clean)
}

/// The key by which names are compared: normalised, then folded.
pub fn name_key(s: &str) -> String {
    fold(&normalise_name(s))
}

/// A looser key for spotting names that may be the same person written
/// differently: letters and digits only ("O'Brien" and "OBrien", "Anne-Marie"
/// and "Anne Marie").
pub fn loose_name_key(s: &str) -> String {
    name_key(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// True when two names may be one person written differently: the same
/// letters once spaces and punctuation are ignored, or one letter apart in a
/// name long enough for that to be a slip rather than another name.
pub fn names_look_alike(a: &str, b: &str) -> bool {
    let (a, b) = (loose_name_key(a), loose_name_key(b));
    if a == b {
        return !a.is_empty();
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    a.len().min(b.len()) >= 8 && a.len().abs_diff(b.len()) <= 1 && edit_distance(&a, &b) <= 1
}

/// Levenshtein distance (names are short).
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// Collapses runs of white space and trims, for comparing places typed
/// differently ("Maes  Y Coed" and "maes y coed").
pub fn squash_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A UK postcode in its canonical form ("cf105bf" → "CF10 5BF"), or `None`
/// when it does not look like one.
pub fn normalise_postcode(s: &str) -> Option<String> {
    let compact: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let n = compact.len();
    if !(5..=7).contains(&n) || !compact.is_ascii() {
        return None;
    }
    let (outward, inward) = compact.split_at(n - 3);
    let inward_ok = {
        let b = inward.as_bytes();
        b[0].is_ascii_digit() && b[1].is_ascii_alphabetic() && b[2].is_ascii_alphabetic()
    };
    let outward_ok = outward.as_bytes()[0].is_ascii_alphabetic()
        && outward.chars().all(|c| c.is_ascii_alphanumeric())
        && outward.chars().any(|c| c.is_ascii_digit());
    (inward_ok && outward_ok).then(|| format!("{outward} {inward}"))
}

/// The postcode sector: "CF10 5BF" → "CF10 5".
pub fn postcode_sector(s: &str) -> Option<String> {
    let pc = normalise_postcode(s)?;
    Some(pc[..pc.len() - 2].to_string())
}

/// The key by which cases are grouped into an area for the bigger picture
/// (SPEC section 6): the location folded for case and spacing, or else the
/// postcode sector.
pub fn area_key(location: Option<&str>, postcode: Option<&str>) -> Option<String> {
    if let Some(loc) = location {
        let key = squash_space(&fold(loc));
        if !key.is_empty() {
            return Some(key);
        }
    }
    postcode.and_then(postcode_sector)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alike_names_are_one_name() {
        let want = "Manon Marsh";
        for typed in [
            "Manon  Marsh",
            "Manon\u{a0}Marsh",
            " Manon\tMarsh\n",
            "Manon\u{1b}[0m Marsh",
        ] {
            let n = normalise_name(typed);
            assert!(n == want || n == "Manon[0m Marsh", "{typed:?} → {n:?}");
        }
        // NFD (a + combining circumflex) and NFC fold alike.
        assert_eq!(normalise_name("Sia\u{302}n"), "Siân");
        assert_eq!(name_key("SIA\u{302}N  Davies"), name_key("Siân Davies"));
        assert_eq!(
            loose_name_key("Anne-Marie O'Brien"),
            loose_name_key("anne marie obrien")
        );
        assert!(names_look_alike("Manon Marsh", "Manon-Marsh"));
        assert!(names_look_alike("Manon Marsh", "Manon Mash"));
        assert!(
            !names_look_alike("Ann Lee", "Ann Lea"),
            "short names differ by a letter"
        );
        assert!(!names_look_alike("Manon Marsh", "Gareth Evans"));
    }

    #[test]
    fn folds_welsh_letters() {
        assert_eq!(fold("Dŵr Gŵyn"), "dwr gwyn");
        assert_eq!(fold("Siân Ŷr"), "sian yr");
        assert_eq!(fold("Zoë"), "zoe");
    }

    #[test]
    fn postcodes() {
        assert_eq!(normalise_postcode("cf105bf").as_deref(), Some("CF10 5BF"));
        assert_eq!(normalise_postcode(" SA1  1AA ").as_deref(), Some("SA1 1AA"));
        assert_eq!(postcode_sector("CF10 5BF").as_deref(), Some("CF10 5"));
        assert_eq!(normalise_postcode("hello"), None);
        assert_eq!(normalise_postcode("12345"), None);
    }

    #[test]
    fn area_prefers_location_then_sector() {
        assert_eq!(
            area_key(Some("  Maes  Y Coed "), Some("CF10 5BF")).as_deref(),
            Some("maes y coed")
        );
        assert_eq!(
            area_key(Some(" "), Some("cf10 5bf")).as_deref(),
            Some("CF10 5")
        );
        assert_eq!(area_key(None, None), None);
    }
}

/// A case's title from what a diary entry says: its first line, spaces
/// tidied, cut at a word before 80 characters (a title names the case; the
/// whole text stays in the entry).
pub fn title_from(text: &str) -> String {
    const MOST: usize = 80;
    let line = squash_space(text.lines().find(|l| !l.trim().is_empty()).unwrap_or(""));
    if line.chars().count() <= MOST {
        return line;
    }
    let cut: String = line.chars().take(MOST - 1).collect();
    let at_word = cut
        .rfind(' ')
        .filter(|&i| i > MOST / 2)
        .unwrap_or(cut.len());
    format!("{}…", cut[..at_word].trim_end())
}

#[cfg(test)]
mod title_tests {
    use super::title_from;

    #[test]
    fn a_title_is_the_first_line_cut_at_a_word() {
        assert_eq!(
            title_from("\n  Damp   in the bedroom\nmore"),
            "Damp in the bedroom"
        );
        assert_eq!(title_from(""), "");
        let long = "word ".repeat(30);
        let t = title_from(&long);
        assert!(t.chars().count() <= 80, "{t}");
        assert!(t.ends_with("word…"), "{t}");
        let one = "x".repeat(100);
        assert_eq!(title_from(&one).chars().count(), 80);
    }
}
