//! Invitation mail as an administrator sees it: whether it is configured, and a test message
//! to themselves that proves it arrives before anyone is invited.

use crate::{
    error::AppError,
    model::{MailSettings, TestMailSent},
    server::{
        actor::Actor, audit::Event, errors::internal, policy::Action, state::AppState, transaction,
    },
};

/// The relay invitations go through, if any.
pub fn settings(state: &AppState, actor: &Actor) -> Result<MailSettings, AppError> {
    actor.require(Action::ManageSettings)?;
    Ok(MailSettings {
        relay: state.config.mailer.as_ref().map(|m| m.relay().to_owned()),
    })
}

/// Mails the administrator a test message, audited as `mail.tested` whether or not the relay
/// took it. A relay's refusal is said plainly; its reason goes to the log, not the page.
pub async fn send_test(state: &AppState, actor: &Actor) -> Result<TestMailSent, AppError> {
    actor.require(Action::ManageSettings)?;
    let mailer = state
        .config
        .mailer
        .as_ref()
        .ok_or_else(|| AppError::Refused {
            reason: crate::i18n::t("server-mail-not-configured"),
        })?;
    let organisation = state.db.organisation_name().await.map_err(internal)?;
    let user = &actor.user;
    let sent = mailer
        .send_test(
            crate::i18n::language(),
            &user.display_name,
            &user.email,
            &organisation,
        )
        .await;
    if let Err(error) = &sent {
        tracing::warn!(user_id = user.id, %error, "test mail not sent");
    }
    let event = Event::new("mail.tested")
        .by(actor.id())
        .with(serde_json::json!({ "relay": mailer.relay(), "sent": sent.is_ok() }));
    transaction::run(&state.db, async |tx| {
        Ok(tx.audit(&actor.origin, event.clone()).await?)
    })
    .await?;
    match sent {
        Ok(()) => Ok(TestMailSent {
            to: user.email.clone(),
            relay: mailer.relay().to_owned(),
        }),
        Err(_) => Err(AppError::Refused {
            reason: crate::i18n::t_with(
                "server-mail-relay-refused",
                &[("relay", mailer.relay().into())],
            ),
        }),
    }
}
