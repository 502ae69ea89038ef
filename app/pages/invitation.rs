//! Opening an invitation link: choose a password and you are in.

use crate::{
    api::invitation,
    components::{ErrorPage, FormActions, NewPasswordField, action_error, use_auth},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn InvitationPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.with(|p| p.get("token").unwrap_or_default());
    let info = Resource::new(token, invitation);
    let accept = use_auth().accept_invitation;
    let error = action_error(accept);
    view! {
        <Title text="Welcome to v2mom" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match info.await {
                    Ok(info) => view! {
                        <section class="narrow">
                            <h1>{format!("Welcome, {}", info.display_name)}</h1>
                            <p class="lead">
                                "Choose a password to finish setting up your account ("
                                {info.email} ")."
                            </p>
                            <ActionForm action=accept>
                                <input type="hidden" name="token" value=token />
                                <NewPasswordField error />
                                <FormActions error pending=accept.pending() label="Set password and sign in" />
                            </ActionForm>
                        </section>
                    }
                    .into_any(),
                    Err(_) => view! { <ErrorPage error=crate::error::AppError::NotFound /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
