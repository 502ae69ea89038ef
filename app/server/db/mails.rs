//! Notifications by mail: each person's settings per topic, and the mails the dispatcher
//! claims, sends and records (on their own, or gathered into one digest per person).

use super::{Db, DbError, Tx, on_backend, on_tx};
use crate::model::{MailState, Topic, TopicSetting};
use chrono::{DateTime, Utc};

/// A notification's mail, claimed to be sent, with everything the message says.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DueMail {
    /// The notification's id.
    pub id: i64,
    pub attempts: i64,
    pub user_id: i64,
    pub email: String,
    pub name: String,
    pub topic: String,
    /// What happened (the event's kind) and to what (`v2mom:12`).
    pub kind: String,
    pub subject: String,
    pub actor_name: Option<String>,
    pub title: Option<String>,
    /// The comment a returned V2MOM (or amendment) came back with.
    pub comment: Option<String>,
    pub at: DateTime<Utc>,
    /// The interface language the recipient chose (`en`, `de`), if any.
    pub language: Option<String>,
}

impl DueMail {
    /// The language the recipient chose, if any.
    pub fn language(&self) -> Option<crate::i18n::Lang> {
        self.language
            .as_deref()
            .and_then(crate::i18n::Lang::from_tag)
    }
}

/// What a mail's message needs, joined from the notification: `{claimed}` narrows the rows.
const MAIL_DETAILS: &str = "SELECT n.id, n.mail_attempts AS attempts, n.user_id, r.email, \
        r.display_name AS name, n.topic, e.kind, e.subject, a.display_name AS actor_name, \
        COALESCE(v.title, p.name) AS title, \
        COALESCE(NULLIF(m.review_comment, ''), v.review_comment) AS comment, e.at, r.language \
    FROM notifications n JOIN events e ON e.id = n.event_id \
    JOIN users r ON r.id = n.user_id \
    LEFT JOIN users a ON a.id = e.actor_id \
    LEFT JOIN v2moms v ON e.subject = 'v2mom:' || CAST(v.id AS TEXT) \
    LEFT JOIN v2mom_amendments m ON m.v2mom_id = v.id \
    LEFT JOIN periods p ON e.subject = 'period:' || CAST(p.id AS TEXT) \
    WHERE {claimed} ORDER BY n.id";

impl Tx {
    /// Leaves `event_id` in `user_id`'s notifications (once), as `topic`, with its mail.
    pub async fn add_notification(
        &mut self,
        user_id: i64,
        event_id: i64,
        topic: Topic,
        mail: MailState,
        at: DateTime<Utc>,
    ) -> Result<(), DbError> {
        const SQL: &str = "INSERT INTO notifications \
                (user_id, event_id, created_at, topic, mail, mail_next_at) \
            VALUES ($1, $2, $3, $4, $5, $3) ON CONFLICT (user_id, event_id) DO NOTHING";
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(user_id)
            .bind(event_id)
            .bind(at)
            .bind(topic.as_str())
            .bind(mail.as_str())
            .execute(conn)
            .await
            .map(drop))
    }

    /// Replaces `user_id`'s settings with `settings` (one per topic) and how often their
    /// digest comes.
    pub async fn save_notification_settings(
        &mut self,
        user_id: i64,
        settings: &[TopicSetting],
        digest_weekly: bool,
    ) -> Result<(), DbError> {
        for setting in settings {
            self.set_notification_setting(user_id, *setting).await?;
        }
        const WEEKLY: &str = "UPDATE users SET digest_weekly = $1 WHERE id = $2";
        on_tx!(self, |conn| sqlx::query(WEEKLY)
            .bind(digest_weekly)
            .bind(user_id)
            .execute(conn)
            .await
            .map(drop))
    }

    pub async fn set_notification_setting(
        &mut self,
        user_id: i64,
        setting: TopicSetting,
    ) -> Result<(), DbError> {
        const SQL: &str = "INSERT INTO notification_settings (user_id, topic, email, digest) \
            VALUES ($1, $2, $3, $4) ON CONFLICT (user_id, topic) \
            DO UPDATE SET email = excluded.email, digest = excluded.digest";
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(user_id)
            .bind(setting.topic.as_str())
            .bind(setting.email)
            .bind(setting.digest)
            .execute(conn)
            .await
            .map(drop))
    }
}

