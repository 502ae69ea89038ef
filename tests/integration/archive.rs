//! Archived V2MOMs are read-only for everyone, administrators too; closing a period archives
//! all of its V2MOMs at once, and only administrators may.

use crate::{
    amend::{amended, audited, html, published, status_of},
    helpers::spawn_app,
    people::organisation,
    rest::{api, api_key},
    v2moms::{COMPLETE, current_period, page, save, start, version_of},
};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

#[tokio::test]
async fn archived_v2moms_are_read_only_for_everyone_administrators_too() {
    let app = spawn_app().await;
    let (manager_id, manager, _, _) = organisation(&app).await;
    let period = current_period(&app).await;
    let id = published(&app, &manager, manager_id, period).await;
    // An amendment in progress ends with the archiving.
    let version = version_of(&page(&app, &manager, id).await);
    save(&app, &manager, id, version, &amended("Never published")).await;
    assert_eq!(
        status_of(&app, &manager, id, "archive").await,
        StatusCode::OK
    );
    let before = app.db.v2mom(id).await.unwrap().unwrap();
    assert_eq!(before.content.vision, "Every team ships weekly.");

    for who in [&manager, &app.client] {
        let seen = page(&app, who, id).await;
        assert_eq!(seen["v2mom"]["status"], "archived");
        assert_eq!(seen["can_edit"], false);
        assert!(seen["v2mom"]["amendment"].is_null());
        let res = save(&app, who, id, version_of(&seen), COMPLETE).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let res = who
            .get(app.url(&format!("/v2moms/{id}/edit")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        for to in ["publish", "archive", "submit"] {
            assert_ne!(status_of(&app, who, id, to).await, StatusCode::OK, "{to}");
        }
    }
    assert_eq!(app.db.v2mom(id).await.unwrap().unwrap(), before);
}

#[tokio::test]
async fn closing_a_period_archives_every_v2mom_of_it_and_is_for_administrators() {
    let app = spawn_app().await;
    let (manager_id, manager, employee_id, employee) = organisation(&app).await;
    let period = current_period(&app).await;
    let draft = start(&app, &manager, manager_id, period).await;
    let amending = published(&app, &manager, employee_id, period).await;
    let version = version_of(&page(&app, &manager, amending).await);
    save(
        &app,
        &manager,
        amending,
        version,
        &amended("Never published"),
    )
    .await;
    let period_text = period.to_string();

    // Managers and employees may not, on the pages or the API; nothing changes.
    for who in [&manager, &employee] {
        let res = app
            .call_as(who, "periods/close", &[("id", &period_text)])
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
    }
    let key = api_key(&app, &manager, "read,write").await;
    let res = api(
        &app,
        Method::POST,
        &format!("/periods/{period}/close"),
        &key,
    )
    .send()
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        page(&app, &manager, draft).await["v2mom"]["status"],
        "draft"
    );

    // The administrator closes it from the periods page, without JavaScript: a link to a
    // confirmation, whose form posts; all archived in one go, the amendment dropped.
    let admin = &app.client;
    let periods = html(&app, admin, "/admin/periods").await;
    let confirm = format!("/admin/periods?close={period}");
    assert!(
        periods.contains(&format!("href=\"{confirm}\"")),
        "{periods}"
    );
    assert!(
        !periods.contains("and archive its V2MOMs"),
        "no confirmation yet"
    );
    let confirmation = html(&app, admin, &confirm).await;
    assert!(confirmation.contains("Close FY2027?"), "{confirmation}");
    assert!(confirmation.contains("Close FY2027 and archive its V2MOMs"));
    let res = app
        .post_plain(
            admin,
            "/api/periods/close",
            &confirm,
            &[("id", &period_text)],
        )
        .await;
    assert!(res.status().is_redirection(), "{}", res.status());
    let back = crate::helpers::header(res.headers(), "location").to_owned();
    assert_eq!(back, format!("/admin/periods?closed={period}&archived=2"));
    let done = html(&app, admin, &back).await;
    assert!(
        done.contains("Period closed: 2 V2MOM(s) archived."),
        "{done}"
    );
    for id in [draft, amending] {
        let seen = page(&app, &app.client, id).await;
        assert_eq!(seen["v2mom"]["status"], "archived", "{id}");
        assert!(seen["v2mom"]["amendment"].is_null());
    }
    assert_eq!(
        app.db
            .v2mom(amending)
            .await
            .unwrap()
            .unwrap()
            .content
            .vision,
        "Every team ships weekly."
    );
    let archived: Vec<Value> = audited(&app, "v2mom.status_changed")
        .await
        .into_iter()
        .filter(|d| d["period_closed"] == period)
        .collect();
    assert_eq!(archived.len(), 2);
    let closes = audited(&app, "period.closed").await;
    assert_eq!(closes, vec![json!({ "archived": 2 })]);

    // Again, through the API with an administrator's key: nothing left to archive.
    let admin_key = api_key(&app, &app.client, "read,write,admin").await;
    let res = api(
        &app,
        Method::POST,
        &format!("/periods/{period}/close"),
        &admin_key,
    )
    .send()
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let closed: Value = res.json().await.unwrap();
    assert_eq!(closed["archived"], 0);
    let res = api(&app, Method::POST, "/periods/999999/close", &admin_key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
