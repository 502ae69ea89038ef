//! One's notification settings (per topic: mailed or not, on its own or in the daily
//! digest), and the link in every mail that stops mails of its topic without signing in.
//! The link carries the person and topic sealed by the keyring, so it cannot be made for
//! anyone else, and an old key still opens it after `rotate-key`.

use crate::{
    error::AppError,
    model::{MailLink, NotificationSettings, Topic, TopicSetting, validate::Checks},
    server::{
        actor::Actor,
        audit::{Event, Origin},
        errors::internal,
        keyring::Sealed,
        policy::{Action, authorize},
        state::AppState,
        transaction,
    },
};
use serde_json::json;

/// Where a person chooses how they hear of things.
pub const SETTINGS_PAGE: &str = "/profile/notifications";
/// What an unsubscribe token is sealed for (it opens for nothing else).
const UNSUBSCRIBE: &str = "notifications.unsubscribe";

pub async fn settings(state: &AppState, actor: &Actor) -> Result<NotificationSettings, AppError> {
    actor.require(Action::ManageOwnAccount)?;
    Ok(NotificationSettings {
        topics: state
            .db
            .notification_settings(actor.id())
            .await
            .map_err(internal)?,
        digest_weekly: state.db.digest_weekly(actor.id()).await.map_err(internal)?,
        mail_configured: state.config.mailer.is_some(),
    })
}

/// Saves the ticked boxes (`email` and `digest` each name the topics ticked) and how often
/// the digest comes (`daily` or `weekly`).
pub async fn save(
    state: &AppState,
    actor: &Actor,
    email: &[String],
    digest: &[String],
    digest_every: &str,
) -> Result<NotificationSettings, AppError> {
    actor.require(Action::ManageOwnAccount)?;
    let mut checks = Checks::new();
    let weekly = match digest_every {
        "" | "daily" => false,
        "weekly" => true,
        _ => {
            checks.fail("digest_every", crate::i18n::t("server-digest-every"));
            false
        }
    };
    let mut ticked = |names: &[String], field: &str| -> Vec<Topic> {
        let mut topics = Vec::new();
        for name in names {
            match Topic::parse(name) {
                Some(topic) => topics.push(topic),
                None => checks.fail(
                    field,
                    crate::i18n::t_with(
                        "server-no-such-topic",
                        &[("topic", format!("{name:?}").into())],
                    ),
                ),
            }
        }
        topics
    };
    let (email, digest) = (ticked(email, "email"), ticked(digest, "digest"));
    checks.into_result()?;
    let chosen: Vec<TopicSetting> = Topic::ALL
        .into_iter()
        .map(|topic| TopicSetting {
            topic,
            email: email.contains(&topic),
            digest: digest.contains(&topic),
        })
        .collect();
    transaction::run(&state.db, async |tx| {
        tx.save_notification_settings(actor.id(), &chosen, weekly)
            .await?;
        let mailed: Vec<&str> = email.iter().map(|t| t.as_str()).collect();
        let event = Event::new("notifications.settings_changed")
            .by(actor.id())
            .on(format!("user:{}", actor.id()))
            .with(json!({ "email": mailed, "digest_weekly": weekly }));
        tx.audit(&actor.origin, event).await?;
        Ok(())
    })
    .await?;
    settings(state, actor).await
}

/// The link, at the public address, that stops `user`'s mails of `topic`.
pub fn unsubscribe_link(state: &AppState, user: i64, topic: Topic) -> String {
    let sealed = state
        .keyring
        .seal(UNSUBSCRIBE, &format!("{user}:{}", topic.as_str()));
    state.config.public_link(&format!(
        "/unsubscribe?token={}.{}",
        sealed.key_id, sealed.ciphertext
    ))
}

/// What the link with `token` would stop, for the page that asks to confirm.
pub async fn mail_link(state: &AppState, token: &str) -> Result<MailLink, AppError> {
    Ok(follow(state, token).await?.0)
}

/// Stops the mails the link with `token` is about (their digest choice stays).
pub async fn stop_mails(
    state: &AppState,
    origin: &Origin,
    token: &str,
) -> Result<MailLink, AppError> {
    let (link, user, current) = follow(state, token).await?;
    transaction::run(&state.db, async |tx| {
        let off = TopicSetting {
            email: false,
            ..current
        };
        tx.set_notification_setting(user, off).await?;
        let event = Event::new("notifications.unsubscribed")
            .by(user)
            .on(format!("user:{user}"))
            .with(json!({ "topic": current.topic.as_str() }));
        tx.audit(origin, event).await?;
        Ok(())
    })
    .await?;
    Ok(MailLink {
        stopped: true,
        ..link
    })
}

/// Follows the link with `token`: what it is about, whose it is, and their setting now.
async fn follow(state: &AppState, token: &str) -> Result<(MailLink, i64, TopicSetting), AppError> {
    authorize(None, Action::FollowMailLink)?;
    let (user, topic) = open(state, token)?;
    let person = state
        .db
        .user_by_id(user)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let current = state
        .db
        .notification_setting(user, topic)
        .await
        .map_err(internal)?;
    let link = MailLink {
        topic,
        name: person.display_name,
        stopped: !current.email,
    };
    Ok((link, user, current))
}

/// The person and topic sealed in `token`; `NotFound` for anything else.
fn open(state: &AppState, token: &str) -> Result<(i64, Topic), AppError> {
    let (key_id, ciphertext) = token.trim().rsplit_once('.').ok_or(AppError::NotFound)?;
    let sealed = Sealed {
        key_id: key_id.to_owned(),
        ciphertext: ciphertext.to_owned(),
    };
    let text = state
        .keyring
        .open(UNSUBSCRIBE, &sealed)
        .map_err(|_| AppError::NotFound)?;
    let (user, topic) = text.split_once(':').ok_or(AppError::NotFound)?;
    let user = user.parse().map_err(|_| AppError::NotFound)?;
    let topic = Topic::parse(topic).ok_or(AppError::NotFound)?;
    Ok((user, topic))
}
