//! The diary's side of sync with a shared hub (SPEC section 9): what the
//! outbox holds, and how pulled records are merged in.
//!
//! The outbox is written by triggers (schema 7) in the transaction of every
//! local write, once the diary has joined a hub. It records which fields of
//! which record changed and a hybrid logical clock (HLC) reading; the values
//! are read from the record when pushed, so a field written ten times is sent
//! once, with its latest value and clock.
//!
//! Records travel as JSON objects of their columns, with a foreign key sent
//! as the UUID of the record it points to (local integer ids differ between
//! devices). Merging is per field, last writer wins by HLC stamp; a field
//! changed here (still in the outbox) and on another device since the last
//! pull becomes a row of `sync_conflicts`, both values kept.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde_json::{Map, Value};
use uuid::Uuid;

use super::Store;
use super::rows::stamp;
use crate::domain::{Case, Entry, Id};
use crate::error::Msg;
use crate::{Error, Result};

/// One synced table: its name, the record kind that names it in the outbox
/// and on the hub, its columns (all but `id`), and which columns point at
/// which table.
pub struct Table {
    pub name: &'static str,
    pub kind: &'static str,
    pub columns: &'static [&'static str],
    pub refs: &'static [(&'static str, &'static str)],
}

/// Every synced table, parents before children: pulled records are applied
/// in this order so a foreign key finds its target.
pub const TABLES: &[Table] = &[
    Table {
        name: "surgeries",
        kind: "surgery",
        columns: &[
            "uuid",
            "created_at",
            "updated_at",
            "held_on",
            "venue",
            "started_at",
            "ended_at",
            "notes",
        ],
        refs: &[],
    },
    Table {
        name: "contacts",
        kind: "contact",
        columns: &[
            "uuid",
            "created_at",
            "updated_at",
            "name",
            "name_fold",
            "kind",
            "organisation",
            "department",
            "role",
            "address",
            "postcode",
            "phone",
            "email",
            "preferred_contact",
            "gender",
            "age_band",
            "ethnicity",
            "employment_status",
            "caution",
            "notes",
            "language",
        ],
        refs: &[],
    },
    Table {
        name: "directory",
        kind: "directory",
        columns: &[
            "uuid",
            "created_at",
            "updated_at",
            "contact_id",
            "handles",
            "categories",
        ],
        refs: &[("contact_id", "contacts")],
    },
    Table {
        name: "cases",
        kind: "case",
        columns: &[
            "uuid",
            "created_at",
            "updated_at",
            "reference",
            "title",
            "opened",
            "closed",
            "kind",
            "category",
            "channel",
            "location",
            "postcode",
            "area",
            "facts",
            "wants",
            "history",
            "others_involved",
            "status",
            "outcome",
            "satisfaction",
            "feedback",
            "promised_by",
            "consent_to_share",
            "surgery_id",
            "publicise",
            "contacted_on",
            "consent_on",
            "outcome_note",
            "shared",
        ],
        refs: &[("surgery_id", "surgeries")],
    },
    Table {
        name: "case_people",
        kind: "case_person",
        columns: &[
            "uuid",
            "created_at",
            "updated_at",
            "case_id",
            "contact_id",
            "role",
        ],
        refs: &[("case_id", "cases"), ("contact_id", "contacts")],
    },
    Table {
        name: "entries",
        kind: "entry",
        columns: &[
            "uuid",
            "created_at",
            "updated_at",
            "case_id",
            "contact_id",
            "kind",
            "at",
            "text",
            "confidential",
            "surgery_id",
            "draft",
        ],
        refs: &[
            ("case_id", "cases"),
            ("contact_id", "contacts"),
            ("surgery_id", "surgeries"),
        ],
    },
    Table {
        name: "referrals",
        kind: "referral",
        columns: &[
            "uuid",
            "created_at",
            "updated_at",
            "case_id",
            "to_contact_id",
            "referred_on",
            "council_ref",
            "instruction",
            "note",
            "constituent_copied",
            "due_on",
            "reply_on",
            "reply",
        ],
        refs: &[("case_id", "cases"), ("to_contact_id", "contacts")],
    },
    Table {
        name: "follow_ups",
        kind: "follow_up",
        columns: &[
            "uuid",
            "created_at",
            "updated_at",
            "case_id",
            "contact_id",
            "entry_id",
            "due_on",
            "what",
            "done_on",
        ],
        refs: &[
            ("case_id", "cases"),
            ("contact_id", "contacts"),
            ("entry_id", "entries"),
        ],
    },
    Table {
        name: "sar_requests",
        kind: "sar_request",
        columns: &[
            "uuid",
            "created_at",
            "updated_at",
            "contact_id",
            "requested_on",
            "respond_by",
            "answered_on",
        ],
        refs: &[("contact_id", "contacts")],
    },
    // The description of a file on an entry; its bytes travel apart (one
    // file per hub call, see `Hub::put_attachment`), never in a push.
    Table {
        name: "attachments",
        kind: "attachment",
        columns: &[
            "uuid",
            "created_at",
            "updated_at",
            "entry_id",
            "filename",
            "content_type",
            "size",
            "sha256",
        ],
        refs: &[("entry_id", "entries")],
    },
    // An email's own fields, beside its entry (schema 13): written with the
    // entry and, like it, never a conflict. Last, so that a pull
    // cut off by a schema-12 casebook and resumed by this one (which resumes
    // by each kind's place in this list) still receives them.
    Table {
        name: "entry_mail",
        kind: "entry_mail",
        columns: &[
            "uuid",
            "created_at",
            "updated_at",
            "entry_id",
            "message_key",
            "sender",
            "recipients",
            "cc",
            "subject",
        ],
        refs: &[("entry_id", "entries")],
    },
];

/// Columns of synced tables that never travel as fields: an attachment's
/// bytes go to the hub by themselves.
pub const LOCAL_ONLY: &[(&str, &str)] = &[("attachments", "data")];

/// The hub keeps no file bigger than this (one row per file, sent in one
/// call of its own): a bigger one stays on the device that took it in.
/// Above the default `max_attachment_mb` (25).
pub const HUB_MAX_ATTACHMENT: usize = 32 * 1024 * 1024;

/// In a due attachment's description (`sync_attachments_due.record`): the
/// id of the device whose push described it, the one that took it in.
const TAKEN_IN_BY: &str = "_taken_in_by";

/// True when the hub never keeps the bytes of a file of `size` bytes: the
/// cap is the same constant on every device and in `hub.sql`, so a device
/// that pulls such a description knows at once the bytes will not come.
pub fn too_big_for_hub(size: u64) -> bool {
    size > HUB_MAX_ATTACHMENT as u64
}

/// Records fetched from the hub per round trip while pulling, and applied
/// per diary transaction: a slice applies in well under a second, so other
/// writers never wait long for the diary.
pub const PULL_BATCH: usize = 500;

/// A pulled slice of at least this many records indexes its new rows for
/// search at its end rather than row by row.
const DEFER_INDEX_FROM: usize = 100;

/// Columns merged by clock alone, never shown as a conflict: the record's
/// own stamps, and columns derived from another (the folded name, the area)
/// whose source field raises the conflict.
const QUIET_FIELDS: &[&str] = &["created_at", "updated_at", "name_fold", "area"];

/// Kinds that are written once and never edited by two people (a diary
/// entry, an email's own fields): they follow the clock and never raise a
/// conflict. Only an erasure changes them after they are written.
fn append_only(kind: &str) -> bool {
    matches!(kind, "entry" | "entry_mail")
}

/// The table of a record kind.
pub fn table_of(kind: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.kind == kind)
}

fn table(kind: &str) -> Result<&'static Table> {
    table_of(kind)
        .ok_or_else(|| Error::System(Msg::new("error-hub-unknown-kind").text("kind", kind)))
}

/// A clock stamp as compared on the hub: the HLC reading, zero-padded so
/// that text order is time order, then the device id as the tie-break.
pub fn stamp_of(hlc: i64, device: &str) -> String {
    format!("{hlc:020}:{device}")
}

