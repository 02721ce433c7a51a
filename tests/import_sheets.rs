//! `casebook import` of the spreadsheets people really keep (issue 15): their
//! own headers and words, workbooks (.xlsx written here with
//! rust_xlsxwriter, and a committed .ods), `--map` remembered, `--skip-bad`
//! with a rejects file, the template; and the import's limits (issue 12:
//! formula injection, size cap).

mod common;

use casebook::domain::{CaseStatus, Outcome, Role};
use chrono::NaiveDate;
use common::{Sandbox, assert_fails, assert_fails_one_line, stderr, stdout};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn path(p: &std::path::Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// A workbook as a councillor keeps it: the headers, a real date
/// cell, a UK date typed as text with a two-digit year, a serial number,
/// and the words people write.
fn councillor_workbook(file: &std::path::Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let headers = [
        "Date", "Name", "Address", "Postcode", "Phone", "Email", "Issue", "Category", "Status",
        "Outcome", "Notes",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("header");
    }
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    let date = ExcelDateTime::from_ymd(2025, 3, 4).expect("date");
    sheet
        .write_datetime_with_format(1, 0, &date, &date_format)
        .expect("date cell");
    let rows: [[&str; 10]; 3] = [
        [
            "Siân Davies",
            "1 Heol Ŵyn, Caerdydd",
            "CF10 5BF",
            "+44 29 2087 1234",
            "sian@example.org",
            "Neighbours' loud music every night",
            "ASB",
            "Closed",
            "Resolved satisfactorily",
            "Spoke to the ASB team",
        ],
        [
            "Dai Jones",
            "22 Maes y Coed",
            "CF11 6AA",
            "07700 900123",
            "dai@example.org",
            "Bins missed three weeks running",
            "Bins",
            "Waiting",
            "",
            "",
        ],
        [
            "Gwen Price",
            "5 Stryd Fawr",
            "CF14 1AB",
            "029 2000 0000",
            "",
            "Pothole outside the school",
            "Roads",
            "Resolved satisfactorily",
            "",
            "Fixed by highways",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                sheet.write_string(r, c as u16 + 1, *v).expect("cell");
            }
        }
    }
    sheet.write_string(2, 0, "12/05/25").expect("text date");
    // 45800 is 2025-05-23 in Excel's serial numbering (a cell not formatted as a date).
    sheet.write_number(3, 0, 45800.0).expect("serial date");
    book.save(file).expect("save xlsx");
}

