//! Check-ins on measures, as owners, their managers and outsiders meet them: through
//! `/api/v1`, the pages' server functions and a plain form post without JavaScript.

use crate::{
    helpers::TestApp,
    people::{accept, invite, organisation},
    rest::api_key,
    v2moms::{COMPLETE, change, current_period, page, save, start, version_of},
};
use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};

/// A request to `/api/v1{path}` with `key`.
fn api(app: &TestApp, method: Method, path: &str, key: &str) -> reqwest::RequestBuilder {
    crate::rest::api(app, method, path, key)
}

/// `owner`'s V2MOM written by `writer` from `COMPLETE` (one number measure, 0 → 52
/// releases) and published; returns its id and the measure's id.
pub async fn published(app: &TestApp, writer: &Client, owner: i64, period: i64) -> (i64, i64) {
    let id = start(app, writer, owner, period).await;
    assert_eq!(
        save(app, writer, id, 1, COMPLETE).await.status(),
        StatusCode::OK
    );
    let res = change(app, writer, id, 2, "publish", "").await;
    assert_eq!(res.status(), StatusCode::OK, "publish");
    (id, measure_id(&page(app, writer, id).await, 0, 0))
}

fn measure_id(page: &Value, method: usize, measure: usize) -> i64 {
    page["v2mom"]["content"]["methods"][method]["measures"][measure]["id"]
        .as_i64()
        .expect("a measure id")
}

fn check_ins_path(id: i64, measure: i64) -> String {
    format!("/v2moms/{id}/measures/{measure}/check-ins")
}

/// A check-in through the pages' server function, as `who`.
pub async fn check_in_as(
    app: &TestApp,
    who: &Client,
    id: i64,
    measure: i64,
    value: &str,
    status: &str,
) -> reqwest::Response {
    let (id, measure) = (id.to_string(), measure.to_string());
    app.call_as(
        who,
        "v2moms/check_in",
        &[
            ("id", &id),
            ("measure", &measure),
            ("value", value),
            ("status", status),
            ("comment", ""),
        ],
    )
    .await
}