/// The HLC reading and device of a stamp.
fn parse_stamp(s: &str) -> Option<(i64, &str)> {
    let (hlc, device) = s.split_once(':')?;
    Some((hlc.parse().ok()?, device))
}

/// What one sync found in the diary before it started.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SyncState {
    /// This diary's device id, once it has joined a hub.
    pub device: Option<Uuid>,
    /// The hub version pulled up to.
    pub cursor: i64,
    /// Records with changes not yet pushed.
    pub waiting: u64,
    /// Conflicts waiting for the councillor.
    pub conflicts: u64,
    /// When the last sync finished (UTC, RFC 3339).
    pub synced_at: Option<String>,
}

pub use crate::error::SyncFailure;

/// The sync status as facts (no words): what the header shows as "synced 2
/// min ago", "offline — 14 changes waiting" or "1 conflict".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SyncStatus {
    /// The diary has joined a hub (it has synced, or tried to, at least once).
    pub joined: bool,
    /// When the last sync succeeded.
    pub synced_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Records with changes not yet on the hub.
    pub waiting: u64,
    /// Conflicts waiting for the councillor.
    pub conflicts: u64,
    /// The last failed sync since the last success: why, and when.
    pub failure: Option<(SyncFailure, chrono::DateTime<chrono::Utc>)>,
}

/// What a local change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Op {
    Upsert,
    Delete,
    Erase,
}

impl Op {
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Upsert => "upsert",
            Op::Delete => "delete",
            Op::Erase => "erase",
        }
    }
}

/// One record's changes, ready to push.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub kind: &'static str,
    pub uuid: String,
    pub op: Op,
    /// Changed fields and their current values (foreign keys as UUIDs).
    pub fields: Map<String, Value>,
    /// Each field's clock stamp.
    pub clocks: Map<String, Value>,
}

/// The outbox as of one moment: its changes and the last row they cover.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outgoing {
    /// The last outbox row covered; the hub acknowledges up to it, and it is
    /// this push's mutation id (it only grows).
    pub upto: i64,
    pub changes: Vec<Change>,
}

/// One record's pending change, before its values are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub kind: &'static str,
    pub uuid: String,
    pub op: Op,
    /// The first outbox row of it, for the order of the push.
    first: i64,
    /// The clock of an insert (every field), if there was one.
    all: Option<i64>,
    /// Fields an update changed, with the clock of their last change.
    fields: BTreeMap<String, i64>,
}

/// The outbox as of one moment, values not yet read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OutboxPlan {
    /// This diary's device id, for the clock stamps.
    pub device: String,
    /// The last outbox row covered: the push's mutation id.
    pub upto: i64,
    pub pending: Vec<Pending>,
}

/// One record as the hub holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Remote {
    pub kind: String,
    pub uuid: String,
    pub data: Map<String, Value>,
    pub clocks: Map<String, Value>,
    /// The hub version at which each field last changed.
    pub versions: Map<String, Value>,
    pub deleted: bool,
    pub erased: bool,
    /// The hub version of the record's last change.
    pub version: i64,
}

/// Where a pull starts: after the cursor, and, if the last pull was cut
/// off between slices, after the last record it applied.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PullFrom {
    /// The hub version pulled up to in full.
    pub cursor: i64,
    pub resume: Option<Resume>,
}

/// The last record an interrupted pull applied, in the hub's order (kind in
/// the order of [`TABLES`], then version, then UUID), and the hub version
/// that pull read up to. A record at or before it whose version is at most
/// `top` is in the diary as it is on the hub; any other is still to come
/// (one changed since has a later version, so it is sent again).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resume {
    pub top: i64,
    pub kind: String,
    pub version: i64,
    pub uuid: String,
}

impl Resume {
    /// The position of the kind in the hub's order (1-based, as
    /// PostgreSQL's `array_position`).
    pub fn kind_position(&self) -> i32 {
        kind_position(&self.kind)
    }
}

/// A kind's place in the pull order, 1-based (`array_position`).
pub fn kind_position(kind: &str) -> i32 {
    TABLES
        .iter()
        .position(|t| t.kind == kind)
        .map_or(i32::MAX, |i| i as i32 + 1)
}

/// What a pull changed in the diary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Applied {
    /// Records created, changed or deleted here.
    pub changed: usize,
    /// New conflicts.
    pub conflicts: usize,
    /// Records erased here because they were erased elsewhere.
    pub erased: usize,
}

/// A field changed on two devices since they last agreed.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub id: i64,
    pub kind: String,
    pub uuid: String,
    /// The case it concerns, for the list: its reference (the case itself or
    /// the case an entry, referral or follow-up is on).
    pub case: Option<String>,
    pub field: String,
    pub local: Value,
    pub remote: Value,
    /// True when the clocks kept the other device's value meanwhile.
    pub kept_remote: bool,
    /// When this device found it (UTC, RFC 3339).
    pub found_at: Option<String>,
    /// The name on the hub of the device whose value it is, once this
    /// diary has heard it (`None` for a device it has not).
    pub device: Option<String>,
    /// The person's name, when the record is a contact.
    pub name: Option<String>,
}

/// Which value of a conflict the councillor chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Local,
    Remote,
}

fn to_json(v: SqlValue) -> Value {
    match v {
        SqlValue::Null => Value::Null,
        SqlValue::Integer(i) => Value::from(i),
        SqlValue::Real(f) => Value::from(f),
        SqlValue::Text(s) => Value::from(s),
        // No synced column holds a blob.
        SqlValue::Blob(_) => Value::Null,
    }
}

fn to_sql(v: &Value) -> SqlValue {
    match v {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::Number(n) => n
            .as_i64()
            .map(SqlValue::Integer)
            .or_else(|| n.as_f64().map(SqlValue::Real))
            .unwrap_or(SqlValue::Null),
        Value::String(s) => SqlValue::Text(s.clone()),
        other => SqlValue::Text(other.to_string()),
    }
}

/// `SELECT` of a table's columns with foreign keys as UUIDs.
fn select_sql(t: &Table) -> String {
    let cols = t
        .columns
        .iter()
        .map(|c| match t.refs.iter().find(|(col, _)| col == c) {
            Some((col, target)) => format!("(SELECT uuid FROM {target} WHERE id = t.{col})"),
            None => format!("t.{c}"),
        })
        .collect::<Vec<_>>()
        .join(", ");
    format!("SELECT {cols} FROM {} t WHERE t.uuid = ?1", t.name)
}

/// A record's columns as JSON (foreign keys as UUIDs); `None` if it is gone.
fn read_record(conn: &Connection, t: &Table, uuid: &str) -> Result<Option<Map<String, Value>>> {
    let mut stmt = conn.prepare_cached(&select_sql(t))?;
    Ok(stmt
        .query_row([uuid], |r| {
            let mut m = Map::new();
            for (i, c) in t.columns.iter().enumerate() {
                m.insert((*c).to_string(), to_json(r.get::<_, SqlValue>(i)?));
            }
            Ok(m)
        })
        .optional()?)
}

