//! The reminders part of the store: the follow-up agenda, keeping
//! constituents informed, referrals (consent, working days, replies), the
//! directory searched by the problem, and surgeries.

use casebook::domain::{
    Case, CaseStatus, Contact, ContactKind, Entry, EntryKind, FollowUp, Id, Instruction, Outcome,
    Role,
};
use casebook::store::{LogRequest, NewReferral, ReferOutcome, Snooze, Store, Who};
use chrono::{Duration, NaiveDate, NaiveDateTime};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn at(date: NaiveDate, h: u32) -> NaiveDateTime {
    date.and_hms_opt(h, 0, 0).expect("valid time")
}

fn categories() -> Vec<String> {
    casebook::config::Config::default().categories()
}

/// Monday 2 March 2026.
fn today() -> NaiveDate {
    d(2026, 3, 2)
}

fn person(store: &mut Store, name: &str) -> Id<Contact> {
    store
        .add_contact(&Contact::named(name))
        .expect("contact")
        .id
}

fn officer(store: &mut Store, name: &str, department: &str, handles: &str) -> Id<Contact> {
    let c = Contact {
        kind: Some(ContactKind::Officer),
        department: Some(department.into()),
        ..Contact::named(name)
    };
    store.add_officer(&c, handles, &[]).expect("officer").1
}

fn case_for(
    store: &mut Store,
    title: &str,
    opened: NaiveDate,
    who: Id<Contact>,
    consent: Option<bool>,
) -> casebook::domain::Record<Case> {
    let case = Case {
        consent_to_share: consent,
        category: "waste".into(),
        ..Case::new(title, opened)
    };
    store
        .add_case(&case, &[(who, Role::Constituent)], &categories())
        .expect("case")
}

fn entry(
    store: &mut Store,
    case: Id<Case>,
    who: Id<Contact>,
    kind: EntryKind,
    when: NaiveDateTime,
) {
    store
        .add_entry(&Entry {
            case: Some(case),
            contact: Some(who),
            kind,
            at: when,
            text: "spoke about it".into(),
            confidential: false,
            surgery: None,
        })
        .expect("entry");
}

fn follow_up(store: &mut Store, case: Option<Id<Case>>, due_on: NaiveDate) -> Id<FollowUp> {
    store
        .add_follow_up(&FollowUp {
            case,
            contact: None,
            entry: None,
            due_on,
            what: "call back".into(),
            done_on: None,
        })
        .expect("follow-up")
        .id
}

#[test]
fn agenda_groups_follow_ups_by_when_they_are_due() {
    let mut store = Store::open_in_memory().expect("store");
    let sian = person(&mut store, "Siân Davies");
    let case = case_for(&mut store, "Bins", today(), sian, None);
    let overdue = follow_up(&mut store, Some(case.id), today() - Duration::days(2));
    let due_today = follow_up(&mut store, Some(case.id), today());
    let this_week = follow_up(&mut store, None, today() + Duration::days(7));
    let later = follow_up(&mut store, None, today() + Duration::days(8));
    let done = follow_up(&mut store, None, today() - Duration::days(1));
    store.complete_follow_up(done, today()).expect("done");

    let agenda = store.agenda(today(), 10).expect("agenda");
    let ids = |g: &casebook::store::AgendaGroup| g.items.iter().map(|i| i.id).collect::<Vec<_>>();
    assert_eq!(ids(&agenda.overdue), vec![overdue]);
    assert_eq!(ids(&agenda.due_today), vec![due_today]);
    assert_eq!(ids(&agenda.this_week), vec![this_week]);
    assert_eq!(ids(&agenda.later), vec![later]);
    assert_eq!(agenda.overdue.total, 1);
    // The case's constituent names a follow-up that has no contact of its own.
    let first = &agenda.overdue.items[0];
    assert_eq!(
        first.case.as_ref().map(|c| c.reference.as_str()),
        Some(case.reference.as_str())
    );
    assert_eq!(
        first.contact.as_ref().map(|c| c.name.as_str()),
        Some("Siân Davies")
    );
    assert!(agenda.this_week.items[0].case.is_none());

    // Groups are cut to the size asked for, with the full count kept.
    for _ in 0..3 {
        follow_up(&mut store, None, today() - Duration::days(5));
    }
    let agenda = store.agenda(today(), 2).expect("agenda");
    assert_eq!(agenda.overdue.items.len(), 2);
    assert_eq!(agenda.overdue.total, 4);
}

