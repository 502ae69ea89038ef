//! The organisation: lists of people and the reporting line. `WITH RECURSIVE` reads the
//! same on both backends.

use super::{Db, DbError, Tx, now, on_backend, on_tx};
use crate::model::{Role, TeamMember, UserStatus, UserSummary};

/// A person as lists show them; status folds in "invited" (no password yet).
#[derive(Debug, Clone, sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    email: String,
    display_name: String,
    job_title: String,
    function: String,
    role: String,
    manager_id: Option<i64>,
    manager_name: Option<String>,
    status: String,
}

impl SummaryRow {
    fn into_summary(self) -> Result<UserSummary, DbError> {
        let decode = |what: &str| DbError::Decode(format!("unexpected {what}").into());
        Ok(UserSummary {
            id: self.id,
            email: self.email,
            display_name: self.display_name,
            job_title: self.job_title,
            function: self.function,
            role: self.role.parse().map_err(|_| decode("role"))?,
            manager_id: self.manager_id,
            manager_name: self.manager_name,
            status: match self.status.as_str() {
                "active" => UserStatus::Active,
                "invited" => UserStatus::Invited,
                "disabled" => UserStatus::Disabled,
                _ => return Err(decode("status")),
            },
        })
    }
}

const COLUMNS: &str = "u.id, u.email, u.display_name, u.job_title, u.function, u.role, \
    u.manager_id, m.display_name AS manager_name, \
    CASE WHEN u.status = 'disabled' THEN 'disabled' \
         WHEN u.password_hash IS NULL THEN 'invited' ELSE 'active' END AS status";
const WITH_MANAGER: &str = "LEFT JOIN users m ON m.id = u.manager_id";

#[derive(sqlx::FromRow)]
struct TeamRow {
    #[sqlx(flatten)]
    summary: SummaryRow,
    depth: i32,
}

/// `%text%` for LIKE, with LIKE's own wildcards in the text taken literally.
pub(super) fn like_pattern(text: &str) -> String {
    let escaped = text
        .trim()
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

impl Db {
    /// People whose name, email or function contains `query`, by name, one page at a time.
    pub async fn search_users(
        &self,
        query: &str,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<UserSummary>, i64), DbError> {
        const FILTER: &str = "WHERE (lower(u.display_name) LIKE $1 ESCAPE '\\' \
            OR u.email_key LIKE $1 ESCAPE '\\' OR lower(u.function) LIKE $1 ESCAPE '\\')";
        let page = format!(
            "SELECT {COLUMNS} FROM users u {WITH_MANAGER} {FILTER} \
             ORDER BY lower(u.display_name), u.id LIMIT $2 OFFSET $3"
        );
        let count = format!("SELECT COUNT(*) FROM users u {FILTER}");
        let pattern = like_pattern(query);
        let rows: Vec<SummaryRow> = on_backend!(self, |pool| sqlx::query_as(&page)
            .bind(&pattern)
            .bind(limit)
            .bind(offset)
            .fetch_all(pool)
            .await)?;
        let total: i64 = on_backend!(self, |pool| sqlx::query_scalar(&count)
            .bind(&pattern)
            .fetch_one(pool)
            .await)?;
        let users = rows
            .into_iter()
            .map(SummaryRow::into_summary)
            .collect::<Result<_, _>>()?;
        Ok((users, total))
    }

    pub async fn user_summary(&self, id: i64) -> Result<Option<UserSummary>, DbError> {
        let sql = format!("SELECT {COLUMNS} FROM users u {WITH_MANAGER} WHERE u.id = $1");
        let row: Option<SummaryRow> = on_backend!(self, |pool| sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(pool)
            .await)?;
        row.map(SummaryRow::into_summary).transpose()
    }

    /// Everyone, by name: for choosing a manager and for views of the whole organisation.
    pub async fn all_users(&self) -> Result<Vec<UserSummary>, DbError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM users u {WITH_MANAGER} ORDER BY lower(u.display_name), u.id"
        );
        let rows: Vec<SummaryRow> =
            on_backend!(self, |pool| sqlx::query_as(&sql).fetch_all(pool).await)?;
        rows.into_iter().map(SummaryRow::into_summary).collect()
    }

    /// The managers above `user_id`, nearest first.
    pub async fn manager_chain(&self, user_id: i64) -> Result<Vec<i64>, DbError> {
        const SQL: &str = "WITH RECURSIVE chain (id, manager_id, depth) AS ( \
                SELECT id, manager_id, 0 FROM users WHERE id = $1 \
                UNION ALL \
                SELECT u.id, u.manager_id, c.depth + 1 FROM users u \
                JOIN chain c ON u.id = c.manager_id WHERE c.depth < 1000 \
            ) SELECT id FROM chain WHERE depth > 0 ORDER BY depth";
        on_backend!(self, |pool| sqlx::query_scalar(SQL)
            .bind(user_id)
            .fetch_all(pool)
            .await)
    }

    /// Everyone below `manager_id`, each after their own manager, siblings by name.
    pub async fn team_of(&self, manager_id: i64) -> Result<Vec<TeamMember>, DbError> {
        let sql = format!(
            "WITH RECURSIVE team (id, depth) AS ( \
                SELECT id, 1 FROM users WHERE manager_id = $1 \
                UNION ALL \
                SELECT u.id, t.depth + 1 FROM users u JOIN team t ON u.manager_id = t.id \
                WHERE t.depth < 1000 \
            ) SELECT {COLUMNS}, t.depth FROM team t JOIN users u ON u.id = t.id {WITH_MANAGER} \
            ORDER BY lower(u.display_name), u.id"
        );
        let rows: Vec<TeamRow> = on_backend!(self, |pool| sqlx::query_as(&sql)
            .bind(manager_id)
            .fetch_all(pool)
            .await)?;
        let members = rows
            .into_iter()
            .map(|row| {
                Ok(TeamMember {
                    person: row.summary.into_summary()?,
                    depth: row.depth.unsigned_abs(),
                })
            })
            .collect::<Result<Vec<_>, DbError>>()?;
        Ok(depth_first(manager_id, &members))
    }
}