fn sync_clock(conn: &Connection) -> Result<(Option<String>, i64, i64)> {
    Ok(
        conn.query_row("SELECT device, hlc, cursor FROM sync_clock", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?,
    )
}

impl Store {
    /// The device, cursor, waiting changes and conflicts of this diary.
    pub fn sync_state(&self) -> Result<SyncState> {
        let conn = self.conn();
        let (device, cursor, synced_at): (Option<String>, i64, Option<String>) = conn.query_row(
            "SELECT device, cursor, synced_at FROM sync_clock",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let waiting: u64 = conn.query_row(
            "SELECT count(*) FROM (SELECT DISTINCT kind, uuid FROM sync_outbox)",
            [],
            |r| r.get(0),
        )?;
        let conflicts: u64 =
            conn.query_row("SELECT count(*) FROM sync_conflicts", [], |r| r.get(0))?;
        Ok(SyncState {
            device: device.and_then(|d| Uuid::parse_str(&d).ok()),
            cursor,
            waiting,
            conflicts,
            synced_at,
        })
    }

    /// Joins this diary to a hub as a new device: change capture starts, and
    /// every record already in the diary is queued for the first push. Does
    /// nothing if the diary has already joined.
    pub fn join_hub(&mut self) -> Result<Uuid> {
        self.write(|tx| {
            if let (Some(device), _, _) = sync_clock(tx)?
                && let Ok(id) = Uuid::parse_str(&device)
            {
                return Ok(id);
            }
            let device = Uuid::now_v7();
            tx.execute(
                "UPDATE sync_clock SET device = ?1, capture = 1, \
                 hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, hlc + 1)",
                [device.to_string()],
            )?;
            for t in TABLES {
                tx.execute(
                    &format!(
                        "INSERT INTO sync_outbox (kind, uuid, op, hlc) \
                         SELECT '{}', uuid, 'insert', (SELECT hlc FROM sync_clock) FROM {} ORDER BY id",
                        t.kind, t.name
                    ),
                    [],
                )?;
            }
            // Erased records stay erased on the hub too.
            tx.execute(
                "INSERT INTO sync_outbox (kind, uuid, op, hlc) \
                 SELECT DISTINCT kind, uuid, 'erase', (SELECT hlc FROM sync_clock) FROM audit \
                 WHERE action = 'erase' AND uuid IS NOT NULL",
                [],
            )?;
            Ok(device)
        })
    }

    /// What the outbox holds, one pending change per record and operation,
    /// in the order they must reach the hub; the values are read later, a
    /// part at a time ([`Store::changes`]), so a first sync of a big diary
    /// never holds all of it in memory.
    pub fn outbox_plan(&self) -> Result<OutboxPlan> {
        let conn = self.conn();
        let (device, _, _) = sync_clock(conn)?;
        let device = device.ok_or_else(|| Error::user(Msg::new("error-not-joined")))?;
        let mut by_record: HashMap<(&'static str, String, Op), Pending> = HashMap::new();
        let mut upto = 0;
        let mut stmt =
            conn.prepare("SELECT id, kind, uuid, op, fields, hlc FROM sync_outbox ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (id, kind, uuid, op, fields, hlc): (
                i64,
                String,
                String,
                String,
                Option<String>,
                i64,
            ) = (
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            );
            upto = id;
            let kind = table(&kind)?.kind;
            let op = match op.as_str() {
                "delete" => Op::Delete,
                "erase" => Op::Erase,
                _ => Op::Upsert,
            };
            let p = by_record
                .entry((kind, uuid.clone(), op))
                .or_insert(Pending {
                    kind,
                    uuid,
                    op,
                    first: id,
                    all: None,
                    fields: BTreeMap::new(),
                });
            match fields {
                None => p.all = Some(p.all.map_or(hlc, |a| a.max(hlc))),
                Some(f) => {
                    for name in f.split(',').filter(|s| !s.is_empty()) {
                        let e = p.fields.entry(name.to_string()).or_insert(hlc);
                        *e = (*e).max(hlc);
                    }
                }
            }
        }
        let mut pending: Vec<Pending> = by_record.into_values().collect();
        // Parents first, then by operation (an erasure after the anonymised
        // values it protects), then in the order they happened.
        pending.sort_by_key(|p| {
            (
                TABLES
                    .iter()
                    .position(|t| t.kind == p.kind)
                    .unwrap_or(usize::MAX),
                p.op,
                p.first,
            )
        });
        Ok(OutboxPlan {
            device,
            upto,
            pending,
        })
    }

    /// The changes of part of a plan, with the current values of their
    /// changed fields (a record deleted since has none: its delete follows).
    pub fn changes(&self, device: &str, part: &[Pending]) -> Result<Vec<Change>> {
        let conn = self.conn();
        let mut changes = Vec::with_capacity(part.len());
        for p in part {
            let t = table(p.kind)?;
            let mut fields = Map::new();
            let mut clocks = Map::new();
            if p.op == Op::Upsert {
                let Some(row) = read_record(conn, t, &p.uuid)? else {
                    continue;
                };
                for (name, value) in row {
                    let hlc = match (p.fields.get(&name), p.all) {
                        (Some(h), Some(a)) => (*h).max(a),
                        (Some(h), None) => *h,
                        (None, Some(a)) => a,
                        (None, None) => continue,
                    };
                    clocks.insert(name.clone(), Value::from(stamp_of(hlc, device)));
                    fields.insert(name, value);
                }
                if fields.is_empty() {
                    continue;
                }
            }
            changes.push(Change {
                kind: t.kind,
                uuid: p.uuid.clone(),
                op: p.op,
                fields,
                clocks,
            });
        }
        Ok(changes)
    }

    /// Everything in the outbox, one change per record and operation, with
    /// the current values of the changed fields.
    pub fn outgoing(&self) -> Result<Outgoing> {
        let plan = self.outbox_plan()?;
        Ok(Outgoing {
            upto: plan.upto,
            changes: self.changes(&plan.device, &plan.pending)?,
        })
    }

    /// The hub has the outbox up to `upto`: forget it.
    pub fn acknowledge(&mut self, upto: i64) -> Result<()> {
        self.write(|tx| {
            tx.execute("DELETE FROM sync_outbox WHERE id <= ?1", [upto])?;
            Ok(())
        })
    }

    /// Merges records pulled from the hub into the diary, records nothing in
    /// the outbox, and moves the cursor to `cursor`. If anything was erased,
    /// the file is then scrubbed so the bytes go.
    pub fn apply_pulled(&mut self, pulled: &[Remote], cursor: i64) -> Result<Applied> {
        let mut order: Vec<Remote> = pulled.to_vec();
        order.sort_by_key(|r| kind_position(&r.kind));
        let (_, applied) = self.apply_pulled_from(|_, apply| {
            for slice in order.chunks(PULL_BATCH) {
                apply(cursor, slice)?;
            }
            Ok((order.len(), cursor))
        })?;
        Ok(applied)
    }

    /// Where the next pull starts: the cursor, and where an interrupted pull
    /// stopped.
    pub fn pull_from(&self) -> Result<PullFrom> {
        let (cursor, top, kind, version, uuid): (
            i64,
            Option<i64>,
            Option<String>,
            Option<i64>,
            Option<String>,
        ) = self.conn().query_row(
            "SELECT cursor, pull_top, pull_kind, pull_version, pull_uuid FROM sync_clock",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
        let resume = match (top, kind, version, uuid) {
            (Some(top), Some(kind), Some(version), Some(uuid)) if top > cursor => Some(Resume {
                top,
                kind,
                version,
                uuid,
            }),
            _ => None,
        };
        Ok(PullFrom { cursor, resume })
    }

    /// Merges what `pull` hands over, slice by slice, parents before
    /// children across all slices, as the hub sends them. `pull` is told
    /// where to start ([`Store::pull_from`]) and calls back with the hub
    /// version it reads up to and each slice; it returns how many records
    /// came and that version, which becomes the cursor.
    ///
    /// Each slice is its own short transaction, which records nothing in the
    /// outbox and notes the last record applied, so a first sync of a big
    /// diary never keeps other writers (the screens, a `casebook log`)
    /// waiting past their busy timeout, and a pull cut off between slices
    /// resumes after the last one applied. If anything was erased, the file
    /// is then scrubbed so the bytes go (the wipe is recorded as owed before
    /// the slice that erases commits, as an erasure here does).
    pub fn apply_pulled_from(
        &mut self,
        pull: impl FnOnce(
            &PullFrom,
            &mut dyn FnMut(i64, &[Remote]) -> Result<()>,
        ) -> Result<(usize, i64)>,
    ) -> Result<(usize, Applied)> {
        // A first sync writes a whole diary: the bulk writer's page cache,
        // for this pull only (a setting of this connection, so an idle sync
        // writes nothing for it).
        let before: i64 = self
            .conn()
            .query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        self.conn()
            .pragma_update(None, "cache_size", -super::bulk::BULK_CACHE_KIB)?;
        let result = self.apply_pulled_in(pull);
        self.conn().pragma_update(None, "cache_size", before)?;
        result
    }

    fn apply_pulled_in(
        &mut self,
        pull: impl FnOnce(
            &PullFrom,
            &mut dyn FnMut(i64, &[Remote]) -> Result<()>,
        ) -> Result<(usize, i64)>,
    ) -> Result<(usize, Applied)> {
        let from = self.pull_from()?;
        let (device, _, old_cursor) = sync_clock(self.conn())?;
        let device = device.ok_or_else(|| Error::user(Msg::new("error-not-joined")))?;
        // Every statement of the merge is prepared once for the whole pull
        // (a few per table).
        self.conn().set_prepared_statement_cache_capacity(128);
        let marker = self.path().map(super::wipe_marker);
        let was_pending = marker.as_deref().is_some_and(std::path::Path::exists);
        let mut marked = false;
        let mut applied = Applied::default();
        // The resume point only moves forward: until this pull passes the
        // one it resumed from, that one still says what is in.
        let mut passed = from.resume.is_none();
        let resumed_at = from
            .resume
            .as_ref()
            .map(|r| (r.kind_position(), r.version, r.uuid.clone()));
        let (count, cursor) = pull(&from, &mut |top: i64, slice: &[Remote]| -> Result<()> {
            let Some(last) = slice.last() else {
                return Ok(());
            };
            if !marked && slice.iter().any(|r| r.erased) {
                if let Some(m) = &marker {
                    super::privacy::mark(m)?;
                }
                marked = true;
            }
            let at = (kind_position(&last.kind), last.version, last.uuid.clone());
            passed = passed || resumed_at.as_ref().is_none_or(|r| at >= *r);
            self.write(|tx| {
                tx.execute("UPDATE sync_clock SET capture = 0", [])?;
                // A big slice (a first sync) indexes its new rows for search
                // once at its end, as the bulk writer does, rather than one
                // index segment per row; within this transaction, so other
                // writers and a crash never see the triggers lifted.
                let deferred = if slice.len() >= DEFER_INDEX_FROM {
                    Some((
                        super::bulk::first_ids(tx)?,
                        super::bulk::DeferredIndex::begin(tx)?,
                    ))
                } else {
                    None
                };
                let mut hlc = 0;
                for r in slice {
                    let t = table(&r.kind)?;
                    for c in r.clocks.values() {
                        if let Some((h, _)) = c.as_str().and_then(parse_stamp) {
                            hlc = hlc.max(h);
                        }
                    }
                    apply_one(tx, t, r, &device, old_cursor, &mut applied)?;
                }
                if let Some((first, index)) = deferred {
                    index.finish_missing(tx, &first)?;
                }
                tx.execute(
                    "UPDATE sync_clock SET capture = 1, hlc = max(hlc, ?1)",
                    [hlc],
                )?;
                if passed {
                    tx.execute(
                        "UPDATE sync_clock SET pull_top = ?1, pull_kind = ?2, pull_version = ?3, \
                         pull_uuid = ?4",
                        params![top, last.kind, last.version, last.uuid],
                    )?;
                }
                Ok(())
            })
        })?;
        self.write(|tx| {
            tx.execute(
                "UPDATE sync_clock SET cursor = max(cursor, ?1), pull_top = NULL, pull_kind = NULL, \
                 pull_version = NULL, pull_uuid = NULL",
                [cursor],
            )?;
            // The cursor now covers every version a cut-off pull noted.
            tx.execute("DELETE FROM sync_seen", [])?;
            Ok(())
        })?;
        if applied.erased > 0 {
            self.finish_pending_wipe()?;
        } else if let Some(m) = marker.filter(|_| marked && !was_pending) {
            // Nothing new was erased here: no wipe is owed for this pull.
            let _ = std::fs::remove_file(m);
        }
        Ok((count, applied))
    }

    /// Notes a sync that went through: when, for the status line, and that
    /// the last failure is over.
    pub fn sync_succeeded(&mut self) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE sync_clock SET synced_at = ?1, failed_at = NULL, failure = NULL",
                [stamp()],
            )?;
            Ok(())
        })
    }

    /// Notes a sync that failed, and why (the words are the caller's).
    pub fn sync_failed(&mut self, why: SyncFailure) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE sync_clock SET failed_at = ?1, failure = ?2",
                params![stamp(), why.as_str()],
            )?;
            Ok(())
        })
    }

    /// The sync status as facts, for the header and `casebook sync
    /// --status`: when the last sync succeeded, changes waiting to go,
    /// conflicts to settle, and the last failure since then. Costs a read
    /// of the outbox (its size, never the diary's) and the conflicts.
    pub fn sync_status(&self) -> Result<SyncStatus> {
        let state = self.sync_state()?;
        let (failed_at, failure): (Option<String>, Option<String>) =
            self.conn()
                .query_row("SELECT failed_at, failure FROM sync_clock", [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
        let when = |s: Option<String>| {
            s.and_then(|s| chrono::DateTime::parse_from_rfc3339(&s).ok())
                .map(|d| d.with_timezone(&chrono::Utc))
        };
        Ok(SyncStatus {
            joined: state.device.is_some(),
            synced_at: when(state.synced_at),
            waiting: state.waiting,
            conflicts: state.conflicts,
            failure: match (
                failure.as_deref().and_then(SyncFailure::parse),
                when(failed_at),
            ) {
                (Some(why), Some(at)) => Some((why, at)),
                _ => None,
            },
        })
    }

    /// The conflicts waiting for the councillor, oldest first.
    pub fn conflicts(&self) -> Result<Vec<Conflict>> {
        let mut stmt = self.conn().prepare(
            "SELECT c.id, c.kind, c.uuid, c.field, c.local_value, c.remote_value, c.kept, c.found_at, \
             d.name FROM sync_conflicts c LEFT JOIN sync_devices d ON d.device = c.remote_device \
             ORDER BY c.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, Option<String>>(7)?,
                r.get::<_, Option<String>>(8)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, kind, uuid, field, local, remote, kept, found_at, device) = row?;
            let parse = |s: Option<String>| {
                s.and_then(|s| serde_json::from_str(&s).ok())
                    .unwrap_or(Value::Null)
            };
            let name = match kind.as_str() {
                "contact" => self
                    .conn()
                    .query_row("SELECT name FROM contacts WHERE uuid = ?1", [&uuid], |r| {
                        r.get(0)
                    })
                    .optional()?,
                _ => None,
            };
            out.push(Conflict {
                case: case_reference(self.conn(), &kind, &uuid)?,
                name,
                id,
                kind,
                uuid,
                field,
                local: parse(local),
                remote: parse(remote),
                kept_remote: kept == "remote",
                found_at,
                device,
            });
        }
        Ok(out)
    }

    /// Settles a conflict with the value the councillor chose: written as a
    /// new local change, so it wins on every device at their next sync.
    pub fn resolve_conflict(&mut self, id: i64, choice: Choice) -> Result<()> {
        let found = self
            .conflicts()?
            .into_iter()
            .find(|c| c.id == id)
            .ok_or_else(|| Error::NotFound {
                what: "conflict",
                name: id.to_string(),
            })?;
        let t = table(&found.kind)?;
        let value = match choice {
            Choice::Local => found.local,
            Choice::Remote => found.remote,
        };
        self.write(|tx| {
            let v = local_value(tx, t, &found.field, &value)?;
            // Recorded even when the value is unchanged here, so that the
            // choice gets a new clock reading and wins everywhere.
            tx.execute(
                &format!("UPDATE {} SET {} = ?2 WHERE uuid = ?1", t.name, found.field),
                params![found.uuid, v],
            )?;
            tx.execute(
                "INSERT INTO sync_outbox (kind, uuid, op, fields, hlc) SELECT ?1, ?2, 'update', ?3, \
                 max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, hlc + 1) FROM sync_clock \
                 WHERE capture = 1",
                params![t.kind, found.uuid, found.field],
            )?;
            tx.execute(
                "UPDATE sync_clock SET hlc = (SELECT max(hlc) FROM sync_outbox) WHERE capture = 1 \
                 AND EXISTS (SELECT 1 FROM sync_outbox)",
                [],
            )?;
            tx.execute("DELETE FROM sync_conflicts WHERE id = ?1", [id])?;
            Ok(())
        })
    }
}

