//! "Nothing lost, nothing leaked" (issue 12): the real binary never writes an
//! output over the diary or its backups, creates every file user-only,
//! finishes an interrupted erasure, cleans up after an interrupted
//! encryption, and says plainly what it did.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::{Sandbox, assert_fails_one_line, stdout};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).expect("meta").permissions().mode() & 0o777
}

fn diary() -> Sandbox {
    let s = Sandbox::new();
    let out = s.run(&["log", "--who", "Sian Jones", "bins not collected"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    // The second open makes today's automatic backup.
    let out = s.run(&["due"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    s
}

#[test]
fn no_output_is_ever_written_over_the_diary_or_its_backups() {
    let s = diary();
    let before = s.snapshot();
    let db = s.db.display().to_string();
    let sub = s.path("sub");
    std::fs::create_dir(&sub).expect("mkdir");
    let link = s.path("report.txt");
    std::os::unix::fs::symlink(&s.db, &link).expect("symlink");
    let backup = s.path("backups").join("casebook-2026-03-01.db");
    assert!(backup.is_file(), "today's automatic backup");
    let backup_before = std::fs::read(&backup).expect("read");
    let spellings = [
        db.clone(),
        format!("{}/../casebook.db", sub.display()),
        link.display().to_string(),
        format!("{db}-wal"),
        format!("{db}-shm"),
        backup.display().to_string(),
        s.path("backups").join("report.md").display().to_string(),
    ];
    for path in &spellings {
        for args in [
            vec!["review", "--out", path],
            vec!["export", "--out", path],
            vec!["calendar", "--out", path],
            vec!["successes", "--out", path],
            vec!["review", "--summary-out", path],
        ] {
            let err = assert_fails_one_line(&s.run(&args));
            assert!(err.contains("nothing was written"), "{args:?}: {err}");
        }
    }
    // `sar --out BASE` writes BASE.json and BASE.md.
    let err = assert_fails_one_line(&s.run(&[
        "sar",
        "Sian Jones",
        "--out",
        &s.path("backups").join("sian").display().to_string(),
    ]));
    assert!(err.contains("backups folder"), "{err}");
    let err =
        assert_fails_one_line(&s.run(&["handover", "--out", &db, "--rest", "anonymise", "--yes"]));
    assert!(err.contains("nothing was written"), "{err}");
    let err = assert_fails_one_line(&s.run(&["backup", &format!("{db}-wal")]));
    assert!(err.contains("the diary"), "{err}");
    assert!(s.snapshot() == before, "the diary is unchanged");
    assert!(
        std::fs::read(&backup).expect("read") == backup_before,
        "the backup is unchanged"
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert!(!s.path("backups").join("report.md").exists());
    assert!(!Path::new(&format!("{db}-wal")).exists());
}

#[test]
fn out_writes_through_a_symlink_streams_to_a_fifo_and_refuses_a_device() {
    let s = diary();
    let real = s.path("real.json");
    std::fs::write(&real, "old").expect("write");
    let link = s.path("link.json");
    std::os::unix::fs::symlink("real.json", &link).expect("symlink");
    let out = s.run(&["export", "--out", &link.display().to_string()]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert!(
        std::fs::read_to_string(&real)
            .expect("read")
            .contains("Sian Jones")
    );

    let fifo = s.path("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read fifo"))
    };
    let out = s.run(&["export", "--out", &fifo.display().to_string()]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(reader.join().expect("reader").contains("Sian Jones"));
    assert!(
        std::os::unix::fs::FileTypeExt::is_fifo(
            &std::fs::symlink_metadata(&fifo).expect("fifo").file_type()
        ),
        "the FIFO is still a FIFO"
    );

    let err = assert_fails_one_line(&s.run(&["export", "--out", "/dev/null"]));
    assert!(err.contains("is a device"), "{err}");
    assert!(std::os::unix::fs::FileTypeExt::is_char_device(
        &std::fs::symlink_metadata("/dev/null")
            .expect("dev")
            .file_type()
    ));
}

#[test]
fn every_file_casebook_writes_is_the_users_alone() {
    let s = diary();
    // Whatever the umask: the test process's (usually 022) is inherited.
    assert_eq!(mode(&s.db), 0o600, "the diary");
    assert_eq!(mode(&s.path("backups")), 0o700, "the backups folder");
    let backup = s.path("backups").join("casebook-2026-03-01.db");
    assert_eq!(mode(&backup), 0o600, "the automatic backup");
    let made = stdout(&s.run(&["backup"]));
    assert_eq!(mode(Path::new(made.trim())), 0o600, "a backup by hand");
    for (args, file) in [
        (vec!["export", "--out"], "export.json"),
        (vec!["export", "--format", "csv", "--out"], "export.csv"),
        (vec!["review", "--format", "html", "--out"], "review.html"),
        (vec!["calendar", "--out"], "cal.ics"),
        (vec!["successes", "--out"], "successes.md"),
    ] {
        let path = s.path(file).display().to_string();
        let mut args = args.clone();
        args.push(&path);
        let out = s.run(&args);
        assert!(out.status.success(), "{args:?}: {}", common::stderr(&out));
        assert_eq!(mode(Path::new(&path)), 0o600, "{file}");
    }
    let base = s.path("sar").display().to_string();
    let out = s.run(&["sar", "Sian Jones", "--out", &base]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert_eq!(mode(&s.path("sar.json")), 0o600);
    assert_eq!(mode(&s.path("sar.md")), 0o600);
}

#[test]
fn a_diary_and_backups_left_readable_by_everyone_are_tightened_on_open() {
    let s = diary();
    let backup = s.path("backups").join("casebook-2026-03-01.db");
    for p in [&s.db, &backup] {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    }
    std::fs::set_permissions(s.path("backups"), std::fs::Permissions::from_mode(0o755))
        .expect("chmod");
    // The next day's open makes a new backup and rotates the folder.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .arg("--db")
        .arg(&s.db)
        .args(["due"])
        .env("CASEBOOK_CONFIG", &s.config)
        .env("CASEBOOK_NOW", "2026-03-02T09:00")
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert_eq!(mode(&s.db), 0o600);
    assert_eq!(mode(&backup), 0o600);
    assert_eq!(mode(&s.path("backups")), 0o700);
}

#[test]
fn two_backups_in_one_second_both_succeed() {
    let s = diary();
    let first = s.run(&["backup"]);
    let second = s.run(&["backup"]);
    assert!(first.status.success(), "{}", common::stderr(&first));
    assert!(second.status.success(), "{}", common::stderr(&second));
    let (a, b) = (stdout(&first), stdout(&second));
    assert_ne!(a.trim(), b.trim());
    assert!(Path::new(a.trim()).is_file() && Path::new(b.trim()).is_file());
    // A path the user names is still never overwritten.
    let named = s.path("mine.db").display().to_string();
    assert!(s.run(&["backup", &named]).status.success());
    let err = assert_fails_one_line(&s.run(&["backup", &named]));
    assert!(err.contains("already exists"), "{err}");
}

fn run_keyed(s: &Sandbox, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .arg("--db")
        .arg(&s.db)
        .args(args)
        .env("CASEBOOK_CONFIG", &s.config)
        .env("CASEBOOK_NOW", "2026-03-01T09:00")
        .env("CASEBOOK_PASSPHRASE", "correct horse battery")
        .env_remove("CASEBOOK_DB")
        .output()
        .expect("run casebook")
}

fn plain_header(path: &Path) -> bool {
    std::fs::read(path).is_ok_and(|b| b.starts_with(b"SQLite format 3\0"))
}

#[test]
fn a_plain_copy_left_by_a_killed_encrypt_is_reported_then_removed() {
    let s = diary();
    // What a kill -9 between the copy and the wipe leaves: the old plain
    // diary as `casebook.db.old-PID` and a partial copy (the PIDs are above
    // the kernel's maximum, so surely not running).
    let old = s.path("casebook.db.old-4194305");
    let partial = s.path(".casebook.db.rekeying-4194305.partial-4194305");
    std::fs::copy(&s.db, &old).expect("copy");
    std::fs::copy(&s.db, &partial).expect("copy");
    let out = run_keyed(&s, &["encrypt"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let again = s.path("casebook.db.old-4194306");
    std::fs::copy(s.path("backups/casebook-2026-03-01.db"), &again).expect("copy");

    let check = run_keyed(&s, &["check"]);
    let report = stdout(&check);
    let err = assert_fails_one_line(&check);
    assert!(err.contains("need attention"), "{err}");
    assert!(report.contains("the diary is healthy"), "{report}");
    assert!(report.contains("casebook.db.old-4194306"), "{report}");
    assert!(
        report.contains("plain (unencrypted) copy"),
        "the plain backup is named too: {report}"
    );

    let out = run_keyed(&s, &["due"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(
        common::stderr(&out).contains("casebook.db.old-4194306"),
        "{}",
        common::stderr(&out)
    );
    for p in [&old, &partial, &again] {
        assert!(!p.exists(), "{} removed", p.display());
    }
    assert!(!stdout(&run_keyed(&s, &["check"])).contains("old-4194306"));
}

#[test]
fn restoring_a_plain_backup_over_an_encrypted_diary_keeps_it_encrypted() {
    let s = diary();
    let plain = s.path("backups/casebook-2026-03-01.db");
    assert!(plain_header(&plain));
    let out = run_keyed(&s, &["encrypt"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let out = run_keyed(&s, &["restore", &plain.display().to_string()]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(
        stdout(&out).contains("restored diary is encrypted with the diary's passphrase"),
        "{}",
        stdout(&out)
    );
    assert!(!plain_header(&s.db), "the diary is still encrypted");
    let due = run_keyed(&s, &["log", "--who", "Sian Jones", "after the restore"]);
    assert!(due.status.success(), "{}", common::stderr(&due));
    // Nothing plain was left beside it by the restore itself.
    let leftovers: Vec<_> = std::fs::read_dir(s.dir.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("restoring") || n.contains("rekeying") || n.contains(".old-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn check_never_cries_wolf_while_another_program_writes() {
    let s = Sandbox::new();
    // Enough casework that the search index has several segments to merge.
    let out = s.run(&["demo", "--cases", "400"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let db = s.db.clone();
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut store = casebook::store::Store::open(&db).expect("open");
            let at = chrono::NaiveDate::from_ymd_opt(2026, 3, 1)
                .and_then(|d| d.and_hms_opt(9, 0, 0))
                .expect("date");
            let mut n = 0u64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                n += 1;
                store
                    .log(&casebook::store::LogRequest {
                        who: casebook::store::Who::Named(format!("Person {}", n % 50)),
                        case: None,
                        kind: casebook::domain::EntryKind::CallIn,
                        at,
                        text: format!("entry {n} about the leaking roof and the damp bedroom"),
                        follow_up: None,
                        confidential: false,
                        surgery: None,
                    })
                    .expect("log");
            }
            n
        })
    };
    let mut wolves = Vec::new();
    for _ in 0..40 {
        let out = s.run(&["check"]);
        if !out.status.success() {
            wolves.push(format!("{}{}", stdout(&out), common::stderr(&out)));
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let written = writer.join().expect("writer");
    assert!(written > 0);
    assert!(wolves.is_empty(), "{} of 40: {wolves:?}", wolves.len());
}

#[test]
fn check_of_a_truncated_diary_names_the_backup_not_itself() {
    let s = diary();
    let bytes = std::fs::read(&s.db).expect("read");
    std::fs::write(&s.db, &bytes[..bytes.len() / 2]).expect("truncate");
    let err = assert_fails_one_line(&s.run(&["check"]));
    assert!(!err.contains("run `casebook check`"), "{err}");
    assert!(err.contains("casebook restore"), "{err}");
    assert!(err.contains("casebook-2026-03-01.db"), "{err}");
}

#[test]
fn a_bad_referral_reply_days_in_the_config_is_named_as_such() {
    let s = diary();
    std::fs::write(&s.config, "referral_reply_days = 0\n").expect("config");
    let err = assert_fails_one_line(&s.run(&["refer", "--case", "2026-0001", "--to", "Housing"]));
    assert!(!err.contains("--days"), "{err}");
    assert!(err.contains("referral_reply_days"), "{err}");
}

fn run_on(s: &Sandbox, db: &Path, now: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .arg("--db")
        .arg(db)
        .args(args)
        .env("CASEBOOK_CONFIG", &s.config)
        .env("CASEBOOK_NOW", now)
        .env_remove("CASEBOOK_DB")
        .output()
        .expect("run casebook")
}

#[test]
fn erase_lists_only_this_diarys_older_backups_and_makes_no_copy_of_the_erased() {
    let s = diary();
    let other = s.path("other.db");
    for _ in 0..2 {
        let out = run_on(
            &s,
            &other,
            "2026-03-01T09:00",
            &["log", "--who", "Bob Other", "hi"],
        );
        assert!(out.status.success(), "{}", common::stderr(&out));
    }
    assert!(s.path("backups/other-2026-03-01.db").is_file());
    let out = run_on(
        &s,
        &s.db,
        "2026-03-02T09:00",
        &["erase", "Sian Jones", "--yes"],
    );
    assert!(out.status.success(), "{}", common::stderr(&out));
    let said = stdout(&out);
    assert!(said.contains("casebook-2026-03-01.db"), "{said}");
    assert!(!said.contains("other-"), "another diary's backup: {said}");
    assert!(
        !said.contains("casebook-2026-03-02.db"),
        "the backup made today is of the erased diary: {said}"
    );
    let today = s.path("backups/casebook-2026-03-02.db");
    assert!(today.is_file(), "today's backup is made after the erasure");
    let bytes = std::fs::read(&today).expect("read");
    assert!(
        !bytes.windows(10).any(|w| w == b"Sian Jones"),
        "the name is not in today's backup"
    );
}

/// A constituent with one case, opened and closed long ago.
fn old_case(store: &mut casebook::store::Store, name: &str) {
    use casebook::domain::{Case, Contact, Outcome, Role};
    let cats = casebook::config::Config::default().categories();
    let who = store
        .add_contact(&Contact::named(name))
        .expect("contact")
        .id;
    let opened = chrono::NaiveDate::from_ymd_opt(2022, 5, 1).expect("date");
    let case = store
        .add_case(
            &Case::new(format!("{name}'s drain"), opened),
            &[(who, Role::Constituent)],
            &cats,
        )
        .expect("case");
    let closed = chrono::NaiveDate::from_ymd_opt(2023, 1, 10).expect("date");
    store
        .close_case(case.id, Outcome::Resolved, closed)
        .expect("close");
}

#[test]
fn retention_never_erases_someone_in_touch_and_counts_right() {
    let s = Sandbox::new();
    {
        let mut store = s.store();
        for name in [
            "Olwen Oldcase",
            "Tomos Today",
            "Pat Pending",
            "Ann One",
            "Ben Two",
            "Cai Three",
            "Dai Four",
            "Eli Five",
        ] {
            old_case(&mut store, name);
        }
    }
    // Tomos called today, about something new (unfiled).
    let out = s.run(&["log", "--who", "Tomos Today", "called about the bins today"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    // Pat has a follow-up promised long ago and never done.
    let out = s.run(&[
        "log",
        "--who",
        "Pat Pending",
        "--at",
        "2023-01-05",
        "--follow-up",
        "2023-02-01",
        "will ring back",
    ]);
    assert!(out.status.success(), "{}", common::stderr(&out));

    let before = s.snapshot();
    let preview = s.run(&["retention", "--erase"]);
    let err = assert_fails_one_line(&preview);
    assert!(err.contains("erase the 6 people listed"), "{err}");
    assert!(s.snapshot() == before, "a preview changes nothing");
    let listed = stdout(&preview);
    for name in ["Olwen Oldcase", "Ann One", "Eli Five"] {
        assert!(listed.contains(name), "{name} in {listed}");
    }
    for name in ["Tomos Today", "Pat Pending"] {
        assert!(!listed.contains(name), "{name} is in touch: {listed}");
    }

    let out = s.run(&["retention", "--erase", "--yes"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let said = stdout(&out);
    assert!(
        said.contains("erased 6 people; anonymised 8 cases"),
        "{said}"
    );
    let store = s.store();
    assert!(store.find_person("Olwen Oldcase").expect("find").is_empty());
    assert_eq!(store.find_person("Tomos Today").expect("find").len(), 1);
    assert_eq!(store.find_person("Pat Pending").expect("find").len(), 1);
    let (doc, _) = store.export_all(true).expect("export");
    assert!(
        doc.entries
            .iter()
            .any(|e| e.text == "called about the bins today"),
        "today's entry survives"
    );
    drop(store);
    let again = stdout(&s.run(&["retention"]));
    assert!(again.contains("no closed case"), "{again}");
}

#[test]
fn a_case_shared_by_two_people_is_counted_once() {
    use casebook::domain::{Case, Contact, Role};
    let s = Sandbox::new();
    let mut store = s.store();
    let cats = casebook::config::Config::default().categories();
    let a = store
        .add_contact(&Contact::named("Gwen Shared"))
        .expect("a")
        .id;
    let b = store
        .add_contact(&Contact::named("Huw Shared"))
        .expect("b")
        .id;
    let opened = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).expect("date");
    store
        .add_case(
            &Case::new("Their shared fence", opened),
            &[(a, Role::Constituent), (b, Role::Constituent)],
            &cats,
        )
        .expect("case");
    let plan = store.handover_plan().expect("plan");
    assert_eq!(plan.rest.len(), 2);
    let done = store
        .apply_handover(&plan, casebook::store::RestAction::Anonymise)
        .expect("handover");
    assert_eq!(done.people.len(), 2);
    assert_eq!(done.cases.len(), 1, "{:?}", done.cases);
}

fn holds(path: &Path, needle: &[u8]) -> bool {
    std::fs::read(path).is_ok_and(|b| b.windows(needle.len()).any(|w| w == needle))
}

#[test]
fn an_erasure_interrupted_by_another_program_is_finished_at_the_next_open() {
    let s = Sandbox::new();
    let email = "zephyrine.quill@example.org";
    for text in ["first call", "second call"] {
        let out = s.run(&["log", "--who", "Zephyrine Quill", text]);
        assert!(out.status.success(), "{}", common::stderr(&out));
    }
    {
        let mut store = s.store();
        let who = store.find_person("Zephyrine Quill").expect("find")[0].id;
        let mut contact = store.contact(who).expect("contact").data;
        contact.email = Some(email.into());
        store.update_contact(who, &contact).expect("email");
    }
    // Another program (a second casebook) is reading the diary.
    let holder = rusqlite::Connection::open(&s.db).expect("open");
    holder.execute_batch("BEGIN").expect("begin");
    let _: i64 = holder
        .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .expect("read");

    let out = s.run(&["erase", "Zephyrine Quill", "--yes"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(
        common::stderr(&out).contains("finishes the wipe the next time"),
        "{}",
        common::stderr(&out)
    );
    let marker = s.path("casebook.db.wipe-pending");
    assert!(marker.exists(), "the wipe is recorded as pending");
    let check = s.run(&["check"]);
    assert!(!check.status.success());
    assert!(
        stdout(&check).contains("wipe is pending"),
        "{}",
        stdout(&check)
    );
    // The erasure is saved (the message never asked to run it again): a
    // rerun finds nobody, and tries the wipe again.
    let rerun = common::assert_fails(&s.run(&["erase", "Zephyrine Quill", "--yes"]));
    assert!(rerun.contains("no person matches"), "{rerun}");
    assert!(marker.exists());

    holder.execute_batch("COMMIT").expect("end");
    drop(holder);
    let out = s.run(&["due"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(!marker.exists(), "finished at the next open");
    assert!(s.run(&["check"]).status.success());
    for file in [s.db.clone(), s.path("casebook.db-wal")] {
        assert!(
            !holds(&file, email.as_bytes()),
            "{} holds the email",
            file.display()
        );
        assert!(
            !holds(&file, b"Zephyrine"),
            "{} holds the name",
            file.display()
        );
    }
}
