//! Several processes of one deployment on one database, as a load balancer spreads them.

use crate::helpers::{postgres_only, spawn_together};
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