/// A pulled value as stored here: a foreign key's UUID becomes the local id
/// (NULL when that record is not in this diary).
fn local_value(conn: &Connection, t: &Table, field: &str, v: &Value) -> Result<SqlValue> {
    if let Some((_, target)) = t.refs.iter().find(|(c, _)| *c == field) {
        let Some(uuid) = v.as_str() else {
            return Ok(SqlValue::Null);
        };
        let id: Option<i64> = conn
            .prepare_cached(&format!("SELECT id FROM {target} WHERE uuid = ?1"))?
            .query_row([uuid], |r| r.get(0))
            .optional()?;
        return Ok(id.map_or(SqlValue::Null, SqlValue::Integer));
    }
    Ok(to_sql(v))
}

/// The reference of the case a record concerns.
fn case_reference(conn: &Connection, kind: &str, uuid: &str) -> Result<Option<String>> {
    let sql = match kind {
        "case" => "SELECT reference FROM cases WHERE uuid = ?1",
        "entry" | "referral" | "follow_up" | "case_person" => {
            let t = match kind {
                "entry" => "entries",
                "referral" => "referrals",
                "follow_up" => "follow_ups",
                _ => "case_people",
            };
            return Ok(conn
                .query_row(
                    &format!("SELECT c.reference FROM {t} x JOIN cases c ON c.id = x.case_id WHERE x.uuid = ?1"),
                    [uuid],
                    |r| r.get(0),
                )
                .optional()?);
        }
        _ => return Ok(None),
    };
    Ok(conn.query_row(sql, [uuid], |r| r.get(0)).optional()?)
}

