//! How the team progress view holds up as a team grows: the whole use case (policy, five
//! queries, progress, sort) for a manager of 20 and of 200 reports, in one run, on a fresh
//! SQLite file (and on PostgreSQL when `TEST_DATABASE_URL` is set). Each report has a
//! published V2MOM of 3 methods × 2 measures with 3 check-ins per measure. The number of
//! queries does not depend on the team's size, so the time should grow with the rows read,
//! not with a round trip per person. Run: `make bench` (or
//! `cargo bench --features ssr --bench team_progress`).

mod common;

use common::{create, database};
use std::time::{Duration, Instant};
use v2mom::{
    model::{
        CheckInStatus, CheckedCheckIn, Measure, MeasureKind, Method, Role, V2momContent,
        V2momStatus,
    },
    server::{
        actor::{Actor, Origin},
        db::{Among, Db, NewV2mom},
        startup, tracking,
    },
};

const SMALL: usize = 20;
const LARGE: usize = 200;
const RUNS: usize = 30;
const CHECK_INS: usize = 3;

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().expect("temporary directory");
    println!(
        "Team progress: median of {RUNS} runs; ratio = time at {LARGE} / time at {SMALL} reports"
    );
    for (name, url) in common::backends() {
        let small = timing(&dir, name, url.as_deref(), SMALL).await;
        let large = timing(&dir, name, url.as_deref(), LARGE).await;
        println!(
            "{name:8} team progress {small:>9.2?} → {large:>9.2?}   ratio {:.2}",
            large.as_secs_f64() / small.as_secs_f64()
        );
    }
}

/// The median time of the use case for a manager of `count` reports.
async fn timing(
    dir: &tempfile::TempDir,
    backend: &str,
    url: Option<&str>,
    count: usize,
) -> Duration {
    let (db, config) = database(dir, backend, url, count).await;
    let manager = seed(&db, count).await;
    let state = startup::app_state(config, db.clone()).await.expect("state");
    let user = db.user_by_id(manager).await.unwrap().unwrap();
    let actor = Actor::session(user, Origin::default());
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        let view = tracking::team_progress(&state, &actor, None, None)
            .await
            .expect("team progress");
        times.push(started.elapsed());
        assert_eq!(view.rows.len(), count);
        assert!(view.rows.iter().all(|r| r.progress.is_some()));
    }
    db.close().await;
    times.sort();
    times[RUNS / 2]
}

/// 3 methods × 2 measures, 0 → 100.
fn content(i: usize) -> V2momContent {
    let measure = |j: usize| Measure {
        description: format!("Measure {j}"),
        kind: MeasureKind::Number,
        start: Some(0.0),
        target: Some(100.0),
        ..Measure::default()
    };
    V2momContent {
        title: format!("Plan of person {i}"),
        vision: format!("Person {i} helps the company grow."),
        methods: (0..3)
            .map(|m| Method {
                title: format!("Method {m}"),
                measures: vec![measure(0), measure(1)],
                ..Method::default()
            })
            .collect(),
        ..V2momContent::default()
    }
}

/// One manager with `count` reports, each with a published V2MOM and check-ins on every
/// measure; returns the manager's id.
async fn seed(db: &Db, count: usize) -> i64 {
    let mut tx = db.begin().await.unwrap();
    let period = tx
        .create_period(
            "FY2027",
            "2027-02-01".parse().unwrap(),
            "2028-01-31".parse().unwrap(),
        )
        .await
        .unwrap()
        .unwrap();
    tx.set_current_period(period).await.unwrap();
    let manager = create(&mut tx, "boss@acme.example", "Boss", None, Role::Manager).await;
    for i in 0..count {
        let email = format!("person{i}@acme.example");
        let owner = create(
            &mut tx,
            &email,
            &format!("Person {i}"),
            Some(manager),
            Role::Employee,
        )
        .await;
        let id = tx
            .create_v2mom(NewV2mom {
                owner_id: owner,
                period_id: period,
                by: manager,
                content: &content(i),
            })
            .await
            .unwrap()
            .unwrap();
        tx.set_v2mom_status(id, 1, manager, V2momStatus::Published, "")
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    let measures = db.measures(Among::Period(period)).await.unwrap();
    let mut tx = db.begin().await.unwrap();
    for (n, (_, _, measure)) in measures.iter().enumerate() {
        for k in 0..CHECK_INS {
            let check_in = CheckedCheckIn {
                value: ((n + k * 10) % 100) as f64,
                status: CheckInStatus::ALL[(n + k) % 3],
                comment: String::new(),
            };
            tx.add_check_in(measure.id.unwrap(), manager, &check_in)
                .await
                .unwrap();
        }
    }
    tx.commit().await.unwrap();
    manager
}
