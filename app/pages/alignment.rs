//! A period's V2MOMs as the organisation's tree, from the top down: collapsible (plain
//! `<details>`, so it works without JavaScript), with each person's status.

use crate::i18n::{t, t_with};
use crate::{
    api::alignment,
    components::{ErrorPage, PeriodPicker},
    model::{AlignmentNode, AlignmentView},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn AlignmentPage() -> impl IntoView {
    let query = use_query_map();
    let period = move || query.with(|q| q.get("period").and_then(|p| p.parse::<i64>().ok()));
    let data = Resource::new(period, alignment);
    view! {
        <Title text=t("v2mom-alignment") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => view! { <Tree view /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Tree(view: AlignmentView) -> impl IntoView {
    let chosen = view.period.as_ref().map(|p| p.id);
    let heading = view.period.as_ref().map_or_else(
        || t("v2mom-alignment"),
        |p| {
            t_with(
                "v2mom-alignment-period",
                &[("period", p.name.clone().into())],
            )
        },
    );
    let mut roots = Vec::new();
    let mut i = 0;
    while i < view.nodes.len() {
        let (tree, next) = subtree(&view.nodes, i);
        roots.push(tree);
        i = next;
    }
    view! {
        <section>
            <h1>{heading}</h1>
            <PeriodPicker action="/alignment" id="alignment-period" periods=view.periods chosen />
            {view
                .nodes
                .is_empty()
                .then(|| view! { <p>{t("v2mom-alignment-nobody")}</p> })}
            <ul class="alignment-tree" aria-label=t("v2mom-alignment-tree")>
                {roots}
            </ul>
        </section>
    }
}

/// Node `i` and everything below it (the deeper nodes that follow it); returns the view
/// and the index after its last descendant.
fn subtree(nodes: &[AlignmentNode], i: usize) -> (AnyView, usize) {
    let node = &nodes[i];
    let mut children = Vec::new();
    let mut next = i + 1;
    while next < nodes.len() && nodes[next].depth > node.depth {
        let (child, after) = subtree(nodes, next);
        children.push(child);
        next = after;
    }
    let label = label(node);
    let view = if children.is_empty() {
        view! { <li>{label}</li> }.into_any()
    } else {
        // The toggle is its own control after the name: a link inside a summary is an
        // interactive control inside another (WCAG 4.1.2, axe's nested-interactive).
        let reports = t_with("v2mom-direct-reports", &[("count", children.len().into())]);
        view! {
            <li>
                {label}
                <details open=true>
                    <summary>{reports}</summary>
                    <ul>{children}</ul>
                </details>
            </li>
        }
        .into_any()
    };
    (view, next)
}

fn label(node: &AlignmentNode) -> AnyView {
    let name = node.person.name.clone();
    match node.v2mom {
        Some((id, status)) => view! {
            <A href=format!("/v2moms/{id}")>{name}</A>
            " "
            <span class=format!("status status-{}", status.as_str())>{status.label()}</span>
            {(node.aligned_methods > 0)
                .then(|| {
                    format!(
                        " · {}",
                        t_with("v2mom-aligned-count", &[("count", node.aligned_methods.into())])
                    )
                })}
        }
        .into_any(),
        None => view! {
            <span>{name}</span>
            " "
            <span class="status status-none">{t("v2mom-no-v2mom")}</span>
        }
        .into_any(),
    }
}
