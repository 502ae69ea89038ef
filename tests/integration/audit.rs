//! The audit log: written with the change, append-only, tamper-evident.

use crate::helpers::{client, spawn_app};
use v2mom::server::audit::{ChainCheck, verify_chain};

#[tokio::test]
async fn setup_and_sign_ins_are_recorded_in_an_intact_chain() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    app.login_with(&client(), &admin.email, "wrong wrong wrong", "/")
        .await;
    app.login_with(&client(), &admin.email, &admin.password, "/")
        .await;

    let rows = app.db.audit_rows().await.unwrap();
    let actions: Vec<&str> = rows.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "setup.completed",
            "auth.sign_in",
            "auth.sign_in_failed",
            "auth.sign_in"
        ]
    );
    let failed = &rows[2];
    assert!(
        failed.details.contains("wrong_password"),
        "{}",
        failed.details
    );
    assert!(failed.client_ip.as_deref() == Some("127.0.0.1"));
    assert!(failed.request_id.is_some());
    for row in &rows {
        assert!(
            !row.details.contains(&admin.password),
            "a password reached the audit log"
        );
    }
    assert_eq!(
        verify_chain(&app.db).await.unwrap(),
        ChainCheck::Intact { rows: 4 }
    );
}

#[tokio::test]
async fn audit_rows_cannot_be_updated_or_deleted() {
    let app = spawn_app().await;
    app.set_up().await;
    assert!(
        app.try_execute("UPDATE audit_log SET action = 'nothing'")
            .await
            .is_err()
    );
    assert!(app.try_execute("DELETE FROM audit_log").await.is_err());
    assert_eq!(app.db.audit_rows().await.unwrap().len(), 2);
}

#[tokio::test]
async fn a_tampered_row_breaks_the_chain_where_it_was_changed() {
    let app = spawn_app().await;
    let admin = app.set_up().await;
    app.login_with(&client(), &admin.email, &admin.password, "/")
        .await;
    let rows = app.db.audit_rows().await.unwrap();
    let victim = rows[1].id;

    // Someone with database access switches the guard off and rewrites history.
    let tamper = match app.db.backend() {
        v2mom::model::Backend::Sqlite => format!(
            "DROP TRIGGER audit_log_no_update; \
             UPDATE audit_log SET details = '{{\"method\":\"forged\"}}' WHERE id = {victim};"
        ),
        v2mom::model::Backend::Postgres => format!(
            "ALTER TABLE audit_log DISABLE TRIGGER USER; \
             UPDATE audit_log SET details = '{{\"method\":\"forged\"}}' WHERE id = {victim};"
        ),
    };
    app.execute(&tamper).await;
    assert_eq!(
        verify_chain(&app.db).await.unwrap(),
        ChainCheck::BrokenAt { id: victim }
    );
}
