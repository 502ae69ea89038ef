//! The security page's passkeys: the list, adding one (the browser makes it, so this needs
//! JavaScript) and removing one (a plain form, which works without).

use crate::{
    api::{RemovePasskey, finish_passkey, start_passkey},
    components::{
        ErrorSummary, Field, FormActions, PasskeyCall, ProofField, action_error, passkey_ceremony,
        use_hydrated,
    },
    error::AppError,
    model::{PasskeyInfo, RecoveryCodes, display_date},
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
    let list = if passkeys.is_empty() {
        view! {
            <p id="passkeys-state">
                "None yet. A passkey lives on your phone, computer or security key and signs \
                 you in with its screen lock (your fingerprint, face or PIN): no password or \
                 code to type, and nothing a fake site could catch."
            </p>
        }
        .into_any()
    } else {
        let rows = passkeys
            .iter()
            .map(|p| {
                let used = p
                    .last_used_at
                    .as_deref()
                    .map_or_else(|| "Never".to_owned(), display_date);
                view! {
                    <tr>
                        <td>{p.name.clone()}</td>
                        <td>{display_date(&p.created_at)}</td>
                        <td>{used}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p id="passkeys-state">
                "Signing in with one of these needs no password; after a password, one of \
                 them is your second step."
            </p>
            <div class="table-scroll">
                <table id="passkeys">
                    <caption class="visually-hidden">"Your passkeys"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Added"</th>
                            <th scope="col">"Last used"</th>
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
            <h3>"Add a passkey"</h3>
            <noscript>
                <p class="notice">
                    "Adding a passkey needs JavaScript: your browser makes the passkey."
                </p>
            </noscript>
            <ErrorSummary error id_prefix="passkey-" />
            <Field
                label="Name"
                name="name"
                error
                hint="Which device or key it is on, such as “Work laptop”."
                id_prefix="passkey-".to_owned()
            />
            <ProofField error id_prefix="passkey-" />
            <FormActions error pending label="Add a passkey" />
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
            <h3>"Remove a passkey"</h3>
            <ErrorSummary error id_prefix="remove-passkey-" />
            <div class="field">
                <label for="remove-passkey-id">"Passkey"</label>
                <select id="remove-passkey-id" name="id">{options}</select>
            </div>
            <ProofField
                error
                hint="Remove it here too when you delete it from a device."
                id_prefix="remove-passkey-"
            />
            <FormActions error pending=remove.pending() label="Remove" />
        </ActionForm>
    }
}
