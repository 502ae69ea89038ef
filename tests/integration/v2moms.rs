//! V2MOMs through the real server functions: the story of one from start to publishing,
//! who may do what (403s that change nothing), no lost update under concurrency,
//! validation per field, and text shown as text.

use crate::{
    helpers::{TestApp, client, spawn_app, spawn_app_with},
    people::{accept, invite, organisation},
};
use reqwest::{Client, StatusCode};
use serde_json::Value;

const SCRIPT: &str = "</title></textarea><script>alert('x')</script><b>bold</b>";

/// Adds the current period "FY2027" as the signed-in admin; returns its id.
pub async fn current_period(app: &TestApp) -> i64 {
    let res = app
        .call(
            "periods/create",
            &[
                ("name", "FY2027"),
                ("starts_on", "2027-02-01"),
                ("ends_on", "2028-01-31"),
                ("current", "on"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK, "create period");
    let period: Value = res.json().await.unwrap();
    assert_eq!(period["is_current"], true);
    period["id"].as_i64().unwrap()
}

/// Adds the period after it, "FY2028" (not the current one), as the signed-in admin;
/// returns its id.
pub async fn next_period(app: &TestApp) -> i64 {
    let res = app
        .call(
            "periods/create",
            &[
                ("name", "FY2028"),
                ("starts_on", "2028-02-01"),
                ("ends_on", "2029-01-31"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK, "create the next period");
    let period: Value = res.json().await.unwrap();
    period["id"].as_i64().unwrap()
}

/// Starts `owner`'s V2MOM as `as_who`; returns its id.
pub async fn start(app: &TestApp, as_who: &Client, owner: i64, period: i64) -> i64 {
    let res = app
        .call_as(
            as_who,
            "v2moms/start",
            &[
                ("owner", &owner.to_string()),
                ("period", &period.to_string()),
            ],
        )
        .await;
    assert!(
        res.status().is_success() || res.status().is_redirection(),
        "start: {}",
        res.status()
    );
    app.db
        .v2mom_of(owner, period)
        .await
        .unwrap()
        .expect("the V2MOM exists")
        .id
}

async fn get(app: &TestApp, as_who: &Client, id: i64) -> Response {
    app.call_as(as_who, "v2moms/get", &[("id", &id.to_string())])
        .await
}

type Response = reqwest::Response;

/// Who calls which server function with which form.
type Call<'a> = (&'a Client, &'static str, Vec<(&'static str, String)>);

pub async fn page(app: &TestApp, as_who: &Client, id: i64) -> Value {
    let res = get(app, as_who, id).await;
    assert_eq!(res.status(), StatusCode::OK, "get {id}");
    res.json().await.unwrap()
}

/// Saves `fields` (form names such as `methods[0][title]`) over version `version`.
pub async fn save(
    app: &TestApp,
    as_who: &Client,
    id: i64,
    version: i64,
    fields: &[(&str, &str)],
) -> Response {
    let (id, version) = (id.to_string(), version.to_string());
    let mut form = vec![("id", id.as_str()), ("version", version.as_str())];
    form.extend_from_slice(fields);
    app.call_as(as_who, "v2moms/save", &form).await
}

pub async fn change(
    app: &TestApp,
    as_who: &Client,
    id: i64,
    version: i64,
    change: &str,
    comment: &str,
) -> Response {
    let (id, version) = (id.to_string(), version.to_string());
    app.call_as(
        as_who,
        "v2moms/status",
        &[
            ("id", &id),
            ("version", &version),
            ("change", change),
            ("comment", comment),
        ],
    )
    .await
}

pub const COMPLETE: &[(&str, &str)] = &[
    ("title", "Grow the platform"),
    ("vision", "Every team ships weekly."),
    ("values[0][name]", "Trust"),
    ("values[0][description]", "We keep our word."),
    ("methods[0][title]", "Automate releases"),
    ("methods[0][description]", "One button."),
    ("methods[0][obstacles][0]", "Legacy scripts"),
    ("methods[0][measures][0][description]", "Weekly releases"),
    ("methods[0][measures][0][kind]", "number"),
    ("methods[0][measures][0][start]", "0"),
    ("methods[0][measures][0][target]", "52"),
    ("methods[0][measures][0][unit]", "releases"),
    ("methods[0][measures][0][direction]", "up"),
    ("methods[0][measures][0][due_on]", "2028-01-31"),
];

pub fn version_of(page: &Value) -> i64 {
    page["v2mom"]["version"].as_i64().unwrap()
}

#[tokio::test]
async fn a_manager_writes_aligns_and_publishes_a_v2mom_for_their_report() {
    let app = spawn_app().await;
    let (manager_id, manager, employee_id, employee) = organisation(&app).await;
    let period = current_period(&app).await;

    // The manager's own V2MOM, with one method to align to.
    let own = start(&app, &manager, manager_id, period).await;
    let res = save(&app, &manager, own, 1, COMPLETE).await;
    assert_eq!(res.status(), StatusCode::OK);
    let own_page = page(&app, &manager, own).await;
    let target = own_page["v2mom"]["content"]["methods"][0]["id"]
        .as_i64()
        .unwrap();
    let res = change(&app, &manager, own, version_of(&own_page), "publish", "").await;
    assert_eq!(res.status(), StatusCode::OK, "publish own");

    // The report's V2MOM, written by the manager and aligned to the manager's method.
    let theirs = start(&app, &manager, employee_id, period).await;
    let target_text = target.to_string();
    let mut fields = COMPLETE.to_vec();
    fields.push(("methods[0][aligned_to]", &target_text));
    let res = save(&app, &manager, theirs, 1, &fields).await;
    assert_eq!(res.status(), StatusCode::OK);
    let saved: Value = res.json().await.unwrap();
    assert_eq!(saved["version"], 2);
    let res = change(&app, &manager, theirs, 2, "publish", "").await;
    assert_eq!(res.status(), StatusCode::OK);

    // The employee reads it, aligned to the manager's method. They may not change the
    // publication: their save is an amendment (see amend.rs), which they cannot publish.
    let seen = page(&app, &employee, theirs).await;
    assert_eq!(seen["v2mom"]["status"], "published");
    assert_eq!(seen["v2mom"]["published_revision"], 3);
    assert_eq!(seen["changes"], serde_json::json!([]));
    assert_eq!(
        seen["v2mom"]["content"]["methods"][0]["measures"][0]["target"],
        52.0
    );
    assert_eq!(seen["aligned_to"][0][1]["method_id"], target);
    let res = change(&app, &employee, theirs, 3, "publish", "").await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // The manager's method shows what aligns to it.
    let own_page = page(&app, &manager, own).await;
    assert_eq!(own_page["aligned_from"][0][1]["v2mom_id"], theirs);

    // Every version has its revision; the employee sees only the published one of their
    // manager's (the drafts stay with the owner and the managers above).
    assert_eq!(app.db.revisions(theirs).await.unwrap().len(), 3);
    assert_eq!(app.db.revisions(own).await.unwrap().len(), 3);
    let res = app
        .call_as(&employee, "v2moms/revisions", &[("id", &own.to_string())])
        .await;
    let visible: Vec<Value> = res.json().await.unwrap();
    assert_eq!(visible.len(), 1, "drafts stay with the owner and managers");
    let home: Value = app
        .call_as(&employee, "v2moms/home", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(home["mine"]["id"], theirs);
    assert_eq!(home["chain"][0]["id"], own);

    let actions = app
        .db
        .audit_rows()
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.action)
        .collect::<Vec<_>>();
    for action in ["v2mom.created", "v2mom.saved", "v2mom.status_changed"] {
        assert!(actions.iter().any(|a| a == action), "{action} audited");
    }
}

#[tokio::test]
async fn an_employee_submits_and_the_manager_returns_then_approves() {
    let app = spawn_app().await;
    let (_, manager, employee_id, employee) = organisation(&app).await;
    let period = current_period(&app).await;
    let id = start(&app, &employee, employee_id, period).await;
    assert_eq!(
        save(&app, &employee, id, 1, COMPLETE).await.status(),
        StatusCode::OK
    );

    // An employee cannot publish their own; they submit it.
    let res = change(&app, &employee, id, 2, "publish", "").await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        change(&app, &employee, id, 2, "submit", "").await.status(),
        StatusCode::OK
    );
    // In review it is locked for the owner.
    let res = save(&app, &employee, id, 3, COMPLETE).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // Returning needs a comment, which the owner then sees.
    let res = change(&app, &manager, id, 3, "return", " ").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["fields"][0]["field"], "comment");
    let res = change(&app, &manager, id, 3, "return", "Add a measure for hiring.").await;
    assert_eq!(res.status(), StatusCode::OK);
    let seen = page(&app, &employee, id).await;
    assert_eq!(seen["v2mom"]["status"], "draft");
    assert_eq!(seen["v2mom"]["review_comment"], "Add a measure for hiring.");
    assert_eq!(seen["can_edit"], true);

    assert_eq!(
        change(&app, &employee, id, 4, "submit", "").await.status(),
        StatusCode::OK
    );
    assert_eq!(
        change(&app, &manager, id, 5, "approve", "").await.status(),
        StatusCode::OK
    );
    let seen = page(&app, &employee, id).await;
    assert_eq!(seen["v2mom"]["status"], "published");
    assert_eq!(seen["v2mom"]["review_comment"], "");
    // A move that does not apply from here is refused with a reason.
    let res = change(&app, &manager, id, 6, "approve", "").await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
}

