//! Your API keys: make one (its token is shown once), see them, revoke them.

use crate::{
    api::{CreateApiKey, RevokeApiKey, just_created_api_key, my_api_keys},
    components::{
        ApiKeyTable, Checkbox, ErrorPage, ErrorSummary, Field, FieldGroup, FormActions,
        NewApiKeyToken, action_error,
    },
    model::Scope,
};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ApiKeysPage() -> impl IntoView {
    let create = ServerAction::<CreateApiKey>::new();
    let revoke = ServerAction::<RevokeApiKey>::new();
    let keys = Resource::new(
        move || (create.version().get(), revoke.version().get()),
        |_| my_api_keys(),
    );
    // Without JavaScript the form posts for real and the new key comes back through the
    // session, once; with it, the action's own answer holds it.
    let kept = Resource::new(|| (), |_| just_created_api_key());
    let create_error = action_error(create);
    view! {
        <Title text="API keys" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let kept = kept.await.ok().flatten();
                match keys.await {
                    Ok(keys) => view! {
                        <section>
                            <h1>"API keys"</h1>
                            <p class="lead">
                                "Scripts and other services use an API key to call the REST API as you. \
                                 A key can do at most what you can, and only what its scopes allow."
                            </p>
                            {move || {
                                create
                                    .value()
                                    .get()
                                    .and_then(Result::ok)
                                    .or_else(|| kept.clone())
                                    .map(|created| view! { <NewApiKeyToken created /> })
                            }}
                            <ApiKeyTable keys revoke />
                            <h2>"Create a key"</h2>
                            <ActionForm action=create attr:class="narrow">
                                <ErrorSummary error=create_error />
                                <Field label="Name" name="name" error=create_error hint="What the key is for, such as “CI pipeline”." />
                                <ScopeChoices error=create_error />
                                <Field
                                    label="Expires after (days)"
                                    name="expires_days"
                                    kind="number"
                                    error=create_error
                                    required=false
                                    hint="Leave it empty for a key that never expires."
                                />
                                <FormActions error=create_error pending=create.pending() label="Create key" />
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

#[component]
fn ScopeChoices(#[prop(into)] error: Signal<Option<crate::error::AppError>>) -> impl IntoView {
    view! {
        <FieldGroup legend="Scopes" name="scopes" error>
            {Scope::ALL
                .into_iter()
                .map(|scope| match scope {
                    Scope::Read => view! { <Checkbox label="Read: see what you can see" name="scope_read" checked=true /> },
                    Scope::Write => view! { <Checkbox label="Write: change the V2MOMs you can change" name="scope_write" /> },
                    Scope::Admin => view! { <Checkbox label="Admin: manage your account, and administer if you are an administrator" name="scope_admin" /> },
                })
                .collect_view()}
        </FieldGroup>
    }
}
