//! A revision per version: kept with every write, listed newest first, read back whole.

use super::{parse_status, rfc3339};
use crate::model::{RevisionInfo, Snapshot, V2momContent, V2momStatus};
use crate::server::db::{Db, DbError, Tx, now, on_backend, on_tx};
use chrono::{DateTime, Utc};

#[derive(sqlx::FromRow)]
struct RevisionRow {
    number: i64,
    status: String,
    saved_by: String,
    saved_at: DateTime<Utc>,
    amendment: bool,
}

impl Db {
    /// Every revision of a V2MOM, newest first.
    pub async fn revisions(&self, v2mom_id: i64) -> Result<Vec<RevisionInfo>, DbError> {
        const SQL: &str = "SELECT r.number, r.status, u.display_name AS saved_by, r.saved_at, \
                r.amendment \
            FROM v2mom_revisions r JOIN users u ON u.id = r.saved_by \
            WHERE r.v2mom_id = $1 ORDER BY r.number DESC";
        let rows: Vec<RevisionRow> = on_backend!(self, |pool| sqlx::query_as(SQL)
            .bind(v2mom_id)
            .fetch_all(pool)
            .await)?;
        rows.into_iter()
            .map(|r| {
                Ok(RevisionInfo {
                    number: r.number,
                    status: parse_status(&r.status)?,
                    amendment: r.amendment,
                    saved_by: r.saved_by,
                    saved_at: rfc3339(r.saved_at),
                })
            })
            .collect()
    }

    pub async fn revision(&self, v2mom_id: i64, number: i64) -> Result<Option<Snapshot>, DbError> {
        const SQL: &str =
            "SELECT snapshot FROM v2mom_revisions WHERE v2mom_id = $1 AND number = $2";
        let json: Option<String> = on_backend!(self, |pool| sqlx::query_scalar(SQL)
            .bind(v2mom_id)
            .bind(number)
            .fetch_optional(pool)
            .await)?;
        json.map(|j| serde_json::from_str(&j).map_err(|e| DbError::Decode(Box::new(e))))
            .transpose()
    }
}

impl Tx {
    /// The live content as this transaction sees it (for a revision after a status change):
    /// the latest revision that is not an amendment's.
    pub(super) async fn read_content(&mut self, id: i64) -> Result<V2momContent, DbError> {
        const SQL: &str = "SELECT snapshot FROM v2mom_revisions \
            WHERE v2mom_id = $1 AND NOT amendment ORDER BY number DESC LIMIT 1";
        let json: String = on_tx!(self, |conn| sqlx::query_scalar(SQL)
            .bind(id)
            .fetch_one(conn)
            .await)?;
        let snapshot: Snapshot =
            serde_json::from_str(&json).map_err(|e| DbError::Decode(Box::new(e)))?;
        Ok(snapshot.content)
    }

    pub(in crate::server::db) async fn add_revision(
        &mut self,
        id: i64,
        number: i64,
        by: i64,
        revision: Revision<'_>,
    ) -> Result<(), DbError> {
        const SQL: &str = "INSERT INTO v2mom_revisions \
            (v2mom_id, number, status, saved_by, saved_at, snapshot, amendment) \
            VALUES ($1, $2, $3, $4, $5, $6, $7)";
        let Revision {
            status,
            content,
            amendment,
        } = revision;
        let snapshot = serde_json::to_string(&Snapshot {
            status,
            content: content.clone(),
        })
        .map_err(|e| DbError::Encode(Box::new(e)))?;
        let at = now();
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(id)
            .bind(number)
            .bind(status.as_str())
            .bind(by)
            .bind(at)
            .bind(snapshot)
            .bind(amendment)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(())
    }
}

/// What a revision keeps: the status and content, and whether it is an amendment's.
pub(in crate::server::db) struct Revision<'a> {
    pub status: V2momStatus,
    pub content: &'a V2momContent,
    pub amendment: bool,
}

impl<'a> Revision<'a> {
    /// A revision of the V2MOM itself (what readers see, at `status`).
    pub fn of(status: V2momStatus, content: &'a V2momContent) -> Self {
        Revision {
            status,
            content,
            amendment: false,
        }
    }
}
