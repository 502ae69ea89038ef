//! Managers: their team's V2MOMs for the period in one compact table.

use crate::i18n::{t, t_with};
use crate::{
    components::ProgressBar,
    model::{ProgressRow, V2momStatus},
};
use leptos::prelude::*;
use leptos_router::components::A;

/// How many V2MOMs are where, each report's row, and the own methods nobody aligns to yet;
/// or, to one nobody reports to yet, how that changes.
#[component]
pub fn TeamSummary(rows: Vec<ProgressRow>, unaligned: Vec<String>) -> impl IntoView {
    let body = if rows.is_empty() {
        view! {
            <p class="empty">
                {format!("{} {} ", t("home-team-nobody"), t("home-team-set-manager-before"))}
                <A href="/admin/people">{t("home-team-set-manager-link")}</A>
                {t("home-team-set-manager-after")}
            </p>
        }
        .into_any()
    } else {
        view! { <Table rows unaligned /> }.into_any()
    };
    view! {
        <section aria-labelledby="team-heading">
            <h2 id="team-heading">{t("home-my-team")}</h2>
            {body}
        </section>
    }
}

#[component]
fn Table(rows: Vec<ProgressRow>, unaligned: Vec<String>) -> impl IntoView {
    let count = |status: Option<V2momStatus>| rows.iter().filter(|r| r.status == status).count();
    let coverage = t_with(
        "home-team-coverage",
        &[
            ("published", (count(Some(V2momStatus::Published))).into()),
            ("review", (count(Some(V2momStatus::InReview))).into()),
            ("draft", (count(Some(V2momStatus::Draft))).into()),
            ("none", (count(None)).into()),
        ],
    );
    let unaligned = (!unaligned.is_empty()).then(|| {
        view! {
            <h3>{t("home-team-unaligned")}</h3>
            <ul>{unaligned.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
        }
    });
    view! {
        <p class="coverage">{coverage}</p>
        <div class="table-scroll">
            <table class="team-summary">
                <thead>
                    <tr>
                        <th scope="col">{t("home-team-col-person")}</th>
                        <th scope="col">{t("home-team-col-status")}</th>
                        <th scope="col">{t("home-team-col-progress")}</th>
                        <th scope="col">{t("home-team-col-check-ins")}</th>
                    </tr>
                </thead>
                <tbody>{rows.into_iter().map(row).collect_view()}</tbody>
            </table>
        </div>
        <p>
            <A href="/team">{t("home-team-open")}</A>
            " "
            {t("home-team-open-after")}
        </p>
        {unaligned}
    }
}

fn row(row: ProgressRow) -> impl IntoView {
    let status = row.status_label();
    let status_class = format!(
        "status status-{}",
        row.status.map_or("none", |s| s.as_str())
    );
    let depth = row.depth.min(8);
    let name = row.person.name.clone();
    let person = match row.v2mom_id {
        Some(id) => view! { <A href=format!("/v2moms/{id}")>{name}</A> }.into_any(),
        None => view! { <span>{name}</span> }.into_any(),
    };
    let label = t_with(
        "home-team-person-progress",
        &[("name", row.person.name.clone().into())],
    );
    view! {
        <tr>
            <th scope="row" class=format!("depth-{depth}")>{person}</th>
            <td>
                <span class=status_class>{status}</span>
            </td>
            <td>{row.status.map(|_| view! { <ProgressBar percent=row.progress label /> })}</td>
            <td>{row.staleness.map(|s| view! { <span class="flag">{s.label()}</span> })}</td>
        </tr>
    }
}
