//! "Needs an update" is read from `keep_informed`, a table the schema's
//! triggers keep in step with the entries and the people on each case. These
//! tests drive the store through every kind of change that can move a case's
//! last update, in a long random sequence, and after each change compare the
//! store's answer with one worked out from scratch here, in Rust, from the
//! case, its people and its entries.

use casebook::domain::{
    Case, CaseStatus, Contact, ContactKind, Entry, EntryKind, Id, Outcome, Role,
};
use casebook::store::{NeedsUpdate, Store};
use chrono::{Duration, NaiveDate, NaiveDateTime};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn today() -> NaiveDate {
    d(2026, 3, 2)
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
    fn day(&mut self) -> NaiveDate {
        today() - Duration::days(self.below(60) as i64)
    }
    fn moment(&mut self) -> NaiveDateTime {
        self.day()
            .and_hms_opt(8 + self.below(10) as u32, self.below(60) as u32, 0)
            .expect("valid time")
    }
}

/// What the store should say, worked out from the records alone. Erased
/// cases have nobody left to update.
fn expected(
    store: &Store,
    cases: &[Id<Case>],
    erased: &[Id<Case>],
) -> Vec<(Id<Case>, Option<NaiveDate>, NaiveDate)> {
    let cutoff = today() - Duration::days(i64::from(DAYS));
    let mut rows = Vec::new();
    for &id in cases.iter().filter(|id| !erased.contains(id)) {
        let case = store.case(id).expect("case");
        if case.data.status == CaseStatus::Closed {
            continue;
        }
        let people = store.case_people(id).expect("people");
        if !people.iter().any(|(r, _)| *r == Role::Constituent) {
            continue;
        }
        let theirs = |who: Id<Contact>| {
            people
                .iter()
                .any(|(r, c)| c.id == who && matches!(r, Role::Constituent | Role::OnBehalfOf))
        };
        let last = store
            .entries_of_case(id, 10_000)
            .expect("entries")
            .into_iter()
            .filter(|e| e.data.kind.is_outbound() && e.data.contact.is_none_or(theirs))
            .map(|e| e.data.at)
            .max();
        let since = last.map_or(case.data.opened, |l| l.date().max(case.data.opened));
        if since <= cutoff {
            rows.push((id, last.map(|l| l.date()), since));
        }
    }
    rows.sort_by_key(|&(id, _, since)| (since, id));
    rows
}

fn actual(store: &Store) -> Vec<(Id<Case>, Option<NaiveDate>, NaiveDate)> {
    store
        .needs_update(today(), DAYS, usize::MAX)
        .expect("needs update")
        .into_iter()
        .map(|n: NeedsUpdate| (n.case.id, n.last_contact, n.since))
        .collect()
}

fn check(store: &Store, cases: &[Id<Case>], erased: &[Id<Case>], step: &str) {
    let want = expected(store, cases, erased);
    assert_eq!(actual(store), want, "after {step}");
    let counts = store.due_counts(today(), DAYS).expect("counts");
    assert_eq!(counts.needs_update, want.len() as u64, "count after {step}");
}

