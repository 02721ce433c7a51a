//! casebook in English and Welsh (SPEC section 8, issue 17): the two
//! catalogues stay whole and in step, labels come from them, Welsh plurals
//! take the right CLDR forms, and the language is chosen by flag, config
//! and locale, tried on the real binary with `casebook due`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::{Command, Output};

use casebook::domain::{
    AgeBand, CaseKind, CaseStatus, Channel, ClosedList, ContactKind, DEFAULT_CATEGORIES, EntryKind,
    Instruction, Language, Outcome, PreferredContact, Question, Role, builtin_answers,
};
use casebook::i18n::{Catalogue, Lang, args, source};
use fluent_syntax::ast;

// ---------------------------------------------------------------------------
// Parity: every message in both languages, with the same placeables.

type Placeables = BTreeSet<String>;

fn inline(e: &ast::InlineExpression<&str>, out: &mut Placeables) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(format!("${}", id.name));
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => call(arguments, out),
        ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => call(arguments, out),
        ast::InlineExpression::Placeable { expression } => expression_refs(expression, out),
        _ => {}
    }
}

fn call(arguments: &ast::CallArguments<&str>, out: &mut Placeables) {
    for a in &arguments.positional {
        inline(a, out);
    }
    for a in &arguments.named {
        inline(&a.value, out);
    }
}

fn expression_refs(e: &ast::Expression<&str>, out: &mut Placeables) {
    match e {
        ast::Expression::Inline(i) => inline(i, out),
        ast::Expression::Select { selector, variants } => {
            inline(selector, out);
            for v in variants {
                pattern(&v.value, out);
            }
        }
    }
}

fn pattern(p: &ast::Pattern<&str>, out: &mut Placeables) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_refs(expression, out);
        }
    }
}

/// Each message of a catalogue and the variables and messages it refers to.
fn messages(lang: Lang) -> BTreeMap<String, Placeables> {
    let resource = fluent_syntax::parser::parse(source(lang))
        .unwrap_or_else(|(_, errors)| panic!("{lang} catalogue does not parse: {errors:?}"));
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        match entry {
            ast::Entry::Message(m) => {
                let value = m
                    .value
                    .as_ref()
                    .unwrap_or_else(|| panic!("{lang}: {} has no value", m.id.name));
                let mut refs = Placeables::new();
                pattern(value, &mut refs);
                let before = out.insert(m.id.name.to_string(), refs);
                assert!(before.is_none(), "{lang}: {} defined twice", m.id.name);
            }
            ast::Entry::Junk { content } => panic!("{lang}: junk in the catalogue: {content}"),
            _ => {}
        }
    }
    out
}

#[test]
fn both_languages_have_every_message_with_the_same_placeables() {
    let en = messages(Lang::En);
    let cy = messages(Lang::Cy);
    let en_ids: BTreeSet<_> = en.keys().collect();
    let cy_ids: BTreeSet<_> = cy.keys().collect();
    let only_en: Vec<_> = en_ids.difference(&cy_ids).collect();
    let only_cy: Vec<_> = cy_ids.difference(&en_ids).collect();
    assert!(only_en.is_empty(), "in English, not in Welsh: {only_en:?}");
    assert!(only_cy.is_empty(), "in Welsh, not in English: {only_cy:?}");
    for (id, refs) in &en {
        assert_eq!(
            Some(refs),
            cy.get(id),
            "placeables of `{id}` differ (en, cy)"
        );
    }
    assert!(en.len() > 150, "the catalogue is all there: {}", en.len());
}

// ---------------------------------------------------------------------------
// Labels: English exactly as the code's, Welsh for every value.

fn check_list<T: ClosedList>() {
    let en = Catalogue::embedded(Lang::En);
    let cy = Catalogue::embedded(Lang::Cy);
    for &v in T::all() {
        // Byte-identical English keeps every screen, report and snapshot.
        assert_eq!(en.label(v), v.label(), "{} {}", T::WHAT, v.as_str());
        let id = casebook::i18n::label_id(T::WHAT, v.as_str());
        assert!(cy.has(&id), "no Welsh for {id}");
    }
}

#[test]
fn every_closed_list_label_is_in_both_catalogues() {
    check_list::<CaseKind>();
    check_list::<Channel>();
    check_list::<CaseStatus>();
    check_list::<Outcome>();
    check_list::<EntryKind>();
    check_list::<Role>();
    check_list::<ContactKind>();
    check_list::<AgeBand>();
    check_list::<Instruction>();
    check_list::<PreferredContact>();
    check_list::<Language>();
}

#[test]
fn welsh_labels_read_as_welsh() {
    let cy = Catalogue::embedded(Lang::Cy);
    assert_eq!(cy.label(CaseKind::Complaint), "Cwyn");
    assert_eq!(cy.label(Channel::Surgery), "Cymhorthfa");
    assert_eq!(cy.label(CaseStatus::WaitingCouncil), "Yn aros am y cyngor");
    assert_eq!(cy.label(Role::Constituent), "Etholwr");
    assert_eq!(cy.label(AgeBand::Over75), "75+");
    assert_eq!(cy.label(Language::Welsh), "Cymraeg");
    assert_eq!(cy.category("housing").as_deref(), Some("Tai"));
    assert_eq!(
        cy.answer(Question::EmploymentStatus, "retired").as_deref(),
        Some("Wedi ymddeol")
    );
}

