//! A manager's team through a period (`/team`, `team/progress`, `GET /api/v1/team/progress`):
//! progress as each V2MOM's own page gives it, at-risk and off-track counts, the flags for
//! check-ins gone quiet, server-side sorting, and who may see what.

use crate::{
    check_ins::check_in_as,
    helpers::{TestApp, spawn_app},
    people::{accept, invite},
    rest::{api, api_key},
    v2moms::{COMPLETE, change, current_period, page, save, start},
};
use chrono::{Duration, SecondsFormat, Utc};
use reqwest::{Client, Method, StatusCode};
use serde_json::Value;

/// `COMPLETE` (one number measure, 0 → 52) and a second method with a percentage measure.
pub fn two_methods() -> Vec<(&'static str, &'static str)> {
    let mut fields = COMPLETE.to_vec();
    fields.extend([
        ("methods[1][title]", "Coach the team"),
        ("methods[1][description]", "Pairing."),
        ("methods[1][measures][0][description]", "Survey score"),
        ("methods[1][measures][0][kind]", "percent"),
        ("methods[1][measures][0][start]", "0"),
        ("methods[1][measures][0][target]", "100"),
        ("methods[1][measures][0][unit]", ""),
        ("methods[1][measures][0][direction]", "up"),
        ("methods[1][measures][0][due_on]", "2028-01-31"),
    ]);
    fields
}

/// `owner`'s V2MOM written and published by `writer`; its id and its two measures' ids.
pub async fn published(app: &TestApp, writer: &Client, owner: i64, period: i64) -> (i64, [i64; 2]) {
    let id = start(app, writer, owner, period).await;
    let res = save(app, writer, id, 1, &two_methods()).await;
    assert_eq!(res.status(), StatusCode::OK, "save");
    let res = change(app, writer, id, 2, "publish", "").await;
    assert_eq!(res.status(), StatusCode::OK, "publish");
    let page = page(app, writer, id).await;
    let measure = |m: usize| {
        page["v2mom"]["content"]["methods"][m]["measures"][0]["id"]
            .as_i64()
            .unwrap()
    };
    (id, [measure(0), measure(1)])
}

async fn check_in(app: &TestApp, who: &Client, id: i64, measure: i64, value: &str, status: &str) {
    let res = check_in_as(app, who, id, measure, value, status).await;
    assert_eq!(res.status(), StatusCode::OK, "check in");
}

/// The team's progress as `who` sees it through the pages' server function.
async fn progress(app: &TestApp, who: &Client, sort: &str) -> Value {
    let res = app.call_as(who, "team/progress", &[("sort", sort)]).await;
    assert_eq!(res.status(), StatusCode::OK, "team/progress {sort}");
    res.json().await.unwrap()
}

fn names(progress: &Value) -> Vec<&str> {
    progress["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["person"]["name"].as_str().unwrap())
        .collect()
}

fn row<'a>(progress: &'a Value, name: &str) -> &'a Value {
    progress["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["person"]["name"] == name)
        .unwrap_or_else(|| panic!("{name} in {progress}"))
}

pub struct Org {
    pub max: Client,
    pub eve: Client,
    pub pam: Client,
    pub eve_v2mom: i64,
    pub lee_v2mom: i64,
}