#[tokio::test]
async fn forbidden_calls_get_403_and_change_nothing() {
    let app = spawn_app().await;
    let (manager_id, manager, employee_id, employee) = organisation(&app).await;
    let period = current_period(&app).await;
    // A second employee outside the manager's team.
    let (_, token) = invite(&app, "olga@acme.example", "Olga Other", "employee", None).await;
    let outsider = accept(&app, &token).await;

    let managers = start(&app, &manager, manager_id, period).await;
    let employees = start(&app, &employee, employee_id, period).await;
    let before = app.db.v2mom(managers).await.unwrap();

    // Drafts: nobody else reads them.
    assert_eq!(
        get(&app, &employee, managers).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        get(&app, &outsider, employees).await.status(),
        StatusCode::FORBIDDEN
    );
    // The manager reads the report's draft.
    assert_eq!(
        get(&app, &manager, employees).await.status(),
        StatusCode::OK
    );

    let forbidden: Vec<Call> = vec![
        (
            &outsider,
            "v2moms/discard_unsaved",
            vec![("id", employees.to_string())],
        ),
        (
            &employee,
            "v2moms/save",
            vec![
                ("id", managers.to_string()),
                ("version", "1".into()),
                ("vision", "mine now".into()),
            ],
        ),
        (
            &outsider,
            "v2moms/save",
            vec![
                ("id", employees.to_string()),
                ("version", "1".into()),
                ("vision", "mine now".into()),
            ],
        ),
        (
            &employee,
            "v2moms/status",
            vec![
                ("id", managers.to_string()),
                ("version", "1".into()),
                ("change", "archive".into()),
            ],
        ),
        (
            &employee,
            "v2moms/start",
            vec![
                ("owner", manager_id.to_string()),
                ("period", period.to_string()),
            ],
        ),
        (
            &outsider,
            "v2moms/start",
            vec![
                ("owner", employee_id.to_string()),
                ("period", period.to_string()),
            ],
        ),
        (&employee, "v2moms/edit", vec![("id", managers.to_string())]),
        (
            &employee,
            "v2moms/revisions",
            vec![("id", managers.to_string())],
        ),
        (&employee, "v2moms/view", vec![("id", managers.to_string())]),
        (
            &employee,
            "v2moms/revision",
            vec![("id", managers.to_string()), ("number", "1".into())],
        ),
        (
            &manager,
            "periods/create",
            vec![
                ("name", "FY2099".into()),
                ("starts_on", "2099-01-01".into()),
                ("ends_on", "2099-12-31".into()),
            ],
        ),
        (
            &employee,
            "periods/current",
            vec![("id", period.to_string())],
        ),
        (&manager, "periods/manage", vec![]),
    ];
    for (who, endpoint, form) in &forbidden {
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let res = app.call_as(who, endpoint, &form).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{endpoint} {form:?}");
    }
    let nobody = client();
    for endpoint in ["v2moms/get", "v2moms/view"] {
        let res = app
            .call_as(&nobody, endpoint, &[("id", &managers.to_string())])
            .await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{endpoint}");
    }

    assert_eq!(
        app.db.v2mom(managers).await.unwrap(),
        before,
        "nothing changed"
    );
    assert_eq!(
        app.db
            .v2mom_of(manager_id, period)
            .await
            .unwrap()
            .map(|h| h.id),
        Some(managers)
    );
    assert_eq!(app.db.periods().await.unwrap().len(), 1);
}

