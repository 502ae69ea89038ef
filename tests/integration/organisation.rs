//! The organisation through a period for administrators (`/admin/organisation`, the
//! `organisation` server function, `GET /api/v1/organisation`): coverage and progress per
//! team, the alignment gaps of published V2MOMs, and that nobody else sees it.

use crate::{
    helpers::{TestApp, spawn_app},
    people::invite,
    rest::{api, api_key},
    team_progress::{Org, organisation, published, two_methods},
    v2moms::{change, page, save, start},
};
use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};

async fn overview(app: &TestApp) -> Value {
    let res = app.call("organisation", &[]).await;
    assert_eq!(res.status(), StatusCode::OK, "organisation");
    res.json().await.unwrap()
}

async fn id_of(app: &TestApp, email: &str) -> i64 {
    app.db.user_by_email(email).await.unwrap().unwrap().id
}

/// Each team as (team, "published of members", missing names, progress).
fn teams(overview: &Value) -> Vec<(String, String, Vec<String>, Value)> {
    overview["teams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let manager = t["manager"]["name"].as_str().unwrap_or("(no team)");
            let missing = t["missing"].as_array().unwrap();
            (
                manager.to_owned(),
                format!("{} of {}", t["published"], t["members"]),
                missing
                    .iter()
                    .map(|p| p["name"].as_str().unwrap().to_owned())
                    .collect(),
                t["progress"].clone(),
            )
        })
        .collect()
}

