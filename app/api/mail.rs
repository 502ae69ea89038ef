//! Invitation mail for administrators: how it is configured, and a test message to oneself.
//! The rules are in `server::invitations::mail`.

use crate::{
    error::AppError,
    model::{MailSettings, TestMailSent},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::server::{
    auth::signed_in, errors::is_plain_form_post, invitations::mail, state::app_state,
};

/// Where invitation mail goes out, if anywhere (403 for everyone but administrators).
#[server(endpoint = "mail")]
pub async fn invitation_mail_settings() -> Result<MailSettings, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    mail::settings(&state, &actor)
}

/// Mails the signed-in administrator a test message. Without JavaScript the browser comes
/// back to the People page, which says it went.
#[server(endpoint = "mail/test")]
pub async fn send_test_mail() -> Result<TestMailSent, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let sent = mail::send_test(&state, &actor).await?;
    if is_plain_form_post() {
        leptos_axum::redirect("/admin/people?test_mail=sent#mail");
    }
    Ok(sent)
}