#[tokio::test]
async fn thirty_two_saves_from_one_version_one_wins_and_each_win_has_its_revision() {
    let app = spawn_app().await;
    let (manager_id, manager, _, _) = organisation(&app).await;
    let period = current_period(&app).await;
    let id = start(&app, &manager, manager_id, period).await;

    let saves = (0..32).map(|n| {
        let (app, manager) = (&app, &manager);
        async move {
            let vision = format!("Vision number {n}");
            save(app, manager, id, 1, &[("vision", &vision)])
                .await
                .status()
        }
    });
    let statuses = futures_util::future::join_all(saves).await;
    let won = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    let lost = statuses
        .iter()
        .filter(|s| **s == StatusCode::CONFLICT)
        .count();
    assert_eq!((won, lost), (1, 31), "{statuses:?}");
    let v2mom = app.db.v2mom(id).await.unwrap().unwrap();
    assert_eq!(v2mom.version, 2);
    let revisions = app.db.revisions(id).await.unwrap();
    assert_eq!(revisions.len(), 2);
    let latest = app.db.revision(id, 2).await.unwrap().unwrap();
    assert_eq!(latest.content.vision, v2mom.content.vision);
}

#[tokio::test]
async fn every_rule_answers_per_field_with_4xx() {
    let app = spawn_app().await;
    let (manager_id, manager, _, _) = organisation(&app).await;
    let period = current_period(&app).await;
    let id = start(&app, &manager, manager_id, period).await;
    let long = "x".repeat(5000);
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (vec![("title", &long)], "title"),
        (vec![("vision", &long)], "vision"),
        (
            vec![("values[0][description]", "no name")],
            "values[0][name]",
        ),
        (
            vec![("methods[0][description]", "no title")],
            "methods[0][title]",
        ),
        (
            vec![
                ("methods[0][title]", "M"),
                ("methods[0][measures][0][description]", "D"),
                ("methods[0][measures][0][unit]", "%"),
                ("methods[0][measures][0][target]", "lots"),
            ],
            "methods[0][measures][0][target]",
        ),
        (
            vec![
                ("methods[0][title]", "M"),
                ("methods[0][measures][0][description]", "D"),
                ("methods[0][measures][0][kind]", "done"),
                ("methods[0][measures][0][due_on]", "2027-02-30"),
            ],
            "methods[0][measures][0][due_on]",
        ),
        (
            vec![
                ("methods[0][title]", "M"),
                ("methods[0][aligned_to]", "999999"),
            ],
            "methods[0][aligned_to]",
        ),
    ];
    for (fields, field) in cases {
        let res = save(&app, &manager, id, 1, &fields).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        let body: Value = res.json().await.unwrap();
        let named: Vec<&str> = body["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["field"].as_str().unwrap())
            .collect();
        assert_eq!(named, vec![field]);
    }
    // Publishing needs a vision and a method.
    let res = change(&app, &manager, id, 1, "publish", "").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    let named: Vec<&str> = body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(named, vec!["vision", "methods"]);
    // Nonsense is a 400, never a 500.
    let res = save(&app, &manager, id, 1, &[("op", "explode:now")]).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        app.db.v2mom(id).await.unwrap().unwrap().version,
        1,
        "nothing saved"
    );
}

