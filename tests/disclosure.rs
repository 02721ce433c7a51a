//! What a subject access export discloses (issue 12, items 4, 5 and 14):
//! the requester's own data, never another constituent's; the cases that
//! merely mention them, found and listed with the rest withheld; and people
//! entered twice under look-alike names never missed.

mod common;

use casebook::config::Config;
use casebook::domain::{Case, CaseKind, Contact, ContactKind, Entry, EntryKind, Id, Role};
use casebook::store::Store;
use chrono::NaiveDate;
use common::{Sandbox, stderr, stdout};
use serde_json::Value;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

fn person(s: &mut Store, name: &str, postcode: &str, kind: ContactKind) -> Id<Contact> {
    s.add_contact(&Contact {
        name: name.into(),
        kind: Some(kind),
        postcode: some(postcode),
        ..Contact::default()
    })
    .expect("contact")
    .id
}

fn entry(s: &mut Store, case: Option<Id<Case>>, who: Option<Id<Contact>>, text: &str) {
    s.add_entry(&Entry {
        case,
        contact: who,
        kind: EntryKind::CallIn,
        at: d(2026, 2, 2).and_hms_opt(10, 0, 0).expect("time"),
        text: text.into(),
        confidential: false,
        surgery: None,
    })
    .expect("entry");
}

/// Gwen raised an indirect query for her brother Islwyn (her postcode, her
/// words, her feedback, her calls). Mair's complaint names Islwyn in its facts
/// and in an entry. A council officer is on Gwen's case.
fn fill(sb: &Sandbox) {
    let cats = Config::default().categories();
    let mut s = Store::open(&sb.db).expect("open");
    let islwyn = person(
        &mut s,
        "Islwyn Roberts",
        "CF10 1AA",
        ContactKind::Constituent,
    );
    let gwen = person(
        &mut s,
        "Gwenllian Pryce",
        "SA1 1AA",
        ContactKind::Constituent,
    );
    let mair = person(&mut s, "Mair Thomas", "LL57 2DG", ContactKind::Constituent);
    let officer = person(&mut s, "Rhys Officer", "CF10 4UW", ContactKind::Officer);
    let mut care = Case::new("Care package for Islwyn", d(2026, 2, 1));
    care.kind = CaseKind::IndirectQuery;
    care.category = "social_services".into();
    care.postcode = some("SA1 1AA");
    care.facts = some("Gwenllian says her brother cannot manage the stairs; she works nights.");
    care.wants = some("Gwenllian wants a carer four times a day");
    care.feedback = some("Gwenllian: slow but got there");
    care.satisfaction = Some(3);
    let care = s
        .add_case(
            &care,
            &[
                (gwen, Role::Constituent),
                (islwyn, Role::OnBehalfOf),
                (officer, Role::Officer),
            ],
            &cats,
        )
        .expect("care");
    entry(
        &mut s,
        Some(care.id),
        Some(gwen),
        "Gwenllian rang: worried sick, own health poor",
    );
    entry(
        &mut s,
        Some(care.id),
        Some(officer),
        "Assessment booked for Islwyn",
    );
    entry(
        &mut s,
        Some(care.id),
        Some(islwyn),
        "Islwyn rang himself to say thanks",
    );
    let mut noise = Case::new("Noise next door", d(2026, 1, 10));
    noise.category = "anti_social_behaviour".into();
    noise.postcode = some("LL57 2DG");
    noise.facts = some(
        "Mair cannot sleep. Neighbour Islwyn Roberts plays loud music after midnight. Mair's daughter has exams.",
    );
    let noise = s
        .add_case(&noise, &[(mair, Role::Constituent)], &cats)
        .expect("noise");
    entry(
        &mut s,
        Some(noise.id),
        Some(mair),
        "Again! islwyn roberts had a party",
    );
    entry(
        &mut s,
        Some(noise.id),
        Some(mair),
        "Mair's own doctor is worried",
    );
}

