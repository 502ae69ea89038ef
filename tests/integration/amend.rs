//! Published means frozen: changing a published V2MOM is an amendment its readers do not
//! see until it is published again (directly, or through review when its owner wrote it);
//! discarding one leaves the publication; archived V2MOMs are read-only for everyone; closing
//! a period archives all of its V2MOMs. Also: starting a V2MOM from the manager's or from
//! last period's.

use crate::{
    helpers::{TestApp, spawn_app, spawn_app_with},
    people::{accept, invite, organisation},
    rest::{api, api_key, content},
    v2moms::{COMPLETE, change, current_period, page, save, start, version_of},
};
use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};

/// `COMPLETE` with another vision: the amendment's text.
fn amended(vision: &'static str) -> Vec<(&'static str, &'static str)> {
    COMPLETE
        .iter()
        .map(|&(k, v)| (k, if k == "vision" { vision } else { v }))
        .collect()
}

/// `owner`'s V2MOM written and published by `manager`; its id.
async fn published(app: &TestApp, manager: &Client, owner: i64, period: i64) -> i64 {
    let id = start(app, manager, owner, period).await;
    assert_eq!(
        save(app, manager, id, 1, COMPLETE).await.status(),
        StatusCode::OK
    );
    let res = change(app, manager, id, 2, "publish", "").await;
    assert_eq!(res.status(), StatusCode::OK, "publish");
    id
}

async fn status_of(app: &TestApp, who: &Client, id: i64, to: &str) -> StatusCode {
    let version = version_of(&page(app, who, id).await);
    change(app, who, id, version, to, "").await.status()
}

async fn audited(app: &TestApp, action: &str) -> Vec<Value> {
    app.db
        .audit_rows()
        .await
        .unwrap()
        .into_iter()
        .filter(|row| row.action == action)
        .map(|row| serde_json::from_str(&row.details).unwrap())
        .collect()
}

