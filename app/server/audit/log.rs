//! The audit log: who did what, to what, when, from where — written in the same
//! transaction as the change, and chained: each row's hash covers its content and the hash
//! of the row before, so changing or removing a row breaks every hash after it.

pub use crate::server::actor::Origin;
use crate::server::{
    db::{AuditRow, Db, DbError, Tx, now},
    outbox,
};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The `prev_hash` of the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One thing that happened. `details` must never hold a secret.
#[derive(Debug, Clone)]
pub struct Event {
    pub action: &'static str,
    pub actor_id: Option<i64>,
    pub target: Option<String>,
    pub details: Value,
}

impl Event {
    pub fn new(action: &'static str) -> Self {
        Event {
            action,
            actor_id: None,
            target: None,
            details: Value::Object(Default::default()),
        }
    }

    pub fn by(mut self, actor_id: i64) -> Self {
        self.actor_id = Some(actor_id);
        self
    }

    pub fn on(mut self, target: impl Into<String>) -> Self {
        self.target = Some(target.into());
        self
    }

    pub fn with(mut self, details: Value) -> Self {
        self.details = details;
        self
    }
}

impl Tx {
    /// Appends `event` to the chain; when it is also an event for others (see
    /// [`outbox::event_of`]), writes that into the outbox too, in this transaction.
    pub async fn audit(&mut self, origin: &Origin, event: Event) -> Result<(), DbError> {
        let prev_hash = self
            .lock_audit_head()
            .await?
            .unwrap_or_else(|| GENESIS.to_owned());
        let mut row = AuditRow {
            id: 0,
            at: now(),
            actor_id: event.actor_id,
            client_ip: origin.client_ip.clone(),
            action: event.action.to_owned(),
            target: event.target,
            details: event.details.to_string(),
            request_id: origin.request_id.clone(),
            prev_hash,
            hash: String::new(),
        };
        row.hash = chain_hash(&row);
        self.insert_audit_row(&row).await?;
        let event = outbox::event_of(
            &row.action,
            row.actor_id,
            row.target.as_deref(),
            &event.details,
        );
        match event {
            Some(event) => self.insert_event(&event, row.at).await,
            None => Ok(()),
        }
    }
}

/// SHA-256 over the previous hash and every recorded field, in a fixed JSON encoding.
pub fn chain_hash(row: &AuditRow) -> String {
    let content = serde_json::json!([
        row.prev_hash,
        row.at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        row.actor_id,
        row.client_ip,
        row.action,
        row.target,
        row.details,
        row.request_id,
    ]);
    hex::encode(Sha256::digest(content.to_string().as_bytes()))
}

/// The outcome of checking the whole chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainCheck {
    Intact {
        rows: usize,
    },
    /// The first row whose content or link does not match.
    BrokenAt {
        id: i64,
    },
}

pub async fn verify_chain(db: &Db) -> Result<ChainCheck, DbError> {
    let rows = db.audit_rows().await?;
    let mut chain = ChainWalk::default();
    for row in &rows {
        if !chain.follows(row) {
            return Ok(ChainCheck::BrokenAt { id: row.id });
        }
    }
    Ok(ChainCheck::Intact { rows: rows.len() })
}

/// Walks the chain a row at a time, oldest first: for a log read in one go or streamed.
pub struct ChainWalk {
    prev: String,
}

impl Default for ChainWalk {
    fn default() -> Self {
        ChainWalk {
            prev: GENESIS.to_owned(),
        }
    }
}

impl ChainWalk {
    /// Whether `row` links to the row before and its hash covers its content.
    pub fn follows(&mut self, row: &AuditRow) -> bool {
        let intact = row.prev_hash == self.prev && chain_hash(row) == row.hash;
        self.prev = row.hash.clone();
        intact
    }
}
