//! V2MOMs: one row per V2MOM, its parts in their own tables, a revision per version.

use super::{Db, DbError, Tx, now, on_backend, on_tx};
use crate::model::{RevisionInfo, Snapshot, V2momContent, V2momStatus};
use chrono::{DateTime, Utc};

/// What the policy and the lifecycle need to know about a V2MOM, without its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct V2momHeader {
    pub id: i64,
    pub owner_id: i64,
    pub period_id: i64,
    pub status: V2momStatus,
    pub version: i64,
    /// The status of its amendment (`draft` or `in_review`), while a published V2MOM has one.
    pub amendment: Option<V2momStatus>,
}

#[derive(sqlx::FromRow)]
pub(super) struct HeaderRow {
    id: i64,
    owner_id: i64,
    period_id: i64,
    status: String,
    version: i64,
    amendment: Option<String>,
}

/// The header's columns, from `v2moms v` and its amendment.
pub(super) const HEADER_COLUMNS: &str = "v.id, v.owner_id, v.period_id, v.status, v.version, \
    (SELECT a.status FROM v2mom_amendments a WHERE a.v2mom_id = v.id) AS amendment";

fn decode_error(what: &str) -> DbError {
    DbError::Decode(format!("unexpected {what}").into())
}

pub(super) fn parse_status(text: &str) -> Result<V2momStatus, DbError> {
    text.parse().map_err(|_| decode_error("V2MOM status"))
}

impl HeaderRow {
    pub(super) fn into_header(self) -> Result<V2momHeader, DbError> {
        Ok(V2momHeader {
            id: self.id,
            owner_id: self.owner_id,
            period_id: self.period_id,
            status: parse_status(&self.status)?,
            version: self.version,
            amendment: self.amendment.as_deref().map(parse_status).transpose()?,
        })
    }
}

#[derive(sqlx::FromRow)]
struct RevisionRow {
    number: i64,
    status: String,
    saved_by: String,
    saved_at: DateTime<Utc>,
    amendment: bool,
}

