//! Reading a V2MOM: its own row (the head: who, when, title, vision, status, and the header
//! the policy needs) once, then its parts (`v2mom_parts.rs`).

use super::{
    Db, DbError, V2momHeader, V2momParts, on_backend,
    v2moms::{HEADER_COLUMNS, HeaderRow},
};
use crate::model::{PersonRef, V2mom, V2momContent};
use chrono::{DateTime, NaiveDate, Utc};

/// A V2MOM's row as one read gave it: its [`V2momHeader`] for the policy, and the rest of
/// the V2MOM but its parts.
#[derive(Debug, Clone)]
pub struct V2momHead {
    pub header: V2momHeader,
    row: HeadRest,
}

#[derive(sqlx::FromRow)]
struct HeadRow {
    #[sqlx(flatten)]
    header: HeaderRow,
    #[sqlx(flatten)]
    rest: HeadRest,
}

/// The head's columns besides the header's.
#[derive(Debug, Clone, sqlx::FromRow)]
struct HeadRest {
    owner_name: String,
    period_name: String,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    is_current: bool,
    title: String,
    vision: String,
    published_revision: Option<i64>,
    review_comment: String,
    updated_by: i64,
    updated_by_name: String,
    updated_at: DateTime<Utc>,
    amended_at: Option<DateTime<Utc>>,
    previous_published_revision: Option<i64>,
}

/// The head's query, `WHERE` left to the caller.
fn head_sql(condition: &str) -> String {
    format!(
        "SELECT {HEADER_COLUMNS}, o.display_name AS owner_name, p.name AS period_name, \
            p.starts_on, p.ends_on, p.is_current, v.title, v.vision, v.published_revision, \
            v.review_comment, v.updated_by, ub.display_name AS updated_by_name, \
            v.updated_at, v.amended_at, v.previous_published_revision \
        FROM v2moms v JOIN users o ON o.id = v.owner_id \
        JOIN periods p ON p.id = v.period_id JOIN users ub ON ub.id = v.updated_by \
        WHERE {condition}"
    )
}

impl V2momHead {
    fn of(row: HeadRow) -> Result<V2momHead, DbError> {
        Ok(V2momHead {
            header: row.header.into_header()?,
            row: row.rest,
        })
    }

    pub fn owner(&self) -> PersonRef {
        PersonRef {
            id: self.header.owner_id,
            name: self.row.owner_name.clone(),
        }
    }

    pub fn title(&self) -> &str {
        &self.row.title
    }

    pub fn vision(&self) -> &str {
        &self.row.vision
    }

    pub(super) fn updated_at(&self) -> DateTime<Utc> {
        self.row.updated_at
    }

    /// The V2MOM this head and `parts` make.
    pub(super) fn into_v2mom(self, parts: V2momParts) -> V2mom {
        let (header, row) = (self.header, self.row);
        V2mom {
            id: header.id,
            owner: PersonRef {
                id: header.owner_id,
                name: row.owner_name,
            },
            period: crate::model::Period {
                id: header.period_id,
                name: row.period_name,
                starts_on: row.starts_on.to_string(),
                ends_on: row.ends_on.to_string(),
                is_current: row.is_current,
            },
            status: header.status,
            version: header.version,
            published_revision: row.published_revision,
            review_comment: row.review_comment,
            updated_by: PersonRef {
                id: row.updated_by,
                name: row.updated_by_name,
            },
            updated_at: super::rfc3339(row.updated_at),
            content: V2momContent {
                title: row.title,
                vision: row.vision,
                values: parts.values,
                methods: parts.methods,
            },
            amended_at: row.amended_at.map(super::rfc3339),
            previous_published_revision: row.previous_published_revision,
            amendment: None,
            progress: None,
        }
    }
}

impl Db {
    /// A whole V2MOM: its head, then each part in rank order.
    pub async fn v2mom(&self, id: i64) -> Result<Option<V2mom>, DbError> {
        let Some(head) = self.v2mom_head(id).await? else {
            return Ok(None);
        };
        let parts = self.v2mom_parts(id).await?;
        Ok(Some(head.into_v2mom(parts)))
    }

    /// V2MOM `id`'s head.
    pub async fn v2mom_head(&self, id: i64) -> Result<Option<V2momHead>, DbError> {
        let sql = head_sql("v.id = $1");
        let row: Option<HeadRow> = on_backend!(self, |pool| sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(pool)
            .await)?;
        row.map(V2momHead::of).transpose()
    }

    /// The head of `owner_id`'s V2MOM for `period_id`, if they have one.
    pub async fn v2mom_head_of(
        &self,
        owner_id: i64,
        period_id: i64,
    ) -> Result<Option<V2momHead>, DbError> {
        let sql = head_sql("v.owner_id = $1 AND v.period_id = $2");
        let row: Option<HeadRow> = on_backend!(self, |pool| sqlx::query_as(&sql)
            .bind(owner_id)
            .bind(period_id)
            .fetch_optional(pool)
            .await)?;
        row.map(V2momHead::of).transpose()
    }
}
