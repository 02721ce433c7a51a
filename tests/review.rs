//! The yearly review (SPEC section 5), every figure checked by hand on a small
//! diary built through the public Store API, and `casebook review` run as the
//! real binary.

use std::path::Path;
use std::process::Command;

use casebook::config::Config;
use casebook::domain::{
    AgeBand, Case, CaseKind, CaseStatus, Channel, Contact, ContactKind, Entry, EntryKind, Id,
    Outcome, Role,
};
use casebook::report::{Period, Summary};
use casebook::store::Store;
use chrono::NaiveDate;
use serde_json::{Value, json};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn person(
    s: &mut Store,
    name: &str,
    gender: Option<&str>,
    age: Option<AgeBand>,
    ethnicity: Option<&str>,
    employment: Option<&str>,
) -> Id<Contact> {
    s.add_contact(&Contact {
        gender: gender.map(String::from),
        age_band: age,
        ethnicity: ethnicity.map(String::from),
        employment_status: employment.map(String::from),
        ..Contact::named(name)
    })
    .expect("contact saved")
    .id
}

struct C {
    opened: NaiveDate,
    category: &'static str,
    channel: Channel,
    kind: CaseKind,
    closed: Option<(NaiveDate, Outcome, Option<u8>)>,
}

fn case(s: &mut Store, c: C, people: &[(Id<Contact>, Role)]) -> Id<casebook::domain::Case> {
    let mut k = Case::new("A problem", c.opened);
    k.category = c.category.into();
    k.channel = c.channel;
    k.kind = c.kind;
    if let Some((on, outcome, sat)) = c.closed {
        k.status = CaseStatus::Closed;
        k.closed = Some(on);
        k.outcome = Some(outcome);
        k.satisfaction = sat;
    }
    s.add_case(&k, people, &Config::default().categories())
        .expect("case saved")
        .id
}

fn entry(s: &mut Store, who: Id<Contact>, kind: EntryKind, at: &str) {
    s.add_entry(&Entry {
        case: None,
        contact: Some(who),
        kind,
        at: chrono::NaiveDateTime::parse_from_str(at, "%Y-%m-%d %H:%M").expect("valid moment"),
        text: "said something".into(),
        confidential: false,
        surgery: None,
    })
    .expect("entry saved");
}

