//! Every row held about one person, table by table: what a data-protection access request
//! is answered with. The list is explicit (a table added later is either listed here or in
//! [`NOT_PERSONAL`], which a test checks against the schema), and so are the columns: a
//! secret (a password hash, a token hash, a session id) is never selected.

use super::columns::{Kind, read_values};
use super::{Db, DbError, Tx, now, on_backend, on_tx};
use serde_json::{Map, Value};
use sqlx::{Column, Row};

/// A table holding personal data: which columns to give, and which rows are about the
/// person whose id is `$1`.
pub struct PersonalTable {
    pub table: &'static str,
    columns: &'static str,
    about: &'static str,
}

/// The V2MOMs the person owns, as a subquery.
macro_rules! owned {
    () => {
        "(SELECT id FROM v2moms WHERE owner_id = $1)"
    };
}
/// The methods of those V2MOMs.
macro_rules! owned_methods {
    () => {
        concat!(
            "(SELECT id FROM v2mom_methods WHERE v2mom_id IN ",
            owned!(),
            ")"
        )
    };
}

pub const PERSONAL_TABLES: &[PersonalTable] = &[
    PersonalTable {
        table: "users",
        columns: "id, email, display_name, job_title, function, role, manager_id, status, \
                  created_at, updated_at",
        about: "id = $1",
    },
    PersonalTable {
        table: "user_sessions",
        columns: "created_at, last_seen_at, client_ip, user_agent",
        about: "user_id = $1",
    },
    PersonalTable {
        table: "sso_identities",
        columns: "id, provider_id, issuer, subject, email, created_at, last_used_at",
        about: "user_id = $1",
    },
    PersonalTable {
        table: "api_keys",
        columns: "id, user_id, name, prefix, scopes, created_at, expires_at, last_used_at, \
                  revoked_at, revoked_by",
        about: "user_id = $1 OR revoked_by = $1",
    },
    PersonalTable {
        table: "totp_factors",
        columns: "created_at, confirmed_at",
        about: "user_id = $1",
    },
    PersonalTable {
        table: "recovery_codes",
        columns: "id, created_at, used_at",
        about: "user_id = $1",
    },
    PersonalTable {
        table: "passkeys",
        columns: "id, name, created_at, last_used_at",
        about: "user_id = $1",
    },
    PersonalTable {
        table: "invitations",
        columns: "id, user_id, created_by, created_at, expires_at, closed_at",
        about: "user_id = $1 OR created_by = $1",
    },
    PersonalTable {
        table: "auth_failures",
        columns: "id, kind, at",
        about: "scope = 'account:' || (SELECT email_key FROM users WHERE id = $1)",
    },
    PersonalTable {
        table: "v2moms",
        columns: "id, owner_id, period_id, title, vision, status, version, published_revision, \
                  previous_published_revision, review_comment, created_by, created_at, \
                  updated_by, updated_at, amended_at",
        about: "owner_id = $1 OR created_by = $1 OR updated_by = $1",
    },
    PersonalTable {
        table: "v2mom_values",
        columns: "id, v2mom_id, position, name, description",
        about: concat!("v2mom_id IN ", owned!()),
    },
    PersonalTable {
        table: "v2mom_methods",
        columns: "id, v2mom_id, position, title, description, aligned_to",
        about: concat!("v2mom_id IN ", owned!()),
    },
    PersonalTable {
        table: "v2mom_obstacles",
        columns: "id, method_id, position, description",
        about: concat!("method_id IN ", owned_methods!()),
    },
    PersonalTable {
        table: "v2mom_measures",
        columns: "id, method_id, position, description, unit, due_on, kind, start_value, \
                  target_value, direction",
        about: concat!("method_id IN ", owned_methods!()),
    },
    PersonalTable {
        table: "v2mom_revisions",
        columns: "id, v2mom_id, number, status, saved_by, saved_at, snapshot, amendment",
        about: concat!("saved_by = $1 OR v2mom_id IN ", owned!()),
    },
    PersonalTable {
        table: "v2mom_amendments",
        columns: "v2mom_id, content, status, review_comment, created_by, created_at, \
                  updated_by, updated_at",
        about: concat!(
            "created_by = $1 OR updated_by = $1 OR v2mom_id IN ",
            owned!()
        ),
    },
    PersonalTable {
        table: "measure_check_ins",
        columns: "id, measure_id, value, status, comment, created_by, created_at",
        about: concat!(
            "created_by = $1 OR measure_id IN (SELECT id FROM v2mom_measures WHERE method_id IN ",
            owned_methods!(),
            ")"
        ),
    },
    PersonalTable {
        table: "events",
        columns: "id, kind, subject, actor_id, payload, at",
        about: "actor_id = $1",
    },
    PersonalTable {
        table: "notifications",
        columns: "id, event_id, created_at, read_at, topic, mail, mail_attempts, mail_next_at",
        about: "user_id = $1",
    },
    PersonalTable {
        table: "notification_settings",
        columns: "topic, email, digest",
        about: "user_id = $1",
    },
    PersonalTable {
        table: "audit_log",
        columns: "id, at, actor_id, client_ip, action, target, details, request_id",
        about: "actor_id = $1 OR target = 'user:' || CAST($1 AS TEXT)",
    },
];

/// Columns that hold JSON documents (V2MOM snapshots, amendments, audit details): given as
/// JSON, not as a string of it.
const JSON_COLUMNS: [&str; 4] = ["snapshot", "content", "details", "payload"];

