//! Correspondence end to end, through the real binary: a folder of
//! real-world-shaped mail taken in, attachments back out byte for byte,
//! drafts checked with Python's own email parser, subject access and
//! erasure reaching the attachments.

mod common;
#[path = "common/outlook.rs"]
mod outlook;

use std::path::{Path, PathBuf};

use common::{Sandbox, assert_fails_one_line, stderr, stdout};

const CONFIG: &str = "[me]\nname = \"Cllr Rhian Morgan\"\nemail = \"rhian.morgan@council.example\"\n\
ward = \"Cathays\"\naddress = \"Ward office\\n1 High Street\\nCardiff CF10 1AA\"\n\
signature = \"Cllr Rhian Morgan, Cathays ward\"\n";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/mail")
        .join(name)
}

fn sandbox() -> Sandbox {
    let sb = Sandbox::new();
    std::fs::write(&sb.config, CONFIG).expect("config");
    sb
}

fn ok(o: &std::process::Output) -> String {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(o));
    stdout(o)
}

/// The folder of the issue: every kind of message, one command.
const FOLDER: &[&str] = &[
    "plain.eml",
    "html-only.eml",
    "multipart-attachments.eml",
    "welsh-qp.eml",
    "forwarded-attached.eml",
    "forwarded-inline.eml",
    "from-me.eml",
    "fifty.mbox",
    "outlook-ascii.msg",
    "outlook-attachment.msg",
];

