//! Schema upgrades: every earlier schema version, frozen as SQL in
//! `tests/fixtures/v{N}.sql` with the same standard data, is opened with the
//! real code and must come up to the latest version with its data intact. A
//! failing upgrade must leave the file exactly as it was.

use std::path::{Path, PathBuf};

use casebook::domain::{CaseStatus, Outcome, Role};
use casebook::store::{self, HitKind, MIGRATION_STEPS, SCHEMA_VERSION, Store};
use chrono::NaiveDate;

fn fixtures() -> Vec<(i64, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut found: Vec<(i64, PathBuf)> = std::fs::read_dir(&dir)
        .expect("tests/fixtures")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let n = name.strip_prefix('v')?.strip_suffix(".sql")?.parse().ok()?;
            Some((n, e.path()))
        })
        .collect();
    found.sort();
    found
}

/// Builds the file an old casebook would have left, from its fixture.
fn old_file(fixture: &Path, dir: &Path) -> PathBuf {
    let db = dir.join("old.db");
    let sql = std::fs::read_to_string(fixture).expect("read fixture");
    let conn = rusqlite::Connection::open(&db).expect("create");
    conn.execute_batch(&sql).expect("fixture SQL runs");
    db
}

fn user_version(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).expect("open");
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("user_version")
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

#[test]
fn every_earlier_schema_has_a_fixture() {
    let have: Vec<i64> = fixtures().iter().map(|(n, _)| *n).collect();
    // The current version gets its fixture when the next step is added.
    for v in 1..SCHEMA_VERSION.max(2) {
        assert!(
            have.contains(&v),
            "tests/fixtures/v{v}.sql is missing: see src/store/migrations.rs"
        );
    }
    assert!(have.iter().all(|v| *v <= SCHEMA_VERSION));
}

#[test]
fn each_fixture_upgrades_with_its_data() {
    for (version, fixture) in fixtures() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = old_file(&fixture, dir.path());
        assert_eq!(user_version(&db), version, "{}", fixture.display());
        let mut s = Store::open(&db).expect("upgrade");
        assert_eq!(user_version(&db), SCHEMA_VERSION);
        assert_standard_data(&mut s, version);
        drop(s);
        let report = store::check_file(&db).expect("check");
        assert!(report.is_ok(), "v{version}: {report:?}");
        // Opening again is a no-op.
        let again = Store::open(&db).expect("reopen");
        assert_eq!(
            again.counts().expect("counts").entries,
            5,
            "the call and the email added"
        );
    }
}

