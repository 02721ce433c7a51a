//! `casebook sync`: one round with the shared hub (SPEC section 9, and
//! docs/sync.md for the design).
//!
//! Pull first, then push: a field changed here and on another device since
//! the last pull is then seen as a conflict here, both values kept, before
//! this device's value goes up. The hub settles every field by clock alike,
//! so the order devices sync in does not change where they end up.

use crate::Result;
use crate::store::hub::Hub;
use crate::store::{SCHEMA_VERSION, Store};

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
/// its first sync (every record is queued to go up).
pub fn sync_once(store: &mut Store, url: &str) -> Result<SyncReport> {
    let mut hub = Hub::connect(url)?;
    store.join_hub()?;
    let cursor = store.sync_state()?.cursor;
    let applied_upto = hub.hello(SCHEMA_VERSION, cursor)?;
    // A push the hub applied but whose answer was lost (a crash, a dropped
    // line): forget what it covered rather than send it again.
    store.acknowledge(applied_upto)?;
    let (pulled, top) = hub.pull(cursor)?;
    let applied = if pulled.is_empty() && top == cursor {
        store.mark_synced()?;
        Default::default()
    } else {
        store.apply_pulled(&pulled, top)?
    };
    let out = store.outgoing()?;
    let mut pushed = 0;
    if out.upto > 0 {
        if !out.changes.is_empty() {
            hub.push(SCHEMA_VERSION, &out)?;
            pushed = out.changes.len();
        }
        store.acknowledge(out.upto)?;
    }
    Ok(SyncReport {
        pushed,
        pulled: pulled.len(),
        changed: applied.changed,
        new_conflicts: applied.conflicts,
        conflicts: store.sync_state()?.conflicts,
        erased: applied.erased,
    })
}
