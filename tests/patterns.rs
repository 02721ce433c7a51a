//! The bigger picture (SPEC section 6): true clusters and near-misses, built
//! through the Store API; `casebook patterns --format json` as the binary.

use std::process::Command;

use casebook::config::Config;
use casebook::domain::Case;
use casebook::store::Store;
use chrono::{Duration, NaiveDate};
use serde_json::{Value, json};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn add(
    s: &mut Store,
    category: &str,
    location: Option<&str>,
    postcode: Option<&str>,
    opened: NaiveDate,
) -> String {
    let mut c = Case::new("Bins not emptied", opened);
    c.category = category.into();
    c.location = location.map(String::from);
    c.postcode = postcode.map(String::from);
    s.add_case(&c, &[], &Config::default().categories())
        .expect("case saved")
        .data
        .reference
}

/// Cases opened from 1 March 2026 on.
fn day(n: i64) -> NaiveDate {
    d(2026, 3, 1) + Duration::days(n)
}

fn diary(s: &mut Store) -> Vec<String> {
    // A true cluster: one estate, typed three ways, within 42 days.
    let a = add(s, "waste", Some("Maes y Coed"), None, day(0));
    let b = add(
        s,
        "waste",
        Some("  maes  Y coed"),
        Some("CF10 5BF"),
        day(20),
    );
    let c = add(s, "waste", Some("MAES Y COED "), None, day(42));
    // Near-miss: only two cases.
    add(s, "parking", Some("High Street"), None, day(1));
    add(s, "parking", Some("High Street"), None, day(2));
    // Near-miss: three cases, spread beyond the window.
    add(s, "highways", Some("Park Road"), None, day(0));
    add(s, "highways", Some("Park Road"), None, day(30));
    add(s, "highways", Some("Park Road"), None, day(73));
    // Near-miss: one area, three different categories.
    add(s, "waste", Some("Elm Estate"), None, day(5));
    add(s, "housing", Some("Elm Estate"), None, day(6));
    add(s, "parking", Some("Elm Estate"), None, day(7));
    // Postcode sectors, no location: CF10 5 makes a cluster; CF10 6 is apart.
    let p = add(s, "anti_social_behaviour", None, Some("CF10 5AA"), day(50));
    let q = add(s, "anti_social_behaviour", None, Some("cf105zz"), day(51));
    let r = add(s, "anti_social_behaviour", None, Some("CF10 5BF"), day(52));
    add(s, "anti_social_behaviour", None, Some("CF10 6AA"), day(53));
    vec![a, b, c, p, q, r]
}

#[test]
fn clusters_and_near_misses() {
    let mut s = Store::open_in_memory().expect("store");
    let refs = diary(&mut s);
    let found = s.clusters(NaiveDate::MIN, 42, 3).expect("clusters");
    assert_eq!(found.len(), 2, "{found:#?}");
    // Most recent first.
    let sector = &found[0];
    assert_eq!(sector.category, "anti_social_behaviour");
    assert_eq!(sector.area, "CF10 5");
    assert_eq!(sector.cases, refs[3..6]);
    assert_eq!((sector.first, sector.last), (day(50), day(52)));
    let estate = &found[1];
    assert_eq!(estate.category, "waste");
    assert_eq!(estate.area, "maes y coed");
    assert_eq!(estate.cases, refs[0..3]);
    assert_eq!((estate.first, estate.last), (day(0), day(42)));
}

#[test]
fn window_and_minimum_come_from_the_caller() {
    let mut s = Store::open_in_memory().expect("store");
    diary(&mut s);
    // A 41-day window splits the estate (0 and 42 are 42 days apart).
    let found = s.clusters(NaiveDate::MIN, 41, 3).expect("clusters");
    assert!(found.iter().all(|c| c.area != "maes y coed"), "{found:#?}");
    // Two cases are enough when the minimum is two: High Street appears.
    let found = s.clusters(NaiveDate::MIN, 42, 2).expect("clusters");
    assert!(found.iter().any(|c| c.area == "high street"), "{found:#?}");
    // Park Road: days 0 and 30 make a pair; 73 is 43 days after 30.
    let park = found
        .iter()
        .find(|c| c.area == "park road")
        .expect("park road with a minimum of two");
    assert_eq!(park.cases.len(), 2);
    assert_eq!((park.first, park.last), (day(0), day(30)));
}

#[test]
fn only_cases_since_the_date_given() {
    let mut s = Store::open_in_memory().expect("store");
    diary(&mut s);
    let found = s.clusters(day(10), 42, 3).expect("clusters");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].area, "CF10 5");
}

#[test]
fn binary_json_is_a_list_with_exact_keys() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("diary.db");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").expect("config");
    let refs = {
        let mut s = Store::open(&db).expect("store");
        diary(&mut s)
    };
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_casebook"))
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .args(args)
            .env("CASEBOOK_DB", &db)
            .env("CASEBOOK_CONFIG", &config)
            .env("CASEBOOK_NOW", "2026-06-01T09:00")
            .output()
            .expect("runs")
    };
    let out = run(&["patterns", "--format", "json"]);
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        v[1],
        json!({"category": "waste", "area": "maes y coed", "cases": refs[0..3],
               "first": "2026-03-01", "last": "2026-04-12"})
    );
    // serde_json's map is sorted; the raw text shows SPEC's order.
    let keys: Vec<&String> = v[0].as_object().expect("object").keys().collect();
    assert_eq!(keys, ["area", "cases", "category", "first", "last"]);
    let raw = String::from_utf8_lossy(&out.stdout);
    let at = |k: &str| raw.find(&format!("\"{k}\":")).expect("key present");
    assert!(at("category") < at("area") && at("area") < at("cases"));
    assert!(at("cases") < at("first") && at("first") < at("last"));

    let out = run(&["patterns"]);
    let text = String::from_utf8_lossy(&out.stdout);
    // The place as typed, not its folded key.
    assert!(text.contains("Waste in Maes y Coed: 3 cases"), "{text}");

    std::fs::write(&config, "[patterns]\nmin_cases = 4\n").expect("config");
    let out = run(&["patterns", "--format", "json"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "[]");
}
