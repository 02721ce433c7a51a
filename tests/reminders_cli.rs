//! The real binary: `casebook due` on a frozen date, the issue's scenario
//! (log a call with a follow-up, refer the case, let the clock run on), the
//! refer / reply / directory / surgery commands, and `casebook calendar`
//! checked line by line against RFC 5545.

use std::path::PathBuf;
use std::process::{Command, Output};

use casebook::domain::{Case, Contact, Role};
use casebook::store::Store;
use chrono::NaiveDate;

struct Diary {
    dir: tempfile::TempDir,
}

impl Diary {
    fn new() -> Diary {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("config.toml"), "").expect("config");
        Diary { dir }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("casebook.db")
    }

    fn config(&self, text: &str) {
        std::fs::write(self.dir.path().join("config.toml"), text).expect("config");
    }

    /// Runs casebook with the clock frozen at `now`.
    fn run(&self, now: &str, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_casebook"))
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .arg("--db")
            .arg(self.db())
            .args(args)
            .env("CASEBOOK_CONFIG", self.dir.path().join("config.toml"))
            .env("CASEBOOK_NOW", now)
            .env("TZ", "UTC")
            .env_remove("CASEBOOK_DB")
            .output()
            .expect("run casebook")
    }

    fn ok(&self, now: &str, args: &[&str]) -> String {
        let out = self.run(now, args);
        assert!(
            out.status.success(),
            "casebook {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    /// A case for `name`, opened on `opened`, made through the library (the
    /// shell has no command to open a case yet).
    fn case(&self, title: &str, opened: NaiveDate, name: &str, consent: Option<bool>) -> String {
        let mut store = Store::open(&self.db()).expect("open");
        let who = store
            .add_contact(&Contact::named(name))
            .expect("contact")
            .id;
        let categories = casebook::config::Config::default().categories();
        let case = Case {
            consent_to_share: consent,
            category: "waste".into(),
            ..Case::new(title, opened)
        };
        store
            .add_case(&case, &[(who, Role::Constituent)], &categories)
            .expect("case")
            .data
            .reference
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

#[test]
fn nothing_due_is_said_and_exits_zero() {
    let diary = Diary::new();
    assert_eq!(diary.ok("2026-03-02T09:00", &["due"]), "Nothing due.\n");
    let json: serde_json::Value =
        serde_json::from_str(&diary.ok("2026-03-02T09:00", &["due", "--format", "json"]))
            .expect("json");
    assert_eq!(json["today"], "2026-03-02");
    assert_eq!(json["follow_ups"], serde_json::json!([]));
    assert_eq!(json["late_referrals"], serde_json::json!([]));
    assert_eq!(json["needs_update"], serde_json::json!([]));
}

#[test]
fn due_lists_today_and_overdue_but_not_the_future() {
    let diary = Diary::new();
    let now = "2026-03-02T09:00";
    diary.ok(
        now,
        &[
            "log",
            "--who",
            "Ann Overdue",
            "--follow-up",
            "2026-02-27",
            "rang about bins",
        ],
    );
    diary.ok(
        now,
        &[
            "log",
            "--who",
            "Ben Today",
            "--follow-up",
            "today",
            "rang about lights",
        ],
    );
    diary.ok(
        now,
        &[
            "log",
            "--who",
            "Cat Future",
            "--follow-up",
            "tomorrow",
            "rang about parking",
        ],
    );
    let text = diary.ok(now, &["due"]);
    assert!(text.contains("Follow-ups due (2):"), "{text}");
    assert!(
        text.contains("2026-02-27  unfiled    Ann Overdue (3 days overdue)"),
        "{text}"
    );
    assert!(
        text.contains("2026-03-02  unfiled    Ben Today (today)"),
        "{text}"
    );
    assert!(
        !text.contains("Cat Future"),
        "future follow-up listed: {text}"
    );
    // Each follow-up says what it is for (issue 15).
    assert!(
        text.contains("Ann Overdue (3 days overdue): Follow up with Ann Overdue: rang about bins"),
        "{text}"
    );

    let json: serde_json::Value =
        serde_json::from_str(&diary.ok(now, &["due", "--format", "json"])).expect("json");
    let list = json["follow_ups"].as_array().expect("array");
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["contact"], "Ann Overdue");
    assert_eq!(list[0]["due_on"], "2026-02-27");
    assert_eq!(list[0]["days_overdue"], 3);
    assert_eq!(list[0]["case"], serde_json::Value::Null);
    assert_eq!(list[1]["days_overdue"], 0);
    assert!(list[0]["id"].as_str().is_some_and(|s| s.len() == 36));

    // The next day, Cat's follow-up is due today.
    let text = diary.ok("2026-03-03T08:00", &["due"]);
    assert!(text.contains("Cat Future (today)"), "{text}");
}

#[test]
fn the_scenario_call_referral_and_the_clock_moving_on() {
    let diary = Diary::new();
    // Monday 2 March 2026.
    let monday = "2026-03-02T09:00";
    let reference = diary.case(
        "Fly-tipping behind the shops",
        d(2026, 3, 2),
        "Siân Davies",
        None,
    );
    let logged = diary.ok(
        monday,
        &[
            "log",
            "--who",
            "Siân Davies",
            "--case",
            &reference,
            "--follow-up",
            "+3d",
            "Rubbish dumped again",
        ],
    );
    assert_eq!(logged.trim(), reference);
    diary.ok(
        monday,
        &[
            "directory",
            "--add",
            "Jo Bloggs",
            "--department",
            "Waste Services",
            "--handles",
            "fly-tipping, missed bins",
        ],
    );
    let found = diary.ok(
        monday,
        &[
            "directory",
            "who",
            "do",
            "I",
            "speak",
            "to",
            "about",
            "fly-tipping?",
        ],
    );
    assert!(
        found.starts_with("Jo Bloggs · Waste Services — fly-tipping"),
        "{found}"
    );

    // No consent recorded: refused, nothing written, the way forward named.
    let refused = diary.run(
        monday,
        &["refer", "--case", &reference, "--to", "Jo Bloggs"],
    );
    assert_eq!(refused.status.code(), Some(1));
    let msg = String::from_utf8_lossy(&refused.stderr);
    assert!(msg.contains("has not been asked"), "{msg}");
    assert!(msg.contains("--yes"), "{msg}");
    assert_eq!(
        Store::open(&diary.db())
            .expect("open")
            .counts()
            .expect("counts")
            .referrals,
        0
    );

    let referred = diary.ok(
        monday,
        &[
            "refer",
            "--case",
            &reference,
            "--to",
            "jo bloggs",
            "--council-ref",
            "ENQ-77",
            "--copied",
            "--yes",
        ],
    );
    assert_eq!(
        referred.trim(),
        format!("{reference} referred to Jo Bloggs: reply due 2026-03-16 (10 working days)")
    );

    // Wednesday: nothing yet.
    assert_eq!(diary.ok("2026-03-04T09:00", &["due"]), "Nothing due.\n");
    // Thursday: the follow-up.
    let thursday = diary.ok("2026-03-05T09:00", &["due"]);
    assert!(
        thursday.contains(&format!("2026-03-05  {reference}  Siân Davies (today)")),
        "{thursday}"
    );
    assert!(!thursday.contains("Late replies"), "{thursday}");
    // Monday 16 March: the reply is due today, not late yet; Siân has heard
    // nothing for 14 days.
    let due_day = diary.ok("2026-03-16T09:00", &["due"]);
    assert!(!due_day.contains("Late replies"), "{due_day}");
    assert!(due_day.contains("Needs an update"), "{due_day}");
    assert!(
        due_day.contains(&format!(
            "{reference}  Siân Davies: no contact yet (opened 2026-03-02), 14 days"
        )),
        "{due_day}"
    );
    // Tuesday 17 March: the reply is a working day late.
    let late = diary.ok("2026-03-17T09:00", &["due"]);
    assert!(late.contains("Late replies to referrals (1):"), "{late}");
    assert!(
        late.contains(&format!(
            "{reference}  Jo Bloggs (Waste Services): reply due 2026-03-16, 1 working day late"
        )),
        "{late}"
    );
    assert!(late.contains("(12 days overdue)"), "{late}");
    let json: serde_json::Value =
        serde_json::from_str(&diary.ok("2026-03-17T09:00", &["due", "--format", "json"]))
            .expect("json");
    assert_eq!(json["late_referrals"][0]["council_ref"], "ENQ-77");
    assert_eq!(json["late_referrals"][0]["working_days_late"], 1);
    assert_eq!(json["needs_update"][0]["constituent"], "Siân Davies");
    assert_eq!(json["needs_update"][0]["days_since"], 15);
    assert_eq!(
        json["needs_update"][0]["last_contact"],
        serde_json::Value::Null
    );

    // The reply comes; the case moves on; ringing Siân back clears the rest.
    let replied = diary.ok(
        "2026-03-18T10:00",
        &["reply", "--case", &reference, "Cleared on Tuesday"],
    );
    assert_eq!(
        replied.trim(),
        format!(
            "{reference}: reply from Jo Bloggs recorded, 2 working days late; the case is now open"
        )
    );
    diary.ok(
        "2026-03-18T10:30",
        &[
            "log",
            "--who",
            "Siân Davies",
            "--case",
            &reference,
            "--kind",
            "call_out",
            "Told her it is cleared",
        ],
    );
    let store = Store::open(&diary.db()).expect("open");
    let agenda = store.agenda(d(2026, 3, 18), 10).expect("agenda");
    let fid = agenda.overdue.items[0].id;
    drop(store);
    Store::open(&diary.db())
        .expect("open")
        .complete_follow_up(fid, d(2026, 3, 18))
        .expect("done");
    assert_eq!(diary.ok("2026-03-18T11:00", &["due"]), "Nothing due.\n");
}

#[test]
fn reply_and_refer_report_mistakes_clearly() {
    let diary = Diary::new();
    let now = "2026-03-02T09:00";
    let reference = diary.case("Potholes", d(2026, 3, 2), "Ann", Some(true));
    let nobody = diary.run(now, &["refer", "--case", &reference, "--to", "Nobody"]);
    assert_eq!(nobody.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&nobody.stderr).contains("casebook directory --add"));
    let bad = diary.run(
        now,
        &[
            "refer",
            "--case",
            &reference,
            "--to",
            "Nobody",
            "--instruction",
            "shout",
        ],
    );
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown instruction"));
    let no_case = diary.run(now, &["reply", "--case", "1999-0001", "hello"]);
    assert_eq!(no_case.status.code(), Some(1));
    let none = diary.run(now, &["reply", "--case", &reference, "hello"]);
    assert!(String::from_utf8_lossy(&none.stderr).contains("no referral awaiting a reply"));
    // Consent given: no --yes needed.
    diary.ok(
        now,
        &["directory", "--add", "Sam Roads", "--handles", "potholes"],
    );
    let out = diary.ok(
        now,
        &[
            "refer",
            "--case",
            &reference,
            "--to",
            "Sam Roads",
            "--days",
            "3",
        ],
    );
    assert!(
        out.contains("reply due 2026-03-05 (3 working days)"),
        "{out}"
    );
}

#[test]
fn a_surgery_from_start_to_end_collects_what_is_logged() {
    let diary = Diary::new();
    let started = diary.ok(
        "2026-03-07T10:00",
        &["surgery", "start", "Llanrumney", "Library"],
    );
    assert!(
        started.contains("Surgery at Llanrumney Library started 2026-03-07 10:00"),
        "{started}"
    );
    let twice = diary.run("2026-03-07T10:05", &["surgery", "start", "Elsewhere"]);
    assert_eq!(twice.status.code(), Some(1));
    assert!(
        diary
            .ok("2026-03-07T10:06", &["surgery", "status"])
            .contains("running since 2026-03-07 10:00")
    );
    diary.ok(
        "2026-03-07T10:15",
        &[
            "log",
            "--who",
            "Siân Davies",
            "--kind",
            "surgery_visit",
            "damp",
        ],
    );
    diary.ok(
        "2026-03-07T10:40",
        &[
            "log",
            "--who",
            "Tom Jones",
            "--kind",
            "surgery_visit",
            "parking",
        ],
    );
    let ended = diary.ok("2026-03-07T12:00", &["surgery", "end"]);
    assert_eq!(
        ended.trim(),
        "Surgery at Llanrumney Library ended: 2 people seen, 0 cases opened, 2 entries"
    );
    // Logged after it ended: not part of it.
    diary.ok("2026-03-07T13:00", &["log", "--who", "Late Comer", "rang"]);
    let list = diary.ok("2026-03-08T09:00", &["surgery", "list"]);
    assert_eq!(
        list.trim(),
        "2026-03-07  Llanrumney Library: 2 people seen, 0 cases opened, 2 entries"
    );
    let none = diary.run("2026-03-08T09:00", &["surgery", "end"]);
    assert_eq!(none.status.code(), Some(1));
}

/// The physical lines of an .ics file, each checked against RFC 5545's
/// rules; returns the logical (unfolded) lines.
fn check_ics(bytes: &[u8]) -> Vec<String> {
    assert!(bytes.ends_with(b"\r\n"), "the file ends with CRLF");
    let mut logical: Vec<Vec<u8>> = Vec::new();
    let mut pieces: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    // After the final CRLF there is nothing.
    assert_eq!(pieces.pop(), Some(&b""[..]));
    for line in pieces {
        let line = line.strip_suffix(b"\r").unwrap_or_else(|| {
            panic!(
                "a line ends in a bare LF: {:?}",
                String::from_utf8_lossy(line)
            )
        });
        assert!(!line.contains(&b'\r'), "a bare CR");
        assert!(
            line.len() <= 75,
            "{} octets: {:?}",
            line.len(),
            String::from_utf8_lossy(line)
        );
        // Every physical line is whole UTF-8: no character split by a fold.
        std::str::from_utf8(line).expect("a fold split a UTF-8 character");
        match line.first() {
            Some(b' ') => logical
                .last_mut()
                .expect("a continuation follows a line")
                .extend_from_slice(&line[1..]),
            Some(_) => logical.push(line.to_vec()),
            None => panic!("an empty line"),
        }
    }
    logical
        .into_iter()
        .map(|l| String::from_utf8(l).expect("utf-8"))
        .collect()
}

fn property<'a>(lines: &'a [String], name: &str) -> Vec<&'a str> {
    lines.iter().filter_map(|l| l.strip_prefix(name)).collect()
}

