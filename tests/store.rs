//! The store's own tests, on a real SQLite file or `open_in_memory`.

use casebook::Error;
use casebook::config::Config;
use casebook::domain::{
    Case, CaseKind, CaseStatus, Channel, Contact, EntryKind, FollowUp, Id, Outcome, Role,
};
use casebook::store::{CaseFilter, CaseSort, HitKind, LogRequest, Store, Who};
use chrono::{NaiveDate, NaiveDateTime};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn at(y: i32, m: u32, day: u32, h: u32, mi: u32) -> NaiveDateTime {
    d(y, m, day).and_hms_opt(h, mi, 0).expect("valid time")
}

fn cats() -> Vec<String> {
    Config::default().categories()
}

fn store() -> Store {
    Store::open_in_memory().expect("in-memory store")
}

fn case(title: &str, opened: NaiveDate) -> Case {
    Case::new(title, opened)
}

fn log_req(who: &str, case: Option<&str>, text: &str) -> LogRequest {
    LogRequest {
        who: Who::Named(who.into()),
        case: case.map(String::from),
        kind: EntryKind::CallIn,
        at: at(2026, 3, 1, 9, 0),
        text: text.into(),
        follow_up: None,
        confidential: false,
        surgery: None,
    }
}

#[test]
fn contacts_crud_on_a_real_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("diary.db");
    let id = {
        let mut s = Store::open(&path).expect("open");
        assert!(s.is_empty().expect("empty"));
        let mut c = Contact::named("  Siân Davies ");
        c.postcode = Some("cf105bf".into());
        c.email = Some("sian@example.org".into());
        let saved = s.add_contact(&c).expect("add");
        assert_eq!(saved.name, "Siân Davies");
        assert_eq!(saved.postcode.as_deref(), Some("CF10 5BF"));
        assert_eq!(saved.created_at, saved.updated_at);

        let mut changed = saved.data.clone();
        changed.phone = Some("029 2087 1234".into());
        changed.email = Some("  ".into()); // blank is stored as unknown
        let updated = s.update_contact(saved.id, &changed).expect("update");
        assert_eq!(updated.phone.as_deref(), Some("029 2087 1234"));
        assert_eq!(updated.email, None);
        assert_eq!(updated.uuid, saved.uuid);
        assert!(updated.updated_at >= saved.updated_at);
        saved.id
    };
    // Reopened from the file: it was really saved.
    let s = Store::open(&path).expect("reopen");
    let again = s.contact(id).expect("still there");
    assert_eq!(again.phone.as_deref(), Some("029 2087 1234"));
    assert_eq!(s.counts().expect("counts").contacts, 1);
    assert_eq!(s.contacts_named("sian davies").expect("by name").len(), 1);

    let mut s = s;
    let e = s
        .add_contact(&Contact::named("  "))
        .expect_err("empty name refused");
    assert!(e.is_user_fixable(), "{e}");
    let mut bad = Contact::named("Dai");
    bad.email = Some("not an email".into());
    let e = s.add_contact(&bad).expect_err("bad email refused");
    assert!(e.to_string().contains("not an email address"), "{e}");
    let e = s
        .update_contact(Id::new(999), &Contact::named("Nobody"))
        .expect_err("no such contact");
    assert!(matches!(e, Error::NotFound { .. }), "{e}");
    assert_eq!(s.counts().expect("counts").contacts, 1);
}

