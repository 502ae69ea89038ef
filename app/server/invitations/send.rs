//! Inviting: the account is created at once, with a single-use link for the person to
//! choose a password; a new link replaces a lost or expired one.

use crate::{
    error::{AppError, FieldError},
    model::{
        Delivery, InvitationSent, Role,
        validate::{Checks, MAX_NAME},
    },
    server::{
        actor::Actor,
        audit::Event,
        db::{DbError, NewUser, Tx, UserRecord, is_unique_violation},
        errors::internal,
        mail::{self, InvitationMail, Mailer},
        policy::Action,
        state::AppState,
        tokens::new_token,
        transaction,
        users::{self, optional_texts, parse_manager, require_known_manager},
    },
};
use chrono::{DateTime, Utc};

/// Who to invite, and where they sit in the organisation.
#[derive(Debug, Clone)]
pub struct Invitee<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    /// As the form's `<select>` sends it: an id, or "" for none.
    pub manager: &'a str,
    pub function: &'a str,
    pub job_title: &'a str,
}

/// Creates the account and a single-use link under `site` (see [`site_origin`]).
pub async fn invite(
    state: &AppState,
    actor: &Actor,
    site: &str,
    invitee: Invitee<'_>,
) -> Result<InvitationSent, AppError> {
    actor.require(Action::ManageUsers)?;
    let manager_id = parse_manager(invitee.manager)?;
    let mut checks = Checks::new();
    let email = checks.email("email", invitee.email);
    let name = checks.text("name", invitee.name, MAX_NAME);
    let [function, job_title] = optional_texts(
        &mut checks,
        [
            ("function", invitee.function),
            ("job_title", invitee.job_title),
        ],
    );
    checks.into_result()?;
    if let Some(id) = manager_id {
        require_known_manager(state, id).await?;
    }

    let (person, link) = transaction::run(&state.db, async |tx| {
        let person = match tx
            .create_user(NewUser {
                email: &email,
                display_name: &name,
                job_title: &job_title,
                function: &function,
                role: invitee.role,
                manager_id,
                password_hash: None,
            })
            .await
        {
            Err(err) if is_unique_violation(&err) => {
                return Err(AppError::Invalid {
                    fields: vec![FieldError {
                        field: "email".into(),
                        message: crate::i18n::t("server-invite-email-taken"),
                    }],
                }
                .into());
            }
            other => other?,
        };
        let event = Event::new("user.invited")
            .by(actor.id())
            .on(format!("user:{}", person.id))
            .with(serde_json::json!({ "role": invitee.role, "manager_id": manager_id }));
        let link = open_link(state, tx, actor, person.id, event).await?;
        Ok((person, link))
    })
    .await?;
    deliver(state, actor, site, &person, link).await
}

/// A new link for someone invited who has not accepted yet (lost, expired, or sent to the
/// wrong place): the earlier links stop working.
pub async fn reinvite(
    state: &AppState,
    actor: &Actor,
    site: &str,
    id: i64,
) -> Result<InvitationSent, AppError> {
    let person = users::managed(state, actor, id).await?;
    if person.password_hash().is_some() || !person.is_active() {
        return Err(AppError::Refused {
            reason: crate::i18n::t("server-reinvite-accepted"),
        });
    }
    let event = Event::new("user.reinvited")
        .by(actor.id())
        .on(format!("user:{}", person.id));
    let link = transaction::run(&state.db, async |tx| {
        Ok(open_link(state, tx, actor, person.id, event.clone()).await?)
    })
    .await?;
    deliver(state, actor, site, &person, link).await
}

/// `https://v2mom.example` when configured, else what the browser used to reach us
/// (`request_host`, the request's Host header).
pub fn site_origin(state: &AppState, request_host: Option<&str>) -> String {
    if let Some(url) = &state.config.public_url {
        return url.origin().ascii_serialization();
    }
    let host = request_host
        .map(str::to_owned)
        .unwrap_or_else(|| state.config.settings.addr.to_string());
    format!("http://{host}")
}

/// A single-use link just opened: its token (shown once) and when it expires.
pub(super) struct NewLink {
    token: String,
    expires_at: DateTime<Utc>,
}

/// Opens a single-use link for `person` (closing any earlier one) and records `event`, in
/// the caller's transaction.
pub(super) async fn open_link(
    state: &AppState,
    tx: &mut Tx,
    actor: &Actor,
    person: i64,
    event: Event,
) -> Result<NewLink, DbError> {
    let (token, token_hash) = new_token();
    let expires_at =
        Utc::now() + chrono::Duration::days(state.config.settings.invitation_ttl_days as i64);
    tx.create_invitation(person, &token_hash, actor.id(), expires_at)
        .await?;
    tx.audit(&actor.origin, event).await?;
    Ok(NewLink { token, expires_at })
}

/// Once the link is committed: mails it when mail is configured. The administrator gets
/// the link only when it was not mailed.
pub(super) async fn deliver(
    state: &AppState,
    actor: &Actor,
    site: &str,
    person: &UserRecord,
    NewLink { token, expires_at }: NewLink,
) -> Result<InvitationSent, AppError> {
    let link = format!("{site}/invite/{token}");
    let expires_at = expires_at.format("%Y-%m-%d %H:%M UTC").to_string();
    let delivery = match &state.config.mailer {
        None => Delivery::ByHand,
        Some(mailer) => mail_invitation(state, mailer, actor, person, &link, &expires_at).await?,
    };
    Ok(InvitationSent {
        user_id: person.id,
        email: person.email.clone(),
        link: (delivery != Delivery::Mailed).then_some(link),
        expires_at,
        delivery,
    })
}

/// Sends the invitation and records whether the relay took it. A failure is not an error
/// for the administrator: the invitation exists, and they get the link to pass on.
async fn mail_invitation(
    state: &AppState,
    mailer: &Mailer,
    actor: &Actor,
    person: &UserRecord,
    link: &str,
    expires_at: &str,
) -> Result<Delivery, AppError> {
    let organisation = state.db.organisation_name().await.map_err(internal)?;
    let sent = mailer
        .send_invitation(InvitationMail {
            lang: mail::invitation_language(state, person),
            to_name: &person.display_name,
            to_email: &person.email,
            organisation: &organisation,
            invited_by: &actor.user.display_name,
            link,
            expires_at,
        })
        .await;
    let (delivery, action) = match sent {
        Ok(()) => (Delivery::Mailed, "invitation.mailed"),
        Err(error) => {
            tracing::warn!(user_id = person.id, %error, "invitation mail not sent");
            (Delivery::MailFailed, "invitation.mail_failed")
        }
    };
    let event = Event::new(action)
        .by(actor.id())
        .on(format!("user:{}", person.id))
        .with(serde_json::json!({ "relay": mailer.relay() }));
    transaction::run(&state.db, async |tx| {
        Ok(tx.audit(&actor.origin, event.clone()).await?)
    })
    .await?;
    Ok(delivery)
}