/// Local pending changes of one record: field → HLC (every column for an
/// insert), and whether a delete is pending.
fn pending_of(
    tx: &Transaction<'_>,
    t: &Table,
    uuid: &str,
) -> Result<(BTreeMap<String, i64>, bool)> {
    let mut stmt =
        tx.prepare_cached("SELECT op, fields, hlc FROM sync_outbox WHERE kind = ?1 AND uuid = ?2")?;
    let mut rows = stmt.query(params![t.kind, uuid])?;
    let mut fields = BTreeMap::new();
    let mut deleted = false;
    while let Some(r) = rows.next()? {
        let (op, f, hlc): (String, Option<String>, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
        match (op.as_str(), f) {
            ("delete", _) => deleted = true,
            ("erase", _) => {}
            (_, None) => {
                for c in t.columns {
                    let e = fields.entry((*c).to_string()).or_insert(hlc);
                    *e = (*e).max(hlc);
                }
            }
            (_, Some(f)) => {
                for c in f.split(',').filter(|s| !s.is_empty()) {
                    let e = fields.entry(c.to_string()).or_insert(hlc);
                    *e = (*e).max(hlc);
                }
            }
        }
    }
    Ok((fields, deleted))
}

fn apply_one(
    tx: &Transaction<'_>,
    t: &Table,
    r: &Remote,
    device: &str,
    cursor: i64,
    applied: &mut Applied,
) -> Result<()> {
    let local = read_record(tx, t, &r.uuid)?;
    if r.deleted {
        if local.is_some() {
            tx.prepare_cached(&format!("DELETE FROM {} WHERE uuid = ?1", t.name))?
                .execute([&r.uuid])?;
            applied.changed += 1;
        }
        if t.kind == "attachment" {
            tx.prepare_cached("DELETE FROM sync_attachments_due WHERE uuid = ?1")?
                .execute([&r.uuid])?;
        }
        forget(tx, t, &r.uuid)?;
        return Ok(());
    }
    if t.kind == "attachment" {
        // Never edited: one already here is as it is on the hub. A new one
        // waits for its bytes (`Store::receive_attachment`).
        // The device that described it (any field's stamp names it) is
        // the one holding a file too big for the hub: kept beside the
        // description, under a key no diary column has.
        if local.is_none() {
            let mut record = r.data.clone();
            if let Some(from) = r
                .clocks
                .values()
                .filter_map(Value::as_str)
                .find_map(parse_stamp)
                .map(|(_, device)| device)
            {
                record.insert(TAKEN_IN_BY.into(), Value::from(from));
            }
            tx.prepare_cached(
                "INSERT OR REPLACE INTO sync_attachments_due (uuid, record) VALUES (?1, ?2)",
            )?
            .execute(params![r.uuid, Value::Object(record).to_string()])?;
        }
        return Ok(());
    }
    let (pending, deleted_here) = pending_of(tx, t, &r.uuid)?;
    if deleted_here {
        return Ok(()); // our delete is on its way; a delete wins
    }
    // Since when this record's fields count as agreed: the cursor, or the
    // version a pull cut off applied here, if later (an edit made here on
    // top of that value is not a conflict with it).
    let agreed = if pending.is_empty() || append_only(t.kind) {
        cursor
    } else {
        let seen: Option<i64> = tx
            .prepare_cached("SELECT version FROM sync_seen WHERE kind = ?1 AND uuid = ?2")?
            .query_row(params![t.kind, r.uuid], |row| row.get(0))
            .optional()?;
        seen.map_or(cursor, |v| v.max(cursor))
    };
    if !append_only(t.kind) {
        tx.prepare_cached(
            "INSERT INTO sync_seen (kind, uuid, version) VALUES (?1, ?2, ?3) \
             ON CONFLICT (kind, uuid) DO UPDATE SET version = max(version, excluded.version)",
        )?
        .execute(params![t.kind, r.uuid, r.version])?;
    }
    let mut set: Vec<(&str, Value)> = Vec::new();
    for (field, value) in &r.data {
        let Some(column) = t.columns.iter().find(|c| **c == field.as_str()) else {
            continue; // a column this schema does not have
        };
        if *column == "uuid" {
            continue;
        }
        let current = local.as_ref().and_then(|l| l.get(field.as_str()));
        if current == Some(value) {
            continue;
        }
        match pending.get(field.as_str()) {
            Some(hlc) if !r.erased => {
                let ours = stamp_of(*hlc, device);
                let theirs = r
                    .clocks
                    .get(field.as_str())
                    .and_then(Value::as_str)
                    .unwrap_or("");
                let remote_wins = theirs > ours.as_str();
                let changed_since = r
                    .versions
                    .get(field.as_str())
                    .and_then(Value::as_i64)
                    .is_some_and(|v| v > agreed);
                let their_device = parse_stamp(theirs).map(|(_, d)| d);
                let other_device = their_device.is_some_and(|d| d != device);
                // Entries are append-only: their text is never two people's.
                // Stamps and derived columns follow the clock quietly.
                if changed_since
                    && other_device
                    && !append_only(t.kind)
                    && !QUIET_FIELDS.contains(column)
                    && local.is_some()
                {
                    tx.prepare_cached(
                        "INSERT INTO sync_conflicts (kind, uuid, field, local_value, remote_value, kept, found_at, \
                         remote_device) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
                         ON CONFLICT (kind, uuid, field) DO UPDATE SET local_value = excluded.local_value, \
                         remote_value = excluded.remote_value, kept = excluded.kept, found_at = excluded.found_at, \
                         remote_device = excluded.remote_device",
                    )?
                    .execute(params![
                        t.kind,
                        r.uuid,
                        field,
                        current.map(Value::to_string),
                        value.to_string(),
                        if remote_wins { "remote" } else { "local" },
                        stamp(),
                        their_device
                    ])?;
                    applied.conflicts += 1;
                }
                if remote_wins {
                    set.push((column, value.clone()));
                }
            }
            _ => set.push((column, value.clone())),
        }
    }
    if r.erased {
        forget(tx, t, &r.uuid)?;
        let known: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM audit WHERE uuid = ?1 AND action = 'erase')",
            [&r.uuid],
            |row| row.get(0),
        )?;
        if !known && (local.is_some() || !set.is_empty()) {
            applied.erased += 1;
        }
    }
    if !set.is_empty() {
        let mut values: Vec<SqlValue> = Vec::with_capacity(set.len() + 1);
        for (column, value) in &set {
            let mut v = local_value(tx, t, column, value)?;
            if t.kind == "case"
                && *column == "reference"
                && let SqlValue::Text(reference) = &v
            {
                v = SqlValue::Text(unique_reference(tx, &r.uuid, reference)?);
            }
            values.push(v);
        }
        if local.is_some() {
            let assignments = set
                .iter()
                .enumerate()
                .map(|(i, (c, _))| format!("{c} = ?{}", i + 2))
                .collect::<Vec<_>>()
                .join(", ");
            let mut all = vec![SqlValue::Text(r.uuid.clone())];
            all.extend(values);
            tx.prepare_cached(&format!(
                "UPDATE {} SET {assignments} WHERE uuid = ?1",
                t.name
            ))?
            .execute(rusqlite::params_from_iter(all))?;
        } else {
            // A record this diary cannot hold whole (a required link to a
            // record it does not have) is left out rather than half made.
            let missing_link = t.refs.iter().any(|(c, _)| {
                let required = required_ref(t, c);
                let idx = set.iter().position(|(col, _)| col == c);
                required && idx.is_none_or(|i| values[i] == SqlValue::Null)
            });
            if missing_link {
                return Ok(());
            }
            let columns = std::iter::once("uuid")
                .chain(set.iter().map(|(c, _)| *c))
                .collect::<Vec<_>>()
                .join(", ");
            let marks = (1..=set.len() + 1)
                .map(|i| format!("?{i}"))
                .collect::<Vec<_>>()
                .join(", ");
            let mut all = vec![SqlValue::Text(r.uuid.clone())];
            all.extend(values);
            // A record another device shares with this one may clash on a
            // natural key (the same person added to a case twice): keep ours.
            tx.prepare_cached(&format!(
                "INSERT OR IGNORE INTO {} ({columns}) VALUES ({marks})",
                t.name
            ))?
            .execute(rusqlite::params_from_iter(all))?;
        }
        applied.changed += 1;
    }
    if r.erased {
        let known: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM audit WHERE uuid = ?1 AND action = 'erase')",
            [&r.uuid],
            |row| row.get(0),
        )?;
        if !known && read_record(tx, t, &r.uuid)?.is_some() {
            super::audit::record(
                tx,
                t.kind,
                Uuid::parse_str(&r.uuid).ok().as_ref(),
                super::AuditAction::Erase,
            )?;
        }
    }
    Ok(())
}

