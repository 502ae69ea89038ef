use crate::{
    api::setup_needed,
    components::{
        ErrorPage, ErrorSummary, Field, FormActions, NewPasswordField, action_error, use_auth,
    },
    pages::NotFoundPage,
};
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use leptos_meta::Title;

/// First run only: name the organisation and create the first administrator. Once anyone
/// exists this page is gone (404).
#[component]
pub fn SetupPage() -> impl IntoView {
    let needed = Resource::new(|| (), |_| setup_needed());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match needed.await {
                    Ok(true) => view! { <SetupForm /> }.into_any(),
                    Ok(false) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SetupForm() -> impl IntoView {
    let setup = use_auth().setup;
    let error = action_error(setup);
    view! {
        <Title text=tr!("account-setup-title") />
        <section class="narrow">
            <h1>{move_tr!("account-setup-title")}</h1>
            <p class="lead">{move_tr!("account-setup-lead")}</p>
            <ActionForm action=setup>
                <ErrorSummary error />
                <Field label=move_tr!("account-setup-organisation") name="organisation" error autocomplete="organization" />
                <Field label=move_tr!("account-field-your-name") name="name" error autocomplete="name" />
                <Field label=move_tr!("account-field-email") name="email" kind="email" error autocomplete="email" />
                <NewPasswordField error />
                <FormActions error pending=setup.pending() label=move_tr!("account-setup-submit") />
            </ActionForm>
        </section>
    }
}
