//! Your notifications: what happened to the V2MOMs you own, review or report to, newest
//! first; mark one or all read (the bell in the header counts the rest).

use crate::{
    api::{MarkNotificationsRead, my_notifications},
    components::{ErrorPage, FormError, action_error, use_auth},
    model::{Notification, display_time},
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
        <Title text="Notifications" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => view! {
                        <section>
                            <h1>"Notifications"</h1>
                            {(list.unread > 0).then(|| view! {
                                <ActionForm action=mark>
                                    <button type="submit" class="secondary">"Mark all read"</button>
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
            <p>"Nothing yet. You will hear here when a V2MOM you own, review or report to moves."</p>
        }
        .into_any();
    }
    view! {
        <ul class="notifications">
            {items
                .into_iter()
                .map(|item| {
                    let who = item.actor.clone().unwrap_or_else(|| "Someone".into());
                    let class = if item.read { "read" } else { "unread" };
                    let hidden = format!(": {}", item.title);
                    let button = (!item.read).then(|| view! {
                        <ActionForm action=mark>
                            <input type="hidden" name="id" value=item.id />
                            <button type="submit" class="secondary">
                                "Mark read"
                                <span class="visually-hidden">{hidden}</span>
                            </button>
                        </ActionForm>
                    });
                    view! {
                        <li class=class>
                            <p>
                                {(!item.read).then(|| view! { <span class="visually-hidden">"Unread: "</span> })}
                                <strong>{who}</strong>
                                {format!(" {} ", item.event.verb())}
                                <A href=item.link.clone()>{item.title.clone()}</A>
                            </p>
                            <p class="meta">{display_time(&item.at)}</p>
                            {button}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
