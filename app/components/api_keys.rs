//! API keys in a table, and a new key's token, shown once.

use crate::i18n::{t, t_with};
use crate::{
    api::RevokeApiKey,
    components::{FormError, SecretShownOnce, action_error},
    i18n::{date_time, language},
    model::{ApiKeyStatus, ApiKeySummary, CreatedApiKey},
};
use leptos::prelude::*;

/// Every key with a Revoke button for those still usable; `with_owner` adds whose it is.
#[component]
pub fn ApiKeyTable(
    keys: Vec<ApiKeySummary>,
    revoke: ServerAction<RevokeApiKey>,
    #[prop(optional)] with_owner: bool,
) -> impl IntoView {
    if keys.is_empty() {
        return view! { <p>{t("ui-api-keys-none")}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table class="list">
                <thead>
                    <tr>
                        {with_owner.then(|| view! { <th scope="col">{t("ui-api-keys-owner")}</th> })}
                        <th scope="col">{t("ui-api-keys-name")}</th>
                        <th scope="col">{t("ui-api-keys-key")}</th>
                        <th scope="col">{t("ui-api-keys-scopes")}</th>
                        <th scope="col">{t("ui-api-keys-created")}</th>
                        <th scope="col">{t("ui-api-keys-expires")}</th>
                        <th scope="col">{t("ui-api-keys-last-used")}</th>
                        <th scope="col">{t("ui-api-keys-status")}</th>
                        <th scope="col"><span class="visually-hidden">{t("ui-api-keys-action")}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {keys
                        .into_iter()
                        .map(|key| view! { <KeyRow key revoke with_owner /> })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <FormError error=action_error(revoke) />
    }
    .into_any()
}

#[component]
fn KeyRow(
    key: ApiKeySummary,
    revoke: ServerAction<RevokeApiKey>,
    with_owner: bool,
) -> impl IntoView {
    let owner = with_owner.then(|| {
        let name = key.owner_name.clone().unwrap_or_default();
        let email = key.owner_email.clone().unwrap_or_default();
        view! { <td>{name} <span class="meta">{format!(" ({email})")}</span></td> }
    });
    let status = match (key.status, &key.revoked_at) {
        (ApiKeyStatus::Revoked, Some(at)) => {
            t_with("ui-api-keys-revoked-at", &[("at", at.clone().into())])
        }
        (status, _) => status.label(),
    };
    // The class names the status in English whatever the page's language.
    let status_class = match key.status {
        ApiKeyStatus::Active => "status key-active",
        ApiKeyStatus::Expired => "status key-expired",
        ApiKeyStatus::Revoked => "status key-revoked",
    };
    let label = format!(" {}", key.name);
    let action = (key.status != ApiKeyStatus::Revoked).then(|| {
        view! {
            <ActionForm action=revoke>
                <input type="hidden" name="id" value=key.id />
                <button type="submit" class="secondary">
                    {t("ui-api-keys-revoke")}<span class="visually-hidden">{label}</span>
                </button>
            </ActionForm>
        }
    });
    view! {
        <tr>
            {owner}
            <td>{key.name.clone()}</td>
            <td><code>{format!("v2mom_{}…", key.prefix)}</code></td>
            <td>{key.scopes.to_string().replace(',', ", ")}</td>
            <td>{date_time(language(), &key.created_at)}</td>
            <td>
                {key
                    .expires_at
                    .map(|at| date_time(language(), &at))
                    .unwrap_or_else(|| t("ui-api-keys-never"))}
            </td>
            <td>{key.last_used_at.unwrap_or_else(|| t("ui-api-keys-never"))}</td>
            <td><span class=status_class>{status}</span></td>
            <td>{action}</td>
        </tr>
    }
}

/// The token of a key just made: the only time anyone sees it.
#[component]
pub fn NewApiKeyToken(created: CreatedApiKey) -> impl IntoView {
    view! {
        <SecretShownOnce id="new-api-key" label=t("ui-api-keys-new-label") value=created.token>
            <p>
                {t("ui-api-keys-new-before")} " " <strong>{created.key.name}</strong> " "
                {t("ui-api-keys-new-after")}
            </p>
        </SecretShownOnce>
    }
}
