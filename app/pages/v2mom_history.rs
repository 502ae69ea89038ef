//! A V2MOM's revisions, and the difference between any two, field by field.

use crate::i18n::{t, t_with};
use crate::{
    api::{get_revision, list_revisions},
    components::ErrorPage,
    error::AppError,
    i18n::{date_time, language},
    model::diff::{Segment, changes, word_diff},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{
    components::A,
    hooks::{use_params_map, use_query_map},
};

#[component]
pub fn V2momHistoryPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let id = params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()));
        let pick = |k: &str| query.with(|q| q.get(k).and_then(|v| v.parse::<i64>().ok()));
        (id, pick("a"), pick("b"))
    };
    let data = Resource::new(key, |(id, a, b)| async move {
        let id = id.ok_or(AppError::NotFound)?;
        let revisions = list_revisions(id).await?;
        // By default: the newest against the one before it.
        let b = b.or_else(|| revisions.first().map(|r| r.number));
        let a = a.or_else(|| revisions.get(1).map(|r| r.number)).or(b);
        let compared = match (a, b) {
            (Some(a), Some(b)) => {
                let before = get_revision(id, a).await?;
                let after = get_revision(id, b).await?;
                Some((a, b, changes(&before.content, &after.content)))
            }
            _ => None,
        };
        Ok::<_, AppError>((id, revisions, compared))
    });
    let lang = language();
    view! {
        <Title text=t("v2mom-history") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((id, revisions, compared)) => {
                        let (a, b) = compared
                            .as_ref()
                            .map(|(a, b, _)| (*a, *b))
                            .unwrap_or_default();
                        view! {
                            <section>
                                <h1>{t("v2mom-history")}</h1>
                                <p>
                                    <A href=format!("/v2moms/{id}")>{t("v2mom-back-to-v2mom")}</A>
                                </p>
                                <form method="get" class="revisions">
                                    <div class="table-scroll">
                                        <table class="list">
                                            <thead>
                                                <tr>
                                                    <th scope="col">{t("v2mom-history-from")}</th>
                                                    <th scope="col">{t("v2mom-history-to")}</th>
                                                    <th scope="col">{t("v2mom-history-version")}</th>
                                                    <th scope="col">{t("v2mom-status")}</th>
                                                    <th scope="col">{t("v2mom-history-saved-by")}</th>
                                                    <th scope="col">{t("v2mom-history-when")}</th>
                                                </tr>
                                            </thead>
                                            <tbody>
                                                {revisions
                                                    .into_iter()
                                                    .map(|r| {
                                                        view! {
                                                            <tr>
                                                                <td>
                                                                    <input type="radio" name="a" value=r.number checked=r.number == a aria-label=t_with("v2mom-compare-from", &[("version", r.number.into())]) />
                                                                </td>
                                                                <td>
                                                                    <input type="radio" name="b" value=r.number checked=r.number == b aria-label=t_with("v2mom-compare-to", &[("version", r.number.into())]) />
                                                                </td>
                                                                <td>{r.number}</td>
                                                                <td>
                                                                    {if r.amendment {
                                                                        t_with("v2mom-history-amendment", &[("status", r.status.as_str().into())])
                                                                    } else {
                                                                        r.status.label()
                                                                    }}
                                                                </td>
                                                                <td>{r.saved_by}</td>
                                                                <td>{date_time(lang, &r.saved_at)}</td>
                                                            </tr>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </tbody>
                                        </table>
                                    </div>
                                    <button type="submit" class="secondary">
                                        {t("v2mom-compare")}
                                    </button>
                                </form>
                                {compared.map(|(a, b, changes)| view! { <Differences a b changes /> })}
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

#[component]
fn Differences(a: i64, b: i64, changes: Vec<crate::model::diff::FieldChange>) -> impl IntoView {
    view! {
        <h2>{t_with("v2mom-changes-between", &[("from", a.into()), ("to", b.into())])}</h2>
        {changes.is_empty().then(|| view! { <p>{t("v2mom-no-differences")}</p> })}
        <dl class="diff">
            {changes
                .into_iter()
                .map(|c| {
                    view! {
                        <dt>{c.label}</dt>
                        <dd>
                            {word_diff(&c.before, &c.after)
                                .into_iter()
                                .map(|segment| match segment {
                                    Segment::Same(t) => view! { <span>{t}</span> }.into_any(),
                                    Segment::Removed(t) => view! { <del>{t}</del> }.into_any(),
                                    Segment::Added(t) => view! { <ins>{t}</ins> }.into_any(),
                                })
                                .collect_view()}
                        </dd>
                    }
                })
                .collect_view()}
        </dl>
    }
}
