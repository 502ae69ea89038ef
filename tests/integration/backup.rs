//! Backup and restore: an archive made from a running server loads whole into an empty
//! database of either backend, and nothing else gets in.

use crate::{
    helpers::{Credentials, TestApp, TestDatabase, client, session_cookie, spawn_app, spawn_over},
    people::{PASSWORD, invite},
    personal_data::{EVE, eve_with_history},
    rest::api_key,
};
use futures_util::TryStreamExt;
use reqwest::StatusCode;
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};
use tempfile::TempDir;
use v2mom::server::{
    audit::{ChainCheck, verify_chain},
    backup::{self, RestoreOptions},
    db::{BACKED_UP, Db, LATE_COLUMNS, select_all},
    keyring::Keyring,
    startup,
};

pub(crate) type Contents = Vec<(&'static str, Vec<Map<String, Value>>)>;

/// Every backed-up table's rows, read the way a backup reads them.
pub(crate) async fn contents(db: &Db) -> Contents {
    let mut all = vec![];
    for table in BACKED_UP {
        let columns = db.column_kinds(table).await.unwrap();
        let kinds: Vec<_> = columns.iter().map(|c| c.kind).collect();
        let sql = select_all(table, &columns);
        let mut tx = db.begin_snapshot().await.unwrap();
        let rows: Vec<Vec<Value>> = tx.rows(&sql, &kinds).try_collect().await.unwrap();
        let rows = rows
            .into_iter()
            .map(|row| columns.iter().map(|c| c.name.clone()).zip(row).collect())
            .collect();
        all.push((*table, rows));
    }
    all
}

/// `contents` less the audit row the restore itself appended, which it checks.
pub(crate) fn before_restore(mut contents: Contents) -> Contents {
    let (_, audit) = contents
        .iter_mut()
        .find(|(table, _)| *table == "audit_log")
        .unwrap();
    let last = audit.pop().expect("the restore is audited");
    assert_eq!(last["action"], "backup.restored");
    contents
}

/// The database `database` will hold, migrated, as `v2mom restore` opens it.
pub(crate) async fn open(database: &TestDatabase) -> Db {
    let config = database.settings().validate().unwrap();
    startup::open_database(&config).await.unwrap()
}

pub(crate) fn keys_of(app: &TestApp) -> Keyring {
    startup::existing_keyring(&app.config)
        .unwrap()
        .expect("the server made its key file")
}

/// An organisation with history (see `eve_with_history`), a sign-in provider whose secret
/// is sealed, and rows that refer forward within their table: the administrator reports
/// to Eve, who joined after them, and a method is aligned to a later one.
/// Returns Eve's V2MOM and an administrator's API key (read, admin).
pub(crate) async fn busy(app: &TestApp) -> (i64, String) {
    let history = eve_with_history(app, "read").await;
    let key = api_key(app, &app.client, "read,admin").await;
    let res = app
        .call(
            "admin/sso/add",
            &[
                ("kind", "github"),
                ("name", "GitHub"),
                ("slug", "github"),
                ("issuer_url", ""),
                ("client_id", "client-id"),
                ("client_secret", "client-secret-1"),
                ("allowed_domains", ""),
            ],
        )
        .await;
    assert!(res.status().is_success(), "add provider: {}", res.status());
    app.execute(&format!(
        "UPDATE users SET manager_id = (SELECT id FROM users WHERE email = '{EVE}') WHERE id = 1"
    ))
    .await;
    app.execute(
        "INSERT INTO v2mom_methods (v2mom_id, position, title) \
         SELECT v2mom_id, 99, 'Added later' FROM v2mom_methods ORDER BY id LIMIT 1",
    )
    .await;
    app.execute(
        "UPDATE v2mom_methods SET aligned_to = (SELECT MAX(id) FROM v2mom_methods) \
         WHERE id = (SELECT MIN(id) FROM v2mom_methods)",
    )
    .await;
    // Written behind the server's back: the V2MOM's version moves on, as with every change
    // the server makes (servers keep a V2MOM's parts by version).
    app.execute(
        "UPDATE v2moms SET version = version + 1 \
         WHERE id = (SELECT v2mom_id FROM v2mom_methods ORDER BY id LIMIT 1)",
    )
    .await;
    (history.v2mom, key)
}

/// A [`busy`] server and its backup, `backup.jsonl` in the directory given.
async fn busy_and_backed_up() -> (TestApp, TempDir, PathBuf) {
    let source = spawn_app().await;
    busy(&source).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.jsonl");
    backup::make(&source.db, &file).await.unwrap();
    (source, dir, file)
}

pub(crate) async fn assert_forward_references(db: &Db) {
    let all = contents(db).await;
    let rows = |table: &str| all.iter().find(|(t, _)| *t == table).unwrap().1.clone();
    let users = rows("users");
    let eve = users.iter().find(|u| u["email"] == EVE).unwrap()["id"].clone();
    assert_eq!(users[0]["manager_id"], eve);
    let methods = rows("v2mom_methods");
    assert!(methods.len() >= 2);
    assert_eq!(methods[0]["aligned_to"], methods.last().unwrap()["id"]);
    for (table, column) in LATE_COLUMNS {
        assert!(
            rows(table).iter().any(|row| !row[*column].is_null()),
            "{table}.{column}"
        );
    }
}

/// Serves the restored `database`; Eve and the administrator sign in with their passwords
/// (the administrator on the app's own client).
pub(crate) async fn serve_and_sign_in(database: TestDatabase) -> TestApp {
    let app = spawn_over(database, |_| {}).await;
    let eve = client();
    let res = app.login_with(&eve, EVE, PASSWORD, "/").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(app.who_is(&eve).await.as_deref(), Some(EVE));
    let admin = Credentials::admin();
    let res = app
        .login_with(&app.client, &admin.email, &admin.password, "/")
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    app
}

#[tokio::test]
async fn a_backup_of_a_running_server_restores_whole_and_signs_everyone_out() {
    let app = spawn_app().await;
    busy(&app).await;
    let signed_in = app.login_with(&client(), EVE, PASSWORD, "/").await;
    let cookie = session_cookie(&signed_in).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.jsonl");
    let made = backup::make(&app.db, &file).await.unwrap();
    assert_eq!(made.rows_of("users"), 3);
    assert!(made.rows_of("audit_log") > 5, "{made}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "only its owner reads a backup: {mode:o}");
    }
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        !text.contains("client-secret-1"),
        "sealed secrets stay sealed"
    );

    let target = TestDatabase::create().await;
    let db = open(&target).await;
    let restored = backup::restore(&db, Some(&keys_of(&app)), &file, RestoreOptions::default())
        .await
        .unwrap();
    assert_eq!(restored.summary, made);
    assert!(
        matches!(restored.chain, ChainCheck::Intact { rows } if rows as u64 == made.rows_of("audit_log"))
    );
    assert_eq!(before_restore(contents(&db).await), contents(&app.db).await);
    assert_forward_references(&db).await;
    assert!(matches!(
        verify_chain(&db).await.unwrap(),
        ChainCheck::Intact { .. }
    ));
    db.close().await;

    // The restored server needs the old one's keys: on SQLite its key file (on PostgreSQL
    // both are given the same key).
    let key_file = app.config.settings.data_dir.join("encryption.key");
    if key_file.exists() {
        std::fs::copy(key_file, target.data_dir().join("encryption.key")).unwrap();
    }
    let restored = serve_and_sign_in(target).await;
    assert_eq!(restored.who_is_cookie(&cookie).await, None);
    // New rows take ids after the restored ones.
    let (id, _) = invite(&restored, "new@acme.example", "New", "employee", None).await;
    let before: i64 = made.rows_of("users").try_into().unwrap();
    assert!(id > before, "{id}");
    let provider = restored
        .db
        .sso_provider_by_slug("github")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        keys_of(&restored)
            .open(v2mom::server::db::CLIENT_SECRET, &provider.client_secret())
            .unwrap(),
        "client-secret-1"
    );
}

