//! SQLite on a disk that fills up under a running server: what cannot be written is
//! answered 503 with a request id (never 500), what was answered as written is there, the
//! database stays whole, and the server writes again once there is room, without a restart.
//!
//! The disk is a small tmpfs mounted for the test (so the test runs as root, as CI does).

use crate::{
    check_ins::published,
    helpers::{header, spawn_app_with, sqlite_only},
    people::organisation,
    rest::{api, api_key, json_of},
    v2moms::current_period,
};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use std::{io::Write, path::Path, process::Command};
use tempfile::TempDir;

/// A tmpfs of its own, unmounted on drop.
struct SmallDisk {
    dir: TempDir,
}

impl SmallDisk {
    fn mount(size: &str) -> SmallDisk {
        let dir = tempfile::tempdir().unwrap();
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .status()
            .unwrap();
        assert!(
            status.success(),
            "mounting a tmpfs needs root (CI runs the tests as root)"
        );
        SmallDisk { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file until the disk has no room left.
    fn fill(&self) {
        let mut filler = std::fs::File::create(self.path().join("filler")).unwrap();
        let block = vec![0u8; 64 * 1024];
        while filler.write_all(&block).is_ok() {}
        let _ = filler.sync_all();
    }

    fn make_room(&self) {
        std::fs::remove_file(self.path().join("filler")).unwrap();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        // Lazily: the server's pool may still hold the database open.
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

#[tokio::test]
async fn sqlite_only_a_full_disk_is_answered_503_and_loses_nothing_answered() {
    sqlite_only();
    let disk = SmallDisk::mount("16m");
    let data_dir = disk.path().to_owned();
    let app = spawn_app_with(move |s| s.data_dir = data_dir).await;
    let (_, manager, eve_id, eve) = organisation(&app).await;
    let period = current_period(&app).await;
    let (id, measure) = published(&app, &manager, eve_id, period).await;
    let key = api_key(&app, &eve, "read,write").await;
    let path = format!("/v2moms/{id}/measures/{measure}/check-ins");
    let check_in = |n: usize| {
        api(&app, Method::POST, &path, &key)
            .json(&json!({ "value": n, "status": "on_track", "comment": "x".repeat(900) }))
            .send()
    };

    disk.fill();
    let (mut written, mut refused) = (Vec::new(), 0);
    // Pages SQLite already has (and a WAL it rewrites in place) may take a few more.
    for n in 0..200 {
        let res = check_in(n).await.unwrap();
        match res.status() {
            StatusCode::CREATED => written.push(res.json::<Value>().await.unwrap()["id"].clone()),
            StatusCode::SERVICE_UNAVAILABLE => {
                assert_eq!(header(res.headers(), "retry-after"), "5");
                let problem: Value = res.json().await.unwrap();
                assert_eq!(problem["type"], "/api/v1/docs#problem-unavailable");
                assert!(problem["request_id"].is_string(), "{problem}");
                refused += 1;
                if refused == 5 {
                    break;
                }
            }
            other => panic!("a check-in on a full disk was answered {other}"),
        }
    }
    assert_eq!(refused, 5, "a full disk refused no write");
    // Reading goes on, or is told to come back: never a 500.
    let page = eve
        .get(app.url(&format!("/v2moms/{id}")))
        .send()
        .await
        .unwrap();
    assert!(
        matches!(
            page.status(),
            StatusCode::OK | StatusCode::SERVICE_UNAVAILABLE
        ),
        "{}",
        page.status()
    );

    disk.make_room();
    let res = check_in(1000).await.unwrap();
    assert_eq!(
        res.status(),
        StatusCode::CREATED,
        "writes again without a restart"
    );
    let stored = json_of(api(&app, Method::GET, &path, &key)).await;
    let stored: Vec<&Value> = stored
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["id"])
        .collect();
    for id in &written {
        assert!(
            stored.contains(&id),
            "check-in {id} was answered 201 but is not stored"
        );
    }
    let file = disk.path().join("v2mom.db");
    let check = sqlx::SqlitePool::connect(&format!("sqlite://{}?mode=ro", file.display()))
        .await
        .unwrap();
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&check)
        .await
        .unwrap();
    assert_eq!(integrity, "ok");
}
