//! Administrators: the single sign-on providers people may sign in with.

use crate::{
    api::{AddSsoProvider, ChangeSsoProvider, sso_providers},
    components::{Checkbox, ErrorPage, ErrorSummary, Field, FormActions, action_error},
    error::AppError,
    model::sso::{ProviderKind, ProviderSummary},
};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SsoAdminPage() -> impl IntoView {
    let add = ServerAction::<AddSsoProvider>::new();
    let change = ServerAction::<ChangeSsoProvider>::new();
    let providers = Resource::new(
        move || (add.version().get(), change.version().get()),
        |_| sso_providers(),
    );
    let add_error = action_error(add);
    let change_error = action_error(change);
    view! {
        <Title text="Single sign-on" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match providers.await {
                    Ok(providers) => view! {
                        <section>
                            <h1>"Single sign-on"</h1>
                            <p class="lead">
                                "People sign in with their organisation's account through these \
                                 providers. Register each provider's redirect URI with the provider."
                            </p>
                            <Providers providers change change_error />
                            <h2>"Add a provider"</h2>
                            <ActionForm action=add attr:class="narrow">
                                <ErrorSummary error=add_error />
                                <div class="field">
                                    <label for="field-kind">"Kind"</label>
                                    <select id="field-kind" name="kind">
                                        {ProviderKind::ALL
                                            .into_iter()
                                            .map(|k| view! { <option value=k.as_str()>{k.label()}</option> })
                                            .collect_view()}
                                    </select>
                                </div>
                                <Field label="Name" name="name" error=add_error hint="On the button: “Sign in with …”." />
                                <Field
                                    label="Short name"
                                    name="slug"
                                    error=add_error
                                    hint="In the redirect URI; lower-case letters, digits and hyphens. It cannot change later."
                                />
                                <ProviderFields error=add_error provider=None />
                                <FormActions error=add_error pending=add.pending() label="Add provider" />
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
fn Providers(
    providers: Vec<ProviderSummary>,
    change: ServerAction<ChangeSsoProvider>,
    change_error: Signal<Option<AppError>>,
) -> impl IntoView {
    if providers.is_empty() {
        return view! { <p>"No provider yet: people sign in with their password."</p> }.into_any();
    }
    providers
        .into_iter()
        .map(|p| view! { <ProviderCard provider=p change change_error /> })
        .collect_view()
        .into_any()
}

#[component]
fn ProviderCard(
    provider: ProviderSummary,
    change: ServerAction<ChangeSsoProvider>,
    change_error: Signal<Option<AppError>>,
) -> impl IntoView {
    let status = if provider.enabled { "On" } else { "Off" };
    let source = if provider.from_config {
        "Set in the configuration: change it there."
    } else {
        "Added here."
    };
    let domains = if provider.allowed_domains.is_empty() {
        "None: only people with an account or invitation".to_owned()
    } else {
        provider.allowed_domains.clone()
    };
    let editable = (!provider.from_config).then(|| {
        let provider = provider.clone();
        let prefix = format!("sso-{}-", provider.id);
        view! {
            <details>
                <summary>{format!("Change {}", provider.name)}</summary>
                <ActionForm action=change attr:class="narrow">
                    <ErrorSummary error=change_error id_prefix=prefix.clone() />
                    <input type="hidden" name="id" value=provider.id />
                    <Field
                        label="Name"
                        name="name"
                        error=change_error
                        value=provider.name.clone()
                        id_prefix=prefix.clone()
                    />
                    <ProviderFields error=change_error provider=Some(provider.clone()) />
                    <Checkbox
                        label="On: show this provider on the sign-in page"
                        name="enabled"
                        checked=provider.enabled
                        id_prefix=prefix
                    />
                    <FormActions error=change_error pending=change.pending() label="Save provider" />
                </ActionForm>
            </details>
        }
    });
    view! {
        <article class="card" aria-label=provider.name.clone()>
            <h2>{provider.name.clone()}</h2>
            <dl>
                <dt>"Kind"</dt>
                <dd>{provider.kind.label()}</dd>
                <dt>"Status"</dt>
                <dd>{status}</dd>
                <dt>"Issuer"</dt>
                <dd>{provider.issuer_url.clone()}</dd>
                <dt>"Client ID"</dt>
                <dd>{provider.client_id.clone()}</dd>
                <dt>"Redirect URI"</dt>
                <dd>
                    <code>{provider.redirect_uri.clone()}</code>
                </dd>
                <dt>"Links verified emails"</dt>
                <dd>{if provider.link_verified_emails { "Yes" } else { "No" }}</dd>
                <dt>"Sign-up for email domains"</dt>
                <dd>{domains}</dd>
            </dl>
            <p>{source}</p>
            {editable}
        </article>
    }
}

/// The fields adding and changing a provider share. When changing, the stored values fill
/// them, except the client secret, which is never sent back: left empty, it stays.
#[component]
fn ProviderFields(
    error: Signal<Option<AppError>>,
    provider: Option<ProviderSummary>,
) -> impl IntoView {
    let prefix = provider.as_ref().map(|p| format!("sso-{}-", p.id));
    let secret_hint = if provider.is_some() {
        "Stored encrypted and never shown. Leave empty to keep it."
    } else {
        "Stored encrypted and never shown again."
    };
    let p = provider.unwrap_or_else(|| ProviderSummary {
        id: 0,
        kind: ProviderKind::Oidc,
        name: String::new(),
        slug: String::new(),
        issuer_url: String::new(),
        client_id: String::new(),
        enabled: true,
        link_verified_emails: false,
        allowed_domains: String::new(),
        from_config: false,
        redirect_uri: String::new(),
    });
    let editing = prefix.is_some();
    view! {
        <Field
            label="Issuer URL"
            name="issuer_url"
            error
            required=false
            value=p.issuer_url
            id_prefix=prefix.clone().unwrap_or_default()
            hint="OpenID Connect: the issuer, e.g. https://id.example.com/realms/acme. Google: leave empty. GitHub: empty, or your GitHub Enterprise Server's address."
        />
        <Field
            label="Client ID"
            name="client_id"
            error
            value=p.client_id
            id_prefix=prefix.clone().unwrap_or_default()
        />
        <Field
            label="Client secret"
            name="client_secret"
            kind="password"
            error
            required=!editing
            autocomplete="new-password"
            id_prefix=prefix.clone().unwrap_or_default()
            hint=secret_hint
        />
        <Checkbox
            label="Link verified emails to existing accounts"
            name="link_verified_emails"
            checked=p.link_verified_emails
            id_prefix=prefix.clone().unwrap_or_default()
        />
        <Field
            label="Allowed email domains"
            name="allowed_domains"
            error
            required=false
            value=p.allowed_domains
            id_prefix=prefix.unwrap_or_default()
            hint="People with a verified address at these domains get an employee account on first sign-in, e.g. example.com. Empty: nobody new."
        />
    }
}
