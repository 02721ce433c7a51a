//! Celebrating success: `casebook publicise` and `casebook successes`, whose
//! export must carry no personal data.

use std::process::Command;

use casebook::config::Config;
use casebook::domain::{Case, CaseKind, CaseStatus, Contact, Outcome, Role};
use casebook::store::Store;
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

struct Diary {
    dir: tempfile::TempDir,
}

impl Diary {
    fn new() -> Diary {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("config.toml"), "").expect("config");
        let mut s = Store::open(&dir.path().join("diary.db")).expect("store");
        let sian = s
            .add_contact(&Contact {
                address: Some("12 Heol y Coed, Cardiff".into()),
                postcode: Some("CF10 5BF".into()),
                phone: Some("07700 900123".into()),
                email: Some("sian.davies@example.com".into()),
                ..Contact::named("Siân Davies")
            })
            .expect("contact")
            .id;
        let mut c = Case::new(
            "Damp in Siân Davies's flat at 12 Heol y Coed",
            d(2026, 1, 5),
        );
        c.reference = "2026-0001".into();
        c.category = "housing".into();
        c.location = Some("12 Heol y Coed".into());
        c.postcode = Some("CF10 5BF".into());
        c.wants = Some(
            "Mrs Davies wants the landlord to fix the damp; call sian on 07700 900123 or \
             sian.davies@example.com (CF10 5BF)"
                .into(),
        );
        c.status = CaseStatus::Closed;
        c.closed = Some(d(2026, 2, 10));
        c.outcome = Some(Outcome::Resolved);
        let cats = Config::default().categories();
        s.add_case(&c, &[(sian, Role::Constituent)], &cats)
            .expect("case");

        let mut open = Case::new("Streetlight out", d(2026, 2, 1));
        open.reference = "2026-0002".into();
        open.kind = CaseKind::CommunityIssue;
        s.add_case(&open, &[], &cats).expect("case");

        let mut park = Case::new("Broken swings in Victoria Park", d(2026, 1, 1));
        park.reference = "2026-0003".into();
        park.kind = CaseKind::CommunityIssue;
        park.category = "environment".into();
        park.location = Some("Victoria Park".into());
        park.status = CaseStatus::Closed;
        park.closed = Some(d(2026, 1, 30));
        park.outcome = Some(Outcome::Resolved);
        s.add_case(&park, &[], &cats).expect("case");
        Diary { dir }
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_casebook"))
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .args(args)
            .env("CASEBOOK_DB", self.dir.path().join("diary.db"))
            .env("CASEBOOK_CONFIG", self.dir.path().join("config.toml"))
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
fn the_export_carries_no_personal_data() {
    let diary = Diary::new();
    let (code, _, err) = diary.run(&["publicise", "2026-0001"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = diary.run(&["publicise", "2026-0003"]);
    assert_eq!(code, 0, "{err}");
    for format in ["markdown", "text"] {
        let (code, out, err) = diary.run(&["successes", "--format", format]);
        assert_eq!(code, 0, "{err}");
        println!("{out}");
        let lower = out.to_lowercase();
        for secret in [
            "siân",
            "sian",
            "davies",
            "07700",
            "900123",
            "example.com",
            "@",
            "cf10 5bf",
            "12 heol",
            "heol y coed",
        ] {
            assert!(!lower.contains(secret), "{secret:?} leaked into\n{out}");
        }
        assert!(out.contains("Housing — CF10, February 2026"), "{out}");
        assert!(out.contains("a resident"), "{out}");
        // A community issue keeps its place: it is the point of the story.
        assert!(
            out.contains("Environment — Victoria Park, January 2026"),
            "{out}"
        );
    }
}

#[test]
fn only_resolved_cases_can_be_marked_and_marks_come_off() {
    let diary = Diary::new();
    let (code, out, err) = diary.run(&["publicise", "2026-0002"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains("2026-0002") && err.contains("resolved"),
        "{err}"
    );
    let (code, _, err) = diary.run(&["publicise", "2099-0001"]);
    assert_eq!(code, 1);
    assert!(err.contains("2099-0001"), "{err}");

    diary.run(&["publicise", "2026-0003"]);
    let (_, out, _) = diary.run(&["successes"]);
    assert!(out.contains("Victoria Park"), "{out}");
    let (code, _, _) = diary.run(&["publicise", "2026-0003", "--off"]);
    assert_eq!(code, 0);
    let (_, out, _) = diary.run(&["successes"]);
    assert!(!out.contains("Victoria Park"), "{out}");
    assert!(out.contains("No cases are marked"), "{out}");
}
