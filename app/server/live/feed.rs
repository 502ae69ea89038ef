//! The reader of the outbox in each process, while anyone listens. It reads the events after
//! the last one it published, whenever one may have committed: PostgreSQL announces each
//! (`NOTIFY`, so every process hears the others' commits), this process's own commits wake
//! it too, and it looks anyway every second (a lost connection misses announcements, and
//! nothing is lost because the outbox is read by id).
//!
//! Events commit in id order: every event is written by `Tx::audit`, which holds the audit
//! chain's lock until its transaction ends, so reading "after the last id" never skips one
//! that commits late.

use super::hub::{Heard, Hub};
use crate::{
    model::LiveEvent,
    server::db::{Db, DbError, EventRow, rfc3339},
};
use sqlx::postgres::PgListener;
use std::time::Duration;

/// How often the feed looks when nothing woke it.
const POLL: Duration = Duration::from_secs(1);
/// Events read per query.
const BATCH: i64 = 100;

/// Runs until nobody listens.
pub async fn run(hub: Hub, db: Db, mut last: i64) {
    let mut listener = None;
    loop {
        // Registered before reading, so a commit during the read wakes the next wait.
        let committed = db.next_commit();
        if !hub.keep_feeding() {
            return;
        }
        if listener.is_none() {
            listener = db.listen_for_events().await.unwrap_or_else(|err| {
                tracing::warn!(error = %err, "cannot listen for events; polling meanwhile");
                None
            });
        }
        if let Err(err) = publish_after(&hub, &db, &mut last).await {
            tracing::warn!(error = %err, "reading new events failed; will retry");
        }
        tokio::select! {
            () = committed => {}
            () = announced(&mut listener) => {}
            () = tokio::time::sleep(POLL) => {}
        }
    }
}

/// Waits for an announcement on PostgreSQL (forever on SQLite). A failed connection is
/// dropped, to be made again on the next round.
async fn announced(listener: &mut Option<PgListener>) {
    let Some(connection) = listener else {
        return std::future::pending().await;
    };
    if let Err(err) = connection.recv().await {
        tracing::warn!(error = %err, "listening for events failed; polling meanwhile");
        *listener = None;
        return tokio::time::sleep(POLL).await;
    }
    // Announcements that arrived meanwhile are covered by the one read that follows.
    while connection.next_buffered().is_some() {}
}

/// Publishes every event after `last`, moving `last` past each.
async fn publish_after(hub: &Hub, db: &Db, last: &mut i64) -> Result<(), DbError> {
    loop {
        let rows = db.events_after(*last, BATCH).await?;
        for row in &rows {
            if let Some(heard) = hear(db, row).await? {
                hub.publish(heard);
            }
            *last = row.id;
        }
        if rows.len() < BATCH as usize {
            return Ok(());
        }
    }
}

/// `row` as listeners get it: its ids and who did it by name, with the V2MOM's header for
/// their policy checks. None for a kind this build does not know.
pub async fn hear(db: &Db, row: &EventRow) -> Result<Option<Heard>, DbError> {
    let Some(kind) = row.kind() else {
        return Ok(None);
    };
    let payload: serde_json::Value = serde_json::from_str(&row.payload).unwrap_or_default();
    let v2mom_id = row.subject_id("v2mom");
    let v2mom = match v2mom_id {
        Some(id) => db.v2mom_header(id).await?,
        None => None,
    };
    let actor_name = match row.actor_id {
        Some(id) => db.user_by_id(id).await?.map(|user| user.display_name),
        None => None,
    };
    Ok(Some(Heard {
        event: LiveEvent {
            id: row.id,
            kind,
            v2mom_id,
            user_id: row.subject_id("user"),
            version: payload.get("version").and_then(serde_json::Value::as_i64),
            actor_id: row.actor_id,
            actor_name,
            at: rfc3339(row.at),
        },
        v2mom,
    }))
}
