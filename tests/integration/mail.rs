//! Invitation mail, through a real SMTP conversation with a local sink.

use crate::{
    helpers::{TestApp, header, spawn_app, spawn_app_with},
    people::accept,
};
use reqwest::StatusCode;
use serde_json::Value;
use std::{
    net::SocketAddr,
    sync::{Arc, Mutex},
};
use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::{TcpListener, TcpStream},
};

/// One message as the relay received it.
#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    /// Headers and body, transfer encoding undone for the body's soft line breaks.
    pub text: String,
}

/// A minimal SMTP server: accepts every message and keeps it.
pub struct MailSink {
    pub addr: SocketAddr,
    received: Arc<Mutex<Vec<Received>>>,
}

impl MailSink {
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let received = Arc::new(Mutex::new(Vec::new()));
        let store = received.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(converse(stream, store.clone()));
            }
        });
        MailSink { addr, received }
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

/// RFC 5321's happy path: greeting, EHLO, MAIL, RCPT…, DATA, QUIT.
async fn converse(stream: TcpStream, store: Arc<Mutex<Vec<Received>>>) {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    let mut reply = async |text: &str| write.write_all(format!("{text}\r\n").as_bytes()).await;
    reply("220 sink.test ESMTP").await.unwrap();
    let (mut from, mut to) = (String::new(), Vec::new());
    while let Ok(Some(line)) = lines.next_line().await {
        let verb = line.get(..4).unwrap_or_default().to_ascii_uppercase();
        match verb.as_str() {
            "EHLO" | "HELO" => reply("250 sink.test").await.unwrap(),
            "MAIL" => {
                from = address_in(&line);
                reply("250 OK").await.unwrap();
            }
            "RCPT" => {
                to.push(address_in(&line));
                reply("250 OK").await.unwrap();
            }
            "DATA" => {
                reply("354 End data with <CR><LF>.<CR><LF>").await.unwrap();
                let mut text = String::new();
                while let Ok(Some(line)) = lines.next_line().await {
                    if line == "." {
                        break;
                    }
                    // Undo dot-stuffing.
                    text.push_str(line.strip_prefix('.').unwrap_or(&line));
                    text.push('\n');
                }
                store.lock().unwrap().push(Received {
                    from: std::mem::take(&mut from),
                    to: std::mem::take(&mut to),
                    text: text.replace("=\n", "").replace("=3D", "="),
                });
                reply("250 OK: queued").await.unwrap();
            }
            "RSET" | "NOOP" => reply("250 OK").await.unwrap(),
            "QUIT" => {
                reply("221 Bye").await.unwrap();
                return;
            }
            _ => reply("502 Command not implemented").await.unwrap(),
        }
    }
}

fn address_in(line: &str) -> String {
    let start = line.find('<').map_or(0, |i| i + 1);
    let end = line.rfind('>').unwrap_or(line.len());
    line[start..end].to_owned()
}

pub const PUBLIC_URL: &str = "https://v2mom.acme.example";

pub async fn app_mailing_to(relay: SocketAddr) -> TestApp {
    spawn_app_with(|s| {
        s.smtp_url = Some(format!("smtp://{relay}"));
        s.mail_from = Some("v2mom at Acme <v2mom@acme.example>".into());
        s.public_url = Some(PUBLIC_URL.into());
    })
    .await
}

