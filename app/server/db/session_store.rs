//! tower-sessions' store on whichever backend `Db` holds. A session is loaded with the user
//! it is signed in as, in one statement: what every signed-in request asks first.

use super::{Db, DbError, Pool, UserRecord, on_backend, users::COLUMNS};
use crate::server::serving;
use async_trait::async_trait;
use sqlx::{FromRow, Row};
use tower_sessions::{
    ExpiredDeletion, SessionStore,
    cookie::time::OffsetDateTime,
    session::{Id, Record},
    session_store,
};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

/// Saves and deletes through tower-sessions' own store; loads itself, through `db`, whose
/// query count ([`Db::queries`]) counts both.
#[derive(Clone)]
pub struct SessionStoreOnDb {
    store: Store,
    db: Db,
}

impl std::fmt::Debug for SessionStoreOnDb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionStoreOnDb")
            .field("store", &self.store)
            .finish_non_exhaustive()
    }
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
            db: self.clone(),
        }
    }

    /// Session `id`'s record as the store encoded it, if it has not expired, and the user
    /// `user_sessions` says it is signed in as, if any.
    async fn session_with_user(
        &self,
        id: &str,
    ) -> Result<Option<(Vec<u8>, Option<UserRecord>)>, DbError> {
        // The store's own table, and its own comparison: on SQLite it writes the expiry as
        // text, so only the same encoding of now compares right.
        let table = match self.pool {
            Pool::Sqlite(_) => "tower_sessions",
            Pool::Postgres(_) => "tower_sessions.session",
        };
        let sql = format!(
            "SELECT s.data AS session_data, u.* FROM {table} s \
             LEFT JOIN user_sessions us ON us.session_id = s.id \
             LEFT JOIN (SELECT {COLUMNS} FROM users) u ON u.id = us.user_id \
             WHERE s.id = $1 AND s.expiry_date > $2"
        );
        on_backend!(self, |pool| {
            let row = sqlx::query(&sql)
                .bind(id)
                .bind(OffsetDateTime::now_utc())
                .fetch_optional(pool)
                .await?;
            row.map(|row| {
                let data: Vec<u8> = row.try_get("session_data")?;
                let signed_in = row.try_get::<Option<i64>, _>("id")?.is_some();
                let user = signed_in.then(|| UserRecord::from_row(&row)).transpose()?;
                Ok((data, user))
            })
            .transpose()
        })
    }
}

/// Runs the same call on whichever store, counted as one query; a failure is noted on the
/// request being served, so the bare 500 tower-sessions answers with can become a 503
/// (`http/session_guard.rs`).
macro_rules! on_store {
    ($store:expr, |$s:ident| $body:expr) => {{
        $store.db.count_query();
        match &$store.store {
            Store::Sqlite($s) => $body,
            Store::Postgres($s) => $body,
        }
        .inspect_err(|_| serving::note_session_store_failed())
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

    /// The record, noting its user for [`crate::server::auth::user_of_session`] on the
    /// request being served, so that it need not ask again.
    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let loaded = self
            .db
            .session_with_user(&id.to_string())
            .await
            .map_err(|e| {
                serving::note_session_store_failed();
                session_store::Error::Backend(e.to_string())
            })?;
        let Some((data, user)) = loaded else {
            return Ok(None);
        };
        let record: Record = rmp_serde::from_slice(&data)
            .map_err(|e| session_store::Error::Decode(e.to_string()))?;
        serving::note_session_user(record.id, user);
        Ok(Some(record))
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
