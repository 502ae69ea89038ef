//! Administrators: the audit log, filtered, paged, exported, verified.

use crate::i18n::{t, t_with};
use crate::{
    api::{VerifyAuditChain, audit_log},
    components::{ErrorPage, FormError, Pager, action_error},
    model::{AuditFilter, AuditPage, ChainReport, page_count, percent_encode},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || {
        query.with(|q| AuditFilter {
            actor: q.get("actor").unwrap_or_default(),
            action: q.get("action").unwrap_or_default(),
            from: q.get("from").unwrap_or_default(),
            to: q.get("to").unwrap_or_default(),
        })
    };
    let page = move || query.with(|q| q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1));
    let log = Resource::new(
        move || (filter(), page()),
        |(f, p)| audit_log(f.actor, f.action, f.from, f.to, p),
    );
    view! {
        <Title text=t("admin-audit-title") />
        <h1>{t("admin-audit-title")}</h1>
        <FilterForm filter=filter() />
        <VerifyChain />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match log.await {
                    Ok(log) => view! { <Entries log filter=filter() /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The filter's query string, for paging and export links.
fn query_string(filter: &AuditFilter) -> String {
    [
        ("actor", &filter.actor),
        ("action", &filter.action),
        ("from", &filter.from),
        ("to", &filter.to),
    ]
    .iter()
    .map(|(k, v)| format!("{k}={}", percent_encode(v)))
    .collect::<Vec<_>>()
    .join("&")
}

#[component]
fn FilterForm(filter: AuditFilter) -> impl IntoView {
    view! {
        <form method="get" action="/admin/audit" class="inline-form" aria-label=t("admin-audit-filter-label")>
            <div class="field">
                <label for="audit-actor">{t("admin-audit-actor-email")}</label>
                <input id="audit-actor" name="actor" type="email" value=filter.actor />
            </div>
            <div class="field">
                <label for="audit-action">{t("admin-audit-action-prefix")}</label>
                <input id="audit-action" name="action" value=filter.action placeholder="auth." />
            </div>
            <div class="field">
                <label for="audit-from">{t("admin-audit-from-date")}</label>
                <input id="audit-from" name="from" type="date" value=filter.from />
            </div>
            <div class="field">
                <label for="audit-to">{t("admin-audit-to-date")}</label>
                <input id="audit-to" name="to" type="date" value=filter.to />
            </div>
            <button type="submit">{t("admin-audit-filter")}</button>
        </form>
    }
}

#[component]
fn VerifyChain() -> impl IntoView {
    let verify = ServerAction::<VerifyAuditChain>::new();
    let result = move || {
        verify
            .value()
            .get()
            .and_then(Result::ok)
            .map(|report| match report {
                ChainReport::Intact { rows } => {
                    t_with("admin-audit-intact", &[("count", rows.into())])
                }
                ChainReport::BrokenAt { id } => {
                    t_with("admin-audit-broken", &[("id", id.to_string().into())])
                }
            })
    };
    view! {
        <ActionForm action=verify>
            <FormError error=action_error(verify) />
            <button type="submit" class="secondary">{t("admin-audit-verify")}</button>
            <p role="status">{result}</p>
        </ActionForm>
    }
}

#[component]
fn Entries(log: AuditPage, filter: AuditFilter) -> impl IntoView {
    let query = query_string(&filter);
    let pages = page_count(log.total, log.per_page);
    let page = log.page;
    let link = {
        let query = query.clone();
        move |p: u32| format!("/admin/audit?{query}&page={p}")
    };
    view! {
        <p>
            <a href=format!("/admin/audit/export.csv?{query}") download>{t("admin-download-csv")}</a>
            " · "
            <a href=format!("/admin/audit/export.json?{query}") download>{t("admin-download-json")}</a>
        </p>
        // The widest table: on a narrow screen it scrolls, and the keyboard can scroll it.
        <div class="table-scroll" role="region" aria-label=t("admin-audit-entries-label") tabindex="0">
            <table class="audit">
                <caption>{t_with("admin-audit-entries", &[("count", log.total.into())])}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("admin-audit-col-when")}</th>
                        <th scope="col">{t("admin-audit-col-actor")}</th>
                        <th scope="col">{t("admin-audit-col-action")}</th>
                        <th scope="col">{t("admin-audit-col-target")}</th>
                        <th scope="col">{t("admin-audit-col-from")}</th>
                        <th scope="col">{t("admin-audit-col-details")}</th>
                    </tr>
                </thead>
                <tbody>
                    {log
                        .entries
                        .into_iter()
                        .map(|e| view! {
                            <tr>
                                <td>{e.at}</td>
                                <td>{e.actor_email.unwrap_or_default()}</td>
                                <td>{e.action}</td>
                                <td>{e.target.unwrap_or_default()}</td>
                                <td>{e.client_ip.unwrap_or_default()}</td>
                                <td><code>{e.details}</code></td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <Pager page pages link />
    }
}
