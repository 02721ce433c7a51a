//! Issue 12: a CSV file is read as it comes, a row at a time, never held
//! whole; a line no spreadsheet row would have is refused with one line
//! naming it, and nothing is changed.
//!
//! Its own test binary: the memory check reads the peak of this process's
//! finished children, so no other test's children may be among them.

mod common;

use common::{Sandbox, assert_fails_one_line, stderr, stdout};

/// The largest resident size (bytes) any finished child of this process
/// reached.
#[cfg(unix)]
fn children_peak_bytes() -> u64 {
    // SAFETY: getrusage fills the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(
        unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) },
        0
    );
    // Linux gives ru_maxrss in KiB.
    u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024
}

#[test]
fn a_huge_single_line_is_refused_naming_its_line_and_nothing_changes() {
    let sb = Sandbox::new();
    let o = sb.run(&["log", "--who", "Siân Davies", "Bins not collected"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let before = sb.snapshot();
    // A good row, then a 3 MB line with no line break: no spreadsheet row.
    let mut csv = b"opened,title\n2026-01-05,Potholes\n2026-01-06,".to_vec();
    csv.extend(std::iter::repeat_n(b'x', 3 * 1024 * 1024));
    csv.push(b'\n');
    let file = sb.write("long.csv", &csv);
    let err = assert_fails_one_line(&sb.run(&["import", file.to_str().expect("utf-8")]));
    assert!(err.contains("line 3 is longer than 1 MB"), "{err}");
    assert!(err.contains("nothing was imported"), "{err}");
    let err =
        assert_fails_one_line(&sb.run(&["--lang", "cy", "import", file.to_str().expect("utf-8")]));
    assert!(err.contains("mae llinell 3 yn hirach na 1 MB"), "{err}");
    assert_eq!(sb.snapshot(), before, "the diary changed");
}

/// 200,000 rows (15 MB) are read a row at a time: the process never holds
/// the file and a table of its cells beside the rows it keeps. Before the
/// reader streamed, this dry run peaked at 249 MB (debug build); streamed,
/// 155 MB, which is what the checked rows themselves take.
#[cfg(unix)]
#[test]
fn a_large_csv_is_read_as_it_comes() {
    use std::io::Write;
    let sb = Sandbox::new();
    let path = sb.path("big.csv");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
    writeln!(f, "reference,opened,title,category,name,postcode").expect("write");
    for i in 0..200_000u32 {
        writeln!(
            f,
            "R{i:06},2025-{:02}-{:02},Pothole outside number {i},highways,Person {},CF10 {}AB",
            i % 12 + 1,
            i % 28 + 1,
            i % 5000,
            i % 9
        )
        .expect("write");
    }
    drop(f);
    let o = sb.run(&["import", "--dry-run", path.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("would import 200000 cases"),
        "{}",
        stdout(&o)
    );
    let peak = children_peak_bytes();
    assert!(
        peak < 200 * 1024 * 1024,
        "the import peaked at {} MB",
        peak / (1024 * 1024)
    );
}
