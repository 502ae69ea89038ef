//! The lifecycle moves the reader may make on a V2MOM's page: one small form per status
//! change, and the amendment's banner with "Discard".

use crate::i18n::{t, t_with};
use crate::{
    api::{ChangeV2momStatus, DiscardAmendment},
    components::{FormError, action_error},
    error::AppError,
    model::{StatusChange, V2momStatus},
};
use leptos::prelude::*;
use leptos_router::components::A;

/// Shown to those who see an amendment: readers still see the publication; what the
/// amendment changes, and dropping it.
#[component]
pub(super) fn AmendmentBanner(
    id: i64,
    version: i64,
    status: V2momStatus,
    published: Option<i64>,
    can_discard: bool,
    discard: ServerAction<DiscardAmendment>,
) -> impl IntoView {
    let error = action_error(discard);
    let compare = match published {
        Some(published) => format!("/v2moms/{id}/history?a={published}&b={version}"),
        None => format!("/v2moms/{id}/history"),
    };
    view! {
        <div class="notice amending no-print" role="note" aria-label=t("v2mom-amendment")>
            <p>
                <strong>{t("v2mom-amending-notice")}</strong>
                " "
                {move || t_with("v2mom-amendment-is", &[("status", status.as_str().into())])}
                " "
                <A href=compare>{t("v2mom-compare-with-publication")}</A>
            </p>
            {can_discard
                .then(|| {
                    view! {
                        <ActionForm action=discard>
                            <input type="hidden" name="id" value=id />
                            <input type="hidden" name="version" value=version />
                            <button type="submit" class="secondary">
                                {t("v2mom-discard-amendment")}
                            </button>
                        </ActionForm>
                        <FormError error />
                    }
                })}
        </div>
    }
}

/// One small form per lifecycle move the reader may make.
#[component]
pub(super) fn StatusForms(
    id: i64,
    version: i64,
    changes: Vec<StatusChange>,
    change: ServerAction<ChangeV2momStatus>,
) -> impl IntoView {
    let error = action_error(change);
    // Publishing an incomplete V2MOM names what is missing; the comment has its own place.
    let problems = move || {
        error.get().map(|e| match e {
            AppError::Invalid { fields } => fields
                .into_iter()
                .filter(|f| f.field != "comment")
                .map(|f| f.message)
                .collect::<Vec<_>>()
                .join(" "),
            other => other.to_string(),
        })
    };
    (!changes.is_empty()).then(|| {
        view! {
            <section class="no-print lifecycle" aria-label=t("v2mom-status")>
                <h2>{t("v2mom-status")}</h2>
                {changes
                    .into_iter()
                    .map(|c| {
                        view! {
                            <ActionForm action=change>
                                <input type="hidden" name="id" value=id />
                                <input type="hidden" name="version" value=version />
                                <input type="hidden" name="change" value=c.as_str() />
                                {(c == StatusChange::Return)
                                    .then(|| {
                                        view! {
                                            <div class="field">
                                                <label for="field-comment">{t("v2mom-comment-for-owner")}</label>
                                                <textarea id="field-comment" name="comment" rows="2"></textarea>
                                                <p class="field-message">
                                                    {move || error.with(|e| e.as_ref().and_then(|e| e.field("comment")).map(str::to_owned))}
                                                </p>
                                            </div>
                                        }
                                    })}
                                <button
                                    type="submit"
                                    class=if c == StatusChange::Archive { "secondary" } else { "" }
                                >
                                    {c.label()}
                                </button>
                            </ActionForm>
                        }
                    })
                    .collect_view()}
                <p class="form-error" role="alert">{problems}</p>
            </section>
        }
    })
}
