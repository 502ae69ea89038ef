//! "Needs you now": what waits for the person, most pressing first.

use crate::i18n::t;
use crate::model::Need;
use leptos::prelude::*;
use leptos_router::components::A;

/// What waits for the person, each with the one link that does it.
#[component]
pub fn Needs(needs: Vec<Need>, period: String) -> impl IntoView {
    let items = if needs.is_empty() {
        view! { <p class="nothing-needed">{t("home-needs-nothing")}</p> }.into_any()
    } else {
        view! {
            <ul class="needs">
                {needs
                    .iter()
                    .map(|need| {
                        let (text, action, href) = need.describe(&period);
                        view! {
                            <li>
                                <span>{text}</span>
                                " "
                                <A href=href attr:class="button">{action}</A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="needs-heading">
            <h2 id="needs-heading">{t("home-needs-heading")}</h2>
            {items}
        </section>
    }
}