#[test]
fn references_count_per_year_and_skip_taken_ones() {
    let mut s = store();
    let c = cats();
    let a = s.add_case(&case("a", d(2025, 6, 1)), &[], &c).expect("a");
    let b = s.add_case(&case("b", d(2026, 1, 2)), &[], &c).expect("b");
    let b2 = s.add_case(&case("b2", d(2026, 1, 3)), &[], &c).expect("b2");
    assert_eq!(a.reference, "2025-0001");
    assert_eq!(b.reference, "2026-0001");
    assert_eq!(b2.reference, "2026-0002");

    // An imported reference takes a number: the counter skips past it.
    let mut taken = case("imported", d(2026, 2, 1));
    taken.reference = "2026-0003".into();
    s.add_case(&taken, &[], &c).expect("explicit reference");
    let next = s
        .add_case(&case("next", d(2026, 2, 2)), &[], &c)
        .expect("next");
    assert_eq!(next.reference, "2026-0004");

    let e = s
        .add_case(&taken, &[], &c)
        .expect_err("duplicate reference");
    assert!(e.to_string().contains("2026-0003 already exists"), "{e}");
    assert_eq!(
        s.case_by_reference(" 2026-0003 ")
            .expect("lookup")
            .map(|c| c.data.title),
        Some("imported".to_string())
    );
    assert!(s.case_by_reference("1999-0001").expect("lookup").is_none());
}

#[test]
fn cases_are_validated_before_saving() {
    let mut s = store();
    let c = cats();
    let mut bad = case("  ", d(2026, 1, 1));
    assert!(s.add_case(&bad, &[], &c).is_err(), "empty title");
    bad.title = "Bins".into();
    bad.category = "bins".into();
    let e = s.add_case(&bad, &[], &c).expect_err("unknown category");
    assert!(e.to_string().contains("unknown category `bins`"), "{e}");
    assert!(e.to_string().contains("housing"), "{e}");
    bad.category = "waste".into();
    bad.satisfaction = Some(7);
    assert!(s.add_case(&bad, &[], &c).is_err(), "satisfaction 7");
    bad.satisfaction = None;
    bad.status = CaseStatus::Closed;
    assert!(s.add_case(&bad, &[], &c).is_err(), "closed without a date");
    bad.closed = Some(d(2025, 12, 1));
    let e = s.add_case(&bad, &[], &c).expect_err("closed before opened");
    assert!(e.to_string().contains("before the opened date"), "{e}");
    bad.status = CaseStatus::Open;
    bad.closed = None;
    bad.outcome = Some(Outcome::Resolved);
    assert!(s.add_case(&bad, &[], &c).is_err(), "open with an outcome");
    assert_eq!(s.counts().expect("counts").cases, 0);

    // A category added in config is accepted.
    let config =
        Config::parse("extra_categories = [\"allotments\"]", "c.toml".as_ref()).expect("config");
    let mut ok = case("Plot 4", d(2026, 1, 1));
    ok.category = "allotments".into();
    s.add_case(&ok, &[], &config.categories())
        .expect("extra category");
}

#[test]
fn closing_and_status_changes() {
    let mut s = store();
    let c = s
        .add_case(&case("Damp flat", d(2026, 1, 10)), &[], &cats())
        .expect("case");
    let e = s
        .set_case_status(c.id, CaseStatus::Closed)
        .expect_err("closing needs an outcome");
    assert!(e.to_string().contains("outcome"), "{e}");
    let e = s
        .close_case(c.id, Outcome::Resolved, d(2026, 1, 9))
        .expect_err("before opened");
    assert!(e.to_string().contains("opened on 2026-01-10"), "{e}");

    s.close_case(c.id, Outcome::PartlyResolved, d(2026, 2, 1))
        .expect("close");
    let closed = s.case(c.id).expect("case");
    assert_eq!(closed.status, CaseStatus::Closed);
    assert_eq!(closed.outcome, Some(Outcome::PartlyResolved));
    assert_eq!(closed.closed, Some(d(2026, 2, 1)));

    // Reopening clears the closed date and outcome.
    s.set_case_status(c.id, CaseStatus::WaitingCouncil)
        .expect("reopen");
    let reopened = s.case(c.id).expect("case");
    assert_eq!(reopened.status, CaseStatus::WaitingCouncil);
    assert_eq!(reopened.closed, None);
    assert_eq!(reopened.outcome, None);
    assert!(
        s.set_case_status(Id::new(999), CaseStatus::Open).is_err(),
        "no such case"
    );
    assert!(
        s.close_case(Id::new(999), Outcome::Resolved, d(2026, 2, 1))
            .is_err()
    );
}

