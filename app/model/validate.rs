//! Form rules shared by browser (instant feedback) and server (the final word).

use crate::{
    error::FieldError,
    i18n::{t, t_with},
};

pub const MAX_NAME: usize = 200;
pub const MAX_EMAIL: usize = 254;
/// Words to search for: a search is text too, and obeys the same rule as what it finds.
pub const MAX_QUERY: usize = 200;

/// Collects the problems of one form, field by field.
#[derive(Debug, Default)]
pub struct Checks(Vec<FieldError>);

impl Checks {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn fail(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.to_owned(),
            message: message.into(),
        });
    }

    /// Required one-line text (a name, a title) of at most `max` characters after trimming.
    /// Returns the text as it is to be stored (see [`clean`]).
    #[must_use]
    pub fn text(&mut self, field: &str, value: &str, max: usize) -> String {
        self.checked(field, value, Shape::Line, Some(max), true)
    }

    /// One-line text that may be empty, of at most `max` characters.
    #[must_use]
    pub fn optional_text(&mut self, field: &str, value: &str, max: usize) -> String {
        self.checked(field, value, Shape::Line, Some(max), false)
    }

    /// Required text of several lines (a vision, a comment) of at most `max` characters.
    #[must_use]
    pub fn lines(&mut self, field: &str, value: &str, max: usize) -> String {
        self.checked(field, value, Shape::Lines, Some(max), true)
    }

    /// Text of several lines that may be empty, of at most `max` characters.
    #[must_use]
    pub fn optional_lines(&mut self, field: &str, value: &str, max: usize) -> String {
        self.checked(field, value, Shape::Lines, Some(max), false)
    }

    fn checked(
        &mut self,
        field: &str,
        value: &str,
        shape: Shape,
        max: Option<usize>,
        required: bool,
    ) -> String {
        let cleaned = match clean(value, shape) {
            Ok(cleaned) => cleaned,
            Err(problem) => {
                self.fail(field, problem);
                return value.to_owned();
            }
        };
        let length = cleaned.trim().chars().count();
        if required && length == 0 {
            self.fail(field, t("model-required"));
        } else if let Some(max) = max.filter(|max| length > *max) {
            self.fail(
                field,
                t_with("model-max-characters", &[("max", max.into())]),
            );
        }
        cleaned
    }

    /// A list of at most `max` items.
    pub fn count(&mut self, field: &str, count: usize, max: usize) -> &mut Self {
        if count > max {
            self.fail(field, t_with("model-max-items", &[("max", max.into())]));
        }
        self
    }

    /// Empty, or a real calendar date written `YYYY-MM-DD`.
    pub fn date(&mut self, field: &str, value: &str) -> &mut Self {
        if !value.trim().is_empty() && parse_date(value).is_none() {
            self.fail(field, t("model-date-format"));
        }
        self
    }

    /// Whether nothing failed so far.
    pub fn is_ok(&self) -> bool {
        self.0.is_empty()
    }

    /// A plausible email address: one `@`, something on both sides, a dot in the domain,
    /// no spaces. Delivery is what proves it; this only catches typos. Returns it trimmed,
    /// as it is to be stored.
    #[must_use]
    pub fn email(&mut self, field: &str, value: &str) -> String {
        let email = self.checked(field, value, Shape::Line, None, true);
        let email = email.trim();
        let plausible = email.chars().count() <= MAX_EMAIL
            && !email.chars().any(char::is_whitespace)
            && email.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            });
        if self.is_ok_for(field) && !email.is_empty() && !plausible {
            self.fail(field, t("model-email-format"));
        }
        email.to_owned()
    }

    /// Whether `field` has no problem so far (one message per field is enough).
    fn is_ok_for(&self, field: &str) -> bool {
        self.0.iter().all(|problem| problem.field != field)
    }

    pub fn add(&mut self, problem: Result<(), FieldError>) -> &mut Self {
        if let Err(problem) = problem {
            self.0.push(problem);
        }
        self
    }

    pub fn into_result(self) -> Result<(), crate::error::AppError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(crate::error::AppError::Invalid { fields: self.0 })
        }
    }
}

/// Whether a field holds one line (a name, a title) or paragraphs (a vision, a comment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Line,
    Lines,
}

