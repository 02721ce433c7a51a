//! The SQL the store runs, and how SQLite plans it: for the tests that keep
//! the hot paths (keystrokes, frames, `log`, `due`) off full table scans
//! (tests/query_plans.rs). Recording uses SQLite's statement trace, so the
//! tests check the statements the code really runs, with no copy of the SQL
//! outside this module.

use std::cell::RefCell;

use rusqlite::trace::{TraceEvent, TraceEventCodes};
use rusqlite::types::Null;

use super::Store;
use crate::Result;

thread_local! {
    /// Distinct statements run while recording, in the order first run.
    static SEEN: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn seen(event: TraceEvent<'_>) {
    if let TraceEvent::Stmt(stmt, _) = event {
        let sql = stmt.sql().trim().to_string();
        SEEN.with(|s| {
            let mut s = s.borrow_mut();
            if !s.contains(&sql) {
                s.push(sql);
            }
        });
    }
}

impl Store {
    /// Starts recording every distinct SQL statement this store runs (on this
    /// thread). For tests only.
    #[doc(hidden)]
    pub fn start_recording(&self) {
        SEEN.with(|s| s.borrow_mut().clear());
        self.conn()
            .trace_v2(TraceEventCodes::SQLITE_TRACE_STMT, Some(seen));
    }

    /// Stops recording and returns the statements run since
    /// [`Store::start_recording`].
    #[doc(hidden)]
    pub fn stop_recording(&self) -> Vec<String> {
        self.conn().trace_v2(TraceEventCodes::empty(), None);
        SEEN.with(|s| std::mem::take(&mut *s.borrow_mut()))
    }

    /// SQLite's query plan for `sql` (`EXPLAIN QUERY PLAN`, one line per
    /// step, indented by depth), its parameters left NULL. For tests only.
    #[doc(hidden)]
    pub fn explain(&self, sql: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn().prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let nulls = vec![Null; stmt.parameter_count()];
        let rows = stmt.query_map(rusqlite::params_from_iter(nulls), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut depth: Vec<(i64, usize)> = Vec::new();
        let mut out = Vec::new();
        for row in rows {
            let (id, parent, detail) = row?;
            let level = depth
                .iter()
                .find(|(i, _)| *i == parent)
                .map_or(0, |(_, d)| d + 1);
            depth.push((id, level));
            out.push(format!("{}{detail}", "  ".repeat(level)));
        }
        Ok(out)
    }
}