#[tokio::test]
async fn a_database_with_data_is_replaced_only_when_forced_and_then_whole() {
    let (source, _dir, file) = busy_and_backed_up().await;

    let other = spawn_app().await;
    let admin = other.set_up().await;
    let keys = keys_of(&source);
    let refused = backup::restore(&other.db, Some(&keys), &file, RestoreOptions::default())
        .await
        .unwrap_err();
    assert!(
        refused.contains("not empty") && refused.contains("--force"),
        "{refused}"
    );
    assert_eq!(other.who_is(&other.client).await, Some(admin.email.clone()));

    let forced = RestoreOptions {
        replace: true,
        ..RestoreOptions::default()
    };
    backup::restore(&other.db, Some(&keys), &file, forced)
        .await
        .unwrap();
    assert_eq!(
        before_restore(contents(&other.db).await),
        contents(&source.db).await
    );
    assert_eq!(other.who_is(&other.client).await, None);
    // The audit log is append-only again once the restore is done.
    assert!(other.try_execute("DELETE FROM audit_log").await.is_err());
}

#[tokio::test]
async fn a_damaged_or_unopenable_backup_changes_nothing() {
    let (source, dir, file) = busy_and_backed_up().await;
    let keys = keys_of(&source);
    let target = TestDatabase::create().await;
    let db = open(&target).await;
    let empty = contents(&db).await;
    let restore = |path: &Path, keys: Option<&Keyring>| {
        let (db, path, keys) = (db.clone(), path.to_owned(), keys.cloned());
        async move {
            backup::restore(&db, keys.as_ref(), &path, RestoreOptions::default())
                .await
                .unwrap_err()
        }
    };

    let text = std::fs::read_to_string(&file).unwrap();
    let damaged = dir.path().join("damaged.jsonl");
    std::fs::write(&damaged, text.replace(EVE, "mallory@evil.example")).unwrap();
    let err = restore(&damaged, Some(&keys)).await;
    assert!(err.contains("damaged"), "{err}");
    let cut = dir.path().join("cut.jsonl");
    let lines: Vec<&str> = text.lines().collect();
    std::fs::write(&cut, lines[..lines.len() / 2].join("\n")).unwrap();
    let err = restore(&cut, Some(&keys)).await;
    assert!(err.contains("damaged"), "{err}");

    let key_id = keys.current_id().to_owned();
    let err = restore(&file, None).await;
    assert!(
        err.contains(&format!("{key_id:?}")) && err.contains("V2MOM_ENCRYPTION_KEY"),
        "{err}"
    );
    assert_eq!(contents(&db).await, empty);
}

