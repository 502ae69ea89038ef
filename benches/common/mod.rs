//! What the benches share: a fresh database per backend and size, and people in it.

use v2mom::{
    model::Role,
    server::{
        config::{Config, Settings},
        db::{Db, NewUser},
        keyring::Keyring,
    },
};

/// The backends to run on: SQLite always, PostgreSQL when `TEST_DATABASE_URL` is set.
pub fn backends() -> Vec<(&'static str, Option<String>)> {
    let mut backends = vec![("sqlite", None)];
    if let Ok(url) = std::env::var("TEST_DATABASE_URL") {
        backends.push(("postgres", Some(url)));
    }
    backends
}

/// A migrated database of its own for `backend` and `count` (PostgreSQL: made afresh), and
/// the configuration that reaches it.
pub async fn database(
    dir: &tempfile::TempDir,
    backend: &str,
    url: Option<&str>,
    count: usize,
) -> (Db, Config) {
    database_with(dir, backend, url, count, |_| ()).await
}

/// [`database`] with settings of its own (`tune` changes the defaults).
pub async fn database_with(
    dir: &tempfile::TempDir,
    backend: &str,
    url: Option<&str>,
    count: usize,
    tune: impl FnOnce(&mut Settings),
) -> (Db, Config) {
    let data_dir = dir.path().join(format!("{backend}-{count}"));
    std::fs::create_dir_all(&data_dir).unwrap();
    let database_url = match url {
        None => None,
        Some(url) => {
            // A database of its own per size, made afresh.
            let name = format!("v2mom_bench_{}_{count}", env!("CARGO_CRATE_NAME"));
            let admin = sqlx::PgPool::connect(url).await.expect("PostgreSQL");
            for sql in [
                format!("DROP DATABASE IF EXISTS {name}"),
                format!("CREATE DATABASE {name}"),
            ] {
                sqlx::raw_sql(&sql).execute(&admin).await.expect(&sql);
            }
            admin.close().await;
            Some(format!(
                "{}/{name}",
                url.rsplit_once('/').expect("URL with a database").0
            ))
        }
    };
    // On PostgreSQL every server is given its keys (none makes a key file of its own).
    let encryption_key = database_url.as_ref().map(|_| Keyring::new_dated_entry());
    let mut settings = Settings {
        data_dir,
        database_url,
        encryption_key,
        ..Settings::default()
    };
    tune(&mut settings);
    let config = settings.validate().expect("configuration");
    let db = Db::connect(&config).await.expect("database");
    db.migrate().await.expect("migrations");
    (db, config)
}

/// A person with no password (they never sign in here).
pub async fn create(
    tx: &mut v2mom::server::db::Tx,
    email: &str,
    name: &str,
    manager: Option<i64>,
    role: Role,
) -> i64 {
    tx.create_user(NewUser {
        email,
        display_name: name,
        job_title: "",
        function: "Engineering",
        role,
        manager_id: manager,
        password_hash: None,
    })
    .await
    .unwrap()
    .id
}
