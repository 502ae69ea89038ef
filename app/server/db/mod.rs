//! The repository: every query the application makes, behind one type, [`Db`].
//!
//! `Db` wraps a SQLite or a PostgreSQL pool. Queries are plain SQL with `$1` placeholders,
//! which both backends accept, written once and run through [`on_backend!`]; that macro
//! expands the same code for each pool, so each query is type-checked against both drivers.
//! Where the SQL must differ, a method matches on the pool itself. Methods are grouped by
//! area in the files beside this one.

mod alignment;
mod amendments;
mod among;
mod api_keys;
mod audit;
mod backup;
mod checkins;
pub mod columns;
mod events;
pub mod faults;
mod instance;
mod invitations;
mod mails;
mod measures;
mod org;
mod passkeys;
mod periods;
mod personal;
mod readiness;
mod reminders;
mod schedule;
mod sealed;
mod second_factors;
mod session_store;
mod sessions;
mod sso_identities;
mod sso_providers;
mod throttle;
mod tx;
mod users;
mod v2mom_head;
mod v2mom_list;
mod v2mom_parts;
mod v2moms;
mod webhooks;

pub use alignment::{LinkedMethod, MethodAlignment};
pub use among::Among;
pub use api_keys::{ApiKeyRecord, ApiKeyWithOwner, LAST_USED_PRECISION, NewApiKeyRow};
pub use audit::{AuditListRow, AuditQuery, AuditRow};
pub use backup::{BACKED_UP, ColumnKind, LATE_COLUMNS, NOT_BACKED_UP, select_all};
pub use events::{EventRow, NewEvent, NotificationRow, V2momPeople, subject_id};
pub use instance::Instance;
pub use invitations::InvitationRecord;
pub use mails::DueMail;
pub use measures::MeasureFacts;
pub use passkeys::{NewPasskey, PasskeyRecord};
pub use personal::{NOT_PERSONAL, PERSONAL_TABLES};
pub use readiness::Readiness;
pub use sealed::{SEALED_COLUMNS, SealedColumn};
pub use second_factors::{TOTP_SECRET, TotpRecord};
pub use session_store::SessionStoreOnDb;
pub use sessions::SessionRecord;
pub use sso_identities::{LinkedIdentityRow, NewSsoIdentity, SsoIdentityRecord};
pub use sso_providers::{CLIENT_SECRET, NewSsoProvider, SsoProviderChange, SsoProviderRecord};
pub(crate) use tx::on_tx;
pub use tx::{Serialise, Tx, is_unique_violation};
pub use users::{NewUser, UserRecord, email_key};
pub use v2mom_head::V2momHead;
pub use v2mom_list::{ReadScope, Window};
pub use v2mom_parts::V2momParts;
pub use v2moms::{NewV2mom, V2momHeader, display_time, rfc3339};
pub use webhooks::{Attempt, DeliveryRow, DueDelivery, WEBHOOK_SECRET, WebhookRow};

use super::config::{Config, Database};
use crate::model::Backend;
use chrono::{DateTime, SubsecRound, Utc};
use sqlx::{
    Connection, PgPool, SqlitePool,
    migrate::Migrator,
    pool::PoolOptions,
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous},
};
use std::{
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::Duration,
};

pub use sqlx::Error as DbError;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// How long a writer waits for SQLite's lock before giving up.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Clone)]
pub struct Db {
    pool: Pool,
    /// Queries sent through this pool (see [`Db::queries`]), shared by every clone.
    queries: Arc<AtomicU64>,
    /// Woken after each write transaction this process commits (see [`Db::note_commit`]).
    commits: Arc<tokio::sync::Notify>,
    /// V2MOMs' parts by version (`v2mom_parts.rs`).
    parts: v2mom_parts::PartsCache,
}

#[derive(Clone)]
enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs the same code against whichever pool `$db` holds: `on_backend!(self, |pool| …)`.
macro_rules! on_backend {
    ($db:expr, |$pool:ident| $body:expr) => {{
        $db.count_query();
        match &$db.pool {
            crate::server::db::Pool::Sqlite($pool) => $body,
            crate::server::db::Pool::Postgres($pool) => $body,
        }
    }};
}
pub(crate) use on_backend;

