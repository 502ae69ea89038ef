//! Types shared by server and browser. Plain data: no I/O here.

mod api_key;
mod audit;
mod check_in;
pub mod diff;
mod events;
mod home;
mod import;
mod live;
mod measure;
mod organisation;
pub mod progress;
mod scope;
mod second_factor;
pub mod sso;
mod status;
mod topics;
mod tracking;
mod user;
pub mod v2mom;
mod v2mom_edit;
mod v2mom_ops;
mod v2mom_read;
mod v2mom_status;
pub mod validate;

pub use api_key::*;
pub use audit::*;
pub use check_in::*;
pub use events::*;
pub use home::*;
pub use import::*;
pub use live::*;
pub use measure::*;
pub use organisation::*;
pub use scope::*;
pub use second_factor::*;
pub use status::*;
pub use topics::*;
pub use tracking::*;
pub use user::*;
pub use v2mom::*;
pub use v2mom_edit::*;
pub use v2mom_ops::*;
pub use v2mom_read::*;
pub use v2mom_status::*;

/// Percent-encodes everything but unreserved characters, for a value inside a URL.
pub fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A V2MOM's title as lists and links show it: "(untitled)" until it has one (in the
/// current language).
pub fn shown_title(title: &str) -> String {
    shown_title_in(crate::i18n::language(), title)
}

/// [`shown_title`] in `lang` (a mail to someone who reads another language).
pub fn shown_title_in(lang: crate::i18n::Lang, title: &str) -> String {
    if title.trim().is_empty() {
        crate::i18n::text(lang, "model-untitled")
    } else {
        title.to_owned()
    }
}

/// The day of an RFC 3339 time in UTC, `YYYY-MM-DD`.
pub fn display_date(rfc3339: &str) -> String {
    rfc3339.get(..10).unwrap_or(rfc3339).to_owned()
}

/// How many pages `total` items fill at `per_page` a page (at least one).
pub fn page_count(total: i64, per_page: u32) -> u32 {
    let per_page = i64::from(per_page.max(1));
    u32::try_from((total + per_page - 1) / per_page)
        .unwrap_or(u32::MAX)
        .max(1)
}

/// Where to go after signing in: a path on this site, or `/`. Refuses anything a browser
/// could read as another origin (`//host`, `/\host`, schemes, control characters), and
/// anything not ASCII (real paths arrive percent-encoded; others cannot be a header).
pub fn safe_next(next: Option<&str>) -> String {
    let Some(next) = next.map(str::trim) else {
        return "/".into();
    };
    let local = next.is_ascii()
        && next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control() || c == '\\');
    if local { next.to_owned() } else { "/".into() }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_survive() {
        for (given, want) in [
            (Some("/team?x=1"), "/team?x=1"),
            (Some("/"), "/"),
            (None, "/"),
            (Some(""), "/"),
            (Some("https://evil.example/"), "/"),
            (Some("//evil.example"), "/"),
            (Some("/\\evil.example"), "/"),
            (Some("/\\/evil.example"), "/"),
            (Some("javascript:alert(1)"), "/"),
            (Some("/ok\n/evil"), "/"),
            (Some("evil.example"), "/"),
            (Some("/naïve"), "/"),
            (Some("/na%C3%AFve"), "/na%C3%AFve"),
        ] {
            assert_eq!(safe_next(given), want, "{given:?}");
        }
    }
}
