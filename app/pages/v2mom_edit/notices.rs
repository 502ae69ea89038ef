//! What the editor says above the form: text kept from a refused save, a save someone
//! else made meanwhile (heard live), and a save that someone else made first.

use crate::i18n::{t, t_with};
use crate::{
    api::{DiscardUnsaved, get_v2mom},
    components::use_auth,
    model::{LiveEvent, V2momContent, diff::changes},
};
use leptos::prelude::*;

/// The form holds text from a save that was refused (without JavaScript); it can be
/// corrected and saved, or dropped for what is stored.
#[component]
pub(super) fn UnsavedNotice(id: i64, discarded: Callback<()>) -> impl IntoView {
    let discard = ServerAction::<DiscardUnsaved>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = discard.value().get() {
            discarded.run(());
        }
    });
    view! {
        <div class="notice" role="alert">
            <p>{t("v2mom-unsaved-notice")}</p>
            <ActionForm action=discard>
                <input type="hidden" name="id" value=id />
                <button type="submit" class="secondary">
                    {t("v2mom-discard-my-changes")}
                </button>
            </ActionForm>
        </div>
    }
}

/// Someone else saved this V2MOM while it is open here: saving now will first show what
/// they changed, so nothing is overwritten unseen. Gone once that comparison shows
/// (`conflict`), which says the same and more.
#[component]
pub(super) fn SavedElsewhereNotice(
    saved_elsewhere: RwSignal<Option<LiveEvent>>,
    conflict: Signal<bool>,
) -> impl IntoView {
    let auth = use_auth();
    let me = move || auth.my_id();
    move || {
        let event = saved_elsewhere.get().filter(|_| !conflict.get())?;
        Some(view! {
            <div class="notice" role="alert">
                <p>
                    <strong>
                        {t_with("v2mom-saved-elsewhere", &[("what", (event.about_this_v2mom(me())).into())])}
                    </strong>
                    " "
                    {t("v2mom-saved-elsewhere-hint")}
                </p>
            </div>
        })
    }
}

/// Someone saved first: the user's text stays in the form; they see what the other save
/// changed and may save theirs over it.
#[component]
pub(super) fn ConflictNotice(
    id: i64,
    conflict: Signal<bool>,
    version: RwSignal<i64>,
    mine: impl Fn() -> V2momContent + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let theirs = Resource::new(
        move || conflict.get(),
        move |conflict| async move {
            if conflict {
                get_v2mom(id).await.ok()
            } else {
                None
            }
        },
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                theirs
                    .await
                    .map(|page| {
                        let mine = mine().without_blank_rows();
                        let theirs_version = page.v2mom.version;
                        let differences = changes(&mine, page.v2mom.working_content());
                        let saved_by = page
                            .v2mom
                            .amendment
                            .as_ref()
                            .map_or(&page.v2mom.updated_by, |a| &a.updated_by)
                            .name
                            .clone();
                        view! {
                            <div class="notice conflict" role="alert">
                                <p>
                                    <strong>
                                        {t_with("v2mom-conflict", &[("name", saved_by.clone().into())])}
                                    </strong>
                                    " "
                                    {t("v2mom-conflict-hint")}
                                </p>
                                <ul class="changes">
                                    {differences
                                        .into_iter()
                                        .map(|c| {
                                            view! {
                                                <li>
                                                    <strong>{c.label}</strong>
                                                    ": "
                                                    {move || t_with("v2mom-conflict-change", &[("theirs", c.after.clone().into()), ("yours", c.before.clone().into())])}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                                <button
                                    type="button"
                                    on:click=move |_| version.set(theirs_version)
                                >
                                    {t("v2mom-keep-my-text")}
                                </button>
                            </div>
                        }
                    })
            })}
        </Transition>
    }
}
