//! Schema migrations, with rusqlite_migration: it keeps the version in
//! SQLite's own `user_version` header (no bookkeeping table to get out of
//! step) and applies pending steps in one transaction, so a failed upgrade
//! leaves the file as it was.
//!
//! Each step is a committed SQL file. Never edit one that has shipped: add
//! the next. Old-schema fixtures for upgrade tests live in `tests/fixtures/`.

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use crate::{Error, Result};

const STEPS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_privacy.sql"),
];

/// The schema version this program writes.
pub const SCHEMA_VERSION: i64 = STEPS.len() as i64;

pub(crate) fn to_latest(conn: &mut Connection) -> Result<()> {
    let migrations = Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect());
    migrations.to_latest(conn).map_err(|e| match e {
        rusqlite_migration::Error::RusqliteError { err, .. } => Error::Sqlite(err),
        other => Error::invalid(format!("cannot upgrade the database: {other}")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        let migrations = Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect());
        assert!(migrations.validate().is_ok());
    }
}
