//! Where the messages live. The server holds every language's, compiled in; the browser
//! holds only its page's language, fetched beside the bundle (`/i18n/<lang>.<hash>.ftl`)
//! and handed to `hydrate`: the messages of two languages were a tenth of the browser's
//! main file, and a page needs one.

use super::Lang;
use fluent_bundle::{FluentArgs, FluentResource, concurrent::FluentBundle};

type Bundle = FluentBundle<FluentResource>;

/// A language's messages, parsed from the text of its `.ftl` files.
fn bundle(lang: Lang, source: String) -> Bundle {
    // A file that does not parse keeps the messages that do; a test keeps them all parsing.
    let resource = FluentResource::try_new(source).unwrap_or_else(|(partial, _)| partial);
    let id = match lang {
        Lang::En => unic_langid::langid!("en"),
        Lang::De => unic_langid::langid!("de"),
    };
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: names and figures are shown as typed,
    // and the page's own `dir` handles direction.
    bundle.set_use_isolating(false);
    // Only a message defined twice is refused, which a test rules out.
    let _ = bundle.add_resource(resource);
    bundle
}

/// Message `key` of `bundle` with `args`, or `None` when there is no such message or an
/// argument it uses is missing (Fluent would show the message with a hole).
fn format(bundle: &Bundle, key: &str, args: Option<&FluentArgs>) -> Option<String> {
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// Message `key` in `lang` exactly, if it has it and `args` are enough.
pub(super) fn format_in(lang: Lang, key: &str, args: Option<&FluentArgs>) -> Option<String> {
    format(loaded(lang)?, key, args)
}

/// Message `key` in `lang`, in English when `lang` lacks it (a test keeps every language
/// complete), else the key itself.
pub(super) fn lookup(lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
    format_in(lang, key, args)
        .or_else(|| format_in(Lang::En, key, args))
        .unwrap_or_else(|| key.to_owned())
}

#[cfg(feature = "ssr")]
use server::loaded;
#[cfg(feature = "ssr")]
pub use server::{path, source};

#[cfg(not(feature = "ssr"))]
pub use browser::load_page_messages;
#[cfg(not(feature = "ssr"))]
use browser::loaded;

#[cfg(feature = "ssr")]
mod server {
    use super::{Bundle, Lang, bundle};
    use sha2::{Digest, Sha256};
    use std::sync::LazyLock;

    /// A language's files, one after another.
    macro_rules! joined {
        ($lang:literal: $($file:literal),+) => {
            concat!($(include_str!(concat!("../locales/", $lang, "/", $file, ".ftl")), "\n"),+)
        };
    }

    /// Every file of a language (a test checks that each file of `app/locales/<lang>` is here).
    macro_rules! files {
        ($lang:literal) => {
            joined!($lang: "account", "admin", "components", "layout", "model", "server", "v2mom")
        };
    }

    /// The text of each language's messages, in the order of [`Lang::ALL`].
    static SOURCES: [&str; 2] = [files!("en"), files!("de")];

    static BUNDLES: LazyLock<Vec<Bundle>> = LazyLock::new(|| {
        Lang::ALL
            .into_iter()
            .map(|lang| bundle(lang, source(lang).to_owned()))
            .collect()
    });

    /// `/i18n/<lang>.<hash>.ftl` for each language: the name changes with the text, so
    /// browsers may keep it for a year.
    static PATHS: LazyLock<Vec<String>> = LazyLock::new(|| {
        Lang::ALL
            .into_iter()
            .map(|lang| {
                let hash = hex::encode(Sha256::digest(source(lang)));
                format!("/i18n/{}.{}.ftl", lang.code(), &hash[..16])
            })
            .collect()
    });

    fn index(lang: Lang) -> usize {
        Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
    }

    pub(super) fn loaded(lang: Lang) -> Option<&'static Bundle> {
        BUNDLES.get(index(lang))
    }

    /// The text of `lang`'s messages, as the browser fetches it.
    pub fn source(lang: Lang) -> &'static str {
        SOURCES[index(lang)]
    }

    /// Where the browser fetches `lang`'s messages.
    pub fn path(lang: Lang) -> &'static str {
        &PATHS[index(lang)]
    }
}

#[cfg(not(feature = "ssr"))]
mod browser {
    use super::{Bundle, bundle};
    use std::sync::OnceLock;

    static PAGE: OnceLock<Bundle> = OnceLock::new();

    /// Takes the page language's messages (called by `hydrate`, before anything renders).
    pub fn load_page_messages(source: String) {
        let _ = PAGE.set(bundle(crate::i18n::language(), source));
    }

    /// The page's messages, whichever language is asked for: a page shows one.
    pub(super) fn loaded(_: super::Lang) -> Option<&'static Bundle> {
        PAGE.get()
    }
}
