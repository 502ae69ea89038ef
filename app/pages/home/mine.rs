//! The person's own V2MOM for the period with its progress, and the plans above it.

use crate::{
    components::ProgressBar,
    model::{Above, V2mom, display_date, progress},
};
use leptos::prelude::*;
use leptos_router::components::A;

/// One's V2MOM: status, vision, overall and per-method progress, the last check-in; or the
/// way to start it.
#[component]
pub fn MyV2mom(mine: Option<V2mom>, period: String) -> impl IntoView {
    let body = match mine {
        Some(v) => {
            let title = if v.content.title.is_empty() {
                "My V2MOM".to_owned()
            } else {
                v.content.title.clone()
            };
            let last = v.content.last_check_in().map_or_else(
                || "No check-in yet".to_owned(),
                |at| format!("Last check-in {}", display_date(at)),
            );
            let methods = v
                .content
                .methods
                .iter()
                .filter(|m| m.measures.iter().any(|measure| measure.id.is_some()))
                .map(|m| {
                    let label = format!("Progress of “{}”", m.title);
                    view! {
                        <li>
                            <span class="method-title">{m.title.clone()}</span>
                            " "
                            <ProgressBar percent=progress::of_method(m) label />
                        </li>
                    }
                })
                .collect_view();
            view! {
                <p>
                    <A href=format!("/v2moms/{}", v.id)>{title}</A>
                    " · "
                    <span class=format!("status status-{}", v.status.as_str())>{v.status.label()}</span>
                </p>
                <p class="vision">{v.content.vision.clone()}</p>
                <p class="overall">
                    "Overall: "
                    <ProgressBar percent=v.progress label="Overall progress".to_owned() />
                    " · "
                    <span class="last-check-in">{last}</span>
                </p>
                <ul class="method-progress" aria-label="Progress by method">{methods}</ul>
            }
            .into_any()
        }
        None => view! {
            <p>"You have no V2MOM for this period yet. " <A href="/v2moms">"Start one"</A></p>
        }
        .into_any(),
    };
    view! {
        <section aria-labelledby="mine-heading">
            <h1 id="mine-heading">{format!("My V2MOM · {period}")}</h1>
            {body}
        </section>
    }
}

/// The published plans above the person, the company's first; what theirs aligns to in each.
#[component]
pub fn UpTheChain(chain: Vec<Above>, has_manager: bool, period: String) -> impl IntoView {
    let body = if !has_manager {
        view! {
            <p class="empty">
                "You report to nobody: yours is the plan at the top, the one everyone aligns to."
            </p>
        }
        .into_any()
    } else if chain.is_empty() {
        view! {
            <p class="empty">
                {format!(
                    "Nobody above you has published a V2MOM for {period} yet; it shows here once your manager's is published."
                )}
            </p>
        }
        .into_any()
    } else {
        chain
            .into_iter()
            .map(|above| {
                let aligned = (!above.aligned_methods.is_empty()).then(|| {
                    view! {
                        <p class="aligned">
                            {format!("Yours aligns to: {}", above.aligned_methods.join(" · "))}
                        </p>
                    }
                });
                view! {
                    <article class="above">
                        <h3>
                            <A href=format!("/v2moms/{}", above.id)>
                                {format!("{}'s V2MOM", above.owner.name)}
                            </A>
                            {(!above.title.is_empty()).then(|| format!(" · {}", above.title))}
                        </h3>
                        <p class="vision">{above.vision}</p>
                        {aligned}
                    </article>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section aria-labelledby="chain-heading">
            <h2 id="chain-heading">"Up your chain"</h2>
            {body}
        </section>
    }
}