/// How every page shows a time.
pub fn display_time(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// A time as the model carries it: RFC 3339 in UTC, to the second (pages show it with
/// [`crate::model::display_time`]).
pub fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl Db {
    pub async fn v2mom_header(&self, id: i64) -> Result<Option<V2momHeader>, DbError> {
        let sql = format!("SELECT {HEADER_COLUMNS} FROM v2moms v WHERE v.id = $1");
        let row: Option<HeaderRow> = on_backend!(self, |pool| sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(pool)
            .await)?;
        row.map(HeaderRow::into_header).transpose()
    }

    /// The V2MOM of `owner_id` for `period_id`, if they have one.
    pub async fn v2mom_of(
        &self,
        owner_id: i64,
        period_id: i64,
    ) -> Result<Option<V2momHeader>, DbError> {
        let head = self.v2mom_head_of(owner_id, period_id).await?;
        Ok(head.map(|head| head.header))
    }

    /// The owner's latest V2MOM in a period that started before `period_id`'s.
    pub async fn previous_v2mom(
        &self,
        owner_id: i64,
        period_id: i64,
    ) -> Result<Option<i64>, DbError> {
        const SQL: &str = "SELECT v.id FROM v2moms v JOIN periods p ON p.id = v.period_id \
            WHERE v.owner_id = $1 \
              AND p.starts_on < (SELECT starts_on FROM periods WHERE id = $2) \
            ORDER BY p.starts_on DESC LIMIT 1";
        on_backend!(self, |pool| sqlx::query_scalar(SQL)
            .bind(owner_id)
            .bind(period_id)
            .fetch_optional(pool)
            .await)
    }

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
    pub(super) async fn bump_version(
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

    /// Writes the parts. Values and obstacles are replaced; methods keep their id (others
    /// align to them) and measures theirs (check-ins hang on them) when the given id is one
    /// of this V2MOM's own. Returns the content as stored, with every method's and measure's
    /// id (and without what check-ins add: a revision keeps what was written).
    pub(super) async fn write_content(
        &mut self,
        id: i64,
        content: &V2momContent,
    ) -> Result<V2momContent, DbError> {
        const HEAD: &str = "UPDATE v2moms SET title = $1, vision = $2 WHERE id = $3";
        const CLEAR_VALUES: &str = "DELETE FROM v2mom_values WHERE v2mom_id = $1";
        const VALUE: &str = "INSERT INTO v2mom_values (v2mom_id, position, name, description) \
            VALUES ($1, $2, $3, $4)";
        const OWN_METHODS: &str = "SELECT id FROM v2mom_methods WHERE v2mom_id = $1";
        const UPDATE_METHOD: &str = "UPDATE v2mom_methods SET position = $1, title = $2, \
            description = $3, aligned_to = $4 WHERE id = $5";
        const INSERT_METHOD: &str = "INSERT INTO v2mom_methods \
            (v2mom_id, position, title, description, aligned_to) \
            VALUES ($1, $2, $3, $4, $5) RETURNING id";
        const DELETE_METHOD: &str = "DELETE FROM v2mom_methods WHERE id = $1";
        const CLEAR_OBSTACLES: &str = "DELETE FROM v2mom_obstacles WHERE method_id = $1";
        const OBSTACLE: &str = "INSERT INTO v2mom_obstacles (method_id, position, description) \
            VALUES ($1, $2, $3)";

        on_tx!(self, |conn| sqlx::query(HEAD)
            .bind(&content.title)
            .bind(&content.vision)
            .bind(id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        on_tx!(self, |conn| sqlx::query(CLEAR_VALUES)
            .bind(id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        for (position, value) in content.values.iter().enumerate() {
            on_tx!(self, |conn| sqlx::query(VALUE)
                .bind(id)
                .bind(position as i64)
                .bind(&value.name)
                .bind(&value.description)
                .execute(conn)
                .await
                .map(|done| done.rows_affected()))?;
        }

        let measures_before = self.measure_ids_of(id).await?;
        let existing: Vec<i64> = on_tx!(self, |conn| sqlx::query_scalar(OWN_METHODS)
            .bind(id)
            .fetch_all(conn)
            .await)?;
        let kept: Vec<i64> = content
            .methods
            .iter()
            .filter_map(|m| m.id)
            .filter(|m| existing.contains(m))
            .collect();
        for gone in existing.iter().filter(|m| !kept.contains(m)) {
            on_tx!(self, |conn| sqlx::query(DELETE_METHOD)
                .bind(gone)
                .execute(conn)
                .await
                .map(|done| done.rows_affected()))?;
        }
        let mut stored = content.clone().without_progress();
        let mut measures_written = Vec::new();
        for (position, method) in stored.methods.iter_mut().enumerate() {
            let method_id = match method.id.filter(|m| kept.contains(m)) {
                Some(method_id) => {
                    on_tx!(self, |conn| sqlx::query(UPDATE_METHOD)
                        .bind(position as i64)
                        .bind(&method.title)
                        .bind(&method.description)
                        .bind(method.aligned_to)
                        .bind(method_id)
                        .execute(conn)
                        .await
                        .map(|done| done.rows_affected()))?;
                    on_tx!(self, |conn| sqlx::query(CLEAR_OBSTACLES)
                        .bind(method_id)
                        .execute(conn)
                        .await
                        .map(|done| done.rows_affected()))?;
                    method_id
                }
                None => on_tx!(self, |conn| sqlx::query_scalar(INSERT_METHOD)
                    .bind(id)
                    .bind(position as i64)
                    .bind(&method.title)
                    .bind(&method.description)
                    .bind(method.aligned_to)
                    .fetch_one(conn)
                    .await)?,
            };
            method.id = Some(method_id);
            for (position, obstacle) in method.obstacles.iter().enumerate() {
                on_tx!(self, |conn| sqlx::query(OBSTACLE)
                    .bind(method_id)
                    .bind(position as i64)
                    .bind(obstacle)
                    .execute(conn)
                    .await
                    .map(|done| done.rows_affected()))?;
            }
            self.write_measures(id, method_id, &mut method.measures, &mut measures_written)
                .await?;
        }
        let gone: Vec<i64> = measures_before
            .into_iter()
            .filter(|m| !measures_written.contains(m))
            .collect();
        self.delete_measures(&gone).await?;
        Ok(stored)
    }

    /// The live content as this transaction sees it (for a revision after a status change):
    /// the latest revision that is not an amendment's.
    async fn read_content(&mut self, id: i64) -> Result<V2momContent, DbError> {
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

    pub(super) async fn add_revision(
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
pub(super) struct Revision<'a> {
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
