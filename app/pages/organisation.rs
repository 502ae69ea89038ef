//! Administrators: the whole organisation through a period (`?period=`): how many people
//! have published their V2MOM, per team who has not and how far the team has come, and
//! the methods where alignment has a gap.

use crate::{
    api::organisation,
    components::{ErrorPage, PeriodPicker, ProgressBar},
    model::{MethodLink, OrganisationOverview, PersonRef, TeamCoverage},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn OrganisationPage() -> impl IntoView {
    let query = use_query_map();
    let period = move || query.with(|q| q.get("period").and_then(|p| p.parse::<i64>().ok()));
    let data = Resource::new(period, organisation);
    view! {
        <Title text="Organisation" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => view! { <Overview data /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Overview(data: OrganisationOverview) -> impl IntoView {
    let Some(period) = data.period else {
        return view! {
            <h1>"Organisation"</h1>
            <p>
                "No planning period has been set up yet: "
                <a href="/admin/periods">"create one"</a>
                "."
            </p>
        }
        .into_any();
    };
    view! {
        <h1>{format!("Organisation · {}", period.name)}</h1>
        <PeriodPicker
            action="/admin/organisation"
            id="organisation-period"
            periods=data.periods
            chosen=Some(period.id)
        />
        <p class="coverage-summary">
            {format!(
                "{} of {} people have a published V2MOM for {}.",
                data.published,
                data.people,
                period.name,
            )}
        </p>
        <Teams teams=data.teams />
        <Methods
            id="unaligned"
            heading="Methods aligned to nothing"
            explanation="Methods of published V2MOMs whose owner has a manager, that align to no method above."
            empty="Every published method of someone with a manager aligns to a method above."
            methods=data.unaligned
        />
        <Methods
            id="unclaimed"
            heading="Methods nobody aligns to"
            explanation="Methods of team leads' published V2MOMs that no published V2MOM of the period aligns to."
            empty="Every published method of a team lead has someone aligned to it."
            methods=data.unclaimed
        />
    }
    .into_any()
}

#[component]
fn Teams(teams: Vec<TeamCoverage>) -> impl IntoView {
    if teams.is_empty() {
        return view! { <p>"Nobody has been invited yet."</p> }.into_any();
    }
    view! {
        <section aria-labelledby="teams">
            <h2 id="teams">"Teams"</h2>
            <div class="table-scroll">
                <table class="coverage">
                    <caption class="visually-hidden">
                        "Each manager with their direct reports: published V2MOMs, progress, and who has not published."
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">"Team"</th>
                            <th scope="col">"Published"</th>
                            <th scope="col">"Progress"</th>
                            <th scope="col">"Without a published V2MOM"</th>
                        </tr>
                    </thead>
                    <tbody>{teams.into_iter().map(team_row).collect_view()}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

fn team_row(team: TeamCoverage) -> impl IntoView {
    let name = team
        .manager
        .as_ref()
        .map_or("Not in a team".to_owned(), |m| format!("{}'s team", m.name));
    let team_name = match team.manager {
        Some(manager) => view! { <a href=person_href(&manager)>{name.clone()}</a> }.into_any(),
        None => view! { <span>{name.clone()}</span> }.into_any(),
    };
    let missing = if team.missing.is_empty() {
        view! { <span class="hint">"Everyone"</span> }.into_any()
    } else {
        view! {
            <ul class="inline-list">
                {team
                    .missing
                    .into_iter()
                    .map(|p| view! { <li><a href=person_href(&p)>{p.name.clone()}</a></li> })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <tr>
            <th scope="row">{team_name}</th>
            <td>{format!("{} of {}", team.published, team.members)}</td>
            <td>
                <ProgressBar percent=team.progress label=format!("{name}'s progress") />
            </td>
            <td>{missing}</td>
        </tr>
    }
}

fn person_href(person: &PersonRef) -> String {
    format!("/admin/people/{}", person.id)
}

#[component]
fn Methods(
    id: &'static str,
    heading: &'static str,
    explanation: &'static str,
    empty: &'static str,
    methods: Vec<MethodLink>,
) -> impl IntoView {
    view! {
        <section aria-labelledby=id>
            <h2 id=id>{heading}</h2>
            <p class="hint">{explanation}</p>
            {if methods.is_empty() {
                view! { <p>{empty}</p> }.into_any()
            } else {
                view! {
                    <ul aria-labelledby=id>
                        {methods
                            .into_iter()
                            .map(|m| {
                                view! {
                                    <li>
                                        <a href=format!(
                                            "/v2moms/{}#method-{}",
                                            m.v2mom_id,
                                            m.method_id,
                                        )>{m.method_title}</a>
                                        <span class="hint">{format!(" · {}", m.owner_name)}</span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}
