//! Webhooks (administrators): the list with what waits and what failed, adding one (its
//! signing secret is shown once), removing one; and a webhook's delivery log with a retry
//! button for each failed delivery.

use crate::i18n::{t, t_with};
use crate::{
    api::{
        CreateWebhook, DeleteWebhook, RetryWebhookDelivery, just_created_webhook,
        webhook_deliveries, webhooks,
    },
    components::{
        ErrorPage, ErrorSummary, Field, FieldGroup, FormActions, FormError, SecretShownOnce,
        action_error,
    },
    i18n::{date_time, language},
    model::{CreatedWebhook, DeliveryState, EventKind, Webhook, WebhookDelivery},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};

#[component]
pub fn WebhooksPage() -> impl IntoView {
    let create = ServerAction::<CreateWebhook>::new();
    let delete = ServerAction::<DeleteWebhook>::new();
    let list = Resource::new(
        move || (create.version().get(), delete.version().get()),
        |_| webhooks(),
    );
    // Without JavaScript the form posts for real and the secret comes back through the
    // session, once; with it, the action's own answer holds it.
    let kept = Resource::new(|| (), |_| just_created_webhook());
    let create_error = action_error(create);
    view! {
        <Title text=t("admin-webhooks-title") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let kept = kept.await.ok().flatten();
                match list.await {
                    Ok(hooks) => view! {
                        <section>
                            <h1>{t("admin-webhooks-title")}</h1>
                            <p class="lead">{t("admin-webhooks-lead")}</p>
                            {move || {
                                create
                                    .value()
                                    .get()
                                    .and_then(Result::ok)
                                    .or_else(|| kept.clone())
                                    .map(|created| view! { <NewWebhookSecret created /> })
                            }}
                            <WebhookTable hooks delete />
                            <h2>{t("admin-webhooks-add-heading")}</h2>
                            <ActionForm action=create attr:class="narrow">
                                <ErrorSummary error=create_error />
                                <Field
                                    label=t("admin-webhooks-address")
                                    name="url"
                                    kind="url"
                                    error=create_error
                                    hint=t("admin-webhooks-address-hint")
                                />
                                <EventChoices error=create_error />
                                <div class="field">
                                    <label for="field-format">{t("admin-webhooks-format")}</label>
                                    <select id="field-format" name="format">
                                        <option value="json" selected=true>{t("admin-webhooks-format-json")}</option>
                                        <option value="slack">{t("admin-webhooks-format-slack")}</option>
                                    </select>
                                </div>
                                <FormActions error=create_error pending=create.pending() label=t("admin-webhooks-add") />
                            </ActionForm>
                        </section>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A checkbox per kind of event, sent as `events[i]=<kind>`.
#[component]
fn EventChoices(#[prop(into)] error: Signal<Option<crate::error::AppError>>) -> impl IntoView {
    view! {
        <FieldGroup legend=t("admin-webhooks-events") name="events" error>
            {EventKind::ALL
                .into_iter()
                .enumerate()
                .map(|(i, kind)| {
                    let id = format!("field-events-{i}");
                    view! {
                        <div class="field checkbox">
                            <input id=id.clone() type="checkbox" name=format!("events[{i}]") value=kind.as_str() />
                            <label for=id>{kind.as_str()}</label>
                        </div>
                    }
                })
                .collect_view()}
        </FieldGroup>
    }
}

/// The secret of a webhook just added: the only time anyone sees it.
#[component]
fn NewWebhookSecret(created: CreatedWebhook) -> impl IntoView {
    view! {
        <SecretShownOnce id="new-webhook-secret" label=t("admin-webhooks-secret") value=created.secret>
            <p>
                {format!("{} ", t("admin-webhooks-added-before"))}
                <strong>{created.webhook.url}</strong>
                {format!(" {}", t("admin-webhooks-added-after"))}
            </p>
        </SecretShownOnce>
    }
}

#[component]
fn WebhookTable(hooks: Vec<Webhook>, delete: ServerAction<DeleteWebhook>) -> impl IntoView {
    if hooks.is_empty() {
        return view! { <p>{t("admin-webhooks-none")}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table class="list">
                <thead>
                    <tr>
                        <th scope="col">{t("admin-webhooks-address")}</th>
                        <th scope="col">{t("admin-webhooks-events")}</th>
                        <th scope="col">{t("admin-webhooks-format")}</th>
                        <th scope="col">{t("admin-webhooks-col-added")}</th>
                        <th scope="col">{t("admin-webhooks-col-waiting")}</th>
                        <th scope="col">{t("admin-webhooks-col-failed")}</th>
                        <th scope="col"><span class="visually-hidden">{t("admin-webhooks-col-actions")}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {hooks
                        .into_iter()
                        .map(|hook| {
                            let events = hook
                                .events
                                .iter()
                                .map(|k| k.as_str())
                                .collect::<Vec<_>>()
                                .join(", ");
                            view! {
                                <tr>
                                    <td>{hook.url.clone()}</td>
                                    <td>{events}</td>
                                    <td>{hook.format.as_str()}</td>
                                    <td>{date_time(language(), &hook.created_at)}</td>
                                    <td>{hook.pending}</td>
                                    <td>{hook.failed}</td>
                                    <td class="actions">
                                        <A href=format!("/admin/webhooks/{}", hook.id)>{t("admin-webhooks-deliveries")}</A>
                                        <ActionForm action=delete>
                                            <input type="hidden" name="id" value=hook.id />
                                            <button type="submit" class="secondary">
                                                {t("admin-webhooks-remove")}
                                                <span class="visually-hidden">{format!(" {}", hook.url)}</span>
                                            </button>
                                        </ActionForm>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <FormError error=action_error(delete) />
    }
    .into_any()
}

#[component]
pub fn WebhookLogPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()));
    let retry = ServerAction::<RetryWebhookDelivery>::new();
    let log = Resource::new(
        move || (id(), retry.version().get()),
        |(id, _)| async move {
            match id {
                Some(id) => webhook_deliveries(id).await,
                None => Err(crate::error::AppError::NotFound),
            }
        },
    );
    view! {
        <Title text=t("admin-webhooks-log-title") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match log.await {
                    Ok(log) => {
                        let hook = log.webhook.id;
                        view! {
                            <section>
                                <p><A href="/admin/webhooks">{t("admin-webhooks-back")}</A></p>
                                <h1>{t_with("admin-webhooks-log-heading", &[("url", log.webhook.url.into())])}</h1>
                                <p class="lead">{t("admin-webhooks-log-lead")}</p>
                                <DeliveryTable hook deliveries=log.deliveries retry />
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
fn DeliveryTable(
    hook: i64,
    deliveries: Vec<WebhookDelivery>,
    retry: ServerAction<RetryWebhookDelivery>,
) -> impl IntoView {
    if deliveries.is_empty() {
        return view! { <p>{t("admin-webhooks-nothing-sent")}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table class="list">
                <thead>
                    <tr>
                        <th scope="col">{t("admin-webhooks-col-delivery")}</th>
                        <th scope="col">{t("admin-webhooks-col-event")}</th>
                        <th scope="col">{t("admin-webhooks-col-state")}</th>
                        <th scope="col">{t("admin-webhooks-col-attempts")}</th>
                        <th scope="col">{t("admin-webhooks-col-answer")}</th>
                        <th scope="col">{t("admin-webhooks-col-when")}</th>
                        <th scope="col"><span class="visually-hidden">{t("admin-webhooks-col-action")}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {deliveries
                        .into_iter()
                        .map(|d| {
                            let answer = match (d.last_status, &d.last_error) {
                                (_, Some(error)) => error.clone(),
                                (Some(status), None) => format!("HTTP {status}"),
                                (None, None) => "—".to_owned(),
                            };
                            let when = date_time(
                                language(),
                                if d.state == DeliveryState::Pending { &d.next_at } else { &d.updated_at },
                            );
                            let action = (d.state == DeliveryState::Failed).then(|| view! {
                                <ActionForm action=retry>
                                    <input type="hidden" name="id" value=hook />
                                    <input type="hidden" name="delivery" value=d.id />
                                    <button type="submit" class="secondary">
                                        {t("admin-webhooks-retry")}
                                        <span class="visually-hidden">
                                            {format!(" {}", t_with("admin-webhooks-retry-which", &[("id", d.id.to_string().into())]))}
                                        </span>
                                    </button>
                                </ActionForm>
                            });
                            view! {
                                <tr>
                                    <td>{d.id}</td>
                                    <td>{d.event.as_str()}</td>
                                    <td class=format!("state-{}", d.state.as_str())>{d.state.label()}</td>
                                    <td>{d.attempts}</td>
                                    <td>{answer}</td>
                                    <td>{when}</td>
                                    <td class="actions">{action}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <FormError error=action_error(retry) />
    }
    .into_any()
}
