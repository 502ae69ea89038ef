use crate::api::CheckServerStatus;
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
                    "schema up to date"
                } else {
                    "schema needs migrating"
                };
                format!(
                    "Server ready — {} database, {schema} (version {})",
                    status.backend.label(),
                    status.version
                )
            }
            Err(err) => err.to_string(),
        })
    };

    view! {
        <div class="server-status">
            <button type="button" on:click=move |_| { check.dispatch(CheckServerStatus {}); }>
                "Check server status"
            </button>
            <p role="status">{message}</p>
        </div>
    }
}
