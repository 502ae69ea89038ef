use crate::error::AppError;
use crate::i18n::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_location};

/// A whole-page explanation of an error, with a way back. It sets the page's HTTP status,
/// so a page showing it must render with `SsrMode::Async` (the status goes out first).
#[component]
pub fn ErrorPage(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::server::errors::set_response_status(&error);
    let heading = crate::i18n::t(match error {
        AppError::NotFound => "ui-error-not-found",
        AppError::Forbidden => "ui-error-forbidden",
        AppError::Unauthenticated => "ui-error-unauthenticated",
        AppError::Unavailable { .. } => "ui-error-unavailable",
        _ => "ui-error-other",
    });
    // Signed out: offer the way in, and back to this very page afterwards.
    let sign_in = (error == AppError::Unauthenticated).then(|| {
        let here = use_location();
        let next = format!(
            "{}{}",
            here.pathname.get_untracked(),
            here.search.get_untracked()
        );
        let href = format!("/login?next={}", crate::model::percent_encode(&next));
        view! { <p><A href=href>{t("ui-user-sign-in")}</A></p> }
    });
    let reference = error.request_id().map(|id| {
        view! {
            <p class="reference">
                {t("ui-error-reference")} " " <code>{id.to_owned()}</code>
            </p>
        }
    });
    view! {
        <Title text=heading.clone() />
        <section class="error-page" role="alert">
            <h1>{heading}</h1>
            <p>{error.to_string()}</p>
            {sign_in}
            {reference}
            <p>
                <A href="/">{t("ui-error-home-link")}</A>
            </p>
        </section>
    }
}
