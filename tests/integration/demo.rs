//! `v2mom demo`: a fictional company in an empty database, working at once (people who can
//! sign in, aligned V2MOMs with check-ins, a review waiting), and never over real data.

use crate::{
    binary::command_on,
    helpers::{TestApp, client, spawn_app},
};
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};

/// Signs `email` in with `password` in a fresh browser.
async fn signed_in(app: &TestApp, email: &str, password: &str) -> Client {
    let browser = client();
    let res = app.login_with(&browser, email, password, "/").await;
    assert_eq!(res.status(), StatusCode::OK, "{email}");
    browser
}

async fn home(app: &TestApp, who: &Client) -> Value {
    app.call_as(who, "v2moms/home", &[])
        .await
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_demo_fills_an_empty_database_with_a_company_that_works_and_refuses_real_data() {
    let app = spawn_app().await;
    let made = command_on(&app, &["demo"]);
    let said = String::from_utf8_lossy(&made.stdout);
    assert!(
        made.status.success(),
        "{said} {}",
        String::from_utf8_lossy(&made.stderr)
    );
    let password = said
        .split("with the password ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("the password is printed");
    assert!(
        said.contains("casey@northwind.example.com (administrator)"),
        "{said}"
    );
    assert_eq!(app.db.all_users().await.unwrap().len(), 16);

    // The engineering manager: a report's V2MOM waits for review; the team has progress.
    let morgan = signed_in(&app, "morgan@northwind.example.com", password).await;
    let seen = home(&app, &morgan).await;
    assert_eq!(seen["needs"][0]["kind"], "review", "{seen}");
    assert_eq!(seen["needs"][0]["owner"]["name"], "Dana Kowalski");
    let team = seen["team"].as_array().unwrap();
    assert_eq!(team.len(), 4);
    assert!(
        team.iter()
            .any(|r| r["progress"].as_f64().is_some_and(|p| p > 0.0)),
        "{seen}"
    );
    assert_eq!(seen["chain"][0]["owner"]["name"], "Casey Chen");

    // An engineer sees the plan above, aligned, and their own progress.
    let avery = signed_in(&app, "avery@northwind.example.com", password).await;
    let seen = home(&app, &avery).await;
    assert_eq!(seen["chain"].as_array().unwrap().len(), 2, "{seen}");
    assert_eq!(
        seen["chain"][1]["aligned_methods"],
        json!([
            "Automate releases",
            "Fix what customers hit",
            "Make pages fast"
        ])
    );
    assert!(seen["mine"]["progress"].as_f64().is_some(), "{seen}");
    // Each measure has a history weeks long, climbing, for the charts to show.
    let measure = seen["mine"]["content"]["methods"][0]["measures"][0]["id"]
        .as_i64()
        .unwrap();
    let history = app.db.check_ins_of_measure(measure).await.unwrap();
    assert_eq!(history.len(), 3, "{history:?}");
    let when = |i: usize| chrono::DateTime::parse_from_rfc3339(&history[i].at).unwrap();
    assert!(
        when(2) - when(0) >= chrono::Duration::weeks(7),
        "{history:?}"
    );
    assert_ne!(history[0].value, history[2].value, "{history:?}");
    // The CEO has been quiet for three weeks: their home page asks for a check-in.
    let casey = signed_in(&app, "casey@northwind.example.com", password).await;
    let needs = home(&app, &casey).await["needs"].clone();
    assert!(
        needs
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["kind"] == "check_in"),
        "{needs}"
    );
    // One who has not started is told to.
    let logan = signed_in(&app, "logan@northwind.example.com", password).await;
    assert_eq!(
        home(&app, &logan).await["needs"],
        json!([{ "kind": "write" }])
    );

    // A database with an organisation is left alone.
    let again = command_on(&app, &["demo"]);
    assert!(!again.status.success());
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(stderr.contains("already holds an organisation"), "{stderr}");
    assert_eq!(app.db.all_users().await.unwrap().len(), 16);
}
