//! Sync in the terminal UI (issue 19): the background thread, the header's
//! sync status. No PostgreSQL needed here; the hub itself is in
//! `tests/hub.rs`.

mod common;

use std::net::TcpListener;
use std::time::Duration;

use casebook::app::App;
use casebook::config::{Config, SyncConfig};
use casebook::domain::Contact;
use casebook::i18n::{Catalogue, Lang};
use casebook::store::{Store, SyncFailure, SyncStatus};
use casebook::sync::{Background, Round};
use common::ui::{app, draw, now};

fn with_hub(url: &str) -> Config {
    Config {
        sync: SyncConfig {
            url: Some(url.into()),
            interval_minutes: 5,
        },
        ..Config::default()
    }
}

fn header(app: &App, w: u16) -> String {
    draw(app, w, 24)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

/// The frozen clock as UTC, as the header reads it.
fn now_utc() -> chrono::DateTime<chrono::Utc> {
    chrono::TimeZone::from_local_datetime(&chrono::Local, &now())
        .earliest()
        .expect("a local time")
        .with_timezone(&chrono::Utc)
}

#[test]
fn without_a_hub_no_thread_starts_and_the_header_says_nothing_of_sync() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("diary.db");
    Store::open(&db).expect("diary");
    assert!(
        Background::start(&SyncConfig::default(), &db, None).is_none(),
        "no hub configured: no thread, no connection"
    );
    let a = app(Store::open(&db).expect("diary"), Config::default());
    assert_eq!(a.sync, None);
    assert!(!header(&a, 120).contains("sync"), "{}", header(&a, 120));
}

/// With a hub configured, the thread connects on its own (a listener on
/// loopback stands in for a hub that accepts the connection and then
/// drops it), notes the failure in the diary, and the UI — on its own
/// connection — sees the diary change and shows it in the header.
#[test]
fn with_a_hub_a_thread_syncs_on_its_own_and_the_header_follows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("diary.db");
    let mut store = Store::open(&db).expect("diary");
    store
        .add_contact(&Contact::named("Gwen Price"))
        .expect("contact");
    let listener = TcpListener::bind("127.0.0.1:0").expect("listen");
    let port = listener.local_addr().expect("address").port();
    let config = with_hub(&format!(
        "postgresql://casebook_dev_x:secret@127.0.0.1:{port}/casebook"
    ));
    let mut ui = app(store, config.clone());
    assert_eq!(
        ui.sync.as_ref().map(|s| s.joined),
        Some(false),
        "not synced yet"
    );
    let background = Background::start(&config.sync, &db, None).expect("started");
    // The thread's connection arrives; the "hub" hangs up at once.
    let (conn, _) = listener.accept().expect("the thread connected");
    drop(conn);
    let round = background
        .rounds
        .recv_timeout(Duration::from_secs(120))
        .expect("a round ended");
    assert!(matches!(round, Round::Failed(_)), "{round:?}");
    assert!(ui.check_for_changes(), "the thread wrote to the diary");
    let status = ui.sync.clone().expect("status");
    assert!(status.failure.is_some(), "{status:?}");
    let top = header(&ui, 120);
    assert!(
        top.contains("offline") || top.contains("sync failed"),
        "{top}"
    );
}

