//! The second step of signing in: a passkey, a code from the authenticator app, or a
//! recovery code.

use crate::{
    api::second_step_waiting,
    components::{
        ErrorPage, ErrorSummary, Field, FormActions, PasskeySignIn, action_error, use_auth,
    },
    model::SecondStepOffer,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn SecondStepPage() -> impl IntoView {
    let step = use_auth().second_step;
    let error = action_error(step);
    let query = use_query_map();
    let next = Signal::derive(move || query.with(|q| q.get("next")).unwrap_or_default());
    let waiting = Resource::new(|| (), |_| second_step_waiting());
    view! {
        <Title text="Second step" />
        <section class="narrow">
            <h1>"Second step"</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match waiting.await {
                        Ok(Some(offer)) => view! {
                            <p>{ask(offer)}</p>
                            {offer.passkey.then(|| view! {
                                <PasskeySignIn next label="Use a passkey" />
                                <h2>"Or enter a code"</h2>
                            })}
                            <ActionForm action=step>
                                <ErrorSummary error />
                                <input type="hidden" name="next" value=next />
                                <Field
                                    label="Code"
                                    name="code"
                                    error
                                    autocomplete="one-time-code"
                                    hint="A recovery code works once."
                                />
                                <FormActions error pending=step.pending() label="Sign in" />
                            </ActionForm>
                        }
                        .into_any(),
                        Ok(None) => view! {
                            <p>
                                "Signing in took too long, or was not started in this browser. "
                                <A href="/login">"Sign in again"</A>
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

/// What the page asks for, by what the person has.
fn ask(offer: SecondStepOffer) -> &'static str {
    match (offer.app, offer.passkey) {
        (true, true) => {
            "Use one of your passkeys, or enter the six-digit code your authenticator app \
             shows for this site, or one of your recovery codes."
        }
        (false, true) => "Use one of your passkeys, or enter one of your recovery codes.",
        _ => {
            "Enter the six-digit code your authenticator app shows for this site, or one of \
             your recovery codes."
        }
    }
}
