//! V2MOMs: one row per V2MOM, its parts in their own tables, a revision per version.
//!
//! Here the header (what the policy and the lifecycle read, decoded from its row) and how
//! times are carried; `write.rs` holds the compare-and-swap writes, `content.rs` writing the
//! parts, `revisions.rs` keeping and reading revisions.

mod content;
mod revisions;
mod write;

pub(super) use revisions::Revision;
pub use write::NewV2mom;

use super::{Db, DbError, on_backend};
use crate::model::V2momStatus;
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
}