/// Puts each person right after their manager, keeping the given (name) order among
/// siblings, so the list reads as an indented tree.
fn depth_first(root: i64, members: &[TeamMember]) -> Vec<TeamMember> {
    fn visit(manager: i64, members: &[TeamMember], ordered: &mut Vec<TeamMember>) {
        for member in members
            .iter()
            .filter(|m| m.person.manager_id == Some(manager))
        {
            ordered.push(member.clone());
            visit(member.person.id, members, ordered);
        }
    }
    let mut ordered = Vec::with_capacity(members.len());
    visit(root, members, &mut ordered);
    ordered
}

impl Tx {
    /// Serialises changes to roles, managers and status until this transaction ends, so
    /// the "last administrator" and "no cycles" checks cannot race.
    pub async fn lock_organisation(&mut self) -> Result<(), DbError> {
        self.serialise(super::Serialise::Organisation).await
    }

    pub async fn count_active_admins_except(&mut self, user_id: i64) -> Result<i64, DbError> {
        const SQL: &str = "SELECT COUNT(*) FROM users \
            WHERE role = 'admin' AND status = 'active' AND id <> $1";
        on_tx!(self, |conn| sqlx::query_scalar(SQL)
            .bind(user_id)
            .fetch_one(conn)
            .await)
    }

    /// Whether `candidate` is `user_id` or anywhere below them.
    pub async fn is_in_team_of(&mut self, user_id: i64, candidate: i64) -> Result<bool, DbError> {
        const SQL: &str = "WITH RECURSIVE team (id, depth) AS ( \
                SELECT id, 0 FROM users WHERE id = $1 \
                UNION ALL \
                SELECT u.id, t.depth + 1 FROM users u JOIN team t ON u.manager_id = t.id \
                WHERE t.depth < 1000 \
            ) SELECT EXISTS (SELECT 1 FROM team WHERE id = $2)";
        on_tx!(self, |conn| sqlx::query_scalar(SQL)
            .bind(user_id)
            .bind(candidate)
            .fetch_one(conn)
            .await)
    }

    pub async fn update_placement(
        &mut self,
        user_id: i64,
        role: Role,
        manager_id: Option<i64>,
        function: &str,
        job_title: &str,
    ) -> Result<(), DbError> {
        const SQL: &str = "UPDATE users SET role = $1, manager_id = $2, function = $3, \
            job_title = $4, updated_at = $5 WHERE id = $6";
        let at = now();
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(role.as_str())
            .bind(manager_id)
            .bind(function.trim())
            .bind(job_title.trim())
            .bind(at)
            .bind(user_id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(())
    }

    pub async fn set_active(&mut self, user_id: i64, active: bool) -> Result<(), DbError> {
        const SQL: &str = "UPDATE users SET status = $1, updated_at = $2 WHERE id = $3";
        let status = if active { "active" } else { "disabled" };
        let at = now();
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(status)
            .bind(at)
            .bind(user_id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(())
    }
}
