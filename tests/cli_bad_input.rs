//! Bad input to the real binary: exit 1 with one line naming the problem,
//! usage errors exit 2, the diary is left exactly as it was, never a panic.

mod common;

use common::{Sandbox, assert_fails, assert_fails_one_line, stderr, stdout};

/// A sandbox whose diary already holds one entry, so "unchanged" means something.
fn seeded() -> (Sandbox, Vec<u8>) {
    let sb = Sandbox::new();
    let out = sb.run(&["log", "--who", "Siân Davies", "Bins not collected"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let snap = sb.snapshot();
    assert!(!snap.is_empty());
    (sb, snap)
}

#[test]
fn empty_name_or_text() {
    let (sb, before) = seeded();
    let err = assert_fails_one_line(&sb.run(&["log", "--who", "", "Called"]));
    assert!(err.contains("--who is empty"), "{err}");
    let err = assert_fails_one_line(&sb.run(&["log", "--who", "   ", "Called"]));
    assert!(err.contains("--who is empty"), "{err}");
    let err = assert_fails_one_line(&sb.run(&["log", "--who", "Siân Davies", ""]));
    assert!(err.contains("text is empty"), "{err}");
    let err = assert_fails_one_line(&sb.run(&["log", "--who", "Siân Davies", "  ", " "]));
    assert!(err.contains("text is empty"), "{err}");
    assert_eq!(sb.snapshot(), before);
}

#[test]
fn impossible_dates() {
    let (sb, before) = seeded();
    let err = assert_fails_one_line(&sb.run(&["log", "--who", "Ann", "--at", "31/02/2025", "x"]));
    assert!(err.contains("`31/02/2025` is not a real date"), "{err}");
    let err =
        assert_fails_one_line(&sb.run(&["log", "--who", "Ann", "--follow-up", "31/02/2025", "x"]));
    assert!(err.contains("`31/02/2025` is not a real date"), "{err}");
    let err =
        assert_fails_one_line(&sb.run(&["log", "--who", "Ann", "--at", "2025-01-01 25:00", "x"]));
    assert!(err.contains("not a time"), "{err}");
    let err = assert_fails_one_line(&sb.run(&["log", "--who", "Ann", "--follow-up", "soon", "x"]));
    assert!(err.contains("`soon` is not a date"), "{err}");
    assert_eq!(sb.snapshot(), before);
}

#[test]
fn unknown_entry_kind_lists_the_valid_ones() {
    let (sb, before) = seeded();
    let err = assert_fails_one_line(&sb.run(&["log", "--who", "Ann", "--kind", "fax", "x"]));
    assert!(err.contains("unknown entry kind `fax`"), "{err}");
    for kind in ["call_in", "email_out", "surgery_visit", "feedback_given"] {
        assert!(err.contains(kind), "{kind} missing: {err}");
    }
    assert_eq!(sb.snapshot(), before);
}

#[test]
fn unknown_case_reference() {
    let (sb, before) = seeded();
    let err = assert_fails_one_line(&sb.run(&["log", "--who", "Ann", "--case", "2099-0001", "x"]));
    assert!(err.contains("2099-0001"), "{err}");
    assert_eq!(sb.snapshot(), before);
}

#[test]
fn unknown_category_or_channel_in_a_spreadsheet() {
    let (sb, before) = seeded();
    let file = sb.write(
        "lists.csv",
        "title,opened,category,channel\nBins,2026-01-01,spaceships,phone\nCall,2026-01-02,waste,carrier pigeon\n",
    );
    let err = assert_fails(&sb.run(&["import", file.to_str().expect("path")]));
    let lines: Vec<&str> = err.trim_end().lines().collect();
    assert_eq!(
        lines[0],
        "casebook: 2 rows are not valid; nothing was imported (fix them, or --skip-bad to import the good rows and set these aside)"
    );
    assert!(
        lines[1].contains("line 2: unknown category `spaceships`: expected one of housing"),
        "{err}"
    );
    assert!(
        lines[2].contains("line 3: unknown channel `carrier pigeon`: expected one of phone"),
        "{err}"
    );
    assert_eq!(lines.len(), 3, "{err}");
    assert_eq!(sb.snapshot(), before);
}

#[test]
fn a_spreadsheet_with_bad_rows_lists_every_one() {
    let (sb, before) = seeded();
    let mut csv = String::from("title,opened,status\n");
    for i in 0..30 {
        if i % 3 == 0 {
            csv += &format!("Bad {i},not a date,open\n");
        } else {
            csv += &format!("Good {i},2026-01-01,open\n");
        }
    }
    let file = sb.write("many.csv", &csv);
    let err = assert_fails(&sb.run(&["import", file.to_str().expect("path")]));
    let lines: Vec<&str> = err.trim_end().lines().collect();
    assert_eq!(
        lines[0],
        "casebook: 10 rows are not valid; nothing was imported (fix them, or --skip-bad to import the good rows and set these aside)"
    );
    for (n, line) in lines[1..].iter().enumerate() {
        assert!(line.contains(&format!("line {}:", 2 + 3 * n)), "{line}");
    }
    assert_eq!(lines.len(), 11);
    assert_eq!(sb.snapshot(), before);
}

#[test]
fn a_file_that_is_not_csv() {
    let (sb, before) = seeded();
    let file = sb.write("photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    let err = assert_fails_one_line(&sb.run(&["import", file.to_str().expect("path")]));
    assert!(err.contains("photo.csv is not a CSV file"), "{err}");
    let file = sb.write("ragged.csv", "title,opened\na,2026-01-01\nb\n");
    let err = assert_fails_one_line(&sb.run(&["import", file.to_str().expect("path")]));
    assert!(
        err.contains("line 3 has 1 fields but the header row has 2"),
        "{err}"
    );
    let err = assert_fails_one_line(&sb.run(&["import", sb.dir.path().to_str().expect("path")]));
    assert!(err.contains("cannot read"), "{err}");
    assert_eq!(sb.snapshot(), before);
}

#[test]
fn a_database_in_a_folder_that_does_not_exist() {
    let sb = Sandbox::new();
    let db = sb.path("no/such/folder/casebook.db");
    let out = sb.run_with_db(&db, &["log", "--who", "Ann", "Hello"]);
    let err = assert_fails_one_line(&out);
    assert!(err.contains("the folder"), "{err}");
    assert!(err.contains("does not exist"), "{err}");
    assert!(!sb.path("no").exists(), "the folder was created");
}

#[test]
fn a_config_file_with_a_syntax_error_names_file_and_line() {
    let (sb, before) = seeded();
    std::fs::write(
        &sb.config,
        "referral_reply_days = 10\nkeep_informed_days = = 3\n",
    )
    .expect("write config");
    let err = assert_fails_one_line(&sb.run(&["log", "--who", "Ann", "Hello"]));
    assert!(err.contains(sb.config.to_str().expect("path")), "{err}");
    assert!(err.contains("line 2"), "{err}");
    std::fs::write(&sb.config, "").expect("reset config");
    assert_eq!(sb.snapshot(), before);
}

#[test]
fn a_config_file_with_an_unknown_key_names_it() {
    let (sb, before) = seeded();
    std::fs::write(&sb.config, "[patterns]\nwindow_dayz = 3\n").expect("write config");
    let err = assert_fails_one_line(&sb.run(&["log", "--who", "Ann", "Hello"]));
    assert!(err.contains("window_dayz"), "{err}");
    assert!(err.contains("line 2"), "{err}");
    assert!(err.contains("config.toml"), "{err}");
    std::fs::write(&sb.config, "").expect("reset config");
    assert_eq!(sb.snapshot(), before);
}

#[test]
fn usage_errors_exit_2() {
    let (sb, before) = seeded();
    let cases: [&[&str]; 6] = [
        &["log", "Hello"],
        &["log", "--who", "Ann"],
        &["export", "--format", "xml"],
        &["import"],
        &["frobnicate"],
        &["log", "--who", "Ann", "--bogus", "x"],
    ];
    for args in cases {
        let out = sb.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"), "{args:?}");
    }
    assert_eq!(sb.snapshot(), before);
}

#[test]
fn odd_input_never_panics() {
    let (sb, _) = seeded();
    let odd: [&[&str]; 10] = [
        &["log", "--who", "'; DROP TABLE contacts; --", "x"],
        &["log", "--who", "Ann", "--case", "\"*(^:", "x"],
        &["log", "--who", "Ann", "--at", "", "x"],
        &[
            "log",
            "--who",
            "Ann",
            "--follow-up",
            "+99999999999999999999d",
            "x",
        ],
        &["log", "--who", "Ann", "--follow-up", "+3y", "x"],
        &["log", "--who", "Ann", "--at", "9999-12-31 23:59", "x"],
        &["log", "--who", "🙂🙂🙂", "emoji \u{202e} bidi"],
        &["log", "--who", "Ann", "--kind", "", "x"],
        &["import", "--dry-run", "/dev/null"],
        &["export", "--format", "csv"],
    ];
    for args in odd {
        let out = sb.run(args);
        let code = out.status.code();
        assert!(matches!(code, Some(0..=2)), "{args:?}: {code:?}");
        assert!(
            !stderr(&out).contains("panicked"),
            "{args:?}: {}",
            stderr(&out)
        );
        if code == Some(1) {
            assert_eq!(
                stderr(&out).trim_end().lines().count(),
                1,
                "{args:?}: {}",
                stderr(&out)
            );
        }
    }
    // The contacts table survived the name that looks like SQL.
    let out = sb.run(&["export", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).starts_with("reference,opened"));
    // Siân, the SQL-looking name and the emoji; the year-9999 call is
    // refused (outside the window of dates), so Ann is never made.
    assert_eq!(sb.store().counts().expect("counts").contacts, 3);
}

/// Issue 12, item 15: a config number out of range panicked in `due`
/// (`NaiveDate - TimeDelta overflowed`). Every number is bounded, and the
/// message names the file, the key, its line and the range.
#[test]
fn config_numbers_out_of_range_are_named_never_a_panic() {
    let (sb, before) = seeded();
    for (toml, key, range) in [
        (
            "keep_informed_days = 4294967295\n",
            "keep_informed_days",
            "1 to 365",
        ),
        (
            "referral_reply_days = 0\n",
            "referral_reply_days",
            "1 to 60",
        ),
        (
            "retention_years = 4000000000\n",
            "retention_years",
            "1 to 50",
        ),
        (
            "\n[patterns]\nwindow_days = 4294967295\n",
            "patterns.window_days",
            "1 to 3650",
        ),
        (
            "\n[backup]\nkeep_daily = 99999\n",
            "backup.keep_daily",
            "0 to 366",
        ),
        (
            "\n[privacy]\nlock_after_minutes = 4294967295\n",
            "privacy.lock_after_minutes",
            "0 to 1440",
        ),
    ] {
        std::fs::write(&sb.config, toml).expect("write config");
        for args in [&["due"][..], &["patterns"], &["retention"]] {
            let err = assert_fails_one_line(&sb.run(args));
            assert!(err.contains(key), "{toml}: {err}");
            assert!(err.contains(range), "{toml}: {err}");
            assert!(err.contains("config.toml"), "{toml}: {err}");
            assert!(!err.contains("line 0"), "{toml}: {err}");
        }
    }
    assert_eq!(sb.snapshot(), before);
}

/// Issue 12, item 16: dates out of range (year 0, 1900, 9999, +2932897d)
/// are refused with the window named; what happened cannot be in the future.
#[test]
fn dates_out_of_range_or_in_the_future_are_refused() {
    let (sb, before) = seeded();
    for (args, says) in [
        (
            &["log", "--who", "Ann", "--at", "0000-01-01", "x"][..],
            "1990-01-01 to 2036-03-01",
        ),
        (
            &["log", "--who", "Ann", "--at", "1900-01-01", "x"],
            "1990-01-01 to 2036-03-01",
        ),
        (
            &["log", "--who", "Ann", "--follow-up", "9999-12-27", "x"],
            "1990-01-01 to 2036-03-01",
        ),
        (
            &["log", "--who", "Ann", "--follow-up", "+2932897d", "x"],
            "is not a date",
        ),
        (
            &["log", "--who", "Ann", "--at", "tomorrow", "x"],
            "in the future",
        ),
        (
            &["log", "--who", "Ann", "--at", "2026-03-01 10:00", "x"],
            "the entry is dated 2026-03-01 10:00, in the future",
        ),
        (
            &[
                "--lang",
                "cy",
                "log",
                "--who",
                "Ann",
                "--at",
                "2026-03-01 10:00",
                "x",
            ],
            "mae'r cofnod wedi'i ddyddio 2026-03-01 10:00, yn y dyfodol",
        ),
        (
            &["sar", "Siân Davies", "--requested", "1900-01-01"],
            "1990-01-01 to 2036-03-01",
        ),
        (
            &["review", "--from", "0001-01-01", "--to", "2026-01-01"],
            "1990-01-01 to 2036-03-01",
        ),
        (&["review", "--year", "9999"], "1990 to 2036"),
    ] {
        let err = assert_fails_one_line(&sb.run(args));
        assert!(err.contains(says), "{args:?}: {err}");
    }
    let file = sb.write("future.csv", "title,opened\nLater,2027-01-01\n");
    let err = assert_fails(&sb.run(&["import", file.to_str().expect("utf-8")]));
    assert!(err.contains("in the future"), "{err}");
    assert_eq!(sb.snapshot(), before);
}
