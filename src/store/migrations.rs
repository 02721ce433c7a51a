//! Schema migrations, with rusqlite_migration: it keeps the version in
//! SQLite's own `user_version` header (no bookkeeping table to get out of
//! step) and applies pending steps in one transaction, so a failed upgrade
//! leaves the file as it was.
//!
//! Each step is a committed SQL file. Never edit one that has shipped: add
//! the next.
//!
//! # Adding a schema change
//!
//! 1. Write `migrations/000N_what.sql` (plain SQL; no `BEGIN`/`COMMIT` and no
//!    `PRAGMA foreign_keys`: the step already runs inside the transaction).
//!    To change a column, follow SQLite's "create new table, copy, drop,
//!    rename" recipe in the same file, and recreate indexes and triggers.
//! 2. Append it to [`STEPS`]. [`SCHEMA_VERSION`] follows.
//! 3. Freeze the schema you are leaving: add `tests/fixtures/v{N-1}.sql`
//!    holding that version's complete schema *and* the standard fixture data
//!    (copy the latest fixture, then edit it by hand so it is exactly what
//!    the old program would have written). The existing fixtures stay as
//!    they are: every fixture must upgrade to the latest version.
//! 4. `cargo test --test upgrade` opens each fixture with the real code and
//!    checks the standard data survived; extend its assertions for whatever
//!    the step adds (a new column's default, a back-filled value).

use rusqlite::{Connection, TransactionBehavior};
use rusqlite_migration::{M, Migrations};

use crate::{Error, Result};

/// Every schema step, oldest first. Step `n` (1-based) brings the file to
/// schema version `n`.
pub const STEPS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_review.sql"),
    include_str!("migrations/0003_privacy.sql"),
    include_str!("migrations/0004_perf.sql"),
    include_str!("migrations/0005_home_and_due.sql"),
    include_str!("migrations/0006_record.sql"),
    include_str!("migrations/0007_sync.sql"),
    include_str!("migrations/0008_mail.sql"),
    include_str!("migrations/0009_sync_status.sql"),
    include_str!("migrations/0010_tallies.sql"),
    include_str!("migrations/0011_pull_resume.sql"),
    include_str!("migrations/0012_sync_attachments.sql"),
    include_str!("migrations/0013_mail_sync.sql"),
];

/// The schema version this program writes.
pub const SCHEMA_VERSION: i64 = STEPS.len() as i64;

pub(crate) fn to_latest(conn: &mut Connection) -> Result<()> {
    apply_steps(conn, STEPS)
}

/// Brings `conn` up to the last of `steps`, all in one transaction. Public
/// (hidden) only so that the upgrade tests can show a broken step rolls back.
#[doc(hidden)]
pub fn apply_steps(conn: &mut Connection, steps: &[&'static str]) -> Result<()> {
    let migrations = Migrations::new(steps.iter().map(|sql| M::up(sql)).collect());
    // Take the write lock at the start of the upgrade, so that two programs
    // opening a new or old file at once queue instead of failing half-way.
    conn.set_transaction_behavior(TransactionBehavior::Immediate);
    let result = migrations.to_latest(conn);
    conn.set_transaction_behavior(TransactionBehavior::Deferred);
    match result {
        Ok(()) => Ok(()),
        // The other program upgraded the file while we waited for the lock
        // (we read the old version before it committed): nothing left to do.
        Err(_) if user_version(conn)? == steps.len() as i64 => Ok(()),
        Err(rusqlite_migration::Error::RusqliteError { err, .. }) => Err(Error::Sqlite(err)),
        Err(other) => Err(Error::System(
            crate::error::Msg::new("error-upgrade-failed").text("detail", other.to_string()),
        )),
    }
}

fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        let migrations = Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect());
        assert!(migrations.validate().is_ok());
    }

    #[test]
    fn a_broken_step_rolls_back_every_step() {
        let mut conn = Connection::open_in_memory().expect("memory");
        let steps: Vec<&'static str> = STEPS
            .iter()
            .copied()
            .chain(["CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);"])
            .collect();
        assert!(apply_steps(&mut conn, &steps).is_err());
        assert_eq!(user_version(&conn).expect("version"), 0);
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .expect("schema");
        assert_eq!(tables, 0, "nothing of the failed upgrade is left");
    }
}
