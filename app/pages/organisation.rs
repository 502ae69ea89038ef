//! Administrators: the whole organisation through a period (`?period=`): how many people
//! have published their V2MOM, per team who has not and how far the team has come, and
//! the methods where alignment has a gap.

use crate::{
    api::organisation,
    components::{ErrorPage, PeriodPicker, ProgressBar},
    model::{MethodLink, OrganisationOverview, PersonRef, TeamCoverage},
};
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn OrganisationPage() -> impl IntoView {
    let query = use_query_map();
    let period = move || query.with(|q| q.get("period").and_then(|p| p.parse::<i64>().ok()));
    let data = Resource::new(period, organisation);
    view! {
        <Title text=tr!("admin-org-title") />
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
            <h1>{move_tr!("admin-org-title")}</h1>
            <p>
                {format!("{} ", tr!("admin-org-no-period"))}
                <a href="/admin/periods">{move_tr!("admin-org-create-period")}</a>
                "."
            </p>
        }
        .into_any();
    };
    view! {
        <h1>{tr!("admin-org-heading", { "period" => period.name.clone() })}</h1>
        <PeriodPicker
            action="/admin/organisation"
            id="organisation-period"
            periods=data.periods
            chosen=Some(period.id)
        />
        <p class="coverage-summary">
            {tr!("admin-org-coverage", {
                "published" => data.published,
                "people" => data.people,
                "period" => period.name.clone(),
            })}
        </p>
        <Teams teams=data.teams />
        <Methods
            id="unaligned"
            heading=move_tr!("admin-org-unaligned-heading")
            explanation=move_tr!("admin-org-unaligned-explanation")
            empty=move_tr!("admin-org-unaligned-empty")
            methods=data.unaligned
        />
        <Methods
            id="unclaimed"
            heading=move_tr!("admin-org-unclaimed-heading")
            explanation=move_tr!("admin-org-unclaimed-explanation")
            empty=move_tr!("admin-org-unclaimed-empty")
            methods=data.unclaimed
        />
    }
    .into_any()
}

#[component]
fn Teams(teams: Vec<TeamCoverage>) -> impl IntoView {
    if teams.is_empty() {
        return view! { <p>{move_tr!("admin-org-nobody-invited")}</p> }.into_any();
    }
    view! {
        <section aria-labelledby="teams">
            <h2 id="teams">{move_tr!("admin-org-teams")}</h2>
            <div class="table-scroll">
                <table class="coverage">
                    <caption class="visually-hidden">{move_tr!("admin-org-teams-caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move_tr!("admin-org-col-team")}</th>
                            <th scope="col">{move_tr!("admin-org-col-published")}</th>
                            <th scope="col">{move_tr!("admin-org-col-progress")}</th>
                            <th scope="col">{move_tr!("admin-org-col-missing")}</th>
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
    let name = team.manager.as_ref().map_or_else(
        || tr!("admin-org-no-team"),
        |m| tr!("admin-org-team-of", { "name" => m.name.clone() }),
    );
    let team_name = match team.manager {
        Some(manager) => view! { <a href=person_href(&manager)>{name.clone()}</a> }.into_any(),
        None => view! { <span>{name.clone()}</span> }.into_any(),
    };
    let missing = if team.missing.is_empty() {
        view! { <span class="hint">{move_tr!("admin-org-everyone")}</span> }.into_any()
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
            <td>
                {tr!("admin-org-team-published", {
                    "published" => team.published,
                    "members" => team.members,
                })}
            </td>
            <td>
                <ProgressBar
                    percent=team.progress
                    label=tr!("admin-org-team-progress", { "team" => name.clone() })
                />
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
    #[prop(into)] heading: Signal<String>,
    #[prop(into)] explanation: Signal<String>,
    #[prop(into)] empty: Signal<String>,
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
