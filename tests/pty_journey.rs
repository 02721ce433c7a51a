//! Issue 14's "Done when", on the real binary in a pseudo-terminal at
//! 120×40 and an empty diary, with no command line until the final check:
//! three new cases with new constituents (address, phone, email, age band;
//! gender given for two, "prefer not to say" for one), a neighbour added as
//! a second person on a case, consent recorded, a call logged with `c` that
//! files itself on the case on screen and another on the caller's only
//! open case, an unfiled call filed afterwards, a typo in a title corrected,
//! an officer added from the referral form and referred to, and a case
//! closed with outcome and satisfaction. `casebook review --format json`
//! then counts exactly those people, their demographics, `under_30`, the
//! channels and the outcome. Every wait is for a stable screen showing what
//! is expected, and bounded.

mod common;

use casebook::domain::{AgeBand, Role};
use common::pty::{
    BACKSPACE, DOWN, ENTER, LEFT, LIMIT, RIGHT, Session as Term, TAB, UP, session, wait_exit,
};

const ROWS: u16 = 40;
const COLS: u16 = 120;

/// One new constituent in the intake form, from the name to the title.
/// `gender` and `age` are the arrow keys that pick each from "not asked".
fn new_case(t: &mut Term, who: [&str; 5], gender: &[&str], age: &[&str], title: &str) {
    let [name, address, postcode, phone, email] = who;
    t.send("1");
    t.wait_for("Latest in the diary");
    t.send("n");
    t.wait_for("New case");
    t.send(name);
    t.wait_for("new: will be added");
    t.keys(&[TAB, address, TAB, postcode, TAB, phone, TAB, email]);
    t.keys(&[TAB, TAB]); // language (not asked), gender
    t.keys(gender);
    t.send(TAB);
    t.keys(age);
    t.keys(&[TAB, TAB, TAB, TAB]); // ethnicity, employment, kind, title
    t.send(title);
    t.wait_for(title);
}