fn assert_standard_data(s: &mut Store, version: i64) {
    let at = format!("fixture v{version}");
    let c = s.counts().expect("counts");
    assert_eq!(
        (
            c.contacts,
            c.cases,
            c.entries,
            c.referrals,
            c.follow_ups,
            c.surgeries
        ),
        (3, 2, 3, 1, 1, 1),
        "{at}"
    );

    let damp = s
        .case_by_reference("2023-0001")
        .expect("query")
        .expect("2023-0001 is there");
    assert_eq!(
        damp.data.title, "Damp and mould in the back bedroom",
        "{at}"
    );
    assert_eq!(damp.data.status, CaseStatus::WaitingCouncil, "{at}");
    assert_eq!(damp.data.consent_to_share, Some(true), "{at}");
    assert_eq!(damp.data.promised_by, Some(d("2023-03-18")), "{at}");
    assert!(damp.data.surgery.is_some(), "{at}");
    let people = s.case_people(damp.id).expect("people");
    let roles: Vec<(Role, String)> = people.into_iter().map(|(r, c)| (r, c.data.name)).collect();
    assert!(
        roles.contains(&(Role::Constituent, "Siân Jones".into())),
        "{at}: {roles:?}"
    );
    assert!(
        roles.contains(&(Role::OnBehalfOf, "Dai Evans".into())),
        "{at}: {roles:?}"
    );

    let bins = s
        .case_by_reference("2023-0002")
        .expect("query")
        .expect("2023-0002 is there");
    assert_eq!(bins.data.outcome, Some(Outcome::Resolved), "{at}");
    assert_eq!(bins.data.closed, Some(d("2023-03-20")), "{at}");
    assert_eq!(bins.data.satisfaction, Some(5), "{at}");

    let referrals = s.referrals_of_case(damp.id).expect("referrals");
    assert_eq!(referrals.len(), 1, "{at}");
    assert_eq!(
        referrals[0].data.council_ref.as_deref(),
        Some("HR/2023/0815"),
        "{at}"
    );
    let pending = s
        .pending_follow_ups(d("2023-12-31"), 10)
        .expect("follow-ups");
    assert_eq!(pending.len(), 1, "{at}");

    let entries = s.entries_of_case(damp.id, 10).expect("entries");
    assert_eq!(entries.len(), 2, "{at}");
    assert!(entries.iter().any(|e| e.data.confidential), "{at}");

    // Schema 7: old entries are not drafts and hold no email or attachment.
    for e in &entries {
        assert!(!s.is_draft(e.id).expect("draft"), "{at}");
        assert_eq!(s.mail_of_entry(e.id).expect("mail"), None, "{at}");
    }
    assert!(
        s.attachments_of_case(damp.id)
            .expect("attachments")
            .is_empty(),
        "{at}"
    );

    // The search index came through: accents folded, prefixes, the directory.
    let kinds = |q: &str| -> Vec<HitKind> {
        s.search(q, 10)
            .expect("search")
            .into_iter()
            .map(|h| h.kind)
            .collect()
    };
    assert!(kinds("sian").contains(&HitKind::Contact), "{at}");
    assert!(kinds("mould bedr").contains(&HitKind::Case), "{at}");
    assert!(kinds("cycle lane").contains(&HitKind::Entry), "{at}");
    assert!(
        kinds("broken windows").contains(&HitKind::Directory),
        "{at}"
    );
    assert!(kinds("mistake").is_empty(), "{at}: the deleted contact");

    // "Needs an update" was worked out for the open case when the upgrade
    // made its table (schema 5): Siân has had no call back since it opened.
    let quiet = |s: &Store, on: &str| -> Vec<(String, Option<NaiveDate>)> {
        s.needs_update(d(on), 14, 10)
            .expect("needs update")
            .into_iter()
            .map(|n| (n.case.reference, n.last_contact))
            .collect()
    };
    assert_eq!(
        quiet(s, "2023-04-01"),
        [("2023-0001".to_string(), None)],
        "{at}"
    );

    // Schema 10: the counts the home screen and `due` show were tallied
    // from the old rows: the damp case waits on the council, its referral
    // (due 2023-03-20, no reply) is late after that, its follow-up pending.
    assert_eq!(
        s.open_case_counts().expect("open counts"),
        [(CaseStatus::WaitingCouncil, 1)],
        "{at}"
    );
    let due = s.due_counts(d("2023-04-15"), 14).expect("due counts");
    assert_eq!(
        (due.follow_ups, due.late_referrals, due.needs_update),
        (1, 1, 1),
        "{at}"
    );
    assert_eq!(
        s.due_counts(d("2023-01-01"), 14).expect("due counts"),
        store::DueCounts::default(),
        "{at}: nothing is due before the case began"
    );

    // And the upgraded diary takes new work: the next reference follows on.
    let out = s
        .log(&store::LogRequest {
            who: store::Who::Named("Siân Jones".into()),
            case: Some("2023-0001".into()),
            kind: casebook::domain::EntryKind::CallOut,
            at: d("2023-03-22").and_hms_opt(9, 0, 0).expect("time"),
            text: "Surveyor booked for Friday".into(),
            follow_up: None,
            confidential: false,
            surgery: None,
        })
        .expect("log after upgrade");
    assert!(
        !out.contact_created,
        "{at}: Siân Jones is found, not duplicated"
    );
    assert!(quiet(s, "2023-04-01").is_empty(), "{at}: she was called");

    // An email with an attachment files on the case its subject names.
    let mail = casebook::mail::read(
        b"From: housing@council.example\r\nSubject: Re: damp [2023-0001]\r\n\
          Message-ID: <up@council.example>\r\nMIME-Version: 1.0\r\n\
          Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n\
          Surveyor's report attached.\r\n--b\r\nContent-Type: application/pdf\r\n\
          Content-Disposition: attachment; filename=report.pdf\r\n\r\n%PDF-1.4\r\n--b--\r\n",
    )
    .expect("mail");
    let taken = s
        .take_in_mail(
            &mail,
            &store::TakeIn {
                me: None,
                new_case: false,
                now: d("2023-03-23").and_hms_opt(9, 0, 0).expect("time"),
                untitled: "(no subject)".into(),
                categories: casebook::config::Config::default().categories(),
                onto: None,
            },
        )
        .expect("take in after upgrade");
    assert_eq!(
        taken[0].filed,
        store::Filed::Case("2023-0001".into()),
        "{at}"
    );
    let attachments = s.attachments_of_case(damp.id).expect("attachments");
    assert_eq!(attachments.len(), 1, "{at}");
    assert_eq!(attachments[0].filename, "report.pdf", "{at}");
    assert_eq!(
        quiet(s, "2023-04-10"),
        [("2023-0001".to_string(), Some(d("2023-03-22")))],
        "{at}"
    );
    // Schema 7: an upgraded diary has not joined a hub, so its writes (the
    // log above) queue nothing; joining queues every record once.
    let sync = s.sync_state().expect("sync state");
    assert_eq!(
        (sync.device, sync.cursor, sync.waiting),
        (None, 0, 0),
        "{at}"
    );
    // Schema 9: no sync has succeeded or failed yet.
    assert_eq!(
        s.sync_status().expect("sync status"),
        store::SyncStatus::default(),
        "{at}"
    );
    // Schema 11: no pull cut off.
    assert_eq!(
        s.pull_from().expect("pull from"),
        store::PullFrom::default(),
        "{at}"
    );
    // Schema 12: no attachment waits for its bytes; joining a hub queues
    // the attachment taken in above with every other record.
    assert!(s.attachments_due().expect("due").is_empty(), "{at}");
    s.join_hub().expect("join");
    let snapshot = s.sync_snapshot().expect("snapshot");
    assert!(snapshot.keys().any(|(k, _)| k == "attachment"), "{at}");
    // Schema 13: the email taken in above has its own fields as a synced
    // record of its entry, queued with the rest.
    let mail: Vec<_> = snapshot
        .iter()
        .filter(|((k, _), _)| k == "entry_mail")
        .map(|(_, r)| r)
        .collect();
    assert_eq!(mail.len(), 1, "{at}");
    assert!(
        mail[0]["entry_id"].is_string() && mail[0]["message_key"].is_string(),
        "{at}: {:?}",
        mail[0]
    );
    let records = snapshot.len() as u64;
    assert_eq!(s.sync_state().expect("sync state").waiting, records, "{at}");
    s.sync_failed(store::SyncFailure::Unreachable)
        .expect("a failed sync is noted");
    let status = s.sync_status().expect("sync status");
    assert_eq!(
        (status.joined, status.waiting, status.failure.map(|f| f.0)),
        (true, records, Some(store::SyncFailure::Unreachable)),
        "{at}"
    );
}

