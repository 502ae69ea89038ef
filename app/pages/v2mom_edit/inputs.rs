//! The editor's inputs: labelled fields and selects with their messages, and the buttons
//! that add, move and remove rows (form posts without JavaScript, in the browser with it).

use super::Ctx;
use crate::i18n::t;
use crate::{
    components::element_text,
    model::{EditOp, Item},
};
use leptos::prelude::*;

/// A labelled select with its own message from the last check.
#[component]
pub(super) fn Choice(
    #[prop(into)] label: Signal<String>,
    name: String,
    options: Vec<(&'static str, String)>,
    selected: &'static str,
    ctx: Ctx,
) -> impl IntoView {
    let id = format!("field-{name}");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            // The property too: rows are redrawn in place after a move, and a select the
            // user has changed no longer follows its options' `selected` attributes.
            <select id=id name=name.clone() prop:value=selected>
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        view! {
                            <option value=value selected=value == selected>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <FieldMessage name ctx />
        </div>
    }
}

/// "Add …": offers an empty row to fill in (there is always one; this brings the cursor
/// to it, and without JavaScript saves what is there first).
#[component]
pub(super) fn AddButton(
    op: EditOp,
    #[prop(into)] label: Signal<String>,
    ctx: Ctx,
) -> impl IntoView {
    view! {
        <button
            type="submit"
            name="op"
            value=op.encode()
            class="secondary"
            on:click=move |ev| {
                ev.prevent_default();
                ctx.apply.run(op);
            }
        >
            {label}
        </button>
    }
}

/// Move up, move down and remove: submit buttons that post the form without JavaScript
/// (the server applies the op and saves) and act in the browser once hydrated.
#[component]
pub(super) fn RowButtons(item: Item, ctx: Ctx) -> impl IntoView {
    let button = move |op: EditOp, label: String, text: &'static str| {
        let value = op.encode();
        // Where a move posted without JavaScript left the focus: the page loads with it here,
        // described by what the move did.
        let moved = ctx
            .moved_button
            .with_value(|b| b.as_deref() == Some(value.as_str()));
        view! {
            <button
                type="submit"
                name="op"
                value=value
                autofocus=moved
                aria-describedby=moved.then_some("editor-announcement")
                class="icon secondary"
                aria-label=label.clone()
                title=label
                on:click=move |ev| {
                    ev.prevent_default();
                    ctx.apply.run(op);
                }
            >
                {text}
            </button>
        }
    };
    view! {
        <div class="row-buttons">
            {button(EditOp::MoveUp(item), t("v2mom-move-up"), "↑")}
            {button(EditOp::MoveDown(item), t("v2mom-move-down"), "↓")}
            {button(EditOp::Remove(item), t("v2mom-remove"), "✕")}
        </div>
    }
}

/// A labelled input or textarea with its own message from the last check.
#[component]
pub(super) fn TextField(
    #[prop(into)] label: Signal<String>,
    name: String,
    value: String,
    ctx: Ctx,
    #[prop(default = false)] multiline: bool,
    #[prop(default = true)] required: bool,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional, into)] hint: Signal<String>,
) -> impl IntoView {
    // Numbers may have decimals.
    let step = (kind == "number").then_some("any");
    let id = format!("field-{name}");
    let message_id = format!("{id}-message");
    let errors = ctx.errors;
    let invalid = {
        let name = name.clone();
        move || {
            errors
                .with(|e| e.as_ref().and_then(|e| e.field(&name)).is_some())
                .then_some("true")
        }
    };
    // Both the markup (the page without JavaScript) and the live property: rows are redrawn
    // in place after a move, and a field the user has typed in no longer shows its markup.
    let input = if multiline {
        view! {
            <textarea
                id=id.clone()
                name=name.clone()
                rows="3"
                required=required
                aria-invalid=invalid
                aria-describedby=message_id.clone()
                prop:value=value.clone()
            >
                {element_text(&value)}
            </textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                name=name.clone()
                type=kind
                step=step
                value=value.clone()
                prop:value=value
                required=required
                aria-invalid=invalid
                aria-describedby=message_id.clone()
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {input}
            <p class="field-message" id=message_id>
                {move || {
                    errors
                        .with(|e| e.as_ref().and_then(|e| e.field(&name)).map(str::to_owned))
                        .unwrap_or_else(|| hint.get())
                }}
            </p>
        </div>
    }
}

/// The message for a whole list (e.g. "add at least one method").
#[component]
pub(super) fn FieldMessage(name: String, ctx: Ctx) -> impl IntoView {
    let errors = ctx.errors;
    view! {
        <p class="field-message" role="alert">
            {move || errors.with(|e| e.as_ref().and_then(|e| e.field(&name)).map(str::to_owned))}
        </p>
    }
}
