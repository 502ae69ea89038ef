//! The whole database as rows and back, for `v2mom backup` and `v2mom restore`. Which
//! tables, in what order, and the SQL; the archive format and its checks are in
//! `server::backup`.

use super::columns::{Bound, Kind, read_values};
use super::{Db, DbError, Pool, Tx, on_tx};
use futures_util::{StreamExt, stream::BoxStream};
use serde_json::Value;

/// Every table a backup holds, parents before the tables that refer to them, so a restore
/// can insert them in this order. A test keeps this list and [`NOT_BACKED_UP`] complete.
pub const BACKED_UP: &[&str] = &[
    "instance",
    "users",
    "periods",
    "sso_providers",
    "sso_identities",
    "api_keys",
    "totp_factors",
    "recovery_codes",
    "passkeys",
    "invitations",
    "auth_failures",
    "v2moms",
    "v2mom_values",
    "v2mom_methods",
    "v2mom_obstacles",
    "v2mom_measures",
    "v2mom_revisions",
    "v2mom_amendments",
    "measure_check_ins",
    "events",
    "webhooks",
    "webhook_deliveries",
    "notifications",
    "notification_settings",
    "audit_log",
];

/// Columns that refer to a row of their own table, which may come later in it (a manager
/// added after their report): a restore inserts them empty and fills them in afterwards.
pub const LATE_COLUMNS: &[(&str, &str)] =
    &[("users", "manager_id"), ("v2mom_methods", "aligned_to")];

/// Tables a backup leaves out, and why.
pub const NOT_BACKED_UP: &[(&str, &str)] = &[
    (
        "_sqlx_migrations",
        "the schema's version, which the archive records; a restore migrates the new database",
    ),
    (
        "tower_sessions",
        "sessions are credentials and belong to the running server: a restore signs everyone out",
    ),
    ("user_sessions", "the list of those sessions"),
    (
        "scheduled_runs",
        "when this deployment's scheduled jobs run next; a restored one keeps its own schedule",
    ),
];

/// Rows inserted per statement at most, counted in values (both backends allow far more).
const VALUES_PER_INSERT: usize = 4000;

/// A column as the backup moves it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnKind {
    pub name: String,
    /// `None` for a type a backup cannot carry (a test keeps the schema free of them).
    pub kind: Option<Kind>,
}

impl Db {
    /// The newest migration applied to the database, if any.
    pub async fn schema_version(&self) -> Result<Option<i64>, DbError> {
        self.count_query();
        const SQL: &str = "SELECT MAX(version) FROM _sqlx_migrations WHERE success";
        match &self.pool {
            Pool::Sqlite(pool) => sqlx::query_scalar(SQL).fetch_one(pool).await,
            Pool::Postgres(pool) => sqlx::query_scalar(SQL).fetch_one(pool).await,
        }
    }

    /// The newest migration this build knows: the schema [`Db::migrate`] brings a database to.
    pub fn build_schema_version(&self) -> i64 {
        self.migrator()
            .iter()
            .map(|migration| migration.version)
            .max()
            .unwrap_or(0)
    }

    /// The columns of `table` in the order the schema declares them, with their kinds.
    pub async fn column_kinds(&self, table: &str) -> Result<Vec<ColumnKind>, DbError> {
        self.count_query();
        let declared: Vec<(String, String)> = match &self.pool {
            Pool::Sqlite(pool) => {
                sqlx::query_as("SELECT name, type FROM pragma_table_info($1) ORDER BY cid")
                    .bind(table)
                    .fetch_all(pool)
                    .await?
            }
            Pool::Postgres(pool) => {
                sqlx::query_as(
                    "SELECT column_name::TEXT, data_type::TEXT FROM information_schema.columns \
                     WHERE table_schema = current_schema() AND table_name = $1 \
                     ORDER BY ordinal_position",
                )
                .bind(table)
                .fetch_all(pool)
                .await?
            }
        };
        let backend = self.backend();
        Ok(declared
            .into_iter()
            .map(|(name, declared)| ColumnKind {
                kind: match backend {
                    crate::model::Backend::Sqlite => Kind::of_sqlite(&declared, &name),
                    crate::model::Backend::Postgres => Kind::of_postgres(&declared),
                },
                name,
            })
            .collect())
    }

    /// A read-only transaction that sees the database as it was when it started, however
    /// long it runs and whatever others write meanwhile: PostgreSQL's REPEATABLE READ, and
    /// on SQLite a read transaction, which in WAL mode keeps its snapshot without blocking
    /// writers.
    pub async fn begin_snapshot(&self) -> Result<Tx, DbError> {
        self.count_query();
        Ok(match &self.pool {
            Pool::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN DEFERRED").await?),
            Pool::Postgres(pool) => Tx::Postgres(
                pool.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    .await?,
            ),
        })
    }
}

/// `SELECT` of every column of a table, in key order (each table's first column is its key).
pub fn select_all(table: &str, columns: &[ColumnKind]) -> String {
    let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
    format!("SELECT {} FROM {table} ORDER BY 1", names.join(", "))
}

