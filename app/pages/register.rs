//! `/register`: create one's own employee account, when the instance allows it (404 when not).

use crate::{
    api::registration_open,
    components::{
        ErrorPage, ErrorSummary, Field, FormActions, NewPasswordField, action_error, use_auth,
    },
    pages::NotFoundPage,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let open = Resource::new(|| (), |_| registration_open());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match open.await {
                    Ok(true) => view! { <RegisterForm /> }.into_any(),
                    Ok(false) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn RegisterForm() -> impl IntoView {
    let register = use_auth().register;
    let error = action_error(register);
    view! {
        <Title text="Create an account" />
        <section class="narrow">
            <h1>"Create an account"</h1>
            <p class="lead">"You join as an employee; an administrator places you in the organisation."</p>
            <ActionForm action=register>
                <ErrorSummary error />
                <Field label="Your name" name="name" error autocomplete="name" />
                <Field label="Email" name="email" kind="email" error autocomplete="email" />
                <NewPasswordField error />
                <FormActions error pending=register.pending() label="Create account" />
            </ActionForm>
            <p>"Have an account already? " <A href="/login">"Sign in"</A></p>
        </section>
    }
}
