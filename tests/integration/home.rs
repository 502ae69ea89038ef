//! The home page's "Needs you now": what waits for each person, through a V2MOM's life.

use crate::{
    check_ins::check_in_as,
    helpers::{TestApp, spawn_app},
    people::organisation,
    v2moms::{COMPLETE, change, current_period, page, save, start, version_of},
};
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};

/// What the home page lists for `who`.
async fn needs(app: &TestApp, who: &Client) -> Value {
    let res = app.call_as(who, "v2moms/home", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json::<Value>().await.unwrap()["needs"].clone()
}

#[tokio::test]
async fn each_step_of_a_v2mom_shows_who_must_act_next_on_their_home_page() {
    let app = spawn_app().await;
    let (_, manager, eve_id, eve) = organisation(&app).await;
    let period = current_period(&app).await;
    assert_eq!(needs(&app, &eve).await, json!([{ "kind": "write" }]));

    let id = start(&app, &eve, eve_id, period).await;
    let draft = json!([{ "kind": "finish", "id": id, "comment": "" }]);
    assert_eq!(needs(&app, &eve).await, draft);
    let saved = save(&app, &eve, id, 1, COMPLETE).await;
    assert_eq!(saved.status(), StatusCode::OK);
    let version = version_of(&page(&app, &eve, id).await);
    assert_eq!(
        change(&app, &eve, id, version, "submit", "").await.status(),
        StatusCode::OK
    );
    // Waiting for the manager: nothing for Eve; her review for her manager.
    assert_eq!(needs(&app, &eve).await, json!([]));
    let review =
        json!({ "kind": "review", "id": id, "owner": { "id": eve_id, "name": "Eve Employee" } });
    let for_manager = needs(&app, &manager).await;
    assert_eq!(for_manager[0], review, "{for_manager}");

    let version = version_of(&page(&app, &manager, id).await);
    let returned = change(&app, &manager, id, version, "return", "Add a measure").await;
    assert_eq!(returned.status(), StatusCode::OK);
    assert_eq!(
        needs(&app, &eve).await,
        json!([{ "kind": "finish", "id": id, "comment": "Add a measure" }])
    );
    assert!(
        !needs(&app, &manager)
            .await
            .as_array()
            .unwrap()
            .contains(&review)
    );

    let version = version_of(&page(&app, &eve, id).await);
    change(&app, &eve, id, version, "submit", "").await;
    let version = version_of(&page(&app, &manager, id).await);
    let published = change(&app, &manager, id, version, "publish", "").await;
    assert_eq!(published.status(), StatusCode::OK);
    assert_eq!(
        needs(&app, &eve).await,
        json!([{ "kind": "check_in", "id": id, "staleness": { "kind": "no_check_in" } }])
    );
    let measure = page(&app, &eve, id).await["v2mom"]["content"]["methods"][0]["measures"][0]["id"]
        .as_i64()
        .unwrap();
    let checked = check_in_as(&app, &eve, id, measure, "3", "on_track").await;
    assert_eq!(checked.status(), StatusCode::OK);
    assert_eq!(needs(&app, &eve).await, json!([]));

    // The manager has no V2MOM of their own yet: that is theirs to write.
    assert_eq!(needs(&app, &manager).await, json!([{ "kind": "write" }]));
}

#[tokio::test]
async fn the_home_page_shows_each_need_with_the_link_that_does_it() {
    let app = spawn_app().await;
    let (_, manager, eve_id, eve) = organisation(&app).await;
    let period = current_period(&app).await;
    let home = app.html(&eve, "/").await;
    assert!(home.contains("Needs you now"), "{home}");
    assert!(home.contains("You have no V2MOM for FY2027 yet."), "{home}");
    assert!(home.contains(r#"href="/v2moms""#), "{home}");

    let id = start(&app, &eve, eve_id, period).await;
    save(&app, &eve, id, 1, COMPLETE).await;
    let version = version_of(&page(&app, &eve, id).await);
    change(&app, &eve, id, version, "submit", "").await;
    let home = app.html(&manager, "/").await;
    assert!(
        home.contains("Eve Employee's V2MOM is waiting for your review."),
        "{home}"
    );
    assert!(home.contains(&format!(r#"href="/v2moms/{id}""#)), "{home}");
    let home = app.html(&eve, "/").await;
    assert!(home.contains("Nothing needs you right now."), "{home}");
}
