//! Your account: change your password, your sign-in methods, your API keys (on a page of
//! their own), see and end your sessions, download your data.

use super::sign_in_methods::SignInMethodsSection;
use crate::i18n::t;
use crate::{
    api::{ChangePassword, EndMySession, SignOutEverywhere, my_sessions},
    components::{
        ErrorPage, ErrorSummary, Field, FormActions, FormError, LanguageChoice, NewPasswordField,
        action_error,
    },
    i18n::{date_time, language},
    model::SessionInfo,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let change = ServerAction::<ChangePassword>::new();
    let end = ServerAction::<EndMySession>::new();
    let everywhere = ServerAction::<SignOutEverywhere>::new();
    let sessions = Resource::new(
        move || (change.version().get(), end.version().get()),
        |_| my_sessions(),
    );
    let change_error = action_error(change);
    let changed = move || {
        matches!(change.value().get(), Some(Ok(()))).then(|| t("account-profile-password-changed"))
    };
    view! {
        <Title text=t("account-your-account") />
        <h1>{t("account-your-account")}</h1>
        <section aria-labelledby="password-heading" class="narrow">
            <h2 id="password-heading">{t("account-profile-change-password")}</h2>
            <ActionForm action=change>
                <ErrorSummary error=change_error />
                <Field
                    label=t("account-field-current-password")
                    name="current_password"
                    kind="password"
                    error=change_error
                    autocomplete="current-password"
                />
                <NewPasswordField error=change_error />
                <FormActions error=change_error pending=change.pending() label=t("account-profile-change-password") />
                <p role="status">{changed}</p>
            </ActionForm>
        </section>
        <LanguageChoice />
        <section aria-labelledby="notifications-heading">
            <h2 id="notifications-heading">{t("account-notifications")}</h2>
            <p>
                {t("account-profile-notifications-text")}
                " "
                <A href="/profile/notifications">{t("account-notification-settings")}</A>
            </p>
        </section>
        <section aria-labelledby="security-heading">
            <h2 id="security-heading">{t("account-security")}</h2>
            <p>
                {t("account-profile-security-text")}
                " "
                <A href="/profile/security">{t("account-profile-manage-second-factor")}</A>
            </p>
        </section>
        <SignInMethodsSection />
        <section aria-labelledby="api-keys-heading">
            <h2 id="api-keys-heading">{t("account-api-keys")}</h2>
            <p>
                {t("account-profile-api-keys-text")}
                " "
                <A href="/profile/api-keys">{t("account-profile-manage-api-keys")}</A>
            </p>
        </section>
        <section aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{t("account-profile-sessions")}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match sessions.await {
                        Ok(list) => view! { <Sessions list end /> }.into_any(),
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })}
            </Suspense>
            <ActionForm action=everywhere>
                <FormError error=action_error(everywhere) />
                <button type="submit" class="secondary">
                    {t("account-profile-sign-out-everywhere")}
                </button>
            </ActionForm>
        </section>
        <section aria-labelledby="your-data-heading">
            <h2 id="your-data-heading">{t("account-profile-your-data")}</h2>
            <p>
                {t("account-profile-your-data-text")}
                " "
                <a href="/profile/export.json" download rel="external">
                    {t("account-profile-download-data")}
                </a>
            </p>
        </section>
    }
}

#[component]
fn Sessions(list: Vec<SessionInfo>, end: ServerAction<EndMySession>) -> impl IntoView {
    let lang = language();
    view! {
        <div class="table-scroll">
            <table class="sessions">
                <thead>
                    <tr>
                        <th scope="col">{t("account-sessions-signed-in")}</th>
                        <th scope="col">{t("account-sessions-from")}</th>
                        <th scope="col">{t("account-sessions-browser")}</th>
                        <th scope="col">
                            <span class="visually-hidden">{t("account-column-action")}</span>
                        </th>
                    </tr>
                </thead>
                <tbody>
                    {list
                        .into_iter()
                        .map(|s| view! {
                            <tr>
                                <td>{date_time(lang, &s.signed_in_at)}</td>
                                <td>{s.client_ip.unwrap_or_default()}</td>
                                <td>{s.user_agent}</td>
                                <td>
                                    {if s.current {
                                        view! { <span>{t("account-sessions-this-session")}</span> }.into_any()
                                    } else {
                                        view! {
                                            <ActionForm action=end>
                                                <input type="hidden" name="handle" value=s.handle />
                                                <button type="submit" class="secondary">
                                                    {t("account-sessions-end")}
                                                </button>
                                            </ActionForm>
                                        }
                                        .into_any()
                                    }}
                                </td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
