use crate::i18n::t;
use crate::{
    api::{Login, registration_open, sign_in_options},
    components::{
        ErrorPage, ErrorSummary, Field, FormActions, PasskeySignIn, SsoButtons, SsoNotice,
        action_error,
    },
    error::AppError,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn LoginPage() -> impl IntoView {
    let login = ServerAction::<Login>::new();
    let error = action_error(login);
    let query = use_query_map();
    let next = Signal::derive(move || query.with(|q| q.get("next")).unwrap_or_default());
    let options = Resource::new(|| (), |_| sign_in_options());
    let open = Resource::new(|| (), |_| registration_open());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                // Without the options (a database hiccup) the password form still shows, and
                // the server has the last word either way; with the database away, nobody
                // can sign in: say so.
                let (password, providers) = match options.await {
                    Ok(o) => (o.password, o.providers),
                    Err(error @ AppError::Unavailable { .. }) => {
                        return view! { <ErrorPage error /> }.into_any();
                    }
                    Err(_) => (true, Vec::new()),
                };
                view! {
                    <Title text=t("account-login-title") />
                    <section class="narrow">
                        <h1>{t("account-login-title")}</h1>
                        <SsoNotice />
                        {password
                            .then(|| {
                                view! {
                                    <ActionForm action=login>
                                        <ErrorSummary error />
                                        <input type="hidden" name="next" value=next />
                                        <Field
                                            label=t("account-field-email")
                                            name="email"
                                            kind="email"
                                            error
                                            autocomplete="username"
                                        />
                                        <Field
                                            label=t("account-field-password")
                                            name="password"
                                            kind="password"
                                            error
                                            autocomplete="current-password"
                                        />
                                        <FormActions error pending=login.pending() label=t("account-login-submit") />
                                    </ActionForm>
                                    <PasskeySignIn next label=t("account-login-passkey") />
                                }
                            })}
                        <SsoButtons providers field="next" value=next />
                        <Suspense fallback=|| ()>
                            {move || Suspend::new(async move {
                                matches!(open.await, Ok(true))
                                    .then(|| view! { <p>{t("account-login-new-here")} " " <A href="/register">{t("account-login-create-account")}</A></p> })
                            })}
                        </Suspense>
                    </section>
                }
                    .into_any()
            })}
        </Suspense>
    }
}
