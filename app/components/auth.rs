//! Who is signed in, for every component, and the actions that change it.

use crate::i18n::{t, t_with};
use crate::model::Role;
use crate::{
    api::{Logout, who_am_i},
    error::AppError,
    model::CurrentUser,
};
use leptos::{
    prelude::*,
    server_fn::{ServerFn, error::ServerFnUrlError},
};
use leptos_router::{
    components::{A, Redirect},
    hooks::use_location,
};

#[derive(Clone, Copy)]
pub struct Auth {
    pub logout: ServerAction<Logout>,
    /// Loaded again on every move to another page and after signing out.
    pub user: Resource<Result<Option<CurrentUser>, AppError>>,
}

/// Provides [`Auth`] to everything inside the router (it follows the router's location).
///
/// Whatever changes who is signed in (signing in, its second step, setting up, accepting an
/// invitation, registering) ends by sending the browser to another page, so loading the
/// user again on every move to another page keeps the header right without those actions
/// in here: each page makes its own, and only its page group's file carries it (each
/// action is code in the browser's bundle). Signing out can happen on any page, the
/// sign-in page included, so its action stays here. A move also brings the unread count
/// up to date.
pub fn provide_auth() {
    let logout = ServerAction::<Logout>::new();
    let location = use_location();
    let user = Resource::new(
        move || (location.pathname.get(), logout.version().get()),
        |_| who_am_i(),
    );
    provide_context(Auth { logout, user });
}

pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}

impl Auth {
    /// The signed-in person's id as last loaded, without subscribing to it.
    pub fn my_id(&self) -> Option<i64> {
        self.user
            .get_untracked()
            .and_then(Result::ok)
            .flatten()
            .map(|user| user.id)
    }
}

/// The error the last run of `action` ended with, if it failed.
pub fn action_error<S>(action: ServerAction<S>) -> Signal<Option<AppError>>
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    let value = action.value();
    // Without JavaScript the form posts for real, and the server redirects back with the
    // error in the URL (`?__path=…&__err=…`), which the router offers as context. The action
    // itself is made outside the router and never sees it, so the page (inside) reads it.
    let from_url = use_context::<ServerActionError>()
        .filter(|error| error.path() == S::PATH)
        .map(|error| ServerFnUrlError::<AppError>::decode_err(error.err()));
    Signal::derive(move || match value.get() {
        Some(result) => result.err(),
        None => from_url.clone(),
    })
}

/// Someone whose role requires a second factor and who has none is sent to set it up from
/// every other page (the server refuses them everything else anyway).
#[component]
pub fn SecondFactorGate() -> impl IntoView {
    let auth = use_auth();
    let location = use_location();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let must = auth
                    .user
                    .await
                    .ok()
                    .flatten()
                    .is_some_and(|u| u.must_set_up_second_factor);
                let here = location.pathname.get() == SECURITY_PAGE;
                (must && !here).then(|| view! { <Redirect path=SECURITY_PAGE /> })
            })}
        </Transition>
    }
}

const SECURITY_PAGE: &str = "/profile/security";

/// The main navigation: what the signed-in person's role opens to them.
#[component]
pub fn MainNav() -> impl IntoView {
    let auth = use_auth();
    view! {
        <nav aria-label=t("ui-nav-main")>
            <A href="/">{t("ui-nav-home")}</A>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let role = auth.user.await.ok().flatten().map(|u| u.role);
                    view! {
                        {role
                            .is_some()
                            .then(|| {
                                view! {
                                    <A href="/v2moms">{t("ui-nav-v2moms")}</A>
                                    <A href="/alignment">{t("ui-nav-alignment")}</A>
                                }
                            })}
                        {matches!(role, Some(Role::Manager | Role::Admin))
                            .then(|| view! { <A href="/team">{t("ui-nav-my-team")}</A> })}
                        {(role == Some(Role::Admin))
                            .then(|| {
                                view! {
                                    <A href="/admin/organisation">{t("ui-nav-organisation")}</A>
                                    <A href="/admin/people">{t("ui-nav-people")}</A>
                                    <A href="/admin/periods">{t("ui-nav-periods")}</A>
                                    <A href="/admin/sso">{t("ui-nav-sso")}</A>
                                    <A href="/admin/api-keys">{t("ui-nav-api-keys")}</A>
                                    <A href="/admin/webhooks">{t("ui-nav-webhooks")}</A>
                                    <A href="/admin/audit">{t("ui-nav-audit-log")}</A>
                                }
                            })}
                    }
                })}
            </Transition>
        </nav>
    }
}

/// A link to one's notifications that says how many are unread.
#[component]
fn NotificationBell(unread: i64) -> impl IntoView {
    let label = t_with("ui-bell-label", &[("count", unread.into())]);
    view! {
        <A href="/notifications" attr:class="bell" attr:aria-label=label.clone() attr:title=label>
            <span aria-hidden="true">"🔔"</span>
            {(unread > 0).then(|| view! { <span class="badge" aria-hidden="true">{unread}</span> })}
        </A>
    }
}

/// The header's corner: who you are and a way out, or a way in.
#[component]
pub fn UserMenu() -> impl IntoView {
    let auth = use_auth();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match auth.user.await {
                    Ok(Some(user)) => view! {
                        <div class="user-menu">
                            <span>
                                {t("ui-user-signed-in-as")}
                                " "
                                <A href="/profile" attr:title=t("ui-user-your-account")>
                                    <strong>{user.display_name}</strong>
                                </A>
                            </span>
                            <NotificationBell unread=user.unread_notifications />
                            <ActionForm action=auth.logout>
                                <button type="submit" class="secondary">{t("ui-user-sign-out")}</button>
                            </ActionForm>
                        </div>
                    }
                    .into_any(),
                    _ => view! { <a href="/login" class="user-menu">{t("ui-user-sign-in")}</a> }.into_any(),
                }
            })}
        </Transition>
    }
}