#[test]
fn case_people_and_roles() {
    let mut s = store();
    let mum = s.add_contact(&Contact::named("Gwen Ŷr")).expect("mum");
    let son = s.add_contact(&Contact::named("Huw Ŷr")).expect("son");
    let officer = s
        .add_contact(&Contact::named("Housing Officer"))
        .expect("officer");
    let mut k = case("Repairs for her son", d(2026, 1, 5));
    k.kind = CaseKind::IndirectQuery;
    let c = s
        .add_case(
            &k,
            &[
                (officer.id, Role::Officer),
                (son.id, Role::OnBehalfOf),
                (mum.id, Role::Constituent),
            ],
            &cats(),
        )
        .expect("case");
    let people = s.case_people(c.id).expect("people");
    let roles: Vec<(Role, &str)> = people.iter().map(|(r, p)| (*r, p.name.as_str())).collect();
    assert_eq!(
        roles,
        vec![
            (Role::Constituent, "Gwen Ŷr"),
            (Role::OnBehalfOf, "Huw Ŷr"),
            (Role::Officer, "Housing Officer")
        ]
    );
    // Adding the same person in the same role again changes nothing.
    s.add_case_person(c.id, mum.id, Role::Constituent)
        .expect("again");
    assert_eq!(s.case_people(c.id).expect("people").len(), 3);
    let of_son = s.cases_of_contact(son.id).expect("cases");
    assert_eq!(of_son.len(), 1);
    assert_eq!(of_son[0].0, Role::OnBehalfOf);
    assert_eq!(of_son[0].1.reference, c.reference);
}

#[test]
fn log_creates_finds_and_files() {
    let mut s = store();
    let first = s
        .log(&log_req("Siân Davies", None, "Bins not collected"))
        .expect("log");
    assert!(first.contact_created, "a new name makes a contact");
    assert_eq!(first.contact_name, "Siân Davies");
    assert_eq!(first.case, None, "unfiled");

    // Typed without the accent and in lower case: the same person.
    let again = s
        .log(&log_req("sian davies", None, "Called back"))
        .expect("log");
    assert!(!again.contact_created);
    assert_eq!(again.contact, first.contact);
    assert_eq!(again.contact_name, "Siân Davies");
    assert_eq!(s.counts().expect("counts").contacts, 1);

    // Filing on a case adds the person as its constituent.
    let c = s
        .add_case(&case("Bins", d(2026, 2, 1)), &[], &cats())
        .expect("case");
    let mut req = log_req("Siân Davies", Some(&c.reference), "Reported to waste team");
    req.follow_up = Some(d(2026, 3, 4));
    let filed = s.log(&req).expect("filed");
    assert_eq!(
        filed.case.as_ref().map(|c| c.1.as_str()),
        Some(c.reference.as_str())
    );
    let people = s.case_people(c.id).expect("people");
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].0, Role::Constituent);
    let entry = s.entry(filed.entry).expect("entry");
    assert_eq!(entry.case, Some(c.id));
    assert_eq!(entry.at, at(2026, 3, 1, 9, 0));
    let due = s.pending_follow_ups(d(2026, 3, 4), 10).expect("due");
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].case, Some(c.id));
    assert!(due[0].what.contains("Siân Davies"), "{}", due[0].what);

    // A second person on the case is "other", not a second constituent.
    s.log(&log_req(
        "Officer Jones",
        Some(&c.reference),
        "Spoke to the officer",
    ))
    .expect("log");
    let roles: Vec<Role> = s
        .case_people(c.id)
        .expect("people")
        .iter()
        .map(|p| p.0)
        .collect();
    assert_eq!(roles, vec![Role::Constituent, Role::Other]);

    let e = s
        .log(&log_req("Siân Davies", Some("2020-9999"), "x"))
        .expect_err("unknown case");
    assert!(e.to_string().contains("2020-9999"), "{e}");
    let e = s
        .log(&log_req("Siân Davies", None, "   "))
        .expect_err("empty text");
    assert!(e.is_user_fixable());
    let e = s.log(&log_req("  ", None, "x")).expect_err("empty name");
    assert!(e.is_user_fixable());
}

