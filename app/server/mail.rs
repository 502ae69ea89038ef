//! Outgoing mail: invitation links, notifications (and an administrator's test message),
//! over SMTP when `smtp_url` is configured.
//!
//! Mail is sent after the change it announces has been committed, so a message never
//! points at something that does not exist; when sending fails the caller still has the
//! link to hand over another way.

use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{
        Mailbox, MultiPart,
        header::{ContentType, HeaderName, HeaderValue},
    },
};
use std::time::Duration;

/// How long one delivery attempt may take before the administrator gets the link instead.
const SEND_TIMEOUT: Duration = Duration::from_secs(10);

/// A configured SMTP relay and the sender address. Cheap to clone.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// The relay without credentials, for logs.
    relay: String,
    /// Implicit TLS, or STARTTLS required.
    encrypted: bool,
}

/// A notification mail as composed (`server::events::mail`).
pub struct NotificationMail {
    pub subject: String,
    pub text: String,
    pub html: String,
    /// Where one click stops mails of this topic.
    pub unsubscribe: String,
}

fn mailbox(name: &str, email: &str) -> Result<Mailbox, String> {
    let address = email
        .parse()
        .map_err(|e| format!("recipient address: {e}"))?;
    Ok(Mailbox::new(Some(name.to_owned()), address))
}

/// An invitation to pass on: everything the message says.
pub struct InvitationMail<'a> {
    pub to_name: &'a str,
    pub to_email: &'a str,
    pub organisation: &'a str,
    pub invited_by: &'a str,
    pub link: &'a str,
    pub expires_at: &'a str,
}

impl Mailer {
    /// Parses the relay URL (`smtps://…`, `smtp://…?tls=required`, or plain `smtp://…` for a
    /// local relay) and the sender; nothing is contacted yet. Errors never repeat the URL,
    /// which may hold a password.
    pub fn new(smtp_url: &str, from: &str) -> Result<Self, String> {
        let url = url::Url::parse(smtp_url)
            .map_err(|e| format!("V2MOM_SMTP_URL does not parse as a URL ({e})"))?;
        if !matches!(url.scheme(), "smtp" | "smtps") || url.host_str().is_none() {
            return Err(
                "V2MOM_SMTP_URL must look like smtps://user:password@host:465 or \
                 smtp://user:password@host:587?tls=required"
                    .into(),
            );
        }
        let relay = format!(
            "{}://{}:{}",
            url.scheme(),
            url.host_str().unwrap_or_default(),
            url.port()
                .map_or_else(|| "default".into(), |p| p.to_string())
        );
        let encrypted = url.scheme() == "smtps"
            || url
                .query_pairs()
                .any(|(k, v)| k == "tls" && v == "required");
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .map_err(|e| format!("V2MOM_SMTP_URL {relay}: {e}"))?
            .timeout(Some(SEND_TIMEOUT))
            .build();
        let from = from.parse::<Mailbox>().map_err(|_| {
            format!(
                "V2MOM_MAIL_FROM {from:?} is not an address such as \"v2mom <v2mom@example.com>\""
            )
        })?;
        Ok(Mailer {
            transport,
            from,
            relay,
            encrypted,
        })
    }

    /// Whether the connection is encrypted (implicit TLS, or STARTTLS required).
    pub fn is_encrypted(&self) -> bool {
        self.encrypted
    }

    pub fn relay(&self) -> &str {
        &self.relay
    }

    /// Sends one invitation. The error is for the log; it names no secret.
    pub async fn send_invitation(&self, mail: InvitationMail<'_>) -> Result<(), String> {
        let body = format!(
            "Hello {name},\n\n\
             {inviter} has invited you to {org} on v2mom, where you write and follow your \
             V2MOM.\n\n\
             Choose your password here:\n\n{link}\n\n\
             The link works once and expires on {expires}. If you did not expect this \
             message, you can ignore it.\n",
            name = mail.to_name,
            inviter = mail.invited_by,
            org = mail.organisation,
            link = mail.link,
            expires = mail.expires_at,
        );
        let subject = format!("Your invitation to {} on v2mom", mail.organisation);
        self.send(mail.to_name, mail.to_email, subject, body).await
    }

    /// Sends an administrator a message that only proves mail arrives.
    pub async fn send_test(
        &self,
        to_name: &str,
        to_email: &str,
        organisation: &str,
    ) -> Result<(), String> {
        let body = format!(
            "Hello {to_name},\n\n\
             This is the test message you asked for on v2mom for {organisation}. It came \
             through {relay}, so invitations will arrive the same way.\n",
            relay = self.relay,
        );
        let subject = format!("Test message from v2mom for {organisation}");
        self.send(to_name, to_email, subject, body).await
    }

    /// Tells someone an administrator removed their second factor, so a reset they did not
    /// ask for does not go unnoticed.
    pub async fn send_second_factor_reset(
        &self,
        to_name: &str,
        to_email: &str,
        organisation: &str,
        by: &str,
    ) -> Result<(), String> {
        let body = format!(
            "Hello {to_name},\n\n\
             {by} has turned off the second factor of your account at {organisation} on \
             v2mom (your authenticator app, passkeys and recovery codes): you now sign in \
             with your password alone. Set up a second factor again under Your account → \
             Security.\n\n\
             If you did not ask for this, tell {by} or another administrator at once.\n"
        );
        let subject = format!("Your second factor at {organisation} was turned off");
        self.send(to_name, to_email, subject, body).await
    }

    /// A notification (or a digest of them): plain text and HTML, with a `List-Unsubscribe`
    /// link that stops mails of its topic.
    pub async fn send_notification(
        &self,
        to_name: &str,
        to_email: &str,
        mail: NotificationMail,
    ) -> Result<(), String> {
        let unsubscribe = HeaderValue::new(
            HeaderName::new_from_ascii_str("List-Unsubscribe"),
            format!("<{}>", mail.unsubscribe),
        );
        let message = Message::builder()
            .from(self.from.clone())
            .to(mailbox(to_name, to_email)?)
            .subject(mail.subject)
            .raw_header(unsubscribe)
            .multipart(MultiPart::alternative_plain_html(mail.text, mail.html))
            .map_err(|e| format!("building the message: {e}"))?;
        self.deliver(message).await
    }

    /// One plain-text message to one person. The error is for the log; it names no secret.
    async fn send(
        &self,
        to_name: &str,
        to_email: &str,
        subject: String,
        body: String,
    ) -> Result<(), String> {
        let message = Message::builder()
            .from(self.from.clone())
            .to(mailbox(to_name, to_email)?)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|e| format!("building the message: {e}"))?;
        self.deliver(message).await
    }

    async fn deliver(&self, message: Message) -> Result<(), String> {
        self.transport
            .send(message)
            .await
            .map(drop)
            .map_err(|e| format!("{}: {e}", self.relay))
    }
}
