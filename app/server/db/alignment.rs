//! Alignment: which method aligns to which, across V2MOMs.

use super::{
    Db, DbError, V2momHeader,
    among::{Among, fetch_among},
    on_backend,
    v2moms::parse_status,
};
use crate::model::MethodLink;

/// A method in another V2MOM, with that V2MOM's header so the caller can ask the policy.
#[derive(Debug, Clone)]
pub struct LinkedMethod {
    pub header: V2momHeader,
    pub link: MethodLink,
}

#[derive(sqlx::FromRow)]
struct LinkRow {
    own_method: i64,
    method_id: i64,
    method_title: String,
    v2mom_id: i64,
    owner_id: i64,
    owner_name: String,
    period_id: i64,
    status: String,
    version: i64,
    amendment: Option<String>,
}

impl LinkRow {
    fn into_pair(self) -> Result<(i64, LinkedMethod), DbError> {
        Ok((
            self.own_method,
            LinkedMethod {
                header: V2momHeader {
                    id: self.v2mom_id,
                    owner_id: self.owner_id,
                    period_id: self.period_id,
                    status: parse_status(&self.status)?,
                    version: self.version,
                    amendment: self.amendment.as_deref().map(parse_status).transpose()?,
                },
                link: MethodLink {
                    method_id: self.method_id,
                    method_title: self.method_title,
                    v2mom_id: self.v2mom_id,
                    owner_name: self.owner_name,
                },
            },
        ))
    }
}

/// `other` is the far end of the link; `own` the method of the V2MOM asked about.
const LINK_COLUMNS: &str = "own.id AS own_method, other.id AS method_id, \
    other.title AS method_title, v.id AS v2mom_id, v.owner_id, u.display_name AS owner_name, \
    v.period_id, v.status, v.version, \
    (SELECT a.status FROM v2mom_amendments a WHERE a.v2mom_id = v.id) AS amendment";

/// [`LinkRow`] with the side of the link: 0 for a method `own` aligns to, 1 for one aligned to `own`.
#[derive(sqlx::FromRow)]
struct SidedLinkRow {
    side: i32,
    #[sqlx(flatten)]
    link: LinkRow,
}

impl Db {
    /// For V2MOM `id`: the methods its methods align to, and the methods aligned to its own;
    /// both in one query, each in its method's rank order (those aligned to one method by
    /// their owner's name).
    #[allow(clippy::type_complexity)]
    pub async fn alignment_of(
        &self,
        id: i64,
    ) -> Result<(Vec<(i64, LinkedMethod)>, Vec<(i64, LinkedMethod)>), DbError> {
        // Each side: the links of `own`'s methods joined `on` the other end.
        let side = |side: u8, on: &str| {
            format!(
                "SELECT {side} AS side, own.position AS own_position, {LINK_COLUMNS} \
                 FROM v2mom_methods own JOIN v2mom_methods other ON {on} \
                 JOIN v2moms v ON v.id = other.v2mom_id JOIN users u ON u.id = v.owner_id \
                 WHERE own.v2mom_id = $1"
            )
        };
        let sql = format!(
            "SELECT * FROM ({} UNION ALL {}) links \
             ORDER BY side, own_position, lower(owner_name), method_id",
            side(0, "other.id = own.aligned_to"),
            side(1, "other.aligned_to = own.id"),
        );
        let rows: Vec<SidedLinkRow> = on_backend!(self, |pool| sqlx::query_as(&sql)
            .bind(id)
            .fetch_all(pool)
            .await)?;
        let (mut to, mut from) = (Vec::new(), Vec::new());
        for row in rows {
            let side = if row.side == 0 { &mut to } else { &mut from };
            side.push(row.link.into_pair()?);
        }
        Ok((to, from))
    }
}

impl Db {
    /// For each V2MOM of a period: how many of its methods are aligned to another method.
    pub async fn aligned_counts(&self, period_id: i64) -> Result<Vec<(i64, i64)>, DbError> {
        const SQL: &str = "SELECT v.id, COUNT(m.aligned_to) FROM v2moms v \
            JOIN v2mom_methods m ON m.v2mom_id = v.id \
            WHERE v.period_id = $1 GROUP BY v.id";
        on_backend!(self, |pool| sqlx::query_as(SQL)
            .bind(period_id)
            .fetch_all(pool)
            .await)
    }
}

/// A method with where it points: enough to find gaps in the alignment of a set.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MethodAlignment {
    pub id: i64,
    pub v2mom_id: i64,
    pub title: String,
    pub aligned_to: Option<i64>,
}

impl Db {
    /// Every method of the set's V2MOMs (as published, for a V2MOM with an amendment), by
    /// V2MOM and rank: one query for the whole set.
    pub async fn method_alignments(&self, among: Among) -> Result<Vec<MethodAlignment>, DbError> {
        let sql = among.statement(
            "SELECT m.id, m.v2mom_id, m.title, m.aligned_to FROM v2mom_methods m \
            WHERE m.v2mom_id IN ({ids}) ORDER BY m.v2mom_id, m.position",
        );
        fetch_among!(self, MethodAlignment, &sql, among)
    }
}
