use crate::api::CheckServerStatus;
use crate::i18n::{t, t_with};
use leptos::prelude::*;

/// A button that asks the server how it is doing, through a real server function call.
#[component]
pub fn ServerStatusCheck() -> impl IntoView {
    let check = ServerAction::<CheckServerStatus>::new();
    let result = check.value();

    let message = move || {
        result.get().map(|outcome| match outcome {
            Ok(status) => {
                let schema = if status.schema_current {
                    t("ui-server-schema-current")
                } else {
                    t("ui-server-schema-outdated")
                };
                t_with(
                    "ui-server-ready",
                    &[
                        ("backend", status.backend.label().into()),
                        ("schema", schema.into()),
                        ("version", status.version.into()),
                    ],
                )
            }
            Err(err) => err.to_string(),
        })
    };

    view! {
        <div class="server-status">
            <button type="button" on:click=move |_| { check.dispatch(CheckServerStatus {}); }>
                {t("ui-server-check")}
            </button>
            <p role="status">{message}</p>
        </div>
    }
}
