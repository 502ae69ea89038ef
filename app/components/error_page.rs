use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// A whole-page explanation of an error, with a way back.
#[component]
pub fn ErrorPage(error: AppError) -> impl IntoView {
    let heading = match error {
        AppError::NotFound => "Page not found",
        AppError::Forbidden => "Not allowed",
        AppError::Unauthenticated => "Please sign in",
        _ => "Something went wrong",
    };
    let reference = error.request_id().map(|id| {
        view! {
            <p class="reference">
                "Reference for your administrator: " <code>{id.to_owned()}</code>
            </p>
        }
    });
    view! {
        <Title text=heading />
        <section class="error-page" role="alert">
            <h1>{heading}</h1>
            <p>{error.to_string()}</p>
            {reference}
            <p>
                <A href="/">"Go to the home page"</A>
            </p>
        </section>
    }
}
