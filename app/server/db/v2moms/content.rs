//! Writing a V2MOM's parts into their tables: values and obstacles replaced, methods and
//! measures kept by id where they are this V2MOM's own.

use crate::model::V2momContent;
use crate::server::db::{DbError, Tx, on_tx};

impl Tx {
    /// Writes the parts. Values and obstacles are replaced; methods keep their id (others
    /// align to them) and measures theirs (check-ins hang on them) when the given id is one
    /// of this V2MOM's own. Returns the content as stored, with every method's and measure's
    /// id (and without what check-ins add: a revision keeps what was written).
    pub(in crate::server::db) async fn write_content(
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
}
