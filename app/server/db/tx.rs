//! Write transactions on either backend.

use super::{Db, DbError, Pool};
use sqlx::{Postgres, Sqlite, Transaction};

pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

/// Runs the same code on the transaction's connection: `on_tx!(tx, |conn| …)`.
macro_rules! on_tx {
    ($tx:expr, |$conn:ident| $body:expr) => {
        match $tx {
            crate::server::db::Tx::Sqlite(t) => {
                let $conn = &mut **t;
                $body
            }
            crate::server::db::Tx::Postgres(t) => {
                let $conn = &mut **t;
                $body
            }
        }
    };
}
pub(crate) use on_tx;

/// What ends the `SELECT` that picks rows for a process to claim, on PostgreSQL: rows
/// another process is claiming at that moment are passed over rather than waited for.
/// SQLite lets one writer in at a time, so there it is nothing.
const SKIP_LOCKED: &str = " FOR UPDATE SKIP LOCKED";

impl Db {
    /// What ends the `SELECT` that picks rows to claim (see [`SKIP_LOCKED`]).
    pub fn skip_locked(&self) -> &'static str {
        match self.pool {
            Pool::Sqlite(_) => "",
            Pool::Postgres(_) => SKIP_LOCKED,
        }
    }

    /// Starts a write transaction. On SQLite it takes the write lock at once (IMMEDIATE):
    /// a transaction that read first and wrote later could otherwise fail when another
    /// writer committed in between.
    pub async fn begin(&self) -> Result<Tx, DbError> {
        self.count_query();
        Ok(match &self.pool {
            Pool::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Pool::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }
}

/// What a transaction-scoped lock serialises, on PostgreSQL (on SQLite, `BEGIN IMMEDIATE`
/// already holds the one write lock). Each value is the lock's key.
#[derive(Debug, Clone, Copy)]
pub enum Serialise {
    /// Appends to the audit chain, and writes that must not interleave with them.
    Audit = 7202611,
    /// Changes to roles, managers and status (the "last administrator" and "no cycles"
    /// checks).
    Organisation = 7202612,
    /// What each server writes as it starts (the configured sign-in providers), when
    /// several start at once.
    Provisioning = 7202613,
}

impl Tx {
    /// Takes `what`'s lock until this transaction ends. Taking it again in the same
    /// transaction is free.
    pub async fn serialise(&mut self, what: Serialise) -> Result<(), DbError> {
        if let Tx::Postgres(t) = self {
            sqlx::query("SELECT pg_advisory_xact_lock($1)")
                .bind(what as i64)
                .execute(&mut **t)
                .await?;
        }
        Ok(())
    }

    /// What ends a `SELECT` whose rows this transaction is about to change: ` FOR UPDATE` on
    /// PostgreSQL, which locks them; nothing on SQLite, whose write transaction already
    /// holds the whole database.
    pub fn row_lock(&self) -> &'static str {
        match self {
            Tx::Sqlite(_) => "",
            Tx::Postgres(_) => " FOR UPDATE",
        }
    }

    /// What ends the `SELECT` that picks rows to claim (see [`SKIP_LOCKED`]).
    pub fn skip_locked(&self) -> &'static str {
        match self {
            Tx::Sqlite(_) => "",
            Tx::Postgres(_) => SKIP_LOCKED,
        }
    }

    pub async fn commit(self) -> Result<(), DbError> {
        match self {
            Tx::Sqlite(t) => t.commit().await,
            Tx::Postgres(t) => t.commit().await,
        }
    }
}

/// Whether the error is a unique-constraint violation, asked of the driver rather than
/// read from the message.
pub fn is_unique_violation(err: &DbError) -> bool {
    err.as_database_error()
        .is_some_and(|e| e.is_unique_violation())
}
