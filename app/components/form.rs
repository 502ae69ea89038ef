//! Form pieces: a labelled field with its own error, the summary of a refused form's field
//! errors, and a form-level alert.

use crate::error::{AppError, FieldError};
use crate::i18n::{t, t_with};
use leptos::{html, prelude::*};

/// A labelled input; shows the server's (or browser's) message for it and marks itself
/// invalid for assistive technology.
#[component]
pub fn Field(
    #[prop(into)] label: Signal<String>,
    name: &'static str,
    /// The form's last error; this field shows its own part of it.
    #[prop(into)]
    error: Signal<Option<AppError>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional, into)] hint: Signal<String>,
    #[prop(default = true)] required: bool,
    /// The value to start with (editing).
    #[prop(optional, into)]
    value: String,
    /// Where one page has several forms with the same fields: what makes the ids unique.
    #[prop(optional)]
    id_prefix: Option<String>,
) -> impl IntoView {
    let id = format!("{}field-{name}", id_prefix.unwrap_or_default());
    let message_id = format!("{id}-message");
    let message = move || error.with(|e| e.as_ref().and_then(|e| e.field(name)).map(str::to_owned));
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                required=required
                value=value
                aria-invalid=move || message().is_some().then_some("true")
                aria-describedby=message_id.clone()
            />
            <p class="field-message" id=message_id>
                {move || message().unwrap_or_else(|| hint.get())}
            </p>
        </div>
    }
}

/// Text for the inside of a `<textarea>` or `<title>`. Leptos writes those children into
/// the server's HTML unescaped (their content is text to the browser, but `</textarea>`
/// typed by a user would still end the element), so the server escapes them; in the
/// browser the text is set directly and stays as typed.
pub fn element_text(text: &str) -> String {
    #[cfg(feature = "ssr")]
    return text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    #[cfg(not(feature = "ssr"))]
    text.to_owned()
}

/// A labelled checkbox, sent as `name=on` when ticked (the server reads it as `Some`).
#[component]
pub fn Checkbox(
    #[prop(into)] label: Signal<String>,
    name: &'static str,
    #[prop(optional)] checked: bool,
    #[prop(optional)] id_prefix: Option<String>,
) -> impl IntoView {
    let id = format!("{}field-{name}", id_prefix.unwrap_or_default());
    view! {
        <div class="field checkbox">
            <input id=id.clone() type="checkbox" name=name value="on" checked=checked />
            <label for=id>{label}</label>
        </div>
    }
}

/// A group of inputs under one legend (checkboxes for one field), with the server's message
/// for that field below them.
#[component]
pub fn FieldGroup(
    #[prop(into)] legend: Signal<String>,
    /// The field the group sends (`scopes`, `events`): its message, and the group's class.
    name: &'static str,
    #[prop(into)] error: Signal<Option<AppError>>,
    children: Children,
) -> impl IntoView {
    let message_id = format!("field-{name}-message");
    let described_by = message_id.clone();
    let message = move || error.with(|e| e.as_ref().and_then(|e| e.field(name)).map(str::to_owned));
    view! {
        <fieldset class=name aria-describedby=described_by>
            <legend>{legend}</legend>
            {children()}
            <p class="field-message" id=message_id>{message}</p>
        </fieldset>
    }
}

/// A secret made just now (an API key's token, a webhook's signing secret), read-only and
/// ready to copy, under what `children` say about it: the only time anyone sees it.
#[component]
pub fn SecretShownOnce(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    value: String,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="notice" role="status">
            {children()}
            <div class="field">
                <label for=id>{label}</label>
                <input
                    id=id
                    class="token"
                    type="text"
                    readonly=true
                    value=value
                    autocomplete="off"
                    spellcheck="false"
                />
            </div>
        </div>
    }
}

/// After a refused submit, at the top of the form: what to correct, each message a link to
/// its field (`{id_prefix}field-{name}`, as [`Field`] names it). Once hydrated it takes the
/// focus when a new refusal arrives, so a screen reader reads it at once, and its links move
/// the focus into the field.
#[component]
pub fn ErrorSummary(
    #[prop(into)] error: Signal<Option<AppError>>,
    /// As given to the form's fields.
    #[prop(optional, into)]
    id_prefix: String,
) -> impl IntoView {
    let summary = NodeRef::<html::Div>::new();
    let fields = move || match error.get() {
        Some(AppError::Invalid { fields }) => fields,
        _ => Vec::new(),
    };
    Effect::new(move |_| {
        if !fields().is_empty()
            && let Some(summary) = summary.get_untracked()
        {
            let _ = summary.focus();
        }
    });
    let link = move |field: FieldError| {
        let id_prefix = id_prefix.clone();
        let target = format!("{id_prefix}field-{}", field.field);
        let href = format!("#{target}");
        view! {
            <li>
                <a
                    href=href
                    // Left to the browser without JavaScript (it focuses the field the
                    // fragment names); here the field is focused directly.
                    target="_self"
                    on:click=move |ev| {
                        if let Some(input) = document().get_element_by_id(&target) {
                            ev.prevent_default();
                            focus_element(&input);
                        }
                    }
                >
                    {field.message}
                </a>
            </li>
        }
    };
    view! {
        <div
            class="error-summary"
            role="alert"
            tabindex="-1"
            node_ref=summary
            hidden=move || fields().is_empty()
        >
            {move || {
                let fields = fields();
                (!fields.is_empty())
                    .then(|| {
                        view! {
                            <p>{t("ui-form-correct-fields")}</p>
                            <ul>{fields.into_iter().map(link.clone()).collect_view()}</ul>
                        }
                    })
            }}
        </div>
    }
}

