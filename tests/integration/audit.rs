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

/// The audit page's server functions and exports: administrators only, filters applied.
mod reading {
    use crate::helpers::{client, spawn_app};
    use reqwest::StatusCode;
    use serde_json::Value;

    fn filter<'a>(
        actor: &'a str,
        action: &'a str,
        from: &'a str,
        to: &'a str,
    ) -> Vec<(&'static str, &'a str)> {
        vec![
            ("actor", actor),
            ("action", action),
            ("from", from),
            ("to", to),
            ("page", "1"),
        ]
    }

    #[tokio::test]
    async fn administrators_filter_export_and_verify_the_log() {
        let app = spawn_app().await;
        let admin = app.set_up().await;
        app.login_with(&client(), "nobody@acme.example", "wrong wrong wrong", "/")
            .await;
        let today = chrono::Utc::now().date_naive().to_string();
        let tomorrow = (chrono::Utc::now().date_naive() + chrono::Days::new(1)).to_string();

        let everything: Value = app
            .call("audit", &filter("", "", "", ""))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(everything["total"], 3);
        assert_eq!(
            everything["entries"][0]["action"], "auth.sign_in_failed",
            "newest first"
        );

        let by_admin: Value = app
            .call("audit", &filter(&admin.email.to_uppercase(), "", "", ""))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(by_admin["total"], 2);
        let sign_ins: Value = app
            .call("audit", &filter("", "auth.", "", ""))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(sign_ins["total"], 2);
        let today_only: Value = app
            .call("audit", &filter("", "", &today, &today))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(today_only["total"], 3);
        let later: Value = app
            .call("audit", &filter("", "", &tomorrow, ""))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(later["total"], 0);
        let bad_date = app.call("audit", &filter("", "", "yesterday", "")).await;
        assert_eq!(bad_date.status(), StatusCode::UNPROCESSABLE_ENTITY);

        let csv = app.get("/admin/audit/export.csv?action=setup").await;
        assert_eq!(csv.status(), StatusCode::OK);
        assert!(
            csv.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        assert!(
            csv.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .contains("v2mom-audit.csv")
        );
        let csv = csv.text().await.unwrap();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "id,at,actor,client_ip,action,target,details,request_id"
        );
        assert_eq!(lines.len(), 2, "{csv}");
        assert!(
            lines[1].contains("setup.completed")
                && lines[1].contains("\"{\"\"organisation\"\":\"\"Acme Corp\"\"}\""),
            "{csv}"
        );

        let json: Value = app
            .get("/admin/audit/export.json")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(json.as_array().unwrap().len(), 3);
        assert_eq!(
            app.get("/admin/audit/export.xml").await.status(),
            StatusCode::NOT_FOUND
        );

        let verified: Value = app.call("audit/verify", &[]).await.json().await.unwrap();
        assert_eq!(verified, serde_json::json!({ "Intact": { "rows": 3 } }));
        let page = app.get("/admin/audit").await;
        assert_eq!(page.status(), StatusCode::OK);
        assert!(page.text().await.unwrap().contains("auth.sign_in_failed"));
    }

    #[tokio::test]
    async fn nobody_else_reads_the_log() {
        let app = spawn_app().await;
        app.set_up().await;
        let stranger = client();
        for path in ["/admin/audit/export.csv", "/admin/audit/export.json"] {
            let res = stranger.get(app.url(path)).send().await.unwrap();
            assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{path}");
        }
        for endpoint in ["audit", "audit/verify"] {
            let res = app
                .call_as(&stranger, endpoint, &filter("", "", "", ""))
                .await;
            assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{endpoint}");
        }
        assert_eq!(
            stranger
                .get(app.url("/admin/audit"))
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::UNAUTHORIZED
        );
    }
}
