//! The spreadsheet export: one row per case in exactly the import columns,
//! so that an exported file imports again.

use super::COLUMNS;
use crate::{Error, Result};

/// One case as a spreadsheet row: a value (or blank) for each of [`COLUMNS`].
pub type CsvRow = [Option<String>; COLUMNS.len()];

/// The CSV text: the header row, then one row a case.
pub fn write(rows: &[CsvRow]) -> Result<Vec<u8>> {
    let fail = |e: csv::Error| Error::invalid(format!("cannot write the CSV export: {e}"));
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(COLUMNS).map_err(fail)?;
    for row in rows {
        w.write_record(row.iter().map(|v| v.as_deref().unwrap_or("")))
            .map_err(fail)?;
    }
    w.into_inner()
        .map_err(|e| Error::invalid(format!("cannot write the CSV export: {e}")))
}
