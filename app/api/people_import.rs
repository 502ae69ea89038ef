//! Importing people from a CSV file: preview, then import. The page works the same with
//! and without JavaScript: the CSV being previewed waits in the session, and after a plain
//! form post the import's outcome (with its invitation links) is shown once. The rules are
//! in `server::invitations::import`.

use crate::{
    error::AppError,
    model::{ImportDone, ImportDraft, ImportPreview},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::server::{
    auth::signed_in,
    errors::is_plain_form_post,
    invitations, shown_once,
    state::app_state,
    unsaved::{self, Unsaved},
};

/// The page the forms come back to without JavaScript.
#[cfg(feature = "ssr")]
const PAGE: &str = "/admin/people/import";

/// What importing `csv` would do; nothing is written but the CSV, kept for the page.
#[server(endpoint = "users/import/preview")]
pub async fn preview_people_import(csv: String) -> Result<ImportPreview, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let preview = invitations::preview_import(&state, &actor, &csv).await?;
    unsaved::keep(Unsaved::PeopleImport, &csv).await?;
    if is_plain_form_post() {
        leptos_axum::redirect(PAGE);
    }
    Ok(preview)
}

/// The CSV this browser previewed last, previewed again against who exists now.
#[server(endpoint = "users/import/draft")]
pub async fn people_import_draft() -> Result<Option<ImportDraft>, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let kept = unsaved::find(Unsaved::PeopleImport).await?;
    invitations::import_draft(&state, &actor, kept).await
}

/// Imports `csv`, all or nothing; refused with every problem when it has any.
#[server(endpoint = "users/import")]
pub async fn import_people(csv: String) -> Result<ImportDone, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let site = super::users::site_origin(&state);
    let done = invitations::import(&state, &actor, &site, &csv).await?;
    unsaved::forget(Unsaved::PeopleImport).await?;
    if is_plain_form_post() {
        shown_once::keep(&state.keyring, &done).await?;
        leptos_axum::redirect(PAGE);
    }
    Ok(done)
}

/// What the import made by a form sent without JavaScript did, once; then nothing.
#[server(endpoint = "users/import/done")]
pub async fn people_import_done() -> Result<Option<ImportDone>, AppError> {
    let state = app_state()?;
    signed_in(&state).await?;
    shown_once::take(&state.keyring).await
}
