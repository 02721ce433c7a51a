//! `casebook sync`: one round with the shared hub (SPEC section 9, and
//! docs/sync.md for the design).
//!
//! Pull first, then push: a field changed here and on another device since
//! the last pull is then seen as a conflict here, both values kept, before
//! this device's value goes up. The hub settles every field by clock alike,
//! so the order devices sync in does not change where they end up.

use crate::store::hub::{Hub, PUSH_PART};
use crate::store::{SCHEMA_VERSION, Store, SyncFailure};
use crate::{Error, Result};

/// What one sync did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SyncReport {
    /// Records pushed.
    pub pushed: usize,
    /// Records pulled (this device's own changes come back once too).
    pub pulled: usize,
    /// Records created, changed or deleted here by the pull.
    pub changed: usize,
    /// Conflicts found by this sync.
    pub new_conflicts: usize,
    /// Conflicts waiting for the councillor, all told.
    pub conflicts: u64,
    /// Records erased here because they were erased elsewhere.
    pub erased: usize,
}

/// Pushes and pulls once with the hub at `url`. The diary joins the hub on
/// its first sync (every record is queued to go up). A failure is noted in
/// the diary, as a fact, for the sync status ([`Store::sync_status`]).
pub fn sync_once(store: &mut Store, url: &str) -> Result<SyncReport> {
    match sync_inner(store, url) {
        Ok(report) => {
            store.sync_succeeded()?;
            Ok(report)
        }
        Err(e) => {
            let why = match &e {
                Error::Hub { why, .. } => *why,
                _ => SyncFailure::Diary,
            };
            // The sync's own error is the one to report; if the diary cannot
            // even note it (locked, full), that shows at the next write.
            let _ = store.sync_failed(why);
            Err(e)
        }
    }
}

fn sync_inner(store: &mut Store, url: &str) -> Result<SyncReport> {
    let mut hub = Hub::connect(url)?;
    store.join_hub()?;
    let cursor = store.sync_state()?.cursor;
    let applied_upto = hub.hello(SCHEMA_VERSION, cursor)?;
    // A push the hub applied but whose answer was lost (a crash, a dropped
    // line): forget what it covered rather than send it again.
    store.acknowledge(applied_upto)?;
    // Pulled from one hub snapshot, merged in slices, each its own short
    // transaction (resuming after the last slice of a pull cut off).
    let (pulled, applied) = store.apply_pulled_from(|from, apply| hub.pull_each(from, apply))?;
    // Pushed in parts, all in one hub transaction under one mutation id:
    // the values are read a part at a time.
    let plan = store.outbox_plan()?;
    let mut pushed = 0;
    if plan.upto > 0 {
        if !plan.pending.is_empty() {
            let mut push = hub.begin_push(SCHEMA_VERSION, plan.upto)?;
            for part in plan.pending.chunks(PUSH_PART) {
                let changes = store.changes(&plan.device, part)?;
                if !changes.is_empty() {
                    push.send(&changes)?;
                    pushed += changes.len();
                }
            }
            push.commit()?;
        }
        store.acknowledge(plan.upto)?;
    }
    Ok(SyncReport {
        pushed,
        pulled,
        changed: applied.changed,
        new_conflicts: applied.conflicts,
        conflicts: store.sync_state()?.conflicts,
        erased: applied.erased,
    })
}