/// Max and Pam, peers under the administrator. Max's team: Eve (direct, checked in today at
/// risk and off track), Lee (direct, last check-in 20 days ago), Ian (below Lee, published,
/// never checked in), Nina (direct, not started). Pam's: Rex (published, checked in).
pub async fn organisation(app: &TestApp) -> Org {
    app.set_up().await;
    let admin = app
        .db
        .user_by_email("ada@acme.example")
        .await
        .unwrap()
        .unwrap()
        .id;
    let person = async |email: &str, name: &str, role: &str, manager: i64| {
        let (id, token) = invite(app, email, name, role, Some(manager)).await;
        (id, accept(app, &token).await)
    };
    let (max_id, max) = person("max@acme.example", "Max Manager", "manager", admin).await;
    let (pam_id, pam) = person("pam@acme.example", "Pam Peer", "manager", admin).await;
    let (eve_id, eve) = person("eve@acme.example", "Eve Employee", "employee", max_id).await;
    let (lee_id, _) = person("lee@acme.example", "Lee Lead", "manager", max_id).await;
    let (ian_id, _) = person("ian@acme.example", "Ian Indirect", "employee", lee_id).await;
    person("nina@acme.example", "Nina New", "employee", max_id).await;
    let (rex_id, _) = person("rex@acme.example", "Rex Other", "employee", pam_id).await;
    let period = current_period(app).await;

    let (eve_v2mom, [a, b]) = published(app, &max, eve_id, period).await;
    check_in(app, &eve, eve_v2mom, a, "13", "at_risk").await; // 25 %
    check_in(app, &eve, eve_v2mom, b, "60", "off_track").await; // 60 %
    let (lee_v2mom, [a, _]) = published(app, &max, lee_id, period).await;
    check_in(app, &max, lee_v2mom, a, "10", "off_track").await;
    check_in(app, &max, lee_v2mom, a, "26", "on_track").await; // 50 %, the latest
    let long_ago = (Utc::now() - Duration::days(20)).to_rfc3339_opts(SecondsFormat::Secs, false);
    app.execute(&format!(
        "UPDATE measure_check_ins SET created_at = '{long_ago}' WHERE measure_id = {a}"
    ))
    .await;
    published(app, &max, ian_id, period).await;
    let (rex_v2mom, [a, _]) = published(app, &pam, rex_id, period).await;
    check_in(app, &pam, rex_v2mom, a, "52", "on_track").await;
    Org {
        max,
        eve,
        pam,
        eve_v2mom,
        lee_v2mom,
    }
}

