//! How the V2MOM list holds up as the organisation grows: the same queries over 100 and over
//! 10,000 V2MOMs, in one run, on a fresh SQLite file (and on PostgreSQL when
//! `TEST_DATABASE_URL` is set). Figures are ratios against the 100-V2MOM baseline, so they
//! compare across machines. Run: `make bench` (or `cargo bench --features ssr --bench v2mom_list`).

mod common;

use common::{create, database};
use std::time::{Duration, Instant};
use v2mom::{
    model::{Role, Scopes, V2momContent, V2momQuery, V2momStatus, ValueItem},
    server::{
        db::{Db, NewV2mom, ReadScope, Window},
        policy::{Circle, Principal, Visibility, readable_statuses},
    },
};

const SMALL: usize = 100;
const LARGE: usize = 10_000;
const RUNS: usize = 30;

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let backends = common::backends();
    println!("V2MOM list: median of {RUNS} runs; ratio = time at {LARGE} / time at {SMALL} V2MOMs");
    for (name, url) in backends {
        let small = timings(&dir, name, url.as_deref(), SMALL).await;
        let large = timings(&dir, name, url.as_deref(), LARGE).await;
        for ((query, a), (_, b)) in small.iter().zip(&large) {
            println!(
                "{name:8} {query:32} {a:>9.2?} → {b:>9.2?}   ratio {:.2}",
                b.as_secs_f64() / a.as_secs_f64()
            );
        }
    }
}

/// Seeds `count` published V2MOMs (one per person, all reporting to one manager) and times
/// each query as that manager and as an employee sees it.
async fn timings(
    dir: &tempfile::TempDir,
    backend: &str,
    url: Option<&str>,
    count: usize,
) -> Vec<(&'static str, Duration)> {
    let (db, _) = database(dir, backend, url, count).await;
    let manager = seed(&db, count).await;
    let readers = [
        (
            "manager",
            Principal {
                user_id: manager,
                role: Role::Manager,
                active: true,
                scopes: Scopes::ALL,
                api_key: false,
            },
        ),
        (
            "employee",
            Principal {
                user_id: manager + 1,
                role: Role::Employee,
                active: true,
                scopes: Scopes::ALL,
                api_key: false,
            },
        ),
    ];
    let mut out = Vec::new();
    for (who, actor) in readers {
        let scope = ReadScope(
            Circle::ALL
                .into_iter()
                .map(|c| (c, readable_statuses(&actor, c, Visibility::Company)))
                .collect(),
        );
        let queries: [(&'static str, V2momQuery, i64); 3] = [
            ("first page", V2momQuery::default(), 0),
            ("page 40", V2momQuery::default(), 975),
            (
                "text search",
                V2momQuery {
                    text: "person 42".into(),
                    ..Default::default()
                },
                0,
            ),
        ];
        for (label, query, offset) in queries {
            let mut times = Vec::with_capacity(RUNS);
            for _ in 0..RUNS {
                let started = Instant::now();
                let (items, _) = db
                    .list_v2moms(
                        actor.user_id,
                        &scope,
                        &query,
                        Window::Page {
                            limit: 25,
                            offset: offset.min(count as i64 - 25),
                        },
                    )
                    .await
                    .expect("list");
                times.push(started.elapsed());
                assert!(!items.is_empty(), "{label} finds something");
            }
            times.sort();
            let name: &'static str = Box::leak(format!("{who}: {label}").into_boxed_str());
            out.push((name, times[RUNS / 2]));
        }
    }
    db.close().await;
    out
}

/// One manager with `count` reports; everyone has a published V2MOM in one period.
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
    let person = |i: usize, manager: Option<i64>, role: Role| {
        let email = format!("person{i}@acme.example");
        let name = format!("Person {i}");
        (email, name, manager, role)
    };
    let mut ids = Vec::with_capacity(count);
    let (email, name, _, _) = person(0, None, Role::Manager);
    let manager = create(&mut tx, &email, &name, None, Role::Manager).await;
    ids.push(manager);
    for i in 1..count {
        let (email, name, manager, role) = person(i, Some(manager), Role::Employee);
        ids.push(create(&mut tx, &email, &name, manager, role).await);
    }
    for (i, owner) in ids.iter().enumerate() {
        let content = V2momContent {
            title: format!("Plan of person {i}"),
            vision: format!("Person {i} helps the company grow in region {}.", i % 17),
            values: vec![ValueItem {
                name: "Trust".into(),
                description: String::new(),
            }],
            ..Default::default()
        };
        let id = tx
            .create_v2mom(NewV2mom {
                owner_id: *owner,
                period_id: period,
                by: manager,
                content: &content,
            })
            .await
            .unwrap()
            .unwrap();
        tx.set_v2mom_status(id, 1, manager, V2momStatus::Published, "")
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    manager
}
