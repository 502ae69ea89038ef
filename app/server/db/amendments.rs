//! Amendments: the working copy of a published V2MOM's next publication, one row per V2MOM
//! (`v2mom_amendments`), its content as JSON. The live tables keep the publication, so readers,
//! lists and other people's alignment never see an amendment; publishing one writes it into
//! the live tables as the next published revision.

use super::{
    Db, DbError, Tx, now, on_backend, on_tx,
    v2moms::{Revision, parse_status, rfc3339},
};
use crate::model::{Amendment, PersonRef, V2momContent, V2momStatus};
use chrono::{DateTime, Utc};

#[derive(sqlx::FromRow)]
struct AmendmentRow {
    content: String,
    status: String,
    review_comment: String,
    created_by: i64,
    created_by_name: String,
    created_at: DateTime<Utc>,
    updated_by: i64,
    updated_by_name: String,
    updated_at: DateTime<Utc>,
}

fn decode(json: &str) -> Result<V2momContent, DbError> {
    serde_json::from_str(json).map_err(|e| DbError::Decode(Box::new(e)))
}

fn encode(content: &V2momContent) -> Result<String, DbError> {
    serde_json::to_string(content).map_err(|e| DbError::Encode(Box::new(e)))
}

impl Db {
    /// V2MOM `id`'s amendment, when someone is amending it.
    pub async fn amendment(&self, id: i64) -> Result<Option<Amendment>, DbError> {
        const SQL: &str = "SELECT a.content, a.status, a.review_comment, \
                a.created_by, cu.display_name AS created_by_name, a.created_at, \
                a.updated_by, uu.display_name AS updated_by_name, a.updated_at \
            FROM v2mom_amendments a JOIN users cu ON cu.id = a.created_by \
            JOIN users uu ON uu.id = a.updated_by WHERE a.v2mom_id = $1";
        let row: Option<AmendmentRow> = on_backend!(self, |pool| sqlx::query_as(SQL)
            .bind(id)
            .fetch_optional(pool)
            .await)?;
        row.map(|r| {
            Ok(Amendment {
                status: parse_status(&r.status)?,
                review_comment: r.review_comment,
                content: decode(&r.content)?,
                created_by: PersonRef {
                    id: r.created_by,
                    name: r.created_by_name,
                },
                created_at: rfc3339(r.created_at),
                updated_by: PersonRef {
                    id: r.updated_by,
                    name: r.updated_by_name,
                },
                updated_at: rfc3339(r.updated_at),
            })
        })
        .transpose()
    }
}

impl Tx {
    /// Saves `content` as the amendment of published V2MOM `id` at `version` (starting one as
    /// a draft when there is none) and keeps it as a revision readers do not see. Returns the
    /// new version, or `None` when someone changed the V2MOM first.
    pub async fn amend_v2mom(
        &mut self,
        id: i64,
        version: i64,
        by: i64,
        content: &V2momContent,
    ) -> Result<Option<i64>, DbError> {
        const OWN_METHODS: &str = "SELECT id FROM v2mom_methods WHERE v2mom_id = $1";
        const UPSERT: &str = "INSERT INTO v2mom_amendments \
                (v2mom_id, content, status, created_by, created_at, updated_by, updated_at) \
            VALUES ($1, $2, 'draft', $3, $4, $3, $4) \
            ON CONFLICT (v2mom_id) DO UPDATE SET content = excluded.content, \
                updated_by = excluded.updated_by, updated_at = excluded.updated_at \
            RETURNING status";
        if !self.bump_published(id, version).await? {
            return Ok(None);
        }
        // Method ids say which published method a method continues (others align to it);
        // an id that is not one of this V2MOM's own would mean nothing when published.
        let own: Vec<i64> = on_tx!(self, |conn| sqlx::query_scalar(OWN_METHODS)
            .bind(id)
            .fetch_all(conn)
            .await)?;
        let mut content = content.clone();
        for method in &mut content.methods {
            method.id = method.id.filter(|m| own.contains(m));
        }
        let json = encode(&content)?;
        let at = now();
        let status: String = on_tx!(self, |conn| sqlx::query_scalar(UPSERT)
            .bind(id)
            .bind(&json)
            .bind(by)
            .bind(at)
            .fetch_one(conn)
            .await)?;
        let revision = Revision {
            status: parse_status(&status)?,
            content: &content,
            amendment: true,
        };
        self.add_revision(id, version + 1, by, revision).await?;
        Ok(Some(version + 1))
    }

