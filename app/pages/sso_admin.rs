//! Administrators: the single sign-on providers people may sign in with.

use crate::i18n::{t, t_with};
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
        <Title text=t("admin-sso-title") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match providers.await {
                    Ok(providers) => view! {
                        <section>
                            <h1>{t("admin-sso-title")}</h1>
                            <p class="lead">{t("admin-sso-lead")}</p>
                            <Providers providers change change_error />
                            <h2>{t("admin-sso-add-heading")}</h2>
                            <ActionForm action=add attr:class="narrow">
                                <ErrorSummary error=add_error />
                                <div class="field">
                                    <label for="field-kind">{t("admin-sso-kind")}</label>
                                    <select id="field-kind" name="kind">
                                        {ProviderKind::ALL
                                            .into_iter()
                                            .map(|k| view! { <option value=k.as_str()>{k.label()}</option> })
                                            .collect_view()}
                                    </select>
                                </div>
                                <Field label=t("admin-col-name") name="name" error=add_error hint=t("admin-sso-name-hint") />
                                <Field
                                    label=t("admin-sso-slug")
                                    name="slug"
                                    error=add_error
                                    hint=t("admin-sso-slug-hint")
                                />
                                <ProviderFields error=add_error provider=None />
                                <FormActions error=add_error pending=add.pending() label=t("admin-sso-add") />
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
        return view! { <p>{t("admin-sso-none")}</p> }.into_any();
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
    let status = if provider.enabled {
        t("admin-sso-on")
    } else {
        t("admin-sso-off")
    };
    let source = if provider.from_config {
        t("admin-sso-from-config")
    } else {
        t("admin-sso-added-here")
    };
    let domains = if provider.allowed_domains.is_empty() {
        t("admin-sso-no-domains")
    } else {
        provider.allowed_domains.clone()
    };
    let editable = (!provider.from_config).then(|| {
        let provider = provider.clone();
        let prefix = format!("sso-{}-", provider.id);
        view! {
            <details>
                <summary>{t_with("admin-sso-change", &[("name", provider.name.clone().into())])}</summary>
                <ActionForm action=change attr:class="narrow">
                    <ErrorSummary error=change_error id_prefix=prefix.clone() />
                    <input type="hidden" name="id" value=provider.id />
                    <Field
                        label=t("admin-col-name")
                        name="name"
                        error=change_error
                        value=provider.name.clone()
                        id_prefix=prefix.clone()
                    />
                    <ProviderFields error=change_error provider=Some(provider.clone()) />
                    <Checkbox
                        label=t("admin-sso-enabled")
                        name="enabled"
                        checked=provider.enabled
                        id_prefix=prefix
                    />
                    <FormActions error=change_error pending=change.pending() label=t("admin-sso-save") />
                </ActionForm>
            </details>
        }
    });
    view! {
        <article class="card" aria-label=provider.name.clone()>
            <h2>{provider.name.clone()}</h2>
            <dl>
                <dt>{t("admin-sso-kind")}</dt>
                <dd>{provider.kind.label()}</dd>
                <dt>{t("admin-col-status")}</dt>
                <dd>{status}</dd>
                <dt>{t("admin-sso-issuer")}</dt>
                <dd>{provider.issuer_url.clone()}</dd>
                <dt>{t("admin-sso-client-id")}</dt>
                <dd>{provider.client_id.clone()}</dd>
                <dt>{t("admin-sso-redirect-uri")}</dt>
                <dd>
                    <code>{provider.redirect_uri.clone()}</code>
                </dd>
                <dt>{t("admin-sso-links-verified")}</dt>
                <dd>
                    {if provider.link_verified_emails { t("admin-yes") } else { t("admin-no") }}
                </dd>
                <dt>{t("admin-sso-sign-up-domains")}</dt>
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
        t("admin-sso-secret-hint-keep")
    } else {
        t("admin-sso-secret-hint")
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
            label=t("admin-sso-issuer-url")
            name="issuer_url"
            error
            required=false
            value=p.issuer_url
            id_prefix=prefix.clone().unwrap_or_default()
            hint=t("admin-sso-issuer-url-hint")
        />
        <Field
            label=t("admin-sso-client-id")
            name="client_id"
            error
            value=p.client_id
            id_prefix=prefix.clone().unwrap_or_default()
        />
        <Field
            label=t("admin-sso-client-secret")
            name="client_secret"
            kind="password"
            error
            required=!editing
            autocomplete="new-password"
            id_prefix=prefix.clone().unwrap_or_default()
            hint=secret_hint
        />
        <Checkbox
            label=t("admin-sso-link-verified")
            name="link_verified_emails"
            checked=p.link_verified_emails
            id_prefix=prefix.clone().unwrap_or_default()
        />
        <Field
            label=t("admin-sso-allowed-domains")
            name="allowed_domains"
            error
            required=false
            value=p.allowed_domains
            id_prefix=prefix.unwrap_or_default()
            hint=t("admin-sso-allowed-domains-hint")
        />
    }
}
