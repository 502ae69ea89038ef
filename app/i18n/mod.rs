//! The interface's languages: every text a person reads is a Fluent message in
//! `app/locales/<language>/*.ftl`, looked up by its id.
//!
//! Why Fluent, not leptos-fluent or leptos_i18n: Fluent is a format translators know, and
//! plural rules, selectors and arguments live in the translation, not in the code; the
//! messages are plain text files the server (pages, mails, errors) and the browser look up
//! alike, without a generated type per key or ICU data in the bundle, through one function,
//! [`t`] (and [`t_with`]), everywhere: in views, the model's labels, the domain layer's
//! refusals; mails name the recipient's language ([`text`]). leptos-fluent was tried first
//! and left out: its macros make each text a reactive signal so the language can change in
//! place, which nothing here needs (the server picks the language; choosing another reloads
//! the page), and they made the browser's bundle larger, its language detection in the
//! browser cannot express the person's own setting, and two ways to look a text up (a macro
//! in views, a function elsewhere) would be one too many. The browser fetches only its
//! page's language (`messages`).
//!
//! Which language a page is in is decided once per request on the server
//! (`server::http::language`): the person's own setting, else the browser's
//! `Accept-Language`, else the installation's `default_language`. The page carries it in
//! `<html lang>`, where the browser's copy of the app reads it when it starts.

#[cfg(not(feature = "ssr"))]
mod browser;
mod format;
mod messages;

#[cfg(not(feature = "ssr"))]
pub use browser::read_page_language;
pub use format::{date, date_time, number, percent};
#[cfg(not(feature = "ssr"))]
pub use messages::load_page_messages;
#[cfg(feature = "ssr")]
pub use messages::{path as messages_path, source as messages_source};

use fluent_bundle::{FluentArgs, FluentValue};
use serde::{Deserialize, Serialize};

/// A language the interface is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Lang {
    #[default]
    En,
    De,
}

impl Lang {
    /// Every language, in the order a language menu lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::De];

    /// The BCP 47 tag (`<html lang>`, the stored setting).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// The language's name in itself, as a language menu shows it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
        }
    }

    /// The language a tag such as `de`, `de-AT` or `EN-gb` asks for, if it is one of ours.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(primary))
    }

    /// The first of ours an `Accept-Language` header asks for, by its quality values.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut asked: Vec<(f32, Lang)> = header
            .split(',')
            .filter_map(|entry| {
                let mut parts = entry.split(';');
                let lang = Lang::from_tag(parts.next()?)?;
                let quality = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                (quality > 0.0).then_some((quality, lang))
            })
            .collect();
        // Stable: among equal qualities the header's order decides.
        asked.sort_by(|a, b| b.0.total_cmp(&a.0));
        asked.first().map(|(_, lang)| *lang)
    }
}

/// The language of what is being rendered or answered now: on the server the request's
/// (the default outside a request: REST answers and files stay in English), in the browser
/// the page's.
pub fn language() -> Lang {
    #[cfg(feature = "ssr")]
    return crate::server::http::language::of_request();
    #[cfg(not(feature = "ssr"))]
    browser::page_language()
}

/// Message `key` in the current [`language`]: what views, labels and refusals show.
pub fn t(key: &str) -> String {
    text(language(), key)
}

/// [`t`] with arguments.
pub fn t_with(key: &str, args: &[(&'static str, Arg)]) -> String {
    text_with(language(), key, args)
}

/// Message `key` in `lang` (English when `lang` lacks it; a test keeps both complete).
pub fn text(lang: Lang, key: &str) -> String {
    messages::lookup(lang, key, None)
}

/// Message `key` in `lang` with its arguments (`{ $name }` in the message).
pub fn text_with(lang: Lang, key: &str, args: &[(&'static str, Arg)]) -> String {
    let args: FluentArgs = args
        .iter()
        .map(|(name, value)| (*name, value.to_fluent()))
        .collect();
    messages::lookup(lang, key, Some(&args))
}

/// An argument of a message: text shown as it is, or a number that plural rules select on.
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl Arg {
    fn to_fluent(&self) -> FluentValue<'static> {
        match self {
            Arg::Text(text) => FluentValue::from(text.clone()),
            Arg::Number(n) => FluentValue::from(*n),
        }
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(i32, i64, u32, u64, usize);

#[cfg(test)]
mod tests;
