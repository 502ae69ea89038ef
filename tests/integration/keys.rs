//! Secrets at rest on both backends: key rotation re-seals every stored secret.

use crate::helpers::{TestApp, spawn_app};
use v2mom::server::{
    db::{CLIENT_SECRET, NewSsoProvider, SEALED_COLUMNS, TOTP_SECRET, WEBHOOK_SECRET, now},
    keyring::{Keyring, Sealed},
    rekey,
};

async fn add_provider(app: &TestApp, slug: &str, secret: &Sealed) {
    let mut tx = app.db.begin().await.unwrap();
    tx.add_sso_provider(NewSsoProvider {
        slug,
        name: slug,
        kind: "oidc",
        issuer_url: "https://id.acme.example",
        client_id: slug,
        client_secret: secret,
        enabled: true,
        link_verified_emails: false,
        allowed_domains: "",
    })
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

async fn stored(app: &TestApp) -> Vec<Sealed> {
    let rows = app.db.sso_client_secrets().await.unwrap();
    rows.into_iter().map(|(_, sealed)| sealed).collect()
}

#[tokio::test]
async fn rotation_reseals_every_secret_under_the_newest_key() {
    let app = spawn_app().await;
    let (old, new) = (Keyring::new_entry("old"), Keyring::new_entry("new"));
    let before = Keyring::parse(&old).unwrap();
    let both = Keyring::parse(&format!("{old},{new}")).unwrap();
    add_provider(&app, "first", &before.seal(CLIENT_SECRET, "secret one")).await;
    add_provider(&app, "second", &before.seal(CLIENT_SECRET, "secret two")).await;
    add_provider(&app, "third", &both.seal(CLIENT_SECRET, "secret three")).await;

    assert_eq!(rekey::rotate(&app.db, &both).await.unwrap(), 2);
    let after = stored(&app).await;
    assert!(after.iter().all(|s| s.key_id == "new"), "{after:?}");
    // The old key can go: the newest alone opens everything.
    let only_new = Keyring::parse(&new).unwrap();
    let secrets: Vec<String> = after
        .iter()
        .map(|s| only_new.open(CLIENT_SECRET, s).unwrap())
        .collect();
    assert_eq!(secrets, ["secret one", "secret two", "secret three"]);
    // Nothing left to do the second time; both runs are in the audit log.
    assert_eq!(rekey::rotate(&app.db, &both).await.unwrap(), 0);
    let rotations = app.db.audit_rows().await.unwrap();
    assert_eq!(
        rotations
            .iter()
            .filter(|r| r.action == "keys.rotated")
            .count(),
        2
    );
}

#[tokio::test]
async fn a_secret_that_does_not_open_stops_the_rotation_and_changes_nothing() {
    let app = spawn_app().await;
    let real = Keyring::parse(&Keyring::new_entry("k1")).unwrap();
    add_provider(&app, "first", &real.seal(CLIENT_SECRET, "one")).await;
    add_provider(&app, "second", &real.seal(CLIENT_SECRET, "two")).await;
    let before = stored(&app).await;

    // Same id, other key material: a wrong key, not a missing one.
    let wrong = format!("{},{}", Keyring::new_entry("k1"), Keyring::new_entry("k2"));
    let err = rekey::rotate(&app.db, &Keyring::parse(&wrong).unwrap())
        .await
        .unwrap_err();
    assert!(err.contains("does not open"), "{err}");
    let missing = Keyring::parse(&Keyring::new_entry("k2")).unwrap();
    let err = rekey::rotate(&app.db, &missing).await.unwrap_err();
    assert!(err.contains("no key with id \"k1\""), "{err}");
    assert_eq!(stored(&app).await, before);
}

#[tokio::test]
async fn rotation_reseals_authenticator_app_keys_and_webhook_secrets_too() {
    let app = spawn_app().await;
    app.set_up().await;
    let (old, new) = (Keyring::new_entry("old"), Keyring::new_entry("new"));
    let before = Keyring::parse(&old).unwrap();
    let both = Keyring::parse(&format!("{old},{new}")).unwrap();
    let mut tx = app.db.begin().await.unwrap();
    assert!(
        tx.begin_totp(1, &before.seal(TOTP_SECRET, "00ff"))
            .await
            .unwrap()
    );
    let webhook = before.seal(WEBHOOK_SECRET, "whsec_1");
    tx.insert_webhook(
        "https://hooks.example.com/",
        "v2mom.published",
        "json",
        &webhook,
        now(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    assert_eq!(rekey::rotate(&app.db, &both).await.unwrap(), 2);
    let sealed = app.db.totp_of(1).await.unwrap().unwrap().secret();
    assert_eq!(sealed.key_id, "new");
    let only_new = Keyring::parse(&new).unwrap();
    assert_eq!(only_new.open(TOTP_SECRET, &sealed).unwrap(), "00ff");
    // A delivery opens the webhook's secret with the new key alone.
    let webhooks = SEALED_COLUMNS
        .iter()
        .find(|c| c.table == "webhooks")
        .unwrap();
    let mut tx = app.db.begin().await.unwrap();
    let [(_, sealed)]: [_; 1] = tx
        .sealed_not_under(webhooks, "old")
        .await
        .unwrap()
        .try_into()
        .unwrap();
    drop(tx);
    assert_eq!(sealed.key_id, "new");
    assert_eq!(only_new.open(WEBHOOK_SECRET, &sealed).unwrap(), "whsec_1");
}
