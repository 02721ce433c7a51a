//! The shell as a way in (issue 15): `cases`, `show`, `search`, `contacts`,
//! `followups` (list, done, snooze, add), `close`, and `due` saying what each
//! follow-up is for; completions in a real bash (a pseudo-terminal) and the
//! manual page. All through the real binary.

mod common;

use std::io::{Read, Write};
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use common::{Sandbox, assert_fails_one_line, stderr, stdout};

fn ok(out: &std::process::Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{}", stderr(out));
    stdout(out)
}

fn json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_str(&ok(out)).expect("valid JSON")
}

/// A small diary: two cases from a spreadsheet, and a call with a follow-up.
fn diary() -> Sandbox {
    let sb = Sandbox::new();
    let csv = "Ref,Date,Name,Phone,Issue,Category,Status,Notes\n\
               2026-0001,03/02/2026,Siân Davies,029 2087 1234,Damp in the back bedroom,Housing,Waiting,Black mould\n\
               2026-0002,10/02/2026,Dai Jones,,Bins missed,Bins,Open,\n";
    let file = sb.write("cases.csv", csv);
    ok(&sb.run(&["import", file.to_str().expect("path")]));
    ok(&sb.run(&[
        "log",
        "--who",
        "Siân Davies",
        "--case",
        "2026-0001",
        "--follow-up",
        "today",
        "Call back about the damp survey",
    ]));
    sb
}