/// Foreign keys the schema declares NOT NULL.
fn required_ref(t: &Table, column: &str) -> bool {
    matches!(
        (t.name, column),
        ("directory", "contact_id")
            | ("case_people", "case_id" | "contact_id")
            | ("referrals", "case_id" | "to_contact_id")
            | ("sar_requests", "contact_id")
            | ("entry_mail", "entry_id")
    )
}

/// Drops a record's pending changes and conflicts (it was deleted or erased
/// elsewhere: nothing of ours may bring it back).
fn forget(tx: &Transaction<'_>, t: &Table, uuid: &str) -> Result<()> {
    tx.execute(
        "DELETE FROM sync_outbox WHERE kind = ?1 AND uuid = ?2 AND op <> 'erase'",
        params![t.kind, uuid],
    )?;
    tx.execute(
        "DELETE FROM sync_conflicts WHERE kind = ?1 AND uuid = ?2",
        params![t.kind, uuid],
    )?;
    Ok(())
}

/// Two devices both gave out the same case reference: every device settles
/// it the same way, so their diaries agree. The case with the greater UUID
/// takes a suffix from its UUID; the other keeps the plain reference.
fn unique_reference(tx: &Transaction<'_>, uuid: &str, reference: &str) -> Result<String> {
    let other: Option<(i64, String)> = tx
        .prepare_cached("SELECT id, uuid FROM cases WHERE reference = ?1 AND uuid <> ?2")?
        .query_row(params![reference, uuid], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((id, other_uuid)) = other else {
        return Ok(reference.to_string());
    };
    let suffixed = |u: &str| {
        format!(
            "{reference}-{}",
            u.get(u.len().saturating_sub(4)..).unwrap_or(u)
        )
    };
    if uuid > other_uuid.as_str() {
        Ok(suffixed(uuid))
    } else {
        tx.execute(
            "UPDATE cases SET reference = ?2 WHERE id = ?1",
            params![id, suffixed(&other_uuid)],
        )?;
        Ok(reference.to_string())
    }
}

/// The column names of every synced table as the schema has them (but the
/// [`LOCAL_ONLY`] ones), for the test that [`TABLES`] is complete.
#[doc(hidden)]
pub fn schema_columns(store: &Store) -> Result<Vec<(String, BTreeSet<String>)>> {
    let mut out = Vec::new();
    for t in TABLES {
        let mut stmt = store
            .conn()
            .prepare(&format!("SELECT name FROM pragma_table_info('{}')", t.name))?;
        let cols = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .filter(|c| {
                c.as_ref()
                    .map_or(true, |c| !LOCAL_ONLY.contains(&(t.name, c.as_str())))
            })
            .collect::<rusqlite::Result<BTreeSet<_>>>()?;
        out.push((t.name.to_string(), cols));
    }
    Ok(out)
}

/// An attachment whose description came from the hub and whose bytes are
/// still to fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueAttachment {
    pub uuid: String,
    pub size: u64,
    pub sha256: String,
}

/// What became of bytes fetched for a due attachment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Received {
    /// Now an attachment of its entry.
    Filed,
    /// Its entry is not in this diary (yet): it stays due.
    Waiting,
    /// No longer due (deleted meanwhile, or already here).
    Gone,
}

/// An attachment described by the hub whose bytes will never come here:
/// it is bigger than the hub keeps ([`HUB_MAX_ATTACHMENT`]) and stays on the
/// device that took it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwayAttachment {
    pub uuid: Uuid,
    pub entry: Id<Entry>,
    pub entry_at: chrono::NaiveDateTime,
    pub filename: String,
    pub content_type: String,
    pub size: u64,
    /// The hub's name for the device that holds it, when this diary has
    /// heard it (names come with each sync, as for conflicts).
    pub held_by: Option<String>,
}

/// Columns of an [`AwayAttachment`], for `away_from_row`: only due files
/// over the cap (`?1`), on entries that are in this diary.
const AWAY_COLUMNS: &str = "d.uuid, e.id, e.at, \
     json_extract(d.record, '$.filename'), json_extract(d.record, '$.content_type'), \
     json_extract(d.record, '$.size'), n.name \
     FROM sync_attachments_due d \
     JOIN entries e ON e.uuid = json_extract(d.record, '$.entry_id') \
     LEFT JOIN sync_devices n ON n.device = json_extract(d.record, '$._taken_in_by') \
     WHERE coalesce(json_extract(d.record, '$.size'), 0) > ?1";

fn away_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AwayAttachment> {
    Ok(AwayAttachment {
        uuid: r.get::<_, super::rows::UuidText>(0)?.0,
        entry: Id::new(r.get(1)?),
        entry_at: r.get(2)?,
        filename: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
        content_type: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
        size: r.get::<_, Option<i64>>(5)?.unwrap_or(0).max(0) as u64,
        held_by: r.get(6)?,
    })
}

impl Store {
    /// Attachments known from the hub whose bytes have not come yet and
    /// will: one bigger than the hub keeps is never due
    /// ([`Store::attachments_away_of_case`]).
    pub fn attachments_due(&self) -> Result<Vec<DueAttachment>> {
        let mut stmt = self.conn().prepare(
            "SELECT uuid, record FROM sync_attachments_due \
             WHERE coalesce(json_extract(record, '$.size'), 0) <= ?1 ORDER BY uuid",
        )?;
        let rows = stmt.query_map([HUB_MAX_ATTACHMENT as i64], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (uuid, record) = row?;
            let record: Map<String, Value> = serde_json::from_str(&record).unwrap_or_default();
            out.push(DueAttachment {
                uuid,
                size: record.get("size").and_then(Value::as_u64).unwrap_or(0),
                sha256: record
                    .get("sha256")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
            });
        }
        Ok(out)
    }

