//! Measures: read with their V2MOM, written in place on every save so that they keep their
//! id, and with it their check-ins, across edits and publications.

use super::{
    Db, DbError, Tx,
    among::{Among, fetch_among},
    on_backend, on_tx,
};
use crate::model::{Measure, MeasureKind};
use chrono::NaiveDate;

#[derive(sqlx::FromRow)]
struct MeasureRow {
    id: i64,
    method_id: i64,
    v2mom_id: i64,
    description: String,
    kind: String,
    start_value: Option<f64>,
    target_value: Option<f64>,
    unit: String,
    direction: String,
    due_on: Option<NaiveDate>,
}

impl MeasureRow {
    fn into_measure(self) -> Result<(i64, i64, Measure), DbError> {
        let decode = |what: &str| DbError::Decode(format!("unexpected measure {what}").into());
        Ok((
            self.v2mom_id,
            self.method_id,
            Measure {
                id: Some(self.id),
                description: self.description,
                kind: self.kind.parse().map_err(|_| decode("kind"))?,
                start: self.start_value,
                target: self.target_value,
                unit: self.unit,
                direction: self.direction.parse().map_err(|_| decode("direction"))?,
                due_on: self.due_on.map(|d| d.to_string()).unwrap_or_default(),
                latest: None,
                progress: None,
            },
        ))
    }
}

/// What a check-in needs to know about its measure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MeasureFacts {
    pub v2mom_id: i64,
    pub kind: MeasureKind,
}

fn due_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

impl Db {
    /// Every measure of the set's V2MOMs as (V2MOM id, method id, measure), in rank order
    /// within each method: one query for the whole set.
    pub async fn measures(&self, among: Among) -> Result<Vec<(i64, i64, Measure)>, DbError> {
        let sql = among.statement(
            "SELECT s.id, s.method_id, m.v2mom_id, s.description, s.kind, s.start_value, \
                s.target_value, s.unit, s.direction, s.due_on \
            FROM v2mom_measures s JOIN v2mom_methods m ON m.id = s.method_id \
            WHERE m.v2mom_id IN ({ids}) ORDER BY m.v2mom_id, s.method_id, s.position",
        );
        let rows = fetch_among!(self, MeasureRow, &sql, among)?;
        rows.into_iter().map(MeasureRow::into_measure).collect()
    }

    /// The V2MOM a measure belongs to and its kind, if the measure exists.
    pub async fn measure_facts(&self, measure_id: i64) -> Result<Option<MeasureFacts>, DbError> {
        const SQL: &str = "SELECT m.v2mom_id, s.kind FROM v2mom_measures s \
            JOIN v2mom_methods m ON m.id = s.method_id WHERE s.id = $1";
        let row: Option<(i64, String)> = on_backend!(self, |pool| sqlx::query_as(SQL)
            .bind(measure_id)
            .fetch_optional(pool)
            .await)?;
        row.map(|(v2mom_id, kind)| {
            Ok(MeasureFacts {
                v2mom_id,
                kind: kind
                    .parse()
                    .map_err(|_| DbError::Decode("unexpected measure kind".into()))?,
            })
        })
        .transpose()
    }
}

impl Tx {
    /// The ids of a V2MOM's measures as they are before a save.
    pub(super) async fn measure_ids_of(&mut self, v2mom_id: i64) -> Result<Vec<i64>, DbError> {
        const SQL: &str = "SELECT s.id FROM v2mom_measures s \
            JOIN v2mom_methods m ON m.id = s.method_id WHERE m.v2mom_id = $1";
        on_tx!(self, |conn| sqlx::query_scalar(SQL)
            .bind(v2mom_id)
            .fetch_all(conn)
            .await)
    }

    /// Writes one method's measures in rank order: a measure that names one of this
    /// V2MOM's measures is updated in place (it may even move to another method), any other
    /// is inserted (as is a second measure naming the same id). Sets each measure's id and
    /// adds it to `written`, the ids this save wrote so far.
    pub(super) async fn write_measures(
        &mut self,
        v2mom_id: i64,
        method_id: i64,
        measures: &mut [Measure],
        written: &mut Vec<i64>,
    ) -> Result<(), DbError> {
        const UPDATE: &str = "UPDATE v2mom_measures SET method_id = $1, position = $2, \
                description = $3, kind = $4, start_value = $5, target_value = $6, unit = $7, \
                direction = $8, due_on = $9 \
            WHERE id = $10 \
              AND method_id IN (SELECT id FROM v2mom_methods WHERE v2mom_id = $11)";
        const INSERT: &str = "INSERT INTO v2mom_measures (method_id, position, description, \
                kind, start_value, target_value, unit, direction, due_on) \
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
        for (position, measure) in measures.iter_mut().enumerate() {
            let kind = measure.kind.as_str();
            let direction = measure.direction.as_str();
            let due_on = due_date(&measure.due_on);
            let updated = match measure.id.filter(|id| !written.contains(id)) {
                Some(measure_id) => {
                    on_tx!(self, |conn| sqlx::query(UPDATE)
                        .bind(method_id)
                        .bind(position as i64)
                        .bind(&measure.description)
                        .bind(kind)
                        .bind(measure.start)
                        .bind(measure.target)
                        .bind(&measure.unit)
                        .bind(direction)
                        .bind(due_on)
                        .bind(measure_id)
                        .bind(v2mom_id)
                        .execute(conn)
                        .await
                        .map(|done| done.rows_affected()))?
                        == 1
                }
                None => false,
            };
            if !updated {
                let id: i64 = on_tx!(self, |conn| sqlx::query_scalar(INSERT)
                    .bind(method_id)
                    .bind(position as i64)
                    .bind(&measure.description)
                    .bind(kind)
                    .bind(measure.start)
                    .bind(measure.target)
                    .bind(&measure.unit)
                    .bind(direction)
                    .bind(due_on)
                    .fetch_one(conn)
                    .await)?;
                measure.id = Some(id);
            }
            written.extend(measure.id);
        }
        Ok(())
    }

    /// Deletes the measures a save left out (their check-ins go with them).
    pub(super) async fn delete_measures(&mut self, ids: &[i64]) -> Result<(), DbError> {
        const SQL: &str = "DELETE FROM v2mom_measures WHERE id = $1";
        for id in ids {
            on_tx!(self, |conn| sqlx::query(SQL)
                .bind(id)
                .execute(conn)
                .await
                .map(|done| done.rows_affected()))?;
        }
        Ok(())
    }
}