/// The hand-built diary. Figures for 2025 worked out in the comments.
fn diary(s: &mut Store) {
    use AgeBand::*;
    let a = person(
        s,
        "Alice Ames",
        Some("female"),
        Some(From18To29),
        Some("white_british"),
        Some("employed"),
    );
    let b = person(
        s,
        "Bob Bevan",
        Some("male"),
        Some(From45To64),
        None,
        Some("retired"),
    );
    let c = person(s, "Carys Cole", None, None, None, None);
    let dd = person(
        s,
        "Dai Davies",
        Some("prefer_not_to_say"),
        Some(Under18),
        Some("prefer_not_to_say"),
        Some("student"),
    );
    let e = person(
        s,
        "Eve Evans",
        Some("female"),
        Some(From30To44),
        Some("asian_british"),
        Some("employed"),
    );
    let g = person(
        s,
        "Gwen Griffiths",
        Some("male"),
        Some(Over75),
        Some("white_british"),
        Some("retired"),
    );
    let o = s
        .add_contact(&Contact {
            kind: Some(ContactKind::Officer),
            ..Contact::named("Olwen Officer")
        })
        .expect("officer saved")
        .id;
    let f = person(s, "Fred Ford", None, None, None, None);
    let con = Role::Constituent;

    // 1: Alice, closed resolved after 10 days, satisfaction 5.
    case(
        s,
        C {
            opened: d(2025, 1, 10),
            category: "housing",
            channel: Channel::Phone,
            kind: CaseKind::DirectQuery,
            closed: Some((d(2025, 1, 20), Outcome::Resolved, Some(5))),
        },
        &[(a, con)],
    );
    // 2: Alice again (counted once), not resolved after 30 days, satisfaction 2.
    case(
        s,
        C {
            opened: d(2025, 3, 5),
            category: "housing",
            channel: Channel::Email,
            kind: CaseKind::Complaint,
            closed: Some((d(2025, 4, 4), Outcome::NotResolved, Some(2))),
        },
        &[(a, con)],
    );
    // 3: Bob, still open.
    case(
        s,
        C {
            opened: d(2025, 3, 15),
            category: "waste",
            channel: Channel::Surgery,
            kind: CaseKind::ServiceRequest,
            closed: None,
        },
        &[(b, con)],
    );
    // 4: Carys (no demographics), resolved the same day, no score.
    case(
        s,
        C {
            opened: d(2025, 6, 1),
            category: "waste",
            channel: Channel::Phone,
            kind: CaseKind::CommunityIssue,
            closed: Some((d(2025, 6, 1), Outcome::Resolved, None)),
        },
        &[(c, con)],
    );
    // 5: Dai, for Gwen; opened December 2025, closed January 2026 (26 days).
    case(
        s,
        C {
            opened: d(2025, 12, 20),
            category: "parking",
            channel: Channel::Email,
            kind: CaseKind::IndirectQuery,
            closed: Some((d(2026, 1, 15), Outcome::Resolved, Some(3))),
        },
        &[(dd, con), (g, Role::OnBehalfOf)],
    );
    // 6: Gwen, opened 2024, closed 2025 after 92 days, satisfaction 4.
    case(
        s,
        C {
            opened: d(2024, 11, 1),
            category: "highways",
            channel: Channel::Letter,
            kind: CaseKind::DirectQuery,
            closed: Some((d(2025, 2, 1), Outcome::Resolved, Some(4))),
        },
        &[(g, con)],
    );
    // 7: a campaign with no constituent on it.
    case(
        s,
        C {
            opened: d(2025, 7, 7),
            category: "other",
            channel: Channel::Campaign,
            kind: CaseKind::CommunityIssue,
            closed: None,
        },
        &[],
    );
    entry(s, e, EntryKind::CallIn, "2025-05-05 10:00"); // Eve: counted
    entry(s, a, EntryKind::EmailIn, "2025-03-06 09:00"); // Alice: already counted
    entry(s, o, EntryKind::EmailIn, "2025-04-01 09:00"); // an officer: not counted
    entry(s, f, EntryKind::CallOut, "2025-08-01 09:00"); // outbound: not counted
    entry(s, g, EntryKind::LetterIn, "2025-12-31 23:30"); // Gwen: last evening of 2025
    entry(s, c, EntryKind::CallIn, "2026-01-01 00:00"); // Carys: 2026, not 2025
}

fn store() -> Store {
    let mut s = Store::open_in_memory().expect("store opens");
    diary(&mut s);
    s
}

fn json_of(s: &Store, p: &Period) -> Value {
    serde_json::to_value(s.review(p).expect("review runs")).expect("serialises")
}

#[test]
fn every_figure_of_a_calendar_year() {
    let s = store();
    let r = json_of(&s, &Period::year(2025, 1).expect("year"));
    assert_eq!(
        r["period"],
        json!({"from": "2025-01-01", "to": "2025-12-31"})
    );
    // Constituents A, B, C, D of cases opened; inbound E, A, G; not the
    // officer, not Fred's outbound call, not Carys's call of 2026.
    assert_eq!(r["people_contacted"], 6);
    assert_eq!(r["cases_opened"], 6);
    // 1, 2, 4 and 6 (opened 2024); not 5 (closed 2026).
    assert_eq!(r["cases_closed"], 4);
    assert_eq!(r["resolved_satisfactorily"], 3);
    assert_eq!(r["resolution_rate"], 0.75);
    assert_eq!(r["under_30"], 2);
    // Days 0, 10, 30, 92.
    assert_eq!(r["median_days_to_close"], 20.0);
    // Scores 5, 2, 4 (case 4 has none).
    let avg = r["average_satisfaction"].as_f64().expect("a number");
    assert!((avg - 11.0 / 3.0).abs() < 1e-9, "{avg}");
    assert_eq!(
        r["by_channel"],
        json!({"phone": 2, "email": 2, "surgery": 1, "campaign": 1})
    );
    assert_eq!(
        r["by_category"],
        json!({"housing": 2, "waste": 2, "parking": 1, "other": 1})
    );
    assert_eq!(
        r["by_kind"],
        json!({"direct_query": 1, "complaint": 1, "service_request": 1,
               "community_issue": 2, "indirect_query": 1})
    );
    assert_eq!(r["by_outcome"], json!({"resolved": 3, "not_resolved": 1}));
    assert_eq!(
        r["demographics"],
        json!({
            "gender": {"female": 2, "male": 2, "unknown": 1, "prefer_not_to_say": 1},
            "age_band": {"18-29": 1, "45-64": 1, "unknown": 1, "0-17": 1, "30-44": 1, "75+": 1},
            "ethnicity": {"white_british": 2, "unknown": 2, "prefer_not_to_say": 1, "asian_british": 1},
            "employment_status": {"employed": 2, "retired": 2, "student": 1, "unknown": 1},
        })
    );
    assert_eq!(r["by_month"], json!([1, 0, 2, 0, 0, 1, 1, 0, 0, 0, 0, 1]));
    // 2024: Gwen's case opened; nothing closed.
    let p = &r["previous"];
    assert_eq!(
        p["period"],
        json!({"from": "2024-01-01", "to": "2024-12-31"})
    );
    assert_eq!(p["people_contacted"], 1);
    assert_eq!(p["cases_opened"], 1);
    assert_eq!(p["cases_closed"], 0);
    assert_eq!(p["resolved_satisfactorily"], 0);
    assert_eq!(p["resolution_rate"], Value::Null);
    assert_eq!(p["under_30"], 0);
    assert_eq!(p["median_days_to_close"], Value::Null);
    assert_eq!(p["average_satisfaction"], Value::Null);
}

