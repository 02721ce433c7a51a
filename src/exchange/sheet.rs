//! A spreadsheet as rows of cells, whatever it was saved as: CSV (commas,
//! semicolons or tabs), `.xlsx`, `.xls` or `.ods`. The import reads this, so
//! that every format gets the same header and value rules.
//!
//! Which format is judged by the content (a ZIP or OLE file is a workbook),
//! never by the name alone.

use std::io::Read;

use chrono::{Duration, NaiveDate};

use crate::error::Msg;
use crate::{Error, Result};

/// The largest file import will read. A year of casework for the busiest
/// councillor is a few megabytes; anything near this is not a spreadsheet
/// of cases (or is `/dev/zero`), and reading it all would exhaust memory.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// One cell as the spreadsheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A number cell (a workbook's, not text that looks like one).
    Number(f64),
    /// A cell formatted as a date in a workbook.
    Date(NaiveDate),
}

impl Cell {
    /// The cell as text: whole numbers without a decimal point, dates in ISO form.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.trim().to_string(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => crate::dates::iso(*d),
        }
    }

    pub fn is_blank(&self) -> bool {
        matches!(self, Cell::Text(s) if s.trim().is_empty())
    }
}

/// A row of the sheet, with the line (CSV) or row number (workbook) a person
/// would look for it at.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    pub line: u64,
    pub cells: Vec<Cell>,
}

/// The header row and the rows beneath it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<SheetRow>,
}

/// What a file to import holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Workbook,
}

/// The longest line a CSV file may have. A row of casework is a few hundred
/// bytes, a long note a few thousand; a line past this is not a spreadsheet
/// row, and holding it would let one line take all the memory.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// A file to import, opened, with its first block read: enough to tell what
/// it holds ([`format_of`], [`super::detect`]) before reading the rest.
pub struct Input {
    /// The first block ([`SNIFF_BYTES`] at most; all of a small file).
    pub head: Vec<u8>,
    rest: Box<dyn Read>,
    name: String,
}

impl Input {
    /// Opens `path`. A folder, a regular file over [`MAX_INPUT_BYTES`] (by its
    /// size, unread) and a text file whose first block holds NUL bytes
    /// (`/dev/zero`, a picture) are refused with one line.
    pub fn open(path: &std::path::Path) -> Result<Input> {
        let name = path.display().to_string();
        let cannot = |e| Error::cannot_read(path, &e);
        let file = std::fs::File::open(path).map_err(cannot)?;
        if let Ok(meta) = file.metadata() {
            if meta.is_dir() {
                return Err(Error::user(
                    Msg::new("error-import-folder").text("file", &name),
                ));
            }
            if meta.is_file() && meta.len() > MAX_INPUT_BYTES {
                return Err(too_big(&name));
            }
        }
        let mut file = std::io::BufReader::new(file);
        let mut head = Vec::new();
        (&mut file)
            .take(SNIFF_BYTES)
            .read_to_end(&mut head)
            .map_err(cannot)?;
        if format_of(&head) == Format::Csv && !head.starts_with(AGE_HEADER) && head.contains(&0) {
            return Err(binary(&name));
        }
        Ok(Input {
            head,
            rest: Box::new(file),
            name,
        })
    }

    /// The whole file (a workbook, a JSON export, a sealed file: formats read
    /// whole), at most [`MAX_INPUT_BYTES`] of it; one byte more is refused
    /// without reading further.
    pub fn read_all(self) -> Result<Vec<u8>> {
        let Input { head, rest, name } = self;
        let mut bytes = head;
        rest.take(MAX_INPUT_BYTES + 1 - bytes.len() as u64)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::cannot_read(std::path::Path::new(&name), &e))?;
        if bytes.len() as u64 > MAX_INPUT_BYTES {
            return Err(too_big(&name));
        }
        Ok(bytes)
    }

    /// A CSV file's rows, read as they come ([`CsvRows`]).
    pub fn csv(self) -> Result<CsvRows> {
        CsvRows::new(self.head, self.rest, &self.name)
    }
}

/// Reads at most [`MAX_INPUT_BYTES`] from `path` ([`Input::open`], then
/// [`Input::read_all`]).
pub fn read_capped(path: &std::path::Path) -> Result<Vec<u8>> {
    Input::open(path)?.read_all()
}

