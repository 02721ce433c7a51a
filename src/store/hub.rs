//! The shared hub: a PostgreSQL database (SPEC section 9). The hub's SQL is
//! `hub.sql` (the hub as schema 12 made it) and the steps after it in
//! `hub_steps/` (see `HUB_STEPS`); this module connects (TLS unless the
//! server is on this machine), administers devices, and pushes and pulls
//! for `casebook sync`.
//!
//! The connection is blocking (the `postgres` crate) and made only when a
//! command or the configured `[sync] url` asks for it.

use std::time::Duration;

use postgres::config::{Host, SslMode};
use postgres::{Client, IsolationLevel, NoTls};
use serde_json::{Map, Value};

use super::sync::{Change, Outgoing, PullFrom, Remote, SyncFailure, TABLES};
use crate::error::Msg;
use crate::{Error, Result};

const SCHEMA_SQL: &str = include_str!("hub.sql");

/// The hub's schema steps after `hub.sql` (which made hub schema 12), by
/// the hub schema each brings it to, oldest first. `hub init` runs them
/// all after `hub.sql`; `hub upgrade` runs those a hub has not had, so an
/// upgraded hub is the same as a new one. Never edit a step that has
/// shipped: add the next, and freeze the hub it leaves behind in
/// `tests/fixtures/hub_v{N}.sql` for the upgrade test.
const HUB_STEPS: &[(i32, &str)] = &[(13, include_str!("hub_steps/0013_entry_mail.sql"))];

/// The hub schema `hub.sql` alone makes (before `casebook.meta.layout`).
const BASE_LAYOUT: i32 = 12;

/// The hub schema this program makes and needs: a device refuses to sync
/// with an older hub (its administrator runs `casebook hub upgrade`).
pub const HUB_LAYOUT: i32 = match HUB_STEPS.last() {
    Some((n, _)) => *n,
    None => BASE_LAYOUT,
};

/// What `casebook hub upgrade` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upgraded {
    /// The hub was already at this program's schema: nothing changed.
    Current(i32),
    /// Brought from one hub schema to the other.
    From { from: i32, to: i32 },
}

/// How long to wait for the hub to answer a connection: an offline laptop
/// gives up quickly.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Where Linux distributions and macOS keep the trusted authorities.
const SYSTEM_CA_BUNDLES: &[&str] = &[
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/pki/tls/certs/ca-bundle.crt",
    "/etc/ssl/ca-bundle.pem",
    "/etc/ssl/cert.pem",
];

/// Changes per call of `casebook.push`: a few hundred keep each call's
/// JSON small, and all the calls of one push share its transaction.
pub const PUSH_PART: usize = 500;

pub use super::sync::PULL_BATCH;

/// A connection to the hub.
pub struct Hub {
    client: Client,
    /// Host and port as the URL named them, for messages and device URLs.
    host: String,
    port: u16,
    dbname: String,
}

/// One device as `hub status` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceStatus {
    pub name: String,
    pub councillor: String,
    pub office: Option<String>,
    pub revoked: bool,
    /// When it last called (UTC, RFC 3339), if ever.
    pub last_seen: Option<String>,
    /// Hub versions it has not pulled yet.
    pub behind: i64,
}

/// A device just added: its login, shown once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDevice {
    pub role: String,
    /// `postgresql://role:password@host:port/db`, for that device's `[sync] url`.
    pub url: String,
}

/// A push under way: one hub transaction, sent in parts.
pub struct Push<'a> {
    tx: postgres::Transaction<'a>,
    schema: i32,
    mutation: i64,
}