#[test]
fn json_keys_are_exactly_specs() {
    let s = store();
    let r = json_of(&s, &Period::year(2025, 1).expect("year"));
    let mut keys: Vec<&str> = r
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    let mut spec = [
        "period",
        "people_contacted",
        "cases_opened",
        "cases_closed",
        "resolved_satisfactorily",
        "resolution_rate",
        "under_30",
        "median_days_to_close",
        "average_satisfaction",
        "by_channel",
        "by_category",
        "by_kind",
        "by_outcome",
        "demographics",
        "by_month",
        "previous",
    ];
    let headline: Vec<&str> = spec[..9].to_vec();
    spec.sort();
    assert_eq!(keys, spec);
    let mut prev: Vec<&str> = r["previous"]
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    prev.sort();
    let mut headline = headline;
    headline.sort();
    assert_eq!(prev, headline);
    let mut demo: Vec<&str> = r["demographics"]
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    demo.sort();
    assert_eq!(
        demo,
        ["age_band", "employment_status", "ethnicity", "gender"]
    );
    // And in SPEC's order in the text itself.
    let text = s
        .review(&Period::year(2025, 1).expect("year"))
        .expect("review")
        .to_json()
        .expect("json");
    let at = |k: &str| text.find(&format!("\"{k}\":")).expect("key present");
    assert!(at("period") < at("people_contacted"));
    assert!(at("average_satisfaction") < at("by_channel"));
    assert!(at("by_outcome") < at("demographics") && at("demographics") < at("by_month"));
    assert!(at("by_month") < at("previous"));
}

#[test]
fn a_municipal_year_spans_two_calendar_years() {
    let s = store();
    let r = json_of(&s, &Period::year(2025, 5).expect("year"));
    assert_eq!(
        r["period"],
        json!({"from": "2025-05-01", "to": "2026-04-30"})
    );
    // Cases 4 (June), 7 (July), 5 (December).
    assert_eq!(r["cases_opened"], 3);
    // Case 4 (June 2025) and case 5 (January 2026).
    assert_eq!(r["cases_closed"], 2);
    assert_eq!(r["resolved_satisfactorily"], 2);
    assert_eq!(r["resolution_rate"], 1.0);
    assert_eq!(r["median_days_to_close"], 13.0);
    assert_eq!(r["average_satisfaction"], 3.0);
    // Carys and Dai (cases), Eve (May call), Gwen (December letter); Carys's
    // January call does not count her twice.
    assert_eq!(r["people_contacted"], 4);
    assert_eq!(r["under_30"], 1);
    assert_eq!(r["by_month"], json!([0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0]));
    let p = &r["previous"];
    assert_eq!(
        p["period"],
        json!({"from": "2024-05-01", "to": "2025-04-30"})
    );
    assert_eq!(p["cases_opened"], 4);
    assert_eq!(p["cases_closed"], 3);
    assert_eq!(p["resolved_satisfactorily"], 2);
    assert_eq!(p["people_contacted"], 3);
}

