//! Published means frozen: changing a published V2MOM is an amendment its readers do not
//! see until it is published again (directly, or through review when its owner wrote it);
//! discarding one leaves the publication.

use crate::{
    helpers::{TestApp, spawn_app, spawn_app_with},
    people::{accept, invite, organisation},
    rest::{api, api_key, content},
    v2moms::{COMPLETE, change, current_period, page, save, start, version_of},
};
use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};

/// `COMPLETE` with another vision: the amendment's text.
pub fn amended(vision: &'static str) -> Vec<(&'static str, &'static str)> {
    COMPLETE
        .iter()
        .map(|&(k, v)| (k, if k == "vision" { vision } else { v }))
        .collect()
}

/// `owner`'s V2MOM written and published by `manager`; its id.
pub async fn published(app: &TestApp, manager: &Client, owner: i64, period: i64) -> i64 {
    let id = start(app, manager, owner, period).await;
    assert_eq!(
        save(app, manager, id, 1, COMPLETE).await.status(),
        StatusCode::OK
    );
    let res = change(app, manager, id, 2, "publish", "").await;
    assert_eq!(res.status(), StatusCode::OK, "publish");
    id
}

pub async fn status_of(app: &TestApp, who: &Client, id: i64, to: &str) -> StatusCode {
    let version = version_of(&page(app, who, id).await);
    change(app, who, id, version, to, "").await.status()
}

pub async fn audited(app: &TestApp, action: &str) -> Vec<Value> {
    app.db
        .audit_rows()
        .await
        .unwrap()
        .into_iter()
        .filter(|row| row.action == action)
        .map(|row| serde_json::from_str(&row.details).unwrap())
        .collect()
}

pub async fn html(app: &TestApp, who: &Client, path: &str) -> String {
    let res = who.get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    res.text().await.unwrap()
}

#[tokio::test]
async fn readers_keep_the_publication_while_a_manager_amends_and_republishes_it() {
    let app = spawn_app().await;
    let (manager_id, manager, employee_id, employee) = organisation(&app).await;
    let period = current_period(&app).await;
    let id = published(&app, &manager, manager_id, period).await;
    // The report's V2MOM aligns to the manager's method.
    let method = page(&app, &manager, id).await["v2mom"]["content"]["methods"][0]["id"]
        .as_i64()
        .unwrap();
    let theirs = start(&app, &manager, employee_id, period).await;
    let method_text = method.to_string();
    let mut aligned = COMPLETE.to_vec();
    aligned.push(("methods[0][aligned_to]", &method_text));
    let method_field = ("methods[0][id]", method_text.as_str());
    assert_eq!(
        save(&app, &manager, theirs, 1, &aligned).await.status(),
        StatusCode::OK
    );

    // The manager amends their published V2MOM (keeping the method it is aligned to).
    let before = page(&app, &manager, id).await;
    let published_revision = before["v2mom"]["published_revision"].as_i64().unwrap();
    let mut fields = amended("Every team ships daily.");
    fields.push(method_field);
    let res = save(&app, &manager, id, version_of(&before), &fields).await;
    assert_eq!(res.status(), StatusCode::OK);
    let seen = page(&app, &manager, id).await;
    assert_eq!(seen["v2mom"]["status"], "published");
    assert_eq!(
        seen["v2mom"]["content"]["vision"], "Every team ships weekly.",
        "the V2MOM itself is the publication"
    );
    assert_eq!(seen["v2mom"]["amendment"]["status"], "draft");
    assert_eq!(
        seen["v2mom"]["amendment"]["content"]["vision"],
        "Every team ships daily."
    );
    assert_eq!(
        seen["v2mom"]["amendment"]["content"]["methods"][0]["id"],
        method
    );
    assert_eq!(seen["changes"], json!(["submit", "publish", "archive"]));
    let editor_view = html(&app, &manager, &format!("/v2moms/{id}")).await;
    assert!(
        editor_view
            .contains("You are amending this V2MOM: readers still see the published version.")
    );
    assert!(editor_view.contains("Every team ships daily."));
    assert!(editor_view.contains("Discard the amendment"));

    // The report (a reader) still sees the publication, in the page, the API and the HTML.
    let read = page(&app, &employee, id).await;
    assert_eq!(
        read["v2mom"]["content"]["vision"],
        "Every team ships weekly."
    );
    assert!(read["v2mom"]["amendment"].is_null());
    assert!(read["v2mom"]["amended_at"].is_null());
    let reader_view = html(&app, &employee, &format!("/v2moms/{id}")).await;
    assert!(reader_view.contains("Every team ships weekly."));
    assert!(!reader_view.contains("ships daily"));
    assert!(!reader_view.contains("You are amending"));
    let key = api_key(&app, &employee, "read").await;
    let res = api(&app, Method::GET, &format!("/v2moms/{id}"), &key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["content"]["vision"], "Every team ships weekly.");
    assert!(body["amendment"].is_null());
    // Nor do the revisions the reader may list show the amendment's saves.
    let res = app
        .call_as(&employee, "v2moms/revisions", &[("id", &id.to_string())])
        .await;
    let revisions: Vec<Value> = res.json().await.unwrap();
    assert_eq!(revisions.len(), 1, "{revisions:?}");
    assert_eq!(revisions[0]["number"], published_revision);
    let res = app
        .call_as(
            &employee,
            "v2moms/revision",
            &[
                ("id", &id.to_string()),
                ("number", &version_of(&seen).to_string()),
            ],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::NOT_FOUND,
        "an amendment's revision"
    );

    // Republished directly: readers see the new text, when it was amended, and the diff.
    assert_eq!(
        status_of(&app, &manager, id, "publish").await,
        StatusCode::OK
    );
    let read = page(&app, &employee, id).await;
    assert_eq!(
        read["v2mom"]["content"]["vision"],
        "Every team ships daily."
    );
    assert_eq!(read["v2mom"]["status"], "published");
    assert!(read["v2mom"]["amendment"].is_null());
    assert!(read["v2mom"]["amended_at"].is_string());
    assert_eq!(
        read["v2mom"]["previous_published_revision"],
        published_revision
    );
    let now_published = read["v2mom"]["published_revision"].as_i64().unwrap();
    assert!(now_published > published_revision);
    assert!(page(&app, &manager, id).await["v2mom"]["amendment"].is_null());
    let reader_view = html(&app, &employee, &format!("/v2moms/{id}")).await;
    assert!(reader_view.contains("Amended on "), "{reader_view}");
    let diff = format!("/v2moms/{id}/history?a={published_revision}&amp;b={now_published}");
    assert!(reader_view.contains(&diff), "links to {diff}");
    let history = html(
        &app,
        &employee,
        &format!("/v2moms/{id}/history?a={published_revision}&b={now_published}"),
    )
    .await;
    assert!(history.contains("<del>weekly.</del>"), "{history}");
    assert!(history.contains("<ins>daily.</ins>"), "{history}");
    let res = app
        .call_as(&employee, "v2moms/revisions", &[("id", &id.to_string())])
        .await;
    let revisions: Vec<Value> = res.json().await.unwrap();
    let numbers: Vec<i64> = revisions
        .iter()
        .map(|r| r["number"].as_i64().unwrap())
        .collect();
    assert_eq!(numbers, vec![now_published, published_revision]);

    // The method kept its id, so the report's alignment survived the new publication.
    assert_eq!(
        page(&app, &manager, theirs).await["v2mom"]["content"]["methods"][0]["aligned_to"],
        method
    );
    let saves = audited(&app, "v2mom.amended").await;
    assert_eq!(saves.len(), 1);
    assert_eq!(saves[0]["started"], true);
    assert!(
        audited(&app, "v2mom.status_changed")
            .await
            .iter()
            .any(|d| d["amendment"] == true && d["to"] == "published")
    );
}

