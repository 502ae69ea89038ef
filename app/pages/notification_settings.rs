//! `/profile/notifications`: how you hear of things. Everything is in the bell; per topic
//! you choose whether it is mailed too, and whether on its own or in the digest (daily or
//! weekly).

use crate::{
    api::{SaveNotificationSettings, my_notification_settings},
    components::{ErrorPage, FormActions, action_error},
    model::{NotificationSettings, TopicSetting},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn NotificationSettingsPage() -> impl IntoView {
    let save = ServerAction::<SaveNotificationSettings>::new();
    let settings = Resource::new(move || save.version().get(), |_| my_notification_settings());
    view! {
        <Title text="Notification settings" />
        <section>
            <p class="eyebrow"><A href="/profile">"Your account"</A></p>
            <h1>"Notification settings"</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match settings.await {
                        Ok(settings) => view! { <SettingsForm settings save /> }.into_any(),
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn SettingsForm(
    settings: NotificationSettings,
    save: ServerAction<SaveNotificationSettings>,
) -> impl IntoView {
    let error = action_error(save);
    let saved = move || matches!(save.value().get(), Some(Ok(_))).then_some("Saved.");
    view! {
        <p>
            "Everything is in the bell at the top of each page. Choose what is also mailed to you, \
             and what waits for one mail a day (or a week), the digest."
        </p>
        {(!settings.mail_configured)
            .then(|| {
                view! {
                    <p class="notice" role="note">
                        "This server sends no mail (an administrator has not set it up): for now \
                         you hear of everything in the bell only."
                    </p>
                }
            })}
        <ActionForm action=save>
            <div class="table-scroll">
                <table class="settings">
                    <thead>
                        <tr>
                            <th scope="col">"When"</th>
                            <th scope="col">"Mail me"</th>
                            <th scope="col">"In the digest"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {settings
                            .topics
                            .into_iter()
                            .enumerate()
                            .map(|(i, setting)| view! { <TopicRow i setting /> })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <div class="field">
                <label for="field-digest_every">"The digest comes"</label>
                <select id="field-digest_every" name="digest_every">
                    <option value="daily" selected=!settings.digest_weekly>
                        "every day"
                    </option>
                    <option value="weekly" selected=settings.digest_weekly>
                        "once a week"
                    </option>
                </select>
            </div>
            <FormActions error pending=save.pending() label="Save settings" />
            <p role="status">{saved}</p>
        </ActionForm>
    }
}

#[component]
fn TopicRow(i: usize, setting: TopicSetting) -> impl IntoView {
    let topic = setting.topic;
    // One box: sent as `<field>[i]=<topic>` when ticked.
    let tick = move |field: &str, says: &str, checked: bool| {
        view! {
            <td>
                <input
                    type="checkbox"
                    name=format!("{field}[{i}]")
                    value=topic.as_str()
                    checked=checked
                    aria-label=format!("{says}: {}", topic.label())
                />
            </td>
        }
    };
    view! {
        <tr>
            <th scope="row">{topic.label()}</th>
            {tick("email", "Mail me", setting.email)}
            {tick("digest", "In the digest", setting.digest)}
        </tr>
    }
}
