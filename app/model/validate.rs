//! Form rules shared by browser (instant feedback) and server (the final word).

use crate::error::FieldError;

pub const MAX_NAME: usize = 200;
pub const MAX_EMAIL: usize = 254;

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

    /// Required text of at most `max` characters (after trimming).
    pub fn text(&mut self, field: &str, value: &str, max: usize) -> &mut Self {
        let length = value.trim().chars().count();
        if length == 0 {
            self.fail(field, "Required.");
        } else if length > max {
            self.fail(field, format!("Use at most {max} characters."));
        }
        self
    }

    /// Text that may be empty, of at most `max` characters.
    pub fn optional_text(&mut self, field: &str, value: &str, max: usize) -> &mut Self {
        if value.trim().chars().count() > max {
            self.fail(field, format!("Use at most {max} characters."));
        }
        self
    }

    /// A list of at most `max` items.
    pub fn count(&mut self, field: &str, count: usize, max: usize) -> &mut Self {
        if count > max {
            self.fail(field, format!("Use at most {max} items."));
        }
        self
    }

    /// Empty, or a real calendar date written `YYYY-MM-DD`.
    pub fn date(&mut self, field: &str, value: &str) -> &mut Self {
        if !value.trim().is_empty() && parse_date(value).is_none() {
            self.fail(field, "Enter a date as YYYY-MM-DD.");
        }
        self
    }

    /// Whether nothing failed so far.
    pub fn is_ok(&self) -> bool {
        self.0.is_empty()
    }

    /// A plausible email address: one `@`, something on both sides, a dot in the domain,
    /// no spaces. Delivery is what proves it; this only catches typos.
    pub fn email(&mut self, field: &str, value: &str) -> &mut Self {
        let value = value.trim();
        let plausible = value.chars().count() <= MAX_EMAIL
            && !value.chars().any(|c| c.is_whitespace() || c.is_control())
            && value.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            });
        if value.is_empty() {
            self.fail(field, "Required.");
        } else if !plausible {
            self.fail(field, "Enter an email address such as name@example.com.");
        }
        self
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
            c.email("email", ok);
            assert!(c.into_result().is_ok(), "{ok}");
        }
        for bad in [
            "", "plain", "a@b", "a b@c.de", "@c.de", "a@.de", "a@b.", "a@b@c.de",
        ] {
            let mut c = Checks::new();
            c.email("email", bad);
            assert!(c.into_result().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn text_is_required_and_bounded() {
        let mut c = Checks::new();
        c.text("name", "  ", 5)
            .text("title", "toolong", 5)
            .text("ok", "fine", 5);
        let err = c.into_result().unwrap_err();
        assert_eq!(err.field("name"), Some("Required."));
        assert_eq!(err.field("title"), Some("Use at most 5 characters."));
        assert_eq!(err.field("ok"), None);
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
