//! Managers: everyone below them in the reporting line.

use crate::{api::my_team, components::ErrorPage, model::TeamMember};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn TeamPage() -> impl IntoView {
    let team = Resource::new(|| (), |_| my_team());
    view! {
        <Title text="My team" />
        <h1>"My team"</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match team.await {
                    Ok(members) if members.is_empty() => {
                        view! { <p>"Nobody reports to you yet."</p> }.into_any()
                    }
                    Ok(members) => view! { <TeamTree members /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The team as an indented list: each person follows their manager (the server orders it).
#[component]
fn TeamTree(members: Vec<TeamMember>) -> impl IntoView {
    view! {
        <ul class="team" aria-label="Team">
            {members
                .into_iter()
                .map(|m| {
                    let depth = m.depth.min(8);
                    let reports_to = m.person.manager_name.clone().unwrap_or_default();
                    view! {
                        <li class=format!("depth-{depth}")>
                            <strong>{m.person.display_name}</strong>
                            " · " {m.person.job_title} " · " {m.person.role.label()}
                            <span class="hint">" (reports to " {reports_to} ")"</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