/// How much of a file tells text from binary.
const SNIFF_BYTES: u64 = 64 * 1024;

/// An age file (a sealed export) is binary after this line: let it through.
const AGE_HEADER: &[u8] = b"age-encryption.org/v1\n";

fn binary(file: &str) -> Error {
    Error::user(Msg::new("error-import-binary").text("file", file))
}

fn too_big(name: &str) -> Error {
    Error::user(
        Msg::new("error-import-too-big")
            .text("file", name)
            .num("mb", (MAX_INPUT_BYTES / (1024 * 1024)) as i64),
    )
}

/// A ZIP (xlsx, ods) or OLE (xls) file is a workbook.
pub fn format_of(bytes: &[u8]) -> Format {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Format::Workbook
    } else {
        Format::Csv
    }
}

/// Reads a workbook's sheet: the one named by `sheet`, or else the only
/// sheet that has anything in it.
pub fn read_workbook(bytes: &[u8], file: &str, sheet: Option<&str>) -> Result<Table> {
    use calamine::{Data, Reader};
    use calamine::{Ods, Sheets, Xls, Xlsx, open_workbook_from_rs};
    let cursor = std::io::Cursor::new(bytes);
    let unreadable = |e: &dyn std::fmt::Display| {
        Error::user(
            crate::error::Msg::new("error-sheet-unreadable")
                .text("file", file)
                .text("detail", e.to_string()),
        )
    };
    // An OpenDocument file names its type first thing in the archive.
    let is_ods = bytes
        .get(..bytes.len().min(200))
        .is_some_and(|head| head.windows(24).any(|w| w == b"opendocument.spreadsheet"));
    let mut book: Sheets<_> = if bytes.starts_with(b"PK") && is_ods {
        Sheets::Ods(open_workbook_from_rs::<Ods<_>, _>(cursor).map_err(|e| unreadable(&e))?)
    } else if bytes.starts_with(b"PK") {
        Sheets::Xlsx(open_workbook_from_rs::<Xlsx<_>, _>(cursor).map_err(|e| unreadable(&e))?)
    } else {
        Sheets::Xls(open_workbook_from_rs::<Xls<_>, _>(cursor).map_err(|e| unreadable(&e))?)
    };
    let names = book.sheet_names();
    let range = match sheet {
        Some(wanted) => {
            let Some(name) = names
                .iter()
                .find(|n| n.as_str() == wanted)
                .or_else(|| {
                    names
                        .iter()
                        .find(|n| n.trim().eq_ignore_ascii_case(wanted.trim()))
                })
                .cloned()
            else {
                return Err(Error::user(
                    crate::error::Msg::new("error-sheet-no-such")
                        .text("file", file)
                        .text("wanted", wanted)
                        .text("sheets", quoted(&names)),
                ));
            };
            book.worksheet_range(&name).map_err(|e| {
                Error::user(
                    crate::error::Msg::new("error-sheet-cannot-read")
                        .text("file", file)
                        .text("name", &name)
                        .text("detail", e.to_string()),
                )
            })?
        }
        None => {
            let mut filled = Vec::new();
            for name in &names {
                let range = book.worksheet_range(name).map_err(|e| {
                    Error::user(
                        crate::error::Msg::new("error-sheet-cannot-read")
                            .text("file", file)
                            .text("name", name)
                            .text("detail", e.to_string()),
                    )
                })?;
                if range.rows().any(|r| r.iter().any(|c| !is_empty(c))) {
                    filled.push((name.clone(), range));
                }
            }
            match filled.len() {
                0 => {
                    return Err(Error::user(
                        crate::error::Msg::new("error-import-empty").text("file", file),
                    ));
                }
                1 => filled.remove(0).1,
                _ => {
                    let names: Vec<String> = filled.into_iter().map(|(n, _)| n).collect();
                    return Err(Error::user(
                        crate::error::Msg::new("error-sheet-several")
                            .text("file", file)
                            .num("count", i64::try_from(names.len()).unwrap_or(i64::MAX))
                            .text("sheets", quoted(&names)),
                    ));
                }
            }
        }
    };

    fn is_empty(c: &Data) -> bool {
        match c {
            Data::Empty => true,
            Data::String(s) => s.trim().is_empty(),
            _ => false,
        }
    }
    fn cell(c: &Data) -> Cell {
        match c {
            Data::Empty | Data::Error(_) => Cell::Text(String::new()),
            Data::String(s) => Cell::Text(s.clone()),
            Data::Int(i) => Cell::Number(*i as f64),
            Data::Float(f) => Cell::Number(*f),
            Data::Bool(b) => Cell::Text(if *b { "yes" } else { "no" }.into()),
            Data::DateTime(d) => match d.as_datetime() {
                Some(dt) if d.is_datetime() => Cell::Date(dt.date()),
                _ => Cell::Number(d.as_f64()),
            },
            Data::DateTimeIso(s) => match s.get(..10).and_then(|d| d.parse::<NaiveDate>().ok()) {
                Some(d) => Cell::Date(d),
                None => Cell::Text(s.clone()),
            },
            Data::DurationIso(s) => Cell::Text(s.clone()),
        }
    }

    // Rows are numbered as the spreadsheet program shows them (from 1).
    let first_row = range.start().map(|(r, _)| u64::from(r)).unwrap_or(0);
    let first_col = range.start().map(|(_, c)| c as usize).unwrap_or(0);
    let mut rows = range
        .rows()
        .enumerate()
        .map(|(i, r)| (first_row + i as u64 + 1, r))
        .skip_while(|(_, r)| r.iter().all(is_empty));
    let Some((_, header)) = rows.next() else {
        return Err(Error::user(
            crate::error::Msg::new("error-import-empty").text("file", file),
        ));
    };
    // Columns left of the sheet's first used column are not in the range;
    // nothing needs them, since headers name the columns.
    let _ = first_col;
    let headers = header.iter().map(|c| cell(c).text()).collect();
    let rows = rows
        .map(|(line, r)| SheetRow {
            line,
            cells: r.iter().map(cell).collect(),
        })
        .collect();
    Ok(Table { headers, rows })
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads CSV text (commas, or the semicolons or tabs some programs save
/// "CSV" with) into a table. A file that is not CSV at all is one error.
pub fn read_csv(bytes: &[u8], file: &str) -> Result<Table> {
    let rows = CsvRows::new(bytes.to_vec(), Box::new(std::io::empty()), file)?;
    let headers = rows.headers().to_vec();
    Ok(Table {
        headers,
        rows: rows.collect::<Result<_>>()?,
    })
}

/// [`CsvRows`] of CSV text in memory.
pub fn read_csv_rows(bytes: &[u8], file: &str) -> Result<CsvRows> {
    CsvRows::new(bytes.to_vec(), Box::new(std::io::empty()), file)
}

/// What a CSV reader reads: the block already read, then the rest.
type Source = std::io::Chain<std::io::Cursor<Vec<u8>>, Box<dyn Read>>;

/// A CSV file's header row, then its rows as they are read: the file is never
/// held whole. Reading stops with one error at the first line that is not
/// UTF-8, is not well-formed CSV, holds a NUL byte, or is longer than
/// [`MAX_LINE_BYTES`]; and after [`MAX_INPUT_BYTES`] in all.
pub struct CsvRows {
    reader: csv::Reader<Guard<Source>>,
    headers: Vec<String>,
    file: String,
    done: bool,
}

impl std::fmt::Debug for CsvRows {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CsvRows")
            .field("file", &self.file)
            .field("headers", &self.headers)
            .finish_non_exhaustive()
    }
}

impl CsvRows {
    /// `head` is the start of the file (as [`Input`] read it), `rest` the
    /// remainder.
    fn new(mut head: Vec<u8>, rest: Box<dyn Read>, file: &str) -> Result<CsvRows> {
        if head.starts_with(b"\xEF\xBB\xBF") {
            head.drain(..3);
        }
        if head.len() < SNIFF_BYTES as usize && head.iter().all(u8::is_ascii_whitespace) {
            // The head of a short file is all of it (`rest` holds nothing).
            let mut probe = [0u8; 1];
            let mut rest = rest;
            if rest.read(&mut probe).unwrap_or(0) == 0 {
                return Err(Error::user(
                    Msg::new("error-import-empty").text("file", file),
                ));
            }
            return CsvRows::open(
                head,
                Box::new(std::io::Cursor::new(probe).chain(rest)),
                file,
            );
        }
        CsvRows::open(head, rest, file)
    }

    fn open(head: Vec<u8>, rest: Box<dyn Read>, file: &str) -> Result<CsvRows> {
        let first_line = head.split(|&b| b == b'\n').next().unwrap_or(&[]);
        let delimiter = if first_line.contains(&b',') {
            b','
        } else if first_line.contains(&b'\t') {
            b'\t'
        } else if first_line.contains(&b';') {
            b';'
        } else {
            b','
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .delimiter(delimiter)
            .from_reader(Guard::new(std::io::Cursor::new(head).chain(rest)));
        let headers = reader
            .headers()
            .map_err(|e| not_csv(file, e))?
            .iter()
            .map(|h| h.trim().to_string())
            .collect();
        Ok(CsvRows {
            reader,
            headers,
            file: file.to_string(),
            done: false,
        })
    }

    /// The header row's names, trimmed.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }
}

impl Iterator for CsvRows {
    type Item = Result<SheetRow>;

    fn next(&mut self) -> Option<Result<SheetRow>> {
        if self.done {
            return None;
        }
        let mut record = csv::StringRecord::new();
        match self.reader.read_record(&mut record) {
            Ok(true) => Some(Ok(SheetRow {
                line: record.position().map(|p| p.line()).unwrap_or(0),
                cells: record.iter().map(|f| Cell::Text(f.to_string())).collect(),
            })),
            Ok(false) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(not_csv(&self.file, e)))
            }
        }
    }
}