#[test]
fn log_refuses_ambiguous_namesakes_unless_the_case_says_which() {
    let mut s = store();
    let a = s.add_contact(&Contact::named("John Smith")).expect("a");
    let b = s.add_contact(&Contact::named("John Smith")).expect("b");
    let before = s.counts().expect("counts");
    let e = s
        .log(&log_req("john smith", None, "Hello"))
        .expect_err("two John Smiths");
    assert!(e.to_string().contains("2 contacts are named"), "{e}");
    assert_eq!(s.counts().expect("counts"), before, "nothing written");

    let c = s
        .add_case(
            &case("Parking", d(2026, 2, 1)),
            &[(b.id, Role::Constituent)],
            &cats(),
        )
        .expect("case");
    let other = s
        .add_case(&case("Bins", d(2026, 2, 2)), &[], &cats())
        .expect("case");
    let before = s.counts().expect("counts");
    let e = s
        .log(&log_req("John Smith", Some(&other.reference), "Hello"))
        .expect_err("neither John Smith is on that case");
    assert!(
        e.to_string()
            .contains(&format!("none of them is on case {}", other.reference)),
        "{e}"
    );
    assert_eq!(s.counts().expect("counts"), before, "nothing written");
    let done = s
        .log(&log_req("John Smith", Some(&c.reference), "Hello"))
        .expect("the one on the case");
    assert_eq!(done.contact, b.id);
    assert_ne!(done.contact, a.id);
}

#[test]
fn search_follows_inserts_updates_and_deletes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("diary.db");
    let mut s = Store::open(&path).expect("open");
    let sian = s
        .add_contact(&Contact::named("Siân Davies"))
        .expect("contact");
    let mut k = case("Fly-tipping behind Heol Ŵyn", d(2026, 1, 3));
    k.facts = Some("Mattresses dumped by the garages".into());
    let c = s
        .add_case(&k, &[(sian.id, Role::Constituent)], &cats())
        .expect("case");
    let logged = s
        .log(&log_req(
            "Siân Davies",
            Some(&c.reference),
            "Rang about the mattresses again",
        ))
        .expect("log");

    fn kinds_of(s: &Store, q: &str) -> Vec<HitKind> {
        let mut k: Vec<HitKind> = s
            .search(q, 20)
            .expect("search")
            .iter()
            .map(|h| h.kind)
            .collect();
        k.sort_by_key(|k| format!("{k:?}"));
        k
    }
    macro_rules! kinds {
        ($q:expr) => {
            kinds_of(&s, $q)
        };
    }
    assert_eq!(kinds!("sian"), vec![HitKind::Contact]);
    assert_eq!(kinds!("heol wyn"), vec![HitKind::Case]);
    assert_eq!(kinds!("mattress"), vec![HitKind::Case, HitKind::Entry]);
    assert_eq!(kinds!(&c.reference), vec![HitKind::Case]);
    assert!(s.search("  ", 10).expect("blank").is_empty());
    assert!(s.search("\"*(", 10).expect("punctuation only").is_empty());

    // Renamed: the old name no longer finds her, the new one does.
    let mut renamed = sian.data.clone();
    renamed.name = "Siân Morgan".into();
    s.update_contact(sian.id, &renamed).expect("rename");
    assert!(kinds!("davies").is_empty());
    assert_eq!(kinds!("morgan"), vec![HitKind::Contact]);
    let mut k2 = s.case(c.id).expect("case").data;
    k2.title = "Abandoned sofa".into();
    s.update_case(c.id, &k2, &cats()).expect("update case");
    assert!(kinds!("fly tipping").is_empty());
    assert_eq!(kinds!("sofa"), vec![HitKind::Case]);

    // Deleted (there is no delete in the store's API yet: plain SQL on the
    // file, as another program would): search forgets, a tombstone remains.
    let entry_uuid = s.entry(logged.entry).expect("entry").uuid;
    let case_uuid = c.uuid;
    let conn = rusqlite::Connection::open(&path).expect("second connection");
    conn.execute_batch("PRAGMA foreign_keys = ON").expect("fk");
    conn.execute("DELETE FROM cases WHERE id = ?1", [c.id.raw()])
        .expect("delete case");
    drop(conn);
    assert!(kinds!("sofa").is_empty(), "the case left the index");
    assert!(kinds!("mattresses").is_empty(), "its entries went with it");
    assert_eq!(kinds!("morgan"), vec![HitKind::Contact]);
    let (export, _) = s.export_all(true).expect("export");
    let dead: Vec<(String, uuid::Uuid)> = export
        .tombstones
        .iter()
        .map(|t| (t.kind.clone(), t.uuid))
        .collect();
    assert!(dead.contains(&("case".to_string(), case_uuid)), "{dead:?}");
    assert!(
        dead.contains(&("entry".to_string(), entry_uuid)),
        "{dead:?}"
    );
    assert!(dead.iter().any(|(k, _)| k == "case_person"), "{dead:?}");
}

