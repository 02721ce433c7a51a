//! `casebook import`: the spreadsheet import of SPEC section 4, through the
//! real binary and through the library.

mod common;

use casebook::config::Config;
use casebook::domain::{AgeBand, CaseKind, CaseStatus, Channel, Contact, Outcome, Role};
use casebook::exchange::csv_import;
use casebook::store::Store;
use chrono::NaiveDate;
use common::{Sandbox, assert_fails, assert_fails_one_line, stderr, stdout};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

/// Excel's "CSV UTF-8": a byte-order mark, CRLF line ends, a quoted cell
/// running over two lines, Welsh letters, headers in any case, an extra column.
const FULL: &str = "\u{FEFF}Reference,Opened,Closed,Title,Kind,Category,Channel,Status,Outcome,Satisfaction,Location,Postcode,Constituent Name,Constituent_Email,Constituent_Phone,Constituent_Address,Gender,Age_Band,Ethnicity,Employment_Status,On_Behalf_Of,Notes,Ward\r\n\
2025-0100,03/02/2025,10/03/2025,Damp in Tŷ Gwyn flat,,housing,phone,,resolved,5,Tŷ Gwyn,cf10 5bf,Siân Davies,sian@example.org,029 2087 1234,\"1 Heol Ŵyn, Caerdydd\",female,45-64,White Welsh,Prefer not to say,,\"Black mould in the bedroom.\r\nLandlord not responding.\",Riverside\r\n\
2025-0101,2025-04-01,,Rats by the bins,,Waste,,,,,Maes y Coed,,Dai Jones,,07700 900123,,,,,,Gwen Jones,,Riverside\r\n\
,2025-05-05,,Streetlight out,community_issue,highways,email,waiting_council,,,,,SIAN DAVIES,SIAN@EXAMPLE.ORG,,,,,,,,,Riverside\r\n";

