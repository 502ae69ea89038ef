//! Whether the browser has taken the page over (hydrated): false on the server and until
//! then.

use leptos::prelude::*;

/// Whether this component is hydrated (JavaScript runs). Passkey buttons wait for it.
pub fn use_hydrated() -> ReadSignal<bool> {
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));
    hydrated
}

/// Whether the page on screen has hydrated, which `<main>`'s `data-hydrated` shows (browser
/// tests wait for it before they interact). Pages load on demand (`crate::routes`) and
/// hydrate after the layout around them, so the page itself says so: see
/// [`mark_page_hydrated`].
#[derive(Clone, Copy)]
struct PageHydrated(RwSignal<bool>);

/// Called once by the layout: the signal `data-hydrated` follows.
pub fn provide_page_hydrated() -> RwSignal<bool> {
    let hydrated = RwSignal::new(false);
    provide_context(PageHydrated(hydrated));
    hydrated
}

/// Called by every page as it renders: in the browser, marks the page hydrated once it is.
pub fn mark_page_hydrated() {
    if let Some(PageHydrated(hydrated)) = use_context() {
        // Effects run only in the browser, after the view they belong to is in place.
        Effect::new(move |_| hydrated.set(true));
    }
}