/// The header's sync states at both sizes: synced a while ago, offline
/// with changes waiting, a conflict waiting; and in Welsh.
#[test]
fn header_sync_states() {
    let mut store = Store::open_in_memory().expect("store");
    for name in ["Gwen Price", "Dai Morgan", "Siân Davies"] {
        store.add_contact(&Contact::named(name)).expect("contact");
    }
    store.join_hub().expect("join");
    store
        .sync_failed(SyncFailure::Unreachable)
        .expect("a failed sync noted");
    let mut a = app(store, with_hub("postgresql://h/casebook"));
    assert_eq!(a.sync.as_ref().map(|s| s.waiting), Some(3));
    insta::assert_snapshot!("sync_offline_80x24", draw(&a, 80, 24));
    insta::assert_snapshot!("sync_offline_120x40", draw(&a, 120, 40));

    let synced = SyncStatus {
        joined: true,
        synced_at: Some(now_utc() - chrono::Duration::minutes(2)),
        ..SyncStatus::default()
    };
    a.sync = Some(synced.clone());
    insta::assert_snapshot!("sync_synced_80x24", draw(&a, 80, 24));
    insta::assert_snapshot!("sync_synced_120x40", draw(&a, 120, 40));

    a.sync = Some(SyncStatus {
        conflicts: 1,
        ..synced.clone()
    });
    insta::assert_snapshot!("sync_conflict_80x24", draw(&a, 80, 24));
    insta::assert_snapshot!("sync_conflict_120x40", draw(&a, 120, 40));

    a.words = Catalogue::embedded(Lang::Cy);
    a.sync = Some(SyncStatus {
        waiting: 14,
        failure: Some((SyncFailure::Unreachable, now_utc())),
        ..synced.clone()
    });
    assert!(header(&a, 120).contains("all-lein — 14 newid yn aros"));
    a.sync = Some(SyncStatus {
        conflicts: 2,
        ..synced
    });
    assert!(header(&a, 120).contains("2 wrthdaro"));
}

#[test]
fn synced_says_how_long_ago_in_minutes_hours_and_days() {
    let mut a = app(
        Store::open_in_memory().expect("store"),
        with_hub("postgresql://h/casebook"),
    );
    for (minutes, said) in [
        (0, "synced just now"),
        (2, "synced 2 min ago"),
        (125, "synced 2 h ago"),
        (1500, "synced yesterday"),
        (4400, "synced 3 days ago"),
    ] {
        a.sync = Some(SyncStatus {
            joined: true,
            synced_at: Some(now_utc() - chrono::Duration::minutes(minutes)),
            ..SyncStatus::default()
        });
        assert!(
            header(&a, 120).contains(said),
            "{minutes}: {}",
            header(&a, 120)
        );
    }
}

/// A real conflict, made by the store's own merge: a contact pulled from
/// another device, changed here (not yet pushed), then changed on the other
/// device too. Returns the store and the contact's UUID.
fn with_a_conflict() -> (Store, String) {
    use casebook::store::{Remote, stamp_of};
    use serde_json::{Map, Value};
    let mut store = Store::open_in_memory().expect("store");
    store.join_hub().expect("join");
    let uuid = uuid::Uuid::now_v7().to_string();
    let record = |phone: &str, hlc: i64, version: i64| {
        let mut data = Map::new();
        data.insert("name".into(), Value::from("Gwen Price"));
        data.insert("name_fold".into(), Value::from("gwen price"));
        data.insert("phone".into(), Value::from(phone));
        data.insert("created_at".into(), Value::from("2026-03-02T09:00:00.000Z"));
        data.insert("updated_at".into(), Value::from("2026-03-02T09:00:00.000Z"));
        let clocks = data
            .keys()
            .map(|k| (k.clone(), Value::from(stamp_of(hlc, "the-desktop"))))
            .collect();
        let versions = data
            .keys()
            .map(|k| (k.clone(), Value::from(version)))
            .collect();
        Remote {
            kind: "contact".into(),
            uuid: uuid.clone(),
            data,
            clocks,
            versions,
            deleted: false,
            erased: false,
            version,
        }
    };
    store
        .apply_pulled(&[record("01234 111111", 5, 1)], 1)
        .expect("first pull");
    let id = store.contacts_named("Gwen Price").expect("find")[0].id;
    let mut c = store.contact(id).expect("contact").data;
    c.phone = Some("01234 222222".into());
    store.update_contact(id, &c).expect("edited here");
    // The desktop's later edit of the same field; its clock is behind ours.
    store
        .apply_pulled(&[record("01234 333333", 6, 2)], 2)
        .expect("second pull");
    assert_eq!(store.conflicts().expect("conflicts").len(), 1);
    // The hub's name for that device, as a sync notes it: the room says
    // it without asking the network.
    store
        .remember_devices(&[("the-desktop".into(), "desktop-home".into())])
        .expect("names");
    assert_eq!(
        store.conflicts().expect("conflicts")[0].device.as_deref(),
        Some("desktop-home")
    );
    (store, uuid)
}