#[tokio::test]
async fn text_is_kept_as_typed_and_shown_as_text() {
    let app = spawn_app().await;
    let (manager_id, manager, _, _) = organisation(&app).await;
    let period = current_period(&app).await;
    let id = start(&app, &manager, manager_id, period).await;
    let fields = [
        ("title", SCRIPT),
        ("vision", SCRIPT),
        ("values[0][name]", SCRIPT),
        ("values[0][description]", SCRIPT),
        ("methods[0][title]", SCRIPT),
        ("methods[0][description]", SCRIPT),
        ("methods[0][obstacles][0]", SCRIPT),
        ("methods[0][measures][0][description]", SCRIPT),
        ("methods[0][measures][0][target]", "10"),
        ("methods[0][measures][0][unit]", SCRIPT),
    ];
    assert_eq!(
        save(&app, &manager, id, 1, &fields).await.status(),
        StatusCode::OK
    );
    let stored = app.db.v2mom(id).await.unwrap().unwrap();
    assert_eq!(stored.content.vision, SCRIPT, "stored as typed");

    for path in [format!("/v2moms/{id}"), format!("/v2moms/{id}/edit")] {
        let res = manager.get(app.url(&path)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let html = res.text().await.unwrap();
        assert!(
            !html.contains("<script>alert"),
            "{path} runs no injected script"
        );
        assert!(!html.contains("<b>bold"), "{path} adds no injected tags");
        assert!(
            html.contains("&lt;script&gt;alert"),
            "{path} shows the text"
        );
    }
}

#[tokio::test]
async fn lists_hold_only_what_the_reader_may_open() {
    use v2mom::server::policy::Visibility;
    for (visibility, outsider_sees) in [(Visibility::Chain, 0), (Visibility::Company, 1)] {
        let app = spawn_app_with(|s| s.v2mom_visibility = visibility).await;
        let (manager_id, manager, employee_id, employee) = organisation(&app).await;
        let period = current_period(&app).await;
        let (_, token) = invite(&app, "olga@acme.example", "Olga Other", "employee", None).await;
        let outsider = accept(&app, &token).await;

        let published = start(&app, &manager, employee_id, period).await;
        save(&app, &manager, published, 1, COMPLETE).await;
        change(&app, &manager, published, 2, "publish", "").await;
        start(&app, &manager, manager_id, period).await; // a draft

        let count = |who: &Client| {
            let who = who.clone();
            let app = &app;
            async move {
                let res = app.call_as(&who, "v2moms", &[]).await;
                assert_eq!(res.status(), StatusCode::OK);
                let list: Value = res.json().await.unwrap();
                list["total"].as_i64().unwrap()
            }
        };
        assert_eq!(
            count(&manager).await,
            2,
            "{visibility:?}: own draft and the report's"
        );
        assert_eq!(
            count(&employee).await,
            1,
            "{visibility:?}: own, not the manager's draft"
        );
        assert_eq!(count(&outsider).await, outsider_sees, "{visibility:?}");
        assert_eq!(
            count(&app.client).await,
            2,
            "{visibility:?}: the admin sees all"
        );

        let res = app
            .call_as(
                &manager,
                "v2moms",
                &[("query[text]", "platform"), ("query[status]", "published")],
            )
            .await;
        let list: Value = res.json().await.unwrap();
        assert_eq!(list["total"], 1, "{visibility:?}: filtered");
        let manager_text = manager_id.to_string();
        let res = app
            .call_as(
                &app.client,
                "v2moms",
                &[("query[manager]", manager_text.as_str())],
            )
            .await;
        let list: Value = res.json().await.unwrap();
        assert_eq!(list["total"], 1, "{visibility:?}: the manager's team");
        assert_eq!(list["items"][0]["manager"]["id"], manager_id);
        let res = app
            .call_as(
                &app.client,
                "v2moms",
                &[("query[owner]", manager_text.as_str())],
            )
            .await;
        let list: Value = res.json().await.unwrap();
        assert_eq!(list["total"], 1, "{visibility:?}: one owner");
        assert_eq!(list["items"][0]["owner"]["id"], manager_id);
    }
}

#[tokio::test]
async fn the_alignment_tree_shows_people_under_their_managers_as_far_as_the_reader_may_see() {
    let app = spawn_app().await;
    let (manager_id, manager, employee_id, employee) = organisation(&app).await;
    let period = current_period(&app).await;
    let (_, token) = invite(&app, "olga@acme.example", "Olga Other", "employee", None).await;
    let outsider = accept(&app, &token).await;
    let own = start(&app, &manager, manager_id, period).await;
    save(&app, &manager, own, 1, COMPLETE).await;
    change(&app, &manager, own, 2, "publish", "").await;
    let theirs = start(&app, &manager, employee_id, period).await;
    let own_method = app.db.v2mom(own).await.unwrap().unwrap().content.methods[0]
        .id
        .unwrap();
    let aligned = own_method.to_string();
    let mut fields = COMPLETE.to_vec();
    fields.push(("methods[0][aligned_to]", &aligned));
    save(&app, &manager, theirs, 1, &fields).await;

    let tree = |who: Client| {
        let app = &app;
        async move {
            let res = app.call_as(&who, "v2moms/alignment", &[]).await;
            assert_eq!(res.status(), StatusCode::OK);
            let view: Value = res.json().await.unwrap();
            view["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| {
                    (
                        n["person"]["name"].as_str().unwrap().to_owned(),
                        n["depth"].as_u64().unwrap(),
                        n["v2mom"][1].as_str().unwrap_or("-").to_owned(),
                        n["aligned_methods"].as_i64().unwrap(),
                    )
                })
                .collect::<Vec<_>>()
        }
    };
    let row = |name: &str, depth, status: &str, aligned| {
        (name.to_owned(), depth, status.to_owned(), aligned)
    };
    // The manager sees themselves, their report's draft (aligned) beneath them.
    assert_eq!(
        tree(manager.clone()).await,
        vec![
            row("Max Manager", 0, "published", 0),
            row("Eve Employee", 1, "draft", 1)
        ]
    );
    // The employee sees their manager's published V2MOM and their own draft.
    assert_eq!(
        tree(employee.clone()).await,
        vec![
            row("Max Manager", 0, "published", 0),
            row("Eve Employee", 1, "draft", 1)
        ]
    );
    // Someone outside the chain sees only themselves.
    assert_eq!(tree(outsider).await, vec![row("Olga Other", 0, "-", 0)]);
}