#[test]
fn the_calendar_keeps_the_rules_of_rfc_5545() {
    let diary = Diary::new();
    let venue = "Canolfan Gymunedol Tŷ Newydd, Heol y Frenhines; Ystafell 2 \\ Neuadd Fawr — ŵŷâ êîô ŵŷâ êîô ŵŷâ";
    diary.ok("2026-03-07T10:00", &["surgery", "start", venue]);
    diary.ok("2026-03-07T12:30", &["surgery", "end"]);
    diary.ok(
        "2026-03-02T09:00",
        &[
            "log",
            "--who",
            "Dafydd ap Gwilym, Jr; Ŵŷ",
            "--follow-up",
            "2026-03-05",
            "rang",
        ],
    );
    let out_path = diary.dir.path().join("casebook.ics");
    let out = out_path.to_str().expect("utf-8 path");
    diary.ok("2026-03-08T09:15", &["calendar", "--out", out]);
    let first = std::fs::read(&out_path).expect("read");
    let lines = check_ics(&first);

    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    assert!(lines.iter().any(|l| l == "VERSION:2.0"));
    assert!(lines.iter().any(|l| l.starts_with("PRODID:")));
    assert_eq!(property(&lines, "BEGIN:VEVENT").len(), 2);
    // DTSTAMP from the frozen clock, in UTC.
    assert_eq!(
        property(&lines, "DTSTAMP:"),
        ["20260308T091500Z", "20260308T091500Z"]
    );
    // The follow-up: an all-day event on its day.
    assert!(lines.iter().any(|l| l == "DTSTART;VALUE=DATE:20260305"));
    assert!(lines.iter().any(|l| l == "DTEND;VALUE=DATE:20260306"));
    assert!(
        lines
            .iter()
            .any(|l| l == "SUMMARY:Follow up: Dafydd ap Gwilym\\, Jr\\; Ŵŷ (unfiled)"),
        "{lines:#?}"
    );
    // The surgery: its times, its venue escaped.
    assert!(lines.iter().any(|l| l == "DTSTART:20260307T100000"));
    assert!(lines.iter().any(|l| l == "DTEND:20260307T123000"));
    let escaped = "Canolfan Gymunedol Tŷ Newydd\\, Heol y Frenhines\\; Ystafell 2 \\\\ Neuadd Fawr — ŵŷâ êîô ŵŷâ êîô ŵŷâ";
    assert_eq!(property(&lines, "LOCATION:"), [escaped]);
    assert_eq!(property(&lines, "SUMMARY:Surgery at "), [escaped]);
    // The long lines really were folded.
    let raw = String::from_utf8(first.clone()).expect("utf-8");
    assert!(raw.contains("\r\n "), "nothing was folded");

    // A second export, later: the same UIDs, so a calendar updates in place.
    diary.ok("2026-03-09T09:15", &["calendar", "--out", out]);
    let second = check_ics(&std::fs::read(&out_path).expect("read"));
    let uids = property(&lines, "UID:");
    assert_eq!(uids.len(), 2);
    assert!(uids.iter().all(|u| u.ends_with("@casebook")));
    assert_eq!(property(&second, "UID:"), uids);
    assert_eq!(property(&second, "DTSTAMP:")[0], "20260309T091500Z");

    // Standard output gives the same calendar.
    let stdout = diary.ok("2026-03-09T09:15", &["calendar"]);
    assert_eq!(stdout.as_bytes(), std::fs::read(&out_path).expect("read"));
}

#[test]
fn hidden_venues_stay_out_of_the_calendar() {
    let diary = Diary::new();
    diary.config("[calendar]\nhide_venues = true\n");
    diary.ok("2026-03-07T10:00", &["surgery", "start", "Secret Venue"]);
    let ics = diary.ok("2026-03-07T10:30", &["calendar"]);
    let lines = check_ics(ics.as_bytes());
    assert!(!ics.contains("Secret Venue"), "{ics}");
    assert!(property(&lines, "LOCATION:").is_empty());
    assert_eq!(property(&lines, "SUMMARY:"), ["Surgery"]);
    // A running surgery has a start but no end yet.
    assert!(lines.iter().any(|l| l == "DTSTART:20260307T100000"));
    assert!(property(&lines, "DTEND").is_empty());
}
