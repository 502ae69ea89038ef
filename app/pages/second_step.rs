//! The second step of signing in: a passkey, a code from the authenticator app, or a
//! recovery code.

use crate::i18n::t;
use crate::{
    api::{SecondStep, second_step_waiting},
    components::{ErrorPage, ErrorSummary, Field, FormActions, PasskeySignIn, action_error},
    model::SecondStepOffer,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn SecondStepPage() -> impl IntoView {
    let step = ServerAction::<SecondStep>::new();
    let error = action_error(step);
    let query = use_query_map();
    let next = Signal::derive(move || query.with(|q| q.get("next")).unwrap_or_default());
    let waiting = Resource::new(|| (), |_| second_step_waiting());
    view! {
        <Title text=t("account-second-step-title") />
        <section class="narrow">
            <h1>{t("account-second-step-title")}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match waiting.await {
                        Ok(Some(offer)) => view! {
                            <p>{crate::i18n::t(ask(offer))}</p>
                            {offer.passkey.then(|| view! {
                                <PasskeySignIn next label=t("account-second-step-passkey") />
                                <h2>{t("account-second-step-or-code")}</h2>
                            })}
                            <ActionForm action=step>
                                <ErrorSummary error />
                                <input type="hidden" name="next" value=next />
                                <Field
                                    label=t("account-second-step-code")
                                    name="code"
                                    error
                                    autocomplete="one-time-code"
                                    hint=t("account-second-step-code-hint")
                                />
                                <FormActions error pending=step.pending() label=t("account-second-step-submit") />
                            </ActionForm>
                        }
                        .into_any(),
                        Ok(None) => view! {
                            <p>
                                {t("account-second-step-expired")}
                                " "
                                <A href="/login">{t("account-second-step-sign-in-again")}</A>
                            </p>
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// What the page asks for, by what the person has (the message's id).
fn ask(offer: SecondStepOffer) -> &'static str {
    match (offer.app, offer.passkey) {
        (true, true) => "account-second-step-ask-all",
        (false, true) => "account-second-step-ask-passkey",
        _ => "account-second-step-ask-app",
    }
}
