//! Events: written with the change they record (and never without it), fanned out into
//! webhook deliveries and notifications, delivered signed, retried, marked failed and
//! retried by hand; private networks refused; two dispatchers never deliver one event twice.
//! The dispatcher runs here by hand, on a clock the test moves.

use crate::{
    helpers::{TestApp, client, spawn_app_with},
    people::organisation,
    v2moms::{COMPLETE, change, current_period, save, start},
};
use axum::{Router, body::Bytes, extract::State, http::HeaderMap, routing::post};
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::Value;
use std::sync::{Arc, Mutex};
use v2mom::server::{
    audit::{Event, Origin},
    config::Settings,
    events::{dispatch, send::signature},
    state::AppState,
};

/// A request the receiver took.
#[derive(Debug, Clone)]
struct Received {
    path: String,
    headers: HeaderMap,
    body: Bytes,
}

/// A local receiver: `/fail-twice` answers 500 to its first two requests, `/down` always
/// 503, anything else 204. It keeps every request.
#[derive(Clone, Default)]
struct Receiver {
    taken: Arc<Mutex<Vec<Received>>>,
}

impl Receiver {
    async fn start() -> (Receiver, String) {
        let receiver = Receiver::default();
        let app = Router::new()
            .route("/{*path}", post(take))
            .with_state(receiver.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        (receiver, base)
    }

    fn taken(&self, path: &str) -> Vec<Received> {
        let taken = self.taken.lock().unwrap();
        taken.iter().filter(|r| r.path == path).cloned().collect()
    }
}

async fn take(
    State(receiver): State<Receiver>,
    axum::extract::Path(path): axum::extract::Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    let path = format!("/{path}");
    let mut taken = receiver.taken.lock().unwrap();
    taken.push(Received {
        path: path.clone(),
        headers,
        body,
    });
    let seen = taken.iter().filter(|r| r.path == path).count();
    match path.as_str() {
        "/fail-twice" if seen <= 2 => StatusCode::INTERNAL_SERVER_ERROR,
        "/down" => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::NO_CONTENT,
    }
}

fn allow_private(settings: &mut Settings) {
    settings.webhook_allow_private_targets = true;
    settings.webhook_max_attempts = 3;
}

/// Adds a webhook as the administrator; its id and secret.
async fn add_webhook(app: &TestApp, url: &str, events: &[&str]) -> (i64, String) {
    let names: Vec<String> = (0..events.len()).map(|i| format!("events[{i}]")).collect();
    let mut form = vec![("url", url), ("format", "json")];
    form.extend(names.iter().map(String::as_str).zip(events.iter().copied()));
    let res = app.call("webhooks/create", &form).await;
    assert_eq!(res.status(), StatusCode::OK, "add webhook {url}");
    let created: Value = res.json().await.unwrap();
    (
        created["webhook"]["id"].as_i64().unwrap(),
        created["secret"].as_str().unwrap().to_owned(),
    )
}

/// An employee's V2MOM submitted for review: its id.
async fn submitted(app: &TestApp, employee_id: i64, employee: &reqwest::Client) -> i64 {
    let period = current_period(app).await;
    let id = start(app, employee, employee_id, period).await;
    assert_eq!(
        save(app, employee, id, 1, COMPLETE).await.status(),
        StatusCode::OK
    );
    let res = change(app, employee, id, 2, "submit", "").await;
    assert_eq!(res.status(), StatusCode::OK, "submit");
    id
}

#[tokio::test]
async fn an_event_is_written_with_its_change_and_never_without_it() {
    let app = spawn_app_with(|_| {}).await;
    let (_, _, employee_id, employee) = organisation(&app).await;
    let id = submitted(&app, employee_id, &employee).await;
    let events = app.db.events_after(0, 100).await.unwrap();
    let kinds: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
    assert!(
        kinds.ends_with(&["v2mom.saved", "v2mom.submitted"]),
        "{kinds:?}"
    );
    let last = events.last().unwrap();
    assert_eq!(last.subject, format!("v2mom:{id}"));
    assert_eq!(last.actor_id, Some(employee_id));
    // Ids only: not the V2MOM's text.
    let payload: Value = serde_json::from_str(&last.payload).unwrap();
    assert_eq!(payload["v2mom"], id);
    assert!(!last.payload.contains("Vision"), "{}", last.payload);

    // A change refused (someone saved first) leaves no event.
    let before = events.len();
    let res = change(&app, &employee, id, 1, "submit", "").await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(app.db.events_after(0, 100).await.unwrap().len(), before);

    // The event is in the change's transaction: rolled back, neither is there.
    let entry = || {
        Event::new("v2mom.status_changed")
            .by(employee_id)
            .on(format!("v2mom:{id}"))
            .with(serde_json::json!({ "change": "archive", "version": 9 }))
    };
    let mut tx = app.db.begin().await.unwrap();
    tx.audit(&Origin::default(), entry()).await.unwrap();
    drop(tx);
    assert_eq!(app.db.events_after(0, 100).await.unwrap().len(), before);
    let mut tx = app.db.begin().await.unwrap();
    tx.audit(&Origin::default(), entry()).await.unwrap();
    tx.commit().await.unwrap();
    let after = app.db.events_after(0, 100).await.unwrap();
    assert_eq!(after.len(), before + 1);
    assert_eq!(after.last().unwrap().kind, "v2mom.archived");
}

#[tokio::test]
async fn deliveries_are_signed_retried_and_failed_ones_retried_by_hand() {
    let app = spawn_app_with(allow_private).await;
    let (receiver, base) = Receiver::start().await;
    let (_, _, employee_id, employee) = organisation(&app).await;
    let (flaky, secret) =
        add_webhook(&app, &format!("{base}/fail-twice"), &["v2mom.submitted"]).await;
    let (down, _) = add_webhook(&app, &format!("{base}/down"), &["v2mom.submitted"]).await;
    // Saves are not what these webhooks asked for.
    let id = submitted(&app, employee_id, &employee).await;
    let state = app.state().await;
    assert!(dispatch::fan_out(&state).await.unwrap() >= 2);
    assert_eq!(
        dispatch::fan_out(&state).await.unwrap(),
        0,
        "fanned out once"
    );

    let now = Utc::now();
    assert_eq!(dispatch::deliver_due(&state, now).await.unwrap(), 2);
    // Not due again until the wait is over.
    assert_eq!(dispatch::deliver_due(&state, now).await.unwrap(), 0);
    assert_eq!(
        dispatch::deliver_due(&state, now + Duration::hours(1))
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        dispatch::deliver_due(&state, now + Duration::hours(2))
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        dispatch::deliver_due(&state, now + Duration::hours(3))
            .await
            .unwrap(),
        0,
        "delivered, or out of attempts"
    );

    let attempts = receiver.taken("/fail-twice");
    assert_eq!(attempts.len(), 3);
    let delivery = attempts[0].headers["x-v2mom-delivery"].clone();
    for attempt in &attempts {
        assert_eq!(attempt.headers["x-v2mom-event"], "v2mom.submitted");
        assert_eq!(
            attempt.headers["x-v2mom-delivery"], delivery,
            "one id for every attempt"
        );
        assert_eq!(
            attempt.headers["x-v2mom-signature"].to_str().unwrap(),
            signature(&secret, &attempt.body)
        );
    }
    let body: Value = serde_json::from_slice(&attempts[2].body).unwrap();
    assert_eq!(body["type"], "v2mom.submitted");
    assert_eq!(body["subject"], format!("v2mom:{id}"));
    assert_eq!(body["data"]["v2mom"], id);
    assert_eq!(body["actor"], employee_id);

    let log = app
        .call("webhooks/deliveries", &[("id", &flaky.to_string())])
        .await;
    let log: Value = log.json().await.unwrap();
    assert_eq!(log["deliveries"][0]["state"], "delivered");
    assert_eq!(log["deliveries"][0]["attempts"], 3);
    assert_eq!(log["deliveries"][0]["last_status"], 204);

    // The receiver that is always down: three attempts, then failed, shown to admins.
    assert_eq!(receiver.taken("/down").len(), 3);
    let hooks: Value = app.call("webhooks/list", &[]).await.json().await.unwrap();
    let shown = hooks
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == down)
        .unwrap();
    assert_eq!(shown["failed"], 1);
    let log: Value = app
        .call("webhooks/deliveries", &[("id", &down.to_string())])
        .await
        .json()
        .await
        .unwrap();
    let failed = &log["deliveries"][0];
    assert_eq!(failed["state"], "failed");
    assert_eq!(failed["last_error"], "HTTP 503");
    let failed_id = failed["id"].as_i64().unwrap().to_string();