impl Tx {
    /// The rows `sql` (from [`select_all`]) selects, one at a time, each value as JSON.
    pub fn rows<'a>(
        &'a mut self,
        sql: &'a str,
        kinds: &'a [Option<Kind>],
    ) -> BoxStream<'a, Result<Vec<Value>, DbError>> {
        on_tx!(self, |conn| sqlx::query(sql)
            .fetch(conn)
            .map(move |row| { read_values(&row?, |i, _| kinds.get(i).copied().flatten()) })
            .boxed())
    }

    /// Whether `table` has any row.
    pub async fn has_rows(&mut self, table: &str) -> Result<bool, DbError> {
        let sql = format!("SELECT EXISTS (SELECT 1 FROM {table})");
        on_tx!(self, |conn| sqlx::query_scalar(&sql).fetch_one(conn).await)
    }

    /// Inserts `rows` (each a value per column of `columns`), keeping their ids.
    pub async fn insert_rows(
        &mut self,
        table: &str,
        columns: &[&str],
        rows: &[Vec<Bound>],
    ) -> Result<(), DbError> {
        // PostgreSQL refuses a given value for a GENERATED ALWAYS id without this.
        let overriding = match self {
            Tx::Sqlite(_) => "",
            Tx::Postgres(_) => " OVERRIDING SYSTEM VALUE",
        };
        let per_statement = (VALUES_PER_INSERT / columns.len().max(1)).max(1);
        for batch in rows.chunks(per_statement) {
            let mut n = 0;
            let tuples: Vec<String> = batch
                .iter()
                .map(|row| {
                    let marks: Vec<String> = row
                        .iter()
                        .map(|_| {
                            n += 1;
                            format!("${n}")
                        })
                        .collect();
                    format!("({})", marks.join(", "))
                })
                .collect();
            let sql = format!(
                "INSERT INTO {table} ({}){overriding} VALUES {}",
                columns.join(", "),
                tuples.join(", ")
            );
            on_tx!(self, |conn| {
                let mut query = sqlx::query(&sql);
                for value in batch.iter().flatten() {
                    query = match value.clone() {
                        Bound::Int(v) => query.bind(v),
                        Bound::Real(v) => query.bind(v),
                        Bound::Bool(v) => query.bind(v),
                        Bound::Text(v) => query.bind(v),
                        Bound::Timestamp(v) => query.bind(v),
                        Bound::Date(v) => query.bind(v),
                    };
                }
                query.execute(conn).await.map(|_| ())
            })?;
        }
        Ok(())
    }

    /// Sets `column` of the rows of `table` by id: the [`LATE_COLUMNS`] after their table.
    pub async fn set_late(
        &mut self,
        table: &str,
        column: &str,
        values: &[(i64, i64)],
    ) -> Result<(), DbError> {
        let sql = format!("UPDATE {table} SET {column} = $1 WHERE id = $2");
        for (id, value) in values {
            on_tx!(self, |conn| sqlx::query(&sql)
                .bind(value)
                .bind(id)
                .execute(conn)
                .await
                .map(|_| ()))?;
        }
        Ok(())
    }

    /// Moves each table's id sequence past the ids a restore inserted (PostgreSQL; SQLite
    /// keeps track by itself).
    pub async fn reset_id_sequences(&mut self, tables: &[&str]) -> Result<(), DbError> {
        let Tx::Postgres(tx) = self else {
            return Ok(());
        };
        for table in tables {
            let sequence: Option<Option<String>> = sqlx::query_scalar(
                "SELECT pg_get_serial_sequence(table_name::TEXT, 'id') \
                 FROM information_schema.columns WHERE table_schema = current_schema() \
                 AND table_name = $1 AND column_name = 'id'",
            )
            .bind(table)
            .fetch_optional(&mut **tx)
            .await?;
            if let Some(Some(sequence)) = sequence {
                let sql = format!(
                    "SELECT setval($1::regclass, MAX(id)) FROM {table} HAVING MAX(id) IS NOT NULL"
                );
                sqlx::query(&sql).bind(sequence).execute(&mut **tx).await?;
            }
        }
        Ok(())
    }

    /// Deletes every row of `tables` (children first, so give them in reverse order of
    /// [`BACKED_UP`]) and every session: what `restore --force` replaces. The audit log
    /// refuses deletion by trigger; the triggers step aside inside this transaction only,
    /// so a restore that fails leaves the old log, triggers and all.
    pub async fn delete_everything(&mut self, tables: &[&str]) -> Result<(), DbError> {
        self.end_every_session().await?;
        let (unguard, guard): (Vec<String>, Vec<String>) = match self {
            Tx::Sqlite(tx) => sqlx::query_as::<_, (String, String)>(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' \
                 AND tbl_name = 'audit_log'",
            )
            .fetch_all(&mut **tx)
            .await?
            .into_iter()
            .map(|(name, sql)| (format!("DROP TRIGGER {name}"), sql))
            .unzip(),
            Tx::Postgres(_) => (
                vec!["ALTER TABLE audit_log DISABLE TRIGGER USER".into()],
                vec!["ALTER TABLE audit_log ENABLE TRIGGER USER".into()],
            ),
        };
        let delete = tables.iter().map(|table| format!("DELETE FROM {table}"));
        for sql in unguard.into_iter().chain(delete).chain(guard) {
            on_tx!(self, |conn| sqlx::query(&sql)
                .execute(conn)
                .await
                .map(|_| ()))?;
        }
        Ok(())
    }

    /// Ends every session, signed in or not: after a restore, no cookie issued before it
    /// may name a person (the same id may now be someone else).
    pub async fn end_every_session(&mut self) -> Result<(), DbError> {
        let store = match self {
            Tx::Sqlite(_) => "DELETE FROM tower_sessions",
            Tx::Postgres(_) => "DELETE FROM tower_sessions.session",
        };
        for sql in ["DELETE FROM user_sessions", store] {
            on_tx!(self, |conn| sqlx::query(sql)
                .execute(conn)
                .await
                .map(|_| ()))?;
        }
        Ok(())
    }
}
