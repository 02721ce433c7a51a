//! Reading and writing the columns every record shares.

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::Row;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ValueRef};
use uuid::Uuid;

use crate::domain::{Id, Record};

/// The current time as stored in `created_at` / `updated_at`.
pub(crate) fn stamp() -> String {
    Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

pub(crate) fn new_uuid() -> String {
    Uuid::now_v7().to_string()
}

/// A diary moment as stored: local time, to the second.
pub(crate) fn moment(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%d %H:%M:%S").to_string()
}

/// The shared leading columns, in the order [`record`] reads them.
pub(crate) const META: &str = "id, uuid, created_at, updated_at";

/// Builds a record from a row whose first four columns are [`META`].
pub(crate) fn record<T>(row: &Row<'_>, data: T) -> rusqlite::Result<Record<T>> {
    record_at(row, 0, data)
}

/// As [`record`], with the [`META`] columns starting at `offset`.
pub(crate) fn record_at<T>(row: &Row<'_>, offset: usize, data: T) -> rusqlite::Result<Record<T>> {
    Ok(Record {
        id: Id::new(row.get(offset)?),
        uuid: row.get::<_, UuidText>(offset + 1)?.0,
        created_at: row.get::<_, Stamp>(offset + 2)?.0,
        updated_at: row.get::<_, Stamp>(offset + 3)?.0,
        data,
    })
}

/// `"a, b"` with alias `c` → `"c.a, c.b"`.
pub(crate) fn prefixed(columns: &str, alias: &str) -> String {
    columns
        .split(',')
        .map(|c| format!("{alias}.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) struct UuidText(pub Uuid);

impl FromSql for UuidText {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        Uuid::parse_str(v.as_str()?)
            .map(UuidText)
            .map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

pub(crate) struct Stamp(pub DateTime<Utc>);

impl FromSql for Stamp {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        DateTime::parse_from_rfc3339(v.as_str()?)
            .map(|t| Stamp(t.with_timezone(&Utc)))
            .map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

/// Empty or blank optional text is stored as NULL, so "unknown" has one form.
pub(crate) fn opt(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// A value to bind, owned, so a table's values can be listed once and used by
/// both its INSERT and its UPDATE.
pub(crate) type Bind = Box<dyn rusqlite::ToSql>;

pub(crate) fn bind(v: impl rusqlite::ToSql + 'static) -> Bind {
    Box::new(v)
}

/// Optional text as bound: blank is NULL (see [`opt`]).
pub(crate) fn bind_opt(s: &Option<String>) -> Bind {
    Box::new(opt(s).map(str::to_string))
}

/// `?first, ?first+1, …` for `n` values.
pub(crate) fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `"a, b"` → `"a = ?first, b = ?first+1"`: an UPDATE's SET list.
pub(crate) fn assignments(columns: &str, first: usize) -> String {
    columns
        .split(',')
        .enumerate()
        .map(|(i, c)| format!("{} = ?{}", c.trim(), first + i))
        .collect::<Vec<_>>()
        .join(", ")
}
