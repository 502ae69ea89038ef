//! Administrators: everyone's API keys, each revocable.

use crate::i18n::t;
use crate::{
    api::{RevokeApiKey, all_api_keys},
    components::{ApiKeyTable, ErrorPage},
};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ApiKeysAdminPage() -> impl IntoView {
    let revoke = ServerAction::<RevokeApiKey>::new();
    let keys = Resource::new(move || revoke.version().get(), |_| all_api_keys());
    view! {
        <Title text=t("account-api-keys-all") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match keys.await {
                    Ok(keys) => view! {
                        <section>
                            <h1>{t("account-api-keys-all")}</h1>
                            <p class="lead">{t("account-api-keys-all-lead")}</p>
                            <ApiKeyTable keys revoke with_owner=true />
                        </section>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