/// The one rule for text a person sends, whatever the field, page or API: Unicode
/// normalised to NFC (so "é" typed two ways is one text, of one length), line breaks as
/// `\n`, and no control characters: not NUL (which PostgreSQL cannot store), not the
/// other C0/C1 controls, and tab and newline only in text of several lines. Returns the text
/// as it is to be stored, or what is wrong with it. (Rust strings are UTF-8 already; bytes
/// that are not become a 400 where the request is decoded.)
pub fn clean(value: &str, shape: Shape) -> Result<String, String> {
    let text = nfc(&value.replace("\r\n", "\n").replace('\r', "\n"));
    let allowed = |c: char| shape == Shape::Lines && matches!(c, '\n' | '\t');
    if text.chars().any(|c| c.is_control() && !allowed(c)) {
        return Err(t(match shape {
            Shape::Line => "model-text-one-line",
            Shape::Lines => "model-text-control-characters",
        }));
    }
    Ok(text)
}

/// NFC on the server, which has the final word. The browser's checks are a convenience
/// and go without the normalisation tables, which would only grow its download.
#[cfg(feature = "ssr")]
fn nfc(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfc().collect()
}

#[cfg(not(feature = "ssr"))]
fn nfc(text: &str) -> String {
    text.to_owned()
}

/// `(year, month, day)` of a real calendar date written `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<(u32, u32, u32)> {
    let mut parts = text.trim().splitn(3, '-');
    let mut number = |digits: usize| {
        parts
            .next()
            .filter(|p| p.len() == digits && p.bytes().all(|b| b.is_ascii_digit()))?
            .parse::<u32>()
            .ok()
    };
    let (year, month, day) = (number(4)?, number(2)?, number(2)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (year >= 1000 && (1..=days).contains(&day)).then_some((year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        for ok in ["a@b.co", "First.Last+tag@sub.example.org", "ü@exämple.de"] {
            let mut c = Checks::new();
            assert_eq!(c.email("email", &format!(" {ok} ")), ok);
            assert!(c.into_result().is_ok(), "{ok}");
        }
        for bad in [
            "", "plain", "a@b", "a b@c.de", "@c.de", "a@.de", "a@b.", "a@b@c.de", "a\0@b.de",
        ] {
            let mut c = Checks::new();
            let _ = c.email("email", bad);
            assert!(c.into_result().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn text_is_required_and_bounded() {
        let mut c = Checks::new();
        let _ = c.text("name", "  ", 5);
        let _ = c.text("title", "toolong", 5);
        assert_eq!(c.text("ok", "fine", 5), "fine");
        let err = c.into_result().unwrap_err();
        assert_eq!(err.field("name"), Some("Required."));
        assert_eq!(err.field("title"), Some("Use at most 5 characters."));
        assert_eq!(err.field("ok"), None);
    }

    #[test]
    fn one_rule_for_text() {
        assert_eq!(clean("a\r\nb\rc", Shape::Lines).unwrap(), "a\nb\nc");
        assert_eq!(clean("\tindented", Shape::Lines).unwrap(), "\tindented");
        for bad in ["nul\0", "bell\u{7}", "del\u{7f}", "c1\u{85}", "esc\u{1b}["] {
            assert!(clean(bad, Shape::Lines).is_err(), "{bad:?}");
            assert!(clean(bad, Shape::Line).is_err(), "{bad:?}");
        }
        for bad in ["tab\t", "two\nlines", "cr\r"] {
            assert!(clean(bad, Shape::Line).is_err(), "{bad:?}");
        }
        // Letters, marks, emoji and the invisible format characters people paste are text.
        let fine = "Zo\u{eb} \u{202e}\u{200d}\u{1f469}\u{200d}\u{1f4bb} \u{fe0f}";
        assert!(clean(fine, Shape::Line).is_ok());
    }

    #[test]
    fn lengths_are_counted_in_nfc_characters() {
        let decomposed = "e\u{301}".repeat(3);
        let mut c = Checks::new();
        assert_eq!(c.text("name", &decomposed, 3), "\u{e9}".repeat(3));
        assert!(c.is_ok());
        let _ = c.text("name", &"e\u{301}".repeat(4), 3);
        assert_eq!(
            c.into_result().unwrap_err().field("name"),
            Some("Use at most 3 characters.")
        );
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2028-02-29"), Some((2028, 2, 29)));
        for bad in [
            "2027-02-29",
            "2027-13-01",
            "2027-1-01",
            "27-01-01",
            "2027-01-32",
            "x",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