fn take_folder(sb: &Sandbox) -> String {
    let mut args: Vec<String> = vec!["mail".into(), "--new-case".into()];
    args.extend(FOLDER.iter().map(|f| fixture(f).display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    ok(&sb.run(&args))
}

fn entry_of(sb: &Sandbox, email: &str) -> Vec<(String, String, Option<String>)> {
    let conn = rusqlite::Connection::open(&sb.db).expect("open");
    let mut stmt = conn
        .prepare(
            "SELECT e.kind, e.text, c.reference FROM entries e JOIN contacts k ON k.id = e.contact_id \
             LEFT JOIN cases c ON c.id = e.case_id WHERE lower(k.email) = lower(?1) ORDER BY e.id",
        )
        .expect("prepare");
    stmt.query_map([email], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows")
}

#[test]
fn a_folder_of_mail_lands_on_the_right_people_and_a_second_run_adds_nothing() {
    let sb = sandbox();
    let out = take_folder(&sb);
    assert!(out.contains("(new case)"), "{out}");

    let sian = entry_of(&sb, "sian.jones@example.org");
    assert_eq!(
        sian.len(),
        2,
        "her email and the councillor's reply: {sian:?}"
    );
    assert_eq!(sian[0].0, "email_in");
    assert!(
        sian[0]
            .1
            .starts_with("Bins not collected on Heol y Felin\n\n"),
        "{:?}",
        sian[0]
    );
    assert_eq!(sian[1].0, "email_out", "sent from [me] email");
    assert_eq!(
        sian[0].2, sian[1].2,
        "the reply files on her only open case"
    );

    let tom = entry_of(&sb, "tom.price@example.net");
    assert!(tom[0].1.contains("streetlight"), "{tom:?}");
    assert!(!tom[0].1.contains('<'), "HTML converted to text: {tom:?}");

    let elin = entry_of(&sb, "elin@example.cymru");
    assert!(elin[0].1.starts_with("Dŵr yn y tŷ"), "{elin:?}");
    assert!(
        elin[0].1.contains("Mae'r dŵr yn dod i mewn i'r tŷ"),
        "{elin:?}"
    );
    assert!(elin[0].1.contains("Gwŷn"), "{elin:?}");

    // Forwards file under the original sender, not the ward office.
    let gareth = entry_of(&sb, "gareth.lewis@example.org");
    assert_eq!(gareth.len(), 1, "{gareth:?}");
    assert!(gareth[0].1.contains("three deep potholes"), "{gareth:?}");
    let megan = entry_of(&sb, "megan.rees@example.org");
    assert_eq!(megan.len(), 1, "{megan:?}");
    assert!(entry_of(&sb, "office@council.example").is_empty());

    // The mbox: 50 messages from 10 residents, each with one case.
    let conn = rusqlite::Connection::open(&sb.db).expect("open");
    let mbox: i64 = conn
        .query_row(
            "SELECT count(*) FROM entries e JOIN contacts k ON k.id = e.contact_id \
             WHERE k.email LIKE 'resident%@example.org'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(mbox, 50);
    let residents: i64 = conn
        .query_row(
            "SELECT count(*) FROM contacts WHERE email LIKE 'resident%@example.org'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(residents, 10);

    // The Outlook messages came in with their text and attachments; the
    // forward (FW:, Outlook's plain-text header block) under its original sender.
    let outlook = entry_of(&sb, "duncan@docsign-online.com");
    assert_eq!(outlook.len(), 1, "{outlook:?}");
    assert!(outlook[0].1.contains("Greetings"), "{outlook:?}");
    let ascii = entry_of(&sb, "from@domain.com");
    assert!(
        ascii[0].1.starts_with("creating an outlook message file"),
        "{ascii:?}"
    );
    let attached: i64 = conn
        .query_row(
            "SELECT count(*) FROM attachments a JOIN entries e ON e.id = a.entry_id \
             JOIN contacts k ON k.id = e.contact_id WHERE k.email = 'duncan@docsign-online.com'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(attached, 3);
    let msg: i64 = conn
        .query_row(
            "SELECT count(*) FROM entry_mail m JOIN entries e ON e.id = m.entry_id",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(msg, 59, "9 single messages and 50 from the mbox");
    drop(conn);

    let before = sb.snapshot();
    let again = take_folder(&sb);
    assert_eq!(again.matches("already in the diary").count(), 59, "{again}");
    assert_eq!(sb.snapshot(), before, "a second run adds nothing");
}

#[test]
fn attachments_come_back_byte_identical_and_private() {
    let sb = sandbox();
    let out = ok(&sb.run(&[
        "mail",
        "--new-case",
        fixture("multipart-attachments.eml").to_str().expect("path"),
    ]));
    let reference = out
        .split_whitespace()
        .next()
        .expect("reference")
        .to_string();
    let list = ok(&sb.run(&["attachment", "list", &reference]));
    assert_eq!(list.lines().count(), 2, "{list}");
    for (name, original) in [
        ("housing-letter.pdf", "housing-letter.pdf"),
        ("mould.png", "mould.png"),
    ] {
        let line = list.lines().find(|l| l.contains(name)).expect("listed");
        let id = line.split_whitespace().next().expect("id");
        let target = sb.path(&format!("out-{name}"));
        ok(&sb.run(&[
            "attachment",
            "save",
            id,
            "--out",
            target.to_str().expect("path"),
        ]));
        assert_eq!(
            std::fs::read(&target).expect("saved"),
            std::fs::read(fixture(original)).expect("original"),
            "{name}"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&target)
                .expect("meta")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{name}");
        }
        // Never over an existing file, never over the diary.
        let err = assert_fails_one_line(&sb.run(&[
            "attachment",
            "save",
            id,
            "--out",
            target.to_str().expect("path"),
        ]));
        assert!(err.contains("already exists"), "{err}");
        let err = assert_fails_one_line(&sb.run(&[
            "attachment",
            "save",
            id,
            "--out",
            sb.db.to_str().expect("path"),
        ]));
        assert!(err.contains("exists") || err.contains("diary"), "{err}");
        let wal = format!("{}-wal", sb.db.display());
        let _ = std::fs::remove_file(&wal);
        let err = assert_fails_one_line(&sb.run(&["attachment", "save", id, "--out", &wal]));
        assert!(
            err.contains("is the diary (or one of its own files)"),
            "{err}"
        );
    }
}

#[test]
fn a_reference_in_the_subject_files_it_on_that_case() {
    let sb = sandbox();
    let first = ok(&sb.run(&[
        "mail",
        "--new-case",
        fixture("plain.eml").to_str().expect("p"),
    ]));
    let reference = first.split_whitespace().next().expect("ref").to_string();
    let reply = format!(
        "From: Housing Officer <housing@council.example>\r\nTo: rhian.morgan@council.example\r\n\
         Subject: Re: Bins [{reference}]\r\nDate: Tue, 10 Mar 2026 10:00:00 +0000\r\n\
         Message-ID: <reply-1@council.example>\r\n\r\nCollected today.\r\n"
    );
    let path = sb.write("reply.eml", reply);
    let out = ok(&sb.run(&["mail", path.to_str().expect("p")]));
    assert!(out.starts_with(&reference), "{out}");
    assert!(stderr(&sb.run(&["mail", path.to_str().expect("p")])).contains("already in the diary"));
}

#[test]
fn with_several_open_cases_it_says_which_could_take_it() {
    let sb = sandbox();
    let plain = fixture("plain.eml");
    ok(&sb.run(&["mail", "--new-case", plain.to_str().expect("p")]));
    // A second case of hers, from a new subject.
    let second = sb.write(
        "second.eml",
        "From: Siân Jones <sian.jones@example.org>\r\nSubject: Parking\r\nMessage-ID: <p2@example.org>\r\n\
         Date: Wed, 11 Mar 2026 10:00:00 +0000\r\n\r\nCars on the pavement.\r\n",
    );
    let conn = rusqlite::Connection::open(&sb.db).expect("open");
    drop(conn);
    // No open case can be chosen for her second message only when she has
    // two: start one from it first, then send a third.
    let out = sb.run(&["mail", second.to_str().expect("p")]);
    assert!(
        ok(&out).contains("2026-0001"),
        "with one open case it files there"
    );
    let mut store = sb.store();
    let case = store
        .add_case(
            &casebook::domain::Case::new(
                "Parking",
                chrono::NaiveDate::from_ymd_opt(2026, 3, 11).expect("d"),
            ),
            &[(
                store.contacts_named("Siân Jones").expect("q")[0].id,
                casebook::domain::Role::Constituent,
            )],
            &casebook::config::Config::default().categories(),
        )
        .expect("case");
    drop(store);
    let third = sb.write(
        "third.eml",
        "From: sian.jones@example.org\r\nSubject: Another thing\r\nMessage-ID: <p3@example.org>\r\n\
         Date: Thu, 12 Mar 2026 10:00:00 +0000\r\n\r\nAlso the hedge.\r\n",
    );
    let out = sb.run(&["mail", third.to_str().expect("p")]);
    assert!(ok(&out).starts_with("unfiled"), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("2026-0001") && err.contains(&case.data.reference),
        "{err}"
    );
}

#[test]
fn standard_input_is_read() {
    let sb = sandbox();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["--db", sb.db.to_str().expect("p"), "mail"])
        .env("CASEBOOK_CONFIG", &sb.config)
        .env("CASEBOOK_NOW", "2026-03-01T09:00")
        .stdin(std::fs::File::open(fixture("plain.eml")).expect("open"))
        .output()
        .expect("run");
    assert!(ok(&out).contains("Bins not collected"), "{}", stdout(&out));
}

#[test]
fn bad_input_is_one_line_and_changes_nothing() {
    let sb = sandbox();
    ok(&sb.run(&["mail", fixture("plain.eml").to_str().expect("p")]));
    let before = sb.snapshot();
    let cases: &[(&str, &str)] = &[
        ("empty.eml", "empty"),
        ("not-mail.txt", "not an email"),
        ("truncated.eml", "cut short"),
        ("unknown-charset.eml", "x-klingon-42"),
    ];
    for (file, says) in cases {
        // With a good file before it: the whole run is refused.
        let err = assert_fails_one_line(&sb.run(&[
            "mail",
            fixture("html-only.eml").to_str().expect("p"),
            fixture(file).to_str().expect("p"),
        ]));
        assert!(err.contains(says) && err.contains(file), "{file}: {err}");
        assert_eq!(sb.snapshot(), before, "{file}");
    }
    let err = assert_fails_one_line(&sb.run(&["mail", sb.dir.path().to_str().expect("p")]));
    assert!(err.contains("is a folder"), "{err}");
    let err = assert_fails_one_line(&sb.run(&["mail", sb.path("nope.eml").to_str().expect("p")]));
    assert!(err.contains("nope.eml"), "{err}");

    // An attachment over the configured limit.
    std::fs::write(
        &sb.config,
        format!("{CONFIG}\n[mail]\nmax_attachment_mb = 1\n"),
    )
    .expect("config");
    let big = format!(
        "From: a@example.org\r\nSubject: big\r\nMessage-ID: <big@example.org>\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n\
         --b\r\nContent-Type: application/zip\r\nContent-Disposition: attachment; filename=\"bomb.zip\"\r\n\r\n{}\r\n--b--\r\n",
        "A".repeat(2 * 1024 * 1024)
    );
    let path = sb.write("big.eml", big);
    let err = assert_fails_one_line(&sb.run(&["mail", path.to_str().expect("p")]));
    assert!(
        err.contains("bomb.zip") && err.contains("over the limit of 1.0 MB"),
        "{err}"
    );
    assert_eq!(sb.snapshot(), before);
}

fn python_parse(path: &Path) -> String {
    let script = "import sys, email\nfrom email import policy\n\
m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=policy.default)\n\
print('X-Unsent=' + str(m['X-Unsent']))\nprint('To=' + str(m['To']))\nprint('Cc=' + str(m['Cc']))\n\
print('From=' + str(m['From']))\nprint('Subject=' + str(m['Subject']))\n\
print('Content-Language=' + str(m['Content-Language']))\n\
print('Body=' + m.get_body(preferencelist=('plain',)).get_content().replace('\\n', ' '))\n";
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A case from Siân's email, an officer in the directory, a referral.
fn referred(sb: &Sandbox) -> String {
    let out = ok(&sb.run(&[
        "mail",
        "--new-case",
        fixture("plain.eml").to_str().expect("p"),
    ]));
    let reference = out.split_whitespace().next().expect("ref").to_string();
    ok(&sb.run(&[
        "directory",
        "--add",
        "Dewi Waste",
        "--handles",
        "bins, waste",
        "--department",
        "Waste",
        "--email",
        "dewi.waste@council.example",
    ]));
    ok(&sb.run(&[
        "refer",
        "--case",
        &reference,
        "--to",
        "Dewi Waste",
        "--council-ref",
        "WS/123",
        "--yes",
    ]));
    reference
}

#[test]
fn a_referral_draft_opens_as_a_draft_with_officer_to_and_constituent_cc() {
    let sb = sandbox();
    let reference = referred(&sb);
    let path = sb.path("referral.eml");
    let out = sb.run(&[
        "draft",
        "--case",
        &reference,
        "--template",
        "referral",
        "--out",
        path.to_str().expect("p"),
    ]);
    ok(&out);
    let parsed = python_parse(&path);
    assert!(parsed.contains("X-Unsent=1"), "{parsed}");
    assert!(
        parsed.contains("To=Dewi Waste <dewi.waste@council.example>"),
        "{parsed}"
    );
    assert!(
        parsed.contains("Cc=Siân Jones <sian.jones@example.org>"),
        "{parsed}"
    );
    assert!(
        parsed.contains("From=Cllr Rhian Morgan <rhian.morgan@council.example>"),
        "{parsed}"
    );
    assert!(parsed.contains(&format!("[{reference}]")), "{parsed}");
    assert!(parsed.contains("WS/123"), "{parsed}");
    // So the mail program checks the spelling in the letter's language.
    assert!(parsed.contains("Content-Language=en\n"), "{parsed}");

    // Recorded on the case as a draft until confirmed sent.
    let err = stderr(&out);
    let entry: String = err
        .split("draft entry ")
        .nth(1)
        .and_then(|s| s.split(';').next())
        .expect("entry number")
        .to_string();
    let draft = |sb: &Sandbox| -> (String, i64) {
        rusqlite::Connection::open(&sb.db)
            .expect("open")
            .query_row(
                "SELECT kind, draft FROM entries WHERE id = ?1",
                [entry.parse::<i64>().expect("n")],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("entry")
    };
    assert_eq!(draft(&sb), ("email_out".to_string(), 1));
    ok(&sb.run(&["draft", "--sent", &entry]));
    assert_eq!(draft(&sb).1, 0);
    assert_fails_one_line(&sb.run(&["draft", "--sent", &entry]));
}

#[test]
fn a_welsh_speaker_gets_the_welsh_update_letter() {
    let sb = sandbox();
    let reference = referred(&sb);
    rusqlite::Connection::open(&sb.db)
        .expect("open")
        .execute(
            "UPDATE contacts SET language = 'cy' WHERE email = 'sian.jones@example.org'",
            [],
        )
        .expect("set language");
    let path = sb.path("update.html");
    ok(&sb.run(&[
        "draft",
        "--case",
        &reference,
        "--template",
        "update",
        "--format",
        "html",
        "--out",
        path.to_str().expect("p"),
    ]));
    let html = std::fs::read_to_string(&path).expect("letter");
    assert!(html.contains("<html lang=\"cy\">"), "{html}");
    assert!(html.contains("Annwyl Siân Jones"), "{html}");
    assert!(html.contains("1 Mawrth 2026"), "the date in Welsh: {html}");
    assert!(html.contains("Ein cyfeirnod"), "{html}");
    assert!(
        html.contains("Cardiff CF10 1AA"),
        "the councillor's address block: {html}"
    );
    assert!(html.contains("@page"), "print CSS");

    let eml = sb.path("update.eml");
    ok(&sb.run(&[
        "draft",
        "--case",
        &reference,
        "--template",
        "update",
        "--out",
        eml.to_str().expect("p"),
    ]));
    let parsed = python_parse(&eml);
    assert!(parsed.contains("Content-Language=cy\n"), "{parsed}");
    assert!(parsed.contains("Body=Annwyl Siân Jones"), "{parsed}");
}

#[test]
fn a_broken_user_template_names_its_line_and_the_default_is_used() {
    let sb = sandbox();
    let reference = referred(&sb);
    let dir = sb.path("templates");
    std::fs::create_dir(&dir).expect("dir");
    std::fs::write(
        dir.join("acknowledge.en.txt"),
        "Subject: Hi\n\nDear {{ recipient.name }},\n{% if %}\n",
    )
    .expect("t");
    let out = sb.run(&[
        "draft",
        "--case",
        &reference,
        "--template",
        "acknowledge",
        "--format",
        "text",
    ]);
    let text = ok(&out);
    assert!(
        text.contains("Thank you for contacting me"),
        "the default: {text}"
    );
    let err = stderr(&out);
    assert!(err.contains("acknowledge.en.txt: line 4"), "{err}");
    // A good user template is used.
    std::fs::write(
        dir.join("acknowledge.en.txt"),
        "Subject: Hello\n\nHello {{ recipient.name }} from {{ me.ward }}\n",
    )
    .expect("t");
    let text = ok(&sb.run(&[
        "draft",
        "--case",
        &reference,
        "--template",
        "acknowledge",
        "--format",
        "text",
    ]));
    assert!(text.contains("Hello Siân Jones from Cathays"), "{text}");
    let err =
        assert_fails_one_line(&sb.run(&["draft", "--case", &reference, "--template", "nope"]));
    assert!(err.contains("no template `nope`"), "{err}");
}

fn file_holds(db: &Path, needle: &[u8]) -> bool {
    [
        PathBuf::from(db),
        PathBuf::from(format!("{}-wal", db.display())),
    ]
    .iter()
    .filter_map(|p| std::fs::read(p).ok())
    .any(|b| b.windows(needle.len()).any(|w| w == needle))
}

#[test]
fn subject_access_includes_attachments_and_erasure_removes_their_bytes() {
    let sb = sandbox();
    ok(&sb.run(&[
        "mail",
        "--new-case",
        fixture("multipart-attachments.eml").to_str().expect("p"),
    ]));
    let sar = ok(&sb.run(&["sar", "Aled", "Hughes", "--format", "json"]));
    assert!(
        sar.contains("housing-letter.pdf") && sar.contains("JVBERi0xLjQK"),
        "the PDF, base64"
    );
    let md = ok(&sb.run(&["sar", "Aled", "Hughes"]));
    assert!(md.contains("attachment: mould.png"), "{md}");

    let marker = b"/Type/Catalog/Pages 2 0 R";
    assert!(
        file_holds(&sb.db, marker),
        "the PDF is in the file before erasure"
    );
    ok(&sb.run(&["erase", "Aled", "Hughes", "--yes"]));
    assert!(!file_holds(&sb.db, marker), "the PDF's bytes are gone");
    let n: i64 = rusqlite::Connection::open(&sb.db)
        .expect("open")
        .query_row("SELECT count(*) FROM attachments", [], |r| r.get(0))
        .expect("count");
    assert_eq!(n, 0);
}

#[test]
fn the_json_export_carries_attachments_through_an_import() {
    let sb = sandbox();
    ok(&sb.run(&[
        "mail",
        "--new-case",
        fixture("multipart-attachments.eml").to_str().expect("p"),
    ]));
    let export = sb.path("all.json");
    ok(&sb.run(&["export", "--out", export.to_str().expect("p")]));
    let other = sb.path("other.db");
    ok(&sb.run_with_db(&other, &["import", export.to_str().expect("p")]));
    let again = sb.path("again.json");
    ok(&sb.run_with_db(&other, &["export", "--out", again.to_str().expect("p")]));
    assert_eq!(
        std::fs::read(&export).expect("a"),
        std::fs::read(&again).expect("b")
    );
    let list = ok(&sb.run_with_db(&other, &["attachment", "list", "2026-0001"]));
    assert!(list.contains("housing-letter.pdf"), "{list}");
}

/// `[mail] inbox`: `casebook mail` with no file files the folder's mail,
/// each message once; a Maildir's `cur/` and `new/` too; files that are not
/// mail (a PDF saved beside them, hidden files) are left alone.
#[test]
fn with_no_file_the_inbox_folder_is_taken_in_once() {
    let sb = Sandbox::new();
    let inbox = sb.path("Mail/casework");
    std::fs::create_dir_all(inbox.join("cur")).expect("maildir cur");
    std::fs::create_dir_all(inbox.join("new")).expect("maildir new");
    for (from, to) in [
        ("plain.eml", "plain.eml"),
        ("welsh-qp.eml", "welsh-qp.EML"),
        ("outlook-ascii.msg", "outlook-ascii.msg"),
    ] {
        std::fs::copy(fixture(from), inbox.join(to)).expect("copy");
    }
    std::fs::copy(
        fixture("html-only.eml"),
        inbox.join("new/1732968000.M1P2.laptop"),
    )
    .expect("maildir message");
    std::fs::write(inbox.join("report.pdf"), b"%PDF-1.4 not mail").expect("pdf");
    std::fs::write(inbox.join(".index"), b"a mail client's index").expect("hidden");
    std::fs::write(
        &sb.config,
        format!("{CONFIG}[mail]\ninbox = \"{}\"\n", inbox.display()),
    )
    .expect("config");
    let first = sb.run(&["--no-encryption", "mail", "--new-case"]);
    ok(&first);
    assert!(
        stderr(&first).contains("4 messages taken in"),
        "{}",
        stderr(&first)
    );
    assert_eq!(
        entry_of(&sb, "tom.price@example.net").len(),
        1,
        "the Maildir message"
    );
    assert!(
        entry_of(&sb, "elin@example.cymru")[0]
            .1
            .starts_with("Dŵr yn y tŷ")
    );
    // A second run files nothing again; a new message is the only one added.
    let again = sb.run(&["mail", "--new-case"]);
    ok(&again);
    assert!(
        stderr(&again).contains("0 messages taken in, 4 messages already"),
        "{}",
        stderr(&again)
    );
    std::fs::copy(fixture("forwarded-inline.eml"), inbox.join("cur/fwd:2,S")).expect("copy");
    let third = sb.run(&["mail", "--new-case"]);
    ok(&third);
    assert!(
        stderr(&third).contains("1 message taken in, 4 messages already"),
        "{}",
        stderr(&third)
    );
    assert_eq!(entry_of(&sb, "megan.rees@example.org").len(), 1);
}

#[test]
fn a_bad_inbox_folder_is_one_line_and_changes_nothing() {
    let sb = Sandbox::new();
    let missing = sb.path("no-such-folder");
    std::fs::write(
        &sb.config,
        format!("[mail]\ninbox = \"{}\"\n", missing.display()),
    )
    .expect("config");
    let err = assert_fails_one_line(&sb.run(&["--no-encryption", "mail"]));
    assert!(
        err.contains("no-such-folder") && err.contains("does not exist"),
        "{err}"
    );
    let file = sb.write("inbox.txt", "not a folder");
    std::fs::write(
        &sb.config,
        format!("[mail]\ninbox = \"{}\"\n", file.display()),
    )
    .expect("config");
    let err = assert_fails_one_line(&sb.run(&["--no-encryption", "mail"]));
    assert!(err.contains("is not a folder"), "{err}");
    // A message in the folder that is not mail: named, nothing taken in.
    let inbox = sb.path("inbox");
    std::fs::create_dir_all(&inbox).expect("inbox");
    std::fs::copy(fixture("plain.eml"), inbox.join("a.eml")).expect("copy");
    std::fs::write(inbox.join("b.eml"), b"").expect("empty message");
    std::fs::write(
        &sb.config,
        format!("[mail]\ninbox = \"{}\"\n", inbox.display()),
    )
    .expect("config");
    let err = assert_fails_one_line(&sb.run(&["--no-encryption", "mail"]));
    assert!(err.contains("b.eml"), "{err}");
    assert!(
        !sb.db.exists() || entry_of(&sb, "sian.jones@example.org").is_empty(),
        "nothing was taken in"
    );
    // An empty inbox is not an error: nothing to do.
    std::fs::remove_file(inbox.join("a.eml")).expect("rm");
    std::fs::remove_file(inbox.join("b.eml")).expect("rm");
    let out = sb.run(&["--no-encryption", "mail"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("No mail files"), "{}", stderr(&out));
}

/// Found by the mail fuzz target: a multipart message whose parts break off
/// mid-header. The parser must take it in or refuse it in one line; never
/// panic (the dev build once tripped a debug assertion inside mail-parser).
#[test]
fn a_malformed_multipart_message_is_taken_or_refused_never_a_panic() {
    let sb = sandbox();
    let o = sb.run(&[
        "mail",
        fixture("malformed-multipart.eml").to_str().expect("p"),
    ]);
    let err = stderr(&o);
    assert!(!err.contains("panicked"), "{err}");
    match o.status.code() {
        Some(0) => {}
        Some(1) => {
            assert_fails_one_line(&o);
        }
        other => panic!("exit {other:?}: {err}"),
    }
}

fn officer_forward<'a>(file: Option<(&'a str, &'a [u8])>) -> outlook::Forward<'a> {
    outlook::Forward {
        subject: "FW: Damp and mould at 4 Heol y Nant",
        sender_name: "Gareth Hughes (Housing)",
        sender: "gareth.hughes@council.example",
        to: "rhian.morgan@council.example",
        body: "Forwarding the tenant's email below, with our inspection note.",
        file,
    }
}

/// An Outlook message attached to an Outlook message ("Forward as
/// attachment"): one entry under the original sender, her text after the
/// forwarder's note, and every file of both messages kept byte for byte.
#[test]
fn a_msg_attached_to_a_msg_keeps_its_attachments_and_files_under_its_sender() {
    let sb = sandbox();
    let inner = std::fs::read(fixture("outlook-attachment.msg")).expect("fixture");
    let pdf = std::fs::read(fixture("housing-letter.pdf")).expect("pdf");
    let outer = outlook::forward_as_attachment(
        &officer_forward(Some(("inspection-note.pdf", &pdf))),
        outlook::Inner::Msg(&inner),
    );
    let path = sb.path("forward.msg");
    std::fs::write(&path, &outer).expect("write");

    // What Outlook put in the attached message, read without casebook.
    let expected = outlook::attachments_of(&inner);
    assert_eq!(expected.len(), 3, "the real fixture has three files");

    let out = ok(&sb.run(&["mail", "--new-case", path.to_str().expect("p")]));
    assert!(out.contains("(4 attachments)"), "{out}");
    let reference = out
        .split_whitespace()
        .next()
        .expect("reference")
        .to_string();

    // Filed under the author of the attached message, not the officer.
    let conn = rusqlite::Connection::open(&sb.db).expect("open");
    let (who, email, text): (String, Option<String>, String) = conn
        .query_row(
            "SELECT k.name, k.email, e.text FROM entries e JOIN contacts k ON k.id = e.contact_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("one entry");
    drop(conn);
    let email = email.expect("an address");
    assert!(
        !email.eq_ignore_ascii_case("gareth.hughes@council.example"),
        "filed under {who} <{email}>"
    );
    assert!(text.starts_with("FW: Damp and mould"), "{text}");
    assert!(text.contains("Forwarding the tenant's email"), "{text}");
    assert!(
        text.contains("---------- Forwarded message ----------"),
        "{text}"
    );

    let list = ok(&sb.run(&["attachment", "list", &reference]));
    assert_eq!(list.lines().count(), 4, "{list}");
    let mut wanted = expected;
    wanted.push(("inspection-note.pdf".into(), pdf));
    for (i, (name, bytes)) in wanted.iter().enumerate() {
        let line = list
            .lines()
            .find(|l| l.contains(name.as_str()))
            .unwrap_or_else(|| panic!("{name} listed: {list}"));
        let id = line.split_whitespace().next().expect("id");
        let target = sb.path(&format!("saved-{i}"));
        ok(&sb.run(&[
            "attachment",
            "save",
            id,
            "--out",
            target.to_str().expect("p"),
        ]));
        assert!(
            std::fs::read(&target).expect("saved") == *bytes,
            "{name} comes back byte for byte"
        );
    }

    // Taken twice: nothing more.
    let before = sb.snapshot();
    let again = ok(&sb.run(&["mail", "--new-case", path.to_str().expect("p")]));
    assert!(again.contains("already in the diary"), "{again}");
    assert_eq!(sb.snapshot(), before);
}

#[test]
fn a_damaged_msg_inside_a_msg_is_refused_whole() {
    let sb = sandbox();
    // Something in the diary already, to see that nothing changes.
    ok(&sb.run(&[
        "mail",
        "--new-case",
        fixture("plain.eml").to_str().expect("p"),
    ]));
    let before = sb.snapshot();
    let outer = outlook::forward_as_attachment(&officer_forward(None), outlook::Inner::Empty);
    let path = sb.path("damaged.msg");
    std::fs::write(&path, &outer).expect("write");
    let err = assert_fails_one_line(&sb.run(&["mail", "--new-case", path.to_str().expect("p")]));
    assert!(err.contains("damaged.msg"), "{err}");
    assert!(
        err.contains("the attached message “Damp and mould at 4 Heol y Nant”"),
        "{err}"
    );
    assert!(err.contains("no subject, sender or text"), "{err}");
    assert_eq!(sb.snapshot(), before, "nothing taken in");
}