#[test]
fn cases_lists_and_filters() {
    let sb = diary();
    let text = ok(&sb.run(&["cases"]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with("2026-0002"), "newest first: {text}");
    assert!(lines[1].contains("Damp in the back bedroom"), "{text}");
    assert!(lines[1].contains("Siân Davies"), "{text}");

    let waste = json(&sb.run(&["cases", "--category", "Bins", "--format", "json"]));
    let refs: Vec<&str> = waste["cases"]
        .as_array()
        .expect("list")
        .iter()
        .map(|c| c["reference"].as_str().expect("ref"))
        .collect();
    assert_eq!(refs, vec!["2026-0002"]);
    let waiting = json(&sb.run(&["cases", "--status", "waiting", "--format", "json"]));
    assert_eq!(waiting["cases"][0]["reference"], "2026-0001");
    assert_eq!(waiting["cases"][0]["status"], "waiting_other");
    let since = json(&sb.run(&["cases", "--since", "2026-02-05", "--format", "json"]));
    assert_eq!(since["cases"].as_array().expect("list").len(), 1);
    let person = json(&sb.run(&["cases", "--person", "sian davies", "--format", "json"]));
    assert_eq!(person["cases"][0]["reference"], "2026-0001");
    assert_eq!(person["cases"].as_array().expect("list").len(), 1);

    let err = assert_fails_one_line(&sb.run(&["cases", "--status", "purple"]));
    assert!(err.contains("unknown status `purple`"), "{err}");
    let err = assert_fails_one_line(&sb.run(&["cases", "--person", "Nobody Here"]));
    assert!(err.contains("no person matches"), "{err}");
}

#[test]
fn show_prints_the_whole_case() {
    let sb = diary();
    let text = ok(&sb.run(&["show", "2026-0001"]));
    for want in [
        "2026-0001  Damp in the back bedroom",
        "Black mould",
        "Siân Davies (Constituent)  029 2087 1234",
        "Call back about the damp survey",
    ] {
        assert!(text.contains(want), "{want} in:\n{text}");
    }
    let doc = json(&sb.run(&["show", "2026-0001", "--format", "json"]));
    assert_eq!(doc["reference"], "2026-0001");
    assert_eq!(doc["category"], "housing");
    assert_eq!(doc["people"][0]["name"], "Siân Davies");
    assert_eq!(doc["entries"][0]["kind"], "call_in");
    assert!(doc["follow_ups"][0]["id"].is_i64());

    let err = assert_fails_one_line(&sb.run(&["show", "2099-9999"]));
    assert!(err.contains("2099-9999"), "{err}");
}

#[test]
fn search_and_contacts() {
    let sb = diary();
    let text = ok(&sb.run(&["search", "damp"]));
    assert!(text.contains("Damp in the back bedroom"), "{text}");
    let doc = json(&sb.run(&["search", "mould", "--format", "json"]));
    assert!(
        doc["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .any(|h| h["kind"] == "case"),
        "{doc}"
    );
    let text = ok(&sb.run(&["contacts"]));
    assert_eq!(text.lines().count(), 2, "{text}");
    let doc = json(&sb.run(&["contacts", "sian", "--format", "json"]));
    assert_eq!(doc["contacts"][0]["name"], "Siân Davies");
    assert_eq!(doc["contacts"][0]["phone"], "029 2087 1234");
    assert_eq!(doc["contacts"][0]["open_cases"], 1);
}

#[test]
fn due_says_what_each_follow_up_is_for() {
    let sb = diary();
    let text = ok(&sb.run(&["due"]));
    assert!(
        text.contains(
            "Siân Davies (today): Follow up with Siân Davies: Call back about the damp survey"
        ),
        "{text}"
    );
    let doc = json(&sb.run(&["due", "--format", "json"]));
    let f = &doc["follow_ups"][0];
    assert!(
        f["what"]
            .as_str()
            .expect("what")
            .contains("Call back about the damp survey"),
        "{doc}"
    );
    assert_eq!(f["confidential"], false);
    assert!(f["number"].is_i64());
}

#[test]
fn a_follow_up_is_done_snoozed_and_added_from_the_shell() {
    let sb = diary();
    let list = json(&sb.run(&["followups", "--format", "json"]));
    let number = list["follow_ups"][0]["number"].as_i64().expect("number");
    let uuid = list["follow_ups"][0]["id"]
        .as_str()
        .expect("uuid")
        .to_string();
    assert!(
        ok(&sb.run(&["followups"])).contains("Call back about the damp survey"),
        "the list says what it is for"
    );

    let out = ok(&sb.run(&["followups", "snooze", &format!("#{number}"), "+3d"]));
    assert_eq!(out.trim(), format!("#{number} moved to 2026-03-04"));
    assert!(!ok(&sb.run(&["due"])).contains("Follow-ups due"), "snoozed");

    let out = ok(&sb.run(&["followups", "done", &uuid]));
    assert!(out.starts_with(&format!("done: #{number} ")), "{out}");
    assert_eq!(ok(&sb.run(&["followups"])).trim(), "No follow-ups pending.");
    let err = assert_fails_one_line(&sb.run(&["followups", "done", &number.to_string()]));
    assert!(err.contains("already done on 2026-03-01"), "{err}");
    let err = assert_fails_one_line(&sb.run(&["followups", "snooze", "999", "tomorrow"]));
    assert!(err.contains("no follow-up matches `999`"), "{err}");
    let err = assert_fails_one_line(&sb.run(&["followups", "snooze", "1", "yesterday"]));
    assert!(err.contains("in the past"), "{err}");

    let out = ok(&sb.run(&[
        "followups",
        "add",
        "--case",
        "2026-0002",
        "tomorrow",
        "Ring",
        "the",
        "depot",
    ]));
    assert!(out.contains("on 2026-0002, due 2026-03-02"), "{out}");
    let list = ok(&sb.run(&["followups"]));
    assert!(
        list.contains("2026-03-02  2026-0002  Ring the depot"),
        "{list}"
    );
    let before = sb.snapshot();
    let err =
        assert_fails_one_line(&sb.run(&["followups", "add", "--case", "2026-0002", "soon", "x"]));
    assert!(err.contains("`soon` is not a date"), "{err}");
    assert_eq!(sb.snapshot(), before, "nothing written");
}

#[test]
fn close_a_case_from_the_shell() {
    let sb = diary();
    let out = ok(&sb.run(&["close", "2026-0002", "--outcome", "Resolved satisfactorily"]));
    assert_eq!(
        out.trim(),
        "closed 2026-0002: Resolved satisfactorily (2026-03-01)"
    );
    let doc = json(&sb.run(&["show", "2026-0002", "--format", "json"]));
    assert_eq!(doc["status"], "closed");
    assert_eq!(doc["outcome"], "resolved");
    assert_eq!(doc["closed"], "2026-03-01");
    let err = assert_fails_one_line(&sb.run(&["close", "2026-0002", "--outcome", "resolved"]));
    assert!(err.contains("already closed"), "{err}");
    let before = sb.snapshot();
    let err = assert_fails_one_line(&sb.run(&["close", "2026-0001", "--outcome", "resolvd"]));
    assert!(err.contains("(nearest: `resolved`)"), "{err}");
    assert_eq!(sb.snapshot(), before, "nothing written");
}

#[test]
fn names_cannot_drive_the_terminal() {
    let sb = Sandbox::new();
    let csv =
        "title,opened,constituent_name\n\"Bins\u{1b}[2J\",2026-01-01,\"Eve\u{1b}]0;owned\u{7}\"\n";
    let file = sb.write("evil.csv", csv);
    ok(&sb.run(&["import", file.to_str().expect("path")]));
    for args in [&["cases"][..], &["contacts"], &["search", "bins"]] {
        let out = ok(&sb.run(args));
        assert!(!out.contains('\u{1b}'), "{args:?}: {out:?}");
        assert!(!out.contains('\u{7}'), "{args:?}: {out:?}");
    }
}

#[test]
fn the_manual_page_renders() {
    let sb = Sandbox::new();
    let page = ok(&sb.run(&["man"]));
    assert!(
        page.starts_with(".ie") || page.contains(".TH casebook"),
        "{page}"
    );
    for want in ["followups", "completions", "EXIT STATUS", "skip\\-bad"] {
        assert!(page.contains(want), "{want} in the man page");
    }
    let file = sb.write("casebook.1", &page);
    let rendered = std::process::Command::new("man")
        .arg(&file)
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("MANWIDTH", "100")
        .output();
    match rendered {
        Ok(o) if o.status.success() => {
            let text = String::from_utf8_lossy(&o.stdout);
            assert!(text.contains("casebook"), "{text}");
            assert!(text.contains("EXIT STATUS"), "{text}");
        }
        Ok(o) => panic!("man failed: {}", String::from_utf8_lossy(&o.stderr)),
        Err(e) => panic!("`man` is needed to check the page renders: {e}"),
    }
}

#[test]
fn every_shell_gets_a_completion_script() {
    let sb = Sandbox::new();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = ok(&sb.run(&["completions", shell]));
        assert!(script.contains("followups"), "{shell}");
        assert!(script.contains("skip-bad"), "{shell}");
    }
    let out = sb.run(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2), "a usage mistake");
}

