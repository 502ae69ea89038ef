//! The repository story: one script, run on whichever backend the test database is.

use crate::helpers::{TestDatabase, postgres_only, spawn_app, sqlite_only};
use sqlx::{Connection, PgConnection, SqliteConnection};
use v2mom::{
    model::{Backend, Role},
    server::{
        config::{Database, Settings},
        db::{NewUser, is_unique_violation, sqlite_options},
        password::PasswordHash,
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

    let mut tx = db.begin().await.unwrap();
    let created = tx.create_instance("Acme Corp").await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(created.organisation_name, "Acme Corp");
    assert_eq!(created.created_at, created.updated_at);
    assert_eq!(db.instance().await.unwrap(), Some(created.clone()));

    let mut tx = db.begin().await.unwrap();
    let err = tx.create_instance("Second").await.unwrap_err();
    assert!(is_unique_violation(&err), "{err}");
    drop(tx);

    let mut tx = db.begin().await.unwrap();
    let renamed = tx.rename_instance("Acme Ltd ✓").await.unwrap();
    tx.commit().await.unwrap();
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
async fn a_rolled_back_transaction_leaves_nothing() {
    let app = spawn_app().await;
    let mut tx = app.db.begin().await.unwrap();
    tx.create_instance("Never").await.unwrap();
    drop(tx);
    assert_eq!(app.db.instance().await.unwrap(), None);
}

fn person<'a>(email: &'a str, role: Role, manager_id: Option<i64>) -> NewUser<'a> {
    NewUser {
        email,
        display_name: "Someone",
        job_title: "",
        function: "",
        role,
        manager_id,
        password_hash: None,
    }
}

#[tokio::test]
async fn users_story() {
    let app = spawn_app().await;
    let db = &app.db;
    assert!(!db.any_user_exists().await.unwrap());

    let hash =
        PasswordHash::from_stored("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA".into());
    let mut tx = db.begin().await.unwrap();
    let boss = tx
        .create_user(NewUser {
            email: " Boss@Acme.example ",
            display_name: "The Boss",
            job_title: "Chief",
            function: "Leadership",
            role: Role::Manager,
            manager_id: None,
            password_hash: Some(&hash),
        })
        .await
        .unwrap();
    let report = tx
        .create_user(person("report@acme.example", Role::Employee, Some(boss.id)))
        .await
        .unwrap();
    tx.commit().await.unwrap();

    assert!(db.any_user_exists().await.unwrap());
    assert_eq!(boss.email, "Boss@Acme.example", "stored as typed, trimmed");
    assert_eq!(boss.role(), Role::Manager);
    assert!(boss.is_active());
    assert_eq!(boss.password_hash(), Some(hash));
    assert_eq!(report.manager_id, Some(boss.id));
    assert_eq!(report.password_hash(), None);
    let found = db
        .user_by_email("BOSS@acme.EXAMPLE")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.id, boss.id, "emails match whatever their case");
    assert_eq!(
        db.user_by_id(report.id).await.unwrap().unwrap().email,
        "report@acme.example"
    );

    let mut tx = db.begin().await.unwrap();
    let duplicate = tx
        .create_user(person("boss@acme.example", Role::Admin, None))
        .await
        .unwrap_err();
    assert!(is_unique_violation(&duplicate), "{duplicate}");
}

#[tokio::test]
async fn sessions_story() {
    let app = spawn_app().await;
    let db = &app.db;
    let mut tx = db.begin().await.unwrap();
    let user = tx
        .create_user(person("s@acme.example", Role::Employee, None))
        .await
        .unwrap();
    tx.record_session("one", user.id, Some("10.0.0.1"), "Firefox")
        .await
        .unwrap();
    tx.record_session("two", user.id, None, "").await.unwrap();
    tx.commit().await.unwrap();

    let of_one = |user_id| db.user_of_session("one", user_id);
    assert_eq!(of_one(user.id).await.unwrap().map(|u| u.id), Some(user.id));
    assert!(
        of_one(user.id + 1).await.unwrap().is_none(),
        "not another's"
    );
    assert_eq!(db.sessions_of(user.id).await.unwrap().len(), 2);

    let mut tx = db.begin().await.unwrap();
    assert!(tx.end_session("one").await.unwrap());
    assert!(!tx.end_session("one").await.unwrap(), "already ended");
    tx.commit().await.unwrap();
    assert!(of_one(user.id).await.unwrap().is_none(), "ended");

    let mut tx = db.begin().await.unwrap();
    assert_eq!(tx.end_sessions_of(user.id).await.unwrap(), ["two"]);
    tx.commit().await.unwrap();
    assert!(db.sessions_of(user.id).await.unwrap().is_empty());
}

