//! tower-sessions' store on whichever backend `Db` holds.

use super::{Db, Pool};
use async_trait::async_trait;
use tower_sessions::{
    ExpiredDeletion, SessionStore,
    session::{Id, Record},
    session_store,
};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

#[derive(Clone, Debug)]
pub enum SessionStoreOnDb {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

impl Db {
    /// The session store on this database (its table is created by our migrations).
    pub fn session_store(&self) -> SessionStoreOnDb {
        match &self.pool {
            Pool::Sqlite(pool) => SessionStoreOnDb::Sqlite(SqliteStore::new(pool.clone())),
            Pool::Postgres(pool) => SessionStoreOnDb::Postgres(PostgresStore::new(pool.clone())),
        }
    }
}

/// Runs the same call on whichever store; a failure is noted on the request being served,
/// so the bare 500 tower-sessions answers with can become a 503 (`http/session_guard.rs`).
macro_rules! on_store {
    ($store:expr, |$s:ident| $body:expr) => {
        match $store {
            SessionStoreOnDb::Sqlite($s) => $body,
            SessionStoreOnDb::Postgres($s) => $body,
        }
        .inspect_err(|_| crate::server::serving::note_session_store_failed())
    };
}

#[async_trait]
impl SessionStore for SessionStoreOnDb {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        on_store!(self, |s| s.create(record).await)
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        on_store!(self, |s| s.save(record).await)
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        on_store!(self, |s| s.load(id).await)
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        on_store!(self, |s| s.delete(id).await)
    }
}

#[async_trait]
impl ExpiredDeletion for SessionStoreOnDb {
    async fn delete_expired(&self) -> session_store::Result<()> {
        on_store!(self, |s| s.delete_expired().await)
    }
}
