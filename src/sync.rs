//! `casebook sync`: one round with the shared hub (SPEC section 9, and
//! docs/sync.md for the design).
//!
//! Pull first, then push: a field changed here and on another device since
//! the last pull is then seen as a conflict here, both values kept, before
//! this device's value goes up. The hub settles every field by clock alike,
//! so the order devices sync in does not change where they end up.

use crate::store::hub::{Hub, PUSH_PART};
use crate::store::{
    Change, HUB_MAX_ATTACHMENT, Op, Received, SCHEMA_VERSION, Store, SyncFailure, too_big_for_hub,
};
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
    /// Attachments whose bytes went up to the hub.
    pub files_sent: usize,
    /// Attachments whose bytes came down and were filed here.
    pub files_received: usize,
    /// Attachments of this device's described by this push whose files are
    /// too big for the hub ([`HUB_MAX_ATTACHMENT`]): they stay here. Each is
    /// counted once, by the push that carries its description.
    pub files_not_shared: usize,
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
    let device = store.join_hub()?;
    let cursor = store.sync_state()?.cursor;
    let applied_upto = hub.hello(SCHEMA_VERSION, cursor)?;
    // The names of the devices this one hears from, for the conflicts room
    // (once a sync, so the room itself never needs the network).
    let names = hub.device_names(device)?;
    store.remember_devices(&names)?;
    // A push the hub applied but whose answer was lost (a crash, a dropped
    // line): forget what it covered rather than send it again.
    store.acknowledge(applied_upto)?;
    // Pulled from one hub snapshot, merged in slices, each its own short
    // transaction (resuming after the last slice of a pull cut off).
    let (pulled, applied) = store.apply_pulled_from(|from, apply| hub.pull_each(from, apply))?;
    // Then the bytes of attachments described by this pull or an earlier
    // one, a file at a time, each its own short diary transaction; one the
    // hub has no bytes for yet (its upload was cut off) stays due.
    let mut files_received = 0;
    for due in store.attachments_due()? {
        if let Some(data) = hub.attachment_bytes(&due.uuid)?
            && store.receive_attachment(&due.uuid, &data)? == Received::Filed
        {
            files_received += 1;
        }
    }
    // Pushed in parts, all in one hub transaction under one mutation id:
    // the values are read a part at a time.
    let plan = store.outbox_plan()?;
    let mut pushed = 0;
    let mut files_not_shared = 0;
    let mut note = |changes: &[Change]| {
        files_not_shared += changes.iter().filter(|c| file_not_shared(c)).count();
    };
    if plan.upto > 0 {
        if !plan.pending.is_empty() {
            let big = plan.pending.len() > PUSH_PART;
            let staged = big && hub.can_stage()?;
            let mut push = hub.begin_push(SCHEMA_VERSION, plan.upto)?;
            if staged {
                // A big push (a first sync): COPY into the hub, applied
                // there set-based, in the same one transaction.
                let parts = plan.pending.chunks(PUSH_PART).map(|part| {
                    let changes = store.changes(&plan.device, part)?;
                    note(&changes);
                    Ok(changes)
                });
                pushed += push.send_copy(parts)?.0;
            } else {
                // Small, or a device without the TEMPORARY privilege: the
                // parts go one call each, still one transaction.
                for part in plan.pending.chunks(PUSH_PART) {
                    let changes = store.changes(&plan.device, part)?;
                    note(&changes);
                    if !changes.is_empty() {
                        push.send(&changes)?;
                        pushed += changes.len();
                    }
                }
            }
            push.commit()?;
        }
        store.acknowledge(plan.upto)?;
    }
    // The bytes of this councillor's attachments the hub lacks, after the
    // push that described them: a file per call, each committed alone, so
    // an upload cut off carries on with the files still missing.
    let mut files_sent = 0;
    for uuid in hub.attachments_missing(HUB_MAX_ATTACHMENT)? {
        if let Some(data) = store.attachment_bytes(&uuid)?
            && data.len() <= HUB_MAX_ATTACHMENT
            && hub.put_attachment(SCHEMA_VERSION, &uuid, &data)?
        {
            files_sent += 1;
        }
    }
    Ok(SyncReport {
        pushed,
        pulled,
        changed: applied.changed,
        new_conflicts: applied.conflicts,
        conflicts: store.sync_state()?.conflicts,
        erased: applied.erased,
        files_sent,
        files_received,
        files_not_shared,
    })
}

/// True for a change that first describes an attachment too big for the
/// hub: its description goes up, its bytes never will.
fn file_not_shared(c: &Change) -> bool {
    c.kind == "attachment"
        && c.op == Op::Upsert
        && c.fields
            .get("size")
            .and_then(serde_json::Value::as_u64)
            .is_some_and(too_big_for_hub)
}

/// How one background round ended, for the UI to redraw at once (the
/// facts themselves are in the diary: [`Store::sync_status`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Round {
    Synced(SyncReport),
    Failed(SyncFailure),
}

/// Sync in the background while the terminal UI is open: a thread with its
/// own connection to the diary (never the UI's), one round at once and one
/// every `interval`. The UI never waits for the network; a pull is applied
/// in short slices, so the UI's own writes wait at most for one slice.
/// What a round did reaches the screens through the diary itself (they
/// reload when its `data_version` moves) and the header through
/// [`Store::sync_status`].
///
/// Dropping it asks the thread to stop; a round under way is not waited
/// for (quitting never waits for the network): if the process ends in the
/// middle, the next sync carries on safely (docs/sync.md, "Pull").
pub struct Background {
    stop: std::sync::mpsc::Sender<()>,
    /// One message per round, as it ends.
    pub rounds: std::sync::mpsc::Receiver<Round>,
}

impl Background {
    /// Starts background sync if the config names a hub; `None` (and no
    /// thread, no connection of any kind) when it does not.
    pub fn start(
        config: &crate::config::SyncConfig,
        db: &std::path::Path,
        key: Option<&crate::store::Passphrase>,
    ) -> Option<Background> {
        let url = config.url.clone()?;
        let interval =
            std::time::Duration::from_secs(u64::from(config.interval_minutes.max(1)) * 60);
        let db = db.to_path_buf();
        let key = key.cloned();
        let (stop, stopped) = std::sync::mpsc::channel::<()>();
        let (report, rounds) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("casebook-sync".into())
            .spawn(move || {
                // Its own connection, opened here so that keying an
                // encrypted diary never holds up the UI's first frame.
                let mut store = match Store::open_with_key(&db, key.as_ref()) {
                    Ok(store) => store,
                    Err(_) => {
                        let _ = report.send(Round::Failed(SyncFailure::Diary));
                        return;
                    }
                };
                loop {
                    let round = match sync_once(&mut store, &url) {
                        Ok(done) => Round::Synced(done),
                        Err(Error::Hub { why, .. }) => Round::Failed(why),
                        Err(_) => Round::Failed(SyncFailure::Diary),
                    };
                    if report.send(round).is_err() {
                        return; // the UI has gone
                    }
                    match stopped.recv_timeout(interval) {
                        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                        _ => return,
                    }
                }
            });
        // A thread the system will not give us: the UI works on without
        // background sync (`casebook sync` still works from the shell).
        spawned.ok().map(|_| Background { stop, rounds })
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        let _ = self.stop.send(());
    }
}
