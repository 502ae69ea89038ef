//! Administrators: one person's place in the organisation, and their access.

use crate::i18n::{t, t_with};
use crate::{
    api::{
        EraseUser, ReinviteUser, ResetSecondFactor, SetUserActive, UnlockUser, UpdateUser, get_user,
    },
    components::{
        ErrorPage, ErrorSummary, Field, FormActions, FormError, InvitationLink, ManagerChoices,
        ManagerSelect, RoleSelect, action_error, manager_choices_resource,
    },
    model::{UserStatus, UserSummary},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PersonPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()));
    let update = ServerAction::<UpdateUser>::new();
    let status = ServerAction::<SetUserActive>::new();
    let erase = ServerAction::<EraseUser>::new();
    let managers = manager_choices_resource();
    let person = Resource::new(
        move || {
            let versions = (
                update.version().get(),
                status.version().get(),
                erase.version().get(),
            );
            (id(), versions)
        },
        |(id, _)| async move {
            match id {
                Some(id) => get_user(id).await,
                None => Err(crate::error::AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match person.await {
                    Ok(person) => {
                        view! { <PersonForms person update status erase managers /> }.into_any()
                    }
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PersonForms(
    person: UserSummary,
    update: ServerAction<UpdateUser>,
    status: ServerAction<SetUserActive>,
    erase: ServerAction<EraseUser>,
    managers: ManagerChoices,
) -> impl IntoView {
    let update_error = action_error(update);
    let status_error = action_error(status);
    let saved = move || matches!(update.value().get(), Some(Ok(()))).then(|| t("admin-saved"));
    let active = person.status != UserStatus::Disabled;
    view! {
        <Title text=person.display_name.clone() />
        <section class="narrow">
            <h1>{person.display_name.clone()}</h1>
            <p class="lead">{person.email.clone()} " · " {person.status.label()}</p>
            <ActionForm action=update>
                <ErrorSummary error=update_error />
                <input type="hidden" name="id" value=person.id />
                <RoleSelect selected=person.role />
                <ManagerSelect choices=managers selected=person.manager_id exclude=person.id />
                <Field label=t("admin-col-function") name="function" error=update_error required=false value=person.function.clone() />
                <Field label=t("admin-job-title") name="job_title" error=update_error required=false value=person.job_title.clone() />
                <FormActions error=update_error pending=update.pending() label=t("admin-person-save") />
                <p role="status">{saved}</p>
            </ActionForm>
            <h2>{t("admin-person-access")}</h2>
            <ActionForm action=status>
                <input type="hidden" name="id" value=person.id />
                <input type="hidden" name="active" value=(!active).to_string() />
                <p>
                    {if active {
                        t("admin-person-disable-explanation")
                    } else {
                        t("admin-person-disabled")
                    }}
                </p>
                <FormError error=status_error />
                <button type="submit" class="secondary">
                    {if active { t("admin-person-disable") } else { t("admin-person-enable") }}
                </button>
            </ActionForm>
            {(person.status == UserStatus::Invited).then(|| view! { <ReinviteForm id=person.id /> })}
            <UnlockForm id=person.id />
            <ResetSecondFactorForm id=person.id />
            <EraseForm id=person.id erase />
        </section>
    }
}

/// A data-protection erasure: a tombstone replaces the person; their V2MOMs stay or go.
#[component]
fn EraseForm(id: i64, erase: ServerAction<EraseUser>) -> impl IntoView {
    let error = action_error(erase);
    let field = move |name: &'static str| {
        move || error.get().and_then(|e| e.field(name).map(str::to_owned))
    };
    let done = move || {
        erase
            .value()
            .get()
            .and_then(Result::ok)
            .map(|erased| t_with("admin-person-erased", &[("name", erased.name.into())]))
    };
    view! {
        <h2 id="erase-heading">{t("admin-person-erase")}</h2>
        <ActionForm action=erase attr:aria-labelledby="erase-heading">
            <input type="hidden" name="id" value=id />
            <p>{move || t_with("admin-person-erase-explanation", &[("id", id.to_string().into())])}</p>
            <fieldset>
                <legend>{t("admin-person-erase-v2moms")}</legend>
                <div class="field checkbox">
                    <input id="erase-keep" type="radio" name="v2moms" value="keep" checked=true />
                    <label for="erase-keep">{t("admin-person-erase-keep")}</label>
                </div>
                <div class="field checkbox">
                    <input id="erase-delete" type="radio" name="v2moms" value="delete" />
                    <label for="erase-delete">{t("admin-person-erase-delete")}</label>
                </div>
                <p class="field-message">{field("v2moms")}</p>
            </fieldset>
            <div class="field checkbox">
                <input id="erase-confirm" type="checkbox" name="confirm" value="on" aria-describedby="erase-confirm-message" />
                <label for="erase-confirm">{t("admin-person-erase-confirm")}</label>
                <p id="erase-confirm-message" class="field-message">{field("confirm")}</p>
            </div>
            <FormError error />
            <button type="submit" class="secondary">{t("admin-person-erase")}</button>
            <p role="status">{done}</p>
        </ActionForm>
    }
}

/// Lifts the sign-in delay or lock that failed attempts put on the account.
#[component]
fn UnlockForm(id: i64) -> impl IntoView {
    let unlock = ServerAction::<UnlockUser>::new();
    let result = move || {
        unlock
            .value()
            .get()
            .and_then(Result::ok)
            .map(|cleared| match cleared {
                0 => t("admin-person-unlock-none"),
                n => t_with("admin-person-unlocked", &[("count", n.into())]),
            })
    };
    view! {
        <ActionForm action=unlock>
            <input type="hidden" name="id" value=id />
            <p>{t("admin-person-unlock-explanation")}</p>
            <FormError error=action_error(unlock) />
            <button type="submit" class="secondary">{t("admin-person-unlock")}</button>
            <p role="status">{result}</p>
        </ActionForm>
    }
}

/// For someone who lost their second factors and their recovery codes.
#[component]
fn ResetSecondFactorForm(id: i64) -> impl IntoView {
    let reset = ServerAction::<ResetSecondFactor>::new();
    let done = move || {
        matches!(reset.value().get(), Some(Ok(()))).then(|| t("admin-person-second-factor-reset"))
    };
    view! {
        <ActionForm action=reset>
            <input type="hidden" name="id" value=id />
            <p>{t("admin-person-reset-explanation")}</p>
            <FormError error=action_error(reset) />
            <button type="submit" class="secondary">{t("admin-person-reset")}</button>
            <p role="status">{done}</p>
        </ActionForm>
    }
}

/// For someone who has not accepted yet: a fresh link, replacing the earlier ones.
#[component]
fn ReinviteForm(id: i64) -> impl IntoView {
    let reinvite = ServerAction::<ReinviteUser>::new();
    let sent = move || reinvite.value().get().and_then(Result::ok);
    view! {
        <h2>{t("admin-person-invitation")}</h2>
        <ActionForm action=reinvite>
            <input type="hidden" name="id" value=id />
            <p>{t("admin-person-reinvite-explanation")}</p>
            <FormError error=action_error(reinvite) />
            <button type="submit" class="secondary">{t("admin-person-reinvite")}</button>
        </ActionForm>
        {move || sent().map(|sent| view! { <InvitationLink sent /> })}
    }
}