#[test]
fn snooze_counts_from_today_when_overdue() {
    let mut store = Store::open_in_memory().expect("store");
    let overdue = follow_up(&mut store, None, today() - Duration::days(3));
    let future = follow_up(&mut store, None, today() + Duration::days(2));
    assert_eq!(
        store
            .snooze_follow_up(overdue, Snooze::Day, today())
            .expect("snooze"),
        today() + Duration::days(1)
    );
    assert_eq!(
        store
            .snooze_follow_up(future, Snooze::Week, today())
            .expect("snooze"),
        today() + Duration::days(9)
    );
    assert_eq!(
        store.follow_up(future).expect("read").due_on,
        d(2026, 3, 11)
    );
    store
        .reschedule_follow_up(future, d(2026, 4, 1))
        .expect("reschedule");
    assert_eq!(store.follow_up(future).expect("read").due_on, d(2026, 4, 1));
}

#[test]
fn cases_whose_constituent_has_heard_nothing_need_an_update() {
    let mut store = Store::open_in_memory().expect("store");
    let days = 14;
    let old = today() - Duration::days(30);
    let a = person(&mut store, "Never Called");
    let never = case_for(&mut store, "never contacted", old, a, None);
    let b = person(&mut store, "Recently Called");
    let recent = case_for(&mut store, "called 3 days ago", old, b, None);
    entry(
        &mut store,
        recent.id,
        b,
        EntryKind::CallOut,
        at(today() - Duration::days(3), 10),
    );
    let c = person(&mut store, "Officer Only");
    let officer_only = case_for(&mut store, "emailed the officer", old, c, None);
    let jo = officer(&mut store, "Jo Bloggs", "Waste", "bins");
    entry(
        &mut store,
        officer_only.id,
        jo,
        EntryKind::EmailOut,
        at(today() - Duration::days(1), 10),
    );
    let e = person(&mut store, "Inbound Only");
    let inbound = case_for(&mut store, "they rang us", old, e, None);
    entry(
        &mut store,
        inbound.id,
        e,
        EntryKind::CallIn,
        at(today() - Duration::days(1), 10),
    );
    let f = person(&mut store, "Exactly Fourteen");
    let fourteen = case_for(&mut store, "14 days", old, f, None);
    entry(
        &mut store,
        fourteen.id,
        f,
        EntryKind::LetterOut,
        at(today() - Duration::days(14), 16),
    );
    let g = person(&mut store, "Thirteen");
    let thirteen = case_for(&mut store, "13 days", old, g, None);
    entry(
        &mut store,
        thirteen.id,
        g,
        EntryKind::FeedbackGiven,
        at(today() - Duration::days(13), 9),
    );
    let h = person(&mut store, "New Case");
    let _new = case_for(
        &mut store,
        "opened 5 days ago",
        today() - Duration::days(5),
        h,
        None,
    );
    let i = person(&mut store, "Closed Case");
    let closed = case_for(&mut store, "closed", old, i, None);
    store
        .close_case(closed.id, Outcome::Resolved, today())
        .expect("close");

    let list = store
        .needs_update(today(), days, 100)
        .expect("needs update");
    let refs: Vec<&str> = list.iter().map(|n| n.case.title.as_str()).collect();
    assert_eq!(refs.len(), 4, "{refs:?}");
    for wanted in [
        "never contacted",
        "emailed the officer",
        "they rang us",
        "14 days",
    ] {
        assert!(refs.contains(&wanted), "{wanted} missing from {refs:?}");
    }
    let never_row = list.iter().find(|n| n.case.id == never.id).expect("listed");
    assert_eq!(never_row.last_contact, None);
    assert_eq!(never_row.since, old);
    assert_eq!(never_row.constituent.name, "Never Called");
    let fourteen_row = list
        .iter()
        .find(|n| n.case.id == fourteen.id)
        .expect("listed");
    assert_eq!(
        fourteen_row.last_contact,
        Some(today() - Duration::days(14))
    );
    // Longest without word first.
    assert_eq!(list.last().map(|n| n.case.id), Some(fourteen.id));
}

