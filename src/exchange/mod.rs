//! Moving casework in and out of the diary: the spreadsheet (CSV) import and
//! export of SPEC section 4, and the lossless JSON export. Parsing and
//! formatting only; the store (`store/exchange.rs`) does the SQL.

pub mod csv_export;
pub mod csv_import;
pub mod json;
pub mod sheet;
pub mod words;

/// The spreadsheet columns of SPEC section 4, in order. The CSV export writes
/// exactly these, so an exported file imports again.
pub const COLUMNS: &[&str] = &[
    "reference",
    "opened",
    "closed",
    "title",
    "kind",
    "category",
    "channel",
    "status",
    "outcome",
    "satisfaction",
    "location",
    "postcode",
    "constituent_name",
    "constituent_email",
    "constituent_phone",
    "constituent_address",
    "gender",
    "age_band",
    "ethnicity",
    "employment_status",
    "on_behalf_of",
    "notes",
];

/// What an import file holds, judged by its content rather than its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Csv,
    /// A casebook JSON export.
    Json,
}

/// A JSON export starts (after any byte-order mark and white space) with `{`;
/// a spreadsheet's header row never does.
pub fn detect(bytes: &[u8]) -> FileKind {
    match strip_bom(bytes).iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => FileKind::Json,
        _ => FileKind::Csv,
    }
}

/// Excel saves "CSV UTF-8" with a byte-order mark: it is not part of the text.
pub fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_json_by_content() {
        assert_eq!(detect(b"\xEF\xBB\xBF  \n{\"format\":1}"), FileKind::Json);
        assert_eq!(detect(b"title,opened\n"), FileKind::Csv);
        assert_eq!(detect(b""), FileKind::Csv);
    }
}
