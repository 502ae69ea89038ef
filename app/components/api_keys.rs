//! API keys in a table, and a new key's token, shown once.

use crate::{
    api::RevokeApiKey,
    components::{FormError, SecretShownOnce, action_error},
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
        return view! { <p>"No API keys yet."</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table class="list">
                <thead>
                    <tr>
                        {with_owner.then(|| view! { <th scope="col">"Owner"</th> })}
                        <th scope="col">"Name"</th>
                        <th scope="col">"Key"</th>
                        <th scope="col">"Scopes"</th>
                        <th scope="col">"Created"</th>
                        <th scope="col">"Expires"</th>
                        <th scope="col">"Last used"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col"><span class="visually-hidden">"Action"</span></th>
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
        (ApiKeyStatus::Revoked, Some(at)) => format!("Revoked {at}"),
        (status, _) => status.label().to_owned(),
    };
    let label = format!(" {}", key.name);
    let action = (key.status != ApiKeyStatus::Revoked).then(|| {
        view! {
            <ActionForm action=revoke>
                <input type="hidden" name="id" value=key.id />
                <button type="submit" class="secondary">
                    "Revoke"<span class="visually-hidden">{label}</span>
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
            <td>{key.created_at}</td>
            <td>{key.expires_at.unwrap_or_else(|| "Never".into())}</td>
            <td>{key.last_used_at.unwrap_or_else(|| "Never".into())}</td>
            <td><span class=format!("status key-{}", key.status.label().to_lowercase())>{status}</span></td>
            <td>{action}</td>
        </tr>
    }
}

/// The token of a key just made: the only time anyone sees it.
#[component]
pub fn NewApiKeyToken(created: CreatedApiKey) -> impl IntoView {
    view! {
        <SecretShownOnce id="new-api-key" label="Your new API key" value=created.token>
            <p>
                "Your new key " <strong>{created.key.name}</strong>
                " is ready. Copy it now, it will not be shown again."
            </p>
        </SecretShownOnce>
    }
}
