use crate::{components::ErrorPage, error::AppError};
use leptos::prelude::*;

/// Answer for any path no route matches, with status 404.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::server::errors::set_response_status(&AppError::NotFound);
    view! { <ErrorPage error=AppError::NotFound /> }
}
