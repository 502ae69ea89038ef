//! Several processes of one deployment on one database, as a load balancer spreads them.

use crate::{
    helpers::{client, header, postgres_only, spawn_app, spawn_together},
    issuer::{CLIENT_ID, CLIENT_SECRET, Issuer},
};
use reqwest::StatusCode;
use v2mom::server::config::ConfiguredProvider;

/// Processes starting at the same moment each migrate and write the configured sign-in
/// providers; they take turns, and all of them serve.
#[tokio::test]
async fn postgres_only_processes_started_together_all_come_up_with_one_provider_each() {
    postgres_only();
    let providers = ["github", "gitlab", "corp"].map(|slug| ConfiguredProvider {
        slug: slug.into(),
        name: slug.to_uppercase(),
        kind: "github".into(),
        issuer_url: String::new(),
        client_id: format!("{slug}-client"),
        client_secret: Some(format!("{slug}-secret")),
        client_secret_file: None,
        enabled: true,
        link_verified_emails: false,
        allowed_domains: vec![],
    });
    let servers = spawn_together(4, |settings| {
        settings.sso_providers = providers.to_vec();
    })
    .await;
    for server in &servers {
        let res = server.get("/readyz").await;
        assert_eq!(res.status(), reqwest::StatusCode::OK);
    }
    let stored = servers[0].db.sso_providers().await.unwrap();
    let mut slugs: Vec<&str> = stored.iter().map(|p| p.slug.as_str()).collect();
    slugs.sort_unstable();
    assert_eq!(slugs, ["corp", "github", "gitlab"]);
    servers[0].set_up().await;
    for server in &servers {
        let res = server.get("/login").await;
        assert_eq!(res.status(), reqwest::StatusCode::OK);
        let page = res.text().await.unwrap();
        assert!(
            page.contains("GITLAB"),
            "every process offers every provider"
        );
    }
}

/// The sign-in page as an anonymous browser gets it: its HTML and its CSP `form-action`.
async fn sign_in_page(server: &crate::helpers::TestApp) -> (String, String) {
    let res = client().get(server.url("/login")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let csp = header(res.headers(), "content-security-policy").to_owned();
    let form_action = csp
        .split(';')
        .map(str::trim)
        .find(|directive| directive.starts_with("form-action"))
        .unwrap_or_default()
        .to_owned();
    (res.text().await.unwrap(), form_action)
}

/// A provider added or changed through one process is what every other process offers on
/// its very next page, and each lets the browser's form go on to the provider's sign-in
/// page even when that page is on an origin of its own and this process has never been
/// asked to sign anyone in through it.
#[tokio::test]
async fn a_provider_changed_on_one_process_is_offered_so_by_the_others_at_once() {
    let issuer = Issuer::start().await;
    let sign_in_origin = issuer.sign_in_elsewhere();
    let first = spawn_app().await;
    first.set_up().await;
    let second = first.another_server().await;
    let (page, form_action) = sign_in_page(&second).await;
    assert!(!page.contains("Test ID"));
    assert_eq!(form_action, "form-action 'self'");

    let provider = |name: &'static str, enabled: bool| {
        let mut form = vec![
            ("name", name),
            ("issuer_url", issuer.url.as_str()),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
            ("allowed_domains", ""),
        ];
        if enabled {
            form.push(("enabled", "on"));
        }
        form
    };
    let mut add = provider("Test ID", true);
    add.extend([("kind", "oidc"), ("slug", "testid")]);
    let res = first.call("admin/sso/add", &add).await;
    assert!(res.status().is_success() || res.status().is_redirection());
    let (page, form_action) = sign_in_page(&second).await;
    assert!(page.contains("Test ID"), "{page}");
    assert!(form_action.contains(&sign_in_origin), "{form_action}");
    assert!(form_action.contains(&issuer.url), "{form_action}");

    let id = first
        .db
        .sso_provider_by_slug("testid")
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string();
    let mut rename = provider("Renamed ID", true);
    rename.push(("id", &id));
    let res = first.call("admin/sso/change", &rename).await;
    assert!(res.status().is_success() || res.status().is_redirection());
    let (page, _) = sign_in_page(&second).await;
    assert!(
        page.contains("Renamed ID") && !page.contains("Test ID"),
        "{page}"
    );

    let mut switch_off = provider("Renamed ID", false);
    switch_off.push(("id", &id));
    let res = first.call("admin/sso/change", &switch_off).await;
    assert!(res.status().is_success() || res.status().is_redirection());
    let (page, form_action) = sign_in_page(&second).await;
    assert!(!page.contains("Renamed ID"), "{page}");
    assert_eq!(form_action, "form-action 'self'");
}
