//! Reminders, on a clock the test moves: an owner whose published V2MOM has had no check-in
//! for `reminder_check_in_days` hears of it (alone, in the bell), once per such stretch,
//! never in the quiet hours.

use crate::{
    helpers::{TestApp, spawn_app},
    people::organisation,
    v2moms::{COMPLETE, change, current_period, save, start},
};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use reqwest::Client;
use serde_json::Value;
use v2mom::server::events::{dispatch, reminders};

/// `days` from now, at `hour`:00 UTC.
fn at(days: i64, hour: u32) -> DateTime<Utc> {
    (Utc::now() + Duration::days(days))
        .date_naive()
        .and_hms_opt(hour, 0, 0)
        .unwrap()
        .and_utc()
}

/// The kinds of event in someone's bell, newest first.
async fn bell(app: &TestApp, who: &Client) -> Vec<Value> {
    let list: Value = app
        .call_as(who, "notifications/list", &[])
        .await
        .json()
        .await
        .unwrap();
    list["items"].as_array().unwrap().clone()
}

#[tokio::test]
async fn an_owner_without_check_ins_is_reminded_once_per_stretch_and_never_at_night() {
    let app = spawn_app().await;
    let state = app.state().await;
    let (_, manager, employee_id, employee) = organisation(&app).await;
    let period = current_period(&app).await;
    let id = start(&app, &employee, employee_id, period).await;
    assert_eq!(save(&app, &employee, id, 1, COMPLETE).await.status(), 200);
    assert_eq!(
        change(&app, &employee, id, 2, "submit", "").await.status(),
        200
    );
    assert_eq!(
        change(&app, &manager, id, 3, "approve", "").await.status(),
        200
    );
    dispatch::fan_out(&state).await.unwrap();
    let reminded = |items: &[Value]| {
        items
            .iter()
            .filter(|n| n["event"] == "reminder.check_in")
            .count()
    };

    // Published two days ago: nothing yet (the default is 14 days).
    assert_eq!(reminders::run(&state, at(2, 12)).await.unwrap(), 0);
    // Fifteen days of silence: the owner is reminded, by the server, and nobody else.
    assert_eq!(reminders::run(&state, at(15, 12)).await.unwrap(), 1);
    dispatch::fan_out(&state).await.unwrap();
    let items = bell(&app, &employee).await;
    assert_eq!(reminded(&items), 1, "{items:?}");
    assert_eq!(items[0]["actor"], "v2mom");
    assert_eq!(items[0]["link"], format!("/v2moms/{id}"));
    assert_eq!(reminded(&bell(&app, &manager).await), 0);

    // An hour later: already reminded. At night: quiet, whatever is due.
    assert_eq!(reminders::run(&state, at(15, 13)).await.unwrap(), 0);
    assert_eq!(reminders::run(&state, at(30, 23)).await.unwrap(), 0);
    // Another fortnight of silence: once more.
    assert_eq!(reminders::run(&state, at(30, 12)).await.unwrap(), 1);
    dispatch::fan_out(&state).await.unwrap();
    assert_eq!(reminded(&bell(&app, &employee).await), 2);
}

#[tokio::test]
async fn once_the_period_starts_whoever_has_not_written_their_v2mom_is_reminded_weekly() {
    let app = spawn_app().await;
    let state = app.state().await;
    let (manager_id, manager, employee_id, employee) = organisation(&app).await;
    // The tests' period starts on 2027-02-01.
    let period = current_period(&app).await;
    start(&app, &employee, employee_id, period).await;
    let first = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
    let started = (first - Utc::now().date_naive()).num_days() + 1;
    let written = |items: &[Value]| {
        items
            .iter()
            .filter(|n| n["event"] == "reminder.write")
            .count()
    };

    assert_eq!(
        reminders::run(&state, at(started - 3, 12)).await.unwrap(),
        0,
        "not started"
    );
    // The administrator and the manager have none; the employee has started theirs.
    assert_eq!(reminders::run(&state, at(started, 12)).await.unwrap(), 2);
    dispatch::fan_out(&state).await.unwrap();
    let items = bell(&app, &manager).await;
    assert_eq!(written(&items), 1, "{items:?}");
    assert_eq!(items[0]["title"], "FY2027");
    assert_eq!(items[0]["link"], "/v2moms");
    assert_eq!(written(&bell(&app, &employee).await), 0);

    assert_eq!(
        reminders::run(&state, at(started, 13)).await.unwrap(),
        0,
        "reminded"
    );
    assert_eq!(
        reminders::run(&state, at(started + 7, 12)).await.unwrap(),
        2,
        "a week on"
    );
    start(&app, &manager, manager_id, period).await;
    assert_eq!(
        reminders::run(&state, at(started + 14, 12)).await.unwrap(),
        1,
        "the admin"
    );
}
