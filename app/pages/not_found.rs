use crate::{components::ErrorPage, error::AppError};
use leptos::prelude::*;

/// Answer for any path no route matches, with status 404.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <ErrorPage error=AppError::NotFound /> }
}