    // Retried by hand: due at once, with fresh attempts. A delivery that did not fail
    // cannot be retried.
    let delivered_id = log_first_id(&app, flaky).await;
    let res = app
        .call(
            "webhooks/retry",
            &[("id", &flaky.to_string()), ("delivery", &delivered_id)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let res = app
        .call(
            "webhooks/retry",
            &[("id", &down.to_string()), ("delivery", &failed_id)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(dispatch::deliver_due(&state, Utc::now()).await.unwrap(), 1);
    assert_eq!(receiver.taken("/down").len(), 4);
}

async fn log_first_id(app: &TestApp, webhook: i64) -> String {
    let log: Value = app
        .call("webhooks/deliveries", &[("id", &webhook.to_string())])
        .await
        .json()
        .await
        .unwrap();
    log["deliveries"][0]["id"].as_i64().unwrap().to_string()
}

#[tokio::test]
async fn webhooks_cannot_reach_private_networks_unless_allowed() {
    let app = spawn_app_with(|_| {}).await;
    app.set_up().await;
    for (url, message) in [
        ("http://127.0.0.1:9/hook", "private network"),
        ("https://10.0.0.8/hook", "private network"),
        ("https://169.254.169.254/latest", "private network"),
        ("https://localhost/hook", "private network"),
        ("http://hooks.example.com/", "https://"),
        ("https://user:pw@hooks.example.com/", "user name"),
    ] {
        let res = app
            .call(
                "webhooks/create",
                &[("url", url), ("events[0]", "v2mom.published")],
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{url}");
        let text = res.text().await.unwrap();
        assert!(text.contains(message), "{url}: {text}");
    }

    // Saved while allowed, then refused at delivery: the receiver hears nothing.
    let (receiver, base) = Receiver::start().await;
    let allowed = app.another_server_with(allow_private).await;
    let res = allowed
        .call_as(
            &app.client,
            "webhooks/create",
            &[
                ("url", &format!("{base}/hook")),
                ("events[0]", "v2mom.archived"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let mut tx = app.db.begin().await.unwrap();
    let event = Event::new("v2mom.status_changed")
        .on("v2mom:1")
        .with(serde_json::json!({ "change": "archive" }));
    tx.audit(&Origin::default(), event).await.unwrap();
    tx.commit().await.unwrap();
    let state = app.state().await;
    dispatch::fan_out(&state).await.unwrap();
    assert_eq!(dispatch::deliver_due(&state, Utc::now()).await.unwrap(), 1);
    assert!(receiver.taken("/hook").is_empty());
    let hooks: Value = app.call("webhooks/list", &[]).await.json().await.unwrap();
    let id = hooks[0]["id"].as_i64().unwrap();
    let log: Value = app
        .call("webhooks/deliveries", &[("id", &id.to_string())])
        .await
        .json()
        .await
        .unwrap();
    let error = log["deliveries"][0]["last_error"].as_str().unwrap();
    assert!(error.contains("private network"), "{error}");
}

#[tokio::test]
async fn two_dispatchers_deliver_each_event_once() {
    // Two processes on one database (started one after the other: on SQLite the second
    // must find the schema made).
    let first = spawn_app_with(allow_private).await;
    let apps = [first.another_server().await, first];
    let (receiver, base) = Receiver::start().await;
    apps[0].set_up().await;
    add_webhook(&apps[0], &format!("{base}/hook"), &["v2mom.archived"]).await;
    const EVENTS: usize = 40;
    for i in 0..EVENTS {
        let mut tx = apps[0].db.begin().await.unwrap();
        let event = Event::new("v2mom.status_changed")
            .on(format!("v2mom:{}", 1000 + i))
            .with(serde_json::json!({ "change": "archive" }));
        tx.audit(&Origin::default(), event).await.unwrap();
        tx.commit().await.unwrap();
    }
    let states = [apps[0].state().await, apps[1].state().await];
    let work = |state: AppState| async move {
        loop {
            let fanned = dispatch::fan_out(&state).await.unwrap();
            let sent = dispatch::deliver_due(&state, Utc::now()).await.unwrap();
            if fanned == 0 && sent == 0 && state.db.events_waiting().await.unwrap() == 0 {
                // The other one may still hold a claim: look once more after it.
                tokio::task::yield_now().await;
                if dispatch::deliver_due(&state, Utc::now()).await.unwrap() == 0 {
                    return;
                }
            }
        }
    };
    let [a, b] = states;
    tokio::join!(work(a), work(b));
    let taken = receiver.taken("/hook");
    let mut ids: Vec<String> = taken
        .iter()
        .map(|r| r.headers["x-v2mom-delivery"].to_str().unwrap().to_owned())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(taken.len(), EVENTS, "each event delivered once");
    assert_eq!(ids.len(), EVENTS);
}

#[tokio::test]
async fn the_manager_hears_of_a_review_and_marks_it_read() {
    let app = spawn_app_with(|_| {}).await;
    let (manager_id, manager, employee_id, employee) = organisation(&app).await;
    let id = submitted(&app, employee_id, &employee).await;
    let state = app.state().await;
    dispatch::fan_out(&state).await.unwrap();

    let me = |who: reqwest::Client| {
        let app = &app;
        async move {
            let res = app.call_as(&who, "me", &[]).await;
            let me: Value = res.json().await.unwrap();
            me["unread_notifications"].as_i64().unwrap()
        }
    };
    assert_eq!(me(manager.clone()).await, 1);
    assert_eq!(me(employee.clone()).await, 0, "not for the one who acted");
    let list: Value = app
        .call_as(&manager, "notifications/list", &[])
        .await
        .json()
        .await
        .unwrap();
    let item = &list["items"][0];
    assert_eq!(item["event"], "v2mom.submitted");
    assert_eq!(item["actor"], "Eve Employee");
    assert_eq!(item["link"], format!("/v2moms/{id}"));
    assert_eq!(item["read"], false);
    // The page says it in words.
    let page = app.html(&manager, "/notifications").await;
    assert!(page.contains("submitted for review"), "{page}");

    // Returned: the owner hears of it; the manager marks theirs read.
    let res = change(&app, &manager, id, 3, "return", "Sharper measures, please").await;
    assert_eq!(res.status(), StatusCode::OK);
    dispatch::fan_out(&state).await.unwrap();
    assert_eq!(me(employee.clone()).await, 1);
    let item_id = item["id"].as_i64().unwrap().to_string();
    let res = app
        .call_as(&manager, "notifications/read", &[("id", &item_id)])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(me(manager.clone()).await, 0);
    // Someone else's notification cannot be marked by another.
    let res = app
        .call_as(&employee, "notifications/read", &[("id", &item_id)])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(me(employee.clone()).await, 1);
    let _ = manager_id;
}

#[tokio::test]
async fn only_administrators_manage_webhooks() {
    let app = spawn_app_with(|_| {}).await;
    let (_, manager, _, employee) = organisation(&app).await;
    for who in [&manager, &employee, &client()] {
        for (endpoint, form) in [
            ("webhooks/list", vec![]),
            (
                "webhooks/create",
                vec![
                    ("url", "https://hooks.example.com/"),
                    ("events[0]", "v2mom.published"),
                ],
            ),
            ("webhooks/delete", vec![("id", "1")]),
            ("webhooks/deliveries", vec![("id", "1")]),
        ] {
            let res = app.call_as(who, endpoint, &form).await;
            assert!(
                [StatusCode::FORBIDDEN, StatusCode::UNAUTHORIZED].contains(&res.status()),
                "{endpoint}: {}",
                res.status()
            );
        }
    }
}