#[tokio::test]
async fn an_audit_log_whose_history_was_changed_is_restored_only_when_accepted() {
    let source = spawn_app().await;
    busy(&source).await;
    let unguard = match source.db.backend() {
        v2mom::model::Backend::Sqlite => "DROP TRIGGER audit_log_no_update;",
        v2mom::model::Backend::Postgres => "ALTER TABLE audit_log DISABLE TRIGGER USER;",
    };
    source
        .execute(&format!(
            "{unguard} UPDATE audit_log SET action = 'nothing.happened' WHERE id = 3"
        ))
        .await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.jsonl");
    backup::make(&source.db, &file).await.unwrap();
    let keys = keys_of(&source);
    let target = TestDatabase::create().await;
    let db = open(&target).await;

    let err = backup::restore(&db, Some(&keys), &file, RestoreOptions::default())
        .await
        .unwrap_err();
    assert!(
        err.contains("breaks at row 3") && err.contains("--accept-broken-audit-chain"),
        "{err}"
    );
    let accepting = RestoreOptions {
        accept_broken_chain: true,
        ..RestoreOptions::default()
    };
    let restored = backup::restore(&db, Some(&keys), &file, accepting)
        .await
        .unwrap();
    assert_eq!(restored.chain, ChainCheck::BrokenAt { id: 3 });
    let rows = db.audit_rows().await.unwrap();
    let last = rows.last().unwrap();
    assert_eq!(last.action, "backup.restored");
    let details: Value = serde_json::from_str(&last.details).unwrap();
    assert_eq!(details["audit_chain"], "broken at row 3");
}

#[tokio::test]
async fn a_backup_taken_while_people_are_added_is_one_consistent_moment() {
    let app = spawn_app().await;
    app.set_up().await;
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (browser, done) = (app.client.clone(), done.clone());
        let base = app.url("/api/users/invite");
        tokio::spawn(async move {
            let mut added = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) || added < 5 {
                let email = format!("person{added}@acme.example");
                let res = browser
                    .post(&base)
                    .header("sec-fetch-site", "same-origin")
                    .form(&[
                        ("email", email.as_str()),
                        ("name", "Someone"),
                        ("role", "employee"),
                        ("manager", ""),
                        ("function", ""),
                        ("job_title", ""),
                    ])
                    .send()
                    .await
                    .unwrap();
                assert_eq!(res.status(), StatusCode::OK);
                added += 1;
            }
            added
        })
    };
    let dir = tempfile::tempdir().unwrap();
    let mut made = vec![];
    // Several backups while the invitations (a user, an invitation and an audit row each)
    // go on: each must restore, which it could not if a table were read later than the
    // tables it refers to.
    for n in 0..5 {
        let file = dir.path().join(format!("during-{n}.jsonl"));
        backup::make(&app.db, &file).await.unwrap();
        made.push(file);
    }
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let added = writer.await.unwrap();
    assert!(added >= 5);
    for file in made {
        let target = TestDatabase::create().await;
        let db = open(&target).await;
        let restored = backup::restore(&db, None, &file, RestoreOptions::default())
            .await
            .unwrap();
        assert_eq!(
            restored.summary.rows_of("users") - 1,
            restored.summary.rows_of("invitations"),
            "{}",
            restored.summary
        );
        db.close().await;
    }
}
