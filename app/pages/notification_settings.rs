//! `/profile/notifications`: how you hear of things. Everything is in the bell; per topic
//! you choose whether it is mailed too, and whether on its own or in the digest (daily or
//! weekly).

use crate::i18n::{t, t_with};
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
        <Title text=t("account-notification-settings") />
        <section>
            <p class="eyebrow"><A href="/profile">{t("account-your-account")}</A></p>
            <h1>{t("account-notification-settings")}</h1>
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
    let saved = move || {
        matches!(save.value().get(), Some(Ok(_))).then(|| t("account-notification-settings-saved"))
    };
    view! {
        <p>{t("account-notification-settings-intro")}</p>
        {(!settings.mail_configured)
            .then(|| {
                view! {
                    <p class="notice" role="note">
                        {t("account-notification-settings-no-mail")}
                    </p>
                }
            })}
        <ActionForm action=save>
            <div class="table-scroll">
                <table class="settings">
                    <thead>
                        <tr>
                            <th scope="col">{t("account-notification-settings-when")}</th>
                            <th scope="col">{t("account-notification-settings-mail-me")}</th>
                            <th scope="col">{t("account-notification-settings-in-digest")}</th>
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
                <label for="field-digest_every">
                    {t("account-notification-settings-digest-comes")}
                </label>
                <select id="field-digest_every" name="digest_every">
                    <option value="daily" selected=!settings.digest_weekly>
                        {t("account-notification-settings-daily")}
                    </option>
                    <option value="weekly" selected=settings.digest_weekly>
                        {t("account-notification-settings-weekly")}
                    </option>
                </select>
            </div>
            <FormActions error pending=save.pending() label=t("account-notification-settings-save") />
            <p role="status">{saved}</p>
        </ActionForm>
    }
}

#[component]
fn TopicRow(i: usize, setting: TopicSetting) -> impl IntoView {
    let topic = setting.topic;
    let label = topic.label();
    // One box: sent as `<field>[i]=<topic>` when ticked, named for what it does and its topic.
    let tick = move |field: &str, says: String, checked: bool| {
        view! {
            <td>
                <input
                    type="checkbox"
                    name=format!("{field}[{i}]")
                    value=topic.as_str()
                    checked=checked
                    aria-label=says
                />
            </td>
        }
    };
    view! {
        <tr>
            <th scope="row">{label.clone()}</th>
            {tick(
                "email",
                t_with("account-notification-settings-mail-me-for", &[("topic", label.clone().into())]),
                setting.email,
            )}
            {tick(
                "digest",
                t_with("account-notification-settings-in-digest-for", &[("topic", label.into())]),
                setting.digest,
            )}
        </tr>
    }
}
