//! Notifications by mail: each person's choice decides, when a notification is made,
//! whether it is mailed on its own, kept for the daily digest or not mailed; the dispatcher
//! then sends the due ones (at least once, retried like webhook deliveries) and, once a day
//! per deployment, one digest per person.

use super::{
    dispatch::wait_after,
    inbox::page_of,
    settings::{SETTINGS_PAGE, unsubscribe_link},
};
use crate::{
    error::AppError,
    i18n::{Lang, text, text_with},
    model::{EventKind, MailState, Topic, shown_title_in},
    server::{
        db::DueMail,
        errors::internal,
        html::escape,
        mail::{NotificationMail, hello},
        state::AppState,
    },
};
use chrono::{DateTime, Duration, Utc};
use std::collections::BTreeMap;

/// Mails sent at once by one process.
const MAILS_PER_BATCH: i64 = 20;
/// Notifications one digest run gathers at most.
const DIGEST_BATCH: i64 = 1000;
/// How long a claimed mail is this process's: longer than sending may take.
const LEASE_SECS: i64 = 60;
/// Attempts at one mail before it is marked failed.
const ATTEMPTS: i64 = 5;
/// The scheduled job that sends the digests, and how often.
pub const DIGEST_JOB: &str = "notification_digest";
pub const DIGEST_EVERY_HOURS: i64 = 24;

/// What becomes of a new notification of `topic` for `user`: mailed, kept for the digest,
/// or not mailed (their choice, or no mail configured).
pub async fn state_for(state: &AppState, user: i64, topic: Topic) -> Result<MailState, AppError> {
    if state.config.mailer.is_none() {
        return Ok(MailState::None);
    }
    let setting = state
        .db
        .notification_setting(user, topic)
        .await
        .map_err(internal)?;
    Ok(MailState::of(setting, true))
}

/// Sends the mails due by `now`, each on its own. Returns how many it attempted.
pub async fn send_due(state: &AppState, now: DateTime<Utc>) -> Result<usize, AppError> {
    let Some(mailer) = &state.config.mailer else {
        return Ok(0);
    };
    let lease = now + Duration::seconds(LEASE_SECS);
    let due = state
        .db
        .claim_mails(MailState::Due, now, lease, MAILS_PER_BATCH, now)
        .await
        .map_err(internal)?;
    for mail in &due {
        let message = compose(state, mail);
        let sent = mailer
            .send_notification(&mail.name, &mail.email, message)
            .await;
        record(state, &[mail], MailState::Due, sent, now).await?;
    }
    Ok(due.len())
}

/// Sends each person whose digest is due (daily; weekly ones a week after their last) one
/// mail with every notification waiting for it. Returns how many digests it attempted.
pub async fn send_digests(state: &AppState, now: DateTime<Utc>) -> Result<usize, AppError> {
    let Some(mailer) = &state.config.mailer else {
        return Ok(0);
    };
    let lease = now + Duration::seconds(LEASE_SECS);
    let waiting = state
        .db
        .claim_mails(
            MailState::Digest,
            now,
            lease,
            DIGEST_BATCH,
            now - Duration::days(7),
        )
        .await
        .map_err(internal)?;
    let mut by_person: BTreeMap<i64, Vec<&DueMail>> = BTreeMap::new();
    for mail in &waiting {
        by_person.entry(mail.user_id).or_default().push(mail);
    }
    for mails in by_person.values() {
        let first = mails[0];
        let message = compose_digest(state, mails);
        let sent = mailer
            .send_notification(&first.name, &first.email, message)
            .await;
        if sent.is_ok() {
            state
                .db
                .note_digest_sent(first.user_id, now)
                .await
                .map_err(internal)?;
        }
        record(state, mails, MailState::Digest, sent, now).await?;
    }
    Ok(by_person.len())
}

/// Records how sending `mails` went: sent; due again after a wait; failed when spent.
async fn record(
    state: &AppState,
    mails: &[&DueMail],
    waiting: MailState,
    sent: Result<(), String>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let ids: Vec<i64> = mails.iter().map(|m| m.id).collect();
    let attempts = mails.iter().map(|m| m.attempts).max().unwrap_or(1);
    let (next, at) = match sent {
        Ok(()) => (MailState::Sent, now),
        Err(error) if attempts >= ATTEMPTS => {
            tracing::warn!(notifications = ?ids, %error, "a notification mail failed for good");
            (MailState::Failed, now)
        }
        Err(error) => {
            tracing::info!(notifications = ?ids, %error, "a notification mail failed; will retry");
            (waiting, now + wait_after(attempts))
        }
    };
    state
        .db
        .record_mails(&ids, next, at)
        .await
        .map_err(internal)
}