#[test]
fn every_change_keeps_needs_update_true_to_the_records() {
    let mut store = Store::open_in_memory().expect("store");
    let mut rng = Rng(0x00C0_FFEE);
    let residents: Vec<Id<Contact>> = (0..6)
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
    let mut cases: Vec<Id<Case>> = Vec::new();
    let mut entries: Vec<Id<Entry>> = Vec::new();
    let mut erased: Vec<Id<Case>> = Vec::new();
    let mut kinds_seen = std::collections::BTreeSet::new();

    for step in 0..600 {
        let what = match step {
            _ if cases.is_empty() => 0,
            _ if step % 150 == 149 => 9,
            _ => rng.below(9),
        };
        let description = match what {
            0 => {
                let who = residents[rng.below(residents.len())];
                let case = Case {
                    category: "waste".into(),
                    ..Case::new(format!("Case {step}"), rng.day())
                };
                let people: Vec<(Id<Contact>, Role)> = if rng.below(8) == 0 {
                    Vec::new() // nobody to update yet
                } else {
                    vec![(who, Role::Constituent)]
                };
                cases.push(
                    store
                        .add_case(&case, &people, &categories())
                        .expect("case")
                        .id,
                );
                "a new case"
            }
            1..=3 => {
                let kind = EntryKind::ALL[rng.below(EntryKind::ALL.len())];
                kinds_seen.insert(kind.as_str());
                let contact = match rng.below(4) {
                    0 => None,
                    1 => Some(officer),
                    _ => Some(residents[rng.below(residents.len())]),
                };
                let e = store
                    .add_entry(&Entry {
                        case: Some(cases[rng.below(cases.len())]),
                        contact,
                        kind,
                        at: rng.moment(),
                        text: "spoke about it".into(),
                        confidential: false,
                        surgery: None,
                    })
                    .expect("entry");
                entries.push(e.id);
                "an entry"
            }
            4 if !entries.is_empty() => {
                let e = entries[rng.below(entries.len())];
                let to = match rng.below(4) {
                    0 => None,
                    _ => Some(cases[rng.below(cases.len())]),
                };
                store.file_entry(e, to).expect("file");
                "an entry moved to another case, or unfiled"
            }
            5 => {
                let case = cases[rng.below(cases.len())];
                let who = residents[rng.below(residents.len())];
                let role = [Role::Constituent, Role::OnBehalfOf, Role::Other][rng.below(3)];
                // Already on the case in that role: refused, and nothing changes.
                let _ = store.add_case_person(case, who, role);
                "a person added to a case"
            }
            6 => {
                let case = cases[rng.below(cases.len())];
                if let Ok(c) = store.case(case) {
                    if c.data.status == CaseStatus::Closed || rng.below(2) == 0 {
                        let status = [CaseStatus::Open, CaseStatus::WaitingCouncil][rng.below(2)];
                        store.set_case_status(case, status).expect("status");
                    } else {
                        store
                            .close_case(case, Outcome::Resolved, today())
                            .expect("close");
                    }
                }
                "a case closed or reopened"
            }
            7 => {
                let case = cases[rng.below(cases.len())];
                if let Ok(c) = store.case(case)
                    && c.data.status != CaseStatus::Closed
                {
                    let moved = Case {
                        opened: rng.day(),
                        ..c.data
                    };
                    store
                        .update_case(case, &moved, &categories())
                        .expect("update");
                }
                "a case's opened date changed"
            }
            9 => {
                // Now and then: a resident erased; their own cases are
                // anonymised and stay in the diary's figures.
                let who = residents[rng.below(residents.len())];
                let theirs = store.cases_of_contact(who).expect("cases");
                erased.extend(
                    theirs
                        .iter()
                        .filter(|(r, _)| matches!(r, Role::Constituent | Role::OnBehalfOf))
                        .map(|(_, c)| c.id),
                );
                store.erase_person(who).expect("erase");
                "a person erased"
            }
            _ => "nothing",
        };
        check(
            &store,
            &cases,
            &erased,
            &format!("step {step}: {description}"),
        );
    }
    // The sequence exercised every kind, so the schema's list of outbound
    // kinds is checked against EntryKind::is_outbound.
    assert_eq!(kinds_seen.len(), EntryKind::ALL.len(), "{kinds_seen:?}");
    assert!(!erased.is_empty(), "the sequence erased someone's cases");
    assert!(
        !actual(&store).is_empty(),
        "the sequence should leave some cases needing an update"
    );
}

/// A case opened `days_ago`, with `who` as its constituent.
fn case_for(store: &mut Store, title: &str, days_ago: i64, who: Id<Contact>) -> Id<Case> {
    let case = Case {
        category: "waste".into(),
        ..Case::new(title, today() - Duration::days(days_ago))
    };
    store
        .add_case(&case, &[(who, Role::Constituent)], &categories())
        .expect("case")
        .id
}

#[test]
fn a_call_or_an_erasure_takes_a_case_off_the_list() {
    let mut store = Store::open_in_memory().expect("store");
    let sian = store
        .add_contact(&Contact::named("Siân Davies"))
        .expect("contact")
        .id;
    let case = case_for(&mut store, "Bins", 30, sian);
    let listed = |s: &Store| {
        s.needs_update(today(), DAYS, 10)
            .expect("needs")
            .iter()
            .map(|n| n.case.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(listed(&store), [case]);
    store
        .add_entry(&Entry {
            case: Some(case),
            contact: Some(sian),
            kind: EntryKind::CallOut,
            at: (today() - Duration::days(2))
                .and_hms_opt(10, 0, 0)
                .expect("time"),
            text: "Told her the crew is booked".into(),
            confidential: false,
            surgery: None,
        })
        .expect("entry");
    assert!(listed(&store).is_empty());

    let quiet = case_for(&mut store, "Streetlight out", 20, sian);
    assert_eq!(listed(&store), [quiet]);
    // Erasing the case (it stays, anonymised, in the figures) leaves nobody
    // to update, and a later change of status does not bring it back.
    store.erase_cases(&[quiet]).expect("erase");
    assert!(listed(&store).is_empty());
    store
        .set_case_status(quiet, CaseStatus::WaitingCouncil)
        .expect("status");
    assert!(listed(&store).is_empty());
    assert_eq!(
        store
            .due_counts(today(), DAYS)
            .expect("counts")
            .needs_update,
        0
    );
}