/// The pool settings of both backends. A connection still inside a transaction is closed
/// rather than lent out: SQLite's driver keeps counting one whose COMMIT failed (a full
/// disk) after SQLite itself rolled it back, and would refuse every later `BEGIN` on it.
/// (Checked after the pool's ping, so a rollback queued by a dropped transaction has run.)
fn pool_options<DB: sqlx::Database>(config: &Config) -> PoolOptions<DB> {
    let s = &config.settings;
    PoolOptions::new()
        .max_connections(s.db_max_connections)
        .acquire_timeout(Duration::from_secs(s.db_acquire_timeout_secs))
        .before_acquire(|conn: &mut DB::Connection, _| {
            Box::pin(async move { Ok(!conn.is_in_transaction()) })
        })
}

impl Db {
    /// Opens the pool. Creates the SQLite file if needed, with WAL, a busy timeout and
    /// foreign keys on; a PostgreSQL URL's own TLS settings apply, plus those from config.
    pub async fn connect(config: &Config) -> Result<Self, DbError> {
        let pool = match &config.database {
            Database::Sqlite { options, .. } => Pool::Sqlite(
                pool_options(config)
                    .connect_with(sqlite_options(options))
                    .await?,
            ),
            Database::Postgres { options, .. } => {
                Pool::Postgres(pool_options(config).connect_with(options.clone()).await?)
            }
        };
        Ok(Db {
            pool,
            queries: Arc::default(),
            commits: Arc::default(),
            parts: v2mom_parts::parts_cache(),
        })
    }

    /// How many queries this pool has been sent: each statement outside a transaction, each
    /// transaction as one, each session load or save. A page's cost is the difference across
    /// its request (`v2mom_db_queries_total`, and the bench's queries per page).
    pub fn queries(&self) -> u64 {
        self.queries.load(Ordering::Relaxed)
    }

    pub(crate) fn count_query(&self) {
        self.queries.fetch_add(1, Ordering::Relaxed);
    }

    /// Tells whoever waits in this process that a write transaction committed: the live
    /// feed then reads the outbox at once instead of at its next poll.
    pub fn note_commit(&self) {
        self.commits.notify_waiters();
    }

    /// Resolves at the next [`Db::note_commit`] after this call, even if polled later.
    pub fn next_commit(&self) -> tokio::sync::futures::Notified<'_> {
        self.commits.notified()
    }

    pub fn backend(&self) -> Backend {
        match self.pool {
            Pool::Sqlite(_) => Backend::Sqlite,
            Pool::Postgres(_) => Backend::Postgres,
        }
    }

    /// Applies every migration this build knows and the database has not seen yet.
    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        match &self.pool {
            Pool::Sqlite(pool) => SQLITE_MIGRATIONS.run(pool).await,
            Pool::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await,
        }
    }

    fn migrator(&self) -> &'static Migrator {
        match self.pool {
            Pool::Sqlite(_) => &SQLITE_MIGRATIONS,
            Pool::Postgres(_) => &POSTGRES_MIGRATIONS,
        }
    }

    pub async fn close(&self) {
        on_backend!(self, |pool| pool.close().await)
    }

    /// The pool now: connections open, of which idle, and the most it may open.
    pub fn pool_stats(&self) -> (u32, usize, u32) {
        on_backend!(self, |pool| (
            pool.size(),
            pool.num_idle(),
            pool.options().get_max_connections()
        ))
    }
}

/// Every SQLite connection: WAL so readers never block the writer, a busy timeout so
/// writers queue instead of failing, and foreign keys enforced (SQLite's default is off).
pub fn sqlite_options(options: &SqliteConnectOptions) -> SqliteConnectOptions {
    options
        .clone()
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(SQLITE_BUSY_TIMEOUT)
        .foreign_keys(true)
}

/// The current time at the precision both backends store (microseconds), so a value read
/// back equals the value written.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}