impl Push<'_> {
    /// Sends one part; returns the hub version it was given.
    pub fn send(&mut self, changes: &[Change]) -> Result<i64> {
        let changes = Value::Array(
            changes
                .iter()
                .map(|c| {
                    let mut m = Map::new();
                    m.insert("kind".into(), Value::from(c.kind));
                    m.insert("uuid".into(), Value::from(c.uuid.clone()));
                    m.insert("op".into(), Value::from(c.op.as_str()));
                    m.insert("fields".into(), Value::Object(c.fields.clone()));
                    m.insert("clocks".into(), Value::Object(c.clocks.clone()));
                    Value::Object(m)
                })
                .collect(),
        );
        Ok(self
            .tx
            .query_one(
                "SELECT casebook.push($1, $2, $3)",
                &[&self.schema, &self.mutation, &changes],
            )
            .map_err(|e| hub_error(Msg::new("hub-doing-push"), e))?
            .get(0))
    }

    /// Sends a whole big push (a diary's first sync) through `COPY` into a
    /// staging table of this session, then has the hub apply it with one
    /// set-based insert of the records it has never seen and the usual
    /// field-by-field merge for the rest (`casebook.push_staged`): the same
    /// transaction, mutation id, versions and checks as [`Push::send`].
    /// `parts` yields the changes a part at a time, so the diary is never
    /// all in memory. Returns how many changes went and the hub version.
    pub fn send_copy(
        &mut self,
        parts: impl Iterator<Item = Result<Vec<Change>>>,
    ) -> Result<(usize, i64)> {
        use std::io::Write;
        let fail = |e| hub_error(Msg::new("hub-doing-push"), e);
        // Owned by this device's role, dropped at commit; the hub's owner
        // may read it (the function that applies it runs as the owner).
        self.tx
            .batch_execute(
                "CREATE TEMP TABLE casebook_push (n bigint, kind text, uuid uuid, op text, \
                 fields jsonb, clocks jsonb) ON COMMIT DROP; \
                 GRANT SELECT ON casebook_push TO casebook_owner",
            )
            .map_err(fail)?;
        let mut sent = 0usize;
        let mut writer = self
            .tx
            .copy_in("COPY casebook_push FROM STDIN")
            .map_err(fail)?;
        let cut = |e: std::io::Error| {
            failure(
                SyncFailure::Unreachable,
                Msg::new("error-hub-said")
                    .msg("doing", Msg::new("hub-doing-push"))
                    .text("detail", e.to_string()),
            )
        };
        let mut line = String::new();
        for part in parts {
            for c in part? {
                line.clear();
                line.push_str(&sent.to_string());
                for field in [
                    c.kind.to_string(),
                    c.uuid.clone(),
                    c.op.as_str().to_string(),
                    Value::Object(c.fields).to_string(),
                    Value::Object(c.clocks).to_string(),
                ] {
                    line.push('\t');
                    copy_text(&mut line, &field);
                }
                line.push('\n');
                writer.write_all(line.as_bytes()).map_err(cut)?;
                sent += 1;
            }
        }
        writer.finish().map_err(fail)?;
        let version = self
            .tx
            .query_one(
                "SELECT casebook.push_staged($1, $2)",
                &[&self.schema, &self.mutation],
            )
            .map_err(fail)?
            .get(0);
        Ok((sent, version))
    }

    /// Applies every part sent, at once.
    pub fn commit(self) -> Result<()> {
        self.tx
            .commit()
            .map_err(|e| hub_error(Msg::new("hub-doing-push"), e))
    }
}

/// `s` as a column of `COPY`'s text format: a backslash, tab, newline or
/// carriage return escaped (JSON has its own backslashes).
fn copy_text(out: &mut String, s: &str) {
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

/// True for a host on this machine: a Unix socket or a loopback address.
fn is_local(host: &Host) -> bool {
    match host {
        Host::Unix(_) => true,
        Host::Tcp(name) => {
            let name = name.trim_start_matches('[').trim_end_matches(']');
            name == "localhost"
                || name
                    .parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback())
        }
    }
}

/// An error of the hub, as one line and as a fact.
fn failure(why: SyncFailure, message: Msg) -> Error {
    Error::Hub { why, message }
}

/// The hub is older than this device's casebook needs.
fn hub_older(layout: i32) -> Error {
    failure(
        SyncFailure::Hub,
        Msg::new("error-hub-older")
            .num("found", i64::from(layout))
            .num("needed", i64::from(HUB_LAYOUT)),
    )
}

