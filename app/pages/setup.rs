use crate::{
    api::setup_needed,
    components::{
        ErrorPage, ErrorSummary, Field, FormActions, NewPasswordField, action_error, use_auth,
    },
    pages::NotFoundPage,
};
use leptos::prelude::*;
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
        <Title text="Set up v2mom" />
        <section class="narrow">
            <h1>"Set up v2mom"</h1>
            <p class="lead">
                "Name your organisation and create the first administrator. You can invite \
                 everyone else afterwards."
            </p>
            <ActionForm action=setup>
                <ErrorSummary error />
                <Field label="Organisation name" name="organisation" error autocomplete="organization" />
                <Field label="Your name" name="name" error autocomplete="name" />
                <Field label="Email" name="email" kind="email" error autocomplete="email" />
                <NewPasswordField error />
                <FormActions error pending=setup.pending() label="Create organisation" />
            </ActionForm>
        </section>
    }
}
