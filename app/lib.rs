//! v2mom: write, align and track V2MOMs across an organisation.
//!
//! This library is compiled twice: for the server (feature `ssr`) and to WASM for the
//! browser (feature `hydrate`). Everything under [`server`] exists only on the server.

#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod components;
pub mod error;
pub mod i18n;
pub mod model;
pub mod pages;
pub mod routes;
#[cfg(feature = "ssr")]
pub mod server;

/// Entry point of the WASM bundle: attach the reactive system to the server-rendered page,
/// given the page language's messages (fetched beside the bundle, see `app::shell`).
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate(messages: String) {
    console_error_panic_hook::set_once();
    i18n::read_page_language();
    i18n::load_page_messages(messages);
    // Pages load on demand (`routes`): hydration waits for the page's file.
    leptos::mount::hydrate_lazy(app::App);
}
