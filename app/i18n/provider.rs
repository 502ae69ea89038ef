//! The page's language, given to every component through leptos-fluent's context.

use super::{Lang, TRANSLATIONS};
use leptos::prelude::*;
use leptos_fluent::{I18n, leptos_fluent};

/// Puts the page's language where `tr!`/`move_tr!` find it, before any child renders: on
/// the server the language worked out for the request, in the browser the one the server
/// wrote into `<html lang>` (so hydration renders the very same words).
#[component]
pub fn I18nProvider(children: Children) -> impl IntoView {
    let lang = page_language();
    leptos_fluent! {
        children: {
            set_language(lang);
            children()
        },
        translations: [TRANSLATIONS],
        locales: "./app/locales",
        default_language: "en",
    }
}

fn set_language(lang: Lang) {
    #[cfg(not(feature = "ssr"))]
    PAGE_LANGUAGE.store(lang as u8, std::sync::atomic::Ordering::Relaxed);
    let i18n = expect_context::<I18n>();
    if let Some(language) = i18n.languages.iter().find(|l| l.id == lang.code()) {
        i18n.language.set(language);
    }
}

/// The language the page is shown in (for dates and numbers; texts use `tr!`).
pub fn use_lang() -> Lang {
    let i18n = expect_context::<I18n>();
    i18n.language
        .with_untracked(|language| Lang::from_tag(language.id))
        .unwrap_or_default()
}

#[cfg(feature = "ssr")]
fn page_language() -> Lang {
    crate::server::http::language::of_request()
}

#[cfg(not(feature = "ssr"))]
fn page_language() -> Lang {
    leptos::prelude::document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default()
}

/// The browser's page language, for code outside components ([`super::t`]).
#[cfg(not(feature = "ssr"))]
static PAGE_LANGUAGE: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

#[cfg(not(feature = "ssr"))]
pub(super) fn page_language_now() -> Lang {
    let code = PAGE_LANGUAGE.load(std::sync::atomic::Ordering::Relaxed);
    Lang::ALL
        .into_iter()
        .find(|lang| *lang as u8 == code)
        .unwrap_or_default()
}
