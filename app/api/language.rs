//! One's interface language. The rules are in `server::accounts::language`.

use crate::{error::AppError, i18n::Lang};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::server::{accounts, auth::signed_in, state::app_state};

/// The language you chose; `None`: your browser's.
#[server(endpoint = "profile/language")]
pub async fn my_language() -> Result<Option<Lang>, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    accounts::language(&actor)
}

/// Sets your language (`en`, `de`; empty: your browser's). A form without JavaScript comes
/// back to the page it was sent from, now in that language.
#[server(endpoint = "profile/language/set")]
pub async fn set_my_language(#[server(default)] language: String) -> Result<(), AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    accounts::set_language(&state, &actor, &language).await
}