#[test]
fn needs_update_runs_from_the_indexes() {
    let store = Store::open_in_memory().expect("store");
    let plan = store.needs_update_plan().expect("plan").join("\n");
    println!("{plan}");
    assert!(plan.contains("keep_informed_quiet"), "{plan}");
    assert!(!plan.contains("SCAN"), "a full scan in the plan: {plan}");
}

#[test]
fn referral_without_consent_waits_for_confirmation() {
    let mut store = Store::open_in_memory().expect("store");
    let sian = person(&mut store, "Siân Davies");
    let case = case_for(
        &mut store,
        "Fly-tipping behind the shops",
        today(),
        sian,
        None,
    );
    let jo = officer(&mut store, "Jo Bloggs", "Waste Services", "fly-tipping");
    let request = NewReferral {
        case: case.id,
        to: jo,
        at: at(today(), 10),
        council_ref: Some("ENQ-123".into()),
        instruction: Instruction::ReplyCopyMe,
        note: Some("Please clear it".into()),
        constituent_copied: true,
        reply_days: 10,
    };
    let before = store.counts().expect("counts");
    match store.refer(&request, false).expect("refer") {
        ReferOutcome::NeedsConfirmation(w) => {
            assert_eq!(w.case_reference, case.reference);
            // A fact: the screens and the CLI say it in the reader's words.
            assert_eq!(w.consent, None, "not asked");
        }
        other => panic!("referred without consent: {other:?}"),
    }
    assert_eq!(
        store.counts().expect("counts"),
        before,
        "nothing may be written"
    );
    assert_eq!(store.case(case.id).expect("case").status, CaseStatus::Open);

    let ReferOutcome::Referred(r) = store.refer(&request, true).expect("refer") else {
        panic!("confirmed referral refused");
    };
    // Monday 2 March + 10 working days.
    assert_eq!(r.due_on, d(2026, 3, 16));
    assert_eq!(r.council_ref.as_deref(), Some("ENQ-123"));
    assert!(r.constituent_copied);
    assert_eq!(
        store.case(case.id).expect("case").status,
        CaseStatus::WaitingCouncil
    );
    let timeline = store.entries_of_case(case.id, 10).expect("entries");
    let last = timeline.last().expect("a diary entry of the referral");
    assert_eq!(last.kind, EntryKind::Action);
    assert!(
        last.text.contains("Jo Bloggs (Waste Services)"),
        "{}",
        last.text
    );
    assert!(last.text.contains("Reply due 2026-03-16"), "{}", last.text);
    let people = store.case_people(case.id).expect("people");
    assert!(
        people
            .iter()
            .any(|(role, c)| *role == Role::Officer && c.id == jo)
    );
}

#[test]
fn referral_with_consent_needs_no_confirmation_and_counts_working_days() {
    let mut store = Store::open_in_memory().expect("store");
    let sian = person(&mut store, "Siân Davies");
    // Thursday 2 April 2026: Good Friday and Easter Monday are skipped.
    let case = case_for(&mut store, "Streetlight", d(2026, 4, 2), sian, Some(true));
    let jo = officer(&mut store, "Sam Lights", "Highways", "street lights");
    let outcome = store
        .refer(
            &NewReferral {
                case: case.id,
                to: jo,
                at: at(d(2026, 4, 2), 9),
                council_ref: None,
                instruction: Instruction::ReplyThroughMe,
                note: None,
                constituent_copied: false,
                reply_days: 2,
            },
            false,
        )
        .expect("refer");
    let ReferOutcome::Referred(r) = outcome else {
        panic!("consent was given: {outcome:?}");
    };
    assert_eq!(r.due_on, d(2026, 4, 8));
}

