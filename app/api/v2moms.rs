//! V2MOM server functions for the pages: each resolves who is acting from the browser
//! session, calls one use case in `crate::server::v2moms` (or `alignment`, `dashboard`),
//! and shapes the answer for the page (redirects for plain form posts without JavaScript).

pub use crate::model::{Saved, StartFrom, StartOptions};
use crate::{
    error::AppError,
    model::{
        AlignmentView, Method, RevisionInfo, Snapshot, StatusChange, V2momList, V2momPage,
        V2momQuery, V2momView, ValueItem,
    },
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    model::V2momContent,
    server::{
        alignment,
        auth::signed_in,
        dashboard,
        errors::is_plain_form_post,
        state::app_state,
        tracking,
        unsaved::{self, Unsaved},
        v2moms,
    },
};

/// Starts `owner`'s V2MOM for `period` (or opens the one they have) and goes to its editor.
#[server(endpoint = "v2moms/start")]
pub async fn start_v2mom(
    owner: i64,
    period: i64,
    #[server(default)] from: StartFrom,
) -> Result<i64, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let started = v2moms::start(&state, &actor, owner, period, from).await?;
    leptos_axum::redirect(&format!("/v2moms/{}/edit", started.id));
    Ok(started.id)
}

/// A V2MOM, what the reader may do with it, and how its methods are aligned; for its
/// editors, the text a refused save without JavaScript left behind.
#[server(endpoint = "v2moms/get")]
pub async fn get_v2mom(id: i64) -> Result<V2momPage, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    with_unsaved(v2moms::get(&state, &actor, id).await?).await
}

/// A V2MOM's page: [`get_v2mom`] and its check-ins, answered together.
#[server(endpoint = "v2moms/view")]
pub async fn view_v2mom(id: i64) -> Result<V2momView, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let view = tracking::v2mom_view(&state, &actor, id).await?;
    Ok(V2momView {
        page: with_unsaved(view.page).await?,
        ..view
    })
}

/// `page` with, for its editors, the text a refused save without JavaScript left behind.
#[cfg(feature = "ssr")]
async fn with_unsaved(mut page: V2momPage) -> Result<V2momPage, AppError> {
    if page.can_edit {
        page.unsaved = unsaved::v2mom(page.v2mom.id).await?;
    }
    Ok(page)
}

/// What the editor opens with, for the V2MOM's editors only: the V2MOM as [`get_v2mom`]
/// gives it (with the text a refused save without JavaScript left behind), and the methods
/// its methods may align to (those of the owner's manager's V2MOM for the same period, when
/// the editor may read it).
#[server(endpoint = "v2moms/edit")]
pub async fn edit_v2mom(id: i64) -> Result<(V2momPage, Vec<(i64, String)>), AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let (page, choices) = v2moms::for_editor(&state, &actor, id).await?;
    Ok((with_unsaved(page).await?, choices))
}

/// Saves the content when the V2MOM is still at `version`; 409 when someone saved first.
/// `op` (a move or removal from a button, without JavaScript) is applied before saving.
#[server(endpoint = "v2moms/save")]
#[allow(clippy::too_many_arguments)]
pub async fn save_v2mom(
    id: i64,
    version: i64,
    #[server(default)] title: String,
    #[server(default)] vision: String,
    #[server(default)] values: Vec<ValueItem>,
    #[server(default)] methods: Vec<Method>,
    #[server(default)] op: Option<String>,
) -> Result<Saved, AppError> {
    use crate::model::EditOp;
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let mut content = V2momContent {
        title,
        vision,
        values,
        methods,
    };
    if let Some(op) = op.as_deref().filter(|o| !o.is_empty()) {
        content.apply(EditOp::decode(op).ok_or(AppError::BadRequest)?);
    }
    let saved = v2moms::save(&state, &actor, id, version, &content).await;
    // Without JavaScript: a save refused for its text (a field, a conflict, a fault) goes
    // back to the editor with the text kept; a saved one to the editor (a move or removal)
    // or on to the V2MOM. Refusals of the edit itself keep nothing. The hydrated editor
    // stays where it is and keeps its form.
    let plain = is_plain_form_post();
    let worth_keeping = matches!(
        saved,
        Err(AppError::Invalid { .. } | AppError::Conflict | AppError::Internal { .. })
    );
    if saved.is_ok() || (plain && worth_keeping) {
        match &saved {
            Err(_) => unsaved::keep(Unsaved::V2mom(id), &content).await?,
            Ok(_) => unsaved::forget(Unsaved::V2mom(id)).await?,
        }
    }
    if plain && saved.is_ok() {
        // After a move or removal, back to the editor; a move says there where the row went
        // and puts the focus back on its button (`moved`).
        let next = if let Some(op) = op.as_deref().filter(|o| !o.is_empty()) {
            format!(
                "/v2moms/{id}/edit?moved={}",
                crate::model::percent_encode(op)
            )
        } else {
            format!("/v2moms/{id}")
        };
        leptos_axum::redirect(&next);
    }
    saved
}

