//! The spreadsheet export: one row per case in exactly the import columns,
//! so that an exported file imports again.
//!
//! A cell a spreadsheet program would run as a formula (a name such as
//! `=HYPERLINK(…)` typed into a form or brought in by an import) is written
//! with a leading apostrophe, as OWASP recommends; the import takes it off
//! again, so `+44 29…` phone numbers round-trip.

use super::COLUMNS;
use crate::error::Msg;
use crate::{Error, Result};

/// One case as a spreadsheet row: a value (or blank) for each of [`COLUMNS`].
pub type CsvRow = [Option<String>; COLUMNS.len()];

/// The CSV text: the header row, then one row a case.
pub fn write(rows: &[CsvRow]) -> Result<Vec<u8>> {
    let fail = |e: csv::Error| Error::failed(Msg::new("doing-write-csv-export"), e);
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(COLUMNS).map_err(fail)?;
    for row in rows {
        w.write_record(
            row.iter()
                .map(|v| super::sheet::escape_formula(v.as_deref().unwrap_or("")).into_owned()),
        )
        .map_err(fail)?;
    }
    w.into_inner()
        .map_err(|e| Error::failed(Msg::new("doing-write-csv-export"), e))
}
