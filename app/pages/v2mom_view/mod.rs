//! One V2MOM, read-only: prints as a clean page, with each measure's progress and trend
//! (`super::check_in`). Below it, the lifecycle moves the reader may make (submit, approve,
//! return with a comment, publish, archive). Others' changes show as they happen.
//!
//! Readers see the publication, with "amended on …" and a link to what changed once it has
//! been amended. Those who may see an amendment in progress see it instead, under a banner
//! saying readers still see the published version, with its moves and "Discard".
//!
//! This file loads the page and lays out the document; the moves are in `moves.rs`, the
//! alignment links and downloads in `links.rs`.

use super::check_in::MeasureTracking;
use crate::i18n::{t, t_with};
use crate::{
    api::{AddCheckIn, ChangeV2momStatus, DiscardAmendment, view_v2mom},
    components::{ErrorPage, FormError, LiveRefresh, ProgressBar, action_error},
    error::AppError,
    i18n::{date, date_time, language},
    model::{MethodLink, Tracking, V2momPage, V2momStatus, V2momView, progress},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};
use links::{Downloads, Links};
use moves::{AmendmentBanner, StatusForms};

mod links;
mod moves;

#[component]
pub fn V2momPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()));
    let change = ServerAction::<ChangeV2momStatus>::new();
    let discard = ServerAction::<DiscardAmendment>::new();
    let check_in = ServerAction::<AddCheckIn>::new();
    // Bumped when someone else's change is heard.
    let changed_elsewhere = RwSignal::new(0_u32);
    let data = Resource::new(
        move || {
            (
                id(),
                change.version().get(),
                discard.version().get(),
                check_in.version().get(),
                changed_elsewhere.get(),
            )
        },
        |(id, ..)| async move { view_v2mom(id.ok_or(AppError::NotFound)?).await },
    );
    let refresh = Callback::new(move |()| changed_elsewhere.update(|n| *n += 1));
    // A Transition keeps the page on screen (and the reader's place in it) while it reloads.
    view! {
        <LiveRefresh id=Signal::derive(id) refresh />
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(V2momView { page, tracking }) => {
                        view! { <V2momDocument page tracking change discard check_in /> }.into_any()
                    }
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn V2momDocument(
    page: V2momPage,
    tracking: Tracking,
    change: ServerAction<ChangeV2momStatus>,
    discard: ServerAction<DiscardAmendment>,
    check_in: ServerAction<AddCheckIn>,
) -> impl IntoView {
    let check_in_errors = action_error(check_in);
    let v = page.v2mom;
    let id = v.id;
    // The amendment, for those who see it; the publication (or the draft) otherwise.
    let content = v.working_content().clone();
    let review_comment = v
        .amendment
        .as_ref()
        .map_or(&v.review_comment, |a| &a.review_comment)
        .clone();
    let lang = language();
    let title = if content.title.trim().is_empty() {
        t_with(
            "v2mom-owners-v2mom",
            &[("name", v.owner.name.clone().into())],
        )
    } else {
        content.title.clone()
    };
    let edit_label = match (v.status, v.amendment.is_some()) {
        (_, true) => t("v2mom-edit-amendment"),
        (V2momStatus::Published, false) => t("v2mom-amend"),
        _ => t("v2mom-edit"),
    };
    let amended = v
        .amended_at
        .clone()
        .zip(v.previous_published_revision.zip(v.published_revision));
    let links_for = |links: &[(i64, MethodLink)], method: Option<i64>| -> Vec<MethodLink> {
        links
            .iter()
            .filter(|(own, _)| Some(*own) == method)
            .map(|(_, link)| link.clone())
            .collect()
    };
    view! {
        <Title text=title.clone() />
        <article class="v2mom">
            <header>
                <p class="eyebrow">
                    {v.owner.name.clone()} " · " {v.period.name.clone()} " · "
                    <span class=format!("status status-{}", v.status.as_str())>
                        {v.status.label()}
                    </span>
                </p>
                <h1>{title}</h1>
                <p class="meta">
                    {t_with("v2mom-version-line", &[("version", v.version.into()), ("name", v.updated_by.name.clone().into()), ("when", (date_time(lang, &v.updated_at)).into())])}
                </p>
                <p class="overall">
                    {t("v2mom-overall-progress-label")} " "
                    <ProgressBar percent=v.progress label=t("v2mom-overall-progress") />
                </p>
                <nav class="no-print actions" aria-label=t("v2mom-actions")>
                    {page
                        .can_edit
                        .then(|| view! { <A href=format!("/v2moms/{id}/edit")>{edit_label}</A> })}
                    <A href=format!("/v2moms/{id}/history")>{t("v2mom-history")}</A>
                    <Downloads id />
                </nav>
                {amended
                    .map(|(at, (before, now))| {
                        view! {
                            <p class="amended">
                                {t_with("v2mom-amended-on", &[("date", (date(lang, &at)).into())])}
                                " · "
                                <A href=format!("/v2moms/{id}/history?a={before}&b={now}")>
                                    {t("v2mom-see-what-changed")}
                                </A>
                            </p>
                        }
                    })}
            </header>
            {v
                .amendment
                .as_ref()
                .map(|amendment| {
                    view! {
                        <AmendmentBanner
                            id
                            version=v.version
                            status=amendment.status
                            published=v.published_revision
                            can_discard=page.can_edit
                            discard
                        />
                    }
                })}
            {(!review_comment.is_empty())
                .then(|| {
                    view! {
                        <div class="notice" role="note">
                            <strong>{t("v2mom-returned-with-comment")} " "</strong>
                            {review_comment.clone()}
                        </div>
                    }
                })}
            <section>
                <h2>{t("v2mom-vision")}</h2>
                <p class="vision">{content.vision.clone()}</p>
            </section>
            <section>
                <h2>{t("v2mom-values")}</h2>
                <ol class="values">
                    {content
                        .values
                        .iter()
                        .map(|value| {
                            view! {
                                <li>
                                    <strong>{value.name.clone()}</strong>
                                    {(!value.description.is_empty())
                                        .then(|| view! { " — " {value.description.clone()} })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </section>
            <section>
                <h2>{t("v2mom-methods")}</h2>
                <FormError error=check_in_errors />
                <ol class="methods">
                    {content
                        .methods
                        .iter()
                        .map(|method| {
                            let to = links_for(&page.aligned_to, method.id);
                            let from = links_for(&page.aligned_from, method.id);
                            view! {
                                <li class="method" id=method.id.map(|id| format!("method-{id}"))>
                                    <h3>{method.title.clone()}</h3>
                                    <p>{method.description.clone()}</p>
                                    {(!method.measures.is_empty())
                                        .then(|| {
                                            view! {
                                                <p class="method-progress">
                                                    {t("v2mom-progress-label")}
                                                    " "
                                                    <ProgressBar
                                                        percent=progress::of_method(method)
                                                        label=t_with("v2mom-method-progress", &[("title", method.title.clone().into())])
                                                    />
                                                </p>
                                            }
                                        })}
                                    <Links label=t("v2mom-aligned-to") links=to />
                                    <Links label=t("v2mom-aligned-from") links=from />
                                    {(!method.obstacles.is_empty())
                                        .then(|| {
                                            view! {
                                                <h4>{t("v2mom-obstacles")}</h4>
                                                <ul>
                                                    {method
                                                        .obstacles
                                                        .iter()
                                                        .map(|o| view! { <li>{o.clone()}</li> })
                                                        .collect_view()}
                                                </ul>
                                            }
                                        })}
                                    {(!method.measures.is_empty())
                                        .then(|| {
                                            view! {
                                                <h4>{t("v2mom-measures")}</h4>
                                                <ul class="measures">
                                                    {method
                                                        .measures
                                                        .iter()
                                                        .map(|m| {
                                                            view! {
                                                                <MeasureTracking
                                                                    v2mom=id
                                                                    measure=m.clone()
                                                                    check_ins=m
                                                                        .id
                                                                        .map(|m| tracking.of(m))
                                                                        .unwrap_or_default()
                                                                    can_check_in=tracking.can_check_in
                                                                    action=check_in
                                                                    errors=check_in_errors
                                                                />
                                                            }
                                                        })
                                                        .collect_view()}
                                                </ul>
                                            }
                                        })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </section>
            <StatusForms id version=v.version changes=page.changes change />
        </article>
    }
}
