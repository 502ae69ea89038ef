//! Scheduled backups (`V2MOM_BACKUP_DIR`): every `backup_interval_hours` one process of the
//! deployment writes an archive there and removes the oldest beyond `backup_keep`.

use super::make;
use crate::server::{
    db::{Db, now},
    metrics::{BACKUP_LAST_SUCCESS, BACKUPS_TOTAL},
};
use std::{
    path::{Path, PathBuf},
    time::Duration,
};

/// The job's name in `scheduled_runs`.
const JOB: &str = "backup";
/// How often each process asks whether a backup is due.
const CHECK_EVERY: Duration = Duration::from_secs(60);
const PREFIX: &str = "v2mom-backup-";
const SUFFIX: &str = ".jsonl";

/// Where, how often and how many.
#[derive(Debug, Clone)]
pub struct Schedule {
    pub dir: PathBuf,
    pub every: Duration,
    pub keep: usize,
}

/// Checks at once and then every minute; the process that claims a due run makes it.
pub fn spawn(db: Db, schedule: Schedule) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(CHECK_EVERY);
        loop {
            tick.tick().await;
            if let Err(err) = run_if_due(&db, &schedule).await {
                tracing::error!(error = %err, "scheduled backup failed; will try at the next one");
            }
        }
    })
}

/// Makes a backup if one is due and this process is the one to make it.
pub async fn run_if_due(db: &Db, schedule: &Schedule) -> Result<Option<PathBuf>, String> {
    let at = now();
    let next = at + chrono::Duration::from_std(schedule.every).map_err(|e| e.to_string())?;
    let claimed = db
        .claim_scheduled_run(JOB, at, next)
        .await
        .map_err(|e| format!("cannot claim the backup run: {e}"))?;
    if !claimed {
        return Ok(None);
    }
    let path = schedule
        .dir
        .join(format!("{PREFIX}{}{SUFFIX}", at.format("%Y%m%dT%H%M%SZ")));
    let summary = make(db, &path).await.inspect_err(|_| {
        metrics::counter!(BACKUPS_TOTAL, "outcome" => "failed").increment(1);
    })?;
    metrics::counter!(BACKUPS_TOTAL, "outcome" => "done").increment(1);
    metrics::gauge!(BACKUP_LAST_SUCCESS).set(at.timestamp() as f64);
    tracing::info!(path = %path.display(), "backup written: {summary}");
    for removed in prune(&schedule.dir, schedule.keep) {
        tracing::info!(path = %removed.display(), "old backup removed");
    }
    Ok(Some(path))
}

/// Removes the scheduled backups in `dir` beyond the newest `keep` (their names sort by
/// time); other files are left alone. Returns what it removed.
fn prune(dir: &Path, keep: usize) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return vec![];
    };
    let mut ours: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with(PREFIX) && name.ends_with(SUFFIX))
        })
        .collect();
    ours.sort();
    let excess = ours.len().saturating_sub(keep);
    ours.into_iter()
        .take(excess)
        .filter(|path| match std::fs::remove_file(path) {
            Ok(()) => true,
            Err(e) => {
                tracing::warn!(path = %path.display(), error = %e, "cannot remove an old backup");
                false
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pruning_keeps_the_newest_and_touches_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let names = [
            "v2mom-backup-20261201T000000Z.jsonl",
            "v2mom-backup-20261202T000000Z.jsonl",
            "v2mom-backup-20261203T000000Z.jsonl",
            "v2mom-backup-20261203T000000Z.jsonl.partial",
            "notes.txt",
        ];
        for name in names {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        let removed = prune(dir.path(), 2);
        assert_eq!(removed, vec![dir.path().join(names[0])]);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        let mut expected = names[1..].to_vec();
        expected.sort();
        assert_eq!(left, expected);
    }
}
