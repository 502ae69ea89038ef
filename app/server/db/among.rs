//! Sets of V2MOMs read at once: one V2MOM, a manager's team in a period, or a whole period.
//! A query over a set is one statement whatever the set's size, so views over many V2MOMs
//! (team progress, the organisation) cost a fixed number of queries.

use super::{
    Db, DbError,
    v2moms::{HEADER_COLUMNS, HeaderRow, V2momHeader},
};

/// Which V2MOMs a query covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Among {
    /// One V2MOM.
    V2mom(i64),
    /// The V2MOMs for `period` of everyone below `manager`, at any depth.
    TeamOf { manager: i64, period: i64 },
    /// Every V2MOM of a period.
    Period(i64),
}

/// Everyone below `$1`, as `org::team_of` walks it.
const TEAM: &str = "WITH RECURSIVE team (id, depth) AS ( \
        SELECT id, 1 FROM users WHERE manager_id = $1 \
        UNION ALL \
        SELECT u.id, t.depth + 1 FROM users u JOIN team t ON u.manager_id = t.id \
        WHERE t.depth < 1000 \
    ) ";

impl Among {
    /// `select` (which may use `{ids}` for the set's V2MOM ids as a subquery) as a whole
    /// statement, with the `WITH` clause the set needs.
    pub(super) fn statement(self, select: &str) -> String {
        let (with, condition) = match self {
            Among::V2mom(_) => ("", "v.id = $1"),
            Among::TeamOf { .. } => (
                TEAM,
                "v.owner_id IN (SELECT id FROM team) AND v.period_id = $2",
            ),
            Among::Period(_) => ("", "v.period_id = $1"),
        };
        let ids = format!("SELECT v.id FROM v2moms v WHERE {condition}");
        format!("{with}{}", select.replace("{ids}", &ids))
    }

    /// The values of the statement's placeholders, in order.
    pub(super) fn binds(self) -> Vec<i64> {
        match self {
            Among::V2mom(id) | Among::Period(id) => vec![id],
            Among::TeamOf { manager, period } => vec![manager, period],
        }
    }
}

/// Runs `$sql` (a `query_as` over rows of `$row`) with `$among`'s placeholders bound; every
/// row, on either backend.
macro_rules! fetch_among {
    ($db:expr, $row:ty, $sql:expr, $among:expr) => {
        crate::server::db::on_backend!($db, |pool| {
            let mut query = sqlx::query_as::<_, $row>($sql);
            for value in $among.binds() {
                query = query.bind(value);
            }
            query.fetch_all(pool).await
        })
    };
}
pub(super) use fetch_among;

impl Db {
    /// The headers of the set's V2MOMs, by id.
    pub async fn v2mom_headers(&self, among: Among) -> Result<Vec<V2momHeader>, DbError> {
        let sql = among.statement(&format!(
            "SELECT {HEADER_COLUMNS} FROM v2moms v WHERE v.id IN ({{ids}}) ORDER BY v.id"
        ));
        let rows = fetch_among!(self, HeaderRow, &sql, among)?;
        rows.into_iter().map(HeaderRow::into_header).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_set_binds_what_its_statement_names() {
        for among in [
            Among::V2mom(7),
            Among::TeamOf {
                manager: 3,
                period: 9,
            },
            Among::Period(9),
        ] {
            let sql = among.statement("SELECT 1 WHERE x IN ({ids})");
            let highest = (1..=3).rev().find(|n| sql.contains(&format!("${n}")));
            assert_eq!(highest, Some(among.binds().len()), "{sql}");
        }
    }
}
