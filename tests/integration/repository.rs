//! The repository story: one script, run on whichever backend the test database is.

use crate::helpers::{TestDatabase, postgres_only, spawn_app, sqlite_only};
use sqlx::{Connection, PgConnection, SqliteConnection};
use v2mom::{
    model::Backend,
    server::{
        config::{Database, Settings},
        db::sqlite_options,
    },
};

#[tokio::test]
async fn instance_story() {
    let app = spawn_app().await;
    let db = &app.db;

    assert_eq!(
        db.instance().await.unwrap(),
        None,
        "a new database has no instance yet"
    );

    let created = db.save_instance("Acme Corp").await.unwrap();
    assert_eq!(created.organisation_name, "Acme Corp");
    assert_eq!(created.created_at, created.updated_at);
    assert_eq!(db.instance().await.unwrap(), Some(created.clone()));

    let renamed = db.save_instance("Acme Ltd ✓").await.unwrap();
    assert_eq!(renamed.organisation_name, "Acme Ltd ✓");
    assert_eq!(
        renamed.created_at, created.created_at,
        "renaming keeps the creation time"
    );
    assert!(renamed.updated_at >= created.updated_at);
    assert_eq!(db.instance().await.unwrap(), Some(renamed));

    assert!(db.readiness().await.is_ready());
}

#[tokio::test]
async fn at_most_one_instance_row_can_exist() {
    let app = spawn_app().await;
    app.db.save_instance("First").await.unwrap();
    let second = app
        .try_execute(
            "INSERT INTO instance (id, organisation_name, created_at, updated_at) \
             VALUES (2, 'Second', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
        )
        .await;
    assert!(
        second.is_err(),
        "the schema must refuse a second instance row"
    );
}

#[tokio::test]
async fn migrating_twice_changes_nothing() {
    let app = spawn_app().await;
    app.db.save_instance("Kept").await.unwrap();
    app.db.migrate().await.unwrap();
    assert_eq!(
        app.db.instance().await.unwrap().unwrap().organisation_name,
        "Kept"
    );
}

#[tokio::test]
async fn sqlite_only_connections_use_wal_busy_timeout_and_foreign_keys() {
    sqlite_only();
    let app = spawn_app().await;
    assert_eq!(app.db.backend(), Backend::Sqlite);
    let Database::Sqlite { options, .. } = &app.config.database else {
        unreachable!("SQLite run")
    };
    // Connect exactly as the app's pool does: these settings are per connection.
    let mut conn = SqliteConnection::connect_with(&sqlite_options(options))
        .await
        .unwrap();
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(mode, "wal");
    let foreign_keys: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(foreign_keys, 1);
    let busy_timeout: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert!(busy_timeout >= 1000, "{busy_timeout}");
}

/// TLS to PostgreSQL: `require` encrypts, `verify-full` with a CA that did not sign the
/// server's certificate refuses to connect.
#[tokio::test]
async fn postgres_only_tls_modes_are_applied() {
    let admin_url = postgres_only();
    let database = TestDatabase::create().await;
    let url = database.url().unwrap();
    let admin = sqlx::PgPool::connect(&admin_url).await.unwrap();
    let ssl_on: String = sqlx::query_scalar("SHOW ssl")
        .fetch_one(&admin)
        .await
        .unwrap();
    admin.close().await;

    // Connect with exactly the options the configuration produces for the app's pool.
    let connect = |mode: &str, ca: Option<&str>| {
        let settings = Settings {
            data_dir: database.data_dir(),
            database_url: Some(url.clone()),
            db_tls_mode: Some(mode.into()),
            db_ca_file: ca.map(Into::into),
            ..Settings::default()
        };
        let Database::Postgres { options, .. } = settings.validate().unwrap().database else {
            unreachable!("PostgreSQL URL")
        };
        async move { PgConnection::connect_with(&options).await }
    };

    let required = connect("require", None).await;
    if ssl_on == "on" {
        let mut conn = required.expect("TLS connection");
        let encrypted: bool =
            sqlx::query_scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                .fetch_one(&mut conn)
                .await
                .unwrap();
        assert!(encrypted);
    } else {
        assert!(
            required.is_err(),
            "require must fail against a server without TLS"
        );
    }

    let unrelated_ca = write_unrelated_ca(&database.data_dir());
    assert!(
        connect("verify-full", Some(&unrelated_ca)).await.is_err(),
        "verify-full must refuse a certificate the CA did not sign"
    );
}

/// A self-signed CA certificate that has signed nothing: verification against it must fail.
fn write_unrelated_ca(dir: &std::path::Path) -> String {
    const CA: &str = include_str!("fixtures/unrelated-ca.pem");
    let path = dir.join("unrelated-ca.pem");
    std::fs::write(&path, CA).unwrap();
    path.display().to_string()
}
