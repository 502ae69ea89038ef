//! A visitor's page has an ETag and comes back as a 304, with the CSP nonce its stored copy
//! carries; personal pages keep a fresh nonce each time and no ETag.

use crate::helpers::{TestApp, client, header, spawn_app};
use reqwest::{Client, Response, StatusCode};

/// The nonce a response's Content-Security-Policy allows.
fn csp_nonce(res: &Response) -> String {
    let csp = header(res.headers(), "content-security-policy");
    let start = csp.find("'nonce-").expect("a nonce") + "'nonce-".len();
    csp[start..].split('\'').next().unwrap().to_owned()
}

async fn visit(app: &TestApp, visitor: &Client, path: &str, headers: &[(&str, &str)]) -> Response {
    let mut req = visitor.get(app.url(path));
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    req.send().await.unwrap()
}

/// The ETag, the policy's nonce and the page of an answer.
async fn read(res: Response) -> (String, String, String) {
    assert_eq!(res.status(), StatusCode::OK);
    let etag = header(res.headers(), "etag").to_owned();
    let nonce = csp_nonce(&res);
    (etag, nonce, res.text().await.unwrap())
}

#[tokio::test]
async fn a_visitors_page_is_the_same_each_time_and_a_browser_revalidates_it() {
    let app = spawn_app().await;
    app.set_up().await;
    let visitor = client();
    let (etag, nonce, page) = read(visit(&app, &visitor, "/login", &[]).await).await;
    assert!(etag.starts_with("W/\""), "{etag}");
    assert!(
        page.contains(&format!("nonce=\"{nonce}\"")),
        "the page's scripts carry the nonce the policy allows"
    );
    let again = read(visit(&app, &visitor, "/login", &[]).await).await;
    assert_eq!(again, (etag.clone(), nonce.clone(), page), "byte for byte");

    let unchanged = visit(&app, &visitor, "/login", &[("if-none-match", &etag)]).await;
    assert_eq!(unchanged.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(header(unchanged.headers(), "etag"), etag);
    assert_eq!(
        csp_nonce(&unchanged),
        nonce,
        "the stored copy's scripts stay allowed"
    );
    assert!(unchanged.text().await.unwrap().is_empty());

    let other = visit(&app, &visitor, "/login", &[("if-none-match", "W/\"0\"")]).await;
    assert_eq!(
        other.status(),
        StatusCode::OK,
        "another version is sent whole"
    );
}

#[tokio::test]
async fn another_page_or_language_has_another_etag_and_nonce() {
    let app = spawn_app().await;
    app.set_up().await;
    let visitor = client();
    let english = read(visit(&app, &visitor, "/login", &[]).await).await;
    let german = visit(&app, &visitor, "/login", &[("accept-language", "de")]).await;
    assert!(header(german.headers(), "vary").contains("accept-language"));
    let german = read(german).await;
    assert_ne!(english.0, german.0);
    assert_ne!(english.1, german.1);
    let elsewhere = read(visit(&app, &visitor, "/login?next=%2Fteam", &[]).await).await;
    assert_ne!(english.0, elsewhere.0);
    assert_ne!(english.1, elsewhere.1);
}

#[tokio::test]
async fn a_nonce_planted_in_a_page_is_not_the_pages_nonce() {
    let app = spawn_app().await;
    app.set_up().await;
    let visitor = client();
    let (_, seen, _) = read(visit(&app, &visitor, "/login", &[]).await).await;
    // The sign-in page writes `next` into its form: a visitor can put text of their own there.
    let planted = format!("/login?next=%22%3E%3Cscript%20nonce%3D%22{seen}%22%3E");
    let (_, nonce, page) = read(visit(&app, &visitor, &planted, &[]).await).await;
    assert!(page.contains(&seen), "the text is in the page");
    assert_ne!(nonce, seen, "a page with other content gets another nonce");
}

#[tokio::test]
async fn personal_pages_have_no_etag_and_a_fresh_nonce_each_time() {
    let app = spawn_app().await;
    app.set_up().await;
    let first = app.get("/").await;
    assert!(first.headers().get("etag").is_none());
    let second = app
        .client
        .get(app.url("/"))
        .header("if-none-match", "*")
        .send()
        .await
        .unwrap();
    assert_eq!(
        second.status(),
        StatusCode::OK,
        "never a 304 when signed in"
    );
    assert_ne!(csp_nonce(&first), csp_nonce(&second));
}