    /// Files the bytes of a due attachment on its entry, in one short
    /// transaction of its own, captured nowhere (it came from the hub).
    /// Bytes that do not match the description are refused: nothing is
    /// written and it stays due.
    pub fn receive_attachment(&mut self, uuid: &str, data: &[u8]) -> Result<Received> {
        self.write(|tx| {
            let record: Option<String> = tx
                .query_row(
                    "SELECT record FROM sync_attachments_due WHERE uuid = ?1",
                    [uuid],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(record) = record else {
                return Ok(Received::Gone);
            };
            let record: Map<String, Value> = serde_json::from_str(&record).unwrap_or_default();
            let text = |k: &str| record.get(k).and_then(Value::as_str).unwrap_or_default();
            if crate::mail::sha256_hex(data) != text("sha256") {
                return Err(Error::System(
                    Msg::new("error-hub-attachment-altered").text("uuid", uuid),
                ));
            }
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM attachments WHERE uuid = ?1)",
                [uuid],
                |r| r.get(0),
            )?;
            if !exists {
                let entry: Option<i64> = tx
                    .query_row(
                        "SELECT id FROM entries WHERE uuid = ?1",
                        [text("entry_id")],
                        |r| r.get(0),
                    )
                    .optional()?;
                let Some(entry) = entry else {
                    return Ok(Received::Waiting);
                };
                tx.execute("UPDATE sync_clock SET capture = 0", [])?;
                super::mail::insert_attachment_row(
                    tx,
                    uuid,
                    text("created_at"),
                    text("updated_at"),
                    crate::domain::Id::new(entry),
                    text("filename"),
                    text("content_type"),
                    data,
                )?;
                tx.execute("UPDATE sync_clock SET capture = 1", [])?;
            }
            tx.execute("DELETE FROM sync_attachments_due WHERE uuid = ?1", [uuid])?;
            Ok(if exists {
                Received::Gone
            } else {
                Received::Filed
            })
        })
    }

    /// The attachments on a case's entries that are too big for the hub and
    /// stay on another device, oldest entry first. Reads only the files
    /// still due, never the diary's attachments.
    pub fn attachments_away_of_case(&self, case: Id<Case>) -> Result<Vec<AwayAttachment>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {AWAY_COLUMNS} AND e.case_id = ?2 ORDER BY e.at, d.uuid LIMIT 500"
        ))?;
        let rows = stmt.query_map(params![HUB_MAX_ATTACHMENT as i64, case], away_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The attachment `uuid` if it is one too big for the hub that stays on
    /// another device.
    pub fn attachment_away(&self, uuid: &Uuid) -> Result<Option<AwayAttachment>> {
        Ok(self
            .conn()
            .query_row(
                &format!("SELECT {AWAY_COLUMNS} AND d.uuid = ?2"),
                params![HUB_MAX_ATTACHMENT as i64, uuid.to_string()],
                away_from_row,
            )
            .optional()?)
    }

    /// The bytes of this diary's attachment `uuid`, if it has it.
    pub fn attachment_bytes(&self, uuid: &str) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT data FROM attachments WHERE uuid = ?1",
                [uuid],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Notes the names of the hub's devices (device id → name), for the
    /// conflicts room.
    pub fn remember_devices(&mut self, names: &[(String, String)]) -> Result<()> {
        if names.is_empty() {
            return Ok(());
        }
        self.write(|tx| {
            let mut stmt = tx.prepare(
                "INSERT INTO sync_devices (device, name) VALUES (?1, ?2) \
                 ON CONFLICT (device) DO UPDATE SET name = excluded.name WHERE name <> excluded.name",
            )?;
            for (device, name) in names {
                stmt.execute(params![device, name])?;
            }
            Ok(())
        })
    }

    /// Shares a case with the councillor's office, or makes it private again.
    pub fn set_case_shared(
        &mut self,
        case: crate::domain::Id<crate::domain::Case>,
        shared: bool,
    ) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE cases SET shared = ?2, updated_at = ?3 WHERE id = ?1",
                params![case.raw(), shared, stamp()],
            )?;
            Ok(())
        })
    }

    /// Every synced record as the hub would hold it (foreign keys as UUIDs),
    /// keyed by kind and UUID: what tests compare across devices.
    #[doc(hidden)]
    pub fn sync_snapshot(&self) -> Result<BTreeMap<(String, String), Map<String, Value>>> {
        let mut out = BTreeMap::new();
        for t in TABLES {
            let mut stmt = self
                .conn()
                .prepare(&format!("SELECT uuid FROM {}", t.name))?;
            let uuids = stmt
                .query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            for u in uuids {
                if let Some(row) = read_record(self.conn(), t, &u)? {
                    out.insert((t.kind.to_string(), u), row);
                }
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Case, Contact, Role};

    fn outbox(store: &Store) -> Vec<(String, String, Option<String>)> {
        let mut stmt = store
            .conn()
            .prepare("SELECT kind, op, fields FROM sync_outbox ORDER BY id")
            .expect("prepare");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .expect("query")
            .collect::<rusqlite::Result<_>>()
            .expect("rows")
    }

    fn day() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 3, 2).expect("date")
    }

    #[test]
    fn every_column_of_every_synced_table_is_synced() {
        let store = Store::open_in_memory().expect("store");
        for (table, columns) in schema_columns(&store).expect("columns") {
            let t = TABLES.iter().find(|t| t.name == table).expect("table");
            let mut listed: BTreeSet<String> = t.columns.iter().map(|c| c.to_string()).collect();
            listed.insert("id".into());
            assert_eq!(
                listed, columns,
                "{table}: add the new column to sync::TABLES and 0007's trigger"
            );
        }
    }

    #[test]
    fn nothing_is_captured_until_the_diary_joins_a_hub() {
        let mut store = Store::open_in_memory().expect("store");
        let contact = store
            .add_contact(&Contact::named("Gwen Price"))
            .expect("contact")
            .id;
        assert!(outbox(&store).is_empty());
        store.join_hub().expect("join");
        assert_eq!(
            outbox(&store),
            vec![("contact".into(), "insert".into(), None)]
        );
        let case = store
            .add_case(
                &Case::new("Damp", day()),
                &[(contact, Role::Constituent)],
                &["other".into()],
            )
            .expect("case");
        let mut c = case.data.clone();
        c.facts = Some("mould".into());
        store
            .update_case(case.id, &c, &["other".into()])
            .expect("update");
        let rows = outbox(&store);
        let update = rows
            .iter()
            .find(|r| r.1 == "update")
            .expect("update captured");
        // `updated_at` moves only when the clock has ticked since the insert.
        let fields: Vec<&str> = update.2.as_deref().unwrap_or_default().split(',').collect();
        assert!(
            fields.contains(&"facts") && fields.iter().all(|f| ["facts", "updated_at"].contains(f)),
            "only the changed fields: {fields:?}"
        );
        // Joining again changes nothing.
        let before = rows.len();
        store.join_hub().expect("join again");
        assert_eq!(outbox(&store).len(), before);
    }

    fn pulled_contact(uuid: &str, name: &str, version: i64) -> Remote {
        let mut data = Map::new();
        data.insert("name".into(), Value::from(name));
        data.insert("name_fold".into(), Value::from(name.to_lowercase()));
        data.insert("created_at".into(), Value::from("2026-03-02T09:00:00.000Z"));
        data.insert("updated_at".into(), Value::from("2026-03-02T09:00:00.000Z"));
        let clocks = data
            .keys()
            .map(|k| (k.clone(), Value::from(stamp_of(version, "other"))))
            .collect();
        let versions = data
            .keys()
            .map(|k| (k.clone(), Value::from(version)))
            .collect();
        Remote {
            kind: "contact".into(),
            uuid: uuid.into(),
            data,
            clocks,
            versions,
            deleted: false,
            erased: false,
            version,
        }
    }

    #[test]
    fn a_big_pulled_slice_is_indexed_for_search_once_and_exactly() {
        let mut store = Store::open_in_memory().expect("store");
        store
            .add_contact(&Contact::named("Eira Local"))
            .expect("a contact of this diary");
        store.join_hub().expect("join");
        let search_triggers = |store: &Store| -> String {
            store
                .conn()
                .query_row(
                    "SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master \
                     WHERE type = 'trigger' AND name LIKE '%search%' ORDER BY name)",
                    [],
                    |r| r.get(0),
                )
                .expect("triggers")
        };
        let before = search_triggers(&store);
        let uuids: Vec<String> = (0..150).map(|_| Uuid::now_v7().to_string()).collect();
        let first: Vec<Remote> = uuids
            .iter()
            .enumerate()
            .map(|(i, u)| pulled_contact(u, &format!("Pulled Person{i:03}"), 1))
            .collect();
        store.apply_pulled(&first, 1).expect("a big slice");
        // Renamed in a later slice: the update trigger re-indexes it.
        store
            .apply_pulled(&[pulled_contact(&uuids[7], "Renamed Gwenllian", 2)], 2)
            .expect("an update");
        let hits = |store: &Store, w: &str| store.search(w, 1000).expect("search").len();
        assert_eq!(hits(&store, "pulled"), 149);
        assert_eq!(hits(&store, "gwenllian"), 1);
        assert_eq!(hits(&store, "eira"), 1);
        assert_eq!(
            search_triggers(&store),
            before,
            "every search trigger is back"
        );
        store
            .conn()
            .execute(
                "INSERT INTO search(search, rank) VALUES ('integrity-check', 1)",
                [],
            )
            .expect("the index is whole");
        // A contact added by hand after it is indexed by its trigger.
        store
            .add_contact(&Contact::named("Tegwen Afterwards"))
            .expect("contact");
        assert_eq!(hits(&store, "tegwen"), 1);
    }

    #[test]
    fn an_edit_on_top_of_what_a_cut_off_pull_brought_is_no_conflict() {
        let mut store = Store::open_in_memory().expect("store");
        store.join_hub().expect("join");
        let uuid = Uuid::now_v7().to_string();
        // A pull up to version 3, cut off after the slice that brought the
        // contact as of version 2: the cursor stays at 0.
        let cut = store.apply_pulled_from(|_, apply| {
            apply(3, &[pulled_contact(&uuid, "Gwen Price", 2)])?;
            Err(Error::System(
                Msg::new("io-other").text("detail", "the line dropped"),
            ))
        });
        assert!(cut.is_err());
        assert_eq!(store.sync_state().expect("state").cursor, 0);
        let id = store.contacts_named("Gwen Price").expect("find")[0].id;
        let mut c = store.contact(id).expect("contact").data;
        c.name = "Gwen Price-Jones".into();
        store
            .update_contact(id, &c)
            .expect("edited here, on top of it");
        // It comes again (its phone changed at version 4); its name is
        // still version 2's, which this diary had before the edit.
        let mut again = pulled_contact(&uuid, "Gwen Price", 2);
        again.version = 4;
        again.data.insert("phone".into(), Value::from("01234"));
        again
            .clocks
            .insert("phone".into(), Value::from(stamp_of(4, "other")));
        again.versions.insert("phone".into(), Value::from(4));
        store.apply_pulled(&[again], 4).expect("the pull resumed");
        assert_eq!(store.conflicts().expect("conflicts"), Vec::new());
        let here = store.contact(id).expect("contact").data;
        assert_eq!(
            (here.name.as_str(), here.phone.as_deref()),
            ("Gwen Price-Jones", Some("01234"))
        );
        // A later rename elsewhere is a true conflict, naming that device.
        store
            .remember_devices(&[("other".into(), "laptop-surgery".into())])
            .expect("names");
        store
            .apply_pulled(&[pulled_contact(&uuid, "Gwen Prys", 5)], 5)
            .expect("a later pull");
        let conflicts = store.conflicts().expect("conflicts");
        assert_eq!(
            conflicts
                .iter()
                .map(|c| (c.field.as_str(), c.device.as_deref()))
                .collect::<Vec<_>>(),
            vec![("name", Some("laptop-surgery"))]
        );
    }

    #[test]
    fn a_pulled_file_over_the_hub_cap_is_never_due() {
        assert!(!too_big_for_hub(HUB_MAX_ATTACHMENT as u64));
        assert!(too_big_for_hub(HUB_MAX_ATTACHMENT as u64 + 1));
        let mut store = Store::open_in_memory().expect("store");
        store.join_hub().expect("join");
        let file = |size: u64| {
            let mut data = Map::new();
            data.insert("filename".into(), Value::from("scan.tiff"));
            data.insert("size".into(), Value::from(size));
            data.insert("sha256".into(), Value::from("00"));
            data.insert("entry_id".into(), Value::from(Uuid::now_v7().to_string()));
            let clocks = data
                .keys()
                .map(|k| (k.clone(), Value::from(stamp_of(5, "laptop"))))
                .collect();
            Remote {
                kind: "attachment".into(),
                uuid: Uuid::now_v7().to_string(),
                data,
                clocks,
                versions: Map::new(),
                deleted: false,
                erased: false,
                version: 1,
            }
        };
        let at_cap = file(HUB_MAX_ATTACHMENT as u64);
        let over = file(HUB_MAX_ATTACHMENT as u64 + 1);
        store
            .apply_pulled(&[at_cap.clone(), over], 1)
            .expect("applied");
        let due: Vec<String> = store
            .attachments_due()
            .expect("due")
            .into_iter()
            .map(|d| d.uuid)
            .collect();
        assert_eq!(due, vec![at_cap.uuid], "only the file the hub may hold");
    }

    #[test]
    fn pulled_changes_are_not_captured_and_merge_by_clock() {
        let mut store = Store::open_in_memory().expect("store");
        store.join_hub().expect("join");
        let mut data = Map::new();
        data.insert("name".into(), Value::from("Gwen Price"));
        data.insert("name_fold".into(), Value::from("gwen price"));
        data.insert("created_at".into(), Value::from("2026-03-02T09:00:00.000Z"));
        data.insert("updated_at".into(), Value::from("2026-03-02T09:00:00.000Z"));
        let clocks: Map<String, Value> = data
            .keys()
            .map(|k| (k.clone(), Value::from(stamp_of(5, "other"))))
            .collect();
        let versions: Map<String, Value> =
            data.keys().map(|k| (k.clone(), Value::from(1))).collect();
        let uuid = Uuid::now_v7().to_string();
        let remote = Remote {
            kind: "contact".into(),
            uuid: uuid.clone(),
            data,
            clocks,
            versions,
            deleted: false,
            erased: false,
            version: 1,
        };
        let applied = store
            .apply_pulled(std::slice::from_ref(&remote), 1)
            .expect("apply");
        assert_eq!(applied.changed, 1);
        assert!(
            outbox(&store).is_empty(),
            "a pulled record is not pushed back"
        );
        assert_eq!(store.sync_state().expect("state").cursor, 1);
        // A local edit after it has a later clock than anything pulled.
        let id = store.contacts_named("Gwen Price").expect("find")[0].id;
        let mut c = store.contact(id).expect("contact").data;
        c.phone = Some("01234".into());
        store.update_contact(id, &c).expect("edit");
        let hlc: i64 = store
            .conn()
            .query_row("SELECT max(hlc) FROM sync_outbox", [], |r| r.get(0))
            .expect("hlc");
        assert!(hlc > 5);
        // The same record deleted elsewhere: it goes here too.
        let gone = Remote {
            deleted: true,
            data: Map::new(),
            ..remote
        };
        store.apply_pulled(&[gone], 2).expect("apply delete");
        assert!(store.contacts_named("Gwen Price").expect("find").is_empty());
        assert!(outbox(&store).is_empty(), "our edit of it is dropped");
    }
}
