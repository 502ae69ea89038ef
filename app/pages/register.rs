//! `/register`: create one's own employee account, when the instance allows it (404 when not).

use crate::i18n::t;
use crate::{
    api::{Register, registration_open},
    components::{ErrorPage, ErrorSummary, Field, FormActions, NewPasswordField, action_error},
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
    let register = ServerAction::<Register>::new();
    let error = action_error(register);
    view! {
        <Title text=t("account-register-title") />
        <section class="narrow">
            <h1>{t("account-register-title")}</h1>
            <p class="lead">{t("account-register-lead")}</p>
            <ActionForm action=register>
                <ErrorSummary error />
                <Field label=t("account-field-your-name") name="name" error autocomplete="name" />
                <Field label=t("account-field-email") name="email" kind="email" error autocomplete="email" />
                <NewPasswordField error />
                <FormActions error pending=register.pending() label=t("account-register-submit") />
            </ActionForm>
            <p>{t("account-register-have-account")} " " <A href="/login">{t("account-register-sign-in")}</A></p>
        </section>
    }
}
