//! `v2mom backup` and `v2mom restore`: the whole database as one portable archive, made
//! from a running server and loaded into an empty database of either backend. This is
//! also how a trial on SQLite moves to PostgreSQL.
//!
//! A backup reads every table in one snapshot transaction, so it is consistent while the
//! server goes on writing. A restore reads the archive twice: once to check it through
//! (checksums, structure, the audit log's hash chain) before touching the database, then
//! to load it in one transaction, checking again as it goes; so it loads all or nothing.

mod archive;
mod load;
pub mod schedule;

pub use archive::{FORMAT, Header};

use super::{
    audit::{ChainCheck, ChainWalk, Event, Origin},
    db::{BACKED_UP, ColumnKind, Db, select_all},
    keyring::Keyring,
};
use crate::model::Backend;
use archive::{Item, Reader, Writer};
use futures_util::TryStreamExt;
use load::{Loading, ROWS_PER_BATCH};
use serde_json::{Map, Value};
use std::{fmt, path::Path};

/// How many rows each table held, in archive order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub tables: Vec<(String, u64)>,
}

impl Summary {
    pub fn rows(&self) -> u64 {
        self.tables.iter().map(|(_, rows)| rows).sum()
    }

    pub fn rows_of(&self, table: &str) -> u64 {
        self.tables
            .iter()
            .find(|(name, _)| name == table)
            .map_or(0, |(_, rows)| *rows)
    }
}

impl fmt::Display for Summary {
    /// `1234 rows in 17 tables (users 12, …)`, naming the tables that have rows.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let counts: Vec<String> = self
            .tables
            .iter()
            .filter(|(_, rows)| *rows > 0)
            .map(|(name, rows)| format!("{name} {rows}"))
            .collect();
        write!(
            f,
            "{} rows in {} tables ({})",
            self.rows(),
            self.tables.len(),
            counts.join(", ")
        )
    }
}

pub(crate) fn failed(doing: &str) -> impl Fn(sqlx::Error) -> String + '_ {
    move |e| format!("{doing}: {e}")
}

fn backend_name(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    }
}

/// The columns of every backed-up table, refusing a column type the archive cannot carry.
async fn schema(db: &Db) -> Result<Vec<(&'static str, Vec<ColumnKind>)>, String> {
    let mut tables = Vec::with_capacity(BACKED_UP.len());
    for table in BACKED_UP {
        let columns = db
            .column_kinds(table)
            .await
            .map_err(failed("cannot read the schema"))?;
        if let Some(column) = columns.iter().find(|c| c.kind.is_none()) {
            return Err(format!(
                "column {table}.{} has a type backups cannot carry",
                column.name
            ));
        }
        tables.push((*table, columns));
    }
    Ok(tables)
}

/// Writes the database to `out` as it is at one moment, while the server goes on serving.
pub async fn make(db: &Db, out: &Path) -> Result<Summary, String> {
    let schema_version = db
        .schema_version()
        .await
        .map_err(|_| "the database has no v2mom schema (nothing to back up)".to_owned())?
        .ok_or("the database has no v2mom schema (nothing to back up)")?;
    let tables = schema(db).await?;
    let mut tx = db
        .begin_snapshot()
        .await
        .map_err(failed("cannot read the database"))?;
    let header = Header {
        format: FORMAT.into(),
        version: archive::VERSION,
        schema: schema_version,
        made_at: super::db::columns::timestamp_text(super::db::now()),
        made_by: format!("v2mom {}", env!("CARGO_PKG_VERSION")),
        backend: backend_name(db.backend()).into(),
        sealed_with: tx
            .sealed_key_ids()
            .await
            .map_err(failed("cannot read the database"))?,
    };
    let write_error = |e: std::io::Error| format!("cannot write {}: {e}", out.display());
    let mut writer = Writer::create(out, &header).map_err(write_error)?;
    let mut summary = Summary::default();
    for (table, columns) in &tables {
        let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
        let kinds: Vec<_> = columns.iter().map(|c| c.kind).collect();
        writer.start_table(table, &names).map_err(write_error)?;
        let sql = select_all(table, columns);
        let mut rows = tx.rows(&sql, &kinds);
        while let Some(row) = rows
            .try_next()
            .await
            .map_err(failed("cannot read the database"))?
        {
            writer.row(&row).map_err(write_error)?;
        }
        drop(rows);
        let count = writer.end_table().map_err(write_error)?;
        summary.tables.push(((*table).to_owned(), count));
    }
    writer.finish().map_err(write_error)?;
    Ok(summary)
}

/// What [`verify`] found in an archive whose checksums and structure are sound.
#[derive(Debug, Clone)]
pub struct Verified {
    pub header: Header,
    pub summary: Summary,
    /// Whether the archive's audit log is the unbroken chain the server wrote.
    pub chain: ChainCheck,
}

/// How [`restore`] may proceed.
#[derive(Debug, Clone, Copy, Default)]
pub struct RestoreOptions {
    /// Replace what the database holds (`--force`), instead of refusing one that has data.
    pub replace: bool,
    /// Restore even though the archive's audit log chain is broken (the restore's own audit
    /// row says so).
    pub accept_broken_chain: bool,
}

