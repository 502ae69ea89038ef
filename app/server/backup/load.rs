//! Loading one table of an archive: its values bound to the kinds the database declares,
//! in batches, with the columns that refer within their own table filled in last.

use super::failed;
use crate::server::db::{
    ColumnKind, LATE_COLUMNS, Tx,
    columns::{Bound, Kind},
};
use serde_json::Value;

/// Rows a restore inserts per round trip.
pub const ROWS_PER_BATCH: usize = 500;

/// One table being restored: its columns as the archive orders them, bound to the kinds
/// the database declares.
pub struct Loading {
    pub name: String,
    columns: Vec<String>,
    kinds: Vec<Kind>,
    /// Where the [`LATE_COLUMNS`] are, and where the id is.
    late_at: Vec<(usize, &'static str)>,
    id_at: Option<usize>,
    pub batch: Vec<Vec<Bound>>,
    pub late: Vec<(&'static str, Vec<(i64, i64)>)>,
}

impl Loading {
    pub fn new(name: String, columns: Vec<String>, target: &[ColumnKind]) -> Result<Self, String> {
        let mut ours: Vec<&str> = target.iter().map(|c| c.name.as_str()).collect();
        let mut theirs: Vec<&str> = columns.iter().map(String::as_str).collect();
        ours.sort_unstable();
        theirs.sort_unstable();
        if ours != theirs {
            return Err(format!(
                "the backup's {name} has columns {theirs:?}; this v2mom's has {ours:?}"
            ));
        }
        let kind_of = |column: &str| {
            target
                .iter()
                .find(|c| c.name == column)
                .and_then(|c| c.kind)
                .expect("schema() checked every column's kind")
        };
        let late_at: Vec<(usize, &'static str)> = LATE_COLUMNS
            .iter()
            .filter(|(table, _)| *table == name)
            .filter_map(|(_, late)| Some((columns.iter().position(|c| c == late)?, *late)))
            .collect();
        Ok(Loading {
            kinds: columns.iter().map(|c| kind_of(c)).collect(),
            id_at: columns.iter().position(|c| c == "id"),
            late: late_at
                .iter()
                .map(|(_, column)| (*column, vec![]))
                .collect(),
            late_at,
            name,
            columns,
            batch: Vec::with_capacity(ROWS_PER_BATCH),
        })
    }

    pub fn push(&mut self, values: &[Value]) -> Result<(), String> {
        let mut row = Vec::with_capacity(values.len());
        for ((value, kind), column) in values.iter().zip(&self.kinds).zip(&self.columns) {
            row.push(Bound::of(*kind, value).map_err(|e| format!("{}.{column}: {e}", self.name))?);
        }
        for (i, (at, _)) in self.late_at.iter().enumerate() {
            if let (Bound::Int(Some(value)), Some(Bound::Int(Some(id)))) =
                (&row[*at], self.id_at.map(|id| &row[id]))
            {
                self.late[i].1.push((*id, *value));
                row[*at] = Bound::Int(None);
            }
        }
        self.batch.push(row);
        Ok(())
    }

    pub async fn flush(&mut self, tx: &mut Tx) -> Result<(), String> {
        let columns: Vec<&str> = self.columns.iter().map(String::as_str).collect();
        tx.insert_rows(&self.name, &columns, &self.batch)
            .await
            .map_err(failed(&format!("cannot restore {}", self.name)))?;
        self.batch.clear();
        Ok(())
    }
}
