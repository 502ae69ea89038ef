//! Creating and changing a V2MOM under compare-and-swap: only one writer moves it from a
//! version to the next, and each move keeps a revision.

use super::{parse_status, revisions::Revision};
use crate::model::{V2momContent, V2momStatus};
use crate::server::db::{DbError, Tx, now, on_tx};

/// A new V2MOM's starting point.
pub struct NewV2mom<'a> {
    pub owner_id: i64,
    pub period_id: i64,
    pub by: i64,
    pub content: &'a V2momContent,
}

impl Tx {
    /// Creates a draft at version 1 with its first revision; `None` when the owner already
    /// has one for that period.
    pub async fn create_v2mom(&mut self, new: NewV2mom<'_>) -> Result<Option<i64>, DbError> {
        const SQL: &str = "INSERT INTO v2moms (owner_id, period_id, status, version, \
                created_by, created_at, updated_by, updated_at) \
            VALUES ($1, $2, 'draft', 1, $3, $4, $3, $4) \
            ON CONFLICT (owner_id, period_id) DO NOTHING RETURNING id";
        let at = now();
        let id: Option<i64> = on_tx!(self, |conn| sqlx::query_scalar(SQL)
            .bind(new.owner_id)
            .bind(new.period_id)
            .bind(new.by)
            .bind(at)
            .fetch_optional(conn)
            .await)?;
        let Some(id) = id else { return Ok(None) };
        let content = self.write_content(id, new.content).await?;
        let revision = Revision::of(V2momStatus::Draft, &content);
        self.add_revision(id, 1, new.by, revision).await?;
        Ok(Some(id))
    }

    /// Replaces the content when the V2MOM is still at `version`, and keeps a revision.
    /// Returns the new version, or `None` when someone else changed it first.
    pub async fn save_v2mom(
        &mut self,
        id: i64,
        version: i64,
        by: i64,
        content: &V2momContent,
    ) -> Result<Option<i64>, DbError> {
        let Some(status) = self.bump_version(id, version, by, None).await? else {
            return Ok(None);
        };
        let content = self.write_content(id, content).await?;
        self.add_revision(id, version + 1, by, Revision::of(status, &content))
            .await?;
        Ok(Some(version + 1))
    }

    /// Moves a V2MOM at `version` to `status` and keeps a revision (publishing marks it as
    /// the published one). `None` when someone else changed it first.
    pub async fn set_v2mom_status(
        &mut self,
        id: i64,
        version: i64,
        by: i64,
        status: V2momStatus,
        review_comment: &str,
    ) -> Result<Option<i64>, DbError> {
        let Some(_) = self
            .bump_version(id, version, by, Some((status, review_comment)))
            .await?
        else {
            return Ok(None);
        };
        let content = self.read_content(id).await?;
        self.add_revision(id, version + 1, by, Revision::of(status, &content))
            .await?;
        if status == V2momStatus::Archived {
            // Archived is read-only: an amendment in progress ends unpublished.
            self.delete_amendment(id).await?;
        }
        if status == V2momStatus::Published {
            const MARK: &str = "UPDATE v2moms SET published_revision = $1 WHERE id = $2";
            on_tx!(self, |conn| sqlx::query(MARK)
                .bind(version + 1)
                .bind(id)
                .execute(conn)
                .await
                .map(|done| done.rows_affected()))?;
        }
        Ok(Some(version + 1))
    }

    /// The compare-and-swap at the heart of "no lost update": only one writer can move a
    /// V2MOM from `version` to the next. Returns the status after the change.
    pub(in crate::server::db) async fn bump_version(
        &mut self,
        id: i64,
        version: i64,
        by: i64,
        status: Option<(V2momStatus, &str)>,
    ) -> Result<Option<V2momStatus>, DbError> {
        const SQL: &str = "UPDATE v2moms SET version = version + 1, updated_by = $1, \
                updated_at = $2, status = COALESCE($3, status), \
                review_comment = COALESCE($4, review_comment) \
            WHERE id = $5 AND version = $6 RETURNING status";
        let at = now();
        let row: Option<String> = on_tx!(self, |conn| sqlx::query_scalar(SQL)
            .bind(by)
            .bind(at)
            .bind(status.map(|(s, _)| s.as_str()))
            .bind(status.map(|(_, comment)| comment.trim()))
            .bind(id)
            .bind(version)
            .fetch_optional(conn)
            .await)?;
        row.map(|s| parse_status(&s)).transpose()
    }
}