/// What a browser without JavaScript sends from the editor: a form post that accepts HTML.
async fn plain_post(
    app: &TestApp,
    as_who: &Client,
    endpoint: &str,
    id: i64,
    form: &[(&str, &str)],
) -> String {
    let (path, from) = (format!("/api/{endpoint}"), format!("/v2moms/{id}/edit"));
    let res = app.post_plain(as_who, &path, &from, form).await;
    assert!(
        res.status().is_redirection(),
        "{endpoint}: {}",
        res.status()
    );
    let to = crate::helpers::header(res.headers(), "location");
    if to.starts_with('/') {
        app.url(to)
    } else {
        to.to_owned()
    }
}

#[tokio::test]
async fn without_javascript_a_refused_save_comes_back_with_the_text_typed() {
    let app = spawn_app().await;
    let (manager_id, manager, _, _) = organisation(&app).await;
    let period = current_period(&app).await;
    let id = start(&app, &manager, manager_id, period).await;
    let (id_text, version) = (
        id.to_string(),
        version_of(&page(&app, &manager, id).await).to_string(),
    );
    let mut form = vec![("id", id_text.as_str()), ("version", version.as_str())];
    form.extend_from_slice(COMPLETE);
    let refused: Vec<_> = form
        .iter()
        .map(|&(k, v)| {
            (
                k,
                if k.ends_with("[due_on]") {
                    "2027-02-30"
                } else {
                    v
                },
            )
        })
        .collect();

    let back = plain_post(&app, &manager, "v2moms/save", id, &refused).await;
    assert!(back.contains(&format!("/v2moms/{id}/edit")), "{back}");
    let editor = manager
        .get(&back)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        editor.contains("Your changes were not saved yet"),
        "{editor}"
    );
    assert!(editor.contains("Every team ships weekly."));
    assert!(editor.contains("Enter a date as YYYY-MM-DD."));
    assert!(editor.contains("value=\"2027-02-30\""));
    // Nothing was stored, and only this editor offers the text back.
    let stored = page(&app, &manager, id).await;
    assert_eq!(stored["v2mom"]["content"]["vision"], "");
    assert_eq!(version_of(&stored).to_string(), version);

    // "Discard my changes" brings back what is stored.
    plain_post(
        &app,
        &manager,
        "v2moms/discard_unsaved",
        id,
        &[("id", &id_text)],
    )
    .await;
    assert!(page(&app, &manager, id).await["unsaved"].is_null());
    let editor = manager
        .get(&back)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!editor.contains("Every team ships weekly."));

    // Refused again, then corrected: the save goes through and nothing is left over.
    plain_post(&app, &manager, "v2moms/save", id, &refused).await;
    assert!(!page(&app, &manager, id).await["unsaved"].is_null());
    let done = plain_post(&app, &manager, "v2moms/save", id, &form).await;
    assert!(done.ends_with(&format!("/v2moms/{id}")), "{done}");
    let stored = page(&app, &manager, id).await;
    assert!(stored["unsaved"].is_null());
    assert_eq!(
        stored["v2mom"]["content"]["vision"],
        "Every team ships weekly."
    );
}
