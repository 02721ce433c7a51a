//! The words people write in their own spreadsheets, in English and Welsh,
//! for the import columns (SPEC section 4) and the values of every closed
//! list: domain data, kept apart from the code that reads files.
//!
//! Everything is compared by [`key`]: folded (case and accents ignored) with
//! everything but letters and digits dropped, so "Date received", "date_received"
//! and "DATE-RECEIVED:" are one key.

use super::kinds::{CaseKind, CaseStatus, Channel, Outcome};
use super::text::fold;

/// The comparison key of a header or a value.
pub fn key(s: &str) -> String {
    fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The headers people write for each import column. The column's own name
/// (in any case or spacing) is always recognised as well.
pub const HEADERS: &[(&str, &[&str])] = &[
    (
        "reference",
        &[
            "ref",
            "case ref",
            "case reference",
            "case number",
            "case no",
            "our ref",
            "cyfeirnod",
        ],
    ),
    (
        "opened",
        &[
            "date",
            "date received",
            "received",
            "date opened",
            "opened on",
            "open date",
            "date raised",
            "raised",
            "start date",
            "date reported",
            "reported",
            "dyddiad",
            "dyddiad agor",
        ],
    ),
    (
        "closed",
        &[
            "date closed",
            "closed on",
            "close date",
            "date resolved",
            "resolved on",
            "end date",
            "completed",
            "date completed",
            "dyddiad cau",
        ],
    ),
    (
        "title",
        &[
            "issue", "problem", "subject", "summary", "query", "enquiry", "case", "pwnc", "teitl",
            "mater",
        ],
    ),
    (
        "kind",
        &[
            "case kind",
            "case type",
            "type of case",
            "kind of case",
            "math",
        ],
    ),
    (
        "category",
        &[
            "categories",
            "issue type",
            "type of issue",
            "topic",
            "service",
            "department",
            "categori",
            "maes",
        ],
    ),
    (
        "channel",
        &[
            "how contacted",
            "contacted by",
            "contact method",
            "method",
            "source",
            "how received",
            "received by",
            "sianel",
        ],
    ),
    ("status", &["state", "progress", "statws", "cyflwr"]),
    ("outcome", &["result", "resolution", "canlyniad"]),
    (
        "satisfaction",
        &["rating", "satisfaction score", "feedback score", "boddhad"],
    ),
    (
        "location",
        &[
            "ward",
            "area",
            "street",
            "place",
            "estate",
            "road",
            "lleoliad",
            "ardal",
            "stryd",
            "ward name",
        ],
    ),
    ("postcode", &["post code", "postal code", "zip", "cod post"]),
    (
        "constituent_name",
        &[
            "name",
            "full name",
            "constituent",
            "resident",
            "client",
            "contact",
            "contact name",
            "person",
            "enw",
            "enw llawn",
            "etholwr",
            "preswylydd",
        ],
    ),
    (
        "constituent_email",
        &[
            "email",
            "email address",
            "e mail",
            "e-bost",
            "ebost",
            "cyfeiriad e-bost",
        ],
    ),
    (
        "constituent_phone",
        &[
            "phone",
            "phone number",
            "tel",
            "tel no",
            "telephone",
            "telephone number",
            "mobile",
            "mobile number",
            "contact number",
            "ffon",
            "rhif ffon",
        ],
    ),
    (
        "constituent_address",
        &["address", "home address", "full address", "cyfeiriad"],
    ),
    ("gender", &["sex", "rhyw"]),
    (
        "age_band",
        &["age", "age group", "age range", "oed", "grwp oedran"],
    ),
    (
        "ethnicity",
        &["ethnic group", "ethnic origin", "ethnigrwydd"],
    ),
    (
        "employment_status",
        &["employment", "work status", "working status", "cyflogaeth"],
    ),
    (
        "on_behalf_of",
        &["behalf of", "for", "raised for", "on behalf", "ar ran"],
    ),
    (
        "notes",
        &[
            "note",
            "details",
            "detail",
            "description",
            "action",
            "actions",
            "action taken",
            "comments",
            "comment",
            "facts",
            "nodiadau",
            "manylion",
            "disgrifiad",
        ],
    ),
];

/// The import column a header names, if any.
pub fn column_for_header(header: &str) -> Option<&'static str> {
    let k = key(header);
    if k.is_empty() {
        return None;
    }
    header_keys()
        .iter()
        .find_map(|(column, keys)| keys.contains(&k).then_some(*column))
}