/// A CSV reader's error as one line naming the file and the line.
fn not_csv(file: &str, e: csv::Error) -> Error {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => Error::user(
            Msg::new("error-import-fields")
                .text("file", file)
                .num("line", pos.as_ref().map_or(0, |p| p.line() as i64))
                .num("len", *len as i64)
                .num("expected", *expected_len as i64),
        ),
        csv::ErrorKind::Utf8 { pos, .. } => Error::user(
            Msg::new("error-import-not-utf8")
                .text("file", file)
                .num("line", pos.as_ref().map_or(1, |p| p.line() as i64)),
        ),
        csv::ErrorKind::Io(io) => match io.get_ref().and_then(|r| r.downcast_ref::<Refusal>()) {
            Some(Refusal::Binary) => binary(file),
            Some(Refusal::TooBig) => too_big(file),
            Some(Refusal::LineTooLong { line }) => Error::user(
                Msg::new("error-import-line-too-long")
                    .text("file", file)
                    .num("line", *line as i64)
                    .num("mb", (MAX_LINE_BYTES / (1024 * 1024)) as i64),
            ),
            None => Error::cannot_read(std::path::Path::new(file), io),
        },
        _ => Error::user(
            Msg::new("error-import-not-csv")
                .text("file", file)
                .text("detail", e.to_string()),
        ),
    }
}

