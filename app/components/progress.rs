//! Progress as a bar with its number beside it (a measure's, a method's, a V2MOM's).

use crate::i18n::t;
use crate::i18n::{language, percent as percent_text};
use leptos::prelude::*;

/// `percent` (0 to 100) as a `<progress>` bar labelled `label`; "no check-in yet" when there
/// is none.
#[component]
pub fn ProgressBar(percent: Option<f64>, label: String) -> impl IntoView {
    match percent {
        Some(percent) => {
            let shown = percent_text(language(), percent);
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
        None => {
            view! { <span class="progress progress-none">{t("ui-progress-none")}</span> }.into_any()
        }
    }
}
