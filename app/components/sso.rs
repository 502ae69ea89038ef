//! Single sign-on on the pages that sign people in: the provider buttons, and why the
//! last attempt did not work.

use crate::i18n::t_with;
use crate::model::sso::{ProviderButton, SsoFailure};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// One button per provider. Each is a plain form post to the provider's start route (the
/// answer is a redirect to the provider), so it works before and without hydration.
#[component]
pub fn SsoButtons(
    providers: Vec<ProviderButton>,
    /// The hidden field each form carries: `next` (where to go afterwards) or `invitation`.
    field: &'static str,
    #[prop(into)] value: Signal<String>,
) -> impl IntoView {
    (!providers.is_empty()).then(|| {
        view! {
            <ul class="sso-buttons">
                {providers
                    .into_iter()
                    .map(|p| {
                        view! {
                            <li>
                                <form method="post" action=format!("/auth/sso/{}", p.slug)>
                                    <input type="hidden" name=field value=value />
                                    <button type="submit" class="secondary">
                                        {t_with("ui-sso-sign-in-with", &[("provider", p.name.into())])}
                                    </button>
                                </form>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}

/// The message for `?sso_error=<code>`: only the fixed messages of [`SsoFailure`], never
/// text from the URL.
#[component]
pub fn SsoNotice() -> impl IntoView {
    let query = use_query_map();
    let failure = move || {
        query
            .with(|q| q.get("sso_error"))
            .and_then(|code| SsoFailure::from_code(&code))
    };
    move || failure().map(|f| view! { <p class="form-error" role="alert">{f.message()}</p> })
}
