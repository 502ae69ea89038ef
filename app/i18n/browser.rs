//! The browser's page language: the one the server chose for the page, read from
//! `<html lang>` once when the app starts, so hydration renders the very same words.

use super::Lang;
use std::sync::atomic::{AtomicU8, Ordering};

static PAGE_LANGUAGE: AtomicU8 = AtomicU8::new(0);

/// Reads the page's language (called by `hydrate()`, before anything renders).
pub fn read_page_language() {
    let lang = leptos::prelude::document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default();
    PAGE_LANGUAGE.store(lang as u8, Ordering::Relaxed);
}

pub(super) fn page_language() -> Lang {
    let code = PAGE_LANGUAGE.load(Ordering::Relaxed);
    Lang::ALL
        .into_iter()
        .find(|lang| *lang as u8 == code)
        .unwrap_or_default()
}
