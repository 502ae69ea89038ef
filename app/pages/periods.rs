//! Administrators: the planning periods, which one is current, and closing one (every V2MOM
//! of it archived at once, after a confirmation).

use crate::i18n::{t, t_with};
use crate::{
    api::{ClosePeriod, CreatePeriod, SetCurrentPeriod, manage_periods},
    components::{Checkbox, ErrorPage, ErrorSummary, Field, FormActions, FormError, action_error},
    i18n::{date, language},
    model::Period,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn PeriodsPage() -> impl IntoView {
    let create = ServerAction::<CreatePeriod>::new();
    let current = ServerAction::<SetCurrentPeriod>::new();
    let close = ServerAction::<ClosePeriod>::new();
    let lang = language();
    let periods = Resource::new(
        move || {
            (
                create.version().get(),
                current.version().get(),
                close.version().get(),
            )
        },
        |_| manage_periods(),
    );
    let create_error = action_error(create);
    let current_error = action_error(current);
    let query = use_query_map();
    let number = move |key: &str| query.with(|q| q.get(key).and_then(|v| v.parse::<i64>().ok()));
    // The period to confirm closing (`?close=`), until it is closed.
    let closing = move || number("close").filter(|_| !matches!(close.value().get(), Some(Ok(_))));
    // What the last close did: from the action once hydrated, from the URL without JavaScript.
    let closed = move || match close.value().get() {
        Some(Ok(done)) => Some(done.archived),
        _ => number("closed").and(number("archived")),
    };
    view! {
        <Title text=t("admin-periods-title") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match periods.await {
                    Ok(periods) => {
                        let listed = StoredValue::new(periods.clone());
                        let confirming = move || {
                            closing().and_then(|id| {
                                listed.with_value(|ps| ps.iter().find(|p| p.id == id).cloned())
                            })
                        };
                        view! {
                        <section class="narrow">
                            <h1>{t("admin-periods-title")}</h1>
                            <p class="lead">{t("admin-periods-lead")}</p>
                            {move || closed().map(|archived| view! {
                                <p role="status" class="notice">
                                    {t_with("admin-periods-closed", &[("count", archived.into())])}
                                </p>
                            })}
                            {move || confirming().map(|period| view! { <ConfirmClose period close /> })}
                            <div class="table-scroll">
                                <table class="list">
                                    <thead>
                                        <tr>
                                            <th scope="col">{t("admin-col-name")}</th>
                                            <th scope="col">{t("admin-periods-col-starts")}</th>
                                            <th scope="col">{t("admin-periods-col-ends")}</th>
                                            <th scope="col">{t("admin-periods-current")}</th>
                                            <th scope="col">{t("admin-periods-col-v2moms")}</th>
                                            <th scope="col">{t("admin-periods-col-close")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {periods
                                            .into_iter()
                                            .map(|p| view! {
                                                <tr>
                                                    <td>{p.name.clone()}</td>
                                                    <td>{date(lang, &p.starts_on)}</td>
                                                    <td>{date(lang, &p.ends_on)}</td>
                                                    <td>
                                                        {if p.is_current {
                                                            view! { <strong>{t("admin-periods-current")}</strong> }.into_any()
                                                        } else {
                                                            view! {
                                                                <ActionForm action=current>
                                                                    <input type="hidden" name="id" value=p.id />
                                                                    <button type="submit" class="secondary">{t("admin-periods-make-current")}</button>
                                                                </ActionForm>
                                                            }.into_any()
                                                        }}
                                                    </td>
                                                    <td>
                                                        <a href=format!("/admin/periods/{}/export.csv", p.id) download rel="external">
                                                            {t("admin-download-csv")}
                                                        </a>
                                                    </td>
                                                    <td>
                                                        // The visible words first in the name
                                                        // (WCAG 2.5.3), then which period.
                                                        <A href=format!("/admin/periods?close={}", p.id)>
                                                            {t("admin-periods-close-link")}
                                                            <span class="visually-hidden">
                                                                {format!(" {}", p.name)}
                                                            </span>
                                                        </A>
                                                    </td>
                                                </tr>
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            <FormError error=current_error />
                            <h2>{t("admin-periods-add-heading")}</h2>
                            <ActionForm action=create>
                                <ErrorSummary error=create_error />
                                <Field label=t("admin-col-name") name="name" error=create_error hint=t("admin-periods-name-hint") />
                                <Field label=t("admin-periods-starts-on") name="starts_on" kind="date" error=create_error />
                                <Field label=t("admin-periods-ends-on") name="ends_on" kind="date" error=create_error />
                                <Checkbox label=t("admin-periods-make-it-current") name="current" />
                                <FormActions error=create_error pending=create.pending() label=t("admin-periods-add") />
                            </ActionForm>
                        </section>
                    }.into_any()
                    }
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// "Close FY2027?": what closing does, the button that does it, and a way back.
#[component]
fn ConfirmClose(period: Period, close: ServerAction<ClosePeriod>) -> impl IntoView {
    let error = action_error(close);
    view! {
        <div class="notice confirm" role="alertdialog" aria-labelledby="close-heading">
            <h2 id="close-heading">{t_with("admin-periods-close-heading", &[("period", period.name.clone().into())])}</h2>
            <p>{t("admin-periods-close-explanation")}</p>
            <ActionForm action=close>
                <input type="hidden" name="id" value=period.id />
                <div class="form-actions">
                    <button type="submit" disabled=move || close.pending().get()>
                        {t_with("admin-periods-close-confirm", &[("period", period.name.clone().into())])}
                    </button>
                    <A href="/admin/periods" attr:class="button secondary">{t("admin-cancel")}</A>
                </div>
                <FormError error />
            </ActionForm>
        </div>
    }
}