#[test]
fn categories_and_monitoring_answers_are_in_both_catalogues() {
    let en = Catalogue::embedded(Lang::En);
    let cy = Catalogue::embedded(Lang::Cy);
    for key in DEFAULT_CATEGORIES {
        // As the review has always printed them.
        assert_eq!(
            en.category(key),
            Some(casebook::report::words::category(key)),
            "{key}"
        );
        assert!(cy.category(key).is_some(), "no Welsh for category {key}");
    }
    // A category the councillor added is shown in their own words.
    assert_eq!(cy.category("allotments"), None);
    for q in [
        Question::Gender,
        Question::Ethnicity,
        Question::EmploymentStatus,
    ] {
        for (value, label) in builtin_answers(q) {
            assert_eq!(
                en.answer(q, value).as_deref(),
                Some(*label),
                "{q:?} {value}"
            );
            assert!(cy.answer(q, value).is_some(), "no Welsh for {q:?} {value}");
        }
    }
    assert_eq!(cy.answer(Question::Gender, "described_by_hand"), None);
}

// ---------------------------------------------------------------------------
// Plurals: Welsh has six CLDR forms, and the mutations that go with them.

fn count(c: &Catalogue, id: &str, n: u64) -> String {
    c.tr1(id, "count", n)
}

#[test]
fn welsh_counts_take_the_right_form() {
    let cy = Catalogue::embedded(Lang::Cy);
    let forms: Vec<String> = [0, 1, 2, 3, 6, 11]
        .into_iter()
        .map(|n| count(&cy, "follow-up-count", n))
        .collect();
    assert_eq!(
        forms,
        [
            "dim dilyniant",
            "1 dilyniant",
            "2 ddilyniant",
            "3 dilyniant",
            "6 dilyniant",
            "11 dilyniant"
        ]
    );
    let days: Vec<String> = [0, 1, 2, 3, 6, 11, 20]
        .into_iter()
        .map(|n| count(&cy, "day-count", n))
        .collect();
    assert_eq!(
        days,
        [
            "dim diwrnod",
            "1 diwrnod",
            "2 ddiwrnod",
            "3 diwrnod",
            "6 diwrnod",
            "11 diwrnod",
            "20 diwrnod"
        ]
    );
    // The section title of `due` too.
    assert_eq!(count(&cy, "due-follow-ups", 2), "2 ddilyniant i'w gwneud:");
    assert_eq!(count(&cy, "due-follow-ups", 1), "1 dilyniant i'w wneud:");
    assert_eq!(cy.tr1("due-overdue", "days", 2), "2 ddiwrnod yn hwyr");
    assert_eq!(cy.tr1("due-overdue", "days", 6), "6 diwrnod yn hwyr");
}

#[test]
fn english_counts_stay_as_they_were() {
    let en = Catalogue::embedded(Lang::En);
    let forms: Vec<String> = [0, 1, 2, 11]
        .into_iter()
        .map(|n| count(&en, "follow-up-count", n))
        .collect();
    assert_eq!(
        forms,
        [
            "no follow-ups",
            "1 follow-up",
            "2 follow-ups",
            "11 follow-ups"
        ]
    );
    assert_eq!(en.tr1("due-overdue", "days", 1), "1 day overdue");
    assert_eq!(en.tr1("due-overdue", "days", 3), "3 days overdue");
    // Large numbers are not grouped: the text stays as `format!` made it.
    assert_eq!(
        count(&en, "due-follow-ups", 12345),
        "Follow-ups due (12345):"
    );
    let referral = en.tr(
        "due-referral",
        Some(&args(&[
            ("to", "Housing Options".into()),
            ("due", "2026-03-16".into()),
            ("days", 1.into()),
        ])),
    );
    assert_eq!(
        referral,
        "Housing Options: reply due 2026-03-16, 1 working day late"
    );
}

// ---------------------------------------------------------------------------
// The real binary: `casebook due` in Welsh, and how the language is chosen.

struct Diary {
    dir: tempfile::TempDir,
}

impl Diary {
    fn new(config: &str) -> Diary {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("config.toml"), config).expect("config");
        Diary { dir }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("casebook.db")
    }

    /// Runs casebook on 2 March 2026 with the given locale (`None`: no
    /// locale variables at all).
    fn run(&self, lang_env: Option<&str>, args: &[&str]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_casebook"));
        cmd.arg("--db")
            .arg(self.db())
            .args(args)
            .env("CASEBOOK_CONFIG", self.dir.path().join("config.toml"))
            .env("CASEBOOK_NOW", "2026-03-02T09:00")
            .env("TZ", "UTC")
            .env_remove("CASEBOOK_DB")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG");
        if let Some(l) = lang_env {
            cmd.env("LANG", l);
        }
        cmd.output().expect("run casebook")
    }

    fn ok(&self, lang_env: Option<&str>, args: &[&str]) -> String {
        let out = self.run(lang_env, args);
        assert!(
            out.status.success(),
            "casebook {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    fn with_follow_ups(self) -> Diary {
        for (who, when) in [("Ann Hwyr", "2026-02-28"), ("Ben Heddiw", "today")] {
            self.ok(
                None,
                &["log", "--who", who, "--follow-up", when, "ffoniodd"],
            );
        }
        self
    }
}

#[test]
fn due_speaks_welsh_with_lang_cy() {
    let diary = Diary::new("").with_follow_ups();
    let text = diary.ok(None, &["due", "--lang", "cy"]);
    assert!(text.starts_with("2 ddilyniant i'w gwneud:\n"), "{text}");
    assert!(
        text.contains("2026-02-28  heb achos  Ann Hwyr (2 ddiwrnod yn hwyr): "),
        "{text}"
    );
    assert!(
        text.contains("2026-03-02  heb achos  Ben Heddiw (heddiw): "),
        "{text}"
    );
    // `--lang` goes anywhere on the line, as a global option does.
    assert_eq!(diary.ok(None, &["--lang", "cy", "due"]), text);
    // And English is as it always was.
    let english = diary.ok(None, &["due", "--lang", "en"]);
    assert!(english.starts_with("Follow-ups due (2):\n"), "{english}");
    assert!(
        english.contains("unfiled    Ann Hwyr (2 days overdue)"),
        "{english}"
    );
}

