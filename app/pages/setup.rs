use crate::i18n::t;
use crate::{
    api::{CompleteSetup, setup_needed},
    components::{ErrorPage, ErrorSummary, Field, FormActions, NewPasswordField, action_error},
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
    let setup = ServerAction::<CompleteSetup>::new();
    let error = action_error(setup);
    view! {
        <Title text=t("account-setup-title") />
        <section class="narrow">
            <h1>{t("account-setup-title")}</h1>
            <p class="lead">{t("account-setup-lead")}</p>
            <ActionForm action=setup>
                <ErrorSummary error />
                <Field label=t("account-setup-organisation") name="organisation" error autocomplete="organization" />
                <Field label=t("account-field-your-name") name="name" error autocomplete="name" />
                <Field label=t("account-field-email") name="email" kind="email" error autocomplete="email" />
                <NewPasswordField error />
                <FormActions error pending=setup.pending() label=t("account-setup-submit") />
            </ActionForm>
        </section>
    }
}