#[test]
fn consent_refused_is_named_and_closed_cases_are_not_referred() {
    let mut store = Store::open_in_memory().expect("store");
    let sian = person(&mut store, "Siân Davies");
    let jo = officer(&mut store, "Jo Bloggs", "Waste", "bins");
    let case = case_for(&mut store, "No sharing", today(), sian, Some(false));
    let mut req = NewReferral {
        case: case.id,
        to: jo,
        at: at(today(), 9),
        council_ref: None,
        instruction: Instruction::ReplyThroughMe,
        note: None,
        constituent_copied: false,
        reply_days: 10,
    };
    match store.refer(&req, false).expect("refer") {
        ReferOutcome::NeedsConfirmation(w) => {
            assert_eq!(w.consent, Some(false), "they said no");
        }
        other => panic!("{other:?}"),
    }
    let closed = case_for(&mut store, "Closed", today(), sian, Some(true));
    store
        .close_case(closed.id, Outcome::Resolved, today())
        .expect("close");
    req.case = closed.id;
    let e = store.refer(&req, true).expect_err("closed case");
    assert!(e.to_string().contains("closed"), "{e}");
    // A constituent is not someone to refer to.
    let open = case_for(&mut store, "Open", today(), sian, Some(true));
    req.case = open.id;
    req.to = sian;
    let e = store.refer(&req, true).expect_err("not an officer");
    assert!(e.to_string().contains("not an officer or agency"), "{e}");
}

#[test]
fn late_referrals_and_the_reply_moving_the_case_on() {
    let mut store = Store::open_in_memory().expect("store");
    let sian = person(&mut store, "Siân Davies");
    let case = case_for(&mut store, "Missed bins", today(), sian, Some(true));
    let jo = officer(&mut store, "Jo Bloggs", "Waste Services", "missed bins");
    let ReferOutcome::Referred(r) = store
        .refer(
            &NewReferral {
                case: case.id,
                to: jo,
                at: at(today(), 9),
                council_ref: Some("W-1".into()),
                instruction: Instruction::ReplyCopyMe,
                note: None,
                constituent_copied: false,
                reply_days: 10,
            },
            true,
        )
        .expect("refer")
    else {
        panic!("not referred");
    };
    // Not late on the due date itself, late the day after.
    assert!(store.late_referrals(r.due_on, 10).expect("late").is_empty());
    let late = store
        .late_referrals(r.due_on + Duration::days(1), 10)
        .expect("late");
    assert_eq!(late.len(), 1);
    assert_eq!(late[0].to.name, "Jo Bloggs");
    assert_eq!(late[0].department.as_deref(), Some("Waste Services"));
    assert_eq!(late[0].case.reference, case.reference);

    let reply_at = at(d(2026, 3, 18), 11);
    let done = store
        .reply_to_referral(r.id, reply_at, "Collected on Tuesday")
        .expect("reply");
    assert_eq!(done.status, CaseStatus::Open);
    assert_eq!(done.working_days_late, 2);
    assert_eq!(done.referral.reply_on, Some(d(2026, 3, 18)));
    assert_eq!(store.case(case.id).expect("case").status, CaseStatus::Open);
    assert!(
        store
            .late_referrals(d(2026, 3, 30), 10)
            .expect("late")
            .is_empty()
    );
    let timeline = store.entries_of_case(case.id, 10).expect("entries");
    assert!(
        timeline
            .iter()
            .any(|e| e.text.starts_with("Reply from Jo Bloggs") && e.text.contains("Collected"))
    );
    let again = store.reply_to_referral(r.id, reply_at, "twice");
    assert!(again.is_err(), "a second reply is refused");
}

#[test]
fn the_case_stays_waiting_while_another_reply_is_awaited() {
    let mut store = Store::open_in_memory().expect("store");
    let sian = person(&mut store, "Siân Davies");
    let case = case_for(&mut store, "Two referrals", today(), sian, Some(true));
    let jo = officer(&mut store, "Jo Bloggs", "Waste", "bins");
    let sam = officer(&mut store, "Sam Lights", "Highways", "lights");
    let mut ids = Vec::new();
    for to in [jo, sam] {
        let out = store
            .refer(
                &NewReferral {
                    case: case.id,
                    to,
                    at: at(today(), 9),
                    council_ref: None,
                    instruction: Instruction::ReplyCopyMe,
                    note: None,
                    constituent_copied: false,
                    reply_days: 10,
                },
                false,
            )
            .expect("refer");
        let ReferOutcome::Referred(r) = out else {
            panic!("{out:?}")
        };
        ids.push(r.id);
    }
    assert_eq!(
        store.awaiting_referrals(case.id).expect("awaiting").len(),
        2
    );
    let first = store
        .reply_to_referral(ids[0], at(today(), 15), "done")
        .expect("reply");
    assert_eq!(first.status, CaseStatus::WaitingCouncil);
    let second = store
        .reply_to_referral(ids[1], at(today(), 16), "done too")
        .expect("reply");
    assert_eq!(second.status, CaseStatus::Open);
}