/// Drops the text a refused save (without JavaScript) left for the editor.
#[server(endpoint = "v2moms/discard_unsaved")]
pub async fn discard_unsaved(id: i64) -> Result<(), AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    v2moms::require_editor(&state, &actor, id).await?;
    unsaved::forget(Unsaved::V2mom(id)).await?;
    if is_plain_form_post() {
        leptos_axum::redirect(&format!("/v2moms/{id}/edit"));
    }
    Ok(())
}

/// Moves a V2MOM at `version` through its lifecycle: submit, approve, return (with a
/// comment), publish or archive.
#[server(endpoint = "v2moms/status")]
pub async fn change_v2mom_status(
    id: i64,
    version: i64,
    change: StatusChange,
    #[server(default)] comment: String,
) -> Result<Saved, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let saved = v2moms::change_status(&state, &actor, id, version, change, &comment).await?;
    if is_plain_form_post() {
        leptos_axum::redirect(&format!("/v2moms/{id}"));
    }
    Ok(saved)
}

/// Drops the amendment of a published V2MOM at `version`; readers keep the publication.
#[server(endpoint = "v2moms/discard_amendment")]
pub async fn discard_amendment(id: i64, version: i64) -> Result<Saved, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let saved = v2moms::discard_amendment(&state, &actor, id, version).await?;
    // The editor's kept text was the amendment's: it goes with it.
    unsaved::forget(Unsaved::V2mom(id)).await?;
    if is_plain_form_post() {
        leptos_axum::redirect(&format!("/v2moms/{id}"));
    }
    Ok(saved)
}

/// One page of the V2MOMs the reader may open, filtered.
#[server(endpoint = "v2moms")]
pub async fn list_v2moms(#[server(default)] query: V2momQuery) -> Result<V2momList, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    v2moms::list(&state, &actor, &query).await
}

/// The revisions the reader may see.
#[server(endpoint = "v2moms/revisions")]
pub async fn list_revisions(id: i64) -> Result<Vec<RevisionInfo>, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    v2moms::revisions(&state, &actor, id).await
}

#[server(endpoint = "v2moms/revision")]
pub async fn get_revision(id: i64, number: i64) -> Result<Snapshot, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    v2moms::revision(&state, &actor, id, number).await
}

#[server(endpoint = "v2moms/start_choices")]
pub async fn start_choices() -> Result<StartOptions, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    v2moms::start_choices(&state, &actor).await
}

/// The signed-in person's current V2MOM, their manager's, and (managers) their team's.
#[server(endpoint = "v2moms/home")]
pub async fn home() -> Result<crate::model::Home, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    dashboard::home(&state, &actor).await
}

/// The period's organisation from the top down, with each person's V2MOM status.
#[server(endpoint = "v2moms/alignment")]
pub async fn alignment(#[server(default)] period: Option<i64>) -> Result<AlignmentView, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    alignment::tree(&state, &actor, period).await
}