fn sar_json(sb: &Sandbox, who: &str) -> (Value, String) {
    let o = sb.run(&["sar", who, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    (serde_json::from_str(&text).expect("json"), text)
}

#[test]
fn another_constituents_words_are_withheld_with_a_note() {
    let sb = Sandbox::new();
    fill(&sb);
    let (v, text) = sar_json(&sb, "Islwyn Roberts");
    for leak in [
        "SA1 1AA",
        "works nights",
        "carer four times",
        "slow but got there",
        "worried sick",
        "Gwenllian",
    ] {
        assert!(!text.contains(leak), "`{leak}` disclosed: {text}");
    }
    // His own data and the officer's handling of his matter stay.
    for own in [
        "Care package for Islwyn",
        "Assessment booked for Islwyn",
        "Islwyn rang himself to say thanks",
        "Rhys Officer",
    ] {
        assert!(text.contains(own), "`{own}` missing: {text}");
    }
    let withheld = v["withheld"].as_array().expect("withheld listed");
    let care: Vec<&Value> = withheld
        .iter()
        .filter(|w| w["case"] == "2026-0001")
        .collect();
    assert!(!care.is_empty(), "{withheld:?}");
    let fields: Vec<&str> = care.iter().filter_map(|w| w["what"].as_str()).collect();
    for f in ["postcode", "facts", "wants", "feedback", "entries"] {
        assert!(fields.contains(&f), "{f} not noted as withheld: {fields:?}");
    }
    assert!(care.iter().all(|w| w["reason"] == "third_party"));

    // The sister's own request still shows her everything of hers...
    let (_, hers) = sar_json(&sb, "Gwenllian Pryce");
    for own in [
        "SA1 1AA",
        "works nights",
        "worried sick",
        "slow but got there",
    ] {
        assert!(hers.contains(own), "`{own}` missing from her own: {hers}");
    }
    // ...but not her brother's own words.
    assert!(!hers.contains("say thanks"), "{hers}");

    // The Markdown says what was withheld and why.
    let o = sb.run(&["sar", "Islwyn Roberts"]);
    let md = stdout(&o);
    assert!(md.contains("Withheld"), "{md}");
    assert!(md.contains("another person"), "{md}");
    assert!(!md.contains("works nights"), "{md}");
}

#[test]
fn a_person_named_in_someone_elses_case_is_found_and_only_that_is_shown() {
    let sb = Sandbox::new();
    fill(&sb);
    let (v, text) = sar_json(&sb, "Islwyn Roberts");
    let mentions = v["mentions"].as_array().expect("mentions listed");
    let refs: Vec<&str> = mentions.iter().filter_map(|m| m["case"].as_str()).collect();
    assert_eq!(refs, vec!["2026-0002"], "{mentions:?}");
    assert!(text.contains("Neighbour Islwyn Roberts plays loud music after midnight."));
    assert!(text.contains("islwyn roberts had a party"), "{text}");
    for leak in ["Mair", "LL57", "cannot sleep", "exams", "doctor"] {
        assert!(!text.contains(leak), "`{leak}` disclosed: {text}");
    }
    let o = sb.run(&["sar", "Islwyn Roberts"]);
    let md = stdout(&o);
    assert!(md.contains("2026-0002"), "{md}");
    assert!(md.contains("plays loud music"), "{md}");
    assert!(!md.contains("Mair"), "{md}");
}

#[test]
fn look_alike_names_are_one_person_or_listed() {
    let sb = Sandbox::new();
    for who in [
        "Manon Marsh",
        "Manon  Marsh",
        "Manon\u{a0}Marsh",
        "Manon Marsh\n",
    ] {
        let o = sb.run(&["log", "--who", who, "Called about bins"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    // NFD: "Siân" typed as a + combining circumflex.
    for who in ["Siân Davies", "Sia\u{302}n Davies"] {
        let o = sb.run(&["log", "--who", who, "Called"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    let s = sb.store();
    assert_eq!(s.contacts_named("Manon Marsh").expect("named").len(), 1);
    assert_eq!(s.contacts_named("Siân Davies").expect("named").len(), 1);
    drop(s);

    // A look-alike entered another way (a hyphen) is listed by sar and erase.
    let o = sb.run(&["log", "--who", "Manon-Marsh", "Called again"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = sb.run(&["sar", "Manon Marsh"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("Manon-Marsh"), "{}", stderr(&o));
    let o = sb.run(&["erase", "Manon Marsh"]);
    assert!(stderr(&o).contains("Manon-Marsh"), "{}", stderr(&o));
    let o = sb.run(&["sar", "Manon Marsch"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("similar names"), "{}", stderr(&o));
}