#[tokio::test]
async fn the_owner_checks_in_three_times_and_sees_the_latest_and_the_progress() {
    let app = spawn().await;
    let (manager_id, manager, _, _) = organisation(&app).await;
    let period = current_period(&app).await;
    let (id, measure) = published(&app, &manager, manager_id, period).await;
    let key = api_key(&app, &manager, "read,write").await;

    let before = api(&app, Method::GET, &format!("/v2moms/{id}"), &key)
        .send()
        .await
        .unwrap();
    let before: Value = before.json().await.unwrap();
    let first = &before["content"]["methods"][0]["measures"][0];
    assert_eq!(first["kind"], "number");
    assert_eq!(first["target"], 52.0);
    assert!(first["latest"].is_null() && first["progress"].is_null());
    assert!(before["progress"].is_null(), "no check-in, no progress");

    for (value, status, comment) in [
        (13, "on_track", "First quarter"),
        (20, "at_risk", ""),
        (39, "on_track", "Caught up"),
    ] {
        let res = api(&app, Method::POST, &check_ins_path(id, measure), &key)
            .json(&json!({ "value": value, "status": status, "comment": comment }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::CREATED);
        let made: Value = res.json().await.unwrap();
        assert_eq!(made["value"], f64::from(value));
        assert_eq!(made["status"], status);
        assert_eq!(made["by"]["id"], manager_id);
    }

    let res = api(&app, Method::GET, &check_ins_path(id, measure), &key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let history: Vec<Value> = res.json().await.unwrap();
    let values: Vec<f64> = history
        .iter()
        .map(|c| c["value"].as_f64().unwrap())
        .collect();
    assert_eq!(values, [13.0, 20.0, 39.0], "oldest first");
    assert_eq!(history[0]["comment"], "First quarter");

    let now: Value = api(&app, Method::GET, &format!("/v2moms/{id}"), &key)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let measured = &now["content"]["methods"][0]["measures"][0];
    assert_eq!(measured["latest"]["value"], 39.0);
    assert_eq!(measured["latest"]["status"], "on_track");
    assert_eq!(measured["progress"], 75.0, "39 of 52");
    assert_eq!(now["progress"], 75.0, "one method, one measure");

    let audited = app
        .db
        .audit_rows()
        .await
        .unwrap()
        .into_iter()
        .filter(|row| row.action == "measure.checked_in")
        .count();
    assert_eq!(audited, 3);

    // The page draws the three points and the progress, without JavaScript.
    let html = manager
        .get(app.url(&format!("/v2moms/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(html.matches("<circle").count(), 3, "three points");
    assert!(html.contains("role=\"img\""));
    assert!(
        html.contains("aria-label=\"Overall progress: 75%\""),
        "overall progress shown"
    );
    assert!(html.contains("Check in on"), "the form is offered");
}

#[tokio::test]
async fn an_employee_checks_in_on_their_own_published_v2mom_and_others_may_not() {
    let app = spawn().await;
    let (manager_id, manager, employee_id, employee) = organisation(&app).await;
    let (_, token) = invite(
        &app,
        "pat@acme.example",
        "Pat Peer",
        "employee",
        Some(manager_id),
    )
    .await;
    let peer = accept(&app, &token).await;
    let (_, token) = invite(&app, "una@acme.example", "Una Other", "manager", None).await;
    let unrelated = accept(&app, &token).await;
    let period = current_period(&app).await;
    let (theirs, measure) = published(&app, &manager, employee_id, period).await;
    let (own, own_measure) = published(&app, &manager, manager_id, period).await;

    // The owner, an employee who can edit nothing here, checks in; so may the manager.
    let res = check_in_as(&app, &employee, theirs, measure, "10", "on_track").await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = check_in_as(&app, &manager, theirs, measure, "12", "at_risk").await;
    assert_eq!(res.status(), StatusCode::OK);

    // A peer and an unrelated manager may not read it: 403 on the pages, 404 through the API.
    for outsider in [&peer, &unrelated] {
        let res = check_in_as(&app, outsider, theirs, measure, "52", "on_track").await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
    }
    let key = api_key(&app, &peer, "read,write").await;
    let res = api(&app, Method::POST, &check_ins_path(theirs, measure), &key)
        .json(&json!({ "value": 52, "status": "on_track" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // The employee reads their manager's V2MOM but may not check in on it.
    let res = check_in_as(&app, &employee, own, own_measure, "1", "on_track").await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // A read-only key may read the history, not add to it.
    let key = api_key(&app, &employee, "read").await;
    let res = api(&app, Method::POST, &check_ins_path(theirs, measure), &key)
        .json(&json!({ "value": 52, "status": "on_track" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = api(&app, Method::GET, &check_ins_path(theirs, measure), &key)
        .send()
        .await
        .unwrap();
    let history: Vec<Value> = res.json().await.unwrap();
    assert_eq!(history.len(), 2, "only the owner's and the manager's");
    assert_eq!(history[1]["by"]["id"], manager_id);
}

#[tokio::test]
async fn a_draft_refuses_check_ins() {
    let app = spawn().await;
    let (manager_id, manager, _, _) = organisation(&app).await;
    let period = current_period(&app).await;
    let id = start(&app, &manager, manager_id, period).await;
    assert_eq!(
        save(&app, &manager, id, 1, COMPLETE).await.status(),
        StatusCode::OK
    );
    let measure = measure_id(&page(&app, &manager, id).await, 0, 0);
    let res = check_in_as(&app, &manager, id, measure, "5", "on_track").await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let refused: Value = res.json().await.unwrap();
    assert!(
        refused["reason"]
            .as_str()
            .is_some_and(|r| r.contains("published")),
        "{refused}"
    );
    assert!(
        app.db
            .check_ins_of_measure(measure)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn bad_input_is_422_per_field_and_unknown_measures_404() {
    let app = spawn().await;
    let (manager_id, manager, employee_id, _) = organisation(&app).await;
    let period = current_period(&app).await;
    let (id, measure) = published(&app, &manager, manager_id, period).await;
    let (other, other_measure) = published(&app, &manager, employee_id, period).await;
    let key = api_key(&app, &manager, "read,write").await;

    let res = api(&app, Method::POST, &check_ins_path(id, measure), &key)
        .json(&json!({ "status": "great", "comment": "x".repeat(1001) }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = res.json().await.unwrap();
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["value", "status", "comment"]);

    let res = api(&app, Method::POST, &check_ins_path(id, measure), &key)
        .json(&json!({ "value": 1e13, "status": "on_track" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // A measure of another V2MOM, or none at all, is not found here.
    for path in [
        check_ins_path(id, other_measure),
        check_ins_path(id, 999_999),
    ] {
        let res = api(&app, Method::POST, &path, &key)
            .json(&json!({ "value": 1, "status": "on_track" }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let res = api(&app, Method::GET, &check_ins_path(other, measure), &key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(
        app.db
            .check_ins_of_measure(measure)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn measures_keep_their_id_and_their_check_ins_across_edits() {
    let app = spawn().await;
    let (manager_id, manager, _, _) = organisation(&app).await;
    let period = current_period(&app).await;
    let (id, measure) = published(&app, &manager, manager_id, period).await;
    let res = check_in_as(&app, &manager, id, measure, "26", "on_track").await;
    assert_eq!(res.status(), StatusCode::OK);

    // The editor sends the ids back (hidden inputs); a new measure goes first.
    let current = page(&app, &manager, id).await;
    let method = current["v2mom"]["content"]["methods"][0]["id"].to_string();
    let measure_text = measure.to_string();
    let mut fields: Vec<(&str, &str)> = COMPLETE
        .iter()
        .map(|&(k, v)| (k, v))
        .filter(|(k, _)| !k.starts_with("methods[0][measures]"))
        .collect();
    fields.extend([
        ("methods[0][id]", method.as_str()),
        ("methods[0][measures][0][description]", "Green builds"),
        ("methods[0][measures][0][kind]", "percent"),
        ("methods[0][measures][1][id]", measure_text.as_str()),
        (
            "methods[0][measures][1][description]",
            "Weekly releases, renamed",
        ),
        ("methods[0][measures][1][kind]", "number"),
        ("methods[0][measures][1][target]", "52"),
    ]);
    let res = save(&app, &manager, id, version_of(&current), &fields).await;
    assert_eq!(res.status(), StatusCode::OK);
    // A published V2MOM's edit is an amendment: once it is published in turn, its measures
    // are the publication's, with their ids and check-ins.
    let amended = page(&app, &manager, id).await;
    assert_eq!(
        measure_id(&amended, 0, 0),
        measure,
        "readers still see the publication"
    );
    let res = change(&app, &manager, id, version_of(&amended), "publish", "").await;
    assert_eq!(res.status(), StatusCode::OK, "publish the amendment");
    let edited = page(&app, &manager, id).await;
    assert_eq!(measure_id(&edited, 0, 1), measure, "kept its id");
    assert_ne!(measure_id(&edited, 0, 0), measure);
    let kept = &edited["v2mom"]["content"]["methods"][0]["measures"][1];
    assert_eq!(kept["description"], "Weekly releases, renamed");
    assert_eq!(kept["latest"]["value"], 26.0, "its check-in stayed");
    assert_eq!(kept["progress"], 50.0);
    let percent = &edited["v2mom"]["content"]["methods"][0]["measures"][0];
    assert_eq!(
        (percent["start"].clone(), percent["target"].clone()),
        (json!(0.0), json!(100.0))
    );
    assert_eq!(app.db.check_ins_of_measure(measure).await.unwrap().len(), 1);

    // Removing the measure removes its history.
    let mut fields: Vec<(&str, &str)> = COMPLETE
        .iter()
        .map(|&(k, v)| (k, v))
        .filter(|(k, _)| !k.starts_with("methods[0][measures]"))
        .collect();
    fields.push(("methods[0][id]", method.as_str()));
    let res = save(&app, &manager, id, version_of(&edited), &fields).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        app.db.measure_facts(measure).await.unwrap().is_some(),
        "the publication keeps it until the amendment is published"
    );
    let amended = page(&app, &manager, id).await;
    let res = change(&app, &manager, id, version_of(&amended), "publish", "").await;
    assert_eq!(res.status(), StatusCode::OK, "publish the amendment");
    assert!(app.db.measure_facts(measure).await.unwrap().is_none());
    assert!(
        app.db
            .check_ins_of_measure(measure)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn without_javascript_a_check_in_posts_and_comes_back_to_its_measure() {
    let app = spawn().await;
    let (manager_id, manager, _, _) = organisation(&app).await;
    let period = current_period(&app).await;
    let (id, measure) = published(&app, &manager, manager_id, period).await;
    let (id_text, measure_text) = (id.to_string(), measure.to_string());
    let form = [
        ("id", id_text.as_str()),
        ("measure", measure_text.as_str()),
        ("value", "13"),
        ("status", "at_risk"),
        ("comment", "Slow start"),
    ];
    let back = plain_post(&app, &manager, id, &form).await;
    assert!(
        back.ends_with(&format!("/v2moms/{id}#measure-{measure}")),
        "{back}"
    );
    let stored = app.db.check_ins_of_measure(measure).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].comment, "Slow start");

    // A refused one comes back with the message beside its field.
    let form = [
        ("id", id_text.as_str()),
        ("measure", measure_text.as_str()),
        ("value", ""),
        ("status", "on_track"),
    ];
    let back = plain_post(&app, &manager, id, &form).await;
    let html = manager
        .get(&back)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Enter a number."), "{back}");
    assert_eq!(app.db.check_ins_of_measure(measure).await.unwrap().len(), 1);
}

/// A check-in form posted by a browser without JavaScript from the V2MOM's page; returns
/// where it is sent next.
async fn plain_post(app: &TestApp, who: &Client, id: i64, form: &[(&str, &str)]) -> String {
    let from = format!("/v2moms/{id}");
    let res = app
        .post_plain(who, "/api/v2moms/check_in", &from, form)
        .await;
    assert!(res.status().is_redirection(), "{}", res.status());
    let to = crate::helpers::header(res.headers(), "location");
    if to.starts_with('/') {
        app.url(to)
    } else {
        to.to_owned()
    }
}

/// Rows as they were before measures had kinds: targets and current values as text, one
/// status per measure.
const LEGACY: &str = "
INSERT INTO users (id, email, email_key, display_name, role, created_at, updated_at)
    VALUES (1, 'ada@acme.example', 'ada@acme.example', 'Ada', 'admin', '2026-01-01T00:00:00Z',
        '2026-01-01T00:00:00Z');
INSERT INTO periods (id, name, name_key, starts_on, ends_on, created_at)
    VALUES (1, 'FY2027', 'fy2027', '2027-01-01', '2027-12-31', '2026-01-01T00:00:00Z');
INSERT INTO v2moms (id, owner_id, period_id, status, version, created_by, created_at,
        updated_by, updated_at)
    VALUES (1, 1, 1, 'published', 3, 1, '2026-01-01T00:00:00Z', 1, '2026-02-02T09:30:00Z');
INSERT INTO v2mom_methods (id, v2mom_id, position, title) VALUES (1, 1, 0, 'Grow');
INSERT INTO v2mom_measures (id, method_id, position, description, target, unit, current_value,
        due_on, status) VALUES
    (1, 1, 0, 'Customers', '1,200', 'customers', '300', NULL, 'on_track'),
    (2, 1, 1, 'Launch', 'Launch v2', '', '', NULL, 'done'),
    (3, 1, 2, 'Untouched', '', '', '', NULL, 'not_started'),
    (4, 1, 3, 'Incidents', '-3', '', 'about 2', NULL, 'at_risk'),
    (5, 1, 4, 'Releases', '52', '', '', NULL, 'done');
";

/// The migrations before check-ins, of `all`.
fn before_check_ins(mut all: sqlx::migrate::Migrator) -> sqlx::migrate::Migrator {
    all.migrations = all
        .migrations
        .iter()
        .filter(|m| m.version < 20261204000014)
        .cloned()
        .collect::<Vec<_>>()
        .into();
    all
}

#[tokio::test]
async fn the_migration_keeps_every_target_and_turns_current_values_into_first_check_ins() {
    let database = crate::helpers::TestDatabase::create().await;
    match database.url() {
        None => {
            let file = database.data_dir().join("v2mom.db");
            let url = format!("sqlite://{}?mode=rwc", file.display());
            let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
            let old = before_check_ins(sqlx::migrate!("migrations/sqlite"));
            old.run(&pool).await.unwrap();
            sqlx::raw_sql(LEGACY).execute(&pool).await.unwrap();
            pool.close().await;
        }
        Some(url) => {
            let pool = sqlx::PgPool::connect(&url).await.unwrap();
            let old = before_check_ins(sqlx::migrate!("migrations/postgres"));
            old.run(&pool).await.unwrap();
            sqlx::raw_sql(LEGACY).execute(&pool).await.unwrap();
            pool.close().await;
        }
    }
    // Starting the server applies the rest.
    let app = crate::helpers::spawn_over(database, |_| {}).await;
    let v2mom = app.db.v2mom(1).await.unwrap().unwrap();
    let measures = &v2mom.content.methods[0].measures;
    let shape: Vec<_> = measures
        .iter()
        .map(|m| {
            (
                m.id,
                m.description.as_str(),
                m.kind.as_str(),
                m.start,
                m.target,
                m.direction.as_str(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        [
            (
                Some(1),
                "Customers",
                "number",
                Some(0.0),
                Some(1200.0),
                "up"
            ),
            (
                Some(2),
                "Launch (target: Launch v2)",
                "done",
                None,
                None,
                "up"
            ),
            (Some(3), "Untouched", "done", None, None, "up"),
            (
                Some(4),
                "Incidents",
                "number",
                Some(0.0),
                Some(-3.0),
                "down"
            ),
            (Some(5), "Releases", "number", Some(0.0), Some(52.0), "up"),
        ]
    );
    assert_eq!(measures[0].unit, "customers");

    let first = |measure: i64| {
        let db = app.db.clone();
        async move { db.check_ins_of_measure(measure).await.unwrap() }
    };
    let customers = first(1).await;
    assert_eq!(customers.len(), 1);
    assert_eq!(customers[0].value, 300.0);
    assert_eq!(customers[0].status.as_str(), "on_track");
    assert_eq!(customers[0].by.id, 1, "by the V2MOM's last editor");
    assert_eq!(customers[0].at, "2026-02-02T09:30:00Z", "at its last save");
    assert_eq!(
        customers[0].comment,
        "Carried over from before check-ins: status \"On track\", current value \"300\"."
    );
    let launch = first(2).await;
    assert_eq!(
        (launch[0].value, launch[0].status.as_str()),
        (1.0, "on_track")
    );
    assert!(first(3).await.is_empty(), "nothing to carry over");
    let incidents = first(4).await;
    assert_eq!(
        (incidents[0].value, incidents[0].status.as_str()),
        (0.0, "at_risk")
    );
    assert!(incidents[0].comment.contains("current value \"about 2\""));
    assert_eq!(first(5).await[0].value, 52.0, "done: the target reached");
}

async fn spawn() -> TestApp {
    crate::helpers::spawn_app().await
}