/// One notification, in words, with the page it is about.
struct Item {
    sentence: String,
    comment: Option<String>,
    link: String,
}

/// The language of the mails to the recipient of `mail`: theirs, else the installation's.
fn language(state: &AppState, mail: &DueMail) -> Lang {
    mail.language()
        .unwrap_or(state.config.settings.default_language)
}

fn item(state: &AppState, lang: Lang, mail: &DueMail) -> Item {
    let kind = EventKind::parse(&mail.kind);
    let who = match (&mail.actor_name, kind) {
        (Some(name), _) => name.clone(),
        (None, Some(kind)) => kind.default_actor_in(lang),
        (None, None) => text(lang, "notify-someone"),
    };
    let title = shown_title_in(lang, mail.title.as_deref().unwrap_or_default());
    let sentence = match kind {
        Some(kind) => kind.sentence_in(lang, &who, &title),
        None => text_with(
            lang,
            "notify-changed",
            &[("who", who.into()), ("title", title.into())],
        ),
    };
    let comment = (kind == Some(EventKind::V2momReturned))
        .then(|| mail.comment.clone().filter(|c| !c.is_empty()))
        .flatten();
    let page = page_of(&mail.subject).unwrap_or_else(|| "/notifications".to_owned());
    Item {
        sentence,
        comment,
        link: state.config.public_link(&page),
    }
}

/// One notification's mail.
fn compose(state: &AppState, mail: &DueMail) -> NotificationMail {
    let lang = language(state, mail);
    let topic = Topic::parse(&mail.topic).unwrap_or(Topic::ReviewRequested);
    let item = item(state, lang, mail);
    let subject = item.sentence.clone();
    letter(state, lang, mail, topic, &subject, &[item])
}

/// Every notification waiting for one person's digest, in one mail.
fn compose_digest(state: &AppState, mails: &[&DueMail]) -> NotificationMail {
    let first = mails[0];
    let lang = language(state, first);
    let items: Vec<Item> = mails.iter().map(|mail| item(state, lang, mail)).collect();
    let subject = match items.len() {
        1 => text_with(
            lang,
            "mail-digest-subject-one",
            &[("sentence", items[0].sentence.clone().into())],
        ),
        n => text_with(lang, "mail-digest-subject-many", &[("count", n.into())]),
    };
    // A digest stops the topic of its first item; the settings page stops the others.
    let topic = Topic::parse(&first.topic).unwrap_or(Topic::UpTheChain);
    letter(state, lang, first, topic, &subject, &items)
}

/// The message around `items`: a greeting, each item with its link (and a returned
/// V2MOM's comment), then why the mail came and how to stop it.
fn letter(
    state: &AppState,
    lang: Lang,
    to: &DueMail,
    topic: Topic,
    subject: &str,
    items: &[Item],
) -> NotificationMail {
    let unsubscribe = unsubscribe_link(state, to.user_id, topic);
    let settings = state.config.public_link(SETTINGS_PAGE);
    let hello = hello(lang, &to.name);
    let mut text = format!("{hello}\n\n");
    let mut html = format!("<p>{}</p>\n", escape(&hello));
    for item in items {
        text.push_str(&format!("{}.\n", item.sentence));
        html.push_str(&format!("<p>{}.", escape(&item.sentence)));
        if let Some(comment) = &item.comment {
            let their_comment = crate::i18n::text(lang, "mail-their-comment");
            text.push_str(&format!("\n{their_comment}\n\n  {comment}\n"));
            html.push_str(&format!(
                "</p>\n<blockquote>{}</blockquote>\n<p>",
                escape(comment)
            ));
        }
        text.push_str(&format!("{}\n\n", item.link));
        html.push_str(&format!(
            " <a href=\"{0}\">{1}</a></p>\n",
            escape(&item.link),
            escape(&crate::i18n::text(lang, "mail-open-it"))
        ));
    }
    let footer = text_with(
        lang,
        "mail-footer",
        &[
            ("settings", settings.as_str().into()),
            ("unsubscribe", unsubscribe.as_str().into()),
        ],
    );
    text.push_str(&format!("-- \n{footer}\n"));
    // The links' addresses escaped; the words are the translators', markup included.
    let footer_html = text_with(
        lang,
        "mail-footer-html",
        &[
            ("settings", escape(&settings).into()),
            ("unsubscribe", escape(&unsubscribe).into()),
        ],
    );
    html.push_str(&format!("<hr>\n<p><small>{footer_html}</small></p>\n"));
    NotificationMail {
        subject: subject.to_owned(),
        text,
        html,
        unsubscribe,
    }
}
