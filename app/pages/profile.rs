//! Your account: change your password, your sign-in methods, your API keys (on a page of
//! their own), see and end your sessions, download your data.

use super::sign_in_methods::SignInMethodsSection;
use crate::{
    api::{ChangePassword, EndMySession, SignOutEverywhere, my_sessions},
    components::{
        ErrorPage, ErrorSummary, Field, FormActions, FormError, NewPasswordField, action_error,
    },
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
        matches!(change.value().get(), Some(Ok(())))
            .then_some("Password changed. Your other sessions were signed out.")
    };
    view! {
        <Title text="Your account" />
        <h1>"Your account"</h1>
        <section aria-labelledby="password-heading" class="narrow">
            <h2 id="password-heading">"Change password"</h2>
            <ActionForm action=change>
                <ErrorSummary error=change_error />
                <Field
                    label="Current password"
                    name="current_password"
                    kind="password"
                    error=change_error
                    autocomplete="current-password"
                />
                <NewPasswordField error=change_error />
                <FormActions error=change_error pending=change.pending() label="Change password" />
                <p role="status">{changed}</p>
            </ActionForm>
        </section>
        <section aria-labelledby="notifications-heading">
            <h2 id="notifications-heading">"Notifications"</h2>
            <p>
                "What is mailed to you, on its own or in a daily digest. "
                <A href="/profile/notifications">"Notification settings"</A>
            </p>
        </section>
        <section aria-labelledby="security-heading">
            <h2 id="security-heading">"Security"</h2>
            <p>
                "An authenticator app or passkeys as a second factor, so a stolen password is \
                 not enough; a passkey also signs you in on its own. "
                <A href="/profile/security">"Manage your second factor"</A>
            </p>
        </section>
        <SignInMethodsSection />
        <section aria-labelledby="api-keys-heading">
            <h2 id="api-keys-heading">"API keys"</h2>
            <p>
                "Scripts and other services call the REST API with an API key. "
                <A href="/profile/api-keys">"Manage your API keys"</A>
            </p>
        </section>
        <section aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">"Where you are signed in"</h2>
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
                <button type="submit" class="secondary">"Sign out everywhere"</button>
            </ActionForm>
        </section>
        <section aria-labelledby="your-data-heading">
            <h2 id="your-data-heading">"Your data"</h2>
            <p>
                "Everything v2mom holds about you, as one JSON file: your profile, sessions, \
                sign-in methods, API keys (never their secrets), the V2MOMs you own or wrote with \
                their revisions and check-ins, and the audit log entries about you. "
                <a href="/profile/export.json" download rel="external">
                    "Download your data"
                </a>
            </p>
        </section>
    }
}

#[component]
fn Sessions(list: Vec<SessionInfo>, end: ServerAction<EndMySession>) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="sessions">
                <thead>
                    <tr>
                        <th scope="col">"Signed in"</th>
                        <th scope="col">"From"</th>
                        <th scope="col">"Browser"</th>
                        <th scope="col"><span class="visually-hidden">"Action"</span></th>
                    </tr>
                </thead>
                <tbody>
                    {list
                        .into_iter()
                        .map(|s| view! {
                            <tr>
                                <td>{s.signed_in_at}</td>
                                <td>{s.client_ip.unwrap_or_default()}</td>
                                <td>{s.user_agent}</td>
                                <td>
                                    {if s.current {
                                        view! { <span>"This session"</span> }.into_any()
                                    } else {
                                        view! {
                                            <ActionForm action=end>
                                                <input type="hidden" name="handle" value=s.handle />
                                                <button type="submit" class="secondary">"End session"</button>
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
