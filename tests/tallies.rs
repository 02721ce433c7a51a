//! The home screen's and `due`'s counts come from `tallies`, totals the
//! schema's triggers keep (schema step 10) instead of counting index ranges
//! on every start. These tests change the diary in every way that moves a
//! count — in a long random sequence, and by each path that writes many
//! rows at once (a sync pull, a JSON import, an erasure, a restore) — and
//! after each compare the counts with the lists they summarise (read
//! straight from the records) and with `check`'s recount.

use std::path::Path;

use casebook::domain::{
    Case, CaseStatus, Contact, ContactKind, Entry, EntryKind, FollowUp, Id, Instruction, Outcome,
    Referral, Role,
};
use casebook::store::{DueCounts, Op, Remote, Store};
use chrono::{Duration, NaiveDate};
use serde_json::{Map, Value};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).expect("date")
}

const DAYS: u32 = 14;

fn categories() -> Vec<String> {
    casebook::config::Config::default().categories()
}

/// A small deterministic generator, so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }
    /// A day from 60 days ago to 20 days ahead: due, overdue and not yet.
    fn day(&mut self) -> NaiveDate {
        today() - Duration::days(self.below(80) as i64 - 20)
    }
}

/// The counts the store gives, against the lists they count and `check`'s
/// recount of every tally.
fn agree(store: &Store, step: &str) -> DueCounts {
    assert_eq!(
        store.tally_problems().expect("tallies"),
        Vec::<String>::new(),
        "after {step}"
    );
    let due = store.due_list(today(), DAYS, usize::MAX).expect("due list");
    assert_eq!(
        due.totals,
        DueCounts {
            follow_ups: due.follow_ups.len() as u64,
            late_referrals: due.late_referrals.len() as u64,
            needs_update: due.needs_update.len() as u64,
        },
        "after {step}"
    );
    let open = store.open_case_counts().expect("open counts");
    assert!(open.iter().all(|(s, n)| *s != CaseStatus::Closed && *n > 0));
    due.totals
}

struct Diary {
    store: Store,
    residents: Vec<Id<Contact>>,
    officer: Id<Contact>,
    cases: Vec<Id<Case>>,
}

impl Diary {
    fn new(store: Store) -> Diary {
        let mut store = store;
        let residents = (0..6)
            .map(|i| {
                store
                    .add_contact(&Contact::named(format!("Resident {i}")))
                    .expect("contact")
                    .id
            })
            .collect();
        let officer = store
            .add_contact(&Contact {
                kind: Some(ContactKind::Officer),
                ..Contact::named("Jo Bloggs")
            })
            .expect("officer")
            .id;
        Diary {
            store,
            residents,
            officer,
            cases: Vec::new(),
        }
    }

