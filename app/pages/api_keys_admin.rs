//! Administrators: everyone's API keys, each revocable.

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
        <Title text="All API keys" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match keys.await {
                    Ok(keys) => view! {
                        <section>
                            <h1>"All API keys"</h1>
                            <p class="lead">
                                "Every key anyone has made. Revoke one that may have leaked: it stops \
                                 working at once, and any later use is recorded in the audit log."
                            </p>
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