/// A hub error as one line. The server's own message for refusals it
/// raises on purpose; the connection details never include the password.
fn hub_error(what: Msg, e: postgres::Error) -> Error {
    if let Some(db) = e.as_db_error() {
        let message = db.message();
        if let Some(rest) = message.strip_prefix("casebook: upgrade to schema ") {
            return failure(
                SyncFailure::UpgradeNeeded,
                Msg::new("error-hub-upgrade").text("schema", rest),
            );
        }
        if message.starts_with("casebook: this device is not registered") {
            return failure(SyncFailure::Refused, Msg::new("error-hub-not-registered"));
        }
        // Class 28: invalid authorisation (a wrong password, a role that
        // may not log in any more).
        let why = if db.code().code().starts_with("28") {
            SyncFailure::Refused
        } else {
            SyncFailure::Hub
        };
        return failure(why, said(what, message));
    }
    // No answer from the server at all: it could not be reached, or the
    // line dropped.
    // The system's reason when the line failed (refused, timed out): in
    // the catalogue's words; the driver's own words otherwise.
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            return failure(
                SyncFailure::Unreachable,
                Msg::new("error-io")
                    .msg("doing", what)
                    .msg("problem", crate::error::io_problem(io)),
            );
        }
        source = s.source();
    }
    failure(SyncFailure::Unreachable, said(what, e))
}

/// What casebook asked of the hub, then the hub's (or the line's) words.
fn said(what: Msg, detail: impl std::fmt::Display) -> Msg {
    Msg::new("error-hub-said")
        .msg("doing", what)
        .text("detail", detail.to_string())
}

impl Hub {
    /// Connects to the hub at `url` (`postgresql://…`). TLS is required
    /// unless the server is on a Unix socket or a loopback address.
    pub fn connect(url: &str) -> Result<Hub> {
        let mut config: postgres::Config = url.parse().map_err(|e: postgres::Error| {
            failure(
                SyncFailure::BadUrl,
                Msg::new("error-hub-bad-url").text("detail", e.to_string()),
            )
        })?;
        let hosts = config.get_hosts().to_vec();
        if hosts.is_empty() {
            return Err(failure(SyncFailure::BadUrl, Msg::new("error-hub-no-host")));
        }
        config.connect_timeout(CONNECT_TIMEOUT);
        config.application_name("casebook");
        let host = match &hosts[0] {
            Host::Tcp(h) => h.clone(),
            Host::Unix(p) => p.display().to_string(),
        };
        let port = config.get_ports().first().copied().unwrap_or(5432);
        let dbname = config
            .get_dbname()
            .or(config.get_user())
            .unwrap_or("postgres")
            .to_string();
        let local = hosts.iter().all(is_local);
        let what = Msg::new("hub-doing-reach")
            .text("host", &host)
            .num("port", port);
        let client = if local && config.get_ssl_mode() != SslMode::Require {
            config.ssl_mode(SslMode::Disable);
            config
                .connect(NoTls)
                .map_err(|e| hub_error(what.clone(), e))?
        } else {
            config.ssl_mode(SslMode::Require);
            let mut builder = openssl::ssl::SslConnector::builder(openssl::ssl::SslMethod::tls())
                .map_err(|e| {
                failure(SyncFailure::Unreachable, said(Msg::new("hub-doing-tls"), e))
            })?;
            // The bundled OpenSSL does not know where this system keeps its
            // trusted authorities: point it at them (SSL_CERT_FILE wins).
            if std::env::var_os("SSL_CERT_FILE").is_none()
                && let Some(bundle) = SYSTEM_CA_BUNDLES
                    .iter()
                    .find(|p| std::path::Path::new(p).is_file())
            {
                builder.set_ca_file(bundle).map_err(|e| {
                    failure(
                        SyncFailure::Unreachable,
                        said(Msg::new("hub-doing-read-ca").text("path", bundle), e),
                    )
                })?;
            }
            let tls = postgres_openssl::MakeTlsConnector::new(builder.build());
            config
                .connect(tls)
                .map_err(|e| hub_error(what.clone(), e))?
        };
        Ok(Hub {
            client,
            host,
            port,
            dbname,
        })
    }

