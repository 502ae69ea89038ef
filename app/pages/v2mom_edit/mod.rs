//! The editor: vision, values and methods (with their obstacles and measures) on one page.
//!
//! The form is the source of truth. It posts as a plain form without JavaScript; once
//! hydrated, moves and removals happen in the browser (the form is read, changed with the
//! same [`EditOp`] the server applies, and drawn again), fields are checked as you type,
//! a draft is kept in localStorage, and leaving with unsaved changes asks first.
//!
//! A published V2MOM is amended: the editor edits its amendment (the first save starts one),
//! and readers keep seeing the publication until the amendment is published.

use crate::i18n::{t, t_with};
use crate::{
    api::{SaveV2mom, edit_v2mom},
    components::{ErrorPage, ErrorSummary, FormError, action_error, live_events},
    error::AppError,
    model::{EditOp, LiveEvent, V2momContent, V2momPage, V2momStatus},
};
use leptos::{form::FromFormData, html, prelude::*};
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use notices::{ConflictNotice, SavedElsewhereNotice, UnsavedNotice};
use rows::ContentFields;

mod focus;
mod inputs;
mod moves;
mod notices;
mod rows;

#[component]
pub fn V2momEditPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()));
    let data = Resource::new(id, |id| async move {
        edit_v2mom(id.ok_or(AppError::NotFound)?).await
    });
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((page, choices)) => view! { <Editor page choices /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Everything the rows need to draw themselves.
#[derive(Clone, Copy)]
pub(super) struct Ctx {
    pub(super) errors: Signal<Option<AppError>>,
    pub(super) choices: StoredValue<Vec<(i64, String)>>,
    /// Applies a move or removal in the browser (hydrated only).
    pub(super) apply: Callback<EditOp>,
    /// The move button that moved a row just before the page was loaded (a plain form post
    /// comes back with `?moved=`): it takes the focus, as it keeps it in the browser.
    pub(super) moved_button: StoredValue<Option<String>>,
}

#[component]
fn Editor(page: V2momPage, choices: Vec<(i64, String)>) -> impl IntoView {
    let v2mom = page.v2mom;
    let id = v2mom.id;
    let form = NodeRef::<html::Form>::new();
    // A refused save without JavaScript comes back here: the form shows what was sent.
    let returned = RwSignal::new(page.unsaved.is_some());
    // A published V2MOM's editor works on its amendment.
    let working = v2mom.working_content().clone();
    let amending = v2mom.status == V2momStatus::Published;
    let content = RwSignal::new(
        page.unsaved
            .unwrap_or_else(|| working.clone())
            .with_blank_rows(),
    );
    let version = RwSignal::new(v2mom.version);
    let saved_content = StoredValue::new(working.clone());
    let dirty = RwSignal::new(returned.get_untracked());
    let local_errors = RwSignal::new(None::<AppError>);
    let save = ServerAction::<SaveV2mom>::new();
    let server_error = action_error(save);
    let errors = Signal::derive(move || local_errors.get().or_else(|| server_error.get()));
    let conflict = Signal::derive(move || server_error.get() == Some(AppError::Conflict));

    // The form as it stands, parsed the way the server parses it.
    let read_form = move || -> Option<V2momContent> {
        let data = leptos::web_sys::FormData::new_with_form(&form.get_untracked()?).ok()?;
        V2momContent::from_form_data(&data).ok()
    };
    // The user's text: the live form, or before hydration what the form was drawn from.
    let mine = move || read_form().unwrap_or_else(|| content.get_untracked());
    // What the last move did, for screen readers (the rows are drawn again, silently); a
    // move posted without JavaScript comes back with it.
    let moved_before = use_query_map()
        .with_untracked(|query| query.get("moved"))
        .and_then(|op| EditOp::decode(&op))
        .and_then(|op| moves::moved(&content.get_untracked(), op));
    let announcement = RwSignal::new(
        moved_before
            .as_ref()
            .map(|m| m.said.clone())
            .unwrap_or_default(),
    );
    let moved_button = StoredValue::new(moved_before.map(|m| m.button));
    let apply = Callback::new(move |op: EditOp| {
        if let Some(mut now) = read_form() {
            now.apply(op);
            let now = now.with_blank_rows();
            let moved = moves::moved(&now, op);
            let focus = focus::target(&now, op, moved.as_ref());
            if let Some(moved) = moved {
                announcement.set(moved.said);
            }
            content.set(now);
            dirty.set(true);
            if let Some(selector) = focus {
                focus::after_redraw(selector);
            }
        }
    });
    let draft_key = format!("v2mom-draft-{id}");
    let on_input = {
        let draft_key = draft_key.clone();
        move |_| {
            if let Some(mut now) = read_form() {
                dirty.set(now.clone().without_blank_rows() != saved_content.get_value());
                local_errors.set(now.check(false).into_result().err());
                drafts::keep(&draft_key, &now);
            }
        }
    };
    // Someone else's save, heard live: a warning (the version check still guards the save).
    let saved_elsewhere = RwSignal::new(None::<LiveEvent>);
    let heard_while_saving = StoredValue::new(None::<LiveEvent>);
    let heard = live_events(Signal::derive(move || Some(id)));
    let warn_if_newer = move |event: LiveEvent| {
        if event.version.is_some_and(|v| v > version.get_untracked()) {
            saved_elsewhere.set(Some(event));
        }
    };
    Effect::new(move |_| {
        if let Some(event) = heard.get() {
            // Our own save's event may come before its answer: judged once the answer is in.
            if save.pending().get_untracked() {
                heard_while_saving.set_value(Some(event));
            } else {
                warn_if_newer(event);
            }
        }
    });
    // A successful save: the new version is the one to name next time.
    Effect::new({
        let draft_key = draft_key.clone();
        move |_| {
            if let Some(Ok(saved)) = save.value().get() {
                version.set(saved.version);
                saved_elsewhere.set(None);
                if let Some(now) = read_form() {
                    saved_content.set_value(now.without_blank_rows());
                }
                dirty.set(false);
                returned.set(false);
                drafts::forget(&draft_key);
            }
            if let Some(event) = heard_while_saving.try_update_value(Option::take).flatten() {
                warn_if_newer(event);
            }
        }
    });
    leave_guard(dirty);
    let restorable = RwSignal::new(None::<V2momContent>);
    Effect::new({
        let draft_key = draft_key.clone();
        let stored = working.clone();
        move |_| {
            restorable
                .set(drafts::find(&draft_key).filter(|d| d.clone().without_blank_rows() != stored));
        }
    });

    let ctx = Ctx {
        errors,
        choices: StoredValue::new(choices),
        apply,
        moved_button,
    };
    let saved_message = move || {
        matches!(save.value().get(), Some(Ok(_))).then(|| {
            view! {
                <p role="status">
                    {t("v2mom-saved")} " "
                    <a href=format!("/v2moms/{id}")>{t("v2mom-view-v2mom")}</a>
                </p>
            }
        })
    };
    let heading = format!("{} · {}", v2mom.owner.name, v2mom.period.name);
    let review_comment = v2mom
        .amendment
        .as_ref()
        .map_or(&v2mom.review_comment, |a| &a.review_comment)
        .clone();
    let status = match &v2mom.amendment {
        Some(amendment) => t_with(
            "v2mom-editor-status-amending",
            &[("status", amendment.status.as_str().into())],
        ),
        None => v2mom.status.label(),
    };
    let unsaved_changes = t("v2mom-unsaved-changes");
    view! {
        <Title text=t_with("v2mom-edit-title", &[("heading", heading.clone().into())]) />
        <section class="editor">
            <h1>
                {if amending { t("v2mom-amend-heading") } else { t("v2mom-edit-heading") }}
            </h1>
            <p class="lead">{heading} " · " {status}</p>
            {amending
                .then(|| {
                    view! {
                        <div class="notice amending" role="note">
                            <strong>{t("v2mom-amending-notice")}</strong>
                            " "
                            {t("v2mom-amending-saving")}
                        </div>
                    }
                })}
            {(!review_comment.is_empty())
                .then(|| {
                    view! {
                        <div class="notice" role="note">
                            <strong>{t("v2mom-returned-by-manager")} " "</strong>
                            {review_comment.clone()}
                        </div>
                    }
                })}
            {move || {
                restorable
                    .get()
                    .map(|draft| {
                        let forget_key = draft_key.clone();
                        view! {
                            <div class="notice" role="alert">
                                <p>{t("v2mom-draft-kept")}</p>
                                <button
                                    type="button"
                                    on:click=move |_| {
                                        content.set(draft.clone().with_blank_rows());
                                        dirty.set(true);
                                        restorable.set(None);
                                    }
                                >
                                    {t("v2mom-draft-restore")}
                                </button>
                                <button
                                    type="button"
                                    class="secondary"
                                    on:click=move |_| {
                                        drafts::forget(&forget_key);
                                        restorable.set(None);
                                    }
                                >
                                    {t("v2mom-draft-discard")}
                                </button>
                            </div>
                        }
                    })
            }}
            {move || {
                returned
                    .get()
                    .then(|| {
                        view! {
                            <UnsavedNotice
                                id
                                discarded=Callback::new(move |()| {
                                    content.set(saved_content.get_value().with_blank_rows());
                                    returned.set(false);
                                    dirty.set(false);
                                })
                            />
                        }
                    })
            }}
            <SavedElsewhereNotice saved_elsewhere conflict />
            <ConflictNotice id conflict version mine />
            <ActionForm action=save node_ref=form on:input=on_input>
                // The server's refusal only: the checks made while typing show by each field.
                <ErrorSummary error=server_error />
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="version" value=move || version.get().to_string() />
                {move || {
                    let c = content.get();
                    view! { <ContentFields content=c ctx /> }
                }}
                <FormError error=errors />
                <div class="form-actions">
                    <button type="submit" disabled=move || save.pending().get()>
                        {t("v2mom-save")}
                    </button>
                    <a href=format!("/v2moms/{id}") class="button secondary">
                        {t("v2mom-done")}
                    </a>
                    <span class="unsaved" aria-live="polite">
                        {move || dirty.get().then(|| unsaved_changes.clone())}
                    </span>
                    <span id="editor-announcement" class="visually-hidden" aria-live="polite">
                        {move || announcement.get()}
                    </span>
                </div>
                {saved_message}
            </ActionForm>
        </section>
    }
}

/// Asks before the page is left with unsaved changes.
fn leave_guard(dirty: RwSignal<bool>) {
    #[cfg(feature = "hydrate")]
    {
        let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
            if dirty.get_untracked() {
                ev.prevent_default();
                ev.set_return_value("");
            }
        });
        on_cleanup(move || handle.remove());
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = dirty;
}

/// Unsaved editor content kept in this browser, so a closed tab or an expired session
/// loses nothing. Nothing leaves the browser.
mod drafts {
    use crate::model::V2momContent;

    fn storage() -> Option<leptos::web_sys::Storage> {
        #[cfg(feature = "hydrate")]
        return leptos::prelude::window().local_storage().ok().flatten();
        #[cfg(not(feature = "hydrate"))]
        None
    }

    pub fn keep(key: &str, content: &V2momContent) {
        if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(content)) {
            let _ = storage.set_item(key, &json);
        }
    }

    pub fn find(key: &str) -> Option<V2momContent> {
        let json = storage()?.get_item(key).ok()??;
        serde_json::from_str(&json).ok()
    }

    pub fn forget(key: &str) {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(key);
        }
    }
}
