//! The backup file: JSON lines, so it streams both ways and survives any backend.
//!
//! ```text
//! {"format":"v2mom-backup","version":1,"schema":…,"made_at":…,"made_by":…,"backend":…,"sealed_with":[…]}
//! {"table":{"name":"users","columns":["id","email",…]}}
//! [1,"ada@example.com",…]                      one line per row, values in column order
//! {"table_end":{"rows":12,"sha256":"…"}}       SHA-256 of the table's row lines
//! …                                            the next table
//! {"end":{"tables":17,"rows":1234,"sha256":"…"}}   SHA-256 of every line before this one
//! ```
//!
//! A reader checks each table's checksum when the table ends and the whole file's at the
//! end, so a changed, cut or reordered file is refused, never half read.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::{
    fs::{self, File},
    io::{self, BufRead, BufReader, BufWriter, Lines, Write},
    path::{Path, PathBuf},
};

pub const FORMAT: &str = "v2mom-backup";
pub const VERSION: u32 = 1;

/// The archive's first line.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Header {
    pub format: String,
    pub version: u32,
    /// The database's schema: the newest migration applied to it.
    pub schema: i64,
    pub made_at: String,
    /// `v2mom <version>`.
    pub made_by: String,
    /// `sqlite` or `postgres`.
    pub backend: String,
    /// The ids of the encryption keys the archive's sealed secrets need.
    pub sealed_with: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum Marker {
    Table {
        name: String,
        columns: Vec<String>,
    },
    TableEnd {
        rows: u64,
        sha256: String,
    },
    End {
        tables: usize,
        rows: u64,
        sha256: String,
    },
}

/// Writes an archive to `FILE.partial` and renames it to `FILE` once complete, so a file
/// under the final name is always whole. Readable by its owner only: it holds password
/// hashes and sealed secrets.
pub struct Writer {
    out: BufWriter<File>,
    path: PathBuf,
    partial: PathBuf,
    all: Sha256,
    table: Option<(Sha256, u64)>,
    tables: usize,
    rows: u64,
}

impl Writer {
    pub fn create(path: &Path, header: &Header) -> io::Result<Self> {
        let mut partial = path.as_os_str().to_owned();
        partial.push(".partial");
        let partial = PathBuf::from(partial);
        let mut options = fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut writer = Writer {
            out: BufWriter::new(options.open(&partial)?),
            path: path.to_owned(),
            partial,
            all: Sha256::new(),
            table: None,
            tables: 0,
            rows: 0,
        };
        writer.line(&serde_json::to_string(header)?)?;
        Ok(writer)
    }

    fn line(&mut self, text: &str) -> io::Result<()> {
        self.all.update(text.as_bytes());
        self.all.update(b"\n");
        self.out.write_all(text.as_bytes())?;
        self.out.write_all(b"\n")
    }

    pub fn start_table(&mut self, name: &str, columns: &[&str]) -> io::Result<()> {
        let marker = Marker::Table {
            name: name.to_owned(),
            columns: columns.iter().map(|c| (*c).to_owned()).collect(),
        };
        self.line(&serde_json::to_string(&marker)?)?;
        self.table = Some((Sha256::new(), 0));
        Ok(())
    }

    pub fn row(&mut self, values: &[Value]) -> io::Result<()> {
        let text = serde_json::to_string(values)?;
        let (hash, rows) = self.table.as_mut().expect("a row belongs to a table");
        hash.update(text.as_bytes());
        hash.update(b"\n");
        *rows += 1;
        self.line(&text)
    }

    /// Closes the table; returns its row count.
    pub fn end_table(&mut self) -> io::Result<u64> {
        let (hash, rows) = self.table.take().expect("a table was started");
        let marker = Marker::TableEnd {
            rows,
            sha256: hex::encode(hash.finalize()),
        };
        self.line(&serde_json::to_string(&marker)?)?;
        self.tables += 1;
        self.rows += rows;
        Ok(rows)
    }

    /// Writes the last line, flushes to disk and gives the file its name.
    pub fn finish(mut self) -> io::Result<()> {
        let marker = Marker::End {
            tables: self.tables,
            rows: self.rows,
            sha256: hex::encode(self.all.clone().finalize()),
        };
        self.line(&serde_json::to_string(&marker)?)?;
        self.out.flush()?;
        self.out.get_ref().sync_all()?;
        fs::rename(&self.partial, &self.path)
    }
}

impl Drop for Writer {
    /// An archive abandoned half way is removed rather than left beside the good ones
    /// (after [`Writer::finish`] there is nothing left to remove).
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.partial);
    }
}

/// What a [`Reader`] gives, in file order.
#[derive(Debug, PartialEq)]
pub enum Item {
    Table {
        name: String,
        columns: Vec<String>,
    },
    Row(Vec<Value>),
    /// The table's rows all came, and their checksum matched.
    TableEnd {
        rows: u64,
    },
    /// The file is complete and its checksum matched.
    End,
}

/// Reads an archive line by line, checking structure and checksums as it goes.
pub struct Reader {
    lines: Lines<BufReader<File>>,
    number: u64,
    all: Sha256,
    table: Option<(Sha256, u64)>,
    tables: usize,
    rows: u64,
    ended: bool,
}

impl Reader {
    /// Opens `path` and reads its header.
    pub fn open(path: &Path) -> Result<(Self, Header), String> {
        let file = File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let mut reader = Reader {
            lines: BufReader::new(file).lines(),
            number: 0,
            all: Sha256::new(),
            table: None,
            tables: 0,
            rows: 0,
            ended: false,
        };
        let first = reader
            .next_line()?
            .ok_or("the file is empty, not a v2mom backup")?;
        reader.hash_line(&first);
        let header: Header = serde_json::from_str(&first)
            .ok()
            .filter(|h: &Header| h.format == FORMAT)
            .ok_or("the file is not a v2mom backup")?;
        if header.version != VERSION {
            return Err(format!(
                "the backup is in format version {}; this v2mom reads version {VERSION}",
                header.version
            ));
        }
        Ok((reader, header))
    }

