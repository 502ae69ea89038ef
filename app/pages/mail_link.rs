//! `/unsubscribe?token=…`: where a mail's "stop mails like this one" link leads. It works
//! without signing in (the link is sealed by the server) and asks before it stops anything,
//! so a mail scanner that follows links changes nothing.

use crate::i18n::{t, t_with};
use crate::{
    api::{StopMails, read_mail_link},
    components::{ErrorPage, FormActions, action_error},
    model::MailLink,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn MailLinkPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.with(|q| q.get("token").unwrap_or_default());
    let stop = ServerAction::<StopMails>::new();
    let link = Resource::new(
        move || (token(), stop.version().get()),
        |(token, _)| read_mail_link(token),
    );
    view! {
        <Title text=t("account-mail-link-title") />
        <section>
            <h1>{t("account-mail-link-title")}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match link.await {
                        Ok(link) => view! { <Confirm link token=token() stop /> }.into_any(),
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Confirm(link: MailLink, token: String, stop: ServerAction<StopMails>) -> impl IntoView {
    let error = action_error(stop);
    let topic = link.topic.label();
    if link.stopped {
        return view! {
            <p role="status">
                {t_with("account-mail-link-done", &[("name", link.name.into()), ("topic", topic.into())])}
                " "
                <A href="/profile/notifications">{t("account-mail-link-change-settings")}</A>
            </p>
        }
        .into_any();
    }
    view! {
        <p>{t_with("account-mail-link-ask", &[("name", link.name.into()), ("topic", topic.into())])}</p>
        <ActionForm action=stop>
            <input type="hidden" name="token" value=token />
            <FormActions error pending=stop.pending() label=t("account-mail-link-stop") />
        </ActionForm>
    }
    .into_any()
}