#[test]
fn completion_with_and_without_accents() {
    let mut s = store();
    for name in [
        "Siân Davies",
        "Sian Evans",
        "Dafydd ap Siôn",
        "Zoë Williams",
    ] {
        s.add_contact(&Contact::named(name)).expect("contact");
    }
    let names = |typed: &str, limit: usize| -> Vec<String> {
        s.complete_contacts(typed, limit)
            .expect("complete")
            .into_iter()
            .map(|c| c.data.name)
            .collect()
    };
    assert_eq!(names("sian d", 10), vec!["Siân Davies"]);
    assert_eq!(names("SIÂN", 10), vec!["Siân Davies", "Sian Evans"]);
    assert_eq!(
        names("dav", 10),
        vec!["Siân Davies"],
        "any word of the name"
    );
    assert_eq!(names("sion", 10), vec!["Dafydd ap Siôn"]);
    assert_eq!(names("zoe", 10), vec!["Zoë Williams"]);
    assert_eq!(names("si", 1).len(), 1, "the limit holds");
    assert!(names("   ", 10).is_empty());
    assert!(names("xyz", 10).is_empty());
}

#[test]
fn case_list_pages_by_keyset_and_filters() {
    let mut s = store();
    let c = cats();
    let mut caution = Contact::named("Careful Person");
    caution.caution = Some("Do not visit alone".into());
    let careful = s.add_contact(&caution).expect("contact");
    for i in 0..25u32 {
        let mut k = case(&format!("case {i}"), d(2026, 1, 1 + (i % 5)));
        k.category = if i % 2 == 0 { "housing" } else { "waste" }.into();
        k.kind = if i % 3 == 0 {
            CaseKind::Complaint
        } else {
            CaseKind::DirectQuery
        };
        let people = if i == 7 {
            vec![(careful.id, Role::Constituent)]
        } else {
            vec![]
        };
        let saved = s.add_case(&k, &people, &c).expect("case");
        if i % 4 == 0 {
            s.close_case(saved.id, Outcome::Resolved, d(2026, 2, 1))
                .expect("close");
        }
    }
    let all = CaseFilter::default();
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = s
            .cases_page(&all, CaseSort::NewestFirst, after, 10)
            .expect("page");
        if page.is_empty() {
            break;
        }
        assert!(page.len() <= 10);
        after = page.last().map(|p| (p.opened, p.id));
        seen.extend(page);
    }
    assert_eq!(seen.len(), 25, "every case once");
    let mut ids: Vec<i64> = seen.iter().map(|c| c.id.raw()).collect();
    ids.dedup();
    assert_eq!(ids.len(), 25, "no case twice");
    assert!(
        seen.windows(2)
            .all(|w| (w[0].opened, w[0].id) > (w[1].opened, w[1].id)),
        "newest first"
    );
    let oldest = s
        .cases_page(&all, CaseSort::OldestFirst, None, 3)
        .expect("page");
    assert_eq!(oldest[0].opened, d(2026, 1, 1));
    assert!(
        oldest
            .windows(2)
            .all(|w| (w[0].opened, w[0].id) < (w[1].opened, w[1].id))
    );

    let count = |f: CaseFilter| {
        s.cases_page(&f, CaseSort::NewestFirst, None, 100)
            .expect("page")
    };
    assert_eq!(
        count(CaseFilter {
            open_only: true,
            ..Default::default()
        })
        .len(),
        18
    );
    let closed = count(CaseFilter {
        status: Some(CaseStatus::Closed),
        ..Default::default()
    });
    assert_eq!(closed.len(), 7);
    assert!(closed.iter().all(|c| c.status == CaseStatus::Closed));
    let housing = count(CaseFilter {
        category: Some("housing".into()),
        ..Default::default()
    });
    assert_eq!(housing.len(), 13);
    let complaints = count(CaseFilter {
        kind: Some(CaseKind::Complaint),
        ..Default::default()
    });
    assert_eq!(complaints.len(), 9);
    let seventh = seen.iter().find(|c| c.title == "case 7").expect("case 7");
    assert_eq!(seventh.constituent.as_deref(), Some("Careful Person"));
    assert!(seventh.caution);
    assert!(seen.iter().filter(|c| c.caution).count() == 1);
}