#[tokio::test]
async fn a_manager_sees_each_report_with_progress_risks_and_quiet_check_ins() {
    let app = spawn_app().await;
    let org = organisation(&app).await;
    let team = progress(&app, &org.max, "").await;
    assert_eq!(team["period"]["name"], "FY2027");
    assert_eq!(team["sort"], "person");
    assert_eq!(
        names(&team),
        ["Eve Employee", "Ian Indirect", "Lee Lead", "Nina New"],
        "direct and indirect reports, by name; never a peer's"
    );

    let eve = row(&team, "Eve Employee");
    assert_eq!(eve["manager"]["name"], "Max Manager");
    assert_eq!(eve["status"], "published");
    assert_eq!(eve["progress"], 42.5, "the mean of 25 % and 60 %");
    assert_eq!(
        eve["progress"],
        page(&app, &org.max, org.eve_v2mom).await["v2mom"]["progress"],
        "the same number as the V2MOM's own page"
    );
    assert_eq!(
        (eve["at_risk"].as_u64(), eve["off_track"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(eve["staleness"], Value::Null, "checked in today");
    assert!(eve["last_check_in"].is_string());

    let lee = row(&team, "Lee Lead");
    assert_eq!(lee["progress"], 50.0);
    assert_eq!(
        lee["progress"],
        page(&app, &org.max, org.lee_v2mom).await["v2mom"]["progress"]
    );
    assert_eq!(
        (lee["at_risk"].as_u64(), lee["off_track"].as_u64()),
        (Some(0), Some(0)),
        "only the latest check-in of a measure counts"
    );
    assert_eq!(lee["staleness"]["kind"], "stale");
    assert_eq!(lee["staleness"]["weeks"], 2);

    let ian = row(&team, "Ian Indirect");
    assert_eq!(ian["manager"]["name"], "Lee Lead");
    assert_eq!(ian["depth"], 2);
    assert_eq!(ian["progress"], Value::Null);
    assert_eq!(ian["last_check_in"], Value::Null);
    assert_eq!(ian["staleness"]["kind"], "no_check_in");

    let nina = row(&team, "Nina New");
    assert_eq!(nina["status"], Value::Null, "not started");
    assert_eq!(nina["v2mom_id"], Value::Null);
    assert_eq!(nina["staleness"], Value::Null, "nothing to check in on yet");

    // The page says the same without JavaScript.
    let html = org
        .max
        .get(app.url("/team?sort=-progress"))
        .send()
        .await
        .unwrap();
    assert_eq!(html.status(), StatusCode::OK);
    let html = html.text().await.unwrap();
    for text in [
        "Progress in FY2027",
        "No check-in yet",
        "No check-in for 2 weeks",
        "Not started",
        r#"aria-sort="descending""#,
        r#"href="/team?period="#,
    ] {
        assert!(html.contains(text), "{text} in the page");
    }
    assert!(!html.contains("Rex Other"), "a peer's report");
}

#[tokio::test]
async fn the_table_sorts_on_the_server_by_each_column() {
    let app = spawn_app().await;
    let org = organisation(&app).await;
    for (sort, expected) in [
        (
            "person",
            ["Eve Employee", "Ian Indirect", "Lee Lead", "Nina New"],
        ),
        (
            "-person",
            ["Nina New", "Lee Lead", "Ian Indirect", "Eve Employee"],
        ),
        (
            "progress",
            ["Eve Employee", "Lee Lead", "Ian Indirect", "Nina New"],
        ),
        (
            "-progress",
            ["Lee Lead", "Eve Employee", "Ian Indirect", "Nina New"],
        ),
        (
            "status",
            ["Nina New", "Eve Employee", "Ian Indirect", "Lee Lead"],
        ),
        (
            "-last_check_in",
            ["Eve Employee", "Lee Lead", "Ian Indirect", "Nina New"],
        ),
        (
            "last_check_in",
            ["Lee Lead", "Eve Employee", "Ian Indirect", "Nina New"],
        ),
    ] {
        let team = progress(&app, &org.max, sort).await;
        assert_eq!(team["sort"], sort);
        assert_eq!(names(&team), expected, "sort={sort}");
    }
    let res = app
        .call_as(&org.max, "team/progress", &[("sort", "salary")])
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);

    // The API sorts the same way, with a read-only key.
    let key = api_key(&app, &org.max, "read").await;
    let res = api(&app, Method::GET, "/team/progress?sort=-progress", &key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let team: Value = res.json().await.unwrap();
    assert_eq!(
        names(&team),
        ["Lee Lead", "Eve Employee", "Ian Indirect", "Nina New"]
    );
    assert_eq!(row(&team, "Eve Employee")["progress"], 42.5);
    let res = api(&app, Method::GET, "/team/progress?sort=salary", &key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn employees_are_refused_and_managers_see_only_their_own_line() {
    let app = spawn_app().await;
    let org = organisation(&app).await;
    assert_eq!(
        app.call_as(&org.eve, "team/progress", &[]).await.status(),
        StatusCode::FORBIDDEN
    );
    let key = api_key(&app, &org.eve, "read").await;
    let res = api(&app, Method::GET, "/team/progress", &key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let page = org.eve.get(app.url("/team")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::FORBIDDEN);

    let pam = progress(&app, &org.pam, "").await;
    assert_eq!(names(&pam), ["Rex Other"]);
    assert_eq!(row(&pam, "Rex Other")["progress"], 100.0);

    // The administrator sees everyone below them, both managers' lines.
    let admin = progress(&app, &app.client, "").await;
    assert_eq!(
        names(&admin),
        [
            "Eve Employee",
            "Ian Indirect",
            "Lee Lead",
            "Max Manager",
            "Nina New",
            "Pam Peer",
            "Rex Other"
        ]
    );
    // A period that does not exist is not found, rather than silently another one.
    let res = app
        .call_as(&org.max, "team/progress", &[("period", "999")])
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
