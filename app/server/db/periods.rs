//! Planning periods such as "FY2027"; at most one is current.

use super::{Db, DbError, Tx, now, on_backend, on_tx};
use crate::model::Period;
use chrono::NaiveDate;

#[derive(sqlx::FromRow)]
struct PeriodRow {
    id: i64,
    name: String,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    is_current: bool,
}

impl From<PeriodRow> for Period {
    fn from(row: PeriodRow) -> Self {
        Period {
            id: row.id,
            name: row.name,
            starts_on: row.starts_on.to_string(),
            ends_on: row.ends_on.to_string(),
            is_current: row.is_current,
        }
    }
}

const COLUMNS: &str = "id, name, starts_on, ends_on, is_current";

impl Db {
    /// Every period, latest first.
    pub async fn periods(&self) -> Result<Vec<Period>, DbError> {
        let sql = format!("SELECT {COLUMNS} FROM periods ORDER BY starts_on DESC, id DESC");
        let rows: Vec<PeriodRow> =
            on_backend!(self, |pool| sqlx::query_as(&sql).fetch_all(pool).await)?;
        Ok(rows.into_iter().map(Period::from).collect())
    }

    pub async fn period(&self, id: i64) -> Result<Option<Period>, DbError> {
        let sql = format!("SELECT {COLUMNS} FROM periods WHERE id = $1");
        let row: Option<PeriodRow> = on_backend!(self, |pool| sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(pool)
            .await)?;
        Ok(row.map(Period::from))
    }

    pub async fn current_period(&self) -> Result<Option<Period>, DbError> {
        let sql = format!("SELECT {COLUMNS} FROM periods WHERE is_current");
        let row: Option<PeriodRow> =
            on_backend!(self, |pool| sqlx::query_as(&sql).fetch_optional(pool).await)?;
        Ok(row.map(Period::from))
    }
}

impl Tx {
    /// Adds a period; `None` when one with the same name (in any case) exists.
    pub async fn create_period(
        &mut self,
        name: &str,
        starts_on: NaiveDate,
        ends_on: NaiveDate,
    ) -> Result<Option<i64>, DbError> {
        const SQL: &str = "INSERT INTO periods (name, name_key, starts_on, ends_on, created_at) \
            VALUES ($1, $2, $3, $4, $5) ON CONFLICT (name_key) DO NOTHING RETURNING id";
        let at = now();
        on_tx!(self, |conn| sqlx::query_scalar(SQL)
            .bind(name.trim())
            .bind(name.trim().to_lowercase())
            .bind(starts_on)
            .bind(ends_on)
            .bind(at)
            .fetch_optional(conn)
            .await)
    }

    /// Makes `id` the current period (and no other); false when there is no such period.
    pub async fn set_current_period(&mut self, id: i64) -> Result<bool, DbError> {
        const CLEAR: &str = "UPDATE periods SET is_current = FALSE WHERE is_current AND id <> $1";
        const SET: &str = "UPDATE periods SET is_current = TRUE WHERE id = $1";
        on_tx!(self, |conn| sqlx::query(CLEAR)
            .bind(id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        let done = on_tx!(self, |conn| sqlx::query(SET)
            .bind(id)
            .execute(conn)
            .await
            .map(|d| d.rows_affected()))?;
        Ok(done == 1)
    }

    /// The V2MOMs of a period that are not archived yet, as (id, version, status), for
    /// closing it.
    pub async fn open_v2moms_in_period(
        &mut self,
        period_id: i64,
    ) -> Result<Vec<(i64, i64, crate::model::V2momStatus)>, DbError> {
        const SQL: &str = "SELECT id, version, status FROM v2moms \
            WHERE period_id = $1 AND status <> 'archived' ORDER BY id";
        let rows: Vec<(i64, i64, String)> = on_tx!(self, |conn| sqlx::query_as(SQL)
            .bind(period_id)
            .fetch_all(conn)
            .await)?;
        rows.into_iter()
            .map(|(id, version, status)| Ok((id, version, super::v2moms::parse_status(&status)?)))
            .collect()
    }
}

impl Db {
    /// Every V2MOM of a period as (owner, id, status): the team and alignment views.
    pub async fn v2moms_in_period(
        &self,
        period_id: i64,
    ) -> Result<Vec<(i64, i64, crate::model::V2momStatus)>, DbError> {
        const SQL: &str = "SELECT owner_id, id, status FROM v2moms WHERE period_id = $1";
        let rows: Vec<(i64, i64, String)> = on_backend!(self, |pool| sqlx::query_as(SQL)
            .bind(period_id)
            .fetch_all(pool)
            .await)?;
        rows.into_iter()
            .map(|(owner, id, status)| Ok((owner, id, super::v2moms::parse_status(&status)?)))
            .collect()
    }
}
