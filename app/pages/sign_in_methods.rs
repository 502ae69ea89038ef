//! On your profile: the providers you sign in with, linking another and unlinking one.
//! Both ask for your current password (or a sign-in within the last few minutes).

use crate::i18n::{t, t_with};
use crate::{
    api::{SignInMethods, UnlinkIdentity, my_sign_in_methods},
    components::{ErrorPage, FormError, SsoNotice, action_error},
    i18n::{date_time, language},
    model::sso::LinkedIdentity,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SignInMethodsSection() -> impl IntoView {
    let unlink = ServerAction::<UnlinkIdentity>::new();
    let methods = Resource::new(move || unlink.version().get(), |_| my_sign_in_methods());
    let query = use_query_map();
    let linked = move || {
        query
            .with(|q| q.get("sso_linked").is_some())
            .then(|| t("account-sign-in-linked"))
    };
    view! {
        <section aria-labelledby="sign-in-methods-heading">
            <h2 id="sign-in-methods-heading">{t("account-sign-in-methods")}</h2>
            <SsoNotice />
            <p role="status">{linked}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match methods.await {
                        Ok(methods) => view! { <Methods methods unlink /> }.into_any(),
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Methods(methods: SignInMethods, unlink: ServerAction<UnlinkIdentity>) -> impl IntoView {
    let SignInMethods {
        has_password,
        identities,
        providers,
    } = methods;
    let password_note = if has_password {
        t("account-sign-in-has-password")
    } else {
        t("account-sign-in-no-password")
    };
    view! {
        <p>{password_note}</p>
        {(!identities.is_empty())
            .then(|| {
                view! {
                    <div class="table-scroll">
                        <table class="list">
                            <thead>
                                <tr>
                                    <th scope="col">{t("account-sign-in-provider")}</th>
                                    <th scope="col">{t("account-sign-in-email-there")}</th>
                                    <th scope="col">{t("account-sign-in-linked-column")}</th>
                                    <th scope="col">{t("account-column-last-used")}</th>
                                    <th scope="col">
                                        <span class="visually-hidden">
                                            {t("account-column-action")}
                                        </span>
                                    </th>
                                </tr>
                            </thead>
                            <tbody>
                                {identities
                                    .into_iter()
                                    .map(|identity| view! { <Identity identity unlink has_password /> })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <FormError error=action_error(unlink) />
                }
            })}
        {(!providers.is_empty())
            .then(|| {
                view! {
                    <h3>{t("account-sign-in-link-provider")}</h3>
                    // A plain form: each button posts it to its provider's link route, which
                    // redirects to the provider.
                    <form method="post" class="narrow">
                        <ConfirmPassword id="link-password" has_password />
                        <div class="actions">
                            {providers
                                .into_iter()
                                .map(|p| {
                                    view! {
                                        <button
                                            type="submit"
                                            class="secondary"
                                            formaction=format!("/auth/sso/{}/link", p.slug)
                                        >
                                            {t_with("account-sign-in-link", &[("provider", p.name.into())])}
                                        </button>
                                    }
                                })
                                .collect_view()}
                        </div>
                    </form>
                }
            })}
    }
}

#[component]
fn Identity(
    identity: LinkedIdentity,
    unlink: ServerAction<UnlinkIdentity>,
    has_password: bool,
) -> impl IntoView {
    let field_id = format!("unlink-password-{}", identity.id);
    let lang = language();
    let unlink_label = t_with(
        "account-sign-in-unlink",
        &[("provider", identity.provider.clone().into())],
    );
    view! {
        <tr>
            <td>{identity.provider}</td>
            <td>{identity.email}</td>
            <td>{date_time(lang, &identity.linked)}</td>
            <td>{date_time(lang, &identity.last_used)}</td>
            <td>
                <ActionForm action=unlink>
                    <input type="hidden" name="id" value=identity.id />
                    <ConfirmPassword id=field_id has_password />
                    <button type="submit" class="secondary">
                        {unlink_label}
                    </button>
                </ActionForm>
            </td>
        </tr>
    }
}

/// The current password that confirms a change of sign-in methods. Someone without one
/// confirms by having signed in moments ago, so for them it is not asked.
#[component]
fn ConfirmPassword(#[prop(into)] id: String, has_password: bool) -> impl IntoView {
    if has_password {
        view! {
            <div class="field">
                <label for=id.clone()>{t("account-field-current-password")}</label>
                <input
                    id=id
                    name="password"
                    type="password"
                    autocomplete="current-password"
                    required=true
                />
            </div>
        }
        .into_any()
    } else {
        view! { <input type="hidden" name="password" value="" /> }.into_any()
    }
}