#[test]
fn nothing_due_in_welsh() {
    let diary = Diary::new("");
    assert_eq!(
        diary.ok(None, &["due", "--lang", "cy"]),
        "Dim byd i'w wneud.\n"
    );
    assert_eq!(diary.ok(None, &["due"]), "Nothing due.\n");
}

#[test]
fn the_locale_then_the_config_then_the_flag_choose() {
    let diary = Diary::new("");
    let welsh = "Dim byd i'w wneud.\n";
    let english = "Nothing due.\n";
    assert_eq!(diary.ok(Some("cy_GB.UTF-8"), &["due"]), welsh);
    assert_eq!(diary.ok(Some("en_GB.UTF-8"), &["due"]), english);
    assert_eq!(
        diary.ok(Some("cy_GB.UTF-8"), &["due", "--lang", "en"]),
        english
    );

    let configured = Diary::new("language = \"cy\"\n");
    assert_eq!(configured.ok(Some("en_GB.UTF-8"), &["due"]), welsh);
    assert_eq!(configured.ok(None, &["due", "--lang", "en"]), english);
}

#[test]
fn a_bad_language_is_a_usage_error() {
    let diary = Diary::new("");
    let out = diary.run(None, &["due", "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("fr"), "{err}");
    assert!(!diary.db().exists(), "nothing created on a usage error");

    let configured = Diary::new("language = \"fr\"\n");
    let out = configured.run(None, &["due"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 1"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

#[test]
fn a_correction_beside_the_config_is_used() {
    let diary = Diary::new("");
    let folder = diary.dir.path().join("i18n").join("cy");
    std::fs::create_dir_all(&folder).expect("folder");
    std::fs::write(
        folder.join("cywiro.ftl"),
        "due-nothing = Dim i'w wneud heddiw.\n",
    )
    .expect("write");
    assert_eq!(
        diary.ok(None, &["due", "--lang", "cy"]),
        "Dim i'w wneud heddiw.\n"
    );
}

#[test]
fn show_gives_labels_in_the_chosen_language() {
    use casebook::domain::{Case, Contact};
    use casebook::store::Store;
    let diary = Diary::new("");
    let opened = chrono::NaiveDate::from_ymd_opt(2026, 2, 2).expect("date");
    let reference = {
        let mut store = Store::open(&diary.db()).expect("open");
        let who = store
            .add_contact(&Contact::named("Siân Davies"))
            .expect("contact")
            .id;
        let categories = casebook::config::Config::default().categories();
        let case = Case {
            kind: CaseKind::Complaint,
            channel: Channel::Surgery,
            ..Case::new("Biniau heb eu casglu", opened)
        };
        store
            .add_case(&case, &[(who, Role::Constituent)], &categories)
            .expect("case")
            .data
            .reference
    };
    let welsh = diary.ok(None, &["show", &reference, "--lang", "cy"]);
    assert!(welsh.contains("[Ar agor]"), "{welsh}");
    assert!(welsh.contains("Cwyn · "), "{welsh}");
    assert!(welsh.contains(" · Cymhorthfa · "), "{welsh}");
    assert!(welsh.contains("Siân Davies (Etholwr)"), "{welsh}");
    let english = diary.ok(None, &["show", &reference]);
    assert!(english.contains("[Open]"), "{english}");
    assert!(english.contains("Complaint · "), "{english}");
    assert!(english.contains("Siân Davies (Constituent)"), "{english}");
}

// ---------------------------------------------------------------------------
// Reports, notes and errors in Welsh (issue 17, outside the TUI).

/// A diary with one case of each of two people, a follow-up made by `log`
/// and a closed case, for the reports.
fn casework() -> Diary {
    use casebook::domain::{Case, Contact, Outcome};
    use casebook::store::Store;
    let diary = Diary::new("");
    {
        let mut store = Store::open(&diary.db()).expect("open");
        let categories = casebook::config::Config::default().categories();
        for (who, title, day) in [
            ("Siân Davies", "Biniau heb eu casglu", 2),
            ("Ann Hwyr", "Tamprwydd", 9),
        ] {
            let contact = store.add_contact(&Contact::named(who)).expect("contact").id;
            let case = Case {
                kind: CaseKind::Complaint,
                channel: Channel::Surgery,
                category: "housing".into(),
                ..Case::new(
                    title,
                    chrono::NaiveDate::from_ymd_opt(2026, 2, day).expect("date"),
                )
            };
            let id = store
                .add_case(&case, &[(contact, Role::Constituent)], &categories)
                .expect("case")
                .id;
            if day == 9 {
                store
                    .close_case(
                        id,
                        Outcome::Resolved,
                        chrono::NaiveDate::from_ymd_opt(2026, 2, 20).expect("date"),
                    )
                    .expect("close");
            }
        }
    }
    diary.ok(
        None,
        &[
            "log",
            "--who",
            "Siân Davies",
            "--follow-up",
            "yfory",
            "ffoniodd eto",
        ],
    );
    diary
}

/// Every English message of the catalogue longer than a word or two, as
/// it would print with no arguments: none may appear in a Welsh document.
fn english_sentences(prefixes: &[&str]) -> Vec<String> {
    let en = Catalogue::embedded(Lang::En);
    let cy = Catalogue::embedded(Lang::Cy);
    messages(Lang::En)
        .into_iter()
        .filter(|(id, refs)| refs.is_empty() && prefixes.iter().any(|p| id.starts_with(p)))
        .map(|(id, _)| (en.tr(&id, None), cy.tr(&id, None)))
        .filter(|(en, cy)| en != cy && en.split_whitespace().count() >= 2)
        .map(|(en, _)| en)
        .collect()
}

#[test]
fn review_reads_as_welsh_in_every_format() {
    let diary = casework();
    let english = english_sentences(&["review-"]);
    assert!(english.len() > 30, "{english:?}");
    for format in ["text", "markdown", "html"] {
        let welsh = diary.ok(
            None,
            &[
                "review", "--year", "2026", "--format", format, "--lang", "cy",
            ],
        );
        assert!(
            welsh.contains("Adolygiad gwaith achos: 2026"),
            "{format}: {welsh}"
        );
        assert!(
            welsh.contains("Faint o bobl a gysylltodd â chi gyda phroblemau"),
            "{format}"
        );
        for sentence in &english {
            assert!(
                !welsh.contains(sentence.as_str()),
                "{format}: English `{sentence}` in {welsh}"
            );
        }
        // Labels and months from the catalogue too.
        assert!(welsh.contains("Cymhorthfa"), "{format}");
        assert!(welsh.contains("Tai"), "{format}");
        assert!(welsh.contains("Chwef"), "{format}");
    }
    let html = diary.ok(
        None,
        &[
            "review", "--year", "2026", "--format", "html", "--lang", "cy",
        ],
    );
    assert!(html.contains("<html lang=\"cy\">"), "{html}");
    let text = diary
        .ok(None, &["review", "--year", "2026", "--lang", "cy"])
        .replace('\n', " ");
    // 2 people, 2 cases: "dau" softens a masculine noun; "achos" has a vowel.
    assert!(text.contains("Cysylltodd 2 berson â chi yn 2026"), "{text}");
    assert!(text.contains("Agoroch chi 2 achos a chau 1."), "{text}");
    // JSON is the scripting contract: the same keys and values in any language.
    assert_eq!(
        diary.ok(
            None,
            &[
                "review", "--year", "2026", "--format", "json", "--lang", "cy"
            ]
        ),
        diary.ok(
            None,
            &[
                "review", "--year", "2026", "--format", "json", "--lang", "en"
            ]
        )
    );
    let english_text = diary.ok(None, &["review", "--year", "2026", "--lang", "en"]);
    assert!(
        english_text.starts_with("Casework review: 2026\n"),
        "{english_text}"
    );
    assert!(
        english_text.contains("2 people contacted you in 2026"),
        "{english_text}"
    );
}

#[test]
fn a_bilingual_review_puts_welsh_first_side_by_side() {
    let diary = casework();
    let html = diary.ok(
        None,
        &[
            "review", "--year", "2026", "--format", "html", "--lang", "cy+en",
        ],
    );
    let cy = html.find("<section lang=\"cy\">").expect("a Welsh half");
    let en = html
        .find("<section lang=\"en-GB\">")
        .expect("an English half");
    assert!(cy < en, "Welsh first");
    assert!(html.contains("<html lang=\"cy\">"), "{html}");
    assert!(html[cy..en].contains("Adolygiad gwaith achos"));
    assert!(html[en..].contains("Casework review"));
    assert!(
        html.contains("grid-template-columns: 1fr 1fr"),
        "side by side"
    );
    let md = diary.ok(
        None,
        &[
            "review", "--year", "2026", "--format", "markdown", "--lang", "cy+en",
        ],
    );
    let (first, second) = md.split_once("\n---\n").expect("two halves");
    assert!(first.starts_with("# Adolygiad gwaith achos"), "{md}");
    assert!(second.contains("# Casework review"), "{md}");
}

#[test]
fn welsh_review_counts_take_their_forms() {
    let cy = Catalogue::embedded(Lang::Cy);
    let people = |n: u64| {
        cy.tr(
            "review-people",
            Some(&args(&[
                ("people", n.into()),
                ("period", "2026".into()),
                ("compared", "dim newid".into()),
                ("opened", n.into()),
                ("closed", 0.into()),
            ])),
        )
    };
    let starts: Vec<String> = [0, 1, 2, 3, 6, 11]
        .into_iter()
        .map(|n| {
            people(n)
                .split(" â chi")
                .next()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    assert_eq!(
        starts,
        [
            "Ni chysylltodd neb",
            "Cysylltodd 1 person",
            "Cysylltodd 2 berson",
            "Cysylltodd 3 pherson",
            "Cysylltodd 6 pherson",
            "Cysylltodd 11 o bobl"
        ]
    );
    let clusters: Vec<String> = [1, 2, 3, 6, 11]
        .into_iter()
        .map(|n| {
            cy.tr(
                "patterns-found",
                Some(&args(&[
                    ("clusters", n.into()),
                    ("min", 3.into()),
                    ("window", 42.into()),
                ])),
            )
        })
        .map(|s| s.split(" o 3").next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        clusters,
        [
            "Y darlun ehangach: 1 clwstwr",
            "Y darlun ehangach: 2 glwstwr",
            "Y darlun ehangach: 3 chlwstwr",
            "Y darlun ehangach: 6 chlwstwr",
            "Y darlun ehangach: 11 clwstwr"
        ]
    );
    let entries: Vec<String> = [1, 2, 3, 6, 11]
        .into_iter()
        .map(|n| cy.tr1("sar-withheld-entries", "count", n))
        .collect();
    assert_eq!(
        entries,
        [
            "1 cofnod yn y dyddiadur",
            "2 gofnod yn y dyddiadur",
            "3 chofnod yn y dyddiadur",
            "6 chofnod yn y dyddiadur",
            "11 cofnod yn y dyddiadur"
        ]
    );
}

#[test]
fn log_follow_up_yfory_in_either_language() {
    for lang in ["cy", "en"] {
        let diary = Diary::new("");
        let out = diary.run(
            None,
            &[
                "log",
                "--lang",
                lang,
                "--who",
                "Siân Davies",
                "--follow-up",
                "yfory",
                "ffoniodd",
            ],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let err = String::from_utf8_lossy(&out.stderr);
        let note = match lang {
            "cy" => "casebook: dilyniant ar 2026-03-03",
            _ => "casebook: follow-up on 2026-03-03",
        };
        assert!(err.contains(note), "{lang}: {err}");
        let json = diary.ok(None, &["followups", "--format", "json"]);
        assert!(json.contains("\"due_on\": \"2026-03-03\""), "{json}");
        // What casebook wrote itself reads in the reader's language.
        let welsh = diary.ok(None, &["followups", "--lang", "cy"]);
        assert!(
            welsh.contains("Dilyniant (Siân Davies): ffoniodd"),
            "{welsh}"
        );
        let english = diary.ok(None, &["followups", "--lang", "en"]);
        assert!(
            english.contains("Follow up with Siân Davies: ffoniodd"),
            "{english}"
        );
    }
}

#[test]
fn errors_are_printed_in_the_chosen_language() {
    let diary = Diary::new("");
    let bad = [
        "log",
        "--who",
        "Ann",
        "--follow-up",
        "31/02/2026",
        "ffoniodd",
    ];
    let out = diary.run(Some("cy_GB.UTF-8"), &bad);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim_end(),
        "casebook: nid yw `31/02/2026` yn ddyddiad go iawn (does dim diwrnod 31 ym mis 2 2026)"
    );
    let out = diary.run(None, &bad);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        "casebook: `31/02/2026` is not a real date (there is no day 31 in month 2 of 2026)"
    );
    // An option's name stays, the problem is translated.
    let out = diary.run(
        None,
        &["review", "--from", "ddoe", "--to", "fory", "--lang", "cy"],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("casebook: --to: nid yw `fory` yn ddyddiad: defnyddiwch"),
        "{err}"
    );
    // A typed error: the kind of entry.
    let out = diary.run(
        None,
        &[
            "log", "--who", "Ann", "--kind", "ffacs", "x", "--lang", "cy",
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("nid yw `ffacs` yn fath o gofnod hysbys"),
        "{err}"
    );
    assert!(!diary.db().exists(), "nothing made on bad input");
    // The config's own checks, in Welsh after the file and line.
    let configured = Diary::new("keep_informed_days = 0\n");
    let out = configured.run(None, &["due", "--lang", "cy"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(": llinell 1: keep_informed_days: mae 0 y tu allan i'r ystod: defnyddiwch 1 i 365 diwrnod"),
        "{err}"
    );
    let out = configured.run(None, &["due"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(": line 1: keep_informed_days: 0 is out of range: use 1 to 365 days"),
        "{err}"
    );
}

#[test]
fn the_typed_errors_read_the_same_in_english_as_before() {
    use casebook::Error;
    let en = Catalogue::embedded(Lang::En);
    let path = PathBuf::from("/tmp/diary.db");
    for e in [
        Error::Locked { path: path.clone() },
        Error::NotADatabase { path: path.clone() },
        Error::WrongPassphrase { path: path.clone() },
        Error::TooNew {
            path: path.clone(),
            found: 9,
            known: 8,
        },
        Error::Corrupt {
            path: path.clone(),
            detail: casebook::error::Msg::new("corrupt-unreadable"),
        },
        Error::NotFound {
            what: "case with reference",
            name: "2026-0042".into(),
        },
        Error::NotFound {
            what: "person",
            name: "Ann".into(),
        },
        Error::Config {
            file: path.clone(),
            line: 3,
            message: casebook::error::Arg::Text("bad".into()),
        },
    ] {
        assert_eq!(e.message(&en), e.to_string());
    }
    let cy = Catalogue::embedded(Lang::Cy);
    assert_eq!(
        Error::WrongPassphrase { path }.message(&cy),
        "cyfrinymadrodd anghywir ar gyfer /tmp/diary.db (neu nid dyddiadur casebook yw hwn); ni newidiwyd dim"
    );
}

// ---------------------------------------------------------------------------
// The pseudo-locale: every message wrapped in ⟦…⟧. What is left outside the
// markers, once the diary's own data is taken out, must be no words at all.

/// The text outside every ⟦…⟧ (nested or not).
fn outside_markers(s: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '⟦' => depth += 1,
            '⟧' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The letters left once `data` (what the test put in the diary) is gone.
fn stray_words(text: &str, data: &[&str]) -> Vec<String> {
    let mut rest = outside_markers(text);
    let mut data: Vec<&str> = data.to_vec();
    data.sort_by_key(|d| std::cmp::Reverse(d.len()));
    for d in data {
        rest = rest.replace(d, " ");
    }
    rest.split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        // Identifiers and timestamps are data, not words.
        .filter(|t| uuid::Uuid::parse_str(t).is_err())
        .filter(|t| !(t.len() >= 10 && t[..4].chars().all(|c| c.is_ascii_digit())))
        .flat_map(|t| t.split(|c: char| !c.is_alphabetic()))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn every_word_of_the_converted_commands_comes_from_the_catalogue() {
    let diary = casework();
    let folder = diary.dir.path().display().to_string();
    // A spreadsheet with an unknown column and a closed row with no closed
    // date: every note import gives.
    let sheet = diary.dir.path().join("taflen.csv");
    std::fs::write(
        &sheet,
        "opened,title,Lliw,status\n2026-01-05,Tyllau,coch,closed\n2026-01-06,Ffordd,glas,\n",
    )
    .expect("write the sheet");
    let sheet = sheet.display().to_string();
    let template = diary.dir.path().join("templed.csv").display().to_string();
    let data = [
        sheet.as_str(),
        template.as_str(),
        "Lliw",
        folder.as_str(),
        "Siân Davies",
        "Ann Hwyr",
        "Biniau heb eu casglu",
        "Tamprwydd",
        "ffoniodd eto",
        "Neb",
        "dim",
        "biniau",
        // The scripting contract's tokens, the same in every language.
        "casebook",
    ];
    let runs: &[&[&str]] = &[
        &["due"],
        &["followups"],
        &["cases"],
        &["show", "2026-0001"],
        &["search", "Siân"],
        &["contacts"],
        &["patterns"],
        &["review", "--year", "2026"],
        &["review", "--year", "2026", "--format", "markdown"],
        &["review", "--from", "2026-02-01", "--to", "2026-02-28"],
        &["sar", "Ann Hwyr"],
        &[
            "log",
            "--who",
            "Siân Davies",
            "--follow-up",
            "31/02/2026",
            "x",
        ],
        &["log", "--who", "Siân Davies", "--kind", "ffacs", "x"],
        &["close", "2026-0002", "--outcome", "resolved"],
        &["followups", "done", "99"],
        &["erase", "Ann Hwyr"],
        &["retention"],
        &["retention", "--erase"],
        &["check"],
        &["surgery", "status"],
        &["surgery", "list"],
        &["surgery", "start", " "],
        &["refer", "--case", "2026-0001", "--to", "Neb"],
        &["refer", "--case", "2026-0001", "--to", "Neb", "--days", "0"],
        &["reply", "--case", "2026-0001", "dim"],
        &["directory"],
        &["directory", "biniau"],
        &["import", &sheet, "--dry-run"],
        &["import", &sheet],
        &["import", &sheet],
        &["import", "--template", &template],
        &["demo", "--cases", "0"],
    ];
    for args in runs {
        let mut with: Vec<&str> = args.to_vec();
        with.extend(["--lang", "pseudo"]);
        let out = diary.run(None, &with);
        for (stream, text) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let text = String::from_utf8_lossy(text);
            let stray = stray_words(&text, &data);
            assert!(
                stray.is_empty(),
                "casebook {args:?} {stream}: not from the catalogue: {stray:?}\n{text}"
            );
        }
    }
}

#[test]
fn calendar_summaries_come_from_the_catalogue() {
    let diary = casework();
    let ics = diary.ok(None, &["calendar", "--lang", "pseudo"]);
    // Long lines are folded (RFC 5545): a line starting with a space goes on.
    let unfolded = ics.replace("\r\n ", "").replace("\n ", "");
    let summaries: Vec<&str> = unfolded
        .lines()
        .filter_map(|l| l.strip_prefix("SUMMARY:"))
        .collect();
    assert!(!summaries.is_empty(), "{ics}");
    for s in summaries {
        assert!(s.starts_with('⟦') && s.trim_end().ends_with('⟧'), "{s}");
        assert!(stray_words(s, &["Siân Davies"]).is_empty(), "{s}");
    }
    let welsh = diary.ok(None, &["calendar", "--lang", "cy"]);
    assert!(
        welsh.contains("SUMMARY:Dilyniant: Siân Davies (heb achos)"),
        "{welsh}"
    );
}

/// `mail`, `draft` and `attachment` (issue 17 left them English): what
/// they print on success and on each kind of bad input is the catalogue's.
#[test]
fn every_word_of_mail_draft_and_attachment_comes_from_the_catalogue() {
    let diary = casework();
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mail");
    let fixture = |name: &str| format!("{fixtures}/{name}");
    // A case with attachments, its reference learnt in English first.
    let taken = diary.ok(
        None,
        &["mail", "--new-case", &fixture("multipart-attachments.eml")],
    );
    let reference = taken
        .split_whitespace()
        .next()
        .expect("a reference")
        .to_string();
    let folder = diary.dir.path().display().to_string();
    let data = [
        folder.as_str(),
        fixtures,
        reference.as_str(),
        "2026-0001",
        "Siân Jones",
        "Bins not collected on Heol y Felin",
        "Aled Hughes",
        "Damp in my flat - photos and letter",
        "housing-letter.pdf",
        "mould.png",
        "application/pdf",
        "image/png",
        "email_in",
        "casebook",
        "referral",
        "acknowledge",
    ];
    let plain = fixture("plain.eml");
    let not_mail = fixture("not-mail.txt");
    let empty = fixture("empty.eml");
    let truncated = fixture("truncated.eml");
    let charset = fixture("unknown-charset.eml");
    let runs: Vec<Vec<&str>> = vec![
        vec!["mail", "--new-case", &plain],
        vec!["mail", &plain],
        vec!["mail", &not_mail],
        vec!["mail", &empty],
        vec!["mail", &truncated],
        vec!["mail", &charset],
        vec!["mail", fixtures],
        vec!["attachment", "list", &reference],
        vec!["attachment", "save", "999"],
        vec!["draft", "--case", "2026-0001", "--template", "referral"],
        vec!["draft", "--case", "2026-0001", "--template", "acknowledge"],
        vec!["draft", "--sent", "99999"],
    ];
    for args in &runs {
        let mut with = args.clone();
        with.extend(["--lang", "pseudo"]);
        let out = diary.run(None, &with);
        for (stream, text) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let text = String::from_utf8_lossy(text);
            let stray = stray_words(&text, &data);
            assert!(
                stray.is_empty(),
                "casebook {args:?} {stream}: not from the catalogue: {stray:?}\n{text}"
            );
        }
    }
    // And in Welsh.
    let welsh = diary.run(None, &["--lang", "cy", "mail", &not_mail]);
    assert_eq!(
        String::from_utf8_lossy(&welsh.stderr).trim(),
        format!(
            "casebook: {not_mail}: nid e-bost yw hwn: ni chafwyd pennawd From, Date, Subject na Message-ID"
        )
    );
    let list = diary.ok(None, &["--lang", "cy", "attachment", "list", &reference]);
    assert!(list.contains("housing-letter.pdf"), "{list}");
    assert!(list.contains(" beit") || list.contains(" KB"), "{list}");
}

/// Refusals that were English (issue 17): the store's checks (a second
/// surgery, ending none, a closed case), the passphrase a sealed file needs
/// with no terminal to ask on, a bad age key. In the pseudo-locale no word
/// is outside the catalogue; in Welsh no English sentence of the
/// catalogue's errors is left, and each says something else than English.
#[test]
fn refusals_from_the_store_and_the_passphrase_prompts_speak_welsh() {
    let diary = casework();
    diary.ok(None, &["surgery", "start", "Neuadd y Pentref"]);
    let folder = diary.dir.path().display().to_string();
    let sealed = diary.dir.path().join("allforio.json.age");
    std::fs::write(&sealed, b"age-encryption.org/v1\n-> scrypt xyz 18\n").expect("write");
    let sealed = sealed.display().to_string();
    let out_file = diary.dir.path().join("allan.json").display().to_string();
    let headless = diary.dir.path().join("penawdau.csv");
    std::fs::write(&headless, "Pennawd,Lliw\nTyllau,coch\n").expect("write");
    let headless = headless.display().to_string();
    let runs: &[&[&str]] = &[
        &["import", &headless],
        &["import", &headless, "--map", "Pennawd=teitl"],
        &["surgery", "start", "Neuadd y Pentref"],
        &["import", &sealed],
        &["export", "--out", &out_file, "--recipient", "allwedd-ffug"],
        &["close", "2026-0002", "--outcome", "resolved"],
    ];
    let data = [
        folder.as_str(),
        "Neuadd y Pentref",
        "allwedd-ffug",
        "Pennawd",
        "Lliw",
        "teitl",
        // The import's column names, the same in every language.
        "opened",
        "title",
        "ignore",
        "casebook",
        "CASEBOOK_PASSPHRASE",
        "age",
        "KEYFILE",
    ];
    let english = english_sentences(&["error-"]);
    for args in runs {
        let mut pseudo: Vec<&str> = args.to_vec();
        pseudo.extend(["--lang", "pseudo"]);
        let out = diary.run(None, &pseudo);
        assert_eq!(out.status.code(), Some(1), "{args:?} fails");
        let err = String::from_utf8_lossy(&out.stderr);
        let stray = stray_words(&err, &data);
        assert!(
            stray.is_empty(),
            "{args:?}: not from the catalogue: {stray:?}\n{err}"
        );

        let mut welsh: Vec<&str> = args.to_vec();
        welsh.extend(["--lang", "cy"]);
        let cy = String::from_utf8_lossy(&diary.run(None, &welsh).stderr).into_owned();
        let en = String::from_utf8_lossy(&diary.run(None, args).stderr).into_owned();
        assert_ne!(cy, en, "{args:?} says the same in Welsh");
        for sentence in &english {
            assert!(
                !cy.contains(sentence.as_str()),
                "{args:?}: English left: {sentence}\n{cy}"
            );
        }
    }
    // Ending a surgery when none runs, after the one running is ended.
    diary.ok(None, &["surgery", "end"]);
    let out = diary.run(None, &["surgery", "end", "--lang", "cy"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        "casebook: does dim cymhorthfa yn rhedeg: dechreuwch un â `casebook surgery start LLEOLIAD`"
    );
}

/// One run of the binary for the errors below: its own diary, config and
/// clock, any of them bad.
fn run_raw(db: &std::path::Path, config: &std::path::Path, now: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casebook"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("CASEBOOK_CONFIG", config)
        .env("CASEBOOK_NOW", now)
        .env("TZ", "UTC")
        .env_remove("CASEBOOK_DB")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("run casebook")
}

/// The errors that used to carry English made where they arose (issue 17):
/// a casebook export imported into a diary that holds casework, an export
/// with a timestamp edited by hand, `--out` onto a folder, a bad
/// CASEBOOK_NOW, a config file that is a folder, a hub that refuses the
/// connection and a hub URL naming no host. Each is one line, exit 1, in
/// Welsh with `--lang cy` (the catalogue's Welsh, no English sentence of
/// it), as before in English, and wholly from the catalogue in the
/// pseudo-locale.
#[test]
fn errors_made_where_they_arose_speak_the_readers_language() {
    let diary = casework();
    let dir = diary.dir.path();
    let db = diary.db();
    let config = dir.join("config.toml");
    let now = "2026-03-02T09:00";
    let export = dir.join("allforio.json");
    let export_s = export.display().to_string();
    diary.ok(None, &["export", "--out", &export_s]);

    // An export whose first timestamp was edited by hand, into a new diary.
    let text = std::fs::read_to_string(&export).expect("read export");
    let at = text.find("\"created_at\": \"").expect("a timestamp") + "\"created_at\": \"".len();
    let end = at + text[at..].find('"').expect("its end");
    let edited = dir.join("wedi-newid.json");
    std::fs::write(&edited, format!("{}ddoe{}", &text[..at], &text[end..])).expect("write");
    let edited_s = edited.display().to_string();
    let fresh = dir.join("newydd.db");

    // A hub that refuses: a port nothing listens on any more.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let refused = dir.join("gwrthod.toml");
    std::fs::write(
        &refused,
        format!("[sync]\nurl = \"postgresql://casebook@127.0.0.1:{port}/hub\"\n"),
    )
    .expect("config");
    let no_host = dir.join("dim-gwesteiwr.toml");
    std::fs::write(&no_host, "[sync]\nurl = \"postgresql:///hub\"\n").expect("config");
    let port_s = port.to_string();

    struct Case<'a> {
        db: &'a std::path::Path,
        config: &'a std::path::Path,
        now: &'a str,
        args: Vec<&'a str>,
        /// What the Welsh says, and the English.
        cy: &'a str,
        en: &'a str,
    }
    let cases = [
        Case {
            db: &db,
            config: &config,
            now,
            args: vec!["import", &export_s],
            cy: "nid yw'r dyddiadur yn wag: dim ond i gronfa ddata newydd, wag y gellir mewnforio allforio casebook",
            en: "the diary is not empty: a casebook export can only be imported into a new, empty database",
        },
        Case {
            db: &fresh,
            config: &config,
            now,
            args: vec!["import", &edited_s],
            cy: "yn allforio casebook dilys: mae gan cyswllt ",
            en: "is not a valid casebook export: contact ",
        },
        Case {
            db: &db,
            config: &config,
            now,
            args: vec!["review", "--out", dir.to_str().expect("utf-8")],
            cy: ": enwch ffeil ynddo",
            en: "is a folder: name a file in it",
        },
        Case {
            db: &db,
            config: &config,
            now: "dydd-dim",
            args: vec!["due"],
            cy: "casebook: CASEBOOK_NOW: nid yw `dydd-dim` yn ddyddiad:",
            en: "casebook: CASEBOOK_NOW: `dydd-dim` is not a date:",
        },
        Case {
            db: &db,
            config: dir,
            now,
            args: vec!["due"],
            cy: "ni ellir darllen y ffeil ffurfweddu",
            en: "cannot read the config file",
        },
        Case {
            db: &db,
            config: &refused,
            now,
            args: vec!["sync"],
            cy: "ni ellir cyrraedd yr hyb yn 127.0.0.1:",
            en: "cannot reach the hub at 127.0.0.1:",
        },
        Case {
            db: &db,
            config: &no_host,
            now,
            args: vec!["sync"],
            cy: "nid yw URL yr hyb yn enwi gwesteiwr",
            en: "the hub URL names no host: write it as postgresql://USER:PASSWORD@HOST:PORT/DB",
        },
    ];
    let folder = dir.display().to_string();
    let data = [
        folder.as_str(),
        "casebook",
        "CASEBOOK_NOW",
        "dydd-dim",
        "ddoe",
        "127.0.0.1",
        port_s.as_str(),
        "postgresql://USER:PASSWORD@HOST:PORT/DB",
        "--out",
        "--db",
        "RFC",
    ];
    let english = english_sentences(&["error-", "doing-", "hub-doing-", "io-"]);
    for case in &cases {
        let run = |lang: Option<&str>| {
            let mut args = case.args.clone();
            if let Some(l) = lang {
                args.extend(["--lang", l]);
            }
            let out = run_raw(case.db, case.config, case.now, &args);
            assert_eq!(out.status.code(), Some(1), "{:?} {lang:?} fails", case.args);
            let err = String::from_utf8_lossy(&out.stderr).into_owned();
            assert_eq!(err.lines().count(), 1, "{:?}: one line\n{err}", case.args);
            err
        };
        let cy = run(Some("cy"));
        assert!(cy.contains(case.cy), "{:?}: Welsh\n{cy}", case.args);
        for sentence in &english {
            assert!(
                !cy.contains(sentence.as_str()),
                "{:?}: English left: {sentence}\n{cy}",
                case.args
            );
        }
        let en = run(None);
        assert!(en.contains(case.en), "{:?}: English\n{en}", case.args);
        let pseudo = run(Some("pseudo"));
        let stray = stray_words(&pseudo, &data);
        assert!(
            stray.is_empty(),
            "{:?}: not from the catalogue: {stray:?}\n{pseudo}",
            case.args
        );
    }
    assert!(!fresh.exists(), "a refused import makes no diary");
}

/// A closed list's value inside an error is its label in the reader's
/// language, not the stored key.
#[test]
fn a_label_in_an_error_is_the_readers_label() {
    use casebook::error::Msg;
    let msg = Msg::new("error-publicise-closed")
        .label("outcome", Outcome::WHAT, Outcome::NotResolved.as_str())
        .text("reference", "2026-0007");
    let en = msg.render(&Catalogue::embedded(Lang::En));
    let cy = msg.render(&Catalogue::embedded(Lang::Cy));
    assert!(en.contains(Outcome::NotResolved.label()), "{en}");
    let welsh_label = Catalogue::embedded(Lang::Cy).label(Outcome::NotResolved);
    assert!(cy.contains(&welsh_label), "{cy}");
    assert!(cy.starts_with("ni ellir cyhoeddi achos 2026-0007"), "{cy}");
}

/// A damaged diary: how it is damaged and what to do, in the reader's
/// language, the count in its Welsh form; the English as before.
#[test]
fn a_damaged_diary_is_said_in_the_readers_language() {
    use casebook::Error;
    use casebook::error::Msg;
    let e = |count: i64| Error::Corrupt {
        path: PathBuf::from("/tmp/diary.db"),
        detail: Msg::new("corrupt-check-restore")
            .num("count", count)
            .text("backup", "/tmp/b.db"),
    };
    assert_eq!(
        e(3).to_string(),
        "the database /tmp/diary.db is damaged: 3 problem(s) found; restore the latest backup with `casebook restore /tmp/b.db`"
    );
    let cy = Catalogue::embedded(Lang::Cy);
    assert!(
        e(2).message(&cy)
            .contains("wedi'i difrodi: cafwyd 2 broblem; adferwch"),
        "{}",
        e(2).message(&cy)
    );
    assert!(e(3).message(&cy).contains("cafwyd 3 o broblemau"));
}