#[tokio::test]
async fn an_owner_written_amendment_goes_through_review() {
    use v2mom::server::policy::Visibility;
    let app = spawn_app_with(|s| s.v2mom_visibility = Visibility::Company).await;
    let (_, manager, employee_id, employee) = organisation(&app).await;
    let (_, token) = invite(&app, "olga@acme.example", "Olga Other", "employee", None).await;
    let outsider = accept(&app, &token).await;
    let period = current_period(&app).await;
    let id = published(&app, &manager, employee_id, period).await;

    // The owner amends their own published V2MOM; they may submit it, not publish it.
    let seen = page(&app, &employee, id).await;
    assert_eq!(seen["can_edit"], true, "an owner may amend");
    let fields = amended("Learn the platform in a month.");
    let res = save(&app, &employee, id, version_of(&seen), &fields).await;
    assert_eq!(res.status(), StatusCode::OK);
    let seen = page(&app, &employee, id).await;
    assert_eq!(seen["changes"], json!(["submit"]));
    assert_eq!(
        status_of(&app, &employee, id, "publish").await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        status_of(&app, &employee, id, "submit").await,
        StatusCode::OK
    );
    // In review it is locked for the owner, who still sees it.
    let seen = page(&app, &employee, id).await;
    assert_eq!(seen["v2mom"]["amendment"]["status"], "in_review");
    assert_eq!(seen["can_edit"], false);
    let res = save(&app, &employee, id, version_of(&seen), &fields).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // Someone who only reads it sees the publication all along.
    let read = page(&app, &outsider, id).await;
    assert_eq!(
        read["v2mom"]["content"]["vision"],
        "Every team ships weekly."
    );
    assert!(read["v2mom"]["amendment"].is_null());

    // The manager returns it with a comment, the owner submits again, the manager approves.
    let version = version_of(&page(&app, &manager, id).await);
    let res = change(&app, &manager, id, version, "return", "Say by when.").await;
    assert_eq!(res.status(), StatusCode::OK);
    let seen = page(&app, &employee, id).await;
    assert_eq!(seen["v2mom"]["amendment"]["status"], "draft");
    assert_eq!(seen["v2mom"]["amendment"]["review_comment"], "Say by when.");
    assert_eq!(
        seen["v2mom"]["review_comment"], "",
        "the publication has none"
    );
    assert_eq!(seen["v2mom"]["status"], "published");
    assert_eq!(
        status_of(&app, &employee, id, "submit").await,
        StatusCode::OK
    );
    assert_eq!(
        status_of(&app, &manager, id, "approve").await,
        StatusCode::OK
    );

    let read = page(&app, &outsider, id).await;
    assert_eq!(
        read["v2mom"]["content"]["vision"],
        "Learn the platform in a month."
    );
    assert!(read["v2mom"]["amended_at"].is_string());
    assert!(page(&app, &employee, id).await["v2mom"]["amendment"].is_null());
    // The revisions readers may list: the two publications.
    let res = app
        .call_as(&outsider, "v2moms/revisions", &[("id", &id.to_string())])
        .await;
    let revisions: Vec<Value> = res.json().await.unwrap();
    assert_eq!(revisions.len(), 2, "{revisions:?}");
    assert!(revisions.iter().all(|r| r["status"] == "published"));
    // The owner and managers see the amendment's saves too, marked as such.
    let res = app
        .call_as(&manager, "v2moms/revisions", &[("id", &id.to_string())])
        .await;
    let revisions: Vec<Value> = res.json().await.unwrap();
    assert!(revisions.iter().any(|r| r["amendment"] == true));
}

