//! `casebook export`: the lossless JSON export and its round trip, the
//! spreadsheet export and its re-import, and confidential entries.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use casebook::config::Config;
use casebook::domain::{
    AgeBand, Case, CaseKind, CaseStatus, Channel, Contact, ContactKind, DirectoryEntry, Entry,
    EntryKind, FollowUp, Instruction, Language, Outcome, PreferredContact, Referral, Role, Surgery,
};
use casebook::exchange::COLUMNS;
use casebook::exchange::json::Export;
use casebook::store::{LogRequest, SCHEMA_VERSION, Store, Who};
use chrono::{NaiveDate, NaiveDateTime};
use common::{Sandbox, assert_fails, assert_fails_one_line, stderr, stdout};
use serde_json::Value;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn at(y: i32, m: u32, day: u32, h: u32, mi: u32) -> NaiveDateTime {
    d(y, m, day).and_hms_opt(h, mi, 0).expect("valid time")
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

/// A diary with a record in every table and a value in every field,
/// Welsh letters included.
fn fill(path: &Path) {
    let categories = Config::default().categories();
    let mut s = Store::open(path).expect("open");
    let sian = s
        .add_contact(&Contact {
            name: "Siân Ŵyn-Davies".into(),
            kind: Some(ContactKind::Constituent),
            organisation: some("Cymdeithas Tai Ŷ Fro"),
            department: some("Tenants' panel"),
            role: some("Chair"),
            address: some("Fflat 2, Tŷ Â, Heol y Parc"),
            postcode: some("cf10 5bf"),
            phone: some("029 2087 1234"),
            email: some("sian@example.org"),
            preferred_contact: Some(PreferredContact::Email),
            gender: some("female"),
            age_band: Some(AgeBand::From18To29),
            ethnicity: some("white_welsh"),
            employment_status: some("student"),
            caution: some("Dog at the door: do not visit alone"),
            notes: some("Prefers Welsh: ŵ ŷ â"),
            language: Some(Language::Welsh),
        })
        .expect("sian");
    let son = s.add_contact(&Contact::named("Huw Ŵyn")).expect("son");
    let officer = s
        .add_contact(&Contact {
            name: "Rhiannon Price".into(),
            kind: Some(ContactKind::Officer),
            organisation: some("Cyngor Caerdydd"),
            department: some("Housing repairs"),
            role: some("Repairs officer"),
            phone: some("029 2087 2000"),
            email: some("repairs@example.gov.uk"),
            preferred_contact: Some(PreferredContact::Phone),
            ..Contact::default()
        })
        .expect("officer");
    s.add_to_directory(&DirectoryEntry {
        contact: officer.id,
        handles: "damp, mould, repairs to council flats".into(),
        categories: vec!["housing".into(), "environment".into()],
    })
    .expect("directory");
    let surgery = s
        .add_surgery(&Surgery {
            held_on: d(2026, 1, 10),
            venue: "Llyfrgell Ŷ Rhath".into(),
            started_at: Some(at(2026, 1, 10, 10, 0)),
            ended_at: Some(at(2026, 1, 10, 12, 0)),
            notes: some("Busy: six visitors"),
        })
        .expect("surgery");
    let damp = s
        .add_case(
            &Case {
                reference: String::new(),
                title: "Lleithder yn y fflat: ŵ ŷ â".into(),
                opened: d(2026, 1, 10),
                closed: Some(d(2026, 2, 20)),
                kind: CaseKind::IndirectQuery,
                category: "housing".into(),
                channel: Channel::Surgery,
                location: some("Tŷ Â flats"),
                postcode: some("CF10 5BF"),
                facts: some("Black mould in the bedroom,\nsince October."),
                wants: some("The landlord to treat the damp"),
                history: some("Rang the council twice"),
                others_involved: some("Neighbours at no. 3"),
                status: CaseStatus::Closed,
                outcome: Some(Outcome::Resolved),
                outcome_note: some("Mould treated, bedroom repainted"),
                satisfaction: Some(4),
                feedback: some("Diolch yn fawr"),
                promised_by: Some(d(2026, 1, 24)),
                consent_to_share: Some(true),
                surgery: Some(surgery.id),
                publicise: true,
                contacted_on: Some(d(2026, 1, 8)),
                consent_on: Some(d(2026, 1, 10)),
                shared: true,
            },
            &[
                (sian.id, Role::Constituent),
                (son.id, Role::OnBehalfOf),
                (officer.id, Role::Officer),
            ],
            &categories,
        )
        .expect("case");
    let mut bins = Case::new("Bins not collected", d(2026, 2, 1));
    bins.consent_to_share = Some(false);
    bins.category = "waste".into();
    let bins = s
        .add_case(&bins, &[(son.id, Role::Constituent)], &categories)
        .expect("bins");
    s.add_entry(&Entry {
        case: Some(damp.id),
        contact: Some(sian.id),
        kind: EntryKind::SurgeryVisit,
        at: at(2026, 1, 10, 10, 30),
        text: "Came to the surgery with photos of the mould".into(),
        confidential: false,
        surgery: Some(surgery.id),
    })
    .expect("entry");
    s.add_entry(&Entry {
        case: None,
        contact: None,
        kind: EntryKind::Note,
        at: at(2026, 1, 11, 8, 0),
        text: "Unfiled note".into(),
        confidential: false,
        surgery: None,
    })
    .expect("unfiled");
    // A confidential call with a follow-up that points at it.
    s.log(&LogRequest {
        who: Who::Known(sian.id),
        case: Some(damp.reference.clone()),
        kind: EntryKind::CallIn,
        at: at(2026, 1, 12, 14, 0),
        text: "Health details: asthma made worse by the damp".into(),
        follow_up: Some(d(2026, 1, 19)),
        confidential: true,
        surgery: None,
    })
    .expect("confidential log");
    let referral = s
        .add_referral(&Referral {
            case: damp.id,
            to: officer.id,
            referred_on: d(2026, 1, 12),
            council_ref: some("HR/2026/0042"),
            instruction: Instruction::ReplyCopyMe,
            note: some("Please inspect and copy me in"),
            constituent_copied: true,
            due_on: d(2026, 1, 26),
            reply_on: None,
            reply: None,
        })
        .expect("referral");
    s.record_reply(referral.id, d(2026, 1, 20), "Inspection booked")
        .expect("reply");
    let done = s
        .add_follow_up(&FollowUp {
            case: Some(bins.id),
            contact: Some(son.id),
            entry: None,
            due_on: d(2026, 2, 3),
            what: "Chase the waste team".into(),
            done_on: None,
        })
        .expect("follow-up");
    s.complete_follow_up(done.id, d(2026, 2, 3)).expect("done");
    // A deletion, for a tombstone (no delete in the store's API yet).
    let gone = s
        .add_contact(&Contact::named("Deleted Person"))
        .expect("gone");
    drop(s);
    let conn = rusqlite::Connection::open(path).expect("connection");
    conn.execute("DELETE FROM contacts WHERE id = ?1", [gone.id.raw()])
        .expect("delete");
}

fn export(store: &Store, include_confidential: bool) -> Vec<u8> {
    store
        .export_all(include_confidential)
        .expect("export")
        .0
        .to_bytes()
        .expect("json")
}

/// For each table, the fields that hold a value in at least one record.
fn filled_fields(v: &Value) -> BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> {
    let mut out = BTreeMap::new();
    let Value::Object(top) = v else {
        panic!("not an object")
    };
    let mut tables: Vec<(String, &Vec<Value>)> = top
        .iter()
        .filter_map(|(k, v)| v.as_array().map(|a| (k.clone(), a)))
        .collect();
    let people: Vec<Value> = top["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .flat_map(|c| c["people"].as_array().cloned().unwrap_or_default())
        .collect();
    tables.push(("case people".into(), &people));
    for (name, rows) in tables {
        let mut all = BTreeSet::new();
        let mut filled = BTreeSet::new();
        for row in rows {
            for (k, v) in row.as_object().expect("record") {
                all.insert(k.clone());
                let empty = v.is_null() || v == &Value::Bool(false) || v == &Value::Array(vec![]);
                if !empty {
                    filled.insert(k.clone());
                }
            }
        }
        out.insert(name, (all, filled));
    }
    out
}

#[test]
fn json_round_trip_is_identical_and_covers_every_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.db");
    fill(&path);
    let a = Store::open(&path).expect("open");
    let first = export(&a, true);

    // The data really covers every table and field.
    let v: Value = serde_json::from_slice(&first).expect("json");
    for (table, (all, filled)) in filled_fields(&v) {
        assert!(!all.is_empty(), "table {table} is empty in the test data");
        let missing: Vec<&String> = all.difference(&filled).collect();
        assert!(missing.is_empty(), "{table}: no value for {missing:?}");
    }
    let text = String::from_utf8(first.clone()).expect("utf-8");
    for welsh in ["Siân Ŵyn-Davies", "Tŷ Â", "ŵ ŷ â", "Llyfrgell Ŷ Rhath"] {
        assert!(text.contains(welsh), "{welsh} not in the export");
    }

    let mut b = Store::open_in_memory().expect("empty");
    let doc = Export::parse(&first, "a.json", SCHEMA_VERSION).expect("parses");
    let loaded = b.import_json(&doc).expect("loads");
    assert_eq!(loaded.cases, 2);
    let second = export(&b, true);
    assert_eq!(
        String::from_utf8(second).expect("utf-8"),
        text,
        "export → import → export changed something"
    );

    // The restored diary works: search, references, completion.
    assert!(!b.search("mould", 5).expect("search").is_empty());
    assert_eq!(b.complete_contacts("sian w", 5).expect("complete").len(), 1);
    let next = b
        .add_case(
            &Case::new("Next", d(2026, 3, 1)),
            &[],
            &Config::default().categories(),
        )
        .expect("a new case");
    assert_eq!(next.reference, "2026-0003", "the counters came across");
}

#[test]
fn json_refers_by_uuid_and_has_a_header() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.db");
    fill(&path);
    let v: Value =
        serde_json::from_slice(&export(&Store::open(&path).expect("open"), true)).expect("json");
    assert_eq!(v["format"], "casebook-export");
    assert_eq!(v["version"], 1);
    assert_eq!(v["schema"], SCHEMA_VERSION);
    fn walk(v: &Value, keys: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, v) in m {
                    keys.push(k.clone());
                    walk(v, keys);
                }
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, keys)),
            _ => {}
        }
    }
    let mut keys = Vec::new();
    walk(&v, &mut keys);
    assert!(
        !keys.iter().any(|k| k == "id" || k.ends_with("_id")),
        "local ids leaked: {keys:?}"
    );
    let entry = &v["entries"][0];
    assert!(uuid::Uuid::parse_str(entry["case"].as_str().expect("case uuid")).is_ok());
    assert_eq!(v["cases"][0]["people"][1]["role"], "on_behalf_of");
    assert_eq!(v["tombstones"][0]["kind"], "contact");
}