    fn next_line(&mut self) -> Result<Option<String>, String> {
        let Some(line) = self.lines.next() else {
            return Ok(None);
        };
        self.number += 1;
        let line = line.map_err(|e| format!("cannot read line {}: {e}", self.number))?;
        Ok(Some(line))
    }

    fn broken(&self, what: &str) -> String {
        format!("the backup is damaged at line {}: {what}", self.number)
    }

    /// The next item; an error for anything out of place, and at the end of the file
    /// before the closing line.
    pub fn next_item(&mut self) -> Result<Item, String> {
        if self.ended {
            return match self.next_line()? {
                None => Ok(Item::End),
                Some(_) => Err(self.broken("lines after the end")),
            };
        }
        let line = self
            .next_line()?
            .ok_or_else(|| self.broken("the file ends early (cut short?)"))?;
        if line.starts_with('[') {
            let values: Vec<Value> =
                serde_json::from_str(&line).map_err(|_| self.broken("a row is not JSON"))?;
            let (hash, rows) = self
                .table
                .as_mut()
                .ok_or_else(|| format!("line {}: a row outside a table", self.number))?;
            hash.update(line.as_bytes());
            hash.update(b"\n");
            *rows += 1;
            self.hash_line(&line);
            return Ok(Item::Row(values));
        }
        let marker: Marker =
            serde_json::from_str(&line).map_err(|_| self.broken("not a backup line"))?;
        let item = match marker {
            Marker::Table { name, columns } if self.table.is_none() => {
                self.table = Some((Sha256::new(), 0));
                Item::Table { name, columns }
            }
            Marker::TableEnd { rows, sha256 } => {
                let (hash, counted) = self
                    .table
                    .take()
                    .ok_or_else(|| self.broken("a table ends that never began"))?;
                if counted != rows || hex::encode(hash.finalize()) != sha256 {
                    return Err(self.broken("a table's rows do not match its checksum"));
                }
                self.tables += 1;
                self.rows += rows;
                Item::TableEnd { rows }
            }
            Marker::End {
                tables,
                rows,
                sha256,
            } if self.table.is_none() => {
                let whole = hex::encode(self.all.clone().finalize());
                if tables != self.tables || rows != self.rows || whole != sha256 {
                    return Err(self.broken("the file does not match its checksum"));
                }
                self.ended = true;
                return self.next_item();
            }
            _ => return Err(self.broken("a table begins inside another")),
        };
        self.hash_line(&line);
        Ok(item)
    }

    fn hash_line(&mut self, line: &str) {
        self.all.update(line.as_bytes());
        self.all.update(b"\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn header() -> Header {
        Header {
            format: FORMAT.into(),
            version: VERSION,
            schema: 1,
            made_at: "2026-12-04T20:00:00Z".into(),
            made_by: "v2mom test".into(),
            backend: "sqlite".into(),
            sealed_with: vec![],
        }
    }

    fn written(dir: &Path) -> PathBuf {
        let path = dir.join("backup.jsonl");
        let mut writer = Writer::create(&path, &header()).unwrap();
        writer.start_table("people", &["id", "name"]).unwrap();
        writer.row(&[json!(1), json!("Ada")]).unwrap();
        writer.row(&[json!(2), json!("Grace")]).unwrap();
        assert_eq!(writer.end_table().unwrap(), 2);
        writer.start_table("empty", &["id"]).unwrap();
        writer.end_table().unwrap();
        writer.finish().unwrap();
        path
    }

    fn read_all(path: &Path) -> Result<Vec<Item>, String> {
        let (mut reader, _) = Reader::open(path)?;
        let mut items = vec![];
        loop {
            let item = reader.next_item()?;
            let end = item == Item::End;
            items.push(item);
            if end {
                return Ok(items);
            }
        }
    }

    #[test]
    fn what_is_written_reads_back_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let items = read_all(&written(dir.path())).unwrap();
        assert_eq!(items.len(), 7, "{items:?}");
        assert_eq!(items[1], Item::Row(vec![json!(1), json!("Ada")]));
        assert_eq!(items[3], Item::TableEnd { rows: 2 });
        assert!(!dir.path().join("backup.jsonl.partial").exists());
    }

    #[test]
    fn a_changed_cut_or_extended_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = written(dir.path());
        let good = fs::read_to_string(&path).unwrap();
        let damaged = [
            good.replace("Grace", "Grace Hopper"),
            good.replace("[2,\"Grace\"]\n", ""),
            good.lines().take(5).collect::<Vec<_>>().join("\n"),
            format!("{good}[3,\"Eve\"]\n"),
            good.replacen(
                "{\"table\":{\"name\":\"empty\"",
                "{\"table\":{\"name\":\"other\"",
                1,
            ),
        ];
        for text in damaged {
            fs::write(&path, &text).unwrap();
            let err = read_all(&path).unwrap_err();
            assert!(err.contains("damaged"), "{err} for\n{text}");
        }
        fs::write(&path, "{\"hello\":1}\n").unwrap();
        assert_eq!(
            read_all(&path).unwrap_err(),
            "the file is not a v2mom backup"
        );
    }

    #[test]
    fn an_abandoned_archive_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("backup.jsonl");
        let writer = Writer::create(&path, &header()).unwrap();
        drop(writer);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
