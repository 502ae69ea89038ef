//! Managers: everyone below them in the reporting line, with how their V2MOMs are doing in a
//! period (`?period=`, `?sort=`).

use crate::i18n::{t, t_with};
use crate::{
    api::{my_team, my_team_progress},
    components::{ErrorPage, TeamProgressTable},
    model::TeamMember,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn TeamPage() -> impl IntoView {
    let query = use_query_map();
    let chosen = move || {
        query.with(|q| {
            (
                q.get("period").and_then(|p| p.parse::<i64>().ok()),
                q.get("sort").filter(|s| !s.is_empty()),
            )
        })
    };
    let team = Resource::new(|| (), |_| my_team());
    let progress = Resource::new(chosen, |(period, sort)| my_team_progress(period, sort));
    view! {
        <Title text=t("home-my-team") />
        <h1>{t("home-my-team")}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match (team.await, progress.await) {
                    (Ok(members), _) if members.is_empty() => {
                        view! { <p>{t("home-team-nobody")}</p> }.into_any()
                    }
                    (Ok(members), Ok(data)) => view! {
                        <TeamProgressTable data />
                        <h2>{t("home-team-reporting-line")}</h2>
                        <TeamTree members />
                    }
                    .into_any(),
                    (Err(error), _) | (_, Err(error)) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The team as an indented list: each person follows their manager (the server orders it).
#[component]
fn TeamTree(members: Vec<TeamMember>) -> impl IntoView {
    view! {
        <ul class="team" aria-label=t("home-team-tree")>
            {members
                .into_iter()
                .map(|m| {
                    let depth = m.depth.min(8);
                    let reports_to = m.person.manager_name.clone().unwrap_or_default();
                    view! {
                        <li class=format!("depth-{depth}")>
                            <strong>{m.person.display_name}</strong>
                            " · " {m.person.job_title} " · " {m.person.role.label()}
                            <span class="hint">
                                {format!(" {}", t_with("home-team-reports-to", &[("name", reports_to.into())]))}
                            </span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