/// Why [`Guard`] stopped a read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    Binary,
    TooBig,
    LineTooLong { line: u64 },
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for Refusal {}

/// Counts what a CSV file gives as it is read, and stops at a NUL byte, a
/// line longer than [`MAX_LINE_BYTES`] or more than [`MAX_INPUT_BYTES`] in
/// all, before the CSV reader could hold them.
struct Guard<R> {
    inner: R,
    total: u64,
    /// The physical line being read (the header is line 1).
    line: u64,
    /// Bytes of that line so far.
    run: usize,
}

impl<R> Guard<R> {
    fn new(inner: R) -> Guard<R> {
        Guard {
            inner,
            total: 0,
            line: 1,
            run: 0,
        }
    }
}

impl<R: Read> Read for Guard<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let refuse = |r: Refusal| Err(std::io::Error::new(std::io::ErrorKind::InvalidData, r));
        self.total += n as u64;
        if self.total > MAX_INPUT_BYTES {
            return refuse(Refusal::TooBig);
        }
        for &b in &buf[..n] {
            match b {
                0 => return refuse(Refusal::Binary),
                b'\n' => {
                    self.line += 1;
                    self.run = 0;
                }
                _ => {
                    self.run += 1;
                    if self.run > MAX_LINE_BYTES {
                        return refuse(Refusal::LineTooLong { line: self.line });
                    }
                }
            }
        }
        Ok(n)
    }
}

