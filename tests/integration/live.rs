//! Live updates: `/events` (session) and `/api/v1/events` (API key) stream each committed
//! event to those the policy lets see it, within moments, across processes; a reconnecting
//! listener resumes after `Last-Event-ID`; streams per person are limited; a quiet stream
//! carries heartbeats; a disabled account's stream ends.

use crate::{
    helpers::{TestApp, client, header, spawn_app, spawn_app_with},
    people::{accept, invite, organisation},
    rest::api_key,
    v2moms::{COMPLETE, current_period, save, start},
};
use reqwest::{Client, RequestBuilder, Response, StatusCode};
use serde_json::Value;
use std::time::Duration;

/// A live stream as a test reads it.
struct Live {
    response: Response,
    buffer: String,
}

/// One frame of a stream.
#[derive(Debug)]
enum Frame {
    Event { id: i64, data: Value },
    Comment,
}

impl Live {
    async fn open(request: RequestBuilder) -> Live {
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "the stream opens");
        assert_eq!(
            header(response.headers(), "content-type"),
            "text/event-stream"
        );
        assert_eq!(header(response.headers(), "cache-control"), "no-store");
        Live {
            response,
            buffer: String::new(),
        }
    }

    /// The next frame; None once the server ended the stream. Fails after ten seconds.
    async fn frame(&mut self) -> Option<Frame> {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let frame: String = self.buffer.drain(..end + 2).collect();
                return Some(parse(&frame));
            }
            let chunk = tokio::time::timeout(Duration::from_secs(10), self.response.chunk())
                .await
                .expect("the stream said something within 10 s")
                .expect("the stream reads");
            self.buffer.push_str(&String::from_utf8_lossy(&chunk?));
        }
    }

    /// The next event, past heartbeats: its id and data.
    async fn event(&mut self) -> (i64, Value) {
        loop {
            match self
                .frame()
                .await
                .expect("an event before the stream ended")
            {
                Frame::Event { id, data } => return (id, data),
                Frame::Comment => {}
            }
        }
    }
}

fn parse(frame: &str) -> Frame {
    let mut id = None;
    let mut data = None;
    for line in frame.lines() {
        if let Some(value) = line.strip_prefix("id:") {
            id = value.trim().parse().ok();
        } else if let Some(value) = line.strip_prefix("data:") {
            data = Some(serde_json::from_str(value.trim()).expect("data is JSON"));
        }
    }
    match (id, data) {
        (Some(id), Some(data)) => Frame::Event { id, data },
        _ => {
            assert!(frame.starts_with(':'), "a comment: {frame:?}");
            Frame::Comment
        }
    }
}

/// `GET /events{query}` as `browser`, resuming after `last` if given.
fn events(app: &TestApp, browser: &Client, query: &str, last: Option<i64>) -> RequestBuilder {
    let request = browser.get(app.url(&format!("/events{query}")));
    match last {
        Some(id) => request.header("last-event-id", id.to_string()),
        None => request,
    }
}

/// Someone with no manager and no reports: unrelated to the organisation's drafts.
async fn outsider(app: &TestApp) -> (i64, Client) {
    let (id, token) = invite(app, "olga@acme.example", "Olga Outsider", "employee", None).await;
    (id, accept(app, &token).await)
}

#[tokio::test]
async fn a_save_reaches_those_who_may_read_the_v2mom_and_nobody_else() {
    let app = spawn_app().await;
    let (_, manager, employee_id, employee) = organisation(&app).await;
    let (outsider_id, outsider) = outsider(&app).await;
    let period = current_period(&app).await;
    let draft = start(&app, &employee, employee_id, period).await;
    let own = start(&app, &outsider, outsider_id, period).await;

    let mut managers = Live::open(events(&app, &manager, "", None)).await;
    let mut outsiders = Live::open(events(&app, &outsider, "", None)).await;
    let res = save(&app, &employee, draft, 1, COMPLETE).await;
    assert_eq!(res.status(), StatusCode::OK);

    let (id, data) = managers.event().await;
    assert_eq!(data["id"], id);
    assert_eq!(data["kind"], "v2mom.saved");
    assert_eq!(data["v2mom_id"], draft);
    assert_eq!(data["version"], 2);
    assert_eq!(data["actor_id"], employee_id);
    assert_eq!(data["actor_name"], "Eve Employee");
    assert!(
        !data.to_string().contains("Every team ships weekly"),
        "ids and names only, never the V2MOM's text: {data}"
    );

    // The outsider may not read the draft: the first thing they hear is their own save.
    let res = save(&app, &outsider, own, 1, COMPLETE).await;
    assert_eq!(res.status(), StatusCode::OK);
    let (heard, data) = outsiders.event().await;
    assert_eq!(data["v2mom_id"], own, "{data}");
    assert!(heard > id);
}