#[test]
fn a_councillors_own_workbook_imports_with_no_flags() {
    let sb = Sandbox::new();
    let file = sb.path("casework.xlsx");
    councillor_workbook(&file);
    let out = sb.run(&["import", path(&file)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        "imported 3 cases (3 new contacts, 0 already in the diary)"
    );
    let err = stderr(&out);
    assert!(
        err.contains("2 closed rows have no closed date (lines 2, 4)"),
        "a closed row without a date is stated: {err}"
    );

    let s = sb.store();
    let sian = s.contacts_named("Siân Davies").expect("lookup");
    assert_eq!(sian.len(), 1);
    let sian = &sian[0];
    assert_eq!(sian.address.as_deref(), Some("1 Heol Ŵyn, Caerdydd"));
    assert_eq!(sian.phone.as_deref(), Some("+44 29 2087 1234"));
    assert_eq!(sian.email.as_deref(), Some("sian@example.org"));
    assert_eq!(sian.postcode.as_deref(), Some("CF10 5BF"));
    let cases = s.cases_of_contact(sian.id).expect("cases");
    assert_eq!(cases.len(), 1);
    let (role, music) = &cases[0];
    assert_eq!(*role, Role::Constituent);
    assert_eq!(music.opened, d(2025, 3, 4), "a date cell");
    assert_eq!(music.category, "anti_social_behaviour");
    assert_eq!(music.status, CaseStatus::Closed);
    assert_eq!(music.outcome, Some(Outcome::Resolved));
    assert_eq!(music.facts.as_deref(), Some("Spoke to the ASB team"));

    let dai = &s.contacts_named("Dai Jones").expect("lookup")[0];
    assert_eq!(dai.address.as_deref(), Some("22 Maes y Coed"));
    assert_eq!(dai.phone.as_deref(), Some("07700 900123"));
    let (_, bins) = &s.cases_of_contact(dai.id).expect("cases")[0];
    assert_eq!(bins.opened, d(2025, 5, 12), "12/05/25 is 12 May 2025");
    assert_eq!(bins.category, "waste");
    assert_eq!(bins.status, CaseStatus::WaitingOther);

    let gwen = &s.contacts_named("Gwen Price").expect("lookup")[0];
    let (_, pothole) = &s.cases_of_contact(gwen.id).expect("cases")[0];
    assert_eq!(pothole.opened, d(2025, 5, 23), "an Excel serial number");
    assert_eq!(pothole.category, "highways");
    assert_eq!(
        pothole.status,
        CaseStatus::Closed,
        "\"Resolved…\" as a status"
    );
    assert_eq!(pothole.outcome, Some(Outcome::Resolved));
    assert_eq!(pothole.closed, Some(pothole.opened), "the stated default");

    // The same workbook again: nothing doubles, though no row has a reference.
    let out = sb.run(&["import", path(&file)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("skipped 3 cases already imported"),
        "{}",
        stdout(&out)
    );
    assert_eq!(sb.store().counts().expect("counts").cases, 3);
}

#[test]
fn a_welsh_ods_spreadsheet_imports() {
    let sb = Sandbox::new();
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/welsh-cases.ods"
    );
    let out = sb.run(&["import", file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("imported 2 cases"),
        "{}",
        stdout(&out)
    );
    let s = sb.store();
    let gwen = &s.contacts_named("Gwenllian Rhys").expect("lookup")[0];
    assert_eq!(gwen.address.as_deref(), Some("3 Heol y Coed, Caerdydd"));
    assert_eq!(gwen.email.as_deref(), Some("gwen@example.org"));
    let (_, bins) = &s.cases_of_contact(gwen.id).expect("cases")[0];
    assert_eq!(bins.opened, d(2025, 5, 12));
    assert_eq!(bins.category, "waste");
    assert_eq!(bins.status, CaseStatus::Open);
    let owain = &s.contacts_named("Owain Morgan").expect("lookup")[0];
    let (_, noise) = &s.cases_of_contact(owain.id).expect("cases")[0];
    assert_eq!(noise.category, "anti_social_behaviour");
    assert_eq!(noise.status, CaseStatus::Closed);
}

#[test]
fn a_workbook_with_several_sheets_asks_which() {
    let sb = Sandbox::new();
    let file = sb.path("two.xlsx");
    let mut book = Workbook::new();
    for (name, title) in [("2024", "Old case"), ("2025", "New case")] {
        let sheet = book.add_worksheet();
        sheet.set_name(name).expect("name");
        sheet.write_string(0, 0, "Date").expect("h");
        sheet.write_string(0, 1, "Issue").expect("h");
        sheet.write_string(1, 0, "01/02/2025").expect("v");
        sheet.write_string(1, 1, title).expect("v");
    }
    book.add_worksheet(); // an empty third sheet is no question
    book.save(&file).expect("save");
    let err = assert_fails_one_line(&sb.run(&["import", path(&file)]));
    assert!(err.contains("2 sheets with data (`2024`, `2025`)"), "{err}");
    assert!(err.contains("--sheet"), "{err}");
    assert!(!sb.db.exists(), "nothing written");

    let out = sb.run(&["import", path(&file), "--sheet", "2025"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = assert_fails_one_line(&sb.run(&["import", path(&file), "--sheet", "2023"]));
    assert!(err.contains("no sheet named `2023`"), "{err}");
}

#[test]
fn unknown_headers_show_the_nearest_and_map_is_remembered() {
    let sb = Sandbox::new();
    let csv = "Logged,Issue,Who,Adress\n01/02/2025,Damp,Ann Evans,1 High St\n";
    let file = sb.write("mine.csv", csv);
    let err = assert_fails_one_line(&sb.run(&["import", path(&file)]));
    assert!(err.contains("no `opened` column"), "{err}");
    assert!(err.contains("--map \"Logged=opened\""), "{err}");

    let map = "Logged=opened,Who=constituent_name";
    let out = sb.run(&["import", path(&file), "--map", map]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("`Adress` (nearest: `constituent_address`"),
        "{err}"
    );
    let memory = sb.path("import-mappings.json");
    assert!(
        memory.exists(),
        "the mapping is remembered beside the config"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&memory)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    // Next month's file, same headers in another order: no --map needed.
    let next = sb.write(
        "next.csv",
        "Issue,Logged,Adress,Who\nNoise,03/03/2025,2 High St,Bob Hughes\n",
    );
    let out = sb.run(&["import", path(&next)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("remembered"), "{}", stderr(&out));
    assert_eq!(
        sb.store()
            .contacts_named("Bob Hughes")
            .expect("lookup")
            .len(),
        1
    );

    let err = assert_fails_one_line(&sb.run(&["import", path(&file), "--map", "Logged=openned"]));
    assert!(err.contains("did you mean `opened`"), "{err}");
}

#[test]
fn unknown_values_say_what_is_allowed_and_the_nearest() {
    let sb = Sandbox::new();
    let file = sb.write(
        "v.csv",
        "Date,Issue,Status,Category,Outcome\n01/02/2025,A,Wating,Housng,\n01/02/2025,B,,,Maybe\n",
    );
    let err = assert_fails(&sb.run(&["import", path(&file)]));
    assert!(err.contains("line 2: unknown status `Wating`"), "{err}");
    assert!(err.contains("(nearest: `waiting_other`)"), "{err}");
    assert!(err.contains("unknown category `Housng`"), "{err}");
    assert!(err.contains("(nearest: `housing`)"), "{err}");
    assert!(
        err.contains("line 3: unknown outcome `Maybe`: expected one of resolved"),
        "{err}"
    );
    assert!(err.contains("--skip-bad"), "{err}");
    assert!(!sb.db.exists());
}

#[test]
fn skip_bad_sets_rows_aside_to_fix_and_import_again() {
    let sb = Sandbox::new();
    let csv = "Date,Name,Issue,Category\n\
               01/02/2025,Ann Evans,Damp,Housing\n\
               31/02/2025,Bob Hughes,Bad date,Housing\n\
               02/02/2025,Cai Lewis,Bad category,Spaceships\n\
               03/02/2025,Dee Moss,,Waste\n\
               04/02/2025,Eve Nash,Bins,Waste\n";
    let file = sb.write("sheet.csv", csv);
    let out = sb.run(&["import", path(&file), "--skip-bad"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rejects = sb.path("sheet.rejects.csv");
    assert!(
        stdout(&out).contains("imported 2 cases"),
        "{}",
        stdout(&out)
    );
    assert!(
        stdout(&out).contains(&format!(
            "set aside 3 bad rows with the reason in {}",
            rejects.display()
        )),
        "{}",
        stdout(&out)
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&rejects)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let text = std::fs::read_to_string(&rejects).expect("rejects");
    assert!(
        text.starts_with("Date,Name,Issue,Category,reason_not_imported\r\n"),
        "{text}"
    );
    assert!(text.contains("line 3: opened:"), "{text}");
    assert!(text.contains("unknown category `Spaceships`"), "{text}");
    assert_eq!(
        std::fs::read_to_string(&file).expect("input"),
        csv,
        "input untouched"
    );

    // Fixed by hand, the rejects import cleanly; again, nothing doubles.
    let fixed = text
        .replace("31/02/2025", "28/02/2025")
        .replace("Spaceships", "Other")
        .replace(",,Waste", ",Fence down,Waste");
    std::fs::write(&rejects, fixed).expect("fix");
    let out = sb.run(&["import", path(&rejects)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("imported 3 cases"),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).is_empty(),
        "the reason column is passed over: {}",
        stderr(&out)
    );
    let out = sb.run(&["import", path(&rejects)]);
    assert!(
        stdout(&out).contains("imported 0 cases"),
        "{}",
        stdout(&out)
    );
    assert_eq!(sb.store().counts().expect("counts").cases, 5);

    // A second --skip-bad run never replaces the first rejects file.
    let out = sb.run(&["import", path(&file), "--skip-bad"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(sb.path("sheet.rejects-2.csv").exists());
}

#[test]
fn the_template_lists_every_column_and_imports_as_nothing() {
    let sb = Sandbox::new();
    for name in ["template.csv", "template.xlsx"] {
        let file = sb.path(name);
        let out = sb.run(&["import", "--template", path(&file)]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let out = sb.run(&["--no-encryption", "import", path(&file)]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        assert!(
            stdout(&out).starts_with("imported 0 cases"),
            "{}",
            stdout(&out)
        );
        assert!(stderr(&out).is_empty(), "{name}: {}", stderr(&out));
        // Never over an existing file.
        let err = assert_fails_one_line(&sb.run(&["import", "--template", path(&file)]));
        assert!(err.contains("already exists"), "{err}");
    }
    let csv = std::fs::read_to_string(sb.path("template.csv")).expect("csv");
    let header = csv.lines().next().expect("header");
    assert_eq!(header.split(',').count(), casebook::exchange::COLUMNS.len());
    assert!(
        header.starts_with("reference,opened,closed,title,"),
        "{header}"
    );
}

#[test]
fn formula_cells_are_neutralised_and_round_trip() {
    let sb = Sandbox::new();
    let csv = "title,opened,constituent_name,constituent_phone,notes\n\
               \"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",2026-01-01,@Mallory,+44 29 2087 1234,-1 then +1\n";
    let file = sb.write("evil.csv", csv);
    assert_eq!(sb.run(&["import", path(&file)]).status.code(), Some(0));
    let out = sb.run(&["export", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let exported = stdout(&out);
    let row = exported.lines().nth(1).expect("a row");
    for cell in [
        "'=HYPERLINK",
        "'@Mallory",
        "'+44 29 2087 1234",
        "'-1 then +1",
    ] {
        assert!(row.contains(cell), "{cell} in {row}");
    }
    // No cell of the export starts a formula.
    let mut reader = csv::Reader::from_reader(exported.as_bytes());
    for rec in reader.records() {
        for cell in rec.expect("record").iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell}"
            );
        }
    }
    // And it imports back to the same text.
    let again = Sandbox::new();
    let back = again.write("back.csv", &exported);
    let out = again.run(&["import", path(&back)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = again.store();
    let mallory = &s.contacts_named("@Mallory").expect("lookup")[0];
    assert_eq!(mallory.phone.as_deref(), Some("+44 29 2087 1234"));
    let (_, case) = &s.cases_of_contact(mallory.id).expect("cases")[0];
    assert_eq!(case.title, "=HYPERLINK(\"http://evil\",\"x\")");
    assert_eq!(case.facts.as_deref(), Some("-1 then +1"));
}

#[cfg(unix)]
#[test]
fn an_endless_file_is_refused_without_reading_it_all() {
    let sb = Sandbox::new();
    // Binary from its first block: refused there, not read to the cap.
    let err = assert_fails_one_line(&sb.run(&["import", "/dev/zero"]));
    assert!(err.contains("/dev/zero is not a CSV file"), "{err}");
    assert!(!sb.db.exists(), "nothing written");
}