/// A date as spreadsheets hold it: a date cell, an Excel serial number
/// (days since 1899-12-30, as a cell not formatted as a date shows it), or
/// text in any form [`crate::dates::parse_date`] takes, plus the UK forms
/// with a two-digit year (`12/05/25`) and a month name (`12 May 2025`).
pub fn sheet_date(cell: &Cell, today: NaiveDate) -> Result<NaiveDate> {
    match cell {
        Cell::Date(d) => Ok(*d),
        Cell::Number(n) if (1.0..=2_958_465.0).contains(n) => {
            let base = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or(NaiveDate::MIN);
            base.checked_add_signed(Duration::days(n.trunc() as i64))
                .ok_or_else(|| {
                    Error::user(
                        crate::error::Msg::new("error-sheet-not-a-date")
                            .text("input", n.to_string()),
                    )
                })
        }
        Cell::Number(n) => Err(Error::user(
            crate::error::Msg::new("error-sheet-not-a-date").text("input", n.to_string()),
        )),
        Cell::Text(s) => text_date(s.trim(), today),
    }
}

fn text_date(s: &str, today: NaiveDate) -> Result<NaiveDate> {
    // 12/05/25, 12-05-25, 12.05.25: day first, as UK spreadsheets write them.
    let parts: Vec<&str> = s.split(['/', '.', '-']).collect();
    if parts.len() == 3
        && parts[2].len() == 2
        && parts[0].len() <= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        && let (Ok(d), Ok(m), Ok(y)) = (
            parts[0].parse::<u32>(),
            parts[1].parse::<u32>(),
            parts[2].parse::<i32>(),
        )
    {
        // A two-digit year is this century unless that would put it more
        // than a year ahead of today.
        use chrono::Datelike;
        let century = today.year() / 100 * 100;
        let year = if century + y > today.year() + 1 {
            century - 100 + y
        } else {
            century + y
        };
        return NaiveDate::from_ymd_opt(year, m, d).ok_or_else(|| {
            Error::user(crate::error::Msg::new("error-sheet-no-such-day").text("input", s))
        });
    }
    if parts.len() == 3 && s.contains('.') && !s.contains(['/', '-']) {
        return crate::dates::parse_date(&parts.join("/"), today);
    }
    if let Some(d) = month_name_date(s) {
        return Ok(d);
    }
    crate::dates::parse_date(s, today)
}

/// `12 May 2025`, `12-May-2025`, `May 12, 2025`, `12 Mai 2025`.
fn month_name_date(s: &str) -> Option<NaiveDate> {
    const MONTHS: &[&[&str]] = &[
        &["jan", "january", "ionawr", "ion"],
        &["feb", "february", "chwefror", "chwe"],
        &["mar", "march", "mawrth", "maw"],
        &["apr", "april", "ebrill", "ebr"],
        &["may", "mai"],
        &["jun", "june", "mehefin", "meh"],
        &["jul", "july", "gorffennaf", "gor"],
        &["aug", "august", "awst"],
        &["sep", "sept", "september", "medi"],
        &["oct", "october", "hydref", "hyd"],
        &["nov", "november", "tachwedd", "tach"],
        &["dec", "december", "rhagfyr", "rhag"],
    ];
    let words: Vec<String> = s
        .split([' ', '-', ',', '/'])
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    if words.len() != 3 {
        return None;
    }
    let month = |w: &str| {
        MONTHS
            .iter()
            .position(|m| m.contains(&w))
            .map(|i| i as u32 + 1)
    };
    let day = |w: &str| {
        w.trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse::<u32>()
            .ok()
    };
    let (d, m, y) = if let Some(m) = month(&words[1]) {
        (day(&words[0])?, m, &words[2])
    } else {
        (day(&words[1])?, month(&words[0])?, &words[2])
    };
    if y.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m, d)
}

