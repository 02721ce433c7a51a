//! Data protection: subject access, erasure (bytes gone, counts kept), the
//! audit log, retention and the hand-over — through the real binary and store.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use casebook::config::Config;
use casebook::domain::{
    AgeBand, Case, CaseStatus, Contact, ContactKind, Entry, EntryKind, FollowUp, Id, Instruction,
    Outcome, Referral, Role,
};
use casebook::store::Store;
use chrono::{NaiveDate, NaiveDateTime};
use common::{Sandbox, assert_fails_one_line, stdout};
use serde_json::Value;

const NAME: &str = "Alice Zephyrine";
const EMAIL: &str = "alice.zephyrine@example.org";
const PHONE: &str = "07700 900461";

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn at(y: i32, m: u32, day: u32, h: u32) -> NaiveDateTime {
    d(y, m, day).and_hms_opt(h, 0, 0).expect("valid time")
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

struct Filled {
    alice: Id<Contact>,
    bob: Id<Contact>,
}

/// Alice: two cases full of her details (one closed, one open), entries on
/// them and unfiled, a confidential one, a referral and follow-ups. Bob: a
/// case of his own, which must come through her erasure untouched.
fn fill(path: &Path) -> Filled {
    let cats = Config::default().categories();
    let mut s = Store::open(path).expect("open");
    let alice = s
        .add_contact(&Contact {
            name: NAME.into(),
            kind: Some(ContactKind::Constituent),
            address: some("3 Zephyrine Cottages, Heol y Parc"),
            postcode: some("CF10 5BF"),
            phone: some(PHONE),
            email: some(EMAIL),
            gender: some("female"),
            age_band: Some(AgeBand::From18To29),
            ethnicity: some("White Welsh"),
            notes: some("Alice Zephyrine prefers afternoons"),
            ..Contact::default()
        })
        .expect("alice");
    let bob = s
        .add_contact(&Contact {
            name: "Bob Quellington".into(),
            age_band: Some(AgeBand::From65To74),
            ..Contact::default()
        })
        .expect("bob");
    let officer = s
        .add_contact(&Contact {
            name: "Rhiannon Price".into(),
            kind: Some(ContactKind::Officer),
            ..Contact::default()
        })
        .expect("officer");
    let mut damp = Case::new("Damp in Alice Zephyrine's flat", d(2026, 1, 5));
    damp.category = "housing".into();
    damp.location = some("Zephyrine Cottages");
    damp.postcode = some("CF10 5BF");
    damp.facts = some("Call Alice Zephyrine on 07700 900461");
    damp.wants = some("A repair");
    damp.feedback = some("Thanks from Alice Zephyrine");
    damp.satisfaction = Some(4);
    damp.consent_to_share = Some(true);
    let damp = s
        .add_case(&damp, &[(alice.id, Role::Constituent)], &cats)
        .expect("damp");
    s.close_case(damp.id, Outcome::Resolved, d(2026, 2, 1))
        .expect("close");
    let mut bins = Case::new("Bins for Zephyrine Cottages", d(2026, 2, 10));
    bins.category = "waste".into();
    let bins = s
        .add_case(&bins, &[(alice.id, Role::Constituent)], &cats)
        .expect("bins");
    let mut road = Case::new("Pothole on Quellington Road", d(2026, 1, 20));
    road.category = "highways".into();
    road.facts = some("Deep pothole reported by Bob");
    let road = s
        .add_case(&road, &[(bob.id, Role::Constituent)], &cats)
        .expect("road");
    let entry = |case: Option<Id<Case>>, who: Id<Contact>, text: &str, confidential: bool| Entry {
        case,
        contact: Some(who),
        kind: EntryKind::CallIn,
        at: at(2026, 1, 6, 10),
        text: text.into(),
        confidential,
        surgery: None,
    };
    s.add_entry(&entry(
        Some(damp.id),
        alice.id,
        "Alice Zephyrine rang about the damp",
        false,
    ))
    .expect("e1");
    s.add_entry(&entry(
        Some(damp.id),
        alice.id,
        "Alice Zephyrine's health worry",
        true,
    ))
    .expect("e2");
    s.add_entry(&entry(
        Some(damp.id),
        officer.id,
        "Officer will inspect",
        false,
    ))
    .expect("e3");
    s.add_entry(&entry(
        None,
        alice.id,
        "Unfiled call from alice.zephyrine@example.org",
        false,
    ))
    .expect("e4");
    s.add_entry(&entry(Some(bins.id), alice.id, "Bins again", false))
        .expect("e5");
    s.add_entry(&entry(
        Some(road.id),
        bob.id,
        "Bob called about the pothole",
        false,
    ))
    .expect("e6");
    s.add_referral(&Referral {
        case: damp.id,
        to: officer.id,
        referred_on: d(2026, 1, 7),
        council_ref: some("HR/2026/7"),
        instruction: Instruction::ReplyCopyMe,
        note: some("Inspect Alice Zephyrine's flat"),
        constituent_copied: true,
        due_on: d(2026, 1, 21),
        reply_on: None,
        reply: None,
    })
    .expect("referral");
    s.add_follow_up(&FollowUp {
        case: Some(damp.id),
        contact: Some(alice.id),
        entry: None,
        due_on: d(2026, 1, 14),
        what: "Ring Alice Zephyrine back".into(),
        done_on: None,
    })
    .expect("follow-up");
    Filled {
        alice: alice.id,
        bob: bob.id,
    }
}

/// Counts the yearly review relies on.
fn review_counts(path: &Path) -> BTreeMap<String, i64> {
    let conn = rusqlite::Connection::open(path).expect("open raw");
    let mut counts = BTreeMap::new();
    for (label, sql) in [
        (
            "category",
            "SELECT category, count(*) FROM cases GROUP BY 1",
        ),
        (
            "outcome",
            "SELECT coalesce(outcome, '-'), count(*) FROM cases GROUP BY 1",
        ),
        ("status", "SELECT status, count(*) FROM cases GROUP BY 1"),
        ("channel", "SELECT channel, count(*) FROM cases GROUP BY 1"),
        ("opened", "SELECT opened, count(*) FROM cases GROUP BY 1"),
        (
            "age",
            "SELECT coalesce(age_band, '-'), count(*) FROM contacts GROUP BY 1",
        ),
        ("kind", "SELECT kind, count(*) FROM entries GROUP BY 1"),
        (
            "sat",
            "SELECT CAST(coalesce(satisfaction, 0) AS TEXT), count(*) FROM cases GROUP BY 1",
        ),
        (
            "people",
            "SELECT role, count(*) FROM case_people GROUP BY 1",
        ),
    ] {
        let mut stmt = conn.prepare(sql).expect("prepare");
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
            .expect("query");
        for row in rows {
            let (k, n) = row.expect("row");
            counts.insert(format!("{label}:{k}"), n);
        }
    }
    counts
}

fn contains(hay: &[u8], needle: &str) -> bool {
    let n = needle.as_bytes();
    hay.windows(n.len()).any(|w| w == n)
}

fn file_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_default()
}

