//! One rule for every text a person sends, on both backends alike: NUL and other control
//! characters are a field error (PostgreSQL cannot store NUL; it must never become a 500),
//! tab and newline only where text has several lines, line breaks as `\n`, and Unicode
//! normalised (NFC) before lengths are counted and addresses compared.

use crate::{
    helpers::{client, spawn_app},
    people::{PASSWORD, accept, invite, organisation},
    rest::{api, api_key, content},
    v2moms::{current_period, page, save, start, version_of},
};
use reqwest::{Method, StatusCode};
use serde_json::Value;

/// "é" as two code points: `e` and a combining acute accent.
const E_DECOMPOSED: &str = "e\u{301}";

async fn field_error(res: reqwest::Response, field: &str) -> String {
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["kind"], "invalid", "{body}");
    body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == field)
        .unwrap_or_else(|| panic!("no error for {field}: {body}"))["message"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn control_characters_are_a_field_error_and_nothing_is_stored() {
    let app = spawn_app().await;
    let (manager_id, manager, _, _) = organisation(&app).await;
    let period = current_period(&app).await;
    let id = start(&app, &manager, manager_id, period).await;

    for (field, bad) in [
        ("vision", "Ship\0weekly"),
        ("vision", "Bell\u{7}"),
        ("vision", "C1 \u{85} next line"),
        ("title", "Tab\tin a title"),
        ("title", "Two\nlines"),
        ("methods[0][title]", "NUL\0"),
        ("methods[0][measures][0][description]", "\u{1b}[31mred"),
    ] {
        let mut form = vec![(field, bad)];
        if field != "methods[0][title]" {
            form.push(("methods[0][title]", "Automate"));
        }
        if field.contains("measures") {
            form.push(("methods[0][measures][0][target]", "1"));
        }
        let res = save(&app, &manager, id, 1, &form).await;
        let message = field_error(res, field).await;
        assert!(!message.is_empty(), "{field}: {bad:?}");
    }
    assert_eq!(app.db.v2mom(id).await.unwrap().unwrap().version, 1);

    // The same rule through the REST API.
    let key = api_key(&app, &manager, "read,write").await;
    let res = api(&app, Method::PUT, &format!("/v2moms/{id}"), &key)
        .header("if-match", "*")
        .json(&content("Ship\u{0}weekly"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = res.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "vision", "{problem}");
    assert_eq!(app.db.v2mom(id).await.unwrap().unwrap().version, 1);

    // A comment on a returned V2MOM has several lines; NUL is still refused there.
    let res = app
        .call_as(
            &manager,
            "v2moms/status",
            &[
                ("id", &id.to_string()),
                ("version", "1"),
                ("change", "archive"),
                ("comment", "done\0"),
            ],
        )
        .await;
    field_error(res, "comment").await;
}

#[tokio::test]
async fn text_of_several_lines_keeps_tabs_and_newlines_with_line_breaks_as_lf() {
    let app = spawn_app().await;
    let (manager_id, manager, _, _) = organisation(&app).await;
    let period = current_period(&app).await;
    let id = start(&app, &manager, manager_id, period).await;

    let res = save(
        &app,
        &manager,
        id,
        1,
        &[
            ("vision", "First line\r\n\tindented\rlast"),
            ("methods[0][title]", "Automate"),
            ("methods[0][description]", "a\r\nb"),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let shown = page(&app, &manager, id).await;
    assert_eq!(version_of(&shown), 2);
    let content = &shown["v2mom"]["content"];
    assert_eq!(content["vision"], "First line\n\tindented\nlast");
    assert_eq!(content["methods"][0]["description"], "a\nb");
}

#[tokio::test]
async fn text_is_stored_in_nfc_and_its_length_counted_there() {
    let app = spawn_app().await;
    let (manager_id, manager, _, _) = organisation(&app).await;
    let period = current_period(&app).await;
    let id = start(&app, &manager, manager_id, period).await;

    // 200 characters as a person reads them, 400 code points as typed: within the limit.
    let title = E_DECOMPOSED.repeat(200);
    let res = save(
        &app,
        &manager,
        id,
        1,
        &[("title", &title), ("methods[0][title]", "Caf\u{65}\u{301}")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let shown = page(&app, &manager, id).await;
    let content = &shown["v2mom"]["content"];
    assert_eq!(content["title"], "\u{e9}".repeat(200));
    assert_eq!(content["methods"][0]["title"], "Caf\u{e9}");
    // One more is over it.
    let res = save(
        &app,
        &manager,
        id,
        2,
        &[("title", &E_DECOMPOSED.repeat(201))],
    )
    .await;
    assert_eq!(
        field_error(res, "title").await,
        "Use at most 200 characters."
    );
}

#[tokio::test]
async fn an_address_is_one_address_however_its_accents_were_typed() {
    let app = spawn_app().await;
    app.set_up().await;
    let decomposed = format!("jos{E_DECOMPOSED}@acme.example");
    let composed = "jos\u{e9}@acme.example";
    let (_, token) = invite(
        &app,
        &decomposed,
        &format!("Jos{E_DECOMPOSED}"),
        "employee",
        None,
    )
    .await;
    let person = accept(&app, &token).await;
    assert_eq!(app.who_is(&person).await.as_deref(), Some(composed));

    // Inviting the same address typed the other way is inviting the same person.
    let res = app
        .call(
            "users/invite",
            &[
                ("email", composed),
                ("name", "Another"),
                ("role", "employee"),
                ("manager", ""),
                ("function", ""),
                ("job_title", ""),
            ],
        )
        .await;
    field_error(res, "email").await;
    // And signing in works typed either way.
    for typed in [composed, decomposed.as_str()] {
        let res = app.login_with(&client(), typed, PASSWORD, "/").await;
        assert_eq!(res.status(), StatusCode::OK, "{typed:?}");
    }
}

#[tokio::test]
async fn searches_sign_in_and_names_refuse_what_no_text_could_hold() {
    let app = spawn_app().await;
    let (manager_id, manager, _, _) = organisation(&app).await;

    let res = app
        .login_with(&client(), "a\0@acme.example", "x", "/")
        .await;
    field_error(res, "email").await;
    let res = app.call("users", &[("query", "a\0b"), ("page", "1")]).await;
    field_error(res, "q").await;
    let res = app
        .call(
            "audit",
            &[
                ("actor", "\0"),
                ("action", ""),
                ("from", ""),
                ("to", ""),
                ("page", "1"),
            ],
        )
        .await;
    field_error(res, "actor").await;
    let res = app
        .call(
            "periods/create",
            &[
                ("name", "FY\u{0}2027"),
                ("starts_on", "2027-02-01"),
                ("ends_on", "2028-01-31"),
            ],
        )
        .await;
    field_error(res, "name").await;
    let id = manager_id.to_string();
    let res = app
        .call(
            "users/update",
            &[
                ("id", &id),
                ("role", "manager"),
                ("manager", ""),
                ("function", "R\0D"),
                ("job_title", ""),
            ],
        )
        .await;
    field_error(res, "function").await;

    let key = api_key(&app, &manager, "read").await;
    let res = api(&app, Method::GET, "/v2moms?q=a%00b", &key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = res.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "q", "{problem}");

    // A provider's short name with NUL is no provider: the sign-in page says so.
    let res = client()
        .get(app.url("/auth/sso/a%00b/callback?code=x&state=y"))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection(), "{}", res.status());
}