#[test]
fn the_directory_answers_who_handles_a_problem() {
    let mut store = Store::open_in_memory().expect("store");
    let jo = officer(
        &mut store,
        "Jo Bloggs",
        "Waste Services",
        "fly-tipping, missed bins, bulky waste",
    );
    let sam = officer(
        &mut store,
        "Sam Lights",
        "Highways",
        "potholes, street lights",
    );
    let pat = officer(
        &mut store,
        "Pat Homes",
        "Housing Options",
        "homelessness, repairs",
    );
    let names = |hits: Vec<(
        casebook::domain::Record<casebook::domain::DirectoryEntry>,
        casebook::domain::Record<Contact>,
    )>| { hits.into_iter().map(|(_, c)| c.id).collect::<Vec<_>>() };
    assert_eq!(
        names(store.who_handles("fly-tipping", 10).expect("search")),
        vec![jo]
    );
    assert_eq!(
        names(
            store
                .who_handles("Who do I speak to about fly-tipping?", 10)
                .expect("search")
        ),
        vec![jo]
    );
    assert_eq!(
        names(store.who_handles("pothole", 10).expect("search")),
        vec![sam]
    );
    // By department when what they handle does not say it.
    assert_eq!(
        names(store.who_handles("housing", 10).expect("search")),
        vec![pat]
    );
    assert!(
        store
            .who_handles("parking permits", 10)
            .expect("search")
            .is_empty()
    );
    assert!(store.who_handles("   ", 10).expect("search").is_empty());

    // Adding the same officer again updates them rather than duplicating.
    officer(&mut store, "Jo Bloggs", "Waste Services", "graffiti");
    assert_eq!(store.directory().expect("directory").len(), 3);
    assert_eq!(
        names(store.who_handles("graffiti", 10).expect("search")),
        vec![jo]
    );
    assert!(
        store
            .who_handles("fly-tipping", 10)
            .expect("search")
            .is_empty()
    );
    assert_eq!(
        store
            .referral_targets_named("jo bloggs")
            .expect("targets")
            .len(),
        1
    );
}

#[test]
fn a_running_surgery_survives_a_restart_and_sums_itself_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("casebook.db");
    let start = at(today(), 10);
    {
        let mut store = Store::open(&path).expect("open");
        let s = store
            .start_surgery("Llanrumney Library", start)
            .expect("start");
        assert_eq!(s.held_on, today());
        let again = store
            .start_surgery("Elsewhere", start)
            .expect_err("one at a time");
        assert!(again.to_string().contains("already running"), "{again}");
    }
    let mut store = Store::open(&path).expect("reopen");
    let running = store
        .current_surgery()
        .expect("current")
        .expect("still running");
    assert_eq!(running.venue, "Llanrumney Library");
    assert_eq!(
        store.surgery_at(start - Duration::hours(1)).expect("at"),
        None
    );
    let sid = store.surgery_at(start + Duration::minutes(5)).expect("at");
    assert_eq!(sid, Some(running.id));

    let sian = person(&mut store, "Siân Davies");
    let case = Case {
        category: "housing".into(),
        surgery: sid,
        ..Case::new("Damp flat", today())
    };
    let case = store
        .add_case(&case, &[(sian, Role::Constituent)], &categories())
        .expect("case");
    for (who, case_ref) in [
        ("Siân Davies", Some(case.reference.clone())),
        ("Tom Jones", None),
    ] {
        store
            .log(&LogRequest {
                who: Who::Named(who.into()),
                case: case_ref,
                kind: EntryKind::SurgeryVisit,
                at: start + Duration::minutes(20),
                text: "came to the surgery".into(),
                follow_up: None,
                confidential: false,
                surgery: sid,
            })
            .expect("log");
    }
    let (ended, summary) = store.end_surgery(at(today(), 12)).expect("end");
    assert_eq!(ended.ended_at, Some(at(today(), 12)));
    assert_eq!(summary.people_seen, 2);
    assert_eq!(
        summary.people,
        vec!["Siân Davies".to_string(), "Tom Jones".to_string()]
    );
    assert_eq!(summary.cases_opened, 1);
    assert_eq!(summary.entries, 2);
    assert_eq!(summary.categories, vec![("housing".to_string(), 1)]);
    assert!(store.current_surgery().expect("current").is_none());
    assert!(
        store.end_surgery(at(today(), 13)).is_err(),
        "nothing to end"
    );
    let past = store.past_surgeries(today(), 10).expect("past");
    assert_eq!(past.len(), 1);
    assert_eq!(past[0].1.people_seen, 2);
}