#[test]
fn pending_follow_ups_soonest_first() {
    let mut s = store();
    let who = s.add_contact(&Contact::named("Dai")).expect("contact");
    let add = |s: &mut Store, due: NaiveDate, what: &str| {
        s.add_follow_up(&FollowUp {
            case: None,
            contact: Some(who.id),
            entry: None,
            due_on: due,
            what: what.into(),
            done_on: None,
        })
        .expect("follow-up")
    };
    let later = add(&mut s, d(2026, 3, 10), "later");
    let overdue = add(&mut s, d(2026, 2, 20), "overdue");
    let today = add(&mut s, d(2026, 3, 1), "today");
    let due: Vec<String> = s
        .pending_follow_ups(d(2026, 3, 1), 10)
        .expect("due")
        .into_iter()
        .map(|f| f.data.what)
        .collect();
    assert_eq!(due, vec!["overdue", "today"]);

    s.complete_follow_up(overdue.id, d(2026, 3, 1))
        .expect("done");
    s.reschedule_follow_up(later.id, d(2026, 2, 28))
        .expect("moved");
    let due: Vec<String> = s
        .pending_follow_ups(d(2026, 3, 1), 10)
        .expect("due")
        .into_iter()
        .map(|f| f.data.what)
        .collect();
    assert_eq!(due, vec!["later", "today"]);
    assert_eq!(
        s.follow_up(overdue.id).expect("f").done_on,
        Some(d(2026, 3, 1))
    );
    assert_eq!(
        s.pending_follow_ups(d(2026, 3, 1), 1).expect("due").len(),
        1
    );
    let e = s
        .add_follow_up(&FollowUp {
            what: " ".into(),
            ..s.follow_up(today.id).expect("f").data
        })
        .expect_err("empty follow-up");
    assert!(e.is_user_fixable());
}

