//! The home page: "Needs you now" through a V2MOM's life, one's own progress, the plans up
//! the chain, the team's table and the administrator's first steps.

use crate::{
    check_ins::{check_in_as, published},
    helpers::{TestApp, spawn_app},
    people::{accept, invite, organisation},
    v2moms::{COMPLETE, change, current_period, page, save, start, version_of},
};
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};

/// The home page's data for `who`.
async fn home(app: &TestApp, who: &Client) -> Value {
    let res = app.call_as(who, "v2moms/home", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json::<Value>().await.unwrap()
}

/// What the home page lists for `who`.
async fn needs(app: &TestApp, who: &Client) -> Value {
    home(app, who).await["needs"].clone()
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

#[tokio::test]
async fn the_home_page_shows_the_plans_above_and_the_progress_of_ones_own_and_the_teams() {
    let app = spawn_app().await;
    app.set_up().await;
    let period = current_period(&app).await;
    // The administrator (id 1) is at the top: theirs is the company V2MOM.
    let (max_id, token) = invite(&app, "max@acme.example", "Max Manager", "manager", Some(1)).await;
    let max = accept(&app, &token).await;
    // A manager nobody reports to yet is told how that changes, not shown an empty table.
    assert_eq!(home(&app, &max).await["team"], json!([]));
    let html = app.html(&max, "/").await;
    assert!(html.contains("Nobody reports to you yet."), "{html}");
    assert!(!html.contains(r#"class="team-summary""#), "{html}");
    let (eve_id, token) = invite(
        &app,
        "eve@acme.example",
        "Eve Employee",
        "employee",
        Some(max_id),
    )
    .await;
    let eve = accept(&app, &token).await;
    let (company, _) = published(&app, &app.client, 1, period).await;
    let (maxs, _) = published(&app, &max, max_id, period).await;
    let target = page(&app, &max, maxs).await["v2mom"]["content"]["methods"][0]["id"].to_string();

    // Before Eve's is published, her manager's plan is above her all the same.
    let seen = home(&app, &eve).await;
    let chain: Vec<i64> = seen["chain"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect();
    assert_eq!(chain, [company, maxs], "the company's first: {seen}");
    assert_eq!(seen["chain"][1]["vision"], "Every team ships weekly.");
    assert_eq!(seen["chain"][1]["aligned_methods"], json!([]));

    let eves = start(&app, &max, eve_id, period).await;
    let mut fields = COMPLETE.to_vec();
    fields.push(("methods[0][aligned_to]", &target));
    assert_eq!(
        save(&app, &max, eves, 1, &fields).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        change(&app, &max, eves, 2, "publish", "").await.status(),
        StatusCode::OK
    );
    let measure =
        page(&app, &eve, eves).await["v2mom"]["content"]["methods"][0]["measures"][0]["id"]
            .as_i64()
            .unwrap();
    let checked = check_in_as(&app, &eve, eves, measure, "26", "at_risk").await;
    assert_eq!(checked.status(), StatusCode::OK);

    let seen = home(&app, &eve).await;
    assert_eq!(seen["has_manager"], true);
    assert_eq!(
        seen["chain"][1]["aligned_methods"],
        json!(["Automate releases"])
    );
    assert_eq!(seen["chain"][0]["aligned_methods"], json!([]));
    assert_eq!(seen["mine"]["progress"], 50.0);
    assert_eq!(seen["team"], json!(null), "an employee has no team");
    let html = app.html(&eve, "/").await;
    for shown in [
        "Up your chain",
        "Max Manager's V2MOM",
        "Yours aligns to: Automate releases",
        "Overall progress: 50%",
        "Last check-in",
        r#"aria-label="Progress of “Automate releases”: 50%""#,
    ] {
        assert!(html.contains(shown), "{shown}: {html}");
    }

    // Max's team: Eve's row with her progress and the measure at risk.
    let seen = home(&app, &max).await;
    assert_eq!(seen["team"][0]["person"]["id"], eve_id);
    assert_eq!(seen["team"][0]["progress"], 50.0);
    assert_eq!(seen["team"][0]["at_risk"], 1);
    let html = app.html(&max, "/").await;
    assert!(html.contains(r#"class="team-summary""#), "{html}");
    assert!(html.contains("Eve Employee's progress: 50%"), "{html}");
    assert!(html.contains(r#"href="/team""#), "{html}");

    // At the top, nothing is above.
    let seen = home(&app, &app.client).await;
    assert_eq!(
        (seen["has_manager"].clone(), seen["chain"].clone()),
        (json!(false), json!([]))
    );
    assert!(
        app.html(&app.client, "/")
            .await
            .contains("You report to nobody")
    );
}

#[tokio::test]
async fn the_administrators_first_steps_tick_themselves_off_and_go_once_the_organisation_runs() {
    let app = spawn_app().await;
    app.set_up().await;
    let steps = |seen: &Value| -> Vec<(String, bool)> {
        seen["checklist"]
            .as_array()
            .unwrap_or(&Vec::new())
            .iter()
            .map(|s| {
                (
                    s["step"].as_str().unwrap().to_owned(),
                    s["done"].as_bool().unwrap(),
                )
            })
            .collect()
    };
    let expect = |done: [bool; 3]| -> Vec<(String, bool)> {
        let names = ["create_period", "write_company_v2mom", "invite_people"];
        let mut all: Vec<(String, bool)> = names.iter().map(|n| n.to_string()).zip(done).collect();
        all.push(("set_up_sso".into(), false));
        all.push(("configure_mail".into(), false));
        all
    };
    assert_eq!(
        steps(&home(&app, &app.client).await),
        expect([false, false, false])
    );
    let html = app.html(&app.client, "/").await;
    assert!(html.contains("Get your organisation going"), "{html}");
    assert!(html.contains(r#"href="/admin/periods""#), "{html}");

    let period = current_period(&app).await;
    assert_eq!(
        steps(&home(&app, &app.client).await),
        expect([true, false, false])
    );
    let (eve_id, token) = invite(
        &app,
        "eve@acme.example",
        "Eve Employee",
        "employee",
        Some(1),
    )
    .await;
    let eve = accept(&app, &token).await;
    assert_eq!(
        steps(&home(&app, &app.client).await),
        expect([true, false, true])
    );
    // Only administrators see it.
    assert_eq!(home(&app, &eve).await["checklist"], Value::Null);

    // Eve's V2MOM is not the company's: she reports to someone.
    published(&app, &app.client, eve_id, period).await;
    assert_eq!(
        steps(&home(&app, &app.client).await),
        expect([true, false, true])
    );
    published(&app, &app.client, 1, period).await;
    assert_eq!(home(&app, &app.client).await["checklist"], Value::Null);
    let html = app.html(&app.client, "/").await;
    assert!(!html.contains("Get your organisation going"), "{html}");
}
