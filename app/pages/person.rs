//! Administrators: one person's place in the organisation, and their access.

use crate::{
    api::{ReinviteUser, SetUserActive, UnlockUser, UpdateUser, get_user},
    components::{
        ErrorPage, Field, FormActions, FormError, InvitationLink, ManagerSelect, RoleSelect,
        action_error,
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
    let person = Resource::new(
        move || (id(), update.version().get(), status.version().get()),
        |(id, _, _)| async move {
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
                    Ok(person) => view! { <PersonForms person update status /> }.into_any(),
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
) -> impl IntoView {
    let update_error = action_error(update);
    let status_error = action_error(status);
    let saved = move || matches!(update.value().get(), Some(Ok(()))).then_some("Saved.");
    let active = person.status != UserStatus::Disabled;
    view! {
        <Title text=person.display_name.clone() />
        <section class="narrow">
            <h1>{person.display_name.clone()}</h1>
            <p class="lead">{person.email.clone()} " · " {person.status.label()}</p>
            <ActionForm action=update>
                <input type="hidden" name="id" value=person.id />
                <RoleSelect selected=person.role />
                <ManagerSelect selected=person.manager_id exclude=person.id />
                <Field label="Function" name="function" error=update_error required=false value=person.function.clone() />
                <Field label="Job title" name="job_title" error=update_error required=false value=person.job_title.clone() />
                <FormActions error=update_error pending=update.pending() label="Save changes" />
                <p role="status">{saved}</p>
            </ActionForm>
            <h2>"Access"</h2>
            <ActionForm action=status>
                <input type="hidden" name="id" value=person.id />
                <input type="hidden" name="active" value=(!active).to_string() />
                <p>
                    {if active {
                        "Disabling ends their sessions at once; they cannot sign in until enabled again."
                    } else {
                        "This account is disabled."
                    }}
                </p>
                <FormError error=status_error />
                <button type="submit" class="secondary">
                    {if active { "Disable account" } else { "Enable account" }}
                </button>
            </ActionForm>
            {(person.status == UserStatus::Invited).then(|| view! { <ReinviteForm id=person.id /> })}
            <UnlockForm id=person.id />
        </section>
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
                0 => "There were no failed sign-ins to clear.".to_owned(),
                n => format!("Cleared {n} failed sign-ins: they can sign in again now."),
            })
    };
    view! {
        <ActionForm action=unlock>
            <input type="hidden" name="id" value=id />
            <p>"Too many failed sign-ins slow down or lock an account for up to a day."</p>
            <FormError error=action_error(unlock) />
            <button type="submit" class="secondary">"Unlock sign-in"</button>
            <p role="status">{result}</p>
        </ActionForm>
    }
}

/// For someone who has not accepted yet: a fresh link, replacing the earlier ones.
#[component]
fn ReinviteForm(id: i64) -> impl IntoView {
    let reinvite = ServerAction::<ReinviteUser>::new();
    let sent = move || reinvite.value().get().and_then(Result::ok);
    view! {
        <h2>"Invitation"</h2>
        <ActionForm action=reinvite>
            <input type="hidden" name="id" value=id />
            <p>"They have not accepted their invitation yet. A new link replaces the earlier ones."</p>
            <FormError error=action_error(reinvite) />
            <button type="submit" class="secondary">"Send a new invitation link"</button>
        </ActionForm>
        {move || sent().map(|sent| view! { <InvitationLink sent /> })}
    }
}
