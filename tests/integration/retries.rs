//! Transactions that collide are run again (`transaction::run`): a deadlock on PostgreSQL,
//! SQLite's write lock held past its busy timeout. What still fails after the last attempt
//! is a 503, not a 500.

use crate::helpers::{postgres_only, spawn_app, sqlite_only};
use sqlx::{Connection, SqliteConnection};
use std::{
    sync::atomic::{AtomicU32, Ordering},
    time::Duration,
};
use tokio::sync::Barrier;
use v2mom::{
    error::AppError,
    server::{
        db::{Db, Tx},
        transaction::{self, ATTEMPTS},
    },
};

/// Runs `sql` (with `$1` = `id`) in the transaction, whichever backend it is on.
async fn execute(tx: &mut Tx, sql: &str, id: i64) -> Result<(), sqlx::Error> {
    match tx {
        Tx::Sqlite(t) => sqlx::query(sql).bind(id).execute(&mut **t).await.map(drop),
        Tx::Postgres(t) => sqlx::query(sql).bind(id).execute(&mut **t).await.map(drop),
    }
}

const BUMP: &str = "UPDATE counters SET n = n + 1 WHERE id = $1";

/// Bumps counter `first`, then — once the other transaction holds its first row too, on
/// the first attempt — counter `second`.
async fn bump_both(
    db: &Db,
    (first, second): (i64, i64),
    both_started: &Barrier,
    attempts: &AtomicU32,
) -> Result<(), AppError> {
    transaction::run(db, async |tx| {
        let attempt = attempts.fetch_add(1, Ordering::SeqCst) + 1;
        execute(tx, BUMP, first).await?;
        if attempt == 1 {
            both_started.wait().await;
        }
        execute(tx, BUMP, second).await?;
        Ok(())
    })
    .await
}

const COUNTERS: &str = "CREATE TABLE counters (id BIGINT PRIMARY KEY, n BIGINT NOT NULL); \
                        INSERT INTO counters VALUES (1, 0), (2, 0)";

#[tokio::test]
async fn postgres_only_a_deadlock_is_run_again_and_both_changes_land() {
    postgres_only();
    let app = spawn_app().await;
    app.execute(COUNTERS).await;
    let both_started = Barrier::new(2);
    let attempts = [AtomicU32::new(0), AtomicU32::new(0)];
    // Each holds the row the other wants next: PostgreSQL aborts one of them (40P01).
    let (a, b) = tokio::join!(
        bump_both(&app.db, (1, 2), &both_started, &attempts[0]),
        bump_both(&app.db, (2, 1), &both_started, &attempts[1]),
    );
    assert_eq!((a, b), (Ok(()), Ok(())));
    let runs = attempts.map(|a| a.into_inner());
    assert_eq!(
        runs.iter().sum::<u32>(),
        3,
        "one of them ran twice: {runs:?}"
    );
    let pool = sqlx::PgPool::connect(app.config.settings.database_url.as_deref().unwrap())
        .await
        .unwrap();
    let counters: Vec<(i64, i64)> = sqlx::query_as("SELECT id, n FROM counters ORDER BY id")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(counters, [(1, 2), (2, 2)]);
}

#[tokio::test]
async fn postgres_only_a_transaction_that_keeps_colliding_is_a_503_after_the_last_attempt() {
    postgres_only();
    let app = spawn_app().await;
    let attempts = AtomicU32::new(0);
    let result: Result<(), AppError> = transaction::run(&app.db, async |tx| {
        attempts.fetch_add(1, Ordering::SeqCst);
        let Tx::Postgres(t) = tx else {
            unreachable!("a PostgreSQL test")
        };
        sqlx::raw_sql(
            "DO $$ BEGIN RAISE EXCEPTION 'collided' USING ERRCODE = 'serialization_failure'; END $$",
        )
        .execute(&mut **t)
        .await?;
        Ok(())
    })
    .await;
    assert!(
        matches!(result, Err(AppError::Unavailable { .. })),
        "{result:?}"
    );
    assert_eq!(attempts.into_inner(), ATTEMPTS);
}

/// SQLite gives up waiting for its write lock after its busy timeout (5 s); the transaction
/// then begins again and gets the lock once it is free.
#[tokio::test]
async fn sqlite_only_a_write_lock_held_past_the_busy_timeout_is_waited_out() {
    sqlite_only();
    let app = spawn_app().await;
    app.execute(COUNTERS).await;
    let file = app.config.settings.data_dir.join("v2mom.db");
    let mut holder = SqliteConnection::connect(&format!("sqlite://{}", file.display()))
        .await
        .unwrap();
    sqlx::raw_sql("BEGIN IMMEDIATE")
        .execute(&mut holder)
        .await
        .unwrap();
    let held_for = Duration::from_secs(6);
    let release = async {
        tokio::time::sleep(held_for).await;
        sqlx::raw_sql("ROLLBACK")
            .execute(&mut holder)
            .await
            .unwrap();
    };
    let bump = transaction::run(&app.db, async |tx| {
        execute(tx, BUMP, 1).await?;
        Ok(())
    });
    // A single attempt would give up after 5 s, while the lock is still held.
    let (result, ()) = tokio::join!(bump, release);
    assert_eq!(result, Ok(()));
    let n: (i64,) = sqlx::query_as("SELECT n FROM counters WHERE id = 1")
        .fetch_one(&mut holder)
        .await
        .unwrap();
    assert_eq!(n, (1,));
}