#[test]
fn help_has_examples_and_colour_obeys_no_color() {
    let sb = Sandbox::new();
    for cmd in [
        "cases",
        "show",
        "followups",
        "close",
        "import",
        "completions",
    ] {
        let help = ok(&sb.run(&[cmd, "--help"]));
        assert!(help.contains("Examples:"), "{cmd}: {help}");
    }
    let help = ok(&sb.run(&["--help"]));
    assert!(
        help.contains("Exit status: 0 success; 1 an error"),
        "{help}"
    );
    let plain = ok(&sb.run(&["--color", "always", "--help"]));
    assert!(plain.contains('\u{1b}'), "--color always colours");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["--help"])
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    assert!(!stdout(&out).contains('\u{1b}'));
}

/// `casebook completions bash`, sourced in a real interactive bash, completes
/// subcommands and options on Tab.
#[test]
fn bash_completes_subcommands_and_flags_in_a_real_terminal() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let sb = Sandbox::new();
    let script = ok(&sb.run(&["completions", "bash"]));
    let script_path = sb.write("casebook.bash", script);
    let bin_dir = std::path::Path::new(env!("CARGO_BIN_EXE_casebook"))
        .parent()
        .expect("bin dir")
        .to_path_buf();

    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let mut cmd = CommandBuilder::new("bash");
    cmd.args(["--norc", "--noprofile", "-i"]);
    cmd.env(
        "PATH",
        format!(
            "{}:{}",
            bin_dir.display(),
            std::env::var("PATH").unwrap_or_default()
        ),
    );
    cmd.env("HOME", sb.dir.path());
    cmd.env("PS1", "$ ");
    cmd.env("TERM", "xterm");
    cmd.env("INPUTRC", "/dev/null");
    let mut child = pty.slave.spawn_command(cmd).expect("spawn bash");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let mut writer = pty.master.take_writer().expect("writer");
    let (tx, rx) = channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut seen = String::new();
    let wait_for = |want: &str, seen: &mut String| {
        let start = Instant::now();
        while !seen.contains(want) {
            if let Ok(bytes) = rx.recv_timeout(Duration::from_millis(100)) {
                seen.push_str(&String::from_utf8_lossy(&bytes));
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {want:?}; bash showed:\n{seen}"
            );
        }
    };
    let mut send = |s: &str| {
        writer.write_all(s.as_bytes()).expect("write");
        writer.flush().expect("flush");
    };
    send(&format!(
        "source {}; echo sourced-ok\r",
        script_path.display()
    ));
    wait_for("sourced-ok\r\n", &mut seen);
    seen.clear();
    // A unique prefix completes in place.
    send("casebook follow\t");
    wait_for("followups", &mut seen);
    send("\u{15}"); // Ctrl-U: clear the line
    seen.clear();
    send("casebook import --skip\t");
    wait_for("--skip-bad", &mut seen);
    send("\u{15}");
    seen.clear();
    send("casebook followups sn\t");
    wait_for("snooze", &mut seen);
    send("\u{15}exit\r");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("bash did not exit");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_confidential_follow_up_is_masked_in_due_and_followups() {
    let sb = Sandbox::new();
    ok(&sb.run(&[
        "log",
        "--who",
        "Rhys Hughes",
        "--confidential",
        "--follow-up",
        "today",
        "Worried about his mental health",
    ]));
    for args in [&["due"][..], &["followups"]] {
        let text = ok(&sb.run(args));
        assert!(!text.contains("mental health"), "{args:?}: {text}");
        assert!(text.contains("confidential"), "{args:?}: {text}");
    }
    for args in [
        &["due", "--format", "json"][..],
        &["followups", "--format", "json"],
    ] {
        let doc = json(&sb.run(args));
        assert_eq!(
            doc["follow_ups"][0]["what"],
            serde_json::Value::Null,
            "{args:?}"
        );
        assert_eq!(doc["follow_ups"][0]["confidential"], true, "{args:?}");
    }
}
