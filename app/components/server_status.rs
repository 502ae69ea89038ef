use crate::api::CheckServerStatus;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};

/// A button that asks the server how it is doing, through a real server function call.
#[component]
pub fn ServerStatusCheck() -> impl IntoView {
    let check = ServerAction::<CheckServerStatus>::new();
    let result = check.value();

    let message = move || {
        result.get().map(|outcome| match outcome {
            Ok(status) => {
                let schema = if status.schema_current {
                    tr!("ui-server-schema-current")
                } else {
                    tr!("ui-server-schema-outdated")
                };
                tr!("ui-server-ready", {
                    "backend" => status.backend.label(),
                    "schema" => schema,
                    "version" => status.version,
                })
            }
            Err(err) => err.to_string(),
        })
    };

    view! {
        <div class="server-status">
            <button type="button" on:click=move |_| { check.dispatch(CheckServerStatus {}); }>
                {move_tr!("ui-server-check")}
            </button>
            <p role="status">{message}</p>
        </div>
    }
}