#[test]
fn imports_every_column() {
    let sb = Sandbox::new();
    // An existing diary: a new one's "created unencrypted" note is not this test's.
    drop(sb.store());
    let file = sb.write("cases.csv", FULL);
    let out = sb.run(&["import", file.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        "imported 3 cases (3 new contacts, 0 already in the diary)"
    );
    let err = stderr(&out);
    assert!(err.contains("ignoring an unknown column: `Ward`"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");

    let s = sb.store();
    let counts = s.counts().expect("counts");
    assert_eq!((counts.cases, counts.contacts), (3, 3));

    let damp = s
        .case_by_reference("2025-0100")
        .expect("lookup")
        .expect("damp case");
    assert_eq!(damp.title, "Damp in Tŷ Gwyn flat");
    assert_eq!(damp.opened, d(2025, 2, 3), "DD/MM/YYYY");
    assert_eq!(damp.closed, Some(d(2025, 3, 10)));
    assert_eq!(
        damp.status,
        CaseStatus::Closed,
        "a closed date means closed"
    );
    assert_eq!(damp.outcome, Some(Outcome::Resolved));
    assert_eq!(damp.satisfaction, Some(5));
    assert_eq!(damp.kind, CaseKind::DirectQuery);
    assert_eq!(damp.channel, Channel::Phone);
    assert_eq!(damp.category, "housing");
    assert_eq!(damp.location.as_deref(), Some("Tŷ Gwyn"));
    assert_eq!(damp.postcode.as_deref(), Some("CF10 5BF"));
    assert_eq!(
        damp.facts.as_deref(),
        Some("Black mould in the bedroom.\r\nLandlord not responding.")
    );
    let people = s.case_people(damp.id).expect("people");
    assert_eq!(people.len(), 1);
    let (role, sian) = &people[0];
    assert_eq!(*role, Role::Constituent);
    assert_eq!(sian.name, "Siân Davies");
    assert_eq!(sian.email.as_deref(), Some("sian@example.org"));
    assert_eq!(sian.phone.as_deref(), Some("029 2087 1234"));
    assert_eq!(sian.address.as_deref(), Some("1 Heol Ŵyn, Caerdydd"));
    assert_eq!(sian.postcode.as_deref(), Some("CF10 5BF"));
    assert_eq!(sian.gender.as_deref(), Some("female"));
    assert_eq!(sian.age_band, Some(AgeBand::From45To64));
    assert_eq!(
        sian.ethnicity.as_deref(),
        Some("white_welsh"),
        "one canonical value"
    );
    assert_eq!(sian.employment_status.as_deref(), Some("prefer_not_to_say"));

    let rats = s
        .case_by_reference("2025-0101")
        .expect("lookup")
        .expect("rats case");
    assert_eq!(rats.kind, CaseKind::IndirectQuery, "on_behalf_of given");
    assert_eq!(rats.category, "waste");
    assert_eq!(rats.channel, Channel::Other, "no channel: other");
    assert_eq!(rats.status, CaseStatus::Open);
    let roles: Vec<(Role, String)> = s
        .case_people(rats.id)
        .expect("people")
        .into_iter()
        .map(|(r, c)| (r, c.data.name))
        .collect();
    assert_eq!(
        roles,
        vec![
            (Role::Constituent, "Dai Jones".to_string()),
            (Role::OnBehalfOf, "Gwen Jones".to_string())
        ]
    );

    // No reference: one is given, and the same email is the same person.
    let light = s
        .case_by_reference("2025-0001")
        .expect("lookup")
        .expect("streetlight case");
    assert_eq!(light.status, CaseStatus::WaitingCouncil);
    assert_eq!(light.kind, CaseKind::CommunityIssue);
    let who = s.case_people(light.id).expect("people");
    assert_eq!(who[0].1.id, sian.id);
}

#[test]
fn importing_again_skips_cases_with_a_reference() {
    let sb = Sandbox::new();
    let csv = "reference,opened,title,constituent_name,constituent_email\n\
               2026-0500,2026-01-01,One,Ann,ann@example.org\n\
               2026-0501,2026-01-02,Two,Bob,bob@example.org\n";
    let file = sb.write("twice.csv", csv);
    let path = file.to_str().expect("path");
    let first = sb.run(&["import", path]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let before = sb.snapshot();
    let again = sb.run(&["import", path]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(
        stdout(&again).trim(),
        "imported 0 cases (0 new contacts, 0 already in the diary); skipped 2 cases already imported"
    );
    assert_eq!(sb.snapshot(), before, "nothing duplicated or changed");
}

#[test]
fn people_already_in_the_diary_are_found_not_duplicated() {
    let sb = Sandbox::new();
    {
        let mut s = sb.store();
        let mut by_email = Contact::named("Ann Evans");
        by_email.email = Some("Ann@Example.org".into());
        s.add_contact(&by_email).expect("ann");
        let mut by_phone = Contact::named("Bob Price");
        by_phone.phone = Some("01234 567890".into());
        s.add_contact(&by_phone).expect("bob");
        let mut by_postcode = Contact::named("Ceri Ŵatkins");
        by_postcode.postcode = Some("SA1 1AA".into());
        s.add_contact(&by_postcode).expect("ceri");
    }
    let csv = "title,opened,constituent_name,constituent_email,constituent_phone,postcode,on_behalf_of\n\
               a,2026-01-01,A Evans,ann@example.ORG,,,\n\
               b,2026-01-02,Robert Price,,01234 567890,,\n\
               c,2026-01-03,ceri watkins,,,sa11aa,Bob Price\n\
               d,2026-01-04,Newcomer,new@example.org,,,\n";
    let file = sb.write("people.csv", csv);
    let out = sb.run(&["import", file.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        "imported 4 cases (1 new contact, 3 already in the diary)"
    );
    let s = sb.store();
    assert_eq!(s.counts().expect("counts").contacts, 4);
    let c = s
        .cases_page(&Default::default(), Default::default(), None, 10)
        .expect("cases")
        .into_iter()
        .find(|c| c.title == "c")
        .expect("case c");
    let names: Vec<(Role, String)> = s
        .case_people(c.id)
        .expect("people")
        .into_iter()
        .map(|(r, p)| (r, p.data.name))
        .collect();
    assert_eq!(
        names,
        vec![
            (Role::Constituent, "Ceri Ŵatkins".to_string()),
            (Role::OnBehalfOf, "Bob Price".to_string())
        ]
    );
}

#[test]
fn a_bad_row_stops_everything_and_every_bad_row_is_listed() {
    let sb = Sandbox::new();
    // A diary with something in it, to prove it is left alone.
    let seed = sb.write("seed.csv", "title,opened\nAlready here,2026-01-01\n");
    assert_eq!(
        sb.run(&["import", seed.to_str().expect("path")])
            .status
            .code(),
        Some(0)
    );
    let before = sb.snapshot();
    let csv = "title,opened,closed,category,channel,satisfaction,constituent_email\n\
               Good one,2026-01-01,,,,,\n\
               ,2026-01-02,,,,,\n\
               Bad date,31/02/2025,,,,,\n\
               Bad category,2026-01-03,,spaceships,,,\n\
               Good two,2026-01-04,,,,,\n\
               Bad channel,2026-01-05,,,fax,,\n\
               Many faults,2026-01-06,2026-01-01,,,9,nope\n";
    let file = sb.write("bad.csv", csv);
    let out = sb.run(&["import", file.to_str().expect("path")]);
    let err = assert_fails(&out);
    let lines: Vec<&str> = err.trim_end().lines().collect();
    assert_eq!(
        lines[0],
        "casebook: 5 rows are not valid; nothing was imported (fix them, or --skip-bad to import the good rows and set these aside)"
    );
    assert_eq!(lines.len(), 6, "{err}");
    assert!(
        lines[0].contains("--skip-bad"),
        "the way forward is named: {err}"
    );
    assert!(lines[1].contains("line 3: the title is empty"), "{err}");
    assert!(lines[2].contains("line 4: opened:"), "{err}");
    assert!(lines[2].contains("not a real date"), "{err}");
    assert!(
        lines[3].contains("line 5: unknown category `spaceships`"),
        "{err}"
    );
    assert!(lines[3].contains("anti_social_behaviour"), "{err}");
    assert!(lines[4].contains("line 7: unknown channel `fax`"), "{err}");
    assert!(lines[5].contains("line 8:"), "{err}");
    assert!(lines[5].contains("satisfaction `9`"), "{err}");
    assert!(
        lines[5].contains("closed date 2026-01-01 is before"),
        "{err}"
    );
    assert!(lines[5].contains("`nope` is not an email address"), "{err}");
    assert_eq!(sb.snapshot(), before, "nothing was written");
}

#[test]
fn dry_run_reports_and_writes_nothing() {
    let sb = Sandbox::new();
    let csv = "reference,title,opened,constituent_name,postcode\n\
               2026-0001,One,2026-01-01,Ann,CF10 5BF\n\
               ,Two,2026-01-02,ann,cf10 5bf\n";
    let file = sb.write("dry.csv", csv);
    let path = file.to_str().expect("path");
    // No diary yet: a dry run does not create one.
    let out = sb.run(&["import", "--dry-run", path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        "dry run: every row is valid; would import 2 cases (1 new contact, 0 already in the diary); nothing was written"
    );
    assert!(!sb.db.exists(), "a dry run created the diary");

    assert_eq!(sb.run(&["import", path]).status.code(), Some(0));
    let before = sb.snapshot();
    let out = sb.run(&["import", "--dry-run", path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        // The row without a reference is found by its date, title and person.
        "dry run: every row is valid; would import 0 cases (0 new contacts, 0 already in the diary) and skip 2 cases already imported; nothing was written"
    );
    assert_eq!(sb.snapshot(), before);

    let bad = sb.write("bad.csv", "title,opened\nx,soon\n");
    let out = sb.run(&["import", "--dry-run", bad.to_str().expect("path")]);
    let err = assert_fails(&out);
    assert!(err.contains("1 row is not valid"), "{err}");
    assert!(err.contains("line 2:"), "{err}");
}

#[test]
fn numbers_given_out_never_take_a_reference_the_file_uses() {
    let sb = Sandbox::new();
    let csv = "reference,title,opened\n\
               ,No reference,2026-01-01\n\
               2026-0001,Has the first number,2026-01-02\n";
    let file = sb.write("refs.csv", csv);
    let out = sb.run(&["import", file.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = sb.store();
    let first = s
        .case_by_reference("2026-0001")
        .expect("lookup")
        .expect("case");
    assert_eq!(first.title, "Has the first number");
    let other = s
        .case_by_reference("2026-0002")
        .expect("lookup")
        .expect("case");
    assert_eq!(other.title, "No reference");
}

#[test]
fn a_reference_twice_in_one_file_names_both_lines() {
    let sb = Sandbox::new();
    let file = sb.write(
        "dup.csv",
        "reference,title,opened\n2026-0007,a,2026-01-01\n2026-0007,b,2026-01-02\n",
    );
    let err = assert_fails(&sb.run(&["import", file.to_str().expect("path")]));
    assert!(
        err.contains("line 3: the reference 2026-0007 is also on line 2"),
        "{err}"
    );
}

#[test]
fn files_that_are_not_csv_are_refused_in_one_line() {
    let sb = Sandbox::new();
    let cases: [(&str, &[u8], &str); 7] = [
        ("binary.csv", b"\x00\x01binary", "binary data"),
        (
            "broken.xlsx",
            b"PK\x03\x04\x00\x00broken",
            "not a spreadsheet casebook can read",
        ),
        (
            "latin1.csv",
            b"title,opened\nCaf\xe9,2026-01-01\n",
            "not UTF-8",
        ),
        (
            "ragged.csv",
            b"title,opened\na,2026-01-01,extra\n",
            "line 2 has 3 fields",
        ),
        ("empty.csv", b"", "is empty"),
        (
            "prose.csv",
            b"Dear councillor, the bins\n",
            "no `opened` or `title` column",
        ),
        ("twice.csv", b"title,Title,opened\n", "appears twice"),
    ];
    for (name, bytes, says) in cases {
        let file = sb.write(name, bytes);
        let out = sb.run(&["import", file.to_str().expect("path")]);
        let err = assert_fails_one_line(&out);
        assert!(err.contains(says), "{name}: {err}");
        assert!(err.contains(name), "{name}: {err}");
    }
    assert!(!sb.db.exists() || sb.store().is_blank().expect("blank"));
    let err = assert_fails_one_line(&sb.run(&["import", "missing.csv"]));
    assert!(err.contains("cannot read missing.csv"), "{err}");
}

#[test]
fn a_header_only_file_imports_nothing() {
    let sb = Sandbox::new();
    let file = sb.write("header.csv", "title,opened\n,\n");
    let out = sb.run(&["import", file.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("imported 0 cases"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn the_library_plan_merges_people_and_the_store_carries_it_out() {
    let categories = Config::default().categories();
    let csv = "title,opened,constituent_name,constituent_phone,on_behalf_of\n\
               a,2026-01-01,Ann,0101,Gwen\n\
               b,2026-01-02,Ann Other,0101,gwen\n\
               c,2026-01-03,Gwen,,\n";
    let plan =
        csv_import::parse(csv.as_bytes(), "t.csv", d(2026, 3, 1), &categories).expect("reads");
    assert!(plan.problems.is_empty(), "{:?}", plan.problems);
    assert_eq!(
        plan.people.len(),
        3,
        "Ann (twice by phone), Gwen, Gwen again"
    );
    assert_eq!(plan.cases[0].on_behalf_of, plan.cases[1].on_behalf_of);
    let mut s = Store::open_in_memory().expect("store");
    let done = s.import_csv(&plan, &categories).expect("import");
    assert_eq!(done.cases_imported, 3);
    assert_eq!(done.contacts_created, 3);
    assert_eq!(s.counts().expect("counts").contacts, 3);
}

#[test]
fn no_input_makes_the_parser_panic() {
    use rand::{Rng, SeedableRng};
    let categories = Config::default().categories();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    let alphabet: &[u8] = b"title,opened\"\n\r 2026-01-0/\xc3\xa2\xff\x00abc";
    for _ in 0..2000 {
        let len = rng.random_range(0..80);
        let mut bytes: Vec<u8> = b"title,opened,closed,satisfaction\n".to_vec();
        bytes.extend((0..len).map(|_| alphabet[rng.random_range(0..alphabet.len())]));
        // Whatever it is, it is read or refused; never a panic.
        let _ = csv_import::parse(&bytes, "fuzz.csv", d(2026, 3, 1), &categories);
    }
}