#[test]
fn an_empty_period_is_zeros_and_nulls() {
    let s = store();
    let r = json_of(&s, &Period::year(2030, 1).expect("year"));
    for k in [
        "people_contacted",
        "cases_opened",
        "cases_closed",
        "resolved_satisfactorily",
        "under_30",
    ] {
        assert_eq!(r[k], 0, "{k}");
    }
    for k in [
        "resolution_rate",
        "median_days_to_close",
        "average_satisfaction",
    ] {
        assert_eq!(r[k], Value::Null, "{k}");
    }
    for k in ["by_channel", "by_category", "by_kind", "by_outcome"] {
        assert_eq!(r[k], json!({}), "{k}");
    }
    assert_eq!(r["by_month"], json!([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    assert_eq!(r["demographics"]["gender"], json!({}));
}

#[test]
fn a_custom_range_and_the_same_length_before_it() {
    let s = store();
    let p = Period::custom(d(2025, 3, 1), d(2025, 3, 31)).expect("range");
    let r = json_of(&s, &p);
    assert_eq!(r["cases_opened"], 2);
    assert_eq!(r["by_month"], json!([2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    // 31 days before: 29 January – 28 February 2025, when case 6 closed.
    assert_eq!(
        r["previous"]["period"],
        json!({"from": "2025-01-29", "to": "2025-02-28"})
    );
    assert_eq!(r["previous"]["cases_closed"], 1);
}

#[test]
fn summary_suppresses_counts_below_five() {
    let s = store();
    let review = s
        .review(&Period::year(2025, 1).expect("year"))
        .expect("review");
    let sum = Summary::from_review(&review);
    let v = serde_json::to_value(&sum).expect("serialises");
    assert_eq!(v["format"], "casebook-summary");
    assert_eq!(v["version"], 1);
    assert_eq!(v["people_contacted"], 6);
    assert_eq!(v["cases_opened"], 6);
    assert_eq!(v["cases_closed"], Value::Null);
    assert_eq!(v["resolved_satisfactorily"], Value::Null);
    assert_eq!(v["resolution_rate"], Value::Null);
    assert_eq!(v["under_30"], Value::Null);
    assert_eq!(v["median_days_to_close"], Value::Null);
    assert_eq!(v["average_satisfaction"], Value::Null);
    assert_eq!(v["by_category"]["housing"], Value::Null);
    assert_eq!(v["by_month"][2], Value::Null);
    assert_eq!(v["by_month"][1], 0);
    // Free-text values held by fewer than 5 people are not named.
    let eth = v["demographics"]["ethnicity"].as_object().expect("a map");
    assert_eq!(eth.keys().collect::<Vec<_>>(), ["(others)"]);
    // No personal data: names never appear.
    let text = sum.to_json().expect("json");
    for name in ["Alice", "Ames", "Gwen", "Olwen"] {
        assert!(!text.contains(name), "{name} in {text}");
    }
}

// ---- the real binary ----

struct Bin {
    dir: tempfile::TempDir,
}

impl Bin {
    fn new() -> Bin {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("config.toml"), "").expect("config");
        let mut s = Store::open(&dir.path().join("diary.db")).expect("store");
        diary(&mut s);
        Bin { dir }
    }

    fn path(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_casebook"))
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .args(args)
            .env("CASEBOOK_DB", self.path("diary.db"))
            .env("CASEBOOK_CONFIG", self.path("config.toml"))
            .env("CASEBOOK_NOW", "2026-03-01T09:00")
            .output()
            .expect("runs");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}

#[test]
fn binary_json_text_markdown_html() {
    let b = Bin::new();
    let (code, out, err) = b.run(&["review", "--year", "2025", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["people_contacted"], 6);
    assert_eq!(v["previous"]["cases_opened"], 1);

    let (code, out, _) = b.run(&["review", "--year", "2025"]);
    assert_eq!(code, 0);
    for q in [
        "How many people contacted you with problems in the last year?",
        "How did people contact you?",
        "How many cases were you able to resolve satisfactorily?",
        "How does this compare with previous years?",
        "What was the profile of the problem",
        "How does your casework load and type compare to that of other members?",
        "Unknown (not recorded)",
        "6 people contacted you in 2025: up 5 on 2024 (1)",
    ] {
        assert!(out.contains(q), "missing {q:?} in\n{out}");
    }

    let (code, out, _) = b.run(&["review", "--year", "2025", "--format", "markdown"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("# Casework review: 2025"), "{out}");
    assert!(out.contains("| Housing | 2 | 33% |"), "{out}");

    let html = b.path("review.html");
    let (code, _, err) = b.run(&[
        "review",
        "--year",
        "2025",
        "--format",
        "html",
        "--out",
        html.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 0, "{err}");
    let h = std::fs::read_to_string(&html).expect("written");
    assert!(h.starts_with("<!DOCTYPE html>"));
    assert!(h.contains("<svg"));
    assert!(h.contains("@media print"));
    assert!(h.contains("Unknown (not recorded)"));
    assert!(!h.contains("<script"));
    assert!(
        !h.contains("http://")
            || !h
                .replace("http://www.w3.org/2000/svg", "")
                .contains("http://")
    );
    assert!(!h.contains("https://"));
}

#[test]
fn binary_default_period_is_the_year_containing_today() {
    let b = Bin::new();
    let (code, out, _) = b.run(&["review", "--format", "json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(
        v["period"],
        json!({"from": "2026-01-01", "to": "2026-12-31"})
    );
    std::fs::write(b.path("config.toml"), "year_start_month = 5\n").expect("config");
    let (_, out, _) = b.run(&["review", "--format", "json", "--year", "2025"]);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(
        v["period"],
        json!({"from": "2025-05-01", "to": "2026-04-30"})
    );
}

#[test]
fn binary_rejects_bad_ranges_and_files() {
    let b = Bin::new();
    let (code, _, err) = b.run(&["review", "--from", "2025-03-10", "--to", "2025-03-01"]);
    assert_eq!(code, 1);
    assert!(err.contains("before --from"), "{err}");
    let bad = b.path("bad.json");
    std::fs::write(&bad, "{\"hello\": 1}").expect("write");
    let (code, out, err) = b.run(&["review", "--compare", bad.to_str().expect("utf-8")]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("bad.json") && err.contains("not a casebook summary"),
        "{err}"
    );
    let (code, _, err) = b.run(&["review", "--compare", "/nonexistent/x.json"]);
    assert_eq!(code, 1);
    assert!(err.contains("/nonexistent/x.json"), "{err}");
}

#[test]
fn binary_summary_out_and_compare() {
    let b = Bin::new();
    let mine = b.path("mine.json");
    let (code, out, err) = b.run(&[
        "review",
        "--year",
        "2025",
        "--summary-out",
        mine.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Anonymised summary of 2025 written to"),
        "{out}"
    );
    let loaded = Summary::load(&mine).expect("loads back");
    assert_eq!(loaded.cases_opened, Some(6));
    let text = std::fs::read_to_string(&mine).expect("written");
    assert!(
        !text.contains("Alice") && !text.contains("2025-0001"),
        "{text}"
    );

    let colleague = b.path("cllr-jones.json");
    std::fs::copy(&mine, &colleague).expect("copy");
    let (code, out, err) = b.run(&[
        "review",
        "--year",
        "2025",
        "--compare",
        colleague.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("cllr-jones"), "{out}");
    assert!(out.contains("<5"), "{out}");
    assert!(out.contains("Casework load"), "{out}");
    assert!(out.contains("Housing"), "{out}");
}

#[test]
fn the_summary_file_has_a_stable_shape() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = store();
    let sum = Summary::from_review(&s.review(&Period::year(2025, 1).expect("y")).expect("r"));
    let p = dir.path().join("s.json");
    std::fs::write(&p, sum.to_json().expect("json")).expect("write");
    assert_eq!(Summary::load(Path::new(&p)).expect("loads"), sum);
    let newer = sum
        .to_json()
        .expect("json")
        .replace("\"version\": 1", "\"version\": 9");
    std::fs::write(&p, newer).expect("write");
    let e = Summary::load(&p).expect_err("newer refused");
    assert!(e.to_string().contains("newer casebook"), "{e}");
}

/// Not a test: fills the diary named by `CASEBOOK_BIG_DB` with 100k cases,
/// 60k contacts and 300k entries, for measuring `casebook review` by hand:
/// `CASEBOOK_BIG_DB=/tmp/big.db cargo test --release --test review -- --ignored`.
#[test]
#[ignore]
fn fill_a_big_diary_for_timing() {
    let Ok(path) = std::env::var("CASEBOOK_BIG_DB") else {
        return;
    };
    drop(Store::open(Path::new(&path)).expect("schema"));
    let conn = rusqlite::Connection::open(&path).expect("opens");
    conn.execute_batch(include_str!("fixtures/big_diary.sql"))
        .expect("filled");
}