#[test]
fn due_list_holds_nothing_from_the_future() {
    let mut store = Store::open_in_memory().expect("store");
    let sian = person(&mut store, "Siân Davies");
    let case = case_for(&mut store, "Bins", today(), sian, Some(true));
    follow_up(&mut store, Some(case.id), today() - Duration::days(1));
    follow_up(&mut store, Some(case.id), today());
    follow_up(&mut store, Some(case.id), today() + Duration::days(1));
    let due = store.due_list(today(), 14, usize::MAX).expect("due");
    assert_eq!(due.follow_ups.len(), 2);
    assert_eq!(due.totals.follow_ups, 2);
    let first = store.due_list(today(), 14, 1).expect("due");
    assert_eq!(first.follow_ups.len(), 1, "the limit holds");
    assert_eq!(first.totals.follow_ups, 2, "the count does not");
    assert!(due.follow_ups.iter().all(|f| f.due_on <= today()));
    assert!(due.late_referrals.is_empty());
    assert!(due.needs_update.is_empty(), "opened today");
    let empty = Store::open_in_memory().expect("store");
    assert!(
        empty
            .due_list(today(), 14, usize::MAX)
            .expect("due")
            .is_empty()
    );
}

/// Measures `due` at 100k cases (run by hand:
/// `cargo test --test reminders_store measure -- --ignored --nocapture`).
/// Speed is printed, never asserted.
#[test]
#[ignore]
fn measure_due_list_at_100k_cases() {
    // In memory: building 400k rows one synchronous transaction at a time
    // on a file takes far longer than the queries measured.
    let mut store = Store::open_in_memory().expect("open");
    let n = 100_000;
    let started = std::time::Instant::now();
    let cats = categories();
    let base = d(2022, 1, 1);
    for i in 0..n {
        let who = store
            .add_contact(&Contact::named(format!("Person {i}")))
            .expect("c")
            .id;
        let opened = base + Duration::days((i % 1500) as i64);
        let mut case = Case {
            category: "waste".into(),
            ..Case::new(format!("Case {i}"), opened)
        };
        if i % 4 != 0 {
            case.status = CaseStatus::Closed;
            case.closed = Some(opened + Duration::days(20));
            case.outcome = Some(Outcome::Resolved);
        }
        let case = store
            .add_case(&case, &[(who, Role::Constituent)], &cats)
            .expect("case");
        entry(&mut store, case.id, who, EntryKind::CallIn, at(opened, 9));
        if i % 3 == 0 {
            entry(
                &mut store,
                case.id,
                who,
                EntryKind::CallOut,
                at(opened + Duration::days(10), 9),
            );
        }
        if i % 50 == 0 {
            follow_up(&mut store, Some(case.id), opened + Duration::days(7));
        }
    }
    println!("built {n} cases in {:?}", started.elapsed());
    println!(
        "plan:\n{}",
        store.needs_update_plan().expect("plan").join("\n")
    );
    let today = d(2026, 2, 15);
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let due = store.due_list(today, 14, usize::MAX).expect("due");
        println!(
            "due_list: {} follow-ups, {} late referrals, {} need an update in {:?}",
            due.follow_ups.len(),
            due.late_referrals.len(),
            due.needs_update.len(),
            t.elapsed()
        );
        let t = std::time::Instant::now();
        let first = store.needs_update(today, 14, 20).expect("needs");
        println!(
            "needs_update (first 20): {} in {:?}",
            first.len(),
            t.elapsed()
        );
        let t = std::time::Instant::now();
        let agenda = store.agenda(today, 20).expect("agenda");
        println!(
            "agenda: overdue {} in {:?}",
            agenda.overdue.total,
            t.elapsed()
        );
    }
}
