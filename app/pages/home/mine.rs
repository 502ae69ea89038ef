//! The person's own V2MOM for the period with its progress, and the plans above it.

use crate::i18n::{t, t_with};
use crate::{
    components::ProgressBar,
    i18n::{date, language},
    model::{Above, V2mom, progress},
};
use leptos::prelude::*;
use leptos_router::components::A;

/// One's V2MOM: status, vision, overall and per-method progress, the last check-in; or the
/// way to start it.
#[component]
pub fn MyV2mom(mine: Option<V2mom>, period: String) -> impl IntoView {
    let lang = language();
    let body = match mine {
        Some(v) => {
            let title = if v.content.title.is_empty() {
                t("home-mine-untitled")
            } else {
                v.content.title.clone()
            };
            let last = v.content.last_check_in().map_or_else(
                || t("home-mine-no-check-in"),
                |at| {
                    t_with(
                        "home-mine-last-check-in",
                        &[("date", (date(lang, at)).into())],
                    )
                },
            );
            let methods = v
                .content
                .methods
                .iter()
                .filter(|m| m.measures.iter().any(|measure| measure.id.is_some()))
                .map(|m| {
                    let label = t_with(
                        "home-mine-method-progress",
                        &[("method", m.title.clone().into())],
                    );
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
                    {format!("{} ", t("home-mine-overall"))}
                    <ProgressBar percent=v.progress label=t("home-mine-overall-progress") />
                    " · "
                    <span class="last-check-in">{last}</span>
                </p>
                <ul class="method-progress" aria-label=t("home-mine-progress-by-method")>{methods}</ul>
            }
            .into_any()
        }
        None => view! {
            <p>
                {format!("{} ", t("home-mine-none"))}
                <A href="/v2moms">{t("home-mine-start")}</A>
            </p>
        }
        .into_any(),
    };
    view! {
        <section aria-labelledby="mine-heading">
            <h1 id="mine-heading">{move || t_with("home-mine-heading", &[("period", period.clone().into())])}</h1>
            {body}
        </section>
    }
}

/// The published plans above the person, the company's first; what theirs aligns to in each.
#[component]
pub fn UpTheChain(chain: Vec<Above>, has_manager: bool, period: String) -> impl IntoView {
    let body = if !has_manager {
        view! {
            <p class="empty">{t("home-chain-top")}</p>
        }
        .into_any()
    } else if chain.is_empty() {
        view! {
            <p class="empty">
                {move || t_with("home-chain-none", &[("period", period.clone().into())])}
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
                            {t_with("home-chain-aligns", &[("methods", (above.aligned_methods.join(" · ")).into())])}
                        </p>
                    }
                });
                view! {
                    <article class="above">
                        <h3>
                            <A href=format!("/v2moms/{}", above.id)>
                                {t_with("home-chain-owner", &[("name", above.owner.name.clone().into())])}
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
            <h2 id="chain-heading">{t("home-chain-heading")}</h2>
            {body}
        </section>
    }
}