#[tokio::test]
async fn discarding_an_amendment_leaves_the_publication_and_saves_check_the_version() {
    let app = spawn_app().await;
    let (manager_id, manager, _, employee) = organisation(&app).await;
    let period = current_period(&app).await;
    let id = published(&app, &manager, manager_id, period).await;
    let before = app.db.v2mom(id).await.unwrap().unwrap();

    // Two saves from the same version: one amends, the other is told someone saved first.
    let version = before.version;
    let first = save(&app, &manager, id, version, &amended("First")).await;
    let second = save(&app, &manager, id, version, &amended("Second")).await;
    assert_eq!(first.status(), StatusCode::OK);
    assert_eq!(second.status(), StatusCode::CONFLICT);
    let seen = page(&app, &manager, id).await;
    assert_eq!(seen["v2mom"]["amendment"]["content"]["vision"], "First");
    let version = version_of(&seen);

    // A reader may not discard it; a stale version is a conflict; then it goes.
    let discard = |who: &Client, version: i64| {
        let (app, who) = (&app, who.clone());
        async move {
            app.call_as(
                &who,
                "v2moms/discard_amendment",
                &[("id", &id.to_string()), ("version", &version.to_string())],
            )
            .await
            .status()
        }
    };
    assert_eq!(discard(&employee, version).await, StatusCode::FORBIDDEN);
    assert_eq!(discard(&manager, version - 1).await, StatusCode::CONFLICT);
    assert_eq!(discard(&manager, version).await, StatusCode::OK);
    let seen = page(&app, &manager, id).await;
    assert!(seen["v2mom"]["amendment"].is_null());
    assert!(seen["v2mom"]["amended_at"].is_null());
    let after = app.db.v2mom(id).await.unwrap().unwrap();
    assert_eq!(
        after.content, before.content,
        "the publication is untouched"
    );
    assert_eq!(after.published_revision, before.published_revision);
    assert_eq!(after.updated_at, before.updated_at);
    assert_eq!(
        discard(&manager, version_of(&seen)).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(audited(&app, "v2mom.amendment_discarded").await.len(), 1);

    // The same through the API: PUT amends, DELETE …/amendment discards with If-Match.
    let key = api_key(&app, &manager, "read,write").await;
    let path = format!("/v2moms/{id}");
    let etag = format!("\"{}\"", version_of(&seen));
    let res = api(&app, Method::PUT, &path, &key)
        .header("if-match", &etag)
        .json(&content("Amended through the API"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let etag = res.headers()["etag"].to_str().unwrap().to_owned();
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["content"]["vision"], "Every team ships weekly.");
    assert_eq!(
        body["amendment"]["content"]["vision"],
        "Amended through the API"
    );
    let amendment = format!("{path}/amendment");
    let res = api(&app, Method::DELETE, &amendment, &key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PRECONDITION_REQUIRED);
    let res = api(&app, Method::DELETE, &amendment, &key)
        .header("if-match", "\"1\"")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PRECONDITION_FAILED);
    let res = api(&app, Method::DELETE, &amendment, &key)
        .header("if-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    assert!(body["amendment"].is_null());
    assert_eq!(body["content"]["vision"], "Every team ships weekly.");
}