/// Methods as (owner, title).
fn methods(overview: &Value, which: &str) -> Vec<(String, String)> {
    overview[which]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["owner_name"].as_str().unwrap().to_owned(),
                m["method_title"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

/// The team-progress organisation, plus Olga, invited with no manager and no reports.
async fn with_someone_alone(app: &TestApp) -> Org {
    let org = organisation(app).await;
    invite(app, "olga@acme.example", "Olga Alone", "employee", None).await;
    org
}

#[tokio::test]
async fn coverage_and_progress_per_team_count_published_v2moms_only() {
    let app = spawn_app().await;
    let org = with_someone_alone(&app).await;
    let seen = overview(&app).await;
    assert_eq!(seen["period"]["name"], "FY2027");
    assert_eq!(
        (&seen["published"], &seen["people"]),
        (&json!(4), &json!(9))
    );
    // Eve 42.5 % and Lee 50 % → Max's team 46.3 %; Ian has no check-in, so Lee's team is
    // Lee's 50 %; nobody in Ada's team has published.
    assert_eq!(
        teams(&seen),
        [
            (
                "Ada Admin".into(),
                "0 of 3".into(),
                strings(&["Ada Admin", "Max Manager", "Pam Peer"]),
                Value::Null
            ),
            ("Lee Lead".into(), "2 of 2".into(), vec![], json!(50.0)),
            (
                "Max Manager".into(),
                "2 of 4".into(),
                strings(&["Max Manager", "Nina New"]),
                json!(46.3)
            ),
            (
                "Pam Peer".into(),
                "1 of 2".into(),
                strings(&["Pam Peer"]),
                json!(100.0)
            ),
            (
                "(no team)".into(),
                "0 of 1".into(),
                strings(&["Olga Alone"]),
                Value::Null
            ),
        ]
    );
    // A V2MOM in draft does not cover its owner.
    let nina = id_of(&app, "nina@acme.example").await;
    let period = seen["period"]["id"].as_i64().unwrap();
    let draft = start(&app, &org.max, nina, period).await;
    assert_eq!(
        save(&app, &org.max, draft, 1, &two_methods())
            .await
            .status(),
        StatusCode::OK
    );
    let seen = overview(&app).await;
    assert_eq!(seen["published"], 4);
    assert_eq!(teams(&seen)[2].1, "2 of 4");
    assert_eq!(teams(&seen)[2].2, strings(&["Max Manager", "Nina New"]));
}

#[tokio::test]
async fn gaps_list_published_methods_aligned_to_nothing_and_those_nobody_follows() {
    let app = spawn_app().await;
    let org = organisation(&app).await;
    // The fixture made the period current.
    let period = overview(&app).await["period"]["id"].as_i64().unwrap();
    let (max, nina) = (
        id_of(&app, "max@acme.example").await,
        id_of(&app, "nina@acme.example").await,
    );
    // Max publishes his own V2MOM; Nina's aligns its first method to Max's first.
    let (max_v2mom, _) = published(&app, &org.max, max, period).await;
    let first = page(&app, &org.max, max_v2mom).await["v2mom"]["content"]["methods"][0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let nina_v2mom = start(&app, &org.max, nina, period).await;
    let mut fields = two_methods();
    fields.push(("methods[0][aligned_to]", &first));
    assert_eq!(
        save(&app, &org.max, nina_v2mom, 1, &fields).await.status(),
        StatusCode::OK
    );
    let seen = overview(&app).await;
    // While Nina's is a draft it claims nothing.
    assert_eq!(
        methods(&seen, "unclaimed"),
        [
            ("Lee Lead".into(), "Automate releases".into()),
            ("Lee Lead".into(), "Coach the team".into()),
            ("Max Manager".into(), "Automate releases".into()),
            ("Max Manager".into(), "Coach the team".into()),
        ]
    );
    assert_eq!(
        change(&app, &org.max, nina_v2mom, 2, "publish", "")
            .await
            .status(),
        StatusCode::OK
    );
    let seen = overview(&app).await;
    let unclaimed = methods(&seen, "unclaimed");
    assert_eq!(
        unclaimed,
        [
            ("Lee Lead".into(), "Automate releases".into()),
            ("Lee Lead".into(), "Coach the team".into()),
            ("Max Manager".into(), "Coach the team".into()),
        ],
        "Max's first method is followed now; Eve, Ian and Rex lead nobody, so theirs are not listed"
    );
    // Everyone below the administrator has a manager, so every method that aligns to
    // nothing is listed; Nina's first is aligned and is not.
    let unaligned = methods(&seen, "unaligned");
    assert_eq!(unaligned.len(), 11, "{unaligned:?}");
    assert!(unaligned.contains(&("Nina New".into(), "Coach the team".into())));
    assert!(!unaligned.contains(&("Nina New".into(), "Automate releases".into())));
    assert_eq!(seen["unaligned"][0]["v2mom_id"], org.eve_v2mom);

    // The page says the same, linking each method to its place in its V2MOM.
    let html = app
        .client
        .get(app.url("/admin/organisation"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("6 of 8 people have a published V2MOM for FY2027."));
    assert!(html.contains("Methods nobody aligns to"));
    let coach = seen["unclaimed"][2]["method_id"].as_i64().unwrap();
    assert!(html.contains(&format!("/v2moms/{max_v2mom}#method-{coach}")));
}

#[tokio::test]
async fn only_administrators_see_the_organisation_and_keys_need_the_admin_scope() {
    let app = spawn_app().await;
    let org = organisation(&app).await;
    for who in [&org.max, &org.eve] {
        assert_eq!(
            app.call_as(who, "organisation", &[]).await.status(),
            StatusCode::FORBIDDEN
        );
        let page = who
            .get(app.url("/admin/organisation"))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), StatusCode::FORBIDDEN);
        let key = api_key(&app, who, "read").await;
        let res = api(&app, Method::GET, "/organisation", &key)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
    }
    assert_eq!(
        Client::new()
            .get(app.url("/api/v1/organisation"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
    // An administrator's read key is not enough; an admin key answers what the page shows.
    let read = api_key(&app, &app.client, "read").await;
    let res = api(&app, Method::GET, "/organisation", &read)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let admin = api_key(&app, &app.client, "read,admin").await;
    let res = api(&app, Method::GET, "/organisation", &admin)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body, overview(&app).await);
    // A period that does not exist is not found, rather than silently another one.
    let res = api(&app, Method::GET, "/organisation?period=999", &admin)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
