//! Check-ins on measures: appended, never changed (a correction is a new check-in).

use super::{
    Db, DbError, Tx,
    among::{Among, fetch_among},
    now, on_backend, on_tx, rfc3339,
};
use crate::model::{CheckIn, CheckedCheckIn, LatestCheckIn, PersonRef};
use chrono::{DateTime, Utc};

#[derive(sqlx::FromRow)]
struct CheckInRow {
    id: i64,
    measure_id: i64,
    value: f64,
    status: String,
    comment: String,
    created_by: i64,
    by_name: String,
    created_at: DateTime<Utc>,
}

impl CheckInRow {
    fn into_check_in(self) -> Result<CheckIn, DbError> {
        Ok(CheckIn {
            id: self.id,
            measure_id: self.measure_id,
            value: self.value,
            status: self
                .status
                .parse()
                .map_err(|_| DbError::Decode("unexpected check-in status".into()))?,
            comment: self.comment,
            by: PersonRef {
                id: self.created_by,
                name: self.by_name,
            },
            at: rfc3339(self.created_at),
        })
    }
}

const COLUMNS: &str = "SELECT c.id, c.measure_id, c.value, c.status, c.comment, c.created_by, \
        u.display_name AS by_name, c.created_at \
    FROM measure_check_ins c JOIN users u ON u.id = c.created_by";

impl Db {
    /// Dates a check-in in the past. Only the demo does this: its history spans weeks but is
    /// written in a second. Everything else appends and never changes a check-in.
    pub async fn date_demo_check_in(&self, id: i64, at: DateTime<Utc>) -> Result<(), DbError> {
        const SQL: &str = "UPDATE measure_check_ins SET created_at = $1 WHERE id = $2";
        on_backend!(self, |pool| sqlx::query(SQL)
            .bind(at)
            .bind(id)
            .execute(pool)
            .await
            .map(drop))?;
        Ok(())
    }

    /// One measure's check-ins, oldest first.
    pub async fn check_ins_of_measure(&self, measure_id: i64) -> Result<Vec<CheckIn>, DbError> {
        let sql = format!("{COLUMNS} WHERE c.measure_id = $1 ORDER BY c.id");
        let rows: Vec<CheckInRow> = on_backend!(self, |pool| sqlx::query_as(&sql)
            .bind(measure_id)
            .fetch_all(pool)
            .await)?;
        rows.into_iter().map(CheckInRow::into_check_in).collect()
    }

    /// Every check-in on a V2MOM's measures, oldest first.
    pub async fn check_ins_of_v2mom(&self, v2mom_id: i64) -> Result<Vec<CheckIn>, DbError> {
        let sql = format!(
            "{COLUMNS} JOIN v2mom_measures s ON s.id = c.measure_id \
             JOIN v2mom_methods m ON m.id = s.method_id WHERE m.v2mom_id = $1 ORDER BY c.id"
        );
        let rows: Vec<CheckInRow> = on_backend!(self, |pool| sqlx::query_as(&sql)
            .bind(v2mom_id)
            .fetch_all(pool)
            .await)?;
        rows.into_iter().map(CheckInRow::into_check_in).collect()
    }

    /// The newest check-in of each of a V2MOM's measures that has one, by measure id.
    pub async fn latest_check_ins(
        &self,
        v2mom_id: i64,
    ) -> Result<Vec<(i64, LatestCheckIn)>, DbError> {
        self.latest_check_ins_among(Among::V2mom(v2mom_id)).await
    }

    /// The newest check-in of each measure of the set's V2MOMs that has one, by measure id:
    /// one query for the whole set.
    pub async fn latest_check_ins_among(
        &self,
        among: Among,
    ) -> Result<Vec<(i64, LatestCheckIn)>, DbError> {
        let sql = among.statement(
            "SELECT c.measure_id, c.value, c.status, c.created_at \
            FROM measure_check_ins c WHERE c.id IN ( \
                SELECT MAX(n.id) FROM measure_check_ins n \
                JOIN v2mom_measures s ON s.id = n.measure_id \
                JOIN v2mom_methods m ON m.id = s.method_id \
                WHERE m.v2mom_id IN ({ids}) GROUP BY n.measure_id)",
        );
        let rows = fetch_among!(self, (i64, f64, String, DateTime<Utc>), &sql, among)?;
        rows.into_iter()
            .map(|(measure_id, value, status, at)| {
                Ok((
                    measure_id,
                    LatestCheckIn {
                        value,
                        status: status
                            .parse()
                            .map_err(|_| DbError::Decode("unexpected check-in status".into()))?,
                        at: rfc3339(at),
                    },
                ))
            })
            .collect()
    }
}

impl Tx {
    /// Appends a check-in by `by` on `measure_id`; returns its id and time.
    pub async fn add_check_in(
        &mut self,
        measure_id: i64,
        by: i64,
        check_in: &CheckedCheckIn,
    ) -> Result<(i64, DateTime<Utc>), DbError> {
        const SQL: &str = "INSERT INTO measure_check_ins \
                (measure_id, value, status, comment, created_by, created_at) \
            VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
        let at = now();
        let id = on_tx!(self, |conn| sqlx::query_scalar(SQL)
            .bind(measure_id)
            .bind(check_in.value)
            .bind(check_in.status.as_str())
            .bind(&check_in.comment)
            .bind(by)
            .bind(at)
            .fetch_one(conn)
            .await)?;
        Ok((id, at))
    }
}