pub async fn invite_alice(app: &TestApp) -> Value {
    let res = app
        .call(
            "users/invite",
            &[
                ("email", "alice@acme.example"),
                ("name", "Alice Example"),
                ("role", "employee"),
                ("manager", ""),
                ("function", ""),
                ("job_title", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

/// The token of the one invitation link in a message, which must point at the public URL.
pub fn token_in(text: &str) -> String {
    let prefix = format!("{PUBLIC_URL}/invite/");
    let start = text.find(&prefix).expect("the message holds the link") + prefix.len();
    text[start..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect()
}

pub async fn audited(app: &TestApp, action: &str) -> usize {
    let rows = app.db.audit_rows().await.unwrap();
    rows.iter().filter(|r| r.action == action).count()
}

#[tokio::test]
async fn an_invitation_is_mailed_and_its_link_is_not_shown_to_the_admin() {
    let sink = MailSink::start().await;
    let app = app_mailing_to(sink.addr).await;
    app.set_up().await;

    let sent = invite_alice(&app).await;
    assert_eq!(sent["delivery"], "mailed");
    assert!(sent["link"].is_null(), "{sent}");

    let mail = sink.received();
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].from, "v2mom@acme.example");
    assert_eq!(mail[0].to, ["alice@acme.example"]);
    let text = &mail[0].text;
    assert!(
        text.contains("Subject: Your invitation to Acme Corp on v2mom"),
        "{text}"
    );
    assert!(text.contains("Alice Example"), "{text}");

    let alice = accept(&app, &token_in(text)).await;
    assert_eq!(
        app.who_is(&alice).await.as_deref(),
        Some("alice@acme.example")
    );
    assert_eq!(audited(&app, "invitation.mailed").await, 1);
}

#[tokio::test]
async fn a_new_invitation_link_is_mailed_too_and_replaces_the_first() {
    let sink = MailSink::start().await;
    let app = app_mailing_to(sink.addr).await;
    app.set_up().await;
    let sent = invite_alice(&app).await;
    let id = sent["user_id"].as_i64().unwrap().to_string();

    let res = app.call("users/reinvite", &[("id", &id)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let again: Value = res.json().await.unwrap();
    assert_eq!(again["delivery"], "mailed");

    let mail = sink.received();
    assert_eq!(mail.len(), 2);
    let (first, second) = (token_in(&mail[0].text), token_in(&mail[1].text));
    assert_ne!(first, second);
    let res = app
        .call_as(
            &crate::helpers::client(),
            "invitation/accept",
            &[("token", &first), ("password", crate::people::PASSWORD)],
        )
        .await;
    assert!(res.status().is_client_error(), "{}", res.status());
    accept(&app, &second).await;
    assert_eq!(audited(&app, "invitation.mailed").await, 2);
}

/// An app whose relay is down (a port that was free a moment ago: nothing answers there),
/// set up; and the relay's address.
async fn app_with_relay_down() -> (TestApp, SocketAddr) {
    let closed = TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap()
        .local_addr()
        .unwrap();
    let app = app_mailing_to(closed).await;
    app.set_up().await;
    (app, closed)
}

#[tokio::test]
async fn when_the_relay_is_down_the_admin_gets_the_link_instead() {
    let (app, _) = app_with_relay_down().await;

    let sent = invite_alice(&app).await;
    assert_eq!(sent["delivery"], "mail_failed");
    let link = sent["link"].as_str().expect("the link, to pass on by hand");
    assert!(link.starts_with(&format!("{PUBLIC_URL}/invite/")), "{link}");
    let token = link.rsplit('/').next().unwrap();
    accept(&app, token).await;
    assert_eq!(audited(&app, "invitation.mail_failed").await, 1);
    assert_eq!(audited(&app, "invitation.mailed").await, 0);
}

#[tokio::test]
async fn an_administrator_sends_themselves_a_test_email_from_the_people_page() {
    let sink = MailSink::start().await;
    let app = app_mailing_to(sink.addr).await;
    let admin = app.set_up().await;
    let page = app.html(&app.client, "/admin/people").await;
    let relay = format!("smtp://{}", sink.addr);
    assert!(
        page.contains(&format!("Invitations are mailed through {relay}.")),
        "{page}"
    );
    assert!(page.contains("Send me a test email"), "{page}");

    // Without JavaScript the form posts and the page comes back saying it went.
    let res = app
        .post_plain(&app.client, "/api/mail/test", "/admin/people", &[])
        .await;
    assert!(res.status().is_redirection(), "{}", res.status());
    let back = header(res.headers(), "location").to_owned();
    assert_eq!(back, "/admin/people?test_mail=sent#mail");
    let page = app.html(&app.client, &back).await;
    assert!(
        page.contains("A test email went to your address."),
        "{page}"
    );
    // Hydrated, the answer names the address and the relay.
    let res = app.call("mail/test", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let sent: Value = res.json().await.unwrap();
    assert_eq!(
        (sent["to"].as_str(), sent["relay"].as_str()),
        (Some(admin.email.as_str()), Some(relay.as_str()))
    );

    let mail = sink.received();
    assert_eq!(mail.len(), 2);
    assert_eq!(mail[1].to, std::slice::from_ref(&admin.email));
    assert!(
        mail[1]
            .text
            .contains("Subject: Test message from v2mom for Acme Corp"),
        "{}",
        mail[1].text
    );
    assert_eq!(audited(&app, "mail.tested").await, 2);

    // Nobody else may send one, or learn the relay.
    invite_alice(&app).await;
    let alice = accept(&app, &token_in(&sink.received()[2].text)).await;
    for endpoint in ["mail/test", "mail"] {
        let res = app.call_as(&alice, endpoint, &[]).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{endpoint}");
    }
    assert_eq!(sink.received().len(), 3);
    assert_eq!(audited(&app, "mail.tested").await, 2);
}

#[tokio::test]
async fn a_test_email_the_relay_refuses_is_said_plainly_and_without_mail_the_page_says_how() {
    let (app, closed) = app_with_relay_down().await;
    let res = app.call("mail/test", &[]).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let refused: Value = res.json().await.unwrap();
    let reason = refused["reason"].as_str().unwrap_or_default();
    assert_eq!(
        reason,
        format!("The relay smtp://{closed} did not take the message; the server's log says why.")
    );
    let audit = app.db.audit_rows().await.unwrap();
    let tested = audit.iter().find(|r| r.action == "mail.tested").unwrap();
    let details: Value = serde_json::from_str(&tested.details).unwrap();
    assert_eq!(details["sent"], false, "{details}");

    let app = spawn_app().await;
    app.set_up().await;
    let page = app.html(&app.client, "/admin/people").await;
    assert!(page.contains("Mail is not configured"), "{page}");
    assert!(!page.contains("Send me a test email"), "{page}");
    let res = app.call("mail/test", &[]).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let refused: Value = res.json().await.unwrap();
    assert!(
        refused["reason"]
            .as_str()
            .is_some_and(|r| r.starts_with("Mail is not configured")),
        "{refused}"
    );
}
