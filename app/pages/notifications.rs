//! Your notifications: what happened to the V2MOMs you own, review or report to, newest
//! first; mark one or all read (the bell in the header counts the rest).

use crate::i18n::t;
use crate::{
    api::{MarkNotificationsRead, my_notifications},
    components::{ErrorPage, FormError, action_error, use_auth},
    i18n::{date_time, language},
    model::Notification,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let mark = ServerAction::<MarkNotificationsRead>::new();
    let list = Resource::new(move || mark.version().get(), |_| my_notifications());
    // The bell's count changes with them.
    let auth = use_auth();
    Effect::new(move |_| {
        if matches!(mark.value().get(), Some(Ok(_))) {
            auth.user.refetch();
        }
    });
    view! {
        <Title text=t("account-notifications") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => view! {
                        <section>
                            <h1>{t("account-notifications")}</h1>
                            {(list.unread > 0).then(|| view! {
                                <ActionForm action=mark>
                                    <button type="submit" class="secondary">
                                        {t("account-notifications-mark-all")}
                                    </button>
                                </ActionForm>
                            })}
                            <NotificationList items=list.items mark />
                            <FormError error=action_error(mark) />
                        </section>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NotificationList(
    items: Vec<Notification>,
    mark: ServerAction<MarkNotificationsRead>,
) -> impl IntoView {
    if items.is_empty() {
        return view! {
            <p>{t("account-notifications-empty")}</p>
        }
        .into_any();
    }
    let lang = language();
    view! {
        <ul class="notifications">
            {items
                .into_iter()
                .map(|item| {
                    let who = item.actor.clone().unwrap_or_else(|| t("account-notifications-someone"));
                    let class = if item.read { "read" } else { "unread" };
                    let hidden = format!(": {}", item.title);
                    let button = (!item.read).then(|| view! {
                        <ActionForm action=mark>
                            <input type="hidden" name="id" value=item.id />
                            <button type="submit" class="secondary">
                                {t("account-notifications-mark-read")}
                                <span class="visually-hidden">{hidden}</span>
                            </button>
                        </ActionForm>
                    });
                    view! {
                        <li class=class>
                            <p>
                                {(!item.read).then(|| view! {
                                    <span class="visually-hidden">
                                        {t("account-notifications-unread")}
                                        " "
                                    </span>
                                })}
                                <strong>{who}</strong>
                                {format!(" {} ", item.event.verb())}
                                <A href=item.link.clone()>{item.title.clone()}</A>
                            </p>
                            <p class="meta">{date_time(lang, &item.at)}</p>
                            {button}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