/// Each column's name and the headers people write for it, as keys: folded
/// once, not for every header of every file (the fuzzer found this was most
/// of an import's time for a file with many unknown headers).
fn header_keys() -> &'static [(&'static str, Vec<String>)] {
    static KEYS: std::sync::OnceLock<Vec<(&'static str, Vec<String>)>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        HEADERS
            .iter()
            .map(|(column, words)| {
                let keys = std::iter::once(*column)
                    .chain(words.iter().copied())
                    .map(key)
                    .collect();
                (*column, keys)
            })
            .collect()
    })
}

/// The columns whose names are nearest to an unknown header, best first.
pub fn nearest_columns(header: &str, columns: &[&'static str]) -> Vec<&'static str> {
    let k = key(header);
    let limit = close_enough(&k);
    let len = k.chars().count();
    let mut scored: Vec<(usize, &'static str)> = columns
        .iter()
        .filter_map(|&column| {
            let own = [key(column)];
            let keys = header_keys()
                .iter()
                .find(|(c, _)| *c == column)
                .map_or(&own[..], |(_, keys)| &keys[..]);
            keys.iter()
                // Never nearer than their difference in length: a long
                // header is compared with nothing, in no time.
                .filter(|w| w.chars().count().abs_diff(len) <= limit)
                .map(|w| distance(&k, w))
                .min()
                .filter(|&d| d <= limit)
                .map(|d| (d, column))
        })
        .collect();
    scored.sort();
    scored.into_iter().map(|(_, c)| c).take(3).collect()
}

/// A closed list whose values people write in their own words.
pub trait Choice: Copy + 'static {
    /// Every value, with its contract name and display words.
    fn all() -> &'static [Self];
    fn name(self) -> &'static str;
    fn words(self) -> &'static str;
    /// Further words people write, in English and Welsh.
    fn synonyms() -> &'static [(Self, &'static [&'static str])];
}

macro_rules! choice {
    ($t:ty, $syn:expr) => {
        impl Choice for $t {
            fn all() -> &'static [Self] {
                <$t>::ALL
            }
            fn name(self) -> &'static str {
                self.as_str()
            }
            fn words(self) -> &'static str {
                self.label()
            }
            fn synonyms() -> &'static [(Self, &'static [&'static str])] {
                $syn
            }
        }
    };
}

choice!(
    Outcome,
    &[
        (
            Outcome::Resolved,
            &[
                "yes",
                "y",
                "done",
                "fixed",
                "sorted",
                "success",
                "successful",
                "complete",
                "completed",
                "satisfied",
                "datryswyd",
                "wedi datrys",
                "ie",
            ],
        ),
        (
            Outcome::PartlyResolved,
            &[
                "partly",
                "partial",
                "partially",
                "partially resolved",
                "rhannol"
            ],
        ),
        (
            Outcome::NotResolved,
            &[
                "no",
                "n",
                "unresolved",
                "not fixed",
                "failed",
                "unsuccessful",
                "heb ddatrys",
                "na",
            ],
        ),
        (
            Outcome::Withdrawn,
            &[
                "cancelled",
                "canceled",
                "dropped",
                "no longer needed",
                "tynnwyd yn ol"
            ],
        ),
        (
            Outcome::ReferredElsewhere,
            &["referred", "passed on", "signposted", "cyfeiriwyd"],
        ),
    ]
);

choice!(
    CaseStatus,
    &[
        (
            CaseStatus::Open,
            &[
                "new",
                "active",
                "ongoing",
                "in progress",
                "live",
                "pending",
                "agored"
            ],
        ),
        (
            CaseStatus::WaitingCouncil,
            &[
                "waiting council",
                "with council",
                "with the council",
                "awaiting council",
                "chased",
                "referred to council",
            ],
        ),
        (
            CaseStatus::WaitingConstituent,
            &[
                "waiting constituent",
                "awaiting constituent",
                "waiting resident",
                "with resident",
                "with constituent",
            ],
        ),
        (
            CaseStatus::WaitingOther,
            &["waiting", "on hold", "awaiting", "awaiting reply", "aros"],
        ),
        (
            CaseStatus::Closed,
            &[
                "complete",
                "completed",
                "finished",
                "done",
                "ended",
                "ar gau",
                "wedi cau"
            ],
        ),
    ]
);