fn wal(db: &Path) -> std::path::PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push("-wal");
    s.into()
}

#[test]
fn erase_leaves_no_bytes_of_the_person_and_keeps_the_counts() {
    let sb = Sandbox::new();
    let f = fill(&sb.db);
    let before = review_counts(&sb.db);
    // Another program holds the diary open, so the write-ahead log stays on
    // disk after the erase: its bytes must be clean too.
    let other = sb.store();
    let before_bytes = file_bytes(&sb.db);
    assert!(
        contains(&before_bytes, "Zephyrine") || contains(&file_bytes(&wal(&sb.db)), "Zephyrine"),
        "the test data is really in the file"
    );

    let o = sb.run(&["erase", "alice", "ZEPHYRINE", "--yes"]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("erased 1 person; anonymised 2 cases"), "{out}");
    assert!(!out.contains("Zephyrine"), "the report names no one: {out}");

    let wal_path = wal(&sb.db);
    for (what, bytes) in [("db", file_bytes(&sb.db)), ("wal", file_bytes(&wal_path))] {
        for needle in [
            "Zephyrine",
            "zephyrine",
            "ZEPHYRINE",
            EMAIL,
            PHONE,
            "07700",
            "Heol y Parc",
            "health worry",
        ] {
            assert!(
                !contains(&bytes, needle),
                "`{needle}` still in the {what} file"
            );
        }
    }
    drop(other);
    assert_eq!(review_counts(&sb.db), before, "the review counts survive");

    let s = sb.store();
    let alice = s.contact(f.alice).expect("the row stays");
    assert_eq!(alice.name, "Erased person");
    assert_eq!(alice.email, None);
    assert_eq!(alice.age_band, Some(AgeBand::From18To29), "bands kept");
    let cases = s.cases_of_contact(f.alice).expect("cases");
    assert_eq!(cases.len(), 2);
    for (_, c) in &cases {
        assert_eq!(c.title, "Erased case");
        assert_eq!(c.facts, None);
        assert_eq!(c.location, None);
    }
    let damp = cases
        .iter()
        .find(|(_, c)| c.category == "housing")
        .expect("damp");
    assert_eq!(damp.1.outcome, Some(Outcome::Resolved));
    assert_eq!(damp.1.status, CaseStatus::Closed);
    assert_eq!(damp.1.satisfaction, Some(4));
    // Bob is untouched, and search no longer finds her.
    let bob_cases = s.cases_of_contact(f.bob).expect("bob");
    assert_eq!(bob_cases[0].1.title, "Pothole on Quellington Road");
    assert!(s.search("zephyrine", 10).expect("search").is_empty());
    assert!(!s.search("Quellington", 10).expect("search").is_empty());
    // A second erase finds no one of that name.
    assert_fails_one_line(&sb.run(&["erase", NAME, "--yes"]));
}