#[test]
fn same_person_rule() {
    let mut s = store();
    let mut a = Contact::named("Siân Davies");
    a.email = Some("Sian@Example.org".into());
    a.phone = Some("029 2087 1234".into());
    a.postcode = Some("CF10 5BF".into());
    let a = s.add_contact(&a).expect("a");
    let find = |name: &str, email: Option<&str>, phone: Option<&str>, pc: Option<&str>| {
        s.find_same_person(&casebook::domain::Identity::of(name, email, phone, pc))
            .expect("find")
    };
    assert_eq!(
        find("Anyone", Some("sian@example.ORG"), None, None),
        Some(a.id)
    );
    assert_eq!(
        find("Anyone", None, Some("029 2087 1234"), None),
        Some(a.id)
    );
    assert_eq!(
        find("sian davies", None, None, Some("cf10 5bf")),
        Some(a.id)
    );
    assert_eq!(
        find("sian davies", None, None, None),
        None,
        "a name alone is not enough"
    );
    assert_eq!(find("sian davies", None, None, Some("CF11 1AA")), None);
    assert_eq!(find("Other", Some("other@example.org"), None, None), None);
    // Channel is used by the list filters; make sure its names are the contract's.
    assert_eq!(Channel::Other.as_str(), "other");
}

#[test]
fn open_case_counts_cover_every_status_but_closed() {
    let mut s = store();
    // Two cases in each status, so a status left out of the count shows.
    for status in CaseStatus::ALL {
        for n in 0..2 {
            let mut c = Case {
                category: "waste".into(),
                ..case(&format!("{} {n}", status.as_str()), d(2026, 1, 5))
            };
            if *status == CaseStatus::Closed {
                c.closed = Some(d(2026, 2, 1));
                c.outcome = Some(Outcome::Resolved);
            }
            c.status = *status;
            s.add_case(&c, &[], &cats()).expect("case");
        }
    }
    let counts = s.open_case_counts().expect("counts");
    let open: Vec<CaseStatus> = CaseStatus::ALL
        .iter()
        .copied()
        .filter(|st| *st != CaseStatus::Closed)
        .collect();
    assert_eq!(counts.iter().map(|(st, _)| *st).collect::<Vec<_>>(), {
        let mut sorted = open.clone();
        sorted.sort_by_key(|st| st.as_str());
        sorted
    });
    assert!(counts.iter().all(|(_, n)| *n == 2), "{counts:?}");
}

#[test]
fn a_calls_follow_up_moves_with_it_when_it_is_filed() {
    let mut s = store();
    let c = cats();
    let a = s
        .add_case(&case("damp", d(2026, 2, 1)), &[], &c)
        .expect("a");
    let b = s
        .add_case(&case("repairs", d(2026, 2, 1)), &[], &c)
        .expect("b");
    let mut req = log_req("Dai", None, "Rang about the damp");
    req.follow_up = Some(d(2026, 3, 4));
    let logged = s.log(&req).expect("logged");
    let count = |s: &Store, case| s.open_follow_up_count(case).expect("count");
    assert_eq!((count(&s, a.id), count(&s, b.id)), (0, 0), "unfiled");

    s.file_entry(logged.entry, Some(a.id)).expect("filed");
    assert_eq!((count(&s, a.id), count(&s, b.id)), (1, 0), "with the call");

    // Corrected onto another case: the reminder goes along.
    let e = s.entry(logged.entry).expect("entry").data;
    let mut changes = casebook::store::EntryChanges {
        text: e.text.clone(),
        kind: e.kind,
        at: e.at,
        confidential: e.confidential,
        case: Some(b.data.reference.clone()),
    };
    s.update_entry(logged.entry, &changes).expect("moved");
    assert_eq!((count(&s, a.id), count(&s, b.id)), (0, 1), "moved along");

    // Unfiled: it is Dai's again, still due, on no case.
    changes.case = None;
    s.update_entry(logged.entry, &changes).expect("unfiled");
    assert_eq!((count(&s, a.id), count(&s, b.id)), (0, 0));
    let due = s.pending_follow_ups(d(2026, 3, 4), 10).expect("due");
    assert_eq!(due.len(), 1, "still due");
    assert_eq!(due[0].data.contact, Some(logged.contact));

    // Opening a case from the call brings it too.
    let opened = s
        .open_case_filing(&case("new", d(2026, 3, 1)), &[], &c, Some(logged.entry))
        .expect("opened");
    assert_eq!(count(&s, opened.case.id), 1);
}