impl Db {
    /// `user_id`'s setting for every topic: theirs where they chose, else the default.
    pub async fn notification_settings(&self, user_id: i64) -> Result<Vec<TopicSetting>, DbError> {
        const SQL: &str =
            "SELECT topic, email, digest FROM notification_settings WHERE user_id = $1";
        let chosen: Vec<(String, bool, bool)> = on_backend!(self, |pool| sqlx::query_as(SQL)
            .bind(user_id)
            .fetch_all(pool)
            .await)?;
        Ok(Topic::ALL
            .into_iter()
            .map(|topic| {
                chosen
                    .iter()
                    .find(|(name, ..)| name == topic.as_str())
                    .map_or(topic.default_setting(), |(_, email, digest)| TopicSetting {
                        topic,
                        email: *email,
                        digest: *digest,
                    })
            })
            .collect())
    }

    /// `user_id`'s setting for `topic`: theirs, or the default.
    pub async fn notification_setting(
        &self,
        user_id: i64,
        topic: Topic,
    ) -> Result<TopicSetting, DbError> {
        let settings = self.notification_settings(user_id).await?;
        Ok(settings
            .into_iter()
            .find(|s| s.topic == topic)
            .unwrap_or_else(|| topic.default_setting()))
    }

    /// Claims up to `limit` mails in state `mail` due by `now` (for the digest, only of
    /// people whose digest is due: daily, or weekly and none sent since `week_ago`): each
    /// gets an attempt, and is this process's until `lease_until`. On PostgreSQL another
    /// process skips the rows this one holds.
    pub async fn claim_mails(
        &self,
        mail: MailState,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: i64,
        week_ago: DateTime<Utc>,
    ) -> Result<Vec<DueMail>, DbError> {
        const CLAIM: &str = "UPDATE notifications \
            SET mail_attempts = mail_attempts + 1, mail_next_at = $2 \
            WHERE id IN (SELECT id FROM notifications \
                WHERE mail = $4 AND mail_next_at <= $1 \
                AND ($4 = 'due' OR user_id IN (SELECT id FROM users WHERE NOT digest_weekly \
                    OR digest_sent_at IS NULL OR digest_sent_at <= $5)) \
                ORDER BY mail_next_at, id LIMIT $3{skip}) \
            RETURNING id";
        let claim = CLAIM.replace("{skip}", self.skip_locked());
        let ids: Vec<i64> = on_backend!(self, |pool| sqlx::query_scalar(&claim)
            .bind(now)
            .bind(lease_until)
            .bind(limit)
            .bind(mail.as_str())
            .bind(week_ago)
            .fetch_all(pool)
            .await)?;
        if ids.is_empty() {
            return Ok(vec![]);
        }
        let list = ids
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let sql = MAIL_DETAILS.replace("{claimed}", &format!("n.id IN ({list})"));
        on_backend!(self, |pool| sqlx::query_as(&sql).fetch_all(pool).await)
    }

    /// Whether `user_id`'s digest comes weekly.
    pub async fn digest_weekly(&self, user_id: i64) -> Result<bool, DbError> {
        const SQL: &str = "SELECT digest_weekly FROM users WHERE id = $1";
        let weekly: Option<bool> = on_backend!(self, |pool| sqlx::query_scalar(SQL)
            .bind(user_id)
            .fetch_optional(pool)
            .await)?;
        Ok(weekly.unwrap_or(false))
    }

    /// Notes that `user_id`'s digest went out `at`.
    pub async fn note_digest_sent(&self, user_id: i64, at: DateTime<Utc>) -> Result<(), DbError> {
        const SQL: &str = "UPDATE users SET digest_sent_at = $1 WHERE id = $2";
        on_backend!(self, |pool| sqlx::query(SQL)
            .bind(at)
            .bind(user_id)
            .execute(pool)
            .await
            .map(drop))
    }

    /// Records how the mail of notifications `ids` went: `state` (sent, failed, or still
    /// `due`/`digest` and tried again at `next_at`).
    pub async fn record_mails(
        &self,
        ids: &[i64],
        state: MailState,
        next_at: DateTime<Utc>,
    ) -> Result<(), DbError> {
        const SQL: &str = "UPDATE notifications SET mail = $1, mail_next_at = $2 WHERE id = $3";
        for id in ids {
            on_backend!(self, |pool| sqlx::query(SQL)
                .bind(state.as_str())
                .bind(next_at)
                .bind(id)
                .execute(pool)
                .await
                .map(drop))?;
        }
        Ok(())
    }
}
