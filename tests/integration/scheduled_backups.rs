//! Backups as an operator meets them: the server's scheduled ones (one per deployment, the
//! oldest removed) and the `backup` and `restore` commands of the binary.

use crate::{binary::Running, cli::entries as names, helpers::spawn_app};
use std::{
    path::{Path, PathBuf},
    process::{Command, Output},
    time::{Duration, Instant},
};
use v2mom::server::backup::{
    self,
    schedule::{Schedule, run_if_due},
};

#[tokio::test]
async fn a_due_backup_is_made_by_one_process_and_the_oldest_are_removed() {
    let app = spawn_app().await;
    app.set_up().await;
    let other = app.another_server().await;
    let dir = tempfile::tempdir().unwrap();
    for day in 1..=3 {
        std::fs::write(
            dir.path()
                .join(format!("v2mom-backup-2026110{day}T000000Z.jsonl")),
            "",
        )
        .unwrap();
    }
    let schedule = Schedule {
        dir: dir.path().to_owned(),
        every: Duration::from_secs(3600),
        keep: 2,
    };

    let (first, second) = tokio::join!(
        run_if_due(&app.db, &schedule),
        run_if_due(&other.db, &schedule)
    );
    let made: Vec<PathBuf> = [first.unwrap(), second.unwrap()]
        .into_iter()
        .flatten()
        .collect();
    assert_eq!(made.len(), 1, "one backup per deployment: {made:?}");
    let verified = backup::verify(&made[0]).unwrap();
    assert_eq!(verified.summary.rows_of("users"), 1);
    let made_name = made[0].file_name().unwrap().to_string_lossy().into_owned();
    assert_eq!(
        names(dir.path()),
        vec!["v2mom-backup-20261103T000000Z.jsonl".to_owned(), made_name]
    );

    // Not due again within the interval, on either process.
    assert_eq!(run_if_due(&app.db, &schedule).await.unwrap(), None);
    assert_eq!(run_if_due(&other.db, &schedule).await.unwrap(), None);
    assert_eq!(names(dir.path()).len(), 2);
}

/// The names in `dir` once a whole backup is there (the server makes it as it starts).
fn first_backup(dir: &Path) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let files: Vec<String> = match dir.exists() {
            true => names(dir),
            false => vec![],
        };
        if files.iter().any(|name| name.ends_with(".jsonl")) || Instant::now() > deadline {
            return files;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `v2mom ARGS` in `dir`, with a clean environment.
fn v2mom(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_v2mom"))
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("V2MOM_LOG_LEVEL", "warn")
        .current_dir(dir)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_server_backs_up_on_schedule_and_the_commands_back_up_and_restore() {
    let dir = tempfile::tempdir().unwrap();
    let scheduled = dir.path().join("backups");
    let server = Running::start(
        dir.path(),
        &[("V2MOM_BACKUP_DIR", scheduled.to_str().unwrap())],
    );
    let files = first_backup(&scheduled);
    assert_eq!(files.len(), 1, "{files:?}");
    backup::verify(&scheduled.join(&files[0])).unwrap();

    // While the server runs.
    let made = v2mom(dir.path(), &["backup", "--out", "now.jsonl"]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    assert!(
        text(&made.stdout).contains(&format!(
            "rows in {} tables",
            v2mom::server::db::BACKED_UP.len()
        )),
        "{}",
        text(&made.stdout)
    );
    let archive = dir.path().join("now.jsonl");
    let archive = archive.to_str().unwrap();

    let elsewhere = tempfile::tempdir().unwrap();
    let restored = v2mom(elsewhere.path(), &["restore", archive]);
    assert!(restored.status.success(), "{}", text(&restored.stderr));
    assert!(
        text(&restored.stdout).contains("hash chain intact"),
        "{}",
        text(&restored.stdout)
    );
    let again = v2mom(elsewhere.path(), &["restore", archive]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        text(&again.stderr).contains("--force"),
        "{}",
        text(&again.stderr)
    );
    let forced = v2mom(elsewhere.path(), &["restore", "--force", archive]);
    assert!(forced.status.success(), "{}", text(&forced.stderr));

    let nowhere = tempfile::tempdir().unwrap();
    let nothing = v2mom(nowhere.path(), &["backup", "--out", "none.jsonl"]);
    assert_eq!(nothing.status.code(), Some(1));
    assert!(
        text(&nothing.stderr).contains("there is no database at"),
        "{}",
        text(&nothing.stderr)
    );
    assert!(!nowhere.path().join("data/v2mom.db").exists());
    assert!(!nowhere.path().join("none.jsonl").exists());

    std::fs::write(elsewhere.path().join("notes.txt"), "hello\n").unwrap();
    let foreign = v2mom(elsewhere.path(), &["restore", "notes.txt"]);
    assert_eq!(foreign.status.code(), Some(1));
    assert!(
        text(&foreign.stderr).contains("not a v2mom backup"),
        "{}",
        text(&foreign.stderr)
    );
    server.stop();
}
