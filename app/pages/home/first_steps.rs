//! Administrators, after setup: the first steps, each ticked off once it has happened.

use crate::i18n::t;
use crate::model::FirstStep;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn FirstSteps(steps: Vec<FirstStep>) -> impl IntoView {
    let items = steps
        .into_iter()
        .map(|FirstStep { step, done }| {
            let (text, href) = step.describe();
            let what = match href {
                Some(href) if !done || step.revisit() => {
                    view! { <A href=href>{text}</A> }.into_any()
                }
                _ => view! { <span>{text}</span> }.into_any(),
            };
            view! {
                <li class=if done { "done" } else { "to-do" }>
                    <span class="tick" aria-hidden="true">{if done { "✓" } else { "○" }}</span>
                    " "
                    {what}
                    <span class="visually-hidden">
                        {format!(
                            " {}",
                            if done { t("home-step-done") } else { t("home-step-to-do") },
                        )}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="first-steps" aria-labelledby="first-steps-heading">
            <h2 id="first-steps-heading">{t("home-steps-heading")}</h2>
            <ol class="checklist">{items}</ol>
        </section>
    }
}