    /// One random change; returns what it was.
    fn change(&mut self, rng: &mut Rng, step: usize) -> &'static str {
        let s = &mut self.store;
        let what = if self.cases.is_empty() {
            0
        } else {
            rng.below(9)
        };
        match what {
            0 => {
                let who = self.residents[rng.below(self.residents.len())];
                let people = if rng.below(6) == 0 {
                    Vec::new()
                } else {
                    vec![(who, Role::Constituent)]
                };
                let case = Case {
                    category: "housing".into(),
                    ..Case::new(format!("Case {step}"), rng.day().min(today()))
                };
                self.cases
                    .push(s.add_case(&case, &people, &categories()).expect("case").id);
                "a new case"
            }
            1 => {
                let case = self.cases[rng.below(self.cases.len())];
                let on = rng.day();
                s.add_referral(&Referral {
                    case,
                    to: self.officer,
                    referred_on: on,
                    council_ref: None,
                    instruction: Instruction::ReplyCopyMe,
                    note: None,
                    constituent_copied: false,
                    due_on: on + Duration::days(10),
                    reply_on: None,
                    reply: None,
                })
                .expect("referral");
                "a referral"
            }
            2 => {
                let case = self.cases[rng.below(self.cases.len())];
                if let Some(r) = s.awaiting_referrals(case).expect("awaiting").first() {
                    s.record_reply(r.id, today(), "Done").expect("reply");
                }
                "a reply"
            }
            3 => {
                let (case, contact) = match rng.below(3) {
                    0 => (None, Some(self.residents[rng.below(self.residents.len())])),
                    _ => (Some(self.cases[rng.below(self.cases.len())]), None),
                };
                s.add_follow_up(&FollowUp {
                    case,
                    contact,
                    entry: None,
                    due_on: rng.day(),
                    what: "Ring back".into(),
                    done_on: None,
                })
                .expect("follow-up");
                "a follow-up"
            }
            4 => {
                let case = self.cases[rng.below(self.cases.len())];
                let ups = s.follow_ups_of_case(case).expect("follow-ups");
                if let Some(f) = ups.first() {
                    if f.data.done_on.is_some() {
                        s.reopen_follow_up(f.id).expect("reopen");
                    } else {
                        s.complete_follow_up(f.id, today()).expect("done");
                    }
                }
                "a follow-up done or reopened"
            }
            5 | 6 => {
                let case = self.cases[rng.below(self.cases.len())];
                if let Ok(c) = s.case(case) {
                    if c.data.status == CaseStatus::Closed || rng.below(2) == 0 {
                        let status = [
                            CaseStatus::Open,
                            CaseStatus::WaitingCouncil,
                            CaseStatus::WaitingConstituent,
                            CaseStatus::WaitingOther,
                        ][rng.below(4)];
                        s.set_case_status(case, status).expect("status");
                    } else {
                        s.close_case(case, Outcome::Resolved, today())
                            .expect("close");
                    }
                }
                "a case's status changed"
            }
            7 => {
                let case = self.cases[rng.below(self.cases.len())];
                s.add_entry(&Entry {
                    case: Some(case),
                    contact: None,
                    kind: EntryKind::CallOut,
                    at: rng.day().min(today()).and_hms_opt(10, 0, 0).expect("time"),
                    text: "Rang with news".into(),
                    confidential: false,
                    surgery: None,
                })
                .expect("entry");
                "an update to the constituent"
            }
            _ if step % 40 == 39 => {
                let who = self.residents[rng.below(self.residents.len())];
                s.erase_person(who).expect("erase");
                "a person erased"
            }
            _ if step % 40 == 19 => {
                let case = self.cases[rng.below(self.cases.len())];
                s.erase_cases(&[case]).expect("erase case");
                "a case erased"
            }
            _ => "nothing",
        }
    }
}

#[test]
fn every_change_keeps_the_counts_true_to_the_records() {
    let mut diary = Diary::new(Store::open_in_memory().expect("store"));
    let mut rng = Rng(0x07A1_11E5);
    let mut seen = DueCounts::default();
    for step in 0..500 {
        let what = diary.change(&mut rng, step);
        let counts = agree(&diary.store, &format!("step {step}: {what}"));
        seen.follow_ups = seen.follow_ups.max(counts.follow_ups);
        seen.late_referrals = seen.late_referrals.max(counts.late_referrals);
        seen.needs_update = seen.needs_update.max(counts.needs_update);
    }
    // The sequence made something of every kind to count.
    assert!(seen.follow_ups > 0 && seen.late_referrals > 0 && seen.needs_update > 0);
}

/// A diary with a little of everything, on a file.
fn busy_diary(path: &Path, seed: u64) -> Diary {
    let mut diary = Diary::new(Store::open(path).expect("store"));
    let mut rng = Rng(seed);
    for step in 0..120 {
        diary.change(&mut rng, step);
    }
    diary
}

#[test]
fn an_erasure_that_deletes_cases_keeps_the_counts() {
    let dir = tempfile::tempdir().expect("dir");
    let mut diary = busy_diary(&dir.path().join("d.db"), 11);
    agree(&diary.store, "the busy diary");
    // Every resident erased in turn: their cases go, with the referrals,
    // follow-ups and rows that hang on them.
    for who in diary.residents.clone() {
        diary.store.erase_person(who).expect("erase");
        agree(&diary.store, "an erasure");
    }
    let cases: Vec<_> = diary.cases.clone();
    diary.store.erase_cases(&cases).expect("erase cases");
    agree(&diary.store, "erasing every case");
}

