//! tower-sessions' store on whichever backend `Db` holds.

use super::{Db, Pool};
use async_trait::async_trait;
use std::sync::{
    Arc,
    atomic::{AtomicU64, Ordering},
};
use tower_sessions::{
    ExpiredDeletion, SessionStore,
    session::{Id, Record},
    session_store,
};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

#[derive(Clone, Debug)]
pub struct SessionStoreOnDb {
    store: Store,
    /// The pool's query count ([`Db::queries`]): sessions are loaded and saved through it.
    queries: Arc<AtomicU64>,
}

#[derive(Clone, Debug)]
enum Store {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

impl Db {
    /// The session store on this database (its table is created by our migrations).
    pub fn session_store(&self) -> SessionStoreOnDb {
        let store = match &self.pool {
            Pool::Sqlite(pool) => Store::Sqlite(SqliteStore::new(pool.clone())),
            Pool::Postgres(pool) => Store::Postgres(PostgresStore::new(pool.clone())),
        };
        SessionStoreOnDb {
            store,
            queries: self.queries.clone(),
        }
    }
}

/// Runs the same call on whichever store, counted as one query; a failure is noted on the
/// request being served, so the bare 500 tower-sessions answers with can become a 503
/// (`http/session_guard.rs`).
macro_rules! on_store {
    ($store:expr, |$s:ident| $body:expr) => {{
        $store.queries.fetch_add(1, Ordering::Relaxed);
        match &$store.store {
            Store::Sqlite($s) => $body,
            Store::Postgres($s) => $body,
        }
        .inspect_err(|_| crate::server::serving::note_session_store_failed())
    }};
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