/// Reads the archive through, checking its checksums and structure and walking its audit
/// log's hash chain, without a database.
pub fn verify(path: &Path) -> Result<Verified, String> {
    let (mut reader, header) = Reader::open(path)?;
    let mut summary = Summary::default();
    let mut current: Option<(String, Vec<String>)> = None;
    let mut walk = ChainWalk::default();
    let mut chain = ChainCheck::Intact { rows: 0 };
    loop {
        match reader.next_item()? {
            Item::Table { name, columns } => current = Some((name, columns)),
            Item::Row(values) => {
                let (name, columns) = current.as_ref().expect("the reader checks rows' tables");
                if values.len() != columns.len() {
                    return Err(format!("a row of {name} has the wrong number of values"));
                }
                if name == "audit_log" {
                    let row: Map<String, Value> = columns.iter().cloned().zip(values).collect();
                    let row = serde_json::from_value(Value::Object(row))
                        .map_err(|e| format!("an audit_log row does not read: {e}"))?;
                    chain = match chain {
                        ChainCheck::Intact { rows } if walk.follows(&row) => {
                            ChainCheck::Intact { rows: rows + 1 }
                        }
                        ChainCheck::Intact { .. } => ChainCheck::BrokenAt { id: row.id },
                        broken => broken,
                    };
                }
            }
            Item::TableEnd { rows } => {
                let (name, _) = current.take().expect("the reader checks table ends");
                summary.tables.push((name, rows));
            }
            Item::End => {
                return Ok(Verified {
                    header,
                    summary,
                    chain,
                });
            }
        }
    }
}

/// Loads the archive at `path` into `db`, which must be migrated to this build's schema
/// and empty, unless `options.replace` (`--force`): then what it holds is replaced, in the
/// same transaction. `keys` are the server's encryption keys, if it has any yet: the
/// archive's sealed secrets need the keys they were sealed under. Everyone is signed out.
pub async fn restore(
    db: &Db,
    keys: Option<&Keyring>,
    path: &Path,
    options: RestoreOptions,
) -> Result<Verified, String> {
    let verified = verify(path)?;
    let header = &verified.header;
    let chain = match verified.chain {
        ChainCheck::Intact { .. } => "intact".to_owned(),
        ChainCheck::BrokenAt { id } if options.accept_broken_chain => {
            format!("broken at row {id}")
        }
        ChainCheck::BrokenAt { id } => {
            return Err(format!(
                "the backup's audit log is not the chain the server wrote: it breaks at row \
                 {id}, so its history was changed; pass --accept-broken-audit-chain to \
                 restore it anyway (the restore is then audited as such)"
            ));
        }
    };
    let ours = db.build_schema_version();
    if header.schema != ours {
        return Err(format!(
            "the backup has schema {} ({}); this v2mom has schema {ours}: restore it with the \
             same version of v2mom that made it, then upgrade",
            header.schema, header.made_by
        ));
    }
    let held: Vec<&str> = verified
        .summary
        .tables
        .iter()
        .map(|(t, _)| t.as_str())
        .collect();
    if held != BACKED_UP {
        return Err(format!(
            "the backup does not hold the tables this v2mom expects: {held:?}"
        ));
    }
    let missing: Vec<&str> = header
        .sealed_with
        .iter()
        .map(String::as_str)
        .filter(|id| !keys.is_some_and(|keys| keys.ids().any(|have| have == *id)))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "the backup's secrets are sealed under encryption key(s) {missing:?}, which this \
             server does not have: set V2MOM_ENCRYPTION_KEY to the keys of the server that \
             made it (on SQLite, copying its encryption.key into the data directory also does)"
        ));
    }
    let tables = schema(db).await?;
    let mut tx = db.begin().await.map_err(failed("cannot write"))?;
    if options.replace {
        let children_first: Vec<&str> = BACKED_UP.iter().rev().copied().collect();
        tx.delete_everything(&children_first)
            .await
            .map_err(failed("cannot empty the database"))?;
    } else {
        for table in BACKED_UP {
            if tx.has_rows(table).await.map_err(failed("cannot read"))? {
                return Err(format!(
                    "the database is not empty ({table} has rows): restore into an empty \
                     database, or pass --force to replace everything in it"
                ));
            }
        }
        tx.end_every_session()
            .await
            .map_err(failed("cannot end sessions"))?;
    }

    let (mut reader, _) = Reader::open(path)?;
    let mut summary = Summary::default();
    let mut loading: Option<Loading> = None;
    loop {
        match reader.next_item()? {
            Item::Table { name, columns } => {
                let target = tables
                    .iter()
                    .find(|(table, _)| *table == name)
                    .map(|(_, columns)| columns)
                    .ok_or_else(|| format!("the backup has a table this v2mom lacks: {name}"))?;
                loading = Some(Loading::new(name, columns, target)?);
            }
            Item::Row(values) => {
                let table = loading.as_mut().expect("the reader checks rows' tables");
                table.push(&values)?;
                if table.batch.len() >= ROWS_PER_BATCH {
                    table.flush(&mut tx).await?;
                }
            }
            Item::TableEnd { rows } => {
                let mut table = loading.take().expect("the reader checks table ends");
                table.flush(&mut tx).await?;
                for (column, values) in &table.late {
                    tx.set_late(&table.name, column, values)
                        .await
                        .map_err(failed(&format!("cannot restore {}", table.name)))?;
                }
                summary.tables.push((table.name, rows));
            }
            Item::End => break,
        }
    }
    if summary != verified.summary {
        return Err("the backup changed while it was being restored".into());
    }
    tx.reset_id_sequences(BACKED_UP)
        .await
        .map_err(failed("cannot restore"))?;
    let event = Event::new("backup.restored").with(serde_json::json!({
        "made_at": header.made_at,
        "made_by": header.made_by,
        "backend": header.backend,
        "rows": summary.rows(),
        "replaced": options.replace,
        "audit_chain": chain,
    }));
    tx.audit(&Origin::default(), event)
        .await
        .map_err(failed("cannot restore"))?;
    tx.commit().await.map_err(failed("cannot restore"))?;
    Ok(verified)
}