#[test]
fn a_json_import_keeps_the_counts() {
    let dir = tempfile::tempdir().expect("dir");
    let from = busy_diary(&dir.path().join("from.db"), 12);
    let want = agree(&from.store, "the exported diary");
    let (doc, _) = from.store.export_all(true).expect("export");
    let mut into = Store::open(&dir.path().join("into.db")).expect("store");
    into.import_json(&doc).expect("import");
    assert_eq!(agree(&into, "the import"), want);
    assert_eq!(
        into.open_case_counts().expect("counts"),
        from.store.open_case_counts().expect("counts")
    );
}

/// What the hub would hand another device: each change as a record.
fn as_remote(store: &Store) -> Vec<Remote> {
    let out = store.outgoing().expect("outgoing");
    out.changes
        .into_iter()
        .map(|c| Remote {
            kind: c.kind.to_string(),
            uuid: c.uuid,
            versions: c
                .clocks
                .keys()
                .map(|k| (k.clone(), Value::from(1)))
                .collect::<Map<_, _>>(),
            data: c.fields,
            clocks: c.clocks,
            deleted: c.op == Op::Delete,
            erased: c.op == Op::Erase,
            version: 1,
        })
        .collect()
}

#[test]
fn a_sync_pull_keeps_the_counts() {
    let dir = tempfile::tempdir().expect("dir");
    let mut a = Diary::new(Store::open(&dir.path().join("a.db")).expect("store"));
    a.store.join_hub().expect("join");
    let mut b = Store::open(&dir.path().join("b.db")).expect("store");
    b.join_hub().expect("join");
    let mut rng = Rng(13);
    let mut cursor = 0;
    for round in 0..4 {
        for step in 0..60 {
            a.change(&mut rng, round * 60 + step);
        }
        let want = agree(&a.store, "the device that made the changes");
        let changes = as_remote(&a.store);
        cursor += 1;
        b.apply_pulled(&changes, cursor).expect("pull");
        let upto = a.store.outgoing().expect("outgoing").upto;
        a.store.acknowledge(upto).expect("acknowledge");
        assert_eq!(agree(&b, &format!("pull {round}")), want, "pull {round}");
        assert_eq!(
            b.open_case_counts().expect("counts"),
            a.store.open_case_counts().expect("counts"),
            "pull {round}"
        );
    }
}

#[test]
fn a_restored_backup_brings_its_own_counts() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("live.db");
    let mut diary = busy_diary(&db, 14);
    let want = agree(&diary.store, "before the backup");
    let backup = dir.path().join("backup.db");
    diary.store.backup_to(&backup).expect("backup");
    // More work after the backup, which the restore takes back.
    let mut rng = Rng(15);
    for step in 0..60 {
        diary.change(&mut rng, step);
    }
    drop(diary);
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").expect("config");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("CASEBOOK_DB")
        .env_remove("CASEBOOK_PASSPHRASE")
        .env("CASEBOOK_CONFIG", &config)
        .env("CASEBOOK_NOW", "2026-03-02T09:00")
        .arg("--db")
        .arg(&db)
        .arg("restore")
        .arg(&backup)
        .output()
        .expect("run casebook");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let restored = Store::open(&db).expect("open");
    assert_eq!(agree(&restored, "the restore"), want);
    let report = casebook::store::check_file(&db).expect("check");
    assert!(report.is_ok(), "{report:?}");
}

#[test]
fn check_names_a_count_that_went_wrong() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("d.db");
    drop(busy_diary(&db, 16));
    assert!(casebook::store::check_file(&db).expect("check").is_ok());
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.execute(
        "UPDATE tallies SET n = n + 3 WHERE what = 'follow_ups_pending'",
        [],
    )
    .expect("spoil");
    drop(conn);
    let report = casebook::store::check_file(&db).expect("check");
    let tallies = report
        .checks
        .iter()
        .find(|(name, _)| *name == "tallies")
        .expect("a tallies check");
    assert_eq!(tallies.1.len(), 1, "{report:?}");
    assert!(tallies.1[0].contains("follow_ups_pending"), "{report:?}");
}
