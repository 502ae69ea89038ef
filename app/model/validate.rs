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

    fn fail(&mut self, field: &str, message: impl Into<String>) {
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
}