choice!(
    CaseKind,
    &[
        (
            CaseKind::DirectQuery,
            &["direct", "query", "enquiry", "question"]
        ),
        (
            CaseKind::IndirectQuery,
            &[
                "indirect",
                "on behalf",
                "on behalf of someone",
                "third party"
            ],
        ),
        (CaseKind::Complaint, &["complain", "cwyn"]),
        (
            CaseKind::ServiceRequest,
            &["request", "service", "report", "cais"],
        ),
        (
            CaseKind::CommunityIssue,
            &["community", "campaign", "local issue", "cymuned"],
        ),
    ]
);

choice!(
    Channel,
    &[
        (
            Channel::Phone,
            &["telephone", "tel", "call", "phone call", "mobile", "ffon"],
        ),
        (Channel::Email, &["e mail", "e-bost", "ebost"]),
        (Channel::Letter, &["post", "written", "llythyr"]),
        (
            Channel::InPerson,
            &["face to face", "in person", "met", "wyneb yn wyneb"]
        ),
        (
            Channel::Surgery,
            &["advice surgery", "surgery visit", "cymhorthfa"],
        ),
        (
            Channel::Doorstep,
            &[
                "door",
                "door knock",
                "canvassing",
                "on the doorstep",
                "ar y stepen drws"
            ],
        ),
        (
            Channel::SocialMedia,
            &[
                "facebook",
                "twitter",
                "x",
                "instagram",
                "whatsapp",
                "social",
                "cyfryngau cymdeithasol"
            ],
        ),
        (
            Channel::OnlineForm,
            &["web", "website", "online", "form", "web form", "ffurflen"],
        ),
        (Channel::Campaign, &["petition", "ymgyrch"]),
        (Channel::Other, &["arall"]),
    ]
);

/// The value of a closed list that `s` means, in any of its spellings: the
/// contract name, the display words, or a synonym.
pub fn choice<T: Choice>(s: &str) -> Option<T> {
    let k = key(s);
    if k.is_empty() {
        return None;
    }
    T::all()
        .iter()
        .copied()
        .find(|v| key(v.name()) == k || key(v.words()) == k)
        .or_else(|| {
            T::synonyms()
                .iter()
                .find(|(_, words)| words.iter().any(|w| key(w) == k))
                .map(|(v, _)| *v)
        })
}

