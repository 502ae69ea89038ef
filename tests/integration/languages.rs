//! The interface's language: the person's own choice, else the browser's, else the
//! installation's default; pages, their `<html lang>` and error messages follow it.

use crate::{
    helpers::{client, spawn_app, spawn_app_with},
    mail::{MailSink, app_mailing_to, invite_alice},
};
use reqwest::{Client, StatusCode};
use serde_json::Value;
use v2mom::i18n::{Lang, text};

/// A browser that asks for `accept_language` on every request.
fn browser(accept_language: &str) -> Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::ACCEPT_LANGUAGE,
        accept_language.parse().unwrap(),
    );
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .build()
        .unwrap()
}

fn shown_in(html: &str, lang: Lang) -> bool {
    html.contains(&format!("<html lang=\"{}\"", lang.code()))
        && html.contains(&text(lang, "skip-to-content"))
}

#[tokio::test]
async fn pages_are_in_the_browsers_language_else_the_installations() {
    let app = spawn_app().await;
    app.set_up().await;
    let german = app
        .html(&browser("de-AT, de;q=0.9, en;q=0.5"), "/login")
        .await;
    assert!(shown_in(&german, Lang::De), "{german}");
    let english = app
        .html(&browser("fr-FR, en-GB;q=0.8, de;q=0.7"), "/login")
        .await;
    assert!(shown_in(&english, Lang::En));
    // None of ours asked for: the installation's default.
    let french = app.html(&browser("fr-FR"), "/login").await;
    assert!(shown_in(&french, Lang::En));

    let app = spawn_app_with(|s| s.default_language = Lang::De).await;
    app.set_up().await;
    assert!(shown_in(&app.html(&client(), "/login").await, Lang::De));
    assert!(shown_in(
        &app.html(&browser("fr"), "/login").await,
        Lang::De
    ));
    assert!(shown_in(
        &app.html(&browser("en-US"), "/login").await,
        Lang::En
    ));
}

#[tokio::test]
async fn a_refused_form_says_why_in_the_pages_language() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    for (lang, accept) in [(Lang::De, "de-DE"), (Lang::En, "en-US")] {
        // A browser without JavaScript: the form post comes back to the sign-in page, which
        // shows the refusal.
        let browser = browser(accept);
        let form = [
            ("email", admin.email.as_str()),
            ("password", "not the password"),
            ("next", "/"),
        ];
        let res = app
            .post_plain(&browser, "/api/login", "/login", &form)
            .await;
        let html = app.page_after(&browser, res).await;
        assert!(shown_in(&html, lang));
        assert!(
            html.contains(&text(lang, "error-bad-credentials")),
            "{html}"
        );
    }
    assert_ne!(
        text(Lang::De, "error-bad-credentials"),
        text(Lang::En, "error-bad-credentials")
    );
}

#[tokio::test]
async fn your_own_choice_wins_over_the_browser_and_is_audited() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let english_browser = browser("en-US");
    let signed_in = app
        .login_with(&english_browser, &admin.email, &admin.password, "/")
        .await;
    assert!(signed_in.status().is_success());
    assert!(shown_in(
        &app.html(&english_browser, "/profile").await,
        Lang::En
    ));

    let chosen = app.call_as(&english_browser, "profile/language", &[]).await;
    assert_eq!(chosen.json::<Value>().await.unwrap(), Value::Null);

    let unknown = app
        .call_as(
            &english_browser,
            "profile/language/set",
            &[("language", "xx")],
        )
        .await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = unknown.json().await.unwrap();
    assert_eq!(body["fields"][0]["field"], "language");
    assert_eq!(
        body["fields"][0]["message"],
        text(Lang::En, "language-unknown")
    );

    let set = app
        .call_as(
            &english_browser,
            "profile/language/set",
            &[("language", "de")],
        )
        .await;
    assert_eq!(set.status(), StatusCode::OK);
    assert!(shown_in(
        &app.html(&english_browser, "/profile").await,
        Lang::De
    ));
    assert!(shown_in(&app.html(&english_browser, "/").await, Lang::De));
    let chosen = app.call_as(&english_browser, "profile/language", &[]).await;
    assert_eq!(chosen.json::<Value>().await.unwrap(), "de");
    // Another of one's sessions follows at once.
    let phone = browser("en");
    app.login_with(&phone, &admin.email, &admin.password, "/")
        .await;
    assert!(shown_in(&app.html(&phone, "/profile").await, Lang::De));

    // Back to the browser's.
    let reset = app
        .call_as(
            &english_browser,
            "profile/language/set",
            &[("language", "")],
        )
        .await;
    assert_eq!(reset.status(), StatusCode::OK);
    assert!(shown_in(
        &app.html(&english_browser, "/profile").await,
        Lang::En
    ));

    let audited: Vec<Value> = app
        .db
        .audit_rows()
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.action == "account.language_changed")
        .map(|r| serde_json::from_str(&r.details).unwrap())
        .collect();
    assert_eq!(audited.len(), 2, "{audited:?}");
    assert_eq!(audited[0]["language"], "de");
    assert_eq!(audited[1]["language"], Value::Null);

    // Nobody signed in may not ask.
    let nobody = app
        .call_as(&client(), "profile/language/set", &[("language", "de")])
        .await;
    assert_eq!(nobody.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_form_without_javascript_comes_back_in_the_new_language() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    let browser = browser("en");
    app.login_with(&browser, &admin.email, &admin.password, "/")
        .await;
    let posted = app
        .post_plain(
            &browser,
            "/api/profile/language/set",
            "/profile",
            &[("language", "de")],
        )
        .await;
    assert!(posted.status().is_redirection(), "{}", posted.status());
    assert!(shown_in(&app.html(&browser, "/profile").await, Lang::De));
}

#[tokio::test]
async fn mails_are_in_the_recipients_language() {
    let sink = MailSink::start().await;
    let app = app_mailing_to(sink.addr).await;
    app.set_up().await;
    let set = app
        .call("profile/language/set", &[("language", "de")])
        .await;
    assert_eq!(set.status(), StatusCode::OK);

    // An invitation goes to someone who has chosen nothing yet: in the inviter's language.
    invite_alice(&app).await;
    let mail = sink.received();
    assert_eq!(mail.len(), 1);
    let text = &mail[0].text;
    assert!(
        text.contains("Subject: Ihre Einladung zu Acme Corp auf v2mom"),
        "{text}"
    );
    assert!(text.contains("Hallo Alice Example,"), "{text}");
}