    /// Moves the amendment of V2MOM `id` at `version` to `status` (`draft` or `in_review`),
    /// with the reviewer's comment, and keeps a revision. `None` when someone changed the
    /// V2MOM first or there is no amendment.
    pub async fn set_amendment_status(
        &mut self,
        id: i64,
        version: i64,
        by: i64,
        status: V2momStatus,
        review_comment: &str,
    ) -> Result<Option<i64>, DbError> {
        const SQL: &str = "UPDATE v2mom_amendments SET status = $1, review_comment = $2 \
            WHERE v2mom_id = $3 RETURNING content";
        if !self.bump_published(id, version).await? {
            return Ok(None);
        }
        let json: Option<String> = on_tx!(self, |conn| sqlx::query_scalar(SQL)
            .bind(status.as_str())
            .bind(review_comment.trim())
            .bind(id)
            .fetch_optional(conn)
            .await)?;
        let Some(json) = json else { return Ok(None) };
        let content = decode(&json)?;
        let revision = Revision {
            status,
            content: &content,
            amendment: true,
        };
        self.add_revision(id, version + 1, by, revision).await?;
        Ok(Some(version + 1))
    }

    /// Publishes the amendment of V2MOM `id` at `version`: its content becomes the live
    /// content (methods keep their ids, so alignments survive) and the next published
    /// revision, the one before is remembered for comparing, and the amendment is gone.
    /// `None` when someone changed the V2MOM first or there is no amendment.
    pub async fn publish_amendment(
        &mut self,
        id: i64,
        version: i64,
        by: i64,
    ) -> Result<Option<i64>, DbError> {
        const CONTENT: &str = "SELECT content FROM v2mom_amendments WHERE v2mom_id = $1";
        const MARK: &str = "UPDATE v2moms SET previous_published_revision = published_revision, \
            published_revision = $1, amended_at = $2 WHERE id = $3";
        let published = Some((V2momStatus::Published, ""));
        if self
            .bump_version(id, version, by, published)
            .await?
            .is_none()
        {
            return Ok(None);
        }
        let json: Option<String> = on_tx!(self, |conn| sqlx::query_scalar(CONTENT)
            .bind(id)
            .fetch_optional(conn)
            .await)?;
        let Some(json) = json else { return Ok(None) };
        let content = self.write_content(id, &decode(&json)?).await?;
        let number = version + 1;
        self.add_revision(
            id,
            number,
            by,
            Revision::of(V2momStatus::Published, &content),
        )
        .await?;
        let at = now();
        on_tx!(self, |conn| sqlx::query(MARK)
            .bind(number)
            .bind(at)
            .bind(id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        self.delete_amendment(id).await?;
        Ok(Some(number))
    }

    /// Drops the amendment of V2MOM `id` at `version`; the publication stays as it is.
    /// `None` when someone changed the V2MOM first or there is no amendment.
    pub async fn discard_amendment(
        &mut self,
        id: i64,
        version: i64,
    ) -> Result<Option<i64>, DbError> {
        if !self.bump_published(id, version).await? {
            return Ok(None);
        }
        Ok((self.delete_amendment(id).await? == 1).then_some(version + 1))
    }

    /// Deletes V2MOM `id`'s amendment, if any; how many rows went (0 or 1).
    pub(super) async fn delete_amendment(&mut self, id: i64) -> Result<u64, DbError> {
        const SQL: &str = "DELETE FROM v2mom_amendments WHERE v2mom_id = $1";
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))
    }

    /// The compare-and-swap of an amendment's changes: the version moves on (so every editor
    /// sees the change and nobody's is lost), and nothing readers see changes, not even who
    /// saved last. False when `id` is not published at `version`.
    async fn bump_published(&mut self, id: i64, version: i64) -> Result<bool, DbError> {
        const SQL: &str = "UPDATE v2moms SET version = version + 1 \
            WHERE id = $1 AND version = $2 AND status = 'published'";
        let done = on_tx!(self, |conn| sqlx::query(SQL)
            .bind(id)
            .bind(version)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(done == 1)
    }
}
