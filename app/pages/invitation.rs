//! Opening an invitation link: choose a password, or sign in with the organisation's
//! provider, and you are in.

use crate::i18n::{t, t_with};
use crate::{
    api::{AcceptInvitation, invitation, sign_in_options},
    components::{
        ErrorPage, ErrorSummary, FormActions, NewPasswordField, SsoButtons, SsoNotice, action_error,
    },
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn InvitationPage() -> impl IntoView {
    let params = use_params_map();
    let token = Signal::derive(move || params.with(|p| p.get("token").unwrap_or_default()));
    let info = Resource::new(move || token.get(), invitation);
    let options = Resource::new(|| (), |_| sign_in_options());
    let accept = ServerAction::<AcceptInvitation>::new();
    let error = action_error(accept);
    view! {
        <Title text=t("account-invitation-title") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let options = options.await.ok();
                let password = options.as_ref().is_none_or(|o| o.password);
                let providers = options.map(|o| o.providers).unwrap_or_default();
                let lead = match (password, providers.is_empty()) {
                    (true, true) => "account-invitation-lead-password",
                    (true, false) => "account-invitation-lead-either",
                    (false, _) => "account-invitation-lead-provider",
                };
                match info.await {
                    Ok(info) => view! {
                        <section class="narrow">
                            <h1>{t_with("account-invitation-heading", &[("name", info.display_name.into())])}</h1>
                            <p class="lead">
                                {crate::i18n::t_with(lead, &[("email", info.email.into())])}
                            </p>
                            <SsoNotice />
                            {password
                                .then(|| {
                                    view! {
                                        <ActionForm action=accept>
                                            <ErrorSummary error />
                                            <input type="hidden" name="token" value=token />
                                            <NewPasswordField error />
                                            <FormActions
                                                error
                                                pending=accept.pending()
                                                label=t("account-invitation-submit")
                                            />
                                        </ActionForm>
                                    }
                                })}
                            <SsoButtons providers field="invitation" value=token />
                        </section>
                    }
                    .into_any(),
                    Err(_) => view! { <ErrorPage error=crate::error::AppError::NotFound /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
