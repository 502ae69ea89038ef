//! Your API keys: make one (its token is shown once), see them, revoke them.

use crate::i18n::t;
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
        <Title text=t("account-api-keys") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let kept = kept.await.ok().flatten();
                match keys.await {
                    Ok(keys) => view! {
                        <section>
                            <h1>{t("account-api-keys")}</h1>
                            <p class="lead">{t("account-api-keys-lead")}</p>
                            {move || {
                                create
                                    .value()
                                    .get()
                                    .and_then(Result::ok)
                                    .or_else(|| kept.clone())
                                    .map(|created| view! { <NewApiKeyToken created /> })
                            }}
                            <ApiKeyTable keys revoke />
                            <h2>{t("account-api-keys-create-heading")}</h2>
                            <ActionForm action=create attr:class="narrow">
                                <ErrorSummary error=create_error />
                                <Field
                                    label=t("account-field-name")
                                    name="name"
                                    error=create_error
                                    hint=t("account-api-keys-name-hint")
                                />
                                <ScopeChoices error=create_error />
                                <Field
                                    label=t("account-api-keys-expires")
                                    name="expires_days"
                                    kind="number"
                                    error=create_error
                                    required=false
                                    hint=t("account-api-keys-expires-hint")
                                />
                                <FormActions error=create_error pending=create.pending() label=t("account-api-keys-create") />
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
        <FieldGroup legend=t("account-api-keys-scopes") name="scopes" error>
            {Scope::ALL
                .into_iter()
                .map(|scope| match scope {
                    Scope::Read => view! {
                        <Checkbox
                            label=t("account-api-keys-scope-read")
                            name="scope_read"
                            checked=true
                        />
                    },
                    Scope::Write => view! {
                        <Checkbox label=t("account-api-keys-scope-write") name="scope_write" />
                    },
                    Scope::Admin => view! {
                        <Checkbox label=t("account-api-keys-scope-admin") name="scope_admin" />
                    },
                })
                .collect_view()}
        </FieldGroup>
    }
}
