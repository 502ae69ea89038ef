//! The security page's passkeys: the list, adding one (the browser makes it, so this needs
//! JavaScript) and removing one (a plain form, which works without).

use crate::i18n::t;
use crate::{
    api::{RemovePasskey, finish_passkey, start_passkey},
    components::{
        ErrorSummary, Field, FormActions, PasskeyCall, ProofField, action_error, passkey_ceremony,
        use_hydrated,
    },
    error::AppError,
    i18n::{date, language},
    model::{PasskeyInfo, RecoveryCodes},
};
use leptos::prelude::*;

/// Adding a passkey, from its name and a fresh proof to the recovery codes a first second
/// factor comes with.
pub type AddPasskey = Action<(String, String), Result<Option<RecoveryCodes>, AppError>>;

pub fn add_passkey_action() -> AddPasskey {
    Action::new_local(|(name, proof): &(String, String)| {
        let (name, proof) = (name.clone(), proof.clone());
        async move {
            let options = start_passkey(name, proof).await?;
            let answer = passkey_ceremony(PasskeyCall::Create, &options.json).await?;
            finish_passkey(answer).await
        }
    })
}

#[component]
pub fn Passkeys(
    passkeys: Vec<PasskeyInfo>,
    add: AddPasskey,
    remove: ServerAction<RemovePasskey>,
) -> impl IntoView {
    let lang = language();
    let list = if passkeys.is_empty() {
        view! { <p id="passkeys-state">{t("account-passkeys-none")}</p> }.into_any()
    } else {
        let rows = passkeys
            .iter()
            .map(|p| {
                let used = p
                    .last_used_at
                    .as_deref()
                    .map_or_else(|| t("account-passkeys-never"), |at| date(lang, at));
                view! {
                    <tr>
                        <td>{p.name.clone()}</td>
                        <td>{date(lang, &p.created_at)}</td>
                        <td>{used}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p id="passkeys-state">{t("account-passkeys-some")}</p>
            <div class="table-scroll">
                <table id="passkeys">
                    <caption class="visually-hidden">{t("account-passkeys-caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("account-field-name")}</th>
                            <th scope="col">{t("account-passkeys-added")}</th>
                            <th scope="col">{t("account-column-last-used")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let removal = (!passkeys.is_empty()).then(|| view! { <RemoveForm passkeys remove /> });
    view! {
        {list}
        <AddForm add />
        {removal}
    }
}

#[component]
fn AddForm(add: AddPasskey) -> impl IntoView {
    let error = Signal::derive(move || add.value().get().and_then(Result::err));
    let hydrated = use_hydrated();
    let pending = Signal::derive(move || add.pending().get() || !hydrated.get());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(form) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlFormElement>(t).ok())
        else {
            return;
        };
        let Ok(data) = web_sys::FormData::new_with_form(&form) else {
            return;
        };
        let value = |name: &str| data.get(name).as_string().unwrap_or_default();
        add.dispatch_local((value("name"), value("proof")));
    };
    view! {
        <form id="add-passkey" on:submit=submit>
            <h3>{t("account-passkeys-add")}</h3>
            <noscript>
                <p class="notice">{t("account-passkeys-needs-js")}</p>
            </noscript>
            <ErrorSummary error id_prefix="passkey-" />
            <Field
                label=t("account-field-name")
                name="name"
                error
                hint=t("account-passkeys-name-hint")
                id_prefix="passkey-".to_owned()
            />
            <ProofField error id_prefix="passkey-" />
            <FormActions error pending label=t("account-passkeys-add") />
        </form>
    }
}

#[component]
fn RemoveForm(passkeys: Vec<PasskeyInfo>, remove: ServerAction<RemovePasskey>) -> impl IntoView {
    let error = action_error(remove);
    let options = passkeys
        .into_iter()
        .map(|p| view! { <option value=p.id.to_string()>{p.name}</option> })
        .collect_view();
    view! {
        <ActionForm action=remove attr:id="remove-passkey">
            <h3>{t("account-passkeys-remove-heading")}</h3>
            <ErrorSummary error id_prefix="remove-passkey-" />
            <div class="field">
                <label for="remove-passkey-id">{t("account-passkeys-passkey")}</label>
                <select id="remove-passkey-id" name="id">{options}</select>
            </div>
            <ProofField
                error
                hint=t("account-passkeys-remove-hint")
                id_prefix="remove-passkey-"
            />
            <FormActions error pending=remove.pending() label=t("account-passkeys-remove") />
        </ActionForm>
    }
}