#[test]
fn issue_14_done_when_on_an_empty_diary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("diary.db");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").expect("config");
    let (mut child, mut t) = session(&db, &config, (ROWS, COLS));
    t.wait_for("Nothing due today");

    // 1. Mair: female, 18–29, by email; her neighbour on the case; consent.
    new_case(
        &mut t,
        [
            "Mair Jones",
            "12 Heol y Coed",
            "cf14 2ab",
            "029 2000 1111",
            "mair@example.org",
        ],
        &[RIGHT],
        &[RIGHT, RIGHT],
        "Damp in the bck bedroom",
    );
    t.keys(&[TAB, TAB, RIGHT]); // category, channel: email
    t.wait_for("◂ Email ▸");
    // date contacted, location, postcode, facts, wanted, before, also involved
    t.keys(&[TAB, TAB, TAB, TAB, TAB, TAB, TAB]);
    t.send("Dafydd Evans");
    t.wait_for("Dafydd Evans  new: will be added");
    t.keys(&[TAB, TAB, TAB, RIGHT]); // his role, a next person, consent: yes
    t.wait_for("◂ yes ▸");
    t.send(ENTER);
    let screen = t.wait_for("Case 2026-0001 opened");
    assert!(screen.contains("Dafydd Evans (Other)"), "{screen}");
    assert!(
        screen.contains("agreed to details being shared"),
        "{screen}"
    );

    // A call logged with `c` on the case on screen files itself there.
    t.send("c");
    t.wait_for("Case ▏2026-0001 · Damp in the bck bedroom");
    t.send("Mould is back after the repair");
    t.send(ENTER);
    t.wait_for("Logged with Mair Jones on 2026-0001");

    // The typo in the title corrected.
    t.send("E");
    t.wait_for("Edit the case");
    for _ in 0.."bck bedroom".len() {
        t.send(BACKSPACE);
    }
    t.send("back bedroom");
    t.wait_for("Title ▏Damp in the back bedroom");
    t.send(ENTER);
    t.wait_for("case saved");

    // An officer who is new, added from the referral form and referred to.
    t.send("R");
    t.wait_for("Refer the case");
    t.send("Gareth Price");
    t.wait_for("To whom ▏Gareth Price");
    t.send(ENTER);
    t.wait_for("New officer or agency");
    t.keys(&[
        "Cardiff Council",
        TAB,
        "Housing",
        TAB,
        "Repairs officer",
        TAB,
        "damp, repairs",
    ]);
    t.send(ENTER);
    t.wait_for("Gareth Price is in the directory");
    t.keys(&[TAB, TAB, TAB, TAB]); // instruction, reference, copied, reply within
    t.send("Please inspect the damp and mould");
    t.send(ENTER);
    t.wait_for("referred to Gareth Price");

    // 2. Huw: gender and age band "prefer not to say" / 45–64, by phone.
    new_case(
        &mut t,
        [
            "Huw Morgan",
            "3 Stryd Fawr",
            "CF10 1AA",
            "07700 900222",
            "huw@example.org",
        ],
        &[LEFT],
        &[LEFT, LEFT, LEFT, LEFT],
        "Streetlight out on Stryd Fawr",
    );
    t.send(ENTER);
    t.wait_for("Case 2026-0002 opened");

    // 3. Alun: male, 45–64, by letter.
    new_case(
        &mut t,
        [
            "Alun Rees",
            "8 Ffordd Las",
            "CF11 9XY",
            "029 2000 3333",
            "alun@example.org",
        ],
        &[RIGHT, RIGHT],
        &[LEFT, LEFT, LEFT, LEFT],
        "Fly-tipping behind the shops",
    );
    t.keys(&[TAB, TAB, RIGHT, RIGHT]);
    t.wait_for("◂ Letter ▸");
    t.send(ENTER);
    t.wait_for("Case 2026-0003 opened");

    // From home, `c` for a caller with one open case files it there.
    t.send("1");
    t.wait_for("Latest in the diary");
    t.send("c");
    t.wait_for("Log a call");
    t.send("Huw Morgan");
    t.wait_for("Constituent · CF10 1AA");
    t.send(TAB);
    t.wait_for("Case ▏2026-0002 · Streetlight out on Stryd Fawr");
    t.send("Light still out, reported to the council");
    t.send(ENTER);
    t.wait_for("Logged with Huw Morgan on 2026-0002");

    // A call left unfiled on purpose, then filed from home's latest entries.
    t.send("c");
    t.wait_for("Log a call");
    t.send("Alun Rees");
    t.wait_for("Constituent · CF11 9XY");
    t.send(TAB);
    t.send("Asked about the bulky waste collection");
    t.keys(&[TAB, TAB, UP]);
    t.wait_for("Case ▏— not filed on a case —");
    t.send(ENTER);
    t.wait_for("Logged with Alun Rees (unfiled)");
    t.wait_for("Alun Rees · E to file");
    t.keys(&[TAB, TAB]); // due, open cases, latest
    t.send("E");
    t.wait_for("Filed on case ▏2026-0003 · Fly-tipping behind the shops");
    t.send(ENTER);
    t.wait_for("filed on 2026-0003");

    // Huw's case closed with its outcome and his satisfaction.
    t.send("2");
    t.wait_for("Cases (3)");
    t.keys(&[DOWN, ENTER]);
    t.wait_for("2026-0002  Streetlight out on Stryd Fawr");
    t.send("x");
    t.wait_for("Resolved satisfactorily");
    t.send(TAB);
    t.send("Light repaired by the council");
    t.keys(&[TAB, RIGHT, LEFT, LEFT]);
    t.wait_for("5 · excellent");
    t.send(TAB);
    t.send("Very quick, thank you");
    t.send(ENTER);
    t.wait_for("2026-0002 closed");

    t.send("1");
    t.wait_for("Latest in the diary");
    t.send("q");
    let status = wait_exit(child.as_mut(), LIMIT, "the app did not quit on q");
    assert!(status.success(), "exit status {status:?}");

    // What was typed is what is kept.
    let store = casebook::store::Store::open(&db).expect("the diary");
    let damp = store
        .case_by_reference("2026-0001")
        .expect("read")
        .expect("the case");
    assert_eq!(damp.title, "Damp in the back bedroom");
    let people = store.case_people(damp.id).expect("people");
    let roles: Vec<(Role, &str)> = people.iter().map(|(r, c)| (*r, c.name.as_str())).collect();
    assert_eq!(
        roles,
        [
            (Role::Constituent, "Mair Jones"),
            (Role::Other, "Dafydd Evans"),
            (Role::Officer, "Gareth Price"),
        ]
    );
    let mair = &people[0].1;
    assert_eq!(mair.address.as_deref(), Some("12 Heol y Coed"));
    assert_eq!(mair.postcode.as_deref(), Some("CF14 2AB"));
    assert_eq!(mair.phone.as_deref(), Some("029 2000 1111"));
    assert_eq!(mair.email.as_deref(), Some("mair@example.org"));
    assert_eq!(mair.age_band, Some(AgeBand::From18To29));
    let gareth = &people[2].1;
    assert_eq!(gareth.organisation.as_deref(), Some("Cardiff Council"));
    assert_eq!(gareth.department.as_deref(), Some("Housing"));
    let entries = store.latest_entry_lines(10).expect("entries");
    let filed = |text: &str| {
        entries
            .iter()
            .find(|e| e.text.starts_with(text))
            .unwrap_or_else(|| panic!("no entry {text:?}"))
            .case
            .as_ref()
            .map(|(_, reference)| reference.clone())
    };
    assert_eq!(filed("Mould is back").as_deref(), Some("2026-0001"));
    assert_eq!(filed("Light still out").as_deref(), Some("2026-0002"));
    assert_eq!(filed("Asked about the bulky").as_deref(), Some("2026-0003"));
    drop(store);

    // The review counts exactly those three people and that one outcome.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["--db"])
        .arg(&db)
        .args(["review", "--format", "json"])
        .env("CASEBOOK_CONFIG", &config)
        .env("CASEBOOK_NOW", "2026-03-01T09:00")
        .output()
        .expect("ran review");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let review: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(review["people_contacted"], 3, "{review:#}");
    assert_eq!(review["cases_opened"], 3, "{review:#}");
    assert_eq!(review["cases_closed"], 1, "{review:#}");
    assert_eq!(review["under_30"], 1, "{review:#}");
    assert_eq!(review["average_satisfaction"], 5.0, "{review:#}");
    assert_eq!(
        review["by_channel"],
        serde_json::json!({"email": 1, "letter": 1, "phone": 1})
    );
    assert_eq!(review["by_outcome"], serde_json::json!({"resolved": 1}));
    let demo = &review["demographics"];
    assert_eq!(
        demo["gender"],
        serde_json::json!({"female": 1, "male": 1, "prefer_not_to_say": 1})
    );
    assert_eq!(
        demo["age_band"],
        serde_json::json!({"18-29": 1, "45-64": 2})
    );
}
