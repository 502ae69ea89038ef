//! What a page costs the database: the queries one request sends ([`Db::queries`], the
//! `v2mom_db_queries_total` counter), counted on an app of its own. Who is signed in is worked
//! out once per request however many server functions the page calls, and nothing is asked
//! twice. The figures are exact so that a page that starts asking more fails here first.

use crate::{
    check_ins::{check_in_as, published},
    helpers::{TestApp, client, spawn_app},
    people::organisation,
    v2moms::current_period,
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
    ];
    // The sign-in page: whether anyone exists yet, and the providers (for the buttons, and
    // again for the form targets the security headers allow). A V2MOM: the session, its
    // user, the bell's unread count, the V2MOM opened once (and for a report's, the two
    // reporting lines), its five parts, its latest check-ins, its alignment both ways and its
    // check-ins.
    assert_eq!(
        costs.map(|(_, n)| n),
        [3, 20, 13, 15, 13, 14, 7, 9, 6],
        "{costs:#?}"
    );
}
