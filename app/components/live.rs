//! A V2MOM page's live connection: the events about it as they happen, heard on
//! `/events?v2mom=<id>` (hydrated pages only; without JavaScript a page is as fresh as its
//! last load). The browser reconnects by itself, sending the last event's id, so nothing
//! in between is missed.

use crate::i18n::t;
use crate::model::LiveEvent;
use leptos::prelude::*;

/// The latest event about the V2MOM `id` names; None until one comes. Listens again when
/// `id` changes and stops when the page goes.
pub fn live_events(id: Signal<Option<i64>>) -> ReadSignal<Option<LiveEvent>> {
    let (heard, set_heard) = signal(None::<LiveEvent>);
    Effect::new(move |_| {
        if let Some(id) = id.get() {
            listen(id, set_heard);
        }
    });
    heard
}

#[cfg(feature = "hydrate")]
fn listen(id: i64, heard: WriteSignal<Option<LiveEvent>>) {
    use leptos::{
        wasm_bindgen::{JsCast, closure::Closure},
        web_sys::{EventSource, MessageEvent},
    };
    let Ok(source) = EventSource::new(&format!("/events?v2mom={id}")) else {
        return;
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |message: MessageEvent| {
        let event = message
            .data()
            .as_string()
            .and_then(|text| serde_json::from_str::<LiveEvent>(&text).ok());
        if event.is_some() {
            heard.set(event);
        }
    });
    source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Closed, and the handler freed, when the effect runs again or the page goes.
    let open = send_wrapper::SendWrapper::new((source, on_message));
    on_cleanup(move || open.0.close());
}

#[cfg(not(feature = "hydrate"))]
fn listen(_id: i64, _heard: WriteSignal<Option<LiveEvent>>) {}

/// Keeps the V2MOM on screen up to date and says what changed: at once, or, while the reader
/// is typing (a redraw would lose their text), when they ask.
#[component]
pub fn LiveRefresh(id: Signal<Option<i64>>, refresh: Callback<()>) -> impl IntoView {
    let heard = live_events(id);
    let auth = crate::components::use_auth();
    let me = move || auth.my_id();
    // Said once the page shows the change; held while the reader types.
    let said = RwSignal::new(None::<String>);
    let held = RwSignal::new(None::<LiveEvent>);
    let show = move |event: LiveEvent| {
        said.set(Some(crate::i18n::t_with(
            "ui-live-changed-just-now",
            &[("change", event.about_this_v2mom(me()).into())],
        )));
        held.set(None);
        refresh.run(());
    };
    Effect::new(move |_| {
        if let Some(event) = heard.get() {
            if typing() {
                held.set(Some(event));
            } else {
                show(event);
            }
        }
    });
    view! {
        <div class="live-notice no-print" role="status">
            {move || match held.get() {
                Some(event) => {
                    let text = format!(
                        "{} ",
                        crate::i18n::t_with(
                            "ui-live-changed",
                            &[("change", event.about_this_v2mom(me()).into())],
                        )
                    );
                    view! {
                        <p>
                            {text}
                            <button type="button" class="secondary" on:click=move |_| show(event.clone())>
                                {t("ui-live-show-latest")}
                            </button>
                        </p>
                    }
                        .into_any()
                }
                None => said.get().map(|text| view! { <p>{text}</p> }).into_any(),
            }}
        </div>
    }
}

/// Whether the reader's cursor is in a field (a check-in they are writing).
fn typing() -> bool {
    #[cfg(feature = "hydrate")]
    return document()
        .active_element()
        .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
    #[cfg(not(feature = "hydrate"))]
    false
}