#[test]
fn the_binary_round_trips_with_and_without_confidential_entries() {
    let sb = Sandbox::new();
    fill(&sb.db);
    for flag in [true, false] {
        let extra: &[&str] = if flag {
            &["--include-confidential"]
        } else {
            &[]
        };
        let tag = if flag { "all" } else { "open" };
        let a = sb.path(&format!("{tag}-a.json"));
        let mut args = vec!["export", "--out", a.to_str().expect("path")];
        args.extend(extra);
        let out = sb.run(&args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(stdout(&out).is_empty(), "--out keeps stdout clean");

        let db2 = sb.path(&format!("{tag}.db"));
        let out = sb.run_with_db(&db2, &["import", a.to_str().expect("path")]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(
            stdout(&out).starts_with("loaded the casebook export: 3 contacts, 2 cases"),
            "{}",
            stdout(&out)
        );

        let mut args = vec!["export"];
        args.extend(extra);
        let again = sb.run_with_db(&db2, &args);
        assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
        let first = std::fs::read(&a).expect("read");
        assert!(
            again.stdout == first,
            "round trip ({tag}) differs:\n{}",
            stdout(&again)
        );
    }
}

#[test]
fn confidential_entries_are_left_out_unless_asked_for() {
    let sb = Sandbox::new();
    fill(&sb.db);
    let out = sb.run(&["export"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "1 confidential entry was left out, with the follow-up made from it (add --include-confidential to include them)"
        ),
        "{}",
        stderr(&out)
    );
    let text = stdout(&out);
    assert!(!text.contains("asthma"), "confidential text leaked");
    let v: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(v["confidential_included"], false);
    assert_eq!(v["entries"].as_array().expect("entries").len(), 2);
    assert_eq!(
        v["follow_ups"].as_array().expect("follow-ups").len(),
        1,
        "the follow-up made from the confidential entry is left out"
    );

    let out = sb.run(&["export", "--include-confidential"]);
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    assert!(stdout(&out).contains("asthma"));
    let v: Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(v["entries"].as_array().expect("entries").len(), 3);
}

#[test]
fn the_csv_export_uses_the_import_columns_and_imports_again() {
    let sb = Sandbox::new();
    fill(&sb.db);
    let csv = sb.path("cases.csv");
    let out = sb.run(&[
        "export",
        "--format",
        "csv",
        "--out",
        csv.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(&csv).expect("read");
    let header = text.lines().next().expect("header");
    assert_eq!(header, COLUMNS.join(","));
    assert!(text.contains("Siân Ŵyn-Davies"), "{text}");
    assert!(text.contains("Huw Ŵyn"), "on_behalf_of: {text}");
    assert!(
        text.contains("\"Black mould in the bedroom,\nsince October.\""),
        "{text}"
    );

    let db2 = sb.path("from-csv.db");
    let out = sb.run_with_db(&db2, &["import", csv.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        // Huw is known by name only: as a constituent (no email, phone or
        // postcode) the identity rule cannot match him to the Huw on whose
        // behalf the other case was raised.
        "imported 2 cases (3 new contacts, 0 already in the diary)"
    );
    let again = sb.run_with_db(&db2, &["export", "--format", "csv"]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(stdout(&again), text, "CSV → import → CSV changed something");

    // Into the diary it came from: every case carries a reference, so all skipped.
    let before = sb.snapshot();
    let out = sb.run(&["import", csv.to_str().expect("path")]);
    assert!(
        stdout(&out).contains("skipped 2 cases already imported"),
        "{}",
        stdout(&out)
    );
    assert_eq!(sb.snapshot(), before);
}

#[test]
fn a_json_export_loads_only_into_an_empty_diary() {
    let sb = Sandbox::new();
    fill(&sb.db);
    let file = sb.path("all.json");
    let out = sb.run(&[
        "export",
        "--include-confidential",
        "--out",
        file.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let before = sb.snapshot();
    let err = assert_fails_one_line(&sb.run(&["import", file.to_str().expect("path")]));
    assert!(err.contains("not empty"), "{err}");
    let err =
        assert_fails_one_line(&sb.run(&["import", "--dry-run", file.to_str().expect("path")]));
    assert!(err.contains("not empty"), "{err}");
    assert_eq!(sb.snapshot(), before);

    // A dry run into a new diary validates and creates nothing.
    let fresh = sb.path("fresh.db");
    let out = sb.run_with_db(
        &fresh,
        &["import", "--dry-run", file.to_str().expect("path")],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("dry run: the casebook export is valid"),
        "{}",
        stdout(&out)
    );
    assert!(!fresh.exists());
}

#[test]
fn a_damaged_json_export_is_refused_and_nothing_is_loaded() {
    let sb = Sandbox::new();
    fill(&sb.db);
    let (doc, _) = sb.store().export_all(true).expect("export");
    let text = String::from_utf8(doc.to_bytes().expect("json")).expect("utf-8");
    let officer = doc.referrals[0].to.to_string();
    let unknown = uuid::Uuid::now_v7().to_string();
    let broken_ref = text.replacen(
        &format!("\"to\": \"{officer}\""),
        &format!("\"to\": \"{unknown}\""),
        1,
    );
    assert_ne!(broken_ref, text);
    let extra_field = text.replacen("\"venue\":", "\"colour\": 1, \"venue\":", 1);
    let bad_stamp = text.replacen(&doc.cases[0].created_at, "yesterday", 1);
    let cases = [
        (broken_ref, "which is not in the file"),
        (extra_field, "unknown field `colour`"),
        (bad_stamp, "not RFC 3339"),
        (
            "{\"format\": \"something-else\"}".to_string(),
            "not a casebook export",
        ),
        (
            "{\"format\": \"casebook-export\", \"version\": 2}".to_string(),
            "newer casebook",
        ),
    ];
    for (i, (content, says)) in cases.into_iter().enumerate() {
        let file = sb.write(&format!("bad{i}.json"), content);
        let db = sb.path(&format!("bad{i}.db"));
        let err =
            assert_fails_one_line(&sb.run_with_db(&db, &["import", file.to_str().expect("path")]));
        assert!(err.contains(says), "{says}: {err}");
        assert!(
            !db.exists() || Store::open(&db).expect("open").is_blank().expect("blank"),
            "something was loaded from bad{i}.json"
        );
    }
}

#[test]
fn exporting_a_missing_diary_is_an_error_and_creates_nothing() {
    let sb = Sandbox::new();
    let err = assert_fails(&sb.run(&["export"]));
    assert!(err.contains("no diary at"), "{err}");
    assert!(!sb.db.exists());
    let out = sb.run(&["export", "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2), "usage error");
    let err = assert_fails_one_line(&{
        fill(&sb.db);
        sb.run(&[
            "export",
            "--include-confidential",
            "--out",
            sb.path("no/such/dir/x.json").to_str().expect("path"),
        ])
    });
    assert!(err.contains("does not exist"), "{err}");
}