/// Moves the keyboard focus to `element`: a field, a button, a focusable region.
pub fn focus_element(element: &leptos::web_sys::Element) {
    let _ = leptos::wasm_bindgen::JsCast::unchecked_ref::<leptos::web_sys::HtmlElement>(element)
        .focus();
}

/// Errors that belong to the whole form rather than one field.
#[component]
pub fn FormError(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let message = move || {
        error
            .get()
            .filter(|e| !matches!(e, AppError::Invalid { .. }))
            .map(|e| e.to_string())
    };
    view! { <p class="form-error" role="alert">{message}</p> }
}

/// The fresh proof a change to how one signs in asks for: the password, or a current code
/// from the authenticator app (the server takes either, in `proof`).
#[component]
pub fn ProofField(
    #[prop(into)] error: Signal<Option<AppError>>,
    /// What the change does, under the field.
    #[prop(optional, into)]
    hint: Signal<String>,
    id_prefix: &'static str,
) -> impl IntoView {
    view! {
        <Field
            label=t("ui-form-proof-label")
            name="proof"
            kind="password"
            error
            autocomplete="current-password"
            hint
            id_prefix=id_prefix.to_owned()
        />
    }
}

/// The end of a form: its form-level error and the submit button, disabled while the
/// request is on its way.
#[component]
pub fn FormActions(
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    view! {
        <FormError error />
        <button type="submit" disabled=move || pending.get()>
            {label}
        </button>
    }
}

/// Choosing a new password: the policy in a sentence, and (once hydrated) a strength meter
/// that asks the server's policy as you type, after a short pause. The server still has
/// the final word when the form is sent.
#[component]
pub fn NewPasswordField(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let assess = Action::new(|(password, name, email): &(String, String, String)| {
        crate::api::password_strength(password.clone(), name.clone(), email.clone())
    });
    let typed = StoredValue::new(0u64);
    let on_input =
        move |ev: leptos::ev::Event| {
            let Some(input) = leptos::wasm_bindgen::JsCast::dyn_ref::<
                leptos::web_sys::HtmlInputElement,
            >(&event_target::<leptos::web_sys::Element>(&ev))
            .filter(|i| i.name() == "password")
            .cloned() else {
                return;
            };
            // Only the last keystroke of a burst asks the server.
            typed.update_value(|n| *n += 1);
            let this = typed.get_value();
            set_timeout(
                move || {
                    if typed.get_value() != this {
                        return;
                    }
                    let sibling = |name: &str| {
                        input
                            .form()
                            .and_then(|form| leptos::web_sys::FormData::new_with_form(&form).ok())
                            .and_then(|data| data.get(name).as_string())
                            .unwrap_or_default()
                    };
                    assess.dispatch((input.value(), sibling("name"), sibling("email")));
                },
                std::time::Duration::from_millis(300),
            );
        };
    // Once the server has refused the password, its message beside the field says why;
    // the meter then shows only the strength, so the reason is never shown twice.
    let refused = move || error.with(|e| e.as_ref().and_then(|e| e.field("password")).is_some());
    let strength = move || {
        assess.value().get().and_then(Result::ok).map(|s| {
            let label = t_with(
                "ui-form-password-strength",
                &[("strength", s.label().into())],
            );
            let problem = s.problem.filter(|_| !refused()).map(|p| format!(" {p}"));
            view! {
                <meter min="0" max="4" low="2.5" high="3.5" optimum="4" value=s.score />
                <span>{label} {problem}</span>
            }
        })
    };
    view! {
        <div on:input=on_input>
            <Field
                label=t("ui-form-password-label")
                name="password"
                kind="password"
                error
                autocomplete="new-password"
                hint=t("ui-form-password-hint")
            />
            <p class="strength" aria-live="polite">{strength}</p>
        </div>
    }
}