#[tokio::test]
async fn migrating_twice_changes_nothing() {
    let app = spawn_app().await;
    app.set_up().await;
    app.db.migrate().await.unwrap();
    assert_eq!(
        app.db.instance().await.unwrap().unwrap().organisation_name,
        "Acme Corp"
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

#[tokio::test]
async fn housekeeping_forgets_sessions_past_the_absolute_timeout() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let fresh = crate::helpers::client();
    app.login_with(&fresh, &admin.email, &admin.password, "/")
        .await;
    // Make one of the two sessions look 13 hours old: past the 12-hour absolute timeout.
    let old = match app.db.backend() {
        Backend::Sqlite => {
            "UPDATE user_sessions SET created_at = '2000-01-01T00:00:00+00:00' \
                            WHERE session_id = (SELECT MIN(session_id) FROM user_sessions)"
        }
        Backend::Postgres => {
            "UPDATE user_sessions SET created_at = now() - interval '13 hours' \
                              WHERE session_id = (SELECT MIN(session_id) FROM user_sessions)"
        }
    };
    app.execute(old).await;
    let ended =
        v2mom::server::startup::sweep_sessions(&app.db, app.config.session_absolute_timeout())
            .await
            .unwrap();
    assert_eq!(ended, 1);
    let me = app.db.user_by_email(&admin.email).await.unwrap().unwrap();
    assert_eq!(
        app.db.sessions_of(me.id).await.unwrap().len(),
        1,
        "the fresh session stays"
    );
}

#[tokio::test]
async fn v2mom_story() {
    use v2mom::model::{Measure, MeasureKind, Method, V2momContent, V2momStatus, ValueItem};
    use v2mom::server::db::NewV2mom;
    let app = spawn_app().await;
    let db = &app.db;
    let mut tx = db.begin().await.unwrap();
    let boss = tx
        .create_user(NewUser {
            email: "boss@acme.example",
            display_name: "Boss",
            job_title: "",
            function: "Sales",
            role: Role::Manager,
            manager_id: None,
            password_hash: None,
        })
        .await
        .unwrap();
    let fy = tx
        .create_period(
            "FY2027",
            "2027-02-01".parse().unwrap(),
            "2028-01-31".parse().unwrap(),
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        tx.create_period(
            "fy2027",
            "2027-02-01".parse().unwrap(),
            "2028-01-31".parse().unwrap()
        )
        .await
        .unwrap(),
        None,
        "period names are unique whatever their case"
    );
    assert!(tx.set_current_period(fy).await.unwrap());
    let content = V2momContent {
        title: "Sell more".into(),
        vision: "Double the pipeline".into(),
        values: vec![ValueItem {
            name: "Trust".into(),
            description: String::new(),
        }],
        methods: vec![Method {
            title: "Call customers".into(),
            obstacles: vec!["Time".into()],
            measures: vec![Measure {
                description: "Calls".into(),
                kind: MeasureKind::Number,
                start: Some(0.0),
                target: Some(100.0),
                unit: "calls".into(),
                due_on: "2027-06-30".into(),
                ..Default::default()
            }],
            ..Default::default()
        }],
    };
    let new = NewV2mom {
        owner_id: boss.id,
        period_id: fy,
        by: boss.id,
        content: &content,
    };
    let id = tx.create_v2mom(new).await.unwrap().unwrap();
    let again = NewV2mom {
        owner_id: boss.id,
        period_id: fy,
        by: boss.id,
        content: &content,
    };
    assert_eq!(
        tx.create_v2mom(again).await.unwrap(),
        None,
        "one per owner and period"
    );
    tx.commit().await.unwrap();

    let stored = db.v2mom(id).await.unwrap().unwrap();
    assert_eq!(stored.version, 1);
    assert_eq!(stored.status, V2momStatus::Draft);
    assert_eq!(stored.period.name, "FY2027");
    assert!(stored.period.is_current);
    let method_id = stored.content.methods[0].id.expect("methods get ids");
    let measure_id = stored.content.methods[0].measures[0]
        .id
        .expect("measures get ids");
    let mut expected = content.clone();
    expected.methods[0].id = Some(method_id);
    expected.methods[0].measures[0].id = Some(measure_id);
    assert_eq!(stored.content, expected, "everything reads back as written");

    // A save keeps the method's id, replaces the rest, and needs the current version.
    let mut changed = stored.content.clone();
    changed.methods[0].title = "Call every customer".into();
    changed.methods.push(Method {
        title: "Hire".into(),
        ..Default::default()
    });
    let mut tx = db.begin().await.unwrap();
    assert_eq!(
        tx.save_v2mom(id, 1, boss.id, &changed).await.unwrap(),
        Some(2)
    );
    assert_eq!(
        tx.save_v2mom(id, 1, boss.id, &changed).await.unwrap(),
        None,
        "stale version"
    );
    assert_eq!(
        tx.set_v2mom_status(id, 2, boss.id, V2momStatus::Published, "")
            .await
            .unwrap(),
        Some(3)
    );
    tx.commit().await.unwrap();
    let published = db.v2mom(id).await.unwrap().unwrap();
    assert_eq!(published.content.methods[0].id, Some(method_id));
    assert_eq!(
        published.content.methods[0].measures[0].id,
        Some(measure_id),
        "measures keep their id too"
    );
    assert_eq!(published.content.methods.len(), 2);
    assert_eq!(published.published_revision, Some(3));
    let revisions = db.revisions(id).await.unwrap();
    assert_eq!(
        revisions.iter().map(|r| r.number).collect::<Vec<_>>(),
        vec![3, 2, 1]
    );
    assert_eq!(revisions[0].status, V2momStatus::Published);
    let first = db.revision(id, 1).await.unwrap().unwrap();
    assert_eq!(first.content.methods[0].title, "Call customers");
    assert_eq!(
        db.v2moms_in_period(fy).await.unwrap(),
        vec![(boss.id, id, V2momStatus::Published)]
    );
    assert_eq!(db.current_period().await.unwrap().map(|p| p.id), Some(fy));
}
