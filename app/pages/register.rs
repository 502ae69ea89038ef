//! `/register`: create one's own employee account, when the instance allows it (404 when not).

use crate::{
    api::registration_open,
    components::{
        ErrorPage, ErrorSummary, Field, FormActions, NewPasswordField, action_error, use_auth,
    },
    pages::NotFoundPage,
};
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
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
        <Title text=tr!("account-register-title") />
        <section class="narrow">
            <h1>{move_tr!("account-register-title")}</h1>
            <p class="lead">{move_tr!("account-register-lead")}</p>
            <ActionForm action=register>
                <ErrorSummary error />
                <Field label=move_tr!("account-field-your-name") name="name" error autocomplete="name" />
                <Field label=move_tr!("account-field-email") name="email" kind="email" error autocomplete="email" />
                <NewPasswordField error />
                <FormActions error pending=register.pending() label=move_tr!("account-register-submit") />
            </ActionForm>
            <p>{move_tr!("account-register-have-account")} " " <A href="/login">{move_tr!("account-register-sign-in")}</A></p>
        </section>
    }
}
