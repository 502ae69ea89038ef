//! What a page costs the database: the queries one request sends ([`Db::queries`], the
//! `v2mom_db_queries_total` counter), counted on an app of its own. Who is signed in is worked
//! out once per request however many server functions the page calls, and nothing is asked
//! twice. A V2MOM's parts are read once per version and process (`db/v2mom_parts.rs`).
//! The figures are exact so that a page that starts asking more fails here first.

use crate::{
    check_ins::{check_in_as, published},
    helpers::{TestApp, client, spawn_app},
    people::organisation,
    v2moms::{COMPLETE, current_period, next_period, save, start},
};
use reqwest::{Client, StatusCode};

/// The queries `who` getting `path` costs.
async fn cost(app: &TestApp, who: &Client, path: &str) -> u64 {
    let before = app.db.queries();
    let res = who.get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    res.text().await.unwrap();
    app.db.queries() - before
}

#[tokio::test]
async fn each_page_asks_the_database_only_what_it_needs_once() {
    let app = spawn_app().await;
    let (manager_id, manager, employee_id, employee) = organisation(&app).await;
    let period = current_period(&app).await;
    let (mine, _) = published(&app, &manager, manager_id, period).await;
    let (theirs, measure) = published(&app, &manager, employee_id, period).await;
    let checked = check_in_as(&app, &employee, theirs, measure, "26", "on_track").await;
    assert_eq!(checked.status(), StatusCode::OK);
    // The manager's V2MOM for another period, saved but not read yet.
    let unread = start(&app, &manager, manager_id, next_period(&app).await).await;
    assert_eq!(
        save(&app, &manager, unread, 1, COMPLETE).await.status(),
        StatusCode::OK
    );

    let costs = [
        (
            "sign-in page, nobody signed in",
            cost(&app, &client(), "/login").await,
        ),
        ("home page, an employee", cost(&app, &employee, "/").await),
        (
            "own V2MOM",
            cost(&app, &employee, &format!("/v2moms/{theirs}")).await,
        ),
        (
            "a report's V2MOM",
            cost(&app, &manager, &format!("/v2moms/{theirs}")).await,
        ),
        (
            "own V2MOM, a manager",
            cost(&app, &manager, &format!("/v2moms/{mine}")).await,
        ),
        (
            "own V2MOM, a manager, this version not read yet",
            cost(&app, &manager, &format!("/v2moms/{unread}")).await,
        ),
        (
            "editor, a manager",
            cost(&app, &manager, &format!("/v2moms/{mine}/edit")).await,
        ),
        (
            "V2MOM list, a manager",
            cost(&app, &manager, "/v2moms").await,
        ),
        (
            "team progress, a manager",
            cost(&app, &manager, "/team").await,
        ),
        (
            "people, the administrator",
            cost(&app, &app.client, "/admin/people").await,
        ),
        (
            "own V2MOM as Markdown (a plain route)",
            cost(&app, &employee, &format!("/v2moms/{theirs}/export.md")).await,
        ),
    ];
    // The sign-in page: whether anyone exists yet, and the providers (once, for the buttons and
    // for the form targets the security headers allow). A V2MOM: the session with its user (one
    // statement), the bell's unread count, the V2MOM's row (once, for the policy and the page),
    // for a report's the report's reporting line, its alignment both ways (one query) and its
    // check-ins (each measure's latest among them); its four parts and its version again only
    // when this process has not read this version yet (the set-up read the others). The editor:
    // the same but the check-ins (the latest only), and the owner's manager. A download reads
    // its person once too, though the language is chosen before it runs.
    assert_eq!(
        costs.map(|(_, n)| n),
        [2, 10, 5, 6, 5, 10, 6, 6, 8, 5, 4],
        "{costs:#?}"
    );
}