#[test]
fn a_failing_upgrade_leaves_the_file_as_it_was() {
    let (_, fixture) = fixtures().into_iter().next().expect("a fixture");
    let dir = tempfile::tempdir().expect("tempdir");
    let db = old_file(&fixture, dir.path());
    let before = std::fs::read(&db).expect("read");
    let version = user_version(&db);

    // The real steps, then one that breaks half-way through.
    let mut steps: Vec<&'static str> = MIGRATION_STEPS.to_vec();
    steps.push(
        "ALTER TABLE cases ADD COLUMN ward TEXT;\n\
         UPDATE cases SET ward = 'Grangetown';\n\
         INSERT INTO no_such_table VALUES (1);",
    );
    let mut conn = rusqlite::Connection::open(&db).expect("open");
    let err = store::apply_steps(&mut conn, &steps).expect_err("the broken step fails");
    assert!(err.to_string().contains("no_such_table"), "{err}");
    drop(conn);

    assert_eq!(
        std::fs::read(&db).expect("read"),
        before,
        "not a byte changed"
    );
    assert_eq!(user_version(&db), version);
    let s = Store::open(&db).expect("still opens");
    assert_eq!(s.counts().expect("counts").cases, 2);
}

/// Schema 13 on a diary that had joined a hub at schema 12: each email's own
/// fields get a UUID and their entry's stamps, keep their values, and are
/// queued once for the next push (the hub has never had them).
#[test]
fn schema_13_gives_a_joined_diarys_email_fields_a_uuid_and_queues_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("joined.db");
    let mut conn = rusqlite::Connection::open(&db).expect("create");
    store::apply_steps(&mut conn, &MIGRATION_STEPS[..12]).expect("schema 12");
    conn.execute_batch(
        "UPDATE sync_clock SET device = '0199a000-0000-7000-8000-000000000001', capture = 1, hlc = 5;
         INSERT INTO entries (uuid, created_at, updated_at, kind, at, text) VALUES
             ('0199a000-0000-7000-8000-0000000000e1', '2026-03-02T09:00:00.000Z',
              '2026-03-02T09:00:00.000Z', 'email_in', '2026-03-02 09:00:00', 'The damp is back.');
         INSERT INTO entry_mail (entry_id, message_key, sender, recipients, cc, subject)
             SELECT id, 'abc123', 'Gwen Price <gwen@example.org>', 'ann@example.org', NULL,
                    'Damp again' FROM entries;
         DELETE FROM sync_outbox;",
    )
    .expect("a joined schema-12 diary with an email");
    drop(conn);

    let s = Store::open(&db).expect("upgrade");
    assert_eq!(user_version(&db), SCHEMA_VERSION);
    let mail: Vec<_> = s
        .sync_snapshot()
        .expect("snapshot")
        .into_iter()
        .filter(|((k, _), _)| k == "entry_mail")
        .collect();
    assert_eq!(mail.len(), 1);
    let ((_, uuid), row) = &mail[0];
    assert!(uuid::Uuid::parse_str(uuid).is_ok(), "{uuid}");
    assert_eq!(row["entry_id"], "0199a000-0000-7000-8000-0000000000e1");
    assert_eq!(row["created_at"], "2026-03-02T09:00:00.000Z");
    assert_eq!(
        (&row["message_key"], &row["sender"], &row["subject"]),
        (
            &serde_json::Value::from("abc123"),
            &serde_json::Value::from("Gwen Price <gwen@example.org>"),
            &serde_json::Value::from("Damp again")
        )
    );
    // Queued once, to go with the next push.
    let state = s.sync_state().expect("state");
    assert_eq!(state.waiting, 1);
    let plan = s.outbox_plan().expect("plan");
    assert_eq!(
        plan.pending
            .iter()
            .map(|p| (p.kind, p.uuid.as_str()))
            .collect::<Vec<_>>(),
        vec![("entry_mail", uuid.as_str())]
    );
}
