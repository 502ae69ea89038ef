//! V2MOMs the reader may open: filter by owner, manager, function, period, status and
//! words; start a new one.

use crate::i18n::{t, t_with};
use crate::{
    api::{StartV2mom, list_v2moms, start_choices},
    components::{ErrorPage, FormError, Pager, action_error},
    i18n::{date_time, language},
    model::{V2momQuery, V2momStatus, page_count, percent_encode, shown_title},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn V2momListPage() -> impl IntoView {
    let query = use_query_map();
    let filters = move || {
        query.with(|q| {
            let number = |key: &str| q.get(key).and_then(|v| v.parse::<i64>().ok());
            V2momQuery {
                owner: number("owner"),
                manager: number("manager"),
                function: q.get("function").unwrap_or_default(),
                period: number("period"),
                status: q.get("status").and_then(|s| s.parse().ok()),
                text: q.get("text").unwrap_or_default(),
                page: q.get("page").and_then(|p| p.parse().ok()),
            }
        })
    };
    let list = Resource::new(filters, |f| async move {
        let choices = start_choices().await?;
        let list = list_v2moms(f.clone()).await?;
        Ok::<_, crate::error::AppError>((f, choices, list))
    });
    let lang = language();
    view! {
        <Title text=t("v2mom-list-title") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match list.await {
                    Ok((filters, choices, list)) => {
                        let pages = page_count(list.total, list.per_page);
                        let link = {
                            let filters = filters.clone();
                            move |page: u32| page_link(&filters, page)
                        };
                        view! {
                            <section>
                                <h1>{t("v2mom-list-title")}</h1>
                                <StartForm choices=choices.clone() />
                                <Filters filters=filters.clone() periods=choices.periods />
                                <p role="status">{t_with("v2mom-found", &[("count", list.total.into())])}</p>
                                <div class="table-scroll">
                                    <table class="list">
                                        <thead>
                                            <tr>
                                                <th scope="col">{t("v2mom-owner")}</th>
                                                <th scope="col">{t("v2mom-manager")}</th>
                                                <th scope="col">{t("v2mom-title")}</th>
                                                <th scope="col">{t("v2mom-period")}</th>
                                                <th scope="col">{t("v2mom-function")}</th>
                                                <th scope="col">{t("v2mom-status")}</th>
                                                <th scope="col">{t("v2mom-updated")}</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {list
                                                .items
                                                .into_iter()
                                                .map(|v| {
                                                    view! {
                                                        <tr>
                                                            <td>
                                                                <A href=format!("/v2moms?owner={}", v.owner.id) attr:title=t("v2mom-only-this-person")>
                                                                    {v.owner.name}
                                                                </A>
                                                            </td>
                                                            <td>
                                                                {v.manager.map(|m| view! {
                                                                    <A href=format!("/v2moms?manager={}", m.id) attr:title=t("v2mom-everyone-reporting")>
                                                                        {m.name}
                                                                    </A>
                                                                })}
                                                            </td>
                                                            <td>
                                                                <A href=format!("/v2moms/{}", v.id)>
                                                                    {shown_title(&v.title).to_owned()}
                                                                </A>
                                                            </td>
                                                            <td>{v.period_name}</td>
                                                            <td>{v.function}</td>
                                                            <td>
                                                                <span class=format!("status status-{}", v.status.as_str())>
                                                                    {v.status.label()}
                                                                </span>
                                                            </td>
                                                            <td>{date_time(lang, &v.updated_at)}</td>
                                                        </tr>
                                                    }
                                                })
                                                .collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                                <Pager page=list.page pages link />
                            </section>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn page_link(f: &V2momQuery, page: u32) -> String {
    let mut parts = vec![format!("page={page}")];
    let mut add = |key: &str, value: String| {
        if !value.is_empty() {
            parts.push(format!("{key}={}", percent_encode(&value)));
        }
    };
    add("owner", f.owner.map(|v| v.to_string()).unwrap_or_default());
    add(
        "manager",
        f.manager.map(|v| v.to_string()).unwrap_or_default(),
    );
    add("function", f.function.clone());
    add(
        "period",
        f.period.map(|v| v.to_string()).unwrap_or_default(),
    );
    add(
        "status",
        f.status.map(|s| s.as_str().to_owned()).unwrap_or_default(),
    );
    add("text", f.text.clone());
    format!("/v2moms?{}", parts.join("&"))
}

/// A plain GET form: filters live in the URL, so results can be shared and bookmarked.
#[component]
fn Filters(filters: V2momQuery, periods: Vec<crate::model::Period>) -> impl IntoView {
    view! {
        <form method="get" action="/v2moms" class="filters" role="search">
            <div class="field">
                <label for="filter-text">{t("v2mom-filter-words")}</label>
                <input id="filter-text" name="text" type="search" value=filters.text />
            </div>
            <div class="field">
                <label for="filter-function">{t("v2mom-function")}</label>
                <input id="filter-function" name="function" value=filters.function />
            </div>
            <div class="field">
                <label for="filter-period">{t("v2mom-period")}</label>
                <select id="filter-period" name="period">
                    <option value="">{t("v2mom-filter-any")}</option>
                    {periods
                        .into_iter()
                        .map(|p| {
                            view! {
                                <option value=p.id selected=filters.period == Some(p.id)>
                                    {p.name}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-status">{t("v2mom-status")}</label>
                <select id="filter-status" name="status">
                    <option value="">{t("v2mom-filter-any")}</option>
                    {V2momStatus::ALL
                        .into_iter()
                        .map(|s| {
                            view! {
                                <option value=s.as_str() selected=filters.status == Some(s)>
                                    {s.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            {filters.owner.map(|o| view! { <input type="hidden" name="owner" value=o /> })}
            {filters.manager.map(|m| view! { <input type="hidden" name="manager" value=m /> })}
            <button type="submit" class="secondary">{t("v2mom-filter")}</button>
            {(filters.owner.is_some() || filters.manager.is_some())
                .then(|| {
                    view! {
                        <span class="hint">
                            {if filters.owner.is_some() {
                                t("v2mom-one-persons")
                            } else {
                                t("v2mom-one-managers-team")
                            }}
                            " "
                            <A href="/v2moms">{t("v2mom-show-everyones")}</A>
                        </span>
                    }
                })}
        </form>
    }
}

/// Start a V2MOM: for oneself, or (managers) for someone in one's team.
#[component]
fn StartForm(choices: crate::api::StartOptions) -> impl IntoView {
    let start = ServerAction::<StartV2mom>::new();
    let error = action_error(start);
    if choices.periods.is_empty() {
        return view! {
            <p class="notice">
                {t("v2mom-no-period")}
                " "
                <A href="/admin/periods">{t("v2mom-no-period-link")}</A>
                {t("v2mom-no-period-end")}
            </p>
        }
        .into_any();
    }
    view! {
        <details class="start" open=true>
            <summary>{t("v2mom-start-summary")}</summary>
            <ActionForm action=start>
                <div class="field">
                    <label for="start-owner">{t("v2mom-start-for")}</label>
                    <select id="start-owner" name="owner">
                        {choices
                            .owners
                            .into_iter()
                            .map(|(id, name)| view! { <option value=id>{name}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="start-period">{t("v2mom-period")}</label>
                    <select id="start-period" name="period">
                        {choices
                            .periods
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <option value=p.id selected=p.is_current>
                                        {p.name}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="start-from">{t("v2mom-start-from")}</label>
                    <select id="start-from" name="from">
                        <option value="blank">{t("v2mom-start-blank")}</option>
                        <option value="manager">{t("v2mom-start-managers")}</option>
                        <option value="previous">{t("v2mom-start-previous")}</option>
                    </select>
                </div>
                <FormError error />
                <button type="submit">{t("v2mom-start")}</button>
            </ActionForm>
        </details>
    }
    .into_any()
}
