//! Secrets never reach the logs: drive sign-in, an invitation (whose mail fails) and a
//! password change through the real binary at debug level, with an SMTP password and an
//! encryption key configured, then search everything it printed.

use reqwest::Client;
use serde_json::Value;
use std::{
    io::{BufRead, BufReader, Read},
    process::{Command, Stdio},
};

#[tokio::test]
async fn no_password_or_token_is_ever_logged() {
    let dir = tempfile::tempdir().unwrap();
    // A relay address nothing listens on: the mail fails and that failure is logged.
    let relay = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let smtp_password = "smtp-pass-s3cret";
    let encryption_key = format!("k1:{}", "5e".repeat(32));
    let mut server = Command::new(env!("CARGO_BIN_EXE_v2mom"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("V2MOM_LOG_LEVEL", "debug")
        .env("V2MOM_LOG_FORMAT", "json")
        .env(
            "V2MOM_SMTP_URL",
            format!("smtp://mailer:{smtp_password}@{relay}"),
        )
        .env("V2MOM_MAIL_FROM", "v2mom@acme.example")
        .env("V2MOM_PUBLIC_URL", "https://v2mom.acme.example")
        .env("V2MOM_ENCRYPTION_KEY", &encryption_key)
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(server.stdout.take().unwrap());
    let mut seen = String::new();
    let addr = loop {
        let mut line = String::new();
        assert!(
            stdout.read_line(&mut line).unwrap() > 0,
            "server exited: {seen}"
        );
        seen.push_str(&line);
        if let Some(rest) = line.split("listening on http://").nth(1) {
            break rest.split('"').next().unwrap().to_owned();
        }
    };
    let url = |path: &str| format!("http://{addr}/api/{path}");
    let browser = Client::builder().cookie_store(true).build().unwrap();
    let post = |path: &str, form: &[(&str, &str)]| {
        browser
            .post(url(path))
            .header("sec-fetch-site", "same-origin")
            .form(form)
            .send()
    };

    let admin_password = "quartz lantern meadow 42";
    let new_password = "harbor mosaic tundra 58";
    let invitee_password = "orbit velvet canyon 77";
    post(
        "setup",
        &[
            ("organisation", "Acme"),
            ("name", "Ada Admin"),
            ("email", "ada@acme.example"),
            ("password", admin_password),
        ],
    )
    .await
    .unwrap();
    post(
        "login",
        &[
            ("email", "ada@acme.example"),
            ("password", "a wrong password here"),
            ("next", "/"),
        ],
    )
    .await
    .unwrap();
    post(
        "login",
        &[
            ("email", "ada@acme.example"),
            ("password", admin_password),
            ("next", "/"),
        ],
    )
    .await
    .unwrap();
    let invited: Value = post(
        "users/invite",
        &[
            ("email", "new@acme.example"),
            ("name", "New"),
            ("role", "employee"),
            ("manager", ""),
            ("function", ""),
            ("job_title", ""),
        ],
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    assert_eq!(invited["delivery"], "mail_failed");
    let token = invited["link"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    let invitee = Client::new();
    let accepted = invitee
        .post(url("invitation/accept"))
        .header("sec-fetch-site", "same-origin")
        .form(&[("token", token.as_str()), ("password", invitee_password)])
        .send()
        .await
        .unwrap();
    assert!(accepted.status().is_success());
    let changed = post(
        "profile/password",
        &[
            ("current_password", admin_password),
            ("password", new_password),
        ],
    )
    .await
    .unwrap();
    assert!(changed.status().is_success());

    let pid = server.id().to_string();
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    server.wait().unwrap();
    stdout.read_to_string(&mut seen).unwrap();
    server
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut seen)
        .unwrap();

    assert!(seen.contains("login"), "the requests were logged at all");
    assert!(
        seen.contains("invitation mail not sent"),
        "the mail failure was logged"
    );
    for secret in [
        admin_password,
        new_password,
        invitee_password,
        "a wrong password here",
        token.as_str(),
        smtp_password,
        &encryption_key["k1:".len()..],
    ] {
        assert!(!seen.contains(secret), "{secret:?} appeared in the logs");
    }
    assert!(
        !seen.contains("$argon2id$"),
        "a password hash appeared in the logs"
    );
}
