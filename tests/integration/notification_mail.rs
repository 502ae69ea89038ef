//! Notifications by mail: the manager is mailed a submission (plain text and HTML, links at
//! the public address, a link that stops such mails without signing in), the owner a return
//! with its comment; news set to the digest waits for one mail a day; settings per topic.
//! The dispatcher's steps run here by hand.

use crate::{
    helpers::{TestApp, client, spawn_app},
    mail::{MailSink, PUBLIC_URL, Received, app_mailing_to, audited, token_in},
    people::{accept, organisation},
    v2moms::{COMPLETE, change, current_period, save, start},
};
use reqwest::{Client, StatusCode};
use serde_json::Value;
use v2mom::server::{
    db::now,
    events::{dispatch, mail},
    state::AppState,
};

/// What the dispatcher does each second: notifications made, due mails sent.
async fn dispatch_once(state: &AppState) {
    dispatch::fan_out(state).await.unwrap();
    mail::send_due(state, now()).await.unwrap();
}

/// The mails to `address` so far.
fn mails_to(sink: &MailSink, address: &str) -> Vec<Received> {
    sink.received()
        .into_iter()
        .filter(|m| m.to.iter().any(|to| to == address))
        .collect()
}

/// The notification mails to `address` so far (not the invitation).
fn notices_to(sink: &MailSink, address: &str) -> Vec<Received> {
    mails_to(sink, address)
        .into_iter()
        .filter(|m| m.text.contains("List-Unsubscribe:"))
        .collect()
}

/// The stop link's token in a mail (its `List-Unsubscribe` header and its text agree).
fn stop_token(mail: &Received) -> String {
    let prefix = format!("List-Unsubscribe: <{PUBLIC_URL}/unsubscribe?token=");
    let start = mail.text.find(&prefix).expect("a List-Unsubscribe header") + prefix.len();
    let token: String = mail.text[start..]
        .chars()
        .take_while(|c| *c != '>')
        .collect();
    assert!(
        mail.text
            .contains(&format!("{PUBLIC_URL}/unsubscribe?token={token}")),
        "the body links to the same place"
    );
    token
}

