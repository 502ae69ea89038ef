//! User administration: invitations, the reporting line, its invariants, and who may do it.

use crate::helpers::{TestApp, client, spawn_app};
use reqwest::{Client, StatusCode};
use serde_json::Value;

pub const PASSWORD: &str = "orbit velvet canyon 77";

/// Invites someone as the signed-in admin; returns their id and the token from the link.
pub async fn invite(
    app: &TestApp,
    email: &str,
    name: &str,
    role: &str,
    manager: Option<i64>,
) -> (i64, String) {
    let manager = manager.map(|m| m.to_string()).unwrap_or_default();
    let res = app
        .call(
            "users/invite",
            &[
                ("email", email),
                ("name", name),
                ("role", role),
                ("manager", &manager),
                ("function", "Engineering"),
                ("job_title", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK, "invite {email}");
    let sent: Value = res.json().await.unwrap();
    let link = sent["link"].as_str().unwrap();
    assert!(
        link.starts_with(&format!("http://{}/invite/", app.addr)),
        "{link}"
    );
    let token = link.rsplit('/').next().unwrap().to_owned();
    (sent["user_id"].as_i64().unwrap(), token)
}

/// Accepts an invitation in a fresh browser; returns that (now signed-in) client.
pub async fn accept(app: &TestApp, token: &str) -> Client {
    let browser = client();
    let res = app
        .call_as(
            &browser,
            "invitation/accept",
            &[("token", token), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK, "accept");
    browser
}

/// An organisation: the admin (id 1), a manager and an employee reporting to the manager.
pub async fn organisation(app: &TestApp) -> (i64, Client, i64, Client) {
    app.set_up().await;
    let (manager_id, token) = invite(app, "max@acme.example", "Max Manager", "manager", None).await;
    let manager = accept(app, &token).await;
    let (employee_id, token) = invite(
        app,
        "eve@acme.example",
        "Eve Employee",
        "employee",
        Some(manager_id),
    )
    .await;
    let employee = accept(app, &token).await;
    (manager_id, manager, employee_id, employee)
}

#[tokio::test]
async fn an_invitation_is_a_single_use_link_that_signs_the_person_in() {
    let app = spawn_app().await;
    app.set_up().await;
    let (id, token) = invite(&app, "new@acme.example", "New Person", "employee", None).await;

    let page = app.get(&format!("/invite/{token}")).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("Welcome, New Person"));
    // Until accepted there is no password, so no way in.
    let res = app
        .login_with(&client(), "new@acme.example", PASSWORD, "/")
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    let browser = accept(&app, &token).await;
    assert_eq!(
        app.who_is(&browser).await.as_deref(),
        Some("new@acme.example")
    );
    let again = app
        .call_as(
            &client(),
            "invitation/accept",
            &[("token", &token), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND, "a used link is dead");
    assert_eq!(
        app.get(&format!("/invite/{token}")).await.status(),
        StatusCode::NOT_FOUND
    );
    let summary = app.db.user_summary(id).await.unwrap().unwrap();
    assert_eq!(summary.function, "Engineering");
}

#[tokio::test]
async fn expired_replaced_and_made_up_links_are_refused_alike() {
    let app = spawn_app().await;
    app.set_up().await;
    let (_, first) = invite(&app, "a@acme.example", "A", "employee", None).await;
    let (_, second) = invite(&app, "b@acme.example", "B", "employee", None).await;
    app.execute("UPDATE invitations SET expires_at = created_at")
        .await;
    for token in [first.as_str(), second.as_str(), "0000", "not-even-hex"] {
        let res = app
            .call_as(
                &client(),
                "invitation/accept",
                &[("token", token), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{token}");
    }
}

#[tokio::test]
async fn the_same_email_cannot_be_invited_twice() {
    let app = spawn_app().await;
    app.set_up().await;
    invite(&app, "dup@acme.example", "Dup", "employee", None).await;
    let res = app
        .call(
            "users/invite",
            &[
                ("email", "DUP@acme.example"),
                ("name", "Dup 2"),
                ("role", "employee"),
                ("manager", ""),
                ("function", ""),
                ("job_title", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["fields"][0]["field"], "email");
}

#[tokio::test]
async fn a_manager_sees_their_team_as_a_tree() {
    let app = spawn_app().await;
    let (manager_id, manager, _, _) = organisation(&app).await;
    let (_, token) = invite(&app, "deep@acme.example", "Deep Report", "employee", None).await;
    accept(&app, &token).await;
    let deep = app
        .db
        .user_by_email("deep@acme.example")
        .await
        .unwrap()
        .unwrap();
    let eve = app
        .db
        .user_by_email("eve@acme.example")
        .await
        .unwrap()
        .unwrap();
    let res = app
        .call(
            "users/update",
            &[
                ("id", &deep.id.to_string()),
                ("role", "employee"),
                ("manager", &eve.id.to_string()),
                ("function", ""),
                ("job_title", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);

    let res = app.call_as(&manager, "team", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let team: Value = res.json().await.unwrap();
    let rows: Vec<(String, u64)> = team
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["person"]["display_name"].as_str().unwrap().to_owned(),
                m["depth"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("Eve Employee".to_owned(), 1),
            ("Deep Report".to_owned(), 2)
        ]
    );
    let page = manager.get(app.url("/team")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("Eve Employee"));
    let _ = manager_id;
}

#[tokio::test]
async fn people_administration_is_for_administrators_only() {
    let app = spawn_app().await;
    let (manager_id, manager, employee_id, employee) = organisation(&app).await;
    let before = app.db.user_summary(manager_id).await.unwrap().unwrap();
    let forbidden: [(&str, Vec<(&str, String)>); 6] = [
        (
            "users",
            vec![("query", String::new()), ("page", "1".into())],
        ),
        ("users/get", vec![("id", manager_id.to_string())]),
        ("users/managers", vec![]),
        (
            "users/invite",
            vec![
                ("email", "x@acme.example".into()),
                ("name", "X".into()),
                ("role", "admin".into()),
                ("manager", String::new()),
                ("function", String::new()),
                ("job_title", String::new()),
            ],
        ),
        (
            "users/update",
            vec![
                ("id", manager_id.to_string()),
                ("role", "employee".into()),
                ("manager", String::new()),
                ("function", String::new()),
                ("job_title", String::new()),
            ],
        ),
        (
            "users/status",
            vec![("id", manager_id.to_string()), ("active", "false".into())],
        ),
    ];
    for (who, browser) in [("employee", &employee), ("manager", &manager)] {
        for (endpoint, form) in &forbidden {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let res = app.call_as(browser, endpoint, &form).await;
            assert_eq!(res.status(), StatusCode::FORBIDDEN, "{who} {endpoint}");
        }
    }
    for (endpoint, _) in &forbidden {
        let res = app.call_as(&client(), endpoint, &[]).await;
        assert!(
            matches!(
                res.status(),
                StatusCode::UNAUTHORIZED | StatusCode::BAD_REQUEST
            ),
            "anonymous {endpoint}: {}",
            res.status()
        );
    }
    // The employee may not see a team either, and the admin page says 403.
    assert_eq!(
        app.call_as(&employee, "team", &[]).await.status(),
        StatusCode::FORBIDDEN
    );
    let page = employee.get(app.url("/admin/people")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::FORBIDDEN);
    assert!(page.text().await.unwrap().contains("Not allowed"));
    // Nothing changed.
    assert_eq!(
        app.db.user_summary(manager_id).await.unwrap().unwrap(),
        before
    );
    assert!(
        app.db
            .user_by_email("x@acme.example")
            .await
            .unwrap()
            .is_none()
    );
    let _ = employee_id;
}

#[tokio::test]
async fn the_reporting_line_never_loops() {
    let app = spawn_app().await;
    let (manager_id, _, employee_id, _) = organisation(&app).await;
    for new_manager in [employee_id, manager_id] {
        let res = app
            .call(
                "users/update",
                &[
                    ("id", &manager_id.to_string()),
                    ("role", "manager"),
                    ("manager", &new_manager.to_string()),
                    ("function", ""),
                    ("job_title", ""),
                ],
            )
            .await;
        assert_eq!(
            res.status(),
            StatusCode::CONFLICT,
            "manager under {new_manager}"
        );
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["kind"], "refused");
    }
    assert_eq!(
        app.db
            .user_by_id(manager_id)
            .await
            .unwrap()
            .unwrap()
            .manager_id,
        None
    );
}

#[tokio::test]
async fn the_last_active_administrator_stays_one() {
    let app = spawn_app().await;
    let (manager_id, _, _, _) = organisation(&app).await;
    let admin = app
        .db
        .user_by_email("ada@acme.example")
        .await
        .unwrap()
        .unwrap();
    let demote = [
        ("id", admin.id.to_string()),
        ("role", "manager".to_owned()),
        ("manager", String::new()),
        ("function", String::new()),
        ("job_title", String::new()),
    ];
    let demote: Vec<(&str, &str)> = demote.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        app.call("users/update", &demote).await.status(),
        StatusCode::CONFLICT
    );
    let disable = [("id", admin.id.to_string()), ("active", "false".to_owned())];
    let disable: Vec<(&str, &str)> = disable.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        app.call("users/status", &disable).await.status(),
        StatusCode::CONFLICT
    );

    // With a second administrator, the first may step down.
    let promote = [
        ("id", manager_id.to_string()),
        ("role", "admin".to_owned()),
        ("manager", String::new()),
        ("function", String::new()),
        ("job_title", String::new()),
    ];
    let promote: Vec<(&str, &str)> = promote.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        app.call("users/update", &promote).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        app.call("users/update", &demote).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        app.who_is(&app.client).await,
        None,
        "a change of role ends the sessions"
    );
}

#[tokio::test]
async fn disabling_someone_signs_them_out_at_once() {
    let app = spawn_app().await;
    let (_, _, employee_id, employee) = organisation(&app).await;
    assert!(app.who_is(&employee).await.is_some());
    let res = app
        .call(
            "users/status",
            &[("id", &employee_id.to_string()), ("active", "false")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(app.who_is(&employee).await, None);
    let res = app
        .login_with(&client(), "eve@acme.example", PASSWORD, "/")
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    let res = app
        .call(
            "users/status",
            &[("id", &employee_id.to_string()), ("active", "true")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app
        .login_with(&client(), "eve@acme.example", PASSWORD, "/")
        .await;
    assert!(res.status().is_success());

    let actions: Vec<String> = app
        .db
        .audit_rows()
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.action)
        .collect();
    for expected in [
        "user.invited",
        "invitation.accepted",
        "user.disabled",
        "user.enabled",
    ] {
        assert!(
            actions.iter().any(|a| a == expected),
            "{expected} missing from {actions:?}"
        );
    }
}

#[tokio::test]
async fn the_people_list_searches_and_pages() {
    let app = spawn_app().await;
    let (_, _, _, _) = organisation(&app).await;
    let res = app.call("users", &[("query", "EVE"), ("page", "1")]).await;
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["total"], 1);
    assert_eq!(body["users"][0]["display_name"], "Eve Employee");
    assert_eq!(body["users"][0]["manager_name"], "Max Manager");
    assert_eq!(body["users"][0]["status"], "active");
    // LIKE wildcards in the query are taken literally.
    let res = app.call("users", &[("query", "%"), ("page", "1")]).await;
    assert_eq!(res.json::<Value>().await.unwrap()["total"], 0);
    let page = app.get("/admin/people?q=max").await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("1 person found") && html.contains("Max Manager"),
        "{html}"
    );
}

#[tokio::test]
async fn a_new_invitation_link_replaces_the_old_one_for_people_who_have_not_accepted() {
    let app = spawn_app().await;
    let (manager_id, manager, employee_id, _) = organisation(&app).await;
    let (id, old_token) = invite(&app, "late@acme.example", "Late Larry", "employee", None).await;

    let res = app.call("users/reinvite", &[("id", &id.to_string())]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let sent: Value = res.json().await.unwrap();
    let new_token = sent["link"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    assert_ne!(new_token, old_token);
    let old = app.get(&format!("/invite/{old_token}")).await;
    assert_eq!(old.status(), StatusCode::NOT_FOUND, "the old link is dead");
    accept(&app, &new_token).await;

    // Someone who has a password already, or a non-admin asking: refused, nothing changes.
    let res = app
        .call("users/reinvite", &[("id", &employee_id.to_string())])
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let res = app
        .call_as(
            &manager,
            "users/reinvite",
            &[("id", &manager_id.to_string())],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let audited = app.db.audit_rows().await.unwrap();
    assert_eq!(
        audited
            .iter()
            .filter(|r| r.action == "user.reinvited")
            .count(),
        1
    );
}
