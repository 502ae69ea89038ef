//! Progress as a bar with its number beside it (a measure's, a method's, a V2MOM's).

use leptos::prelude::*;

/// `percent` (0 to 100) as a `<progress>` bar labelled `label`; "no check-in yet" when there
/// is none.
#[component]
pub fn ProgressBar(percent: Option<f64>, label: String) -> impl IntoView {
    match percent {
        Some(percent) => {
            let shown = format!("{}%", percent.round());
            view! {
                <span class="progress">
                    <progress
                        max="100"
                        value=percent.to_string()
                        aria-label=format!("{label}: {shown}")
                    >
                        {shown.clone()}
                    </progress>
                    <span class="progress-value" aria-hidden="true">
                        {shown}
                    </span>
                </span>
            }
            .into_any()
        }
        None => view! { <span class="progress progress-none">"No check-in yet"</span> }.into_any(),
    }
}