/// One row as a JSON object from its column names and values (read with
/// [`Kind::by_name`]): JSON documents as JSON, not as a string of it.
fn object_of(names: Vec<String>, values: Vec<Value>) -> Map<String, Value> {
    names
        .into_iter()
        .zip(values)
        .map(|(name, value)| {
            let value = match value {
                Value::String(text) if JSON_COLUMNS.contains(&name.as_str()) => {
                    serde_json::from_str(&text).unwrap_or(Value::String(text))
                }
                value => value,
            };
            (name, value)
        })
        .collect()
}

/// Tables with nothing about any one person, and why.
pub const NOT_PERSONAL: &[(&str, &str)] = &[
    ("instance", "the organisation's name"),
    ("periods", "the organisation's planning periods"),
    ("sso_providers", "the organisation's sign-in providers"),
    (
        "tower_sessions",
        "the session store's rows on SQLite (PostgreSQL keeps them in tower_sessions.session), \
         keyed by session ids, which are credentials; user_sessions lists the person's sessions",
    ),
    ("_sqlx_migrations", "the schema's version"),
    (
        "webhooks",
        "the organisation's webhooks (who added one is in the audit log)",
    ),
    (
        "webhook_deliveries",
        "the state of each event's delivery to each webhook: ids, times and answers",
    ),
    (
        "scheduled_runs",
        "when the server's scheduled jobs run next",
    ),
];

impl Db {
    /// Every table of [`PERSONAL_TABLES`] with its rows about `user_id`, oldest first.
    pub async fn personal_rows(
        &self,
        user_id: i64,
    ) -> Result<Vec<(&'static str, Vec<Map<String, Value>>)>, DbError> {
        let mut tables = Vec::with_capacity(PERSONAL_TABLES.len());
        for table in PERSONAL_TABLES {
            let sql = format!(
                "SELECT {} FROM {} WHERE {} ORDER BY 1",
                table.columns, table.table, table.about
            );
            let rows = on_backend!(self, |pool| {
                let rows = sqlx::query(&sql).bind(user_id).fetch_all(pool).await?;
                rows.iter()
                    .map(|row| {
                        let names = row.columns().iter().map(|c| c.name().to_owned());
                        let values = read_values(row, |_, name| Kind::by_name(name))?;
                        Ok(object_of(names.collect(), values))
                    })
                    .collect::<Result<Vec<_>, DbError>>()?
            });
            tables.push((table.table, rows));
        }
        Ok(tables)
    }

    /// The names of the database's own tables, for the test that keeps [`PERSONAL_TABLES`]
    /// and [`NOT_PERSONAL`] complete.
    pub async fn table_names(&self) -> Result<Vec<String>, DbError> {
        self.count_query();
        match &self.pool {
            super::Pool::Sqlite(pool) => {
                sqlx::query_scalar(
                    "SELECT name FROM sqlite_master WHERE type = 'table' \
                     AND name NOT LIKE 'sqlite_%' ORDER BY name",
                )
                .fetch_all(pool)
                .await
            }
            super::Pool::Postgres(pool) => {
                sqlx::query_scalar(
                    "SELECT table_name::TEXT FROM information_schema.tables \
                     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
                     ORDER BY 1",
                )
                .fetch_all(pool)
                .await
            }
        }
    }
}

impl Tx {
    /// How many people report to `user_id` directly.
    pub async fn count_reports(&mut self, user_id: i64) -> Result<i64, DbError> {
        const SQL: &str = "SELECT COUNT(*) FROM users WHERE manager_id = $1";
        on_tx!(self, |conn| sqlx::query_scalar(SQL)
            .bind(user_id)
            .fetch_one(conn)
            .await)
    }

    /// Deletes the V2MOMs `owner_id` owns, with their content, revisions, amendments and
    /// check-ins (the schema cascades; others' methods aligned to theirs lose the link).
    pub async fn delete_v2moms_of(&mut self, owner_id: i64) -> Result<u64, DbError> {
        const SQL: &str = "DELETE FROM v2moms WHERE owner_id = $1";
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(owner_id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))
    }

    /// Replaces a person by a tombstone: `name` and `email` stand in for theirs, every other
    /// personal field is emptied and the account is disabled (its place in the reporting line
    /// stays, so the V2MOMs kept under it are read by the same people as before); and
    /// removes what only served them: API keys, sign-in identities, second factors,
    /// notifications and their settings, their invitation. (The
    /// erasure ends their sessions and clears their failed sign-ins with the calls made for
    /// that, `end_sessions_of` and `clear_auth_failures`.)
    pub async fn erase_person(
        &mut self,
        user_id: i64,
        name: &str,
        email: &str,
    ) -> Result<(), DbError> {
        const FORGET: [&str; 8] = [
            "DELETE FROM api_keys WHERE user_id = $1",
            "DELETE FROM notifications WHERE user_id = $1",
            "DELETE FROM notification_settings WHERE user_id = $1",
            "DELETE FROM totp_factors WHERE user_id = $1",
            "DELETE FROM recovery_codes WHERE user_id = $1",
            "DELETE FROM passkeys WHERE user_id = $1",
            "DELETE FROM sso_identities WHERE user_id = $1",
            "DELETE FROM invitations WHERE user_id = $1",
        ];
        for sql in FORGET {
            on_tx!(self, |conn| sqlx::query(sql)
                .bind(user_id)
                .execute(conn)
                .await
                .map(|done| done.rows_affected()))?;
        }
        const TOMBSTONE: &str = "UPDATE users SET email = $1, email_key = $1, display_name = $2, \
            job_title = '', function = '', password_hash = NULL, status = 'disabled', \
            updated_at = $3 WHERE id = $4";
        let at = now();
        on_tx!(self, |conn| sqlx::query(TOMBSTONE)
            .bind(email)
            .bind(name)
            .bind(at)
            .bind(user_id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(())
    }
}