/// OWASP's defence against formula injection: a cell a spreadsheet program
/// would run as a formula (`= + - @`, or a leading tab or carriage return)
/// is written with a leading apostrophe. A cell that already starts with an
/// apostrophe before one of those is given another, so that [`unescape`]
/// gives back exactly what was exported.
pub fn escape_formula(s: &str) -> std::borrow::Cow<'_, str> {
    let risky = |c: char| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r');
    let mut chars = s.chars();
    let needs = match chars.next() {
        Some(c) if risky(c) => true,
        Some('\'') => chars.next().is_some_and(|c| risky(c) || c == '\''),
        _ => false,
    };
    if needs {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// Undoes [`escape_formula`]: `'+44 29…` is read as `+44 29…`.
pub fn unescape_formula(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest)
            if rest
                .chars()
                .next()
                .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r' | '\'')) =>
        {
            rest
        }
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid")
    }

    #[test]
    fn dates_as_spreadsheets_hold_them() {
        let today = d(2026, 3, 1);
        let t = |s: &str| sheet_date(&Cell::Text(s.into()), today).ok();
        assert_eq!(t("12/05/25"), Some(d(2025, 5, 12)));
        assert_eq!(t("12-05-25"), Some(d(2025, 5, 12)));
        assert_eq!(t("1/2/99"), Some(d(1999, 2, 1)));
        assert_eq!(t("12.05.2025"), Some(d(2025, 5, 12)));
        assert_eq!(t("12 May 2025"), Some(d(2025, 5, 12)));
        assert_eq!(t("12-May-2025"), Some(d(2025, 5, 12)));
        assert_eq!(t("May 12, 2025"), Some(d(2025, 5, 12)));
        assert_eq!(t("3 Mawrth 2026"), Some(d(2026, 3, 3)));
        assert_eq!(t("2025-05-12"), Some(d(2025, 5, 12)));
        assert_eq!(t("31/02/25"), None);
        assert_eq!(t("soon"), None);
        // 45789 is 2025-05-12 in Excel's 1900 date system.
        assert_eq!(
            sheet_date(&Cell::Number(45789.0), today).ok(),
            Some(d(2025, 5, 12))
        );
        assert_eq!(
            sheet_date(&Cell::Date(d(2025, 5, 12)), today).ok(),
            Some(d(2025, 5, 12))
        );
    }

    #[test]
    fn formula_escaping_round_trips() {
        for s in [
            "=HYPERLINK(\"http://x\")",
            "+44 29 2087 1234",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "'=already",
            "''",
            "'plain",
            "plain",
            "",
        ] {
            let e = escape_formula(s);
            assert!(!e.starts_with(['=', '+', '-', '@', '\t', '\r']), "{e:?}");
            assert_eq!(unescape_formula(&e), s, "{s:?}");
        }
        assert_eq!(escape_formula("+44 1"), "'+44 1");
        assert_eq!(unescape_formula("'+44 1"), "+44 1");
    }

    #[test]
    fn csv_with_tabs_or_semicolons() {
        for text in [
            "title\topened\nx\t2026-01-01\n",
            "title;opened\nx;2026-01-01\n",
        ] {
            let t = read_csv(text.as_bytes(), "t.csv").expect("reads");
            assert_eq!(t.headers, vec!["title", "opened"]);
            assert_eq!(t.rows[0].cells[1], Cell::Text("2026-01-01".into()));
            assert_eq!(t.rows[0].line, 2);
        }
    }

    #[test]
    fn an_endless_device_is_refused_after_its_first_block() {
        #[cfg(unix)]
        {
            let e = read_capped(std::path::Path::new("/dev/zero")).expect_err("binary");
            assert!(e.to_string().contains("holds binary data"), "{e}");
        }
    }

    #[test]
    fn a_file_over_the_cap_is_refused_by_its_size_unread() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("huge.csv");
        // Sparse: as large as the cap plus one, with no blocks on the disk.
        let f = std::fs::File::create(&path).expect("create");
        f.set_len(MAX_INPUT_BYTES + 1).expect("set_len");
        let e = read_capped(&path).expect_err("too big");
        assert!(e.to_string().contains("larger than 64 MB"), "{e}");
    }

    /// An endless stream of text (a FIFO fed forever) stops at the cap.
    #[cfg(unix)]
    #[test]
    fn the_cap_is_enforced_on_an_endless_stream_of_text() {
        use std::io::Write;
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("endless.csv");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("path");
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let writer_path = fifo.clone();
        let writer = std::thread::spawn(move || {
            let mut w = std::fs::OpenOptions::new()
                .write(true)
                .open(writer_path)
                .expect("open the FIFO");
            let line = b"title,opened\n".repeat(4096);
            // Until the reader stops (a broken pipe).
            while w.write_all(&line).is_ok() {}
        });
        let e = read_capped(&fifo).expect_err("too big");
        assert!(e.to_string().contains("larger than 64 MB"), "{e}");
        writer.join().expect("writer");
    }
}
