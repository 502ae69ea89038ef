//! Backups across backends, and what of the schema they rely on: every table listed, the
//! same kind of every column on both backends, foreign keys in restore order.

use crate::{
    backup::{
        assert_forward_references, before_restore, busy, contents, keys_of, open, serve_and_sign_in,
    },
    helpers::{TestApp, TestDatabase, spawn_app, spawn_over},
    rest::api,
};
use reqwest::Method;
use serde_json::Value;
use std::collections::BTreeSet;
use v2mom::server::{
    audit::{ChainCheck, verify_chain},
    backup::{self, RestoreOptions},
    db::{BACKED_UP, LATE_COLUMNS, NOT_BACKED_UP},
};

#[tokio::test]
async fn every_table_is_backed_up_or_said_why_not() {
    let app = spawn_app().await;
    let tables: BTreeSet<String> = app.db.table_names().await.unwrap().into_iter().collect();
    let listed: BTreeSet<String> = BACKED_UP
        .iter()
        .copied()
        .chain(NOT_BACKED_UP.iter().map(|(table, _)| *table))
        .map(str::to_owned)
        .collect();
    // PostgreSQL keeps the session store in a schema of its own.
    let listed: BTreeSet<String> = match app.db.backend() {
        v2mom::model::Backend::Sqlite => listed,
        v2mom::model::Backend::Postgres => listed
            .into_iter()
            .filter(|t| t != "tower_sessions")
            .collect(),
    };
    assert_eq!(tables, listed);
    for table in BACKED_UP {
        let columns = app.db.column_kinds(table).await.unwrap();
        assert!(
            columns.iter().all(|c| c.kind.is_some()),
            "{table}: {columns:?}"
        );
    }
}

#[tokio::test]
async fn postgres_only_a_trial_on_sqlite_moves_to_postgresql_and_back() {
    crate::helpers::postgres_only();
    let trial = spawn_over(TestDatabase::Sqlite(tempfile::tempdir().unwrap()), |_| {}).await;
    let (v2mom, key) = busy(&trial).await;
    let keys = keys_of(&trial);
    let dir = tempfile::tempdir().unwrap();
    let from_sqlite = dir.path().join("from-sqlite.jsonl");
    backup::make(&trial.db, &from_sqlite).await.unwrap();

    let production = TestDatabase::create().await;
    let postgres = open(&production).await;
    assert_eq!(postgres.backend(), v2mom::model::Backend::Postgres);
    backup::restore(
        &postgres,
        Some(&keys),
        &from_sqlite,
        RestoreOptions::default(),
    )
    .await
    .unwrap();
    let on_postgres = contents(&postgres).await;
    assert_eq!(
        before_restore(on_postgres.clone()),
        contents(&trial.db).await
    );
    assert_forward_references(&postgres).await;

    let from_postgres = dir.path().join("from-postgres.jsonl");
    backup::make(&postgres, &from_postgres).await.unwrap();
    let back = TestDatabase::Sqlite(tempfile::tempdir().unwrap());
    let sqlite = open(&back).await;
    backup::restore(
        &sqlite,
        Some(&keys),
        &from_postgres,
        RestoreOptions::default(),
    )
    .await
    .unwrap();
    assert_eq!(before_restore(contents(&sqlite).await), on_postgres);
    assert!(matches!(
        verify_chain(&sqlite).await.unwrap(),
        ChainCheck::Intact { .. }
    ));
    postgres.close().await;
    sqlite.close().await;

    // The same questions get the same answers from the trial and from both restored copies.
    let expected = answers(&trial, &key, v2mom).await;
    let ok = expected
        .iter()
        .filter(|(_, status, _)| *status == 200)
        .count();
    assert_eq!(ok, expected.len(), "{expected:#?}");
    let on_postgres = serve_and_sign_in(production).await;
    assert_eq!(answers(&on_postgres, &key, v2mom).await, expected);
    let back_on_sqlite = spawn_over(back, |_| {}).await;
    assert_eq!(answers(&back_on_sqlite, &key, v2mom).await, expected);
}

/// What the REST API answers to a reader's questions: the path, status and body of each.
async fn answers(app: &TestApp, key: &str, v2mom: i64) -> Vec<(String, u16, Value)> {
    let mut all = vec![];
    let paths = [
        "/me".to_owned(),
        "/users".to_owned(),
        "/periods".to_owned(),
        "/v2moms".to_owned(),
        "/organisation".to_owned(),
        format!("/v2moms/{v2mom}"),
        format!("/v2moms/{v2mom}/revisions"),
        format!("/v2moms/{v2mom}/revisions/1"),
    ];
    for path in paths {
        let res = api(app, Method::GET, &path, key).send().await.unwrap();
        let status = res.status().as_u16();
        all.push((path, status, res.json().await.unwrap()));
    }
    all
}

#[tokio::test]
async fn postgres_only_both_backends_declare_every_column_alike() {
    crate::helpers::postgres_only();
    let trial = TestDatabase::Sqlite(tempfile::tempdir().unwrap());
    let sqlite = open(&trial).await;
    let production = TestDatabase::create().await;
    let postgres = open(&production).await;
    for table in BACKED_UP {
        let mut on_sqlite = sqlite.column_kinds(table).await.unwrap();
        let mut on_postgres = postgres.column_kinds(table).await.unwrap();
        on_sqlite.sort_by(|a, b| a.name.cmp(&b.name));
        on_postgres.sort_by(|a, b| a.name.cmp(&b.name));
        assert_eq!(on_sqlite, on_postgres, "{table}");
    }
    // A restore inserts tables in order: a reference to a later table, or within its own,
    // must be one it fills in afterwards.
    let references: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT c.conrelid::regclass::TEXT, a.attname::TEXT, c.confrelid::regclass::TEXT \
         FROM pg_constraint c JOIN pg_attribute a \
           ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) \
         WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace",
    )
    .fetch_all(
        &sqlx::PgPool::connect(&production.url().unwrap())
            .await
            .unwrap(),
    )
    .await
    .unwrap();
    assert!(references.len() > 10);
    let position = |table: &str| BACKED_UP.iter().position(|t| *t == table);
    for (table, column, referenced) in references {
        let (Some(from), Some(to)) = (position(&table), position(&referenced)) else {
            assert!(
                NOT_BACKED_UP.iter().any(|(t, _)| *t == table),
                "{table} refers to {referenced}, which is not backed up"
            );
            continue;
        };
        assert!(
            to < from || LATE_COLUMNS.contains(&(table.as_str(), column.as_str())),
            "{table}.{column} refers to {referenced}, which is restored after it"
        );
    }
}