/// The nearest value to a misspelt `s`, for "did you mean".
pub fn nearest_choice<T: Choice>(s: &str) -> Option<T> {
    let k = key(s);
    let mut candidates: Vec<(T, &'static str)> = Vec::new();
    for &v in T::all() {
        candidates.push((v, v.name()));
        candidates.push((v, v.words()));
    }
    for (v, words) in T::synonyms() {
        candidates.extend(words.iter().map(|w| (*v, *w)));
    }
    nearest(&k, candidates)
}

/// Category words people write, for the default categories. A category
/// added in config is recognised by its own name.
pub const CATEGORIES: &[(&str, &[&str])] = &[
    (
        "housing",
        &[
            "house", "houses", "home", "homes", "repairs", "damp", "mould", "tai", "tenancy",
        ],
    ),
    (
        "social_services",
        &[
            "social care",
            "social work",
            "adult social care",
            "childrens services",
            "care",
            "gwasanaethau cymdeithasol",
        ],
    ),
    (
        "benefits",
        &[
            "benefit",
            "universal credit",
            "housing benefit",
            "welfare",
            "budd-daliadau",
        ],
    ),
    ("council_tax", &["ctax", "c tax", "treth gyngor"]),
    (
        "highways",
        &[
            "roads",
            "road",
            "potholes",
            "pothole",
            "pavements",
            "pavement",
            "streetlights",
            "street lighting",
            "ffyrdd",
            "priffyrdd",
        ],
    ),
    ("parking", &["car parking", "parcio"]),
    (
        "waste",
        &[
            "bins",
            "bin",
            "rubbish",
            "refuse",
            "recycling",
            "fly tipping",
            "flytipping",
            "litter",
            "waste collection",
            "sbwriel",
            "gwastraff",
            "biniau",
        ],
    ),
    (
        "planning",
        &["planning application", "development", "cynllunio"],
    ),
    (
        "anti_social_behaviour",
        &[
            "asb",
            "antisocial",
            "anti social",
            "anti-social behaviour",
            "antisocial behavior",
            "nuisance",
            "noise",
            "ymddygiad gwrthgymdeithasol",
        ],
    ),
    (
        "environment",
        &[
            "environmental",
            "trees",
            "parks",
            "green spaces",
            "dog fouling",
            "amgylchedd",
        ],
    ),
    ("education", &["schools", "school", "addysg", "ysgol"]),
    ("health", &["nhs", "gp", "iechyd"]),
    (
        "transport",
        &["buses", "bus", "trains", "public transport", "trafnidiaeth"],
    ),
    (
        "licensing",
        &["licence", "license", "licenses", "licences", "trwyddedu"],
    ),
    ("other", &["misc", "miscellaneous", "general", "arall"]),
];

/// The configured category `s` means, by its name, its words, or a synonym.
pub fn category(s: &str, categories: &[String]) -> Option<String> {
    let k = key(s);
    if k.is_empty() {
        return None;
    }
    if let Some(c) = categories.iter().find(|c| key(c) == k) {
        return Some(c.clone());
    }
    CATEGORIES
        .iter()
        .find(|(_, words)| words.iter().any(|w| key(w) == k))
        .map(|(c, _)| c.to_string())
        .filter(|c| categories.contains(c))
}

/// The nearest configured category to a misspelt `s`.
pub fn nearest_category(s: &str, categories: &[String]) -> Option<String> {
    let k = key(s);
    let mut candidates: Vec<(&str, &str)> = categories
        .iter()
        .map(|c| (c.as_str(), c.as_str()))
        .collect();
    for (c, words) in CATEGORIES {
        if categories.iter().any(|x| x == c) {
            candidates.extend(words.iter().map(|w| (*c, *w)));
        }
    }
    nearest(&k, candidates).map(String::from)
}

/// Words in a yes/no column.
pub fn yes_no(s: &str) -> Option<bool> {
    match key(s).as_str() {
        "yes" | "y" | "true" | "1" | "ie" | "do" | "agreed" => Some(true),
        "no" | "n" | "false" | "0" | "na" | "naddo" => Some(false),
        _ => None,
    }
}

/// The candidate whose spelling is nearest to the key `k`, if it is near
/// enough to be what was meant.
fn nearest<T: Copy>(k: &str, candidates: Vec<(T, &str)>) -> Option<T> {
    candidates
        .into_iter()
        .map(|(v, w)| (distance(k, &key(w)), v))
        .filter(|(d, _)| *d <= close_enough(k))
        .min_by_key(|(d, _)| *d)
        .map(|(_, v)| v)
}

/// How many edits a key of this length may be from its word and still be a
/// likely typo.
fn close_enough(k: &str) -> usize {
    (k.chars().count() / 3).clamp(1, 3)
}

/// Levenshtein distance, by characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(cur).min(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::DEFAULT_CATEGORIES;

    fn cats() -> Vec<String> {
        DEFAULT_CATEGORIES.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn headers_people_write() {
        for (header, column) in [
            ("Date", "opened"),
            ("Date received", "opened"),
            ("OPENED", "opened"),
            ("Name", "constituent_name"),
            ("Enw", "constituent_name"),
            ("Resident", "constituent_name"),
            ("Address", "constituent_address"),
            ("Cyfeiriad", "constituent_address"),
            ("Tel.", "constituent_phone"),
            ("Ffôn", "constituent_phone"),
            ("E-bost", "constituent_email"),
            ("E-mail", "constituent_email"),
            ("Issue", "title"),
            ("Pwnc", "title"),
            ("Action", "notes"),
            ("Ward", "location"),
            ("Post Code", "postcode"),
            ("Constituent_Name", "constituent_name"),
        ] {
            assert_eq!(column_for_header(header), Some(column), "{header}");
        }
        assert_eq!(column_for_header("Favourite colour"), None);
        assert_eq!(column_for_header("  "), None);
    }

    #[test]
    fn nearest_columns_for_a_typo() {
        let all: Vec<&'static str> = HEADERS.iter().map(|(c, _)| *c).collect();
        assert_eq!(
            nearest_columns("Adress", &all).first(),
            Some(&"constituent_address")
        );
        assert_eq!(
            nearest_columns("Telefone", &all).first(),
            Some(&"constituent_phone")
        );
        assert!(nearest_columns("Favourite colour", &all).is_empty());
    }

    #[test]
    fn values_people_write() {
        assert_eq!(
            choice::<Outcome>("Resolved satisfactorily"),
            Some(Outcome::Resolved)
        );
        assert_eq!(choice::<Outcome>("resolved"), Some(Outcome::Resolved));
        assert_eq!(choice::<Outcome>("Yes"), Some(Outcome::Resolved));
        assert_eq!(
            choice::<Outcome>("Partly resolved"),
            Some(Outcome::PartlyResolved)
        );
        assert_eq!(
            choice::<CaseStatus>("Waiting"),
            Some(CaseStatus::WaitingOther)
        );
        assert_eq!(
            choice::<CaseStatus>("Waiting for the council"),
            Some(CaseStatus::WaitingCouncil)
        );
        assert_eq!(choice::<Channel>("E-mail"), Some(Channel::Email));
        assert_eq!(choice::<Channel>("In-Person"), Some(Channel::InPerson));
        assert_eq!(choice::<CaseKind>("Complaint"), Some(CaseKind::Complaint));
        assert_eq!(choice::<Outcome>("Maybe"), None);
        assert_eq!(
            category("ASB", &cats()).as_deref(),
            Some("anti_social_behaviour")
        );
        assert_eq!(category("Bins", &cats()).as_deref(), Some("waste"));
        assert_eq!(category("Rubbish", &cats()).as_deref(), Some("waste"));
        assert_eq!(
            category("Council Tax", &cats()).as_deref(),
            Some("council_tax")
        );
        assert_eq!(category("Fly-tipping", &cats()).as_deref(), Some("waste"));
        // A synonym for a category the config does not have is not taken.
        assert_eq!(category("Bins", &["housing".to_string()]), None);
    }

    #[test]
    fn nearest_values() {
        assert_eq!(
            nearest_choice::<Outcome>("resovled"),
            Some(Outcome::Resolved)
        );
        assert_eq!(
            nearest_choice::<CaseStatus>("wating"),
            Some(CaseStatus::WaitingOther)
        );
        assert_eq!(
            nearest_category("housng", &cats()).as_deref(),
            Some("housing")
        );
        assert_eq!(nearest_category("zzzzzzzzzz", &cats()), None);
    }

    #[test]
    fn every_synonym_is_unambiguous() {
        // One spelling never means two values of a list.
        fn check<T: Choice + PartialEq + std::fmt::Debug>() {
            let mut seen: Vec<(String, T)> = Vec::new();
            for &v in T::all() {
                seen.push((key(v.name()), v));
                seen.push((key(v.words()), v));
            }
            for (v, words) in T::synonyms() {
                seen.extend(words.iter().map(|w| (key(w), *v)));
            }
            for (k, v) in &seen {
                for (k2, v2) in &seen {
                    assert!(k != k2 || v == v2, "`{k}` means {v:?} and {v2:?}");
                }
            }
        }
        check::<Outcome>();
        check::<CaseStatus>();
        check::<CaseKind>();
        check::<Channel>();
        let mut headers: Vec<(String, &str)> = Vec::new();
        for (c, words) in HEADERS {
            headers.push((key(c), c));
            headers.extend(words.iter().map(|w| (key(w), *c)));
        }
        for (k, c) in &headers {
            for (k2, c2) in &headers {
                assert!(k != k2 || c == c2, "header `{k}` means {c} and {c2}");
            }
        }
    }
}
