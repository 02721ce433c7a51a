//! Terminal escape injection (issue 12, item 9): a name or text holding
//! `ESC [2J` or a line break, from a CSV import or from `--who`, never
//! reaches the terminal raw, and a name never splits a line.

mod common;

use common::{Sandbox, stderr, stdout};

const EVIL: &str = "Evil\u{1b}[2J\nName";

fn assert_clean(what: &str, text: &str) {
    for c in text.chars() {
        assert!(
            !c.is_control() || c == '\n' || c == '\t',
            "{what}: control character {:?} printed: {text:?}",
            c
        );
    }
    // The name was printed, and whole on one line.
    for line in text.lines() {
        assert!(
            !line.trim_start().starts_with("Name"),
            "{what}: the name was split across lines: {text:?}"
        );
    }
}

fn evil_diary() -> Sandbox {
    let sb = Sandbox::new();
    let csv = format!(
        "reference,title,opened,name,postcode,category,location,notes\n\
         2026-0001,\"Bins \u{1b}[31mred\",2026-02-01,\"{EVIL}\",CF10 5BF,waste,\"Heol\u{1b}]0;pwned\u{7}\",\"facts \u{1b}[2J here\"\n"
    );
    let file = sb.write("evil.csv", csv);
    let out = sb.run(&["import", file.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = sb.run(&[
        "log",
        "--who",
        EVIL,
        "--follow-up",
        "2026-03-01",
        "Called \u{1b}[2J",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_clean("log (stderr)", &stderr(&out));
    assert_clean("log (stdout)", &stdout(&out));
    sb
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let sb = evil_diary();
    for args in [
        &["due"][..],
        &["review", "--year", "2026"],
        &["patterns"],
        &["directory", "Evil"],
        &["sar", "--id", "00000000-0000-0000-0000-000000000000"],
        &["erase", "Evil[2J Name"],
        &["erase", EVIL],
        &["successes", "--format", "text"],
    ] {
        let out = sb.run(args);
        assert_clean(&format!("{args:?} stdout"), &stdout(&out));
        assert_clean(&format!("{args:?} stderr"), &stderr(&out));
    }
}

#[test]
fn a_subject_access_export_prints_the_name_on_one_line() {
    let sb = evil_diary();
    let store = sb.store();
    let mut people = store.find_person(EVIL).expect("find");
    people.extend(store.find_person("Evil[2J Name").expect("find"));
    assert!(!people.is_empty(), "the imported person is found");
    let out = sb.run(&["sar", "--id", &people[0].uuid.to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert_clean("sar", &md);
    assert!(md.contains("Evil[2J Name"), "{md}");
}

#[test]
fn an_error_echoing_user_input_is_one_clean_line() {
    let sb = evil_diary();
    let out = sb.run(&["sar", "No\u{1b}[2J\nbody"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_clean("error", &err);
    assert_eq!(err.lines().count(), 1, "{err:?}");
}

#[test]
fn machine_formats_written_to_a_file_keep_the_data_intact() {
    let sb = evil_diary();
    let path = sb.path("all.json");
    let out = sb.run(&["export", "--out", path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json = std::fs::read_to_string(&path).expect("read export");
    assert!(
        json.contains("\\u001b[2J"),
        "the escape is kept, escaped: {json}"
    );
}