/// The conflicts room, reached with the key the header shows beside "1
/// conflict": the conflict listed with both values; keeping the other
/// device's value settles it through the store, as `casebook sync
/// --choose` does, and queues it to win everywhere.
#[test]
fn a_conflict_is_settled_from_the_conflicts_room() {
    use casebook::app::{Action, Screen, key};
    use ratatui::crossterm::event::KeyCode;
    let (store, _) = with_a_conflict();
    let mut a = app(store, with_hub("postgresql://h/casebook"));
    a.sync = Some(SyncStatus {
        joined: true,
        synced_at: Some(now_utc() - chrono::Duration::minutes(2)),
        conflicts: 1,
        ..SyncStatus::default()
    });
    assert!(
        header(&a, 80).contains("! 1 conflict"),
        "{}",
        header(&a, 80)
    );
    a.press(key(KeyCode::Char('!')));
    let Screen::Conflicts(room) = &mut a.screen else {
        panic!("the conflicts room is in front");
    };
    assert_eq!(room.rows.len(), 1);
    // When it was found is the real clock's: frozen for the picture.
    room.rows[0].found_at = Some("2026-03-02T09:25:00.000Z".into());
    insta::assert_snapshot!("conflicts_room_80x24", draw(&a, 80, 24));
    insta::assert_snapshot!("conflicts_room_120x40", draw(&a, 120, 40));
    let waiting_before = a.store.sync_state().expect("state").waiting;
    a.update(Action::KeepOther);
    assert!(a.store.conflicts().expect("conflicts").is_empty());
    let id = a.store.contacts_named("Gwen Price").expect("find")[0].id;
    assert_eq!(
        a.store.contact(id).expect("contact").data.phone.as_deref(),
        Some("01234 333333"),
        "the other device's number kept"
    );
    let plan = a.store.outbox_plan().expect("outbox");
    assert!(
        plan.pending.iter().any(|p| p.kind == "contact"),
        "the choice goes to the hub"
    );
    assert!(a.store.sync_state().expect("state").waiting >= waiting_before);
    assert!(
        a.status.as_deref().is_some_and(|s| s.contains("settled")),
        "{:?}",
        a.status
    );
    insta::assert_snapshot!("conflicts_room_settled_80x24", draw(&a, 80, 24));
}

#[test]
fn keeping_this_devices_value_settles_it_too() {
    use casebook::app::{Action, Screen};
    let (store, _) = with_a_conflict();
    let mut a = app(store, with_hub("postgresql://h/casebook"));
    a.update(Action::GotoConflicts);
    assert!(matches!(a.screen, Screen::Conflicts(_)));
    a.update(Action::KeepHere);
    assert!(a.store.conflicts().expect("conflicts").is_empty());
    let id = a.store.contacts_named("Gwen Price").expect("find")[0].id;
    assert_eq!(
        a.store.contact(id).expect("contact").data.phone.as_deref(),
        Some("01234 222222")
    );
    assert_eq!(
        a.sync.as_ref().map(|s| s.conflicts),
        Some(0),
        "the header follows"
    );
}

/// A background round that described files too big for the hub says so
/// once, in the status line, in the reader's language.
#[test]
fn a_round_that_kept_a_big_file_here_says_so_once() {
    use casebook::sync::SyncReport;
    let round = Round::Synced(SyncReport {
        pushed: 3,
        files_not_shared: 1,
        ..SyncReport::default()
    });
    let mut a = app(
        Store::open_in_memory().expect("store"),
        with_hub("postgresql://nobody@127.0.0.1:1/none"),
    );
    a.sync_round(&round);
    let frame = draw(&a, 160, 24);
    assert!(
        frame.contains("1 attachment is too big to share through the hub"),
        "{frame}"
    );
    a.status = None;
    a.sync_round(&Round::Synced(SyncReport::default()));
    assert!(a.status.is_none(), "an ordinary round says nothing");

    let mut a = app(
        Store::open_in_memory().expect("store"),
        with_hub("postgresql://nobody@127.0.0.1:1/none"),
    );
    a.words = Catalogue::embedded(Lang::Cy);
    a.sync_round(&round);
    let frame = draw(&a, 160, 24);
    assert!(frame.contains("rhy fawr i'w rannu drwy'r hyb"), "{frame}");
}
