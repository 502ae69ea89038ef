//! The team page's progress table: one row per report, sortable by its column headers
//! (plain links carrying `?sort=`, so sorting works without JavaScript), with a period
//! select that is a plain GET form.

use crate::i18n::{t, t_with};
use crate::{
    components::{PeriodPicker, ProgressBar},
    i18n::{date, language},
    model::{ProgressRow, SortKey, TeamProgress, TeamSort},
};
use leptos::prelude::*;

#[component]
pub fn TeamProgressTable(data: TeamProgress) -> impl IntoView {
    let Some(period) = data.period else {
        return view! { <p>{t("ui-team-no-period")}</p> }.into_any();
    };
    let sort = TeamSort::parse(Some(&data.sort)).unwrap_or_default();
    let period_id = period.id;
    let header = move |key: SortKey, label: String| {
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
                {move || t_with("ui-team-progress-in", &[("period", period.name.clone().into())])}
            </h2>
            <PeriodPicker
                action="/team"
                id="team-period"
                periods=data.periods
                chosen=Some(period_id)
                keep=vec![("sort", data.sort.clone())]
            />
            {if data.rows.is_empty() {
                view! { <p>{t("ui-team-no-reports")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table class="team-progress">
                            <caption class="visually-hidden">
                                {t("ui-team-caption")}
                            </caption>
                            <thead>
                                <tr>
                                    {header(SortKey::Person, t("ui-team-col-person"))}
                                    <th scope="col">{t("ui-team-col-manager")}</th>
                                    {header(SortKey::Status, t("ui-team-col-status"))}
                                    {header(SortKey::Progress, t("ui-team-col-progress"))}
                                    <th scope="col">{t("ui-team-col-at-risk")}</th>
                                    <th scope="col">{t("ui-team-col-off-track")}</th>
                                    {header(SortKey::LastCheckIn, t("ui-team-col-last-check-in"))}
                                    <th scope="col">{t("ui-team-col-check-ins")}</th>
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
            <td>{row.last_check_in.as_deref().map(|at| date(language(), at)).unwrap_or_default()}</td>
            <td>{row.staleness.map(|s| view! { <span class="flag">{s.label()}</span> })}</td>
        </tr>
    }
}
