//! The browser's half of a passkey ceremony: the server's options in, the new credential
//! or the assertion out, both as JSON text. WebAuthn's own JSON helpers do the encoding
//! (`PublicKeyCredential.parse…OptionsFromJSON`, and `toJSON`, which `JSON.stringify` calls).
//! Passkeys need JavaScript: without it the pages say so and offer the other ways.

use super::{FormError, use_hydrated};
use crate::error::AppError;
use crate::i18n::t;
use leptos::prelude::*;

/// Which WebAuthn call a ceremony makes.
#[derive(Debug, Clone, Copy)]
pub enum PasskeyCall {
    /// `navigator.credentials.create`: a new passkey.
    Create,
    /// `navigator.credentials.get`: signing in with one.
    Get,
}

/// Runs `call` with the server's `options` (JSON) and answers the browser's credential as
/// JSON, or why there is none, in words for the person.
#[cfg(feature = "hydrate")]
pub async fn passkey_ceremony(call: PasskeyCall, options: &str) -> Result<String, AppError> {
    use js_sys::{Function, JSON, Object, Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    let unsupported = |_: JsValue| AppError::Refused {
        reason: crate::i18n::t("ui-passkey-unsupported"),
    };
    let (parse, method) = match call {
        PasskeyCall::Create => ("parseCreationOptionsFromJSON", "create"),
        PasskeyCall::Get => ("parseRequestOptionsFromJSON", "get"),
    };
    let window: JsValue = web_sys::window()
        .ok_or(JsValue::NULL)
        .map_err(unsupported)?
        .into();
    let class = Reflect::get(&window, &"PublicKeyCredential".into()).map_err(unsupported)?;
    let parse: Function = Reflect::get(&class, &parse.into())
        .and_then(|f| f.dyn_into())
        .map_err(unsupported)?;
    let options = JSON::parse(options)
        .and_then(|json| parse.call1(&class, &json))
        .map_err(unsupported)?;
    let request = Object::new();
    Reflect::set(&request, &"publicKey".into(), &options).map_err(unsupported)?;
    let credentials = Reflect::get(&window, &"navigator".into())
        .and_then(|navigator| Reflect::get(&navigator, &"credentials".into()))
        .map_err(unsupported)?;
    let promise: Promise = Reflect::get(&credentials, &method.into())
        .and_then(|f| f.dyn_into::<Function>())
        .and_then(|f| f.call1(&credentials, &request))
        .and_then(|p| p.dyn_into())
        .map_err(unsupported)?;
    let credential = JsFuture::from(promise)
        .await
        .map_err(|error| refused_by_browser(call, &error))?;
    JSON::stringify(&credential)
        .map(String::from)
        .map_err(unsupported)
}

/// What the browser's refusal (a `DOMException`) means for the person.
#[cfg(feature = "hydrate")]
fn refused_by_browser(call: PasskeyCall, error: &wasm_bindgen::JsValue) -> AppError {
    let name = js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    let reason = match (name.as_str(), call) {
        ("InvalidStateError", PasskeyCall::Create) => "ui-passkey-already-here",
        ("NotAllowedError" | "AbortError", _) => "ui-passkey-not-used",
        _ => "ui-passkey-failed",
    };
    AppError::Refused {
        reason: crate::i18n::t(reason),
    }
}

/// Pages render on the server too, where no ceremony ever runs.
#[cfg(not(feature = "hydrate"))]
pub async fn passkey_ceremony(_call: PasskeyCall, _options: &str) -> Result<String, AppError> {
    Err(AppError::BadRequest)
}

/// "Sign in with a passkey": the whole ceremony, then on to `next` (a path on this site;
/// the server checked the sign-in, the page only moves on). Used without a password and as
/// the second step, which the server tells apart by the session.
#[component]
pub fn PasskeySignIn(
    #[prop(into)] next: Signal<String>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let sign_in = Action::new_local(|_: &()| async move {
        let options = crate::api::start_passkey_sign_in().await?;
        let answer = passkey_ceremony(PasskeyCall::Get, &options.json).await?;
        crate::api::finish_passkey_sign_in(answer).await
    });
    Effect::new(move |_| {
        if matches!(sign_in.value().get(), Some(Ok(()))) {
            let target = crate::model::safe_next(Some(&next.get_untracked()));
            // A full load: every part of the page asks again who is signed in.
            if let Some(window) = leptos::web_sys::window() {
                let _ = window.location().assign(&target);
            }
        }
    });
    let hydrated = use_hydrated();
    let error = Signal::derive(move || sign_in.value().get().and_then(Result::err));
    view! {
        <div class="passkey-sign-in">
            <FormError error />
            <button
                type="button"
                class="secondary"
                disabled=move || !hydrated.get() || sign_in.pending().get()
                on:click=move |_| {
                    sign_in.dispatch_local(());
                }
            >
                {label}
            </button>
            <noscript>
                <p>{t("ui-passkey-needs-javascript")}</p>
            </noscript>
        </div>
    }
}