#[tokio::test]
async fn a_listener_following_one_v2mom_hears_only_it_and_resumes_after_the_last_event_seen() {
    let app = spawn_app().await;
    let (_, manager, employee_id, employee) = organisation(&app).await;
    let period = current_period(&app).await;
    let draft = start(&app, &employee, employee_id, period).await;
    let mut following = Live::open(events(&app, &manager, &format!("?v2mom={draft}"), None)).await;

    // Someone else's V2MOM is not this page's news.
    let (outsider_id, outsider) = outsider(&app).await;
    let other = start(&app, &outsider, outsider_id, period).await;
    assert_eq!(
        save(&app, &outsider, other, 1, COMPLETE).await.status(),
        200
    );
    assert_eq!(
        save(&app, &employee, draft, 1, COMPLETE).await.status(),
        200
    );
    let (first, data) = following.event().await;
    assert_eq!(data["v2mom_id"], draft);
    assert_eq!(
        save(&app, &employee, draft, 2, COMPLETE).await.status(),
        200
    );
    let (second, data) = following.event().await;
    assert_eq!(data["version"], 3);
    drop(following);

    // A browser that reconnects sends the last id it saw and gets what followed it.
    let mut resumed = Live::open(events(
        &app,
        &manager,
        &format!("?v2mom={draft}"),
        Some(first),
    ))
    .await;
    assert_eq!(resumed.event().await.0, second);

    // A V2MOM the listener may not read cannot be followed; nor can a non-number.
    let res = events(&app, &manager, &format!("?v2mom={other}"), None)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = events(&app, &manager, "?v2mom=abc", None)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = events(&app, &client(), "", None).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn an_api_key_listens_on_the_api() {
    let app = spawn_app().await;
    let (_, manager, employee_id, employee) = organisation(&app).await;
    let key = api_key(&app, &manager, "read").await;
    let res = client()
        .get(app.url("/api/v1/events"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        header(res.headers(), "content-type"),
        "application/problem+json"
    );

    let mut live = Live::open(client().get(app.url("/api/v1/events")).bearer_auth(&key)).await;
    let period = current_period(&app).await;
    let draft = start(&app, &employee, employee_id, period).await;
    assert_eq!(
        save(&app, &employee, draft, 1, COMPLETE).await.status(),
        200
    );
    let (_, data) = live.event().await;
    assert_eq!(data["kind"], "v2mom.saved");
    assert_eq!(data["v2mom_id"], draft);
}

#[tokio::test]
async fn a_person_holds_a_limited_number_of_streams_and_quiet_ones_carry_heartbeats() {
    let app = spawn_app_with(|settings| {
        settings.live_streams_per_person = 2;
        settings.live_heartbeat_secs = 1;
    })
    .await;
    let (_, manager, _, _) = organisation(&app).await;
    let mut first = Live::open(events(&app, &manager, "", None)).await;
    let _second = Live::open(events(&app, &manager, "", None)).await;
    let res = events(&app, &manager, "", None).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    // Someone else has streams of their own.
    let _admins = Live::open(events(&app, &app.client, "", None)).await;

    assert!(matches!(first.frame().await, Some(Frame::Comment)));
    // A closed stream is given back: the server notices at its next heartbeat.
    drop(first);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let res = events(&app, &manager, "", None).send().await.unwrap();
        if res.status() == StatusCode::OK {
            break;
        }
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(
            tokio::time::Instant::now() < deadline,
            "the closed stream was never given back"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_disabled_persons_stream_ends() {
    let app = spawn_app().await;
    let (manager_id, manager, _, _) = organisation(&app).await;
    let mut live = Live::open(events(&app, &manager, "", None)).await;
    let res = app
        .call(
            "users/status",
            &[("id", &manager_id.to_string()), ("active", "false")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    while let Some(frame) = live.frame().await {
        assert!(matches!(frame, Frame::Comment), "nothing more: {frame:?}");
    }
}

/// A change made through one process reaches a listener on another at once (on PostgreSQL
/// through `NOTIFY`; on SQLite, where one process owns the file, by the feed's poll).
#[tokio::test]
async fn a_change_on_one_process_reaches_a_listener_on_another() {
    let app = spawn_app().await;
    let other = app.another_server().await;
    let (_, manager, employee_id, employee) = organisation(&app).await;
    let period = current_period(&app).await;
    let draft = start(&app, &employee, employee_id, period).await;
    // The session is in the shared database, and cookies ignore the port: the manager is
    // signed in on both.
    let mut live = Live::open(manager.get(other.url("/events"))).await;
    assert_eq!(
        save(&app, &employee, draft, 1, COMPLETE).await.status(),
        200
    );
    let (_, data) = live.event().await;
    assert_eq!(data["v2mom_id"], draft);
}

/// Told to stop, the server ends its streams (their browsers reconnect to another process)
/// instead of waiting out its grace period for them.
#[tokio::test]
async fn a_stopping_server_ends_its_streams_and_stops() {
    let dir = tempfile::tempdir().unwrap();
    let server =
        crate::binary::Running::start(dir.path(), &[("V2MOM_SHUTDOWN_TIMEOUT_SECS", "60")]);
    let url = |path: &str| format!("http://{}{path}", server.public);
    let browser = client();
    let admin = crate::helpers::Credentials::admin();
    let res = browser
        .post(url("/api/setup"))
        .header("sec-fetch-site", "same-origin")
        .form(&[
            ("organisation", "Acme Corp"),
            ("name", admin.name.as_str()),
            ("email", admin.email.as_str()),
            ("password", admin.password.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK, "set up");
    let mut live = Live::open(browser.get(url("/events"))).await;
    server.ask_to_stop();
    while let Some(frame) = live.frame().await {
        assert!(matches!(frame, Frame::Comment), "nothing more: {frame:?}");
    }
    // Well within the 60 s grace a held stream would have cost.
    server.lines_until(|line| line.contains("stopped"));
}