#[test]
fn erase_without_yes_says_what_and_changes_nothing() {
    let sb = Sandbox::new();
    fill(&sb.db);
    let before = sb.snapshot();
    let err = assert_fails_one_line(&sb.run(&["erase", NAME]));
    assert!(err.contains("--yes"), "{err}");
    assert!(
        err.contains("2026-0001") && err.contains("2026-0002"),
        "{err}"
    );
    assert_eq!(sb.snapshot(), before);
}

#[test]
fn erase_lists_the_backups_that_still_hold_the_person() {
    let sb = Sandbox::new();
    fill(&sb.db);
    std::fs::create_dir(sb.path("backups")).expect("dir");
    std::fs::copy(&sb.db, sb.path("backups/casebook-2026-02-28.db")).expect("copy");
    let o = sb.run(&["erase", NAME, "--yes"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("casebook-2026-02-28.db"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn subject_access_holds_every_entry_about_the_person() {
    let sb = Sandbox::new();
    let f = fill(&sb.db);
    let o = sb.run(&["sar", NAME, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    assert!(
        common::stderr(&o).contains("respond by 2026-04-01"),
        "{}",
        common::stderr(&o)
    );
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["format"], "casebook-subject-access");
    assert_eq!(v["person"]["email"], EMAIL);
    assert_eq!(v["respond_by"], "2026-04-01");
    let texts: Vec<&str> = v["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| e["text"].as_str().expect("text"))
        .collect();
    // Every entry with her or on her cases, the confidential one included;
    // Bob's entry is not hers.
    let mut want = vec![
        "Alice Zephyrine rang about the damp",
        "Alice Zephyrine's health worry",
        "Officer will inspect",
        "Unfiled call from alice.zephyrine@example.org",
        "Bins again",
    ];
    let mut got = texts.clone();
    want.sort();
    got.sort();
    assert_eq!(got, want);
    assert_eq!(v["cases"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["referrals"].as_array().map(Vec::len), Some(1));
    assert_eq!(v["follow_ups"].as_array().map(Vec::len), Some(1));
    assert!(
        !o.stdout.windows(5).any(|w| w == b"Quell"),
        "no one else's data"
    );

    // Both files with --out; the request is reused, not doubled.
    let base = sb.path("alice-sar");
    let o = sb.run(&["sar", NAME, "--out", base.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("respond by 2026-04-01"),
        "{}",
        stdout(&o)
    );
    let md = std::fs::read_to_string(sb.path("alice-sar.md")).expect("markdown");
    for t in &want {
        assert!(md.contains(t), "markdown lacks `{t}`");
    }
    assert!(md.contains("Rhiannon Price"), "the officer is named");
    assert!(sb.path("alice-sar.json").exists());

    let s = sb.store();
    let r = s.outstanding_sar(f.alice).expect("q").expect("outstanding");
    assert_eq!(
        (r.requested_on, r.respond_by),
        (d(2026, 3, 1), d(2026, 4, 1))
    );
    drop(s);
    let o = sb.run(&["sar", NAME, "--answered"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(sb.store().outstanding_sar(f.alice).expect("q"), None);
}

#[test]
fn a_month_after_the_31st_is_the_end_of_the_next_month() {
    let sb = Sandbox::new();
    fill(&sb.db);
    let o = sb.run(&["sar", NAME, "--requested", "2026-01-31", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["respond_by"], "2026-02-28");
    // Today is 2026-03-01: one day late, in the singular.
    assert!(
        common::stderr(&o).contains("(1 day overdue)"),
        "{}",
        common::stderr(&o)
    );
}

#[test]
fn a_shared_name_lists_the_people_and_asks_for_an_id() {
    let sb = Sandbox::new();
    let mut s = Store::open(&sb.db).expect("open");
    let a = s
        .add_contact(&Contact {
            postcode: some("CF10 1AA"),
            ..Contact::named("John Smith")
        })
        .expect("a");
    let b = s
        .add_contact(&Contact {
            postcode: some("CF11 2BB"),
            ..Contact::named("John Smith")
        })
        .expect("b");
    drop(s);
    let o = sb.run(&["sar", "john smith"]);
    let err = assert_fails_one_line(&o);
    assert!(
        err.contains(&a.uuid.to_string()) && err.contains(&b.uuid.to_string()),
        "{err}"
    );
    assert!(err.contains("CF11 2BB") && err.contains("--id"), "{err}");
    let o = sb.run(&["sar", "--id", &b.uuid.to_string(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["person"]["postcode"], "CF11 2BB");
}

#[test]
fn the_audit_log_records_everything_and_holds_no_personal_data() {
    let sb = Sandbox::new();
    let f = fill(&sb.db);
    let export = sb.path("all.json");
    assert_eq!(
        sb.run(&["sar", NAME, "--format", "json"]).status.code(),
        Some(0)
    );
    assert_eq!(
        sb.run(&["export", "--out", export.to_str().expect("utf-8")])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(sb.run(&["erase", NAME, "--yes"]).status.code(), Some(0));

    let s = sb.store();
    let log = s.audit_log().expect("log");
    let alice = s.contact(f.alice).expect("alice").uuid.to_string();
    let actions_on = |uuid: &str| -> Vec<String> {
        log.iter()
            .filter(|r| r.uuid.as_deref() == Some(uuid))
            .map(|r| r.action.clone())
            .collect()
    };
    let hers = actions_on(&alice);
    for a in ["create", "sar", "update", "erase"] {
        assert!(hers.iter().any(|h| h == a), "no `{a}` for her: {hers:?}");
    }
    assert!(
        log.iter()
            .any(|r| r.kind == "diary" && r.action == "export")
    );
    assert!(
        log.iter()
            .any(|r| r.kind == "entry" && r.action == "create")
    );
    assert!(log.iter().any(|r| r.kind == "case" && r.action == "erase"));
    drop(s);

    let conn = rusqlite::Connection::open(&sb.db).expect("raw");
    let dump: String = conn
        .query_row(
            "SELECT group_concat(concat_ws('|', at, kind, uuid, action), char(10)) FROM audit",
            [],
            |r| r.get(0),
        )
        .expect("dump");
    for needle in ["Zephyrine", "Bob", "Quellington", EMAIL, PHONE, "damp"] {
        assert!(!dump.contains(needle), "the audit log holds `{needle}`");
    }
    // Append-only.
    assert!(conn.execute("UPDATE audit SET action = 'x'", []).is_err());
    assert!(conn.execute("DELETE FROM audit", []).is_err());
}

#[test]
fn retention_lists_exactly_the_cases_past_the_period() {
    let sb = Sandbox::new();
    let cats = Config::default().categories();
    let mut s = Store::open(&sb.db).expect("open");
    let old = s
        .add_contact(&Contact::named("Olwen Oldcase"))
        .expect("o")
        .id;
    let both = s
        .add_contact(&Contact::named("Bryn Bothcases"))
        .expect("b")
        .id;
    let mut add = |title: &str, who: Id<Contact>, closed: Option<NaiveDate>| {
        let mut c = Case::new(title, d(2020, 1, 1));
        c.category = "planning".into();
        let c = s
            .add_case(&c, &[(who, Role::Constituent)], &cats)
            .expect("case");
        if let Some(on) = closed {
            s.close_case(c.id, Outcome::Withdrawn, on).expect("close");
        }
        c.reference.clone()
    };
    let past = add("Olwen's extension", old, Some(d(2024, 2, 28)));
    let exactly = add("Bryn's fence", both, Some(d(2024, 3, 1)));
    let recent = add("Bryn's hedge", both, Some(d(2024, 3, 2)));
    let open = add("Bryn's wall", both, None);
    drop(s);

    let o = sb.run(&["retention"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains(&past) && out.contains(&exactly), "{out}");
    assert!(!out.contains(&recent) && !out.contains(&open), "{out}");
    assert!(
        out.contains("Planning") && out.contains("2024-02-28"),
        "{out}"
    );
    for name in ["Olwen", "Bryn"] {
        assert!(!out.contains(name), "no names in the list: {out}");
    }

    let before = sb.snapshot();
    assert_fails_one_line(&sb.run(&["retention", "--erase"]));
    assert_eq!(sb.snapshot(), before);
    let o = sb.run(&["retention", "--erase", "--yes"]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    // Olwen had no other case: erased. Bryn still has live cases: kept.
    let s = sb.store();
    assert!(s.find_person("Olwen Oldcase").expect("find").is_empty());
    assert_eq!(s.find_person("Bryn Bothcases").expect("find").len(), 1);
    drop(s);
    let out = stdout(&sb.run(&["retention"]));
    assert!(out.contains("no closed case"), "{out}");
}

#[test]
fn handover_exports_only_the_consenting_and_leaves_nothing_personal() {
    let sb = Sandbox::new();
    fill(&sb.db);
    // Alice consented on one case but was not asked on the other: she is
    // not handed over until she consents on both.
    let cats = Config::default().categories();
    let mut s = sb.store();
    let carys = s.add_contact(&Contact::named("Carys Consent")).expect("c");
    let mut c = Case::new("Carys's streetlight", d(2026, 2, 1));
    c.consent_to_share = Some(true);
    s.add_case(&c, &[(carys.id, Role::Constituent)], &cats)
        .expect("case");
    drop(s);
    let out_path = sb.path("successor.json");
    let out = out_path.to_str().expect("utf-8");

    let before = sb.snapshot();
    let o = sb.run(&["handover", "--out", out, "--rest", "delete"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("1 people consented"), "{}", stdout(&o));
    assert_eq!(sb.snapshot(), before, "a dry run changes nothing");
    assert!(!out_path.exists());

    let o = sb.run(&["handover", "--out", out, "--rest", "delete", "--yes"]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let text = std::fs::read_to_string(&out_path).expect("successor file");
    assert!(text.contains("Carys Consent") && text.contains("Carys's streetlight"));
    for absent in ["Zephyrine", "Quellington"] {
        assert!(!text.contains(absent), "`{absent}` went to the successor");
    }
    // The successor can load it.
    let next = sb.path("next.db");
    let o = sb.run_with_db(&next, &["import", out]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));

    let s = sb.store();
    assert!(s.find_person("Carys Consent").expect("find").is_empty());
    assert!(s.find_person(NAME).expect("find").is_empty());
    let counts = s.counts().expect("counts");
    assert_eq!(
        counts.cases, 1,
        "the consenting case stays as statistics; the rest deleted"
    );
    let bytes = file_bytes(&sb.db);
    for needle in ["Zephyrine", "Carys", "Quellington"] {
        assert!(!contains(&bytes, needle), "`{needle}` still in the file");
    }
}

#[test]
fn the_contact_page_shows_an_outstanding_request_until_answered() {
    let sb = Sandbox::new();
    let f = fill(&sb.db);
    let mut v = casebook::app::ContactView::new(f.alice);
    v.reload(&sb.store()).expect("reload");
    assert_eq!(v.sar, None);
    assert_eq!(
        sb.run(&["sar", NAME, "--requested", "2026-02-20", "--format", "json"])
            .status
            .code(),
        Some(0)
    );
    v.reload(&sb.store()).expect("reload");
    assert_eq!(v.sar.as_ref().map(|r| r.respond_by), Some(d(2026, 3, 20)));
    assert_eq!(sb.run(&["sar", NAME, "--answered"]).status.code(), Some(0));
    v.reload(&sb.store()).expect("reload");
    assert_eq!(v.sar, None);
}
