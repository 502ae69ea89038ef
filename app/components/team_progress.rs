//! The team page's progress table: one row per report, sortable by its column headers
//! (plain links carrying `?sort=`, so sorting works without JavaScript), with a period
//! select that is a plain GET form.

use crate::{
    components::{PeriodPicker, ProgressBar},
    i18n::{current, date},
    model::{ProgressRow, SortKey, TeamProgress, TeamSort},
};
use leptos::prelude::*;
use leptos_fluent::move_tr;

#[component]
pub fn TeamProgressTable(data: TeamProgress) -> impl IntoView {
    let Some(period) = data.period else {
        return view! { <p>{move_tr!("ui-team-no-period")}</p> }.into_any();
    };
    let sort = TeamSort::parse(Some(&data.sort)).unwrap_or_default();
    let period_id = period.id;
    let header = move |key: SortKey, label: Signal<String>| {
        let sorted = (sort.key == key).then_some(if sort.descending {
            "descending"
        } else {
            "ascending"
        });
        let href = format!("/team?period={period_id}&sort={}", sort.toggled(key));
        view! {
            <th scope="col" aria-sort=sorted>
                <a href=href>{label}</a>
            </th>
        }
    };
    view! {
        <section aria-labelledby="team-progress">
            <h2 id="team-progress">
                {move_tr!("ui-team-progress-in", { "period" => period.name.clone() })}
            </h2>
            <PeriodPicker
                action="/team"
                id="team-period"
                periods=data.periods
                chosen=Some(period_id)
                keep=vec![("sort", data.sort.clone())]
            />
            {if data.rows.is_empty() {
                view! { <p>{move_tr!("ui-team-no-reports")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table class="team-progress">
                            <caption class="visually-hidden">
                                {move_tr!("ui-team-caption")}
                            </caption>
                            <thead>
                                <tr>
                                    {header(SortKey::Person, move_tr!("ui-team-col-person"))}
                                    <th scope="col">{move_tr!("ui-team-col-manager")}</th>
                                    {header(SortKey::Status, move_tr!("ui-team-col-status"))}
                                    {header(SortKey::Progress, move_tr!("ui-team-col-progress"))}
                                    <th scope="col">{move_tr!("ui-team-col-at-risk")}</th>
                                    <th scope="col">{move_tr!("ui-team-col-off-track")}</th>
                                    {header(SortKey::LastCheckIn, move_tr!("ui-team-col-last-check-in"))}
                                    <th scope="col">{move_tr!("ui-team-col-check-ins")}</th>
                                </tr>
                            </thead>
                            <tbody>{data.rows.into_iter().map(row).collect_view()}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
        </section>
    }
    .into_any()
}

fn row(row: ProgressRow) -> impl IntoView {
    let status_class = format!(
        "status status-{}",
        row.status.map_or("none", |s| s.as_str())
    );
    let status = row.status_label();
    let name = row.person.name.clone();
    let person = match row.v2mom_id {
        Some(id) => view! { <a href=format!("/v2moms/{id}")>{name}</a> }.into_any(),
        None => view! { <span>{name}</span> }.into_any(),
    };
    let progress = match row.progress {
        Some(percent) => view! {
            <ProgressBar
                percent=Some(percent)
                label=crate::i18n::t_with(
                    "ui-team-person-progress",
                    &[("name", row.person.name.clone().into())],
                )
            />
        }
        .into_any(),
        None => view! { <span class="hint">"—"</span> }.into_any(),
    };
    view! {
        <tr>
            <th scope="row">{person}</th>
            <td>{row.manager.map(|m| m.name).unwrap_or_default()}</td>
            <td>
                <span class=status_class>{status}</span>
            </td>
            <td>{progress}</td>
            <td>{row.at_risk}</td>
            <td>{row.off_track}</td>
            <td>{row.last_check_in.as_deref().map(|at| date(current(), at)).unwrap_or_default()}</td>
            <td>{row.staleness.map(|s| view! { <span class="flag">{s.label()}</span> })}</td>
        </tr>
    }
}
