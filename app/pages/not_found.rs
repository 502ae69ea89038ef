use crate::{
    components::{ErrorPage, mark_page_hydrated},
    error::AppError,
};
use leptos::prelude::*;

/// Answer for any path no route matches, with status 404.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    // The router's fallback is not one of the lazily loaded pages (`crate::routes`).
    mark_page_hydrated();
    view! { <ErrorPage error=AppError::NotFound /> }
}
