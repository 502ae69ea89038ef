//! Outgoing mail: invitation links, notifications (and an administrator's test message),
//! over SMTP when `smtp_url` is configured.
//!
//! Mail is sent after the change it announces has been committed, so a message never
//! points at something that does not exist; when sending fails the caller still has the
//! link to hand over another way.

use crate::{
    i18n::{Lang, text, text_with},
    server::{db::UserRecord, serving, state::AppState},
};
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

/// The language of a mail to `user`: the one they chose, else the installation's default.
pub fn language_of(state: &AppState, user: &UserRecord) -> Lang {
    user.language()
        .unwrap_or(state.config.settings.default_language)
}

/// The language of an invitation to `person` (who has chosen none yet, as a rule): the
/// inviting administrator's, as their request is answered; the installation's default from
/// the command line.
pub fn invitation_language(state: &AppState, person: &UserRecord) -> Lang {
    person.language().unwrap_or_else(|| {
        serving::current()
            .and_then(|serving| serving.language())
            .unwrap_or(state.config.settings.default_language)
    })
}

/// A mail's greeting: "Hello Ada,".
pub fn hello(lang: Lang, name: &str) -> String {
    text_with(lang, "mail-hello", &[("name", name.into())])
}

/// An invitation to pass on: everything the message says.
pub struct InvitationMail<'a> {
    /// The language it is written in.
    pub lang: Lang,
    pub to_name: &'a str,
    pub to_email: &'a str,
    pub organisation: &'a str,
    pub invited_by: &'a str,
    pub link: &'a str,
    pub expires_at: &'a str,
}

/// An invitation's subject and text.
fn invitation_text(mail: &InvitationMail<'_>) -> (String, String) {
    let lang = mail.lang;
    let body = format!(
        "{hello}\n\n{invited}\n\n{choose}\n\n{link}\n\n{expires}\n",
        hello = hello(lang, mail.to_name),
        invited = text_with(
            lang,
            "mail-invitation-invited",
            &[
                ("inviter", mail.invited_by.into()),
                ("organisation", mail.organisation.into()),
            ],
        ),
        choose = text(lang, "mail-invitation-choose-password"),
        link = mail.link,
        expires = text_with(
            lang,
            "mail-invitation-expires",
            &[("expires", mail.expires_at.into())],
        ),
    );
    let subject = text_with(
        lang,
        "mail-invitation-subject",
        &[("organisation", mail.organisation.into())],
    );
    (subject, body)
}

/// The test message's subject and text.
fn test_text(lang: Lang, to_name: &str, organisation: &str, relay: &str) -> (String, String) {
    let body = format!(
        "{}\n\n{}\n",
        hello(lang, to_name),
        text_with(
            lang,
            "mail-test-body",
            &[
                ("organisation", organisation.into()),
                ("relay", relay.into())
            ],
        ),
    );
    let subject = text_with(
        lang,
        "mail-test-subject",
        &[("organisation", organisation.into())],
    );
    (subject, body)
}

/// The subject and text telling someone their second factor was turned off by `by`.
fn second_factor_reset_text(
    lang: Lang,
    to_name: &str,
    organisation: &str,
    by: &str,
) -> (String, String) {
    let body = format!(
        "{}\n\n{}\n\n{}\n",
        hello(lang, to_name),
        text_with(
            lang,
            "mail-second-factor-reset-body",
            &[("by", by.into()), ("organisation", organisation.into())],
        ),
        text_with(
            lang,
            "mail-second-factor-reset-warning",
            &[("by", by.into())]
        ),
    );
    let subject = text_with(
        lang,
        "mail-second-factor-reset-subject",
        &[("organisation", organisation.into())],
    );
    (subject, body)
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

    /// Sends one invitation, in `mail.lang`. The error is for the log; it names no secret.
    pub async fn send_invitation(&self, mail: InvitationMail<'_>) -> Result<(), String> {
        let (subject, body) = invitation_text(&mail);
        self.send(mail.to_name, mail.to_email, subject, body).await
    }

    /// Sends an administrator a message, in `lang`, that only proves mail arrives.
    pub async fn send_test(
        &self,
        lang: Lang,
        to_name: &str,
        to_email: &str,
        organisation: &str,
    ) -> Result<(), String> {
        let (subject, body) = test_text(lang, to_name, organisation, &self.relay);
        self.send(to_name, to_email, subject, body).await
    }

    /// Tells someone, in `lang`, that an administrator removed their second factor, so a
    /// reset they did not ask for does not go unnoticed.
    pub async fn send_second_factor_reset(
        &self,
        lang: Lang,
        to_name: &str,
        to_email: &str,
        organisation: &str,
        by: &str,
    ) -> Result<(), String> {
        let (subject, body) = second_factor_reset_text(lang, to_name, organisation, by);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn invitation(lang: Lang) -> InvitationMail<'static> {
        InvitationMail {
            lang,
            to_name: "Ada Lovelace",
            to_email: "ada@example.com",
            organisation: "Acme",
            invited_by: "Grace Hopper",
            link: "https://v2mom.example/invite/abc",
            expires_at: "2026-12-13 09:00 UTC",
        }
    }

    #[test]
    fn english_mails_say_what_they_always_said() {
        assert_eq!(
            invitation_text(&invitation(Lang::En)),
            (
                "Your invitation to Acme on v2mom".to_owned(),
                "Hello Ada Lovelace,\n\n\
                 Grace Hopper has invited you to Acme on v2mom, where you write and follow your \
                 V2MOM.\n\n\
                 Choose your password here:\n\nhttps://v2mom.example/invite/abc\n\n\
                 The link works once and expires on 2026-12-13 09:00 UTC. If you did not expect \
                 this message, you can ignore it.\n"
                    .to_owned()
            )
        );
        assert_eq!(
            test_text(Lang::En, "Ada", "Acme", "smtps://mail.example:465"),
            (
                "Test message from v2mom for Acme".to_owned(),
                "Hello Ada,\n\n\
                 This is the test message you asked for on v2mom for Acme. It came through \
                 smtps://mail.example:465, so invitations will arrive the same way.\n"
                    .to_owned()
            )
        );
        assert_eq!(
            second_factor_reset_text(Lang::En, "Ada", "Acme", "Grace"),
            (
                "Your second factor at Acme was turned off".to_owned(),
                "Hello Ada,\n\n\
                 Grace has turned off the second factor of your account at Acme on v2mom (your \
                 authenticator app, passkeys and recovery codes): you now sign in with your \
                 password alone. Set up a second factor again under Your account → Security.\n\n\
                 If you did not ask for this, tell Grace or another administrator at once.\n"
                    .to_owned()
            )
        );
    }

    #[test]
    fn mails_come_in_the_recipients_language() {
        let (subject, body) = invitation_text(&invitation(Lang::De));
        assert_eq!(subject, "Ihre Einladung zu Acme auf v2mom");
        assert!(
            body.starts_with("Hallo Ada Lovelace,\n\nGrace Hopper hat Sie zu Acme"),
            "{body}"
        );
        assert!(
            body.contains("\n\nhttps://v2mom.example/invite/abc\n\n"),
            "{body}"
        );
        let (subject, body) = second_factor_reset_text(Lang::De, "Ada", "Acme", "Grace");
        assert_eq!(subject, "Ihr zweiter Faktor bei Acme wurde ausgeschaltet");
        assert!(body.contains("sagen Sie es sofort Grace"), "{body}");
    }
}
