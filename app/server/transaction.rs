//! A write transaction that is run again when it collided with another one.
//!
//! PostgreSQL may abort either of two transactions that touch the same rows (deadlock, or a
//! serialization failure), and SQLite may give up waiting for its write lock. Neither is
//! wrong with the request: the work is run again, up to [`ATTEMPTS`] times, after a short
//! random pause so that the two do not collide again. What still fails is answered 503
//! through [`internal`] like any other passing database trouble.

use super::{
    db::{Db, DbError, Tx, faults},
    errors::internal,
};
use crate::error::AppError;
use std::{
    hash::{BuildHasher, RandomState},
    time::Duration,
};

/// How many times the work runs at most.
pub const ATTEMPTS: u32 = 3;

/// Why the work inside a transaction stopped: the database failed (which may be worth
/// another attempt), or the use case stopped with its answer `E` (an [`AppError`], or a
/// richer error of its own). Both convert with `?`.
#[derive(Debug)]
pub enum Abort<E = AppError> {
    Db(DbError),
    Stop(E),
}

impl<E> From<DbError> for Abort<E> {
    fn from(err: DbError) -> Self {
        Abort::Db(err)
    }
}

impl From<AppError> for Abort {
    fn from(err: AppError) -> Self {
        Abort::Stop(err)
    }
}

/// Begins a transaction, runs `work` in it and commits; rolls back when `work` fails. A
/// collision (see [`faults::Fault::Contention`]) rolls back and runs `work` again, so `work`
/// must do nothing outside the transaction that cannot be done twice.
///
/// Each attempt runs a fresh clone of `work` (an async closure borrowing what it needs is
/// `Clone`): an `AsyncFnMut` would do, but its future cannot yet be shown `Send` to the
/// server functions that await it (rust-lang/rust#100013).
pub async fn run<T>(
    db: &Db,
    work: impl AsyncFnOnce(&mut Tx) -> Result<T, Abort> + Clone,
) -> Result<T, AppError> {
    run_as(db, work).await
}

/// [`run`] for a use case whose answer is an error of its own, `E`; a database failure
/// reaches it as the [`AppError`] [`internal`] makes of it.
pub async fn run_as<T, E: From<AppError>>(
    db: &Db,
    work: impl AsyncFnOnce(&mut Tx) -> Result<T, Abort<E>> + Clone,
) -> Result<T, E> {
    let mut attempt = 1;
    loop {
        let result = async {
            let mut tx = db.begin().await?;
            let value = work.clone()(&mut tx).await?;
            tx.commit().await?;
            db.note_commit();
            Ok(value)
        }
        .await;
        match result {
            Ok(value) => return Ok(value),
            Err(Abort::Stop(err)) => return Err(err),
            Err(Abort::Db(err)) if attempt < ATTEMPTS && faults::is_contention(&err) => {
                tracing::info!(attempt, error = %err, "transaction collided; running it again");
                tokio::time::sleep(pause(attempt)).await;
                attempt += 1;
            }
            Err(Abort::Db(err)) => return Err(internal(err).into()),
        }
    }
}

/// 10–20 ms after the first collision, 20–40 ms after the second: random, so the two
/// transactions that collided do not meet again at once.
fn pause(attempt: u32) -> Duration {
    let base = 10u64 << (attempt - 1).min(4);
    let jitter = RandomState::new().hash_one(attempt) % (base + 1);
    Duration::from_millis(base + jitter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pauses_are_short_and_grow() {
        for _ in 0..100 {
            let first = pause(1).as_millis();
            let second = pause(2).as_millis();
            assert!((10..=20).contains(&first), "{first}");
            assert!((20..=40).contains(&second), "{second}");
        }
    }
}
