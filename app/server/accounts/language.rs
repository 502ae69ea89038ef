//! One's interface language: the pages, and the mails one is sent, are in it.

use super::sessions::audit_on_self;
use crate::{
    error::{AppError, FieldError},
    i18n::Lang,
    server::{actor::Actor, policy::Action, state::AppState, transaction},
};

/// The language `actor` chose; `None`: their browser's (else the installation's default).
pub fn language(actor: &Actor) -> Result<Option<Lang>, AppError> {
    actor.require(Action::ManageOwnAccount)?;
    Ok(actor.user.language())
}

/// Sets the language `actor` sees pages and gets mails in (`en`, `de`); empty goes back to
/// their browser's, anything else is refused for the `language` field. Audited as
/// `account.language_changed`.
pub async fn set_language(state: &AppState, actor: &Actor, tag: &str) -> Result<(), AppError> {
    actor.require(Action::ManageOwnAccount)?;
    let language = match tag.trim() {
        "" => None,
        tag => Some(Lang::from_tag(tag).ok_or_else(|| AppError::Invalid {
            fields: vec![FieldError {
                field: "language".into(),
                message: crate::i18n::t("language-unknown"),
            }],
        })?),
    };
    let code = language.map(Lang::code);
    transaction::run(&state.db, async |tx| {
        tx.set_user_language(actor.id(), code).await?;
        let details = serde_json::json!({ "language": code });
        audit_on_self(tx, actor, "account.language_changed", Some(details)).await?;
        Ok(())
    })
    .await
}