async fn html(app: &TestApp, who: &Client, path: &str) -> String {
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

#[tokio::test]
async fn archived_v2moms_are_read_only_for_everyone_administrators_too() {
    let app = spawn_app().await;
    let (manager_id, manager, _, _) = organisation(&app).await;
    let period = current_period(&app).await;
    let id = published(&app, &manager, manager_id, period).await;
    // An amendment in progress ends with the archiving.
    let version = version_of(&page(&app, &manager, id).await);
    save(&app, &manager, id, version, &amended("Never published")).await;
    assert_eq!(
        status_of(&app, &manager, id, "archive").await,
        StatusCode::OK
    );
    let before = app.db.v2mom(id).await.unwrap().unwrap();
    assert_eq!(before.content.vision, "Every team ships weekly.");

    for who in [&manager, &app.client] {
        let seen = page(&app, who, id).await;
        assert_eq!(seen["v2mom"]["status"], "archived");
        assert_eq!(seen["can_edit"], false);
        assert!(seen["v2mom"]["amendment"].is_null());
        let res = save(&app, who, id, version_of(&seen), COMPLETE).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let res = who
            .get(app.url(&format!("/v2moms/{id}/edit")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        for to in ["publish", "archive", "submit"] {
            assert_ne!(status_of(&app, who, id, to).await, StatusCode::OK, "{to}");
        }
    }
    assert_eq!(app.db.v2mom(id).await.unwrap().unwrap(), before);
}

#[tokio::test]
async fn closing_a_period_archives_every_v2mom_of_it_and_is_for_administrators() {
    let app = spawn_app().await;
    let (manager_id, manager, employee_id, employee) = organisation(&app).await;
    let period = current_period(&app).await;
    let draft = start(&app, &manager, manager_id, period).await;
    let amending = published(&app, &manager, employee_id, period).await;
    let version = version_of(&page(&app, &manager, amending).await);
    save(
        &app,
        &manager,
        amending,
        version,
        &amended("Never published"),
    )
    .await;
    let period_text = period.to_string();

    // Managers and employees may not, on the pages or the API; nothing changes.
    for who in [&manager, &employee] {
        let res = app
            .call_as(who, "periods/close", &[("id", &period_text)])
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
    }
    let key = api_key(&app, &manager, "read,write").await;
    let res = api(
        &app,
        Method::POST,
        &format!("/periods/{period}/close"),
        &key,
    )
    .send()
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        page(&app, &manager, draft).await["v2mom"]["status"],
        "draft"
    );

    // The administrator closes it from the periods page, without JavaScript: a link to a
    // confirmation, whose form posts; all archived in one go, the amendment dropped.
    let admin = &app.client;
    let periods = html(&app, admin, "/admin/periods").await;
    let confirm = format!("/admin/periods?close={period}");
    assert!(
        periods.contains(&format!("href=\"{confirm}\"")),
        "{periods}"
    );
    assert!(
        !periods.contains("and archive its V2MOMs"),
        "no confirmation yet"
    );
    let confirmation = html(&app, admin, &confirm).await;
    assert!(confirmation.contains("Close FY2027?"), "{confirmation}");
    assert!(confirmation.contains("Close FY2027 and archive its V2MOMs"));
    let res = admin
        .post(app.url("/api/periods/close"))
        .header("accept", "text/html")
        .header("origin", app.url(""))
        .header("referer", app.url(&confirm))
        .form(&[("id", period_text.as_str())])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection(), "{}", res.status());
    let back = crate::helpers::header(res.headers(), "location").to_owned();
    assert_eq!(back, format!("/admin/periods?closed={period}&archived=2"));
    let done = html(&app, admin, &back).await;
    assert!(
        done.contains("Period closed: 2 V2MOM(s) archived."),
        "{done}"
    );
    for id in [draft, amending] {
        let seen = page(&app, &app.client, id).await;
        assert_eq!(seen["v2mom"]["status"], "archived", "{id}");
        assert!(seen["v2mom"]["amendment"].is_null());
    }
    assert_eq!(
        app.db
            .v2mom(amending)
            .await
            .unwrap()
            .unwrap()
            .content
            .vision,
        "Every team ships weekly."
    );
    let archived: Vec<Value> = audited(&app, "v2mom.status_changed")
        .await
        .into_iter()
        .filter(|d| d["period_closed"] == period)
        .collect();
    assert_eq!(archived.len(), 2);
    let closes = audited(&app, "period.closed").await;
    assert_eq!(closes, vec![json!({ "archived": 2 })]);

    // Again, through the API with an administrator's key: nothing left to archive.
    let admin_key = api_key(&app, &app.client, "read,write,admin").await;
    let res = api(
        &app,
        Method::POST,
        &format!("/periods/{period}/close"),
        &admin_key,
    )
    .send()
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let closed: Value = res.json().await.unwrap();
    assert_eq!(closed["archived"], 0);
    let res = api(&app, Method::POST, "/periods/999999/close", &admin_key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

/// Adds the period "FY2026", before the current one, as the signed-in admin; its id.
async fn earlier_period(app: &TestApp) -> i64 {
    let res = app
        .call(
            "periods/create",
            &[
                ("name", "FY2026"),
                ("starts_on", "2026-02-01"),
                ("ends_on", "2027-01-31"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
}

async fn start_from(app: &TestApp, who: &Client, owner: i64, period: i64, from: &str) -> i64 {
    let res = app
        .call_as(
            who,
            "v2moms/start",
            &[
                ("owner", &owner.to_string()),
                ("period", &period.to_string()),
                ("from", from),
            ],
        )
        .await;
    assert!(
        res.status().is_success() || res.status().is_redirection(),
        "start from {from}: {}",
        res.status()
    );
    app.db
        .v2mom_of(owner, period)
        .await
        .unwrap()
        .expect("the V2MOM exists")
        .id
}

#[tokio::test]
async fn a_v2mom_starts_from_the_managers_vision_and_values() {
    let app = spawn_app().await;
    let (manager_id, manager, employee_id, employee) = organisation(&app).await;
    let period = current_period(&app).await;
    let managers = published(&app, &manager, manager_id, period).await;
    // An amendment in progress is not what the report copies: the publication is.
    let version = version_of(&page(&app, &manager, managers).await);
    save(
        &app,
        &manager,
        managers,
        version,
        &amended("Not yet published"),
    )
    .await;

    let id = start_from(&app, &employee, employee_id, period, "manager").await;
    let copied = page(&app, &employee, id).await["v2mom"]["content"].clone();
    let source = app.db.v2mom(managers).await.unwrap().unwrap().content;
    assert_eq!(copied["vision"], "Every team ships weekly.");
    assert_eq!(
        copied["values"],
        serde_json::to_value(&source.values).unwrap()
    );
    assert_eq!(copied["values"][0]["name"], "Trust");
    assert_eq!(copied["title"], "", "the title is the owner's own");
    assert_eq!(copied["methods"], json!([]), "methods are the owner's own");
}

#[tokio::test]
async fn a_v2mom_clones_last_periods_with_new_methods_aligned_to_nothing() {
    let app = spawn_app().await;
    let (manager_id, manager, employee_id, _) = organisation(&app).await;
    let earlier = earlier_period(&app).await;
    let period = current_period(&app).await;
    // Last period: the manager's V2MOM, and the report's aligned to it.
    let managers = published(&app, &manager, manager_id, earlier).await;
    let target = app
        .db
        .v2mom(managers)
        .await
        .unwrap()
        .unwrap()
        .content
        .methods[0]
        .id
        .unwrap()
        .to_string();
    let last = start(&app, &manager, employee_id, earlier).await;
    let mut fields = COMPLETE.to_vec();
    fields.push(("methods[0][aligned_to]", &target));
    assert_eq!(
        save(&app, &manager, last, 1, &fields).await.status(),
        StatusCode::OK
    );
    let old = app.db.v2mom(last).await.unwrap().unwrap().content;

    let id = start_from(&app, &manager, employee_id, period, "previous").await;
    assert_ne!(id, last);
    let cloned = app.db.v2mom(id).await.unwrap().unwrap();
    assert_eq!(cloned.period.id, period);
    assert_eq!(cloned.status.as_str(), "draft");
    let new = cloned.content;
    assert_eq!(
        (&new.title, &new.vision, &new.values),
        (&old.title, &old.vision, &old.values)
    );
    assert_eq!(new.methods.len(), old.methods.len());
    for (new, old) in new.methods.iter().zip(&old.methods) {
        assert_eq!(
            (&new.title, &new.description, &new.obstacles, &new.measures),
            (&old.title, &old.description, &old.obstacles, &old.measures)
        );
        assert!(new.id.is_some() && new.id != old.id, "a new method");
        assert_eq!(new.aligned_to, None, "aligned to nothing yet");
    }
    assert!(
        old.methods[0].aligned_to.is_some(),
        "last period's stays aligned"
    );
}
