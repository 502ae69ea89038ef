//! Administrators: the whole organisation through a period (`?period=`): how many people
//! have published their V2MOM, per team who has not and how far the team has come, and
//! the methods where alignment has a gap.

use crate::i18n::{t, t_with};
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
        <Title text=t("admin-org-title") />
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
            <h1>{t("admin-org-title")}</h1>
            <p>
                {format!("{} ", t("admin-org-no-period"))}
                <a href="/admin/periods">{t("admin-org-create-period")}</a>
                "."
            </p>
        }
        .into_any();
    };
    view! {
        <h1>{t_with("admin-org-heading", &[("period", period.name.clone().into())])}</h1>
        <PeriodPicker
            action="/admin/organisation"
            id="organisation-period"
            periods=data.periods
            chosen=Some(period.id)
        />
        <p class="coverage-summary">
            {t_with("admin-org-coverage", &[("published", data.published.into()), ("people", data.people.into()), ("period", period.name.clone().into())])}
        </p>
        <Teams teams=data.teams />
        <Methods
            id="unaligned"
            heading=t("admin-org-unaligned-heading")
            explanation=t("admin-org-unaligned-explanation")
            empty=t("admin-org-unaligned-empty")
            methods=data.unaligned
        />
        <Methods
            id="unclaimed"
            heading=t("admin-org-unclaimed-heading")
            explanation=t("admin-org-unclaimed-explanation")
            empty=t("admin-org-unclaimed-empty")
            methods=data.unclaimed
        />
    }
    .into_any()
}

#[component]
fn Teams(teams: Vec<TeamCoverage>) -> impl IntoView {
    if teams.is_empty() {
        return view! { <p>{t("admin-org-nobody-invited")}</p> }.into_any();
    }
    view! {
        <section aria-labelledby="teams">
            <h2 id="teams">{t("admin-org-teams")}</h2>
            <div class="table-scroll">
                <table class="coverage">
                    <caption class="visually-hidden">{t("admin-org-teams-caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("admin-org-col-team")}</th>
                            <th scope="col">{t("admin-org-col-published")}</th>
                            <th scope="col">{t("admin-org-col-progress")}</th>
                            <th scope="col">{t("admin-org-col-missing")}</th>
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
        || t("admin-org-no-team"),
        |m| t_with("admin-org-team-of", &[("name", m.name.clone().into())]),
    );
    let team_name = match team.manager {
        Some(manager) => view! { <a href=person_href(&manager)>{name.clone()}</a> }.into_any(),
        None => view! { <span>{name.clone()}</span> }.into_any(),
    };
    let missing = if team.missing.is_empty() {
        view! { <span class="hint">{t("admin-org-everyone")}</span> }.into_any()
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
                {t_with("admin-org-team-published", &[("published", team.published.into()), ("members", team.members.into())])}
            </td>
            <td>
                <ProgressBar
                    percent=team.progress
                    label=t_with("admin-org-team-progress", &[("team", name.clone().into())])
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