    /// Creates the hub's schema, roles and functions. Refused if the
    /// database already holds a hub.
    pub fn init(&mut self, schema: i64) -> Result<()> {
        let exists: bool = self
            .client
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'casebook')",
                &[],
            )
            .map_err(|e| hub_error(Msg::new("hub-doing-read"), e))?
            .get(0);
        if exists {
            return Err(failure(
                SyncFailure::Hub,
                Msg::new("error-hub-exists").text("name", &self.dbname),
            ));
        }
        let mut tx = self
            .client
            .transaction()
            .map_err(|e| hub_error(Msg::new("hub-doing-create"), e))?;
        tx.batch_execute(SCHEMA_SQL)
            .map_err(|e| hub_error(Msg::new("hub-doing-create"), e))?;
        for (_, step) in HUB_STEPS {
            tx.batch_execute(step)
                .map_err(|e| hub_error(Msg::new("hub-doing-create"), e))?;
        }
        tx.execute(
            "INSERT INTO casebook.meta (row_id, schema, layout) VALUES (1, $1, $2)",
            &[&(schema as i32), &HUB_LAYOUT],
        )
        .map_err(|e| hub_error(Msg::new("hub-doing-create"), e))?;
        tx.commit()
            .map_err(|e| hub_error(Msg::new("hub-doing-create"), e))
    }

    /// Brings a hub made by an older casebook up to [`HUB_LAYOUT`], in place
    /// and in one transaction (all of it or none of it), holding the lock
    /// that pushes take, so no sync sees it half done. Running it again
    /// changes nothing. Refused, changing nothing, when the database holds
    /// no hub or a hub of a newer casebook.
    pub fn upgrade(&mut self) -> Result<Upgraded> {
        let fail = |e| hub_error(Msg::new("hub-doing-upgrade"), e);
        let dbname = self.dbname.clone();
        let mut tx = self.client.transaction().map_err(fail)?;
        let exists: bool = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'casebook')",
                &[],
            )
            .map_err(fail)?
            .get(0);
        if !exists {
            return Err(failure(
                SyncFailure::Hub,
                Msg::new("error-hub-none").text("database", dbname),
            ));
        }
        // Pushes lock the meta row; this waits for those under way and
        // holds off the next until the upgrade commits. A second upgrade
        // run at the same moment waits here, then finds nothing to do.
        tx.batch_execute("LOCK TABLE casebook.meta IN ACCESS EXCLUSIVE MODE")
            .map_err(fail)?;
        let has_layout: bool = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM pg_attribute \
                 WHERE attrelid = 'casebook.meta'::regclass AND attname = 'layout' \
                 AND NOT attisdropped)",
                &[],
            )
            .map_err(fail)?
            .get(0);
        let from: i32 = if has_layout {
            tx.query_opt("SELECT layout FROM casebook.meta", &[])
                .map_err(fail)?
                .map_or(BASE_LAYOUT, |r| r.get(0))
        } else {
            BASE_LAYOUT
        };
        if from > HUB_LAYOUT {
            return Err(failure(
                SyncFailure::Hub,
                Msg::new("error-hub-newer")
                    .num("found", i64::from(from))
                    .num("known", i64::from(HUB_LAYOUT)),
            ));
        }
        if from == HUB_LAYOUT {
            tx.rollback().map_err(fail)?;
            return Ok(Upgraded::Current(from));
        }
        for (_, step) in HUB_STEPS.iter().filter(|(n, _)| *n > from) {
            tx.batch_execute(step).map_err(fail)?;
        }
        tx.execute("UPDATE casebook.meta SET layout = $1", &[&HUB_LAYOUT])
            .map_err(fail)?;
        tx.commit().map_err(fail)?;
        Ok(Upgraded::From {
            from,
            to: HUB_LAYOUT,
        })
    }

    /// Adds a device for `councillor` (in `office`, if any): one login role,
    /// whose URL is returned once and never stored.
    pub fn add_device(
        &mut self,
        name: &str,
        councillor: &str,
        office: Option<&str>,
    ) -> Result<NewDevice> {
        if name.is_empty()
            || name.len() > 40
            || !name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        {
            return Err(Error::user(
                Msg::new("error-device-name").text("name", printable(name)),
            ));
        }
        if councillor.trim().is_empty() {
            return Err(Error::user(Msg::new("error-device-user-empty")));
        }
        let role = format!("casebook_dev_{}", name.replace('-', "_"));
        let password = random_password();
        let mut tx = self
            .client
            .transaction()
            .map_err(|e| hub_error(Msg::new("hub-doing-add-device"), e))?;
        let taken: bool = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM casebook.devices WHERE name = $1 OR role = $2)",
                &[&name, &role],
            )
            .map_err(|e| hub_error(Msg::new("hub-doing-add-device"), e))?
            .get(0);
        if taken {
            return Err(Error::user(
                Msg::new("error-device-taken").text("name", name),
            ));
        }
        if let Some(office) = office {
            tx.execute(
                "INSERT INTO casebook.offices (name) VALUES ($1) ON CONFLICT DO NOTHING",
                &[&office],
            )
            .map_err(|e| hub_error(Msg::new("hub-doing-add-device"), e))?;
        }
        // Role names and passwords cannot be bind parameters: the name is
        // checked above and the password is alphanumeric.
        tx.batch_execute(&format!(
            "CREATE ROLE {role} LOGIN PASSWORD '{password}' IN ROLE casebook_device"
        ))
        .map_err(|e| hub_error(Msg::new("hub-doing-add-device"), e))?;
        tx.execute(
            "INSERT INTO casebook.devices (name, role, councillor, office) VALUES ($1, $2, $3, $4)",
            &[&name, &role, &councillor.trim(), &office],
        )
        .map_err(|e| hub_error(Msg::new("hub-doing-add-device"), e))?;
        tx.commit()
            .map_err(|e| hub_error(Msg::new("hub-doing-add-device"), e))?;
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else if self.host.starts_with('/') {
            self.host.replace('/', "%2F")
        } else {
            self.host.clone()
        };
        Ok(NewDevice {
            url: format!(
                "postgresql://{role}:{password}@{host}:{}/{}",
                self.port, self.dbname
            ),
            role,
        })
    }

    /// Cuts a device off at once: it can no longer log in, its open
    /// sessions are ended, and the hub refuses it even if it could.
    pub fn revoke_device(&mut self, name: &str) -> Result<()> {
        let mut tx = self
            .client
            .transaction()
            .map_err(|e| hub_error(Msg::new("hub-doing-revoke"), e))?;
        let row = tx
            .query_opt(
                "UPDATE casebook.devices SET revoked_at = coalesce(revoked_at, now()) WHERE name = $1 RETURNING role::text",
                &[&name],
            )
            .map_err(|e| hub_error(Msg::new("hub-doing-revoke"), e))?;
        let Some(row) = row else {
            return Err(Error::NotFound {
                what: "device",
                name: printable(name),
            });
        };
        let role: String = row.get(0);
        tx.batch_execute(&format!("ALTER ROLE {role} NOLOGIN"))
            .map_err(|e| hub_error(Msg::new("hub-doing-revoke"), e))?;
        tx.commit()
            .map_err(|e| hub_error(Msg::new("hub-doing-revoke"), e))?;
        self.client
            .execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1",
                &[&role],
            )
            .map_err(|e| hub_error(Msg::new("hub-doing-end-sessions"), e))?;
        Ok(())
    }

    /// Every device, with its last call and how far behind it is.
    pub fn devices(&mut self) -> Result<Vec<DeviceStatus>> {
        let rows = self
            .client
            .query(
                "SELECT d.name, d.councillor, d.office, d.revoked_at IS NOT NULL, \
                 to_char(d.last_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), \
                 (SELECT version FROM casebook.meta) - d.cursor \
                 FROM casebook.devices d ORDER BY d.name",
                &[],
            )
            .map_err(|e| hub_error(Msg::new("hub-doing-read"), e))?;
        Ok(rows
            .iter()
            .map(|r| DeviceStatus {
                name: r.get(0),
                councillor: r.get(1),
                office: r.get(2),
                revoked: r.get(3),
                last_seen: r.get(4),
                behind: r.get(5),
            })
            .collect())
    }

    /// Records deleted or erased since the last [`Hub::scrub`]: their old
    /// values may still be in the table's files (as dead row versions).
    pub fn unscrubbed(&mut self) -> Result<i64> {
        Ok(self
            .client
            .query_one(
                "SELECT count(*) FROM casebook.records \
                 WHERE (deleted OR erased) AND version > (SELECT scrubbed FROM casebook.meta)",
                &[],
            )
            .map_err(|e| hub_error(Msg::new("hub-doing-read"), e))?
            .get(0))
    }

    /// Makes deleted and erased records leave the hub's files: rewrites the
    /// records table (`VACUUM FULL`: the old file, dead row versions and
    /// all, is dropped) and asks for a checkpoint so the write-ahead log
    /// holding the old values can be recycled. Does nothing when nothing
    /// was deleted or erased since the last time; returns how many were.
    ///
    /// `VACUUM FULL` locks the table while it runs (seconds for a big hub):
    /// devices syncing meanwhile wait, then carry on.
    pub fn scrub(&mut self) -> Result<i64> {
        let fail = |e| hub_error(Msg::new("hub-doing-scrub"), e);
        let top: i64 = self
            .client
            .query_one("SELECT version FROM casebook.meta", &[])
            .map_err(fail)?
            .get(0);
        let owed = self.unscrubbed()?;
        if owed == 0 {
            return Ok(0);
        }
        // VACUUM cannot run in a transaction block: one statement alone.
        self.client
            .batch_execute("VACUUM (FULL, ANALYZE) casebook.records, casebook.attachment_bytes")
            .map_err(fail)?;
        // Only a superuser (or pg_checkpoint, PostgreSQL 15) may; the server
        // checkpoints on its own schedule otherwise.
        let _ = self.client.batch_execute("CHECKPOINT");
        self.client
            .execute(
                "UPDATE casebook.meta SET scrubbed = greatest(scrubbed, $1)",
                &[&top],
            )
            .map_err(fail)?;
        Ok(owed)
    }

    /// The first call of a sync: checks this device and its schema, records
    /// its cursor; returns the last push the hub applied from it.
    ///
    /// A hub older than [`HUB_LAYOUT`] is refused before anything is
    /// written: this device would push records its functions do not know
    /// (whoever runs it must run `casebook hub upgrade`).
    pub fn hello(&mut self, schema: i64, cursor: i64) -> Result<i64> {
        // One round trip; hello runs only on a hub new enough (so an old
        // hub's newest schema is not moved by a device it refuses). A hub
        // of schema 12 has no `layout` column: the statement fails as it
        // is planned, before anything runs.
        let row = self
            .client
            .query_one(
                "SELECT CASE WHEN layout >= $3 THEN casebook.hello($1, $2) END, layout \
                 FROM casebook.meta",
                &[&(schema as i32), &cursor, &HUB_LAYOUT],
            )
            .map_err(|e| {
                if e.code() == Some(&postgres::error::SqlState::UNDEFINED_COLUMN) {
                    hub_older(BASE_LAYOUT)
                } else {
                    hub_error(Msg::new("hub-doing-sync"), e)
                }
            })?;
        let layout: i32 = row.get(1);
        let applied: Option<i64> = row.get(0);
        match applied {
            Some(applied) if layout >= HUB_LAYOUT => Ok(applied),
            _ => Err(hub_older(layout)),
        }
    }

    /// Starts a push of the outbox up to `mutation` (its last row): the
    /// parts sent through it go in one hub transaction, applied at
    /// [`Push::commit`] or not at all.
    pub fn begin_push(&mut self, schema: i64, mutation: i64) -> Result<Push<'_>> {
        let tx = self
            .client
            .transaction()
            .map_err(|e| hub_error(Msg::new("hub-doing-push"), e))?;
        Ok(Push {
            tx,
            schema: schema as i32,
            mutation,
        })
    }

    /// True when this device may stage a big push through `COPY` (it needs
    /// the database's `TEMPORARY` privilege, [`Push::send_copy`]); without
    /// it a big push goes in parts, as a small one does.
    pub fn can_stage(&mut self) -> Result<bool> {
        Ok(self
            .client
            .query_one(
                "SELECT has_database_privilege(current_database(), 'TEMPORARY')",
                &[],
            )
            .map_err(|e| hub_error(Msg::new("hub-doing-read"), e))?
            .get(0))
    }

    /// Pushes the outbox as one hub transaction, in parts of
    /// [`PUSH_PART`] changes; returns the last hub version it was given.
    pub fn push(&mut self, schema: i64, out: &Outgoing) -> Result<i64> {
        let mut push = self.begin_push(schema, out.upto)?;
        let mut version = 0;
        for part in out.changes.chunks(PUSH_PART) {
            version = push.send(part)?;
        }
        push.commit()?;
        Ok(version)
    }

    /// Every record this device may see that changed after `from.cursor`
    /// (and, resuming a pull cut off, is not already in the diary), read in
    /// one snapshot, handed to `apply` with the version the snapshot reads
    /// up to, in slices of [`PULL_BATCH`], parents before children (the
    /// order of [`TABLES`]); returns how many records came and that version.
    ///
    /// Records stream from a server-side cursor, so a first sync of a big
    /// diary never holds all of it in memory.
    pub fn pull_each(
        &mut self,
        from: &PullFrom,
        apply: &mut dyn FnMut(i64, &[Remote]) -> Result<()>,
    ) -> Result<(usize, i64)> {
        let fail = |e| hub_error(Msg::new("hub-doing-pull"), e);
        let cursor = from.cursor;
        let mut tx = self
            .client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(fail)?;
        let top: i64 = tx
            .query_one("SELECT version FROM casebook.meta", &[])
            .map_err(fail)?
            .get(0);
        if top <= cursor {
            tx.commit().map_err(fail)?;
            return Ok((0, top));
        }
        let kinds: Vec<&str> = TABLES.iter().map(|t| t.kind).collect();
        // Resuming: a record at or before the last one applied, unchanged
        // since (its version no later than that pull's), is in the diary.
        // Without a resume point, every record after the cursor comes.
        let (done_upto, at_kind, at_version, at_uuid) = match &from.resume {
            Some(r) => (r.top, r.kind_position(), r.version, r.uuid.as_str()),
            None => (cursor, 0, 0, ""),
        };
        let portal = tx
            .bind(
                "SELECT kind, uuid::text, data, clocks, versions, deleted, erased, version \
                 FROM casebook.records WHERE version > $1 AND version <= $2 \
                 AND (version > $4 OR (array_position($3::text[], kind), version, uuid::text COLLATE \"C\") \
                      > ($5, $6, $7::text COLLATE \"C\")) \
                 ORDER BY array_position($3::text[], kind), version, uuid::text COLLATE \"C\"",
                &[
                    &cursor,
                    &top,
                    &kinds,
                    &done_upto,
                    &at_kind,
                    &at_version,
                    &at_uuid,
                ],
            )
            .map_err(fail)?;
        let object = |v: Value| match v {
            Value::Object(m) => m,
            _ => Map::new(),
        };
        let mut count = 0;
        loop {
            let rows = tx.query_portal(&portal, PULL_BATCH as i32).map_err(fail)?;
            if rows.is_empty() {
                break;
            }
            let batch: Vec<Remote> = rows
                .into_iter()
                .map(|r| Remote {
                    kind: r.get(0),
                    uuid: r.get(1),
                    data: object(r.get(2)),
                    clocks: object(r.get(3)),
                    versions: object(r.get(4)),
                    deleted: r.get(5),
                    erased: r.get(6),
                    version: r.get(7),
                })
                .collect();
            count += batch.len();
            apply(top, &batch)?;
        }
        tx.commit().map_err(fail)?;
        Ok((count, top))
    }

    /// Every record this device may see that changed after `cursor`, with
    /// the version it is complete up to (all in memory: for tests).
    pub fn pull(&mut self, cursor: i64) -> Result<(Vec<Remote>, i64)> {
        let mut all = Vec::new();
        let from = PullFrom {
            cursor,
            resume: None,
        };
        let (_, top) = self.pull_each(&from, &mut |_, batch| {
            all.extend_from_slice(batch);
            Ok(())
        })?;
        Ok((all, top))
    }

    /// This device's attachments whose description is on the hub but whose
    /// bytes are not (new, or an upload cut off), of at most `max` bytes: a
    /// bigger one is never asked for, so its bytes are not even read.
    pub fn attachments_missing(&mut self, max: usize) -> Result<Vec<String>> {
        let max = max as i64;
        let rows = self
            .client
            .query(
                "SELECT r.uuid::text FROM casebook.records r \
                 WHERE r.kind = 'attachment' AND NOT r.deleted \
                 AND r.owner = (casebook.me()).councillor \
                 AND CASE WHEN jsonb_typeof(r.data->'size') = 'number' \
                     THEN (r.data->>'size')::numeric <= $1::bigint ELSE true END \
                 AND NOT EXISTS (SELECT 1 FROM casebook.attachment_bytes b WHERE b.uuid = r.uuid) \
                 ORDER BY r.uuid",
                &[&max],
            )
            .map_err(|e| hub_error(Msg::new("hub-doing-read"), e))?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    /// Puts the bytes of one attachment on the hub, in a call (and a
    /// transaction) of its own; true if the hub keeps them (false: it was
    /// deleted meanwhile). Putting the same file twice does nothing.
    pub fn put_attachment(&mut self, schema: i64, uuid: &str, data: &[u8]) -> Result<bool> {
        // Bound as text: this build of the driver carries no UUID type.
        Ok(self
            .client
            .query_one(
                "SELECT casebook.put_attachment($1, $2::text::uuid, $3)",
                &[&(schema as i32), &uuid, &data],
            )
            .map_err(|e| hub_error(Msg::new("hub-doing-attachment"), e))?
            .get(0))
    }

    /// The bytes of one attachment, if the hub has them and this device
    /// may see them.
    pub fn attachment_bytes(&mut self, uuid: &str) -> Result<Option<Vec<u8>>> {
        Ok(self
            .client
            .query_opt(
                "SELECT data FROM casebook.attachment_bytes WHERE uuid = $1::text::uuid",
                &[&uuid],
            )
            .map_err(|e| hub_error(Msg::new("hub-doing-pull"), e))?
            .map(|r| r.get(0)))
    }

    /// Tells the hub this device's diary id; returns the diary ids and hub
    /// names of the devices this one may hear from.
    pub fn device_names(&mut self, diary: uuid::Uuid) -> Result<Vec<(String, String)>> {
        let rows = self
            .client
            .query(
                "SELECT device_diary::text, device_name FROM casebook.device_names($1::text::uuid)",
                &[&diary.to_string()],
            )
            .map_err(|e| hub_error(Msg::new("hub-doing-sync"), e))?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    /// Runs SQL on this connection as it is: for tests that prove what a
    /// device's own connection can and cannot read.
    #[doc(hidden)]
    pub fn client(&mut self) -> &mut Client {
        &mut self.client
    }
}

/// 32 letters and digits from the operating system's generator.
fn random_password() -> String {
    use rand::Rng;
    use rand::distr::Alphanumeric;
    rand::rng()
        .sample_iter(&Alphanumeric)
        .take(32)
        .map(char::from)
        .collect()
}

/// `s` without control characters, for a message.
fn printable(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_socket_or_loopback_may_go_without_tls() {
        for local in ["localhost", "127.0.0.1", "::1", "[::1]"] {
            assert!(is_local(&Host::Tcp(local.into())), "{local}");
        }
        assert!(is_local(&Host::Unix("/var/run/postgresql".into())));
        for remote in [
            "db.example.org",
            "10.0.0.5",
            "192.168.1.10",
            "localhost.example.org",
        ] {
            assert!(!is_local(&Host::Tcp(remote.into())), "{remote}");
        }
    }

    #[test]
    fn copy_text_escapes_what_the_format_reserves() {
        let mut out = String::new();
        copy_text(&mut out, "{\"a\":\"x\\ny\"}\tz\r\n");
        assert_eq!(out, "{\"a\":\"x\\\\ny\"}\\tz\\r\\n");
    }

    #[test]
    fn device_passwords_are_long_and_plain() {
        let p = random_password();
        assert_eq!(p.len(), 32);
        assert!(p.chars().all(|c| c.is_ascii_alphanumeric()));
        assert_ne!(p, random_password());
    }
}
