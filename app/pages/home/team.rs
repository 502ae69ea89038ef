//! Managers: their team's V2MOMs for the period in one compact table.

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
                "Nobody reports to you yet. An administrator sets each person's manager under "
                <A href="/admin/people">"People"</A>
                ", one by one or with a CSV import."
            </p>
        }
        .into_any()
    } else {
        view! { <Table rows unaligned /> }.into_any()
    };
    view! {
        <section aria-labelledby="team-heading">
            <h2 id="team-heading">"My team"</h2>
            {body}
        </section>
    }
}

#[component]
fn Table(rows: Vec<ProgressRow>, unaligned: Vec<String>) -> impl IntoView {
    let count = |status: Option<V2momStatus>| rows.iter().filter(|r| r.status == status).count();
    let coverage = format!(
        "{} published · {} in review · {} draft · {} without a V2MOM",
        count(Some(V2momStatus::Published)),
        count(Some(V2momStatus::InReview)),
        count(Some(V2momStatus::Draft)),
        count(None),
    );
    let unaligned = (!unaligned.is_empty()).then(|| {
        view! {
            <h3>"Methods nobody aligns to yet"</h3>
            <ul>{unaligned.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
        }
    });
    view! {
        <p class="coverage">{coverage}</p>
        <div class="table-scroll">
            <table class="team-summary">
                <thead>
                    <tr>
                        <th scope="col">"Person"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Progress"</th>
                        <th scope="col">"Check-ins"</th>
                    </tr>
                </thead>
                <tbody>{rows.into_iter().map(row).collect_view()}</tbody>
            </table>
        </div>
        <p>
            <A href="/team">"Open the team page"</A>
            " to sort, switch period and see what is at risk."
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
    let label = format!("{}'s progress", row.person.name);
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
