//! Lists of V2MOMs: filtered, paged, and limited to what the reader may open.

use super::{Db, DbError, on_backend, org::like_pattern, v2moms::rfc3339};
use crate::{
    model::{PersonRef, V2momQuery, V2momStatus, V2momSummary},
    server::policy::Circle,
};
use chrono::{DateTime, Utc};

/// Which statuses the reader may see in each circle of people around them; from the policy.
pub struct ReadScope(pub Vec<(Circle, Vec<V2momStatus>)>);

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    owner_id: i64,
    owner_name: String,
    manager_id: Option<i64>,
    manager_name: Option<String>,
    function: String,
    period_name: String,
    title: String,
    status: String,
    updated_at: DateTime<Utc>,
}

/// The reader's team and chain, for the scope's conditions; `$1` is the reader.
const CIRCLES: &str = "WITH RECURSIVE team (id, depth) AS ( \
        SELECT id, 1 FROM users WHERE manager_id = $1 \
        UNION ALL \
        SELECT u.id, t.depth + 1 FROM users u JOIN team t ON u.manager_id = t.id \
        WHERE t.depth < 1000 \
    ), chain (id, manager_id, depth) AS ( \
        SELECT id, manager_id, 0 FROM users WHERE id = $1 \
        UNION ALL \
        SELECT u.id, u.manager_id, c.depth + 1 FROM users u JOIN chain c ON u.id = c.manager_id \
        WHERE c.depth < 1000 \
    ) ";

impl ReadScope {
    /// A SQL condition on `v` (the V2MOM). Built only from fixed fragments and the
    /// statuses' own names: nothing a user typed.
    fn condition(&self) -> String {
        let mut any = vec!["FALSE".to_owned()];
        for (circle, statuses) in self.0.iter().filter(|(_, s)| !s.is_empty()) {
            let who = match circle {
                Circle::Myself => "v.owner_id = $1".to_owned(),
                Circle::Team => "v.owner_id IN (SELECT id FROM team)".to_owned(),
                Circle::Chain => "v.owner_id IN (SELECT id FROM chain WHERE depth > 0)".to_owned(),
                Circle::Others => "v.owner_id <> $1 \
                    AND v.owner_id NOT IN (SELECT id FROM team) \
                    AND v.owner_id NOT IN (SELECT id FROM chain)"
                    .to_owned(),
            };
            let names: Vec<String> = statuses
                .iter()
                .map(|s| format!("'{}'", s.as_str()))
                .collect();
            any.push(format!("({who} AND v.status IN ({}))", names.join(", ")));
        }
        format!("({})", any.join(" OR "))
    }
}

/// Which part of a list to read.
#[derive(Debug, Clone, Copy)]
pub enum Window {
    /// A numbered page (pages): latest change first, with the total count.
    Page { limit: i64, offset: i64 },
    /// The next items after a cursor (the API): by id, stable while others save.
    After { limit: i64, after_id: Option<i64> },
}

impl Db {
    /// The V2MOMs `reader` may open that match `query`, in `window`; the total count for
    /// a page, `None` after a cursor.
    pub async fn list_v2moms(
        &self,
        reader: i64,
        scope: &ReadScope,
        query: &V2momQuery,
        window: Window,
    ) -> Result<(Vec<V2momSummary>, Option<i64>), DbError> {
        let (limit, offset, after_id, order) = match window {
            Window::Page { limit, offset } => (limit, offset, None, "v.updated_at DESC, v.id DESC"),
            Window::After { limit, after_id } => (limit, 0, after_id, "v.id ASC"),
        };
        let filter = format!(
            "WHERE {} \
             AND ($8 IS NULL OR v.id > $8) \
             AND ($2 IS NULL OR v.owner_id = $2) \
             AND ($3 IS NULL OR o.manager_id = $3) \
             AND ($4 = '' OR lower(o.function) = $4) \
             AND ($5 IS NULL OR v.period_id = $5) \
             AND ($6 IS NULL OR v.status = $6) \
             AND ($7 = '%%' OR lower(v.title) LIKE $7 ESCAPE '\\' \
                  OR lower(v.vision) LIKE $7 ESCAPE '\\' \
                  OR lower(o.display_name) LIKE $7 ESCAPE '\\')",
            scope.condition()
        );
        let from = "FROM v2moms v JOIN users o ON o.id = v.owner_id \
            JOIN periods p ON p.id = v.period_id LEFT JOIN users m ON m.id = o.manager_id";
        let page = format!(
            "{CIRCLES} SELECT v.id, v.owner_id, o.display_name AS owner_name, \
                o.manager_id, m.display_name AS manager_name, o.function, p.name AS period_name, v.title, \
                v.status, v.updated_at \
             {from} {filter} ORDER BY {order} LIMIT $9 OFFSET $10"
        );
        let count = format!("{CIRCLES} SELECT COUNT(*) {from} {filter}");
        let function = query.function.trim().to_lowercase();
        let text = like_pattern(&query.text);
        let status = query.status.map(V2momStatus::as_str);
        macro_rules! bind_filters {
            ($q:expr) => {
                $q.bind(reader)
                    .bind(query.owner)
                    .bind(query.manager)
                    .bind(&function)
                    .bind(query.period)
                    .bind(status)
                    .bind(&text)
                    .bind(after_id)
            };
        }
        let rows: Vec<SummaryRow> = on_backend!(self, |pool| bind_filters!(sqlx::query_as(&page))
            .bind(limit)
            .bind(offset)
            .fetch_all(pool)
            .await)?;
        let total = match window {
            Window::Page { .. } => Some(on_backend!(self, |pool| bind_filters!(
                sqlx::query_scalar::<_, i64>(&count)
            )
            .fetch_one(pool)
            .await)?),
            Window::After { .. } => None,
        };
        let items = rows
            .into_iter()
            .map(|r| {
                Ok(V2momSummary {
                    id: r.id,
                    owner: PersonRef {
                        id: r.owner_id,
                        name: r.owner_name,
                    },
                    manager: r
                        .manager_id
                        .zip(r.manager_name)
                        .map(|(id, name)| PersonRef { id, name }),
                    function: r.function,
                    period_name: r.period_name,
                    title: r.title,
                    status: super::v2moms::parse_status(&r.status)?,
                    updated_at: rfc3339(r.updated_at),
                })
            })
            .collect::<Result<_, DbError>>()?;
        Ok((items, total))
    }
}
