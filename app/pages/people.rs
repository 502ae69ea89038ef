//! Administrators: everyone in the organisation, and inviting more.

use crate::i18n::{t, t_with};
use crate::{
    api::{InviteUser, SendTestMail, invitation_mail_settings, list_users},
    components::{
        ErrorPage, ErrorSummary, Field, FormActions, InvitationLink, ManagerChoices, ManagerSelect,
        Pager, RoleSelect, action_error, manager_choices_resource,
    },
    error::AppError,
    model::{MailSettings, Role, UserPage},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PeoplePage() -> impl IntoView {
    let query = use_query_map();
    let search = move || query.with(|q| q.get("q").unwrap_or_default());
    let page = move || query.with(|q| q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1));
    let people = Resource::new(move || (search(), page()), |(q, p)| list_users(q, p));
    // Made here, not in the section: a resource made inside the Suspend is made (and
    // fetched) again each time the Suspend runs.
    let mail = Resource::new(|| (), |_| invitation_mail_settings());
    let managers = manager_choices_resource();
    view! {
        <Title text=t("admin-people-title") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match people.await {
                    Ok(list) => view! { <People list search=search() mail managers /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn People(
    list: UserPage,
    search: String,
    mail: Resource<Result<MailSettings, AppError>>,
    managers: ManagerChoices,
) -> impl IntoView {
    let pages = list.pages();
    let page = list.page;
    let link = {
        let search = search.clone();
        move |p: u32| {
            format!(
                "/admin/people?q={}&page={p}",
                crate::model::percent_encode(&search)
            )
        }
    };
    view! {
        <h1>{t("admin-people-title")}</h1>
        <form method="get" action="/admin/people" role="search" class="inline-form">
            <label for="people-search">{t("admin-people-search-label")}</label>
            <input id="people-search" type="search" name="q" value=search />
            <button type="submit">{t("admin-people-search")}</button>
        </form>
        <div class="table-scroll">
            <table class="people">
                <caption>{t_with("admin-people-found", &[("count", list.total.into())])}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("admin-col-name")}</th>
                        <th scope="col">{t("admin-col-email")}</th>
                        <th scope="col">{t("admin-col-role")}</th>
                        <th scope="col">{t("admin-col-manager")}</th>
                        <th scope="col">{t("admin-col-function")}</th>
                        <th scope="col">{t("admin-col-status")}</th>
                    </tr>
                </thead>
                <tbody>
                    {list
                        .users
                        .into_iter()
                        .map(|u| view! {
                            <tr>
                                <td><a href=format!("/admin/people/{}", u.id)>{u.display_name}</a></td>
                                <td>{u.email}</td>
                                <td>{u.role.label()}</td>
                                <td>{u.manager_name.unwrap_or_default()}</td>
                                <td>{u.function}</td>
                                <td>{u.status.label()}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <Pager page pages link />
        <InviteForm managers />
        <Mail settings=mail />
    }
}

#[component]
fn InviteForm(managers: ManagerChoices) -> impl IntoView {
    let invite = ServerAction::<InviteUser>::new();
    let error = action_error(invite);
    let sent = move || invite.value().get().and_then(Result::ok);
    view! {
        <section aria-labelledby="invite-heading" class="narrow">
            <h2 id="invite-heading">{t("admin-people-invite-heading")}</h2>
            <p>
                {format!("{} ", t("admin-people-or"))}
                <a href="/admin/people/import">{t("admin-people-import-link")}</a>
                "."
            </p>
            <ActionForm action=invite>
                <ErrorSummary error />
                <Field label=t("admin-col-email") name="email" kind="email" error />
                <Field label=t("admin-col-name") name="name" error />
                <RoleSelect selected=Role::Employee />
                <ManagerSelect choices=managers selected=None />
                <Field label=t("admin-col-function") name="function" error required=false />
                <Field label=t("admin-job-title") name="job_title" error required=false />
                <FormActions error pending=invite.pending() label=t("admin-people-send-invitation") />
            </ActionForm>
            {move || sent().map(|sent| view! { <InvitationLink sent /> })}
        </section>
    }
}

/// How invitations reach people, and (when mailed) a test message to oneself.
#[component]
fn Mail(settings: Resource<Result<MailSettings, AppError>>) -> impl IntoView {
    view! {
        <section aria-labelledby="mail-heading" id="mail" class="narrow">
            <h2 id="mail-heading">{t("admin-people-mail-heading")}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match settings.await {
                        Ok(MailSettings { relay: Some(relay) }) => {
                            view! { <MailTest relay /> }.into_any()
                        }
                        Ok(MailSettings { relay: None }) => view! {
                            <p>{t("admin-people-mail-off")}</p>
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn MailTest(relay: String) -> impl IntoView {
    let test = ServerAction::<SendTestMail>::new();
    let error = action_error(test);
    let query = use_query_map();
    // Without JavaScript the server comes back here with `?test_mail=sent`.
    let sent = move || match test.value().get() {
        Some(Ok(sent)) => Some(t_with(
            "admin-people-test-mail-sent",
            &[("to", sent.to.into()), ("relay", sent.relay.into())],
        )),
        Some(Err(_)) => None,
        None => query
            .with(|q| q.get("test_mail").is_some_and(|v| v == "sent"))
            .then(|| t("admin-people-test-mail-sent-to-you")),
    };
    view! {
        <p>{t_with("admin-people-mail-through", &[("relay", relay.into())])}</p>
        <ActionForm action=test>
            <FormActions error pending=test.pending() label=t("admin-people-send-test-mail") />
        </ActionForm>
        {move || sent().map(|text| view! { <p role="status">{text}</p> })}
    }
}