/// [`organisation`] where invitations are mailed: the admin, Max Manager and Eve Employee
/// reporting to him, each signed in.
async fn mailed_organisation(app: &TestApp, sink: &MailSink) -> (i64, Client, i64, Client) {
    app.set_up().await;
    let mut people = Vec::new();
    for (email, name, role) in [
        ("max@acme.example", "Max Manager", "manager"),
        ("eve@acme.example", "Eve Employee", "employee"),
    ] {
        let manager = people.first().map(|(id, _): &(i64, Client)| id.to_string());
        let res = app
            .call(
                "users/invite",
                &[
                    ("email", email),
                    ("name", name),
                    ("role", role),
                    ("manager", manager.as_deref().unwrap_or_default()),
                    ("function", ""),
                    ("job_title", ""),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK, "invite {email}");
        let id = res.json::<Value>().await.unwrap()["user_id"]
            .as_i64()
            .unwrap();
        let invitation = mails_to(sink, email).pop().expect("the invitation");
        people.push((id, accept(app, &token_in(&invitation.text)).await));
    }
    let (employee_id, employee) = people.pop().unwrap();
    let (manager_id, manager) = people.pop().unwrap();
    (manager_id, manager, employee_id, employee)
}

/// The employee's V2MOM, saved and submitted (version 3 now).
async fn submitted(app: &TestApp, employee_id: i64, employee: &Client) -> i64 {
    let period = current_period(app).await;
    let id = start(app, employee, employee_id, period).await;
    assert_eq!(save(app, employee, id, 1, COMPLETE).await.status(), 200);
    assert_eq!(
        change(app, employee, id, 2, "submit", "").await.status(),
        200
    );
    id
}

#[tokio::test]
async fn a_submission_is_mailed_to_the_manager_who_can_stop_such_mails_from_the_mail() {
    let sink = MailSink::start().await;
    let app = app_mailing_to(sink.addr).await;
    let state = app.state().await;
    let (_, manager, employee_id, employee) = mailed_organisation(&app, &sink).await;
    let id = submitted(&app, employee_id, &employee).await;
    dispatch_once(&state).await;

    let mails = notices_to(&sink, "max@acme.example");
    assert_eq!(mails.len(), 1, "{mails:?}");
    let text = &mails[0].text;
    assert!(text.contains("multipart/alternative"), "{text}");
    assert!(text.contains("text/plain") && text.contains("text/html"));
    assert!(text.contains("Hello Max Manager"));
    assert!(text.contains("Eve Employee submitted for review"));
    assert!(text.contains(&format!("{PUBLIC_URL}/v2moms/{id}")));
    assert!(text.contains(&format!("{PUBLIC_URL}/profile/notifications")));
    assert!(
        !text.contains("Every team ships weekly"),
        "the V2MOM's text stays on the site"
    );
    // Sending again sends nothing more: each mail once.
    mail::send_due(&state, now()).await.unwrap();
    assert_eq!(notices_to(&sink, "max@acme.example").len(), 1);

    // The link works without signing in, asks first, then stops mails of that topic only.
    let token = stop_token(&mails[0]);
    let stranger = client();
    let read = app
        .call_as(&stranger, "mail_link/read", &[("token", &token)])
        .await;
    assert_eq!(read.status(), StatusCode::OK);
    let link: Value = read.json().await.unwrap();
    assert_eq!(link["topic"], "review_requested");
    assert_eq!(link["name"], "Max Manager");
    assert_eq!(link["stopped"], false);
    // The page the link opens names the person and the topic, and asks.
    let page = stranger
        .get(app.url(&format!("/unsubscribe?token={token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("Stop mailing Max Manager about"), "{html}");
    assert!(html.contains("Stop these mails"));
    // Another last digit (the token is hex; one that already ends in 0 once made this the
    // real token).
    let last = if token.ends_with('0') { '1' } else { '0' };
    let forged = format!("{}{last}", &token[..token.len() - 1]);
    assert_ne!(forged, token);
    let res = app
        .call_as(&stranger, "mail_link/stop", &[("token", &forged)])
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = app
        .call_as(&stranger, "mail_link/stop", &[("token", &token)])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(audited(&app, "notifications.unsubscribed").await, 1);
    let settings: Value = app
        .call_as(&manager, "notifications/settings", &[])
        .await
        .json()
        .await
        .unwrap();
    let topic = |name: &str| {
        settings["topics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["topic"] == name)
            .cloned()
            .unwrap()
    };
    assert_eq!(topic("review_requested")["email"], false);
    assert_eq!(
        topic("up_the_chain")["email"],
        true,
        "other topics unchanged"
    );

    // The next submission is in the manager's bell but not in their mail.
    assert_eq!(
        change(&app, &manager, id, 3, "return", "More detail")
            .await
            .status(),
        200
    );
    assert_eq!(
        change(&app, &employee, id, 4, "submit", "").await.status(),
        200
    );
    dispatch_once(&state).await;
    assert_eq!(notices_to(&sink, "max@acme.example").len(), 1);
    let bell: Value = app
        .call_as(&manager, "notifications/list", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(bell["unread"], 2);
}

#[tokio::test]
async fn a_return_is_mailed_with_its_comment_or_gathered_into_the_daily_digest() {
    let sink = MailSink::start().await;
    let app = app_mailing_to(sink.addr).await;
    let state = app.state().await;
    let (_, manager, employee_id, employee) = mailed_organisation(&app, &sink).await;
    let id = submitted(&app, employee_id, &employee).await;
    let res = change(&app, &manager, id, 3, "return", "Add a measure for quality").await;
    assert_eq!(res.status(), StatusCode::OK);
    dispatch_once(&state).await;
    let mails = notices_to(&sink, "eve@acme.example");
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert!(
        mails[0]
            .text
            .contains("Max Manager returned with a comment")
    );
    assert!(mails[0].text.contains("Add a measure for quality"));

    // Returns to the digest from now on: two more wait, then come in one mail.
    let res = app
        .call_as(
            &employee,
            "notifications/save_settings",
            &[("email[0]", "returned"), ("digest[0]", "returned")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    for version in [4, 6] {
        assert_eq!(
            change(&app, &employee, id, version, "submit", "")
                .await
                .status(),
            200
        );
        let res = change(&app, &manager, id, version + 1, "return", "Still thin").await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    dispatch_once(&state).await;
    assert_eq!(notices_to(&sink, "eve@acme.example").len(), 1, "waiting");
    assert_eq!(mail::send_digests(&state, now()).await.unwrap(), 1);
    let mails = notices_to(&sink, "eve@acme.example");
    assert_eq!(mails.len(), 2);
    let digest = &mails[1].text;
    assert!(
        digest.contains("Your v2mom digest: 2 things happened"),
        "{digest}"
    );
    assert_eq!(
        digest.matches("Still thin").count(),
        4,
        "twice in each part"
    );
    assert_eq!(
        mail::send_digests(&state, now()).await.unwrap(),
        0,
        "sent once"
    );

    // Weekly: the next return waits until a week after the last digest.
    let res = app
        .call_as(
            &employee,
            "notifications/save_settings",
            &[
                ("email[0]", "returned"),
                ("digest[0]", "returned"),
                ("digest_every", "weekly"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        change(&app, &employee, id, 8, "submit", "").await.status(),
        200
    );
    assert_eq!(
        change(&app, &manager, id, 9, "return", "Nearly")
            .await
            .status(),
        200
    );
    dispatch_once(&state).await;
    assert_eq!(
        mail::send_digests(&state, now()).await.unwrap(),
        0,
        "not a week yet"
    );
    let in_a_week = now() + chrono::Duration::days(7);
    assert_eq!(mail::send_digests(&state, in_a_week).await.unwrap(), 1);
    let mails = notices_to(&sink, "eve@acme.example");
    assert_eq!(mails.len(), 3);
    assert!(mails[2].text.contains("Nearly"));
}

#[tokio::test]
async fn settings_default_per_topic_and_refuse_what_is_not_a_topic() {
    let app = spawn_app().await;
    let (_, _, _, employee) = organisation(&app).await;
    let settings: Value = app
        .call_as(&employee, "notifications/settings", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(settings["mail_configured"], false);
    let topics = settings["topics"].as_array().unwrap();
    assert_eq!(topics.len(), 9);
    let find = |name: &str| topics.iter().find(|t| t["topic"] == name).unwrap();
    assert_eq!(find("returned")["email"], true);
    assert_eq!(find("returned")["digest"], false);
    assert_eq!(
        find("up_the_chain")["digest"],
        true,
        "news waits for the digest"
    );

    let res = app
        .call_as(
            &employee,
            "notifications/save_settings",
            &[("email[0]", "gossip")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = app.call_as(&client(), "notifications/settings", &[]).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = app
        .call_as(&client(), "mail_link/read", &[("token", "k1.abcdef")])
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
