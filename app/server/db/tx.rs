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

impl Db {
    /// Starts a write transaction. On SQLite it takes the write lock at once (IMMEDIATE):
    /// a transaction that read first and wrote later could otherwise fail when another
    /// writer committed in between.
    pub async fn begin(&self) -> Result<Tx, DbError> {
        Ok(match &self.pool {
            Pool::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Pool::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }
}

impl Tx {
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
