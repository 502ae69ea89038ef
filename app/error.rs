//! The one error type that crosses the wire.
//!
//! Server functions and HTTP handlers return [`AppError`]. Its messages are written for the
//! person in front of the browser; internal causes (database, I/O) never appear in them: they
//! are logged on the server with the request id, and the client gets the id as a reference.

use crate::i18n::{Lang, text, text_with};
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A problem with one field of a submitted form, shown next to that field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AppError {
    Unauthenticated,
    /// One answer for an unknown email, a wrong password and a disabled account.
    BadCredentials,
    Forbidden,
    NotFound,
    Conflict,
    /// A rule of the organisation forbids the change; the reason says which.
    Refused {
        reason: String,
    },
    Invalid {
        fields: Vec<FieldError>,
    },
    BadRequest,
    PayloadTooLarge,
    TooManyRequests {
        retry_after_secs: u64,
    },
    /// The database is away or busy, or the server is overloaded: nothing is wrong with the
    /// request, and the same request should work in a moment.
    Unavailable {
        request_id: String,
    },
    Internal {
        request_id: String,
    },
    /// Only ever made in the browser: the server could not be reached or answered nonsense.
    Network,
}

/// The message in the [current](crate::i18n::language) language: the request's on the
/// server (English outside a request, so the REST API and logs stay English), the page's in
/// the browser.
impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_in(crate::i18n::language()))
    }
}

impl std::error::Error for AppError {}

/// `Retry-After` of a 503: long enough for a database restart or failover to be noticed,
/// short enough that people do not give up.
pub const UNAVAILABLE_RETRY_AFTER_SECS: u64 = 5;

/// A wait as people say it: "3 seconds", "5 minutes", "23 hours" (rounded up).
fn wait_text(lang: Lang, secs: u64) -> String {
    let (n, id) = match secs {
        0..60 => (secs.max(1), "wait-seconds"),
        60..3600 => (secs.div_ceil(60), "wait-minutes"),
        _ => (secs.div_ceil(3600), "wait-hours"),
    };
    text_with(lang, id, &[("count", n.into())])
}

impl AppError {
    /// What the person is told, in `lang` (the [`Display`](fmt::Display) text is this in the
    /// current language).
    pub fn message_in(&self, lang: Lang) -> String {
        let reference =
            |id: &str, request_id: &str| text_with(lang, id, &[("reference", request_id.into())]);
        match self {
            AppError::Unauthenticated => text(lang, "error-unauthenticated"),
            AppError::BadCredentials => text(lang, "error-bad-credentials"),
            AppError::Forbidden => text(lang, "error-forbidden"),
            AppError::NotFound => text(lang, "error-not-found"),
            AppError::Conflict => text(lang, "error-conflict"),
            AppError::Refused { reason } => reason.clone(),
            AppError::Invalid { .. } => text(lang, "error-invalid"),
            AppError::BadRequest => text(lang, "error-bad-request"),
            AppError::PayloadTooLarge => text(lang, "error-payload-too-large"),
            AppError::TooManyRequests { retry_after_secs } => text_with(
                lang,
                "error-too-many-requests",
                &[("wait", wait_text(lang, *retry_after_secs).into())],
            ),
            AppError::Unavailable { request_id } => reference("error-unavailable", request_id),
            AppError::Internal { request_id } => reference("error-internal", request_id),
            AppError::Network => text(lang, "error-network"),
        }
    }

    /// The HTTP status this error is answered with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::BadRequest => 400,
            AppError::Unauthenticated | AppError::BadCredentials => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Conflict | AppError::Refused { .. } => 409,
            AppError::PayloadTooLarge => 413,
            AppError::Invalid { .. } => 422,
            AppError::TooManyRequests { .. } => 429,
            AppError::Internal { .. } => 500,
            AppError::Unavailable { .. } | AppError::Network => 503,
        }
    }

    /// The message for one field of a form, when the error is about it.
    pub fn field(&self, name: &str) -> Option<&str> {
        match self {
            AppError::Invalid { fields } => fields
                .iter()
                .find(|f| f.field == name)
                .map(|f| f.message.as_str()),
            _ => None,
        }
    }

    /// The same error, naming field `from` as `to`: for a client that calls it differently.
    #[must_use]
    pub fn with_field_renamed(mut self, from: &str, to: &str) -> Self {
        if let AppError::Invalid { fields } = &mut self {
            for field in fields.iter_mut().filter(|f| f.field == from) {
                to.clone_into(&mut field.field);
            }
        }
        self
    }

    /// Reference to quote to an administrator, when there is one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            AppError::Internal { request_id } | AppError::Unavailable { request_id } => {
                Some(request_id)
            }
            _ => None,
        }
    }

    /// How long the client should wait before trying again (`Retry-After`), when the answer
    /// is "not now" rather than "no".
    pub fn retry_after_secs(&self) -> Option<u64> {
        match self {
            AppError::TooManyRequests { retry_after_secs } => Some(*retry_after_secs),
            AppError::Unavailable { .. } => Some(UNAVAILABLE_RETRY_AFTER_SECS),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // The arguments the client sent could not be decoded.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => AppError::BadRequest,
            // On the server this is the request body that could not be read: not UTF-8, cut
            // off, or over the body limit (the limit layer's error says "length limit").
            #[cfg(feature = "ssr")]
            ServerFnErrorErr::Deserialization(cause) if cause.contains("length limit") => {
                AppError::PayloadTooLarge
            }
            #[cfg(feature = "ssr")]
            ServerFnErrorErr::Deserialization(_) => AppError::BadRequest,
            #[cfg(feature = "ssr")]
            other => crate::server::errors::internal(other),
            #[cfg(not(feature = "ssr"))]
            _ => AppError::Network,
        }
    }

    /// Encoding happens inside the server function's request scope, which makes this the one
    /// place that turns every error into its HTTP status.
    fn ser(&self) -> leptos::server_fn::Bytes {
        #[cfg(feature = "ssr")]
        crate::server::errors::set_response_status(self);
        <Self::Encoder as leptos::server_fn::Encodes<Self>>::encode(self)
            .unwrap_or_else(|_| leptos::server_fn::Bytes::from_static(b"{\"kind\":\"network\"}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_error_message_carries_only_the_reference() {
        let err = AppError::Internal {
            request_id: "abc-123".into(),
        };
        assert_eq!(
            err.to_string(),
            "Something went wrong on our side. Reference: abc-123"
        );
        assert_eq!(err.status(), 500);
    }

    #[test]
    fn unavailable_is_503_with_a_reference_and_a_time_to_retry() {
        let err = AppError::Unavailable {
            request_id: "abc-123".into(),
        };
        assert_eq!(err.status(), 503);
        assert_eq!(err.request_id(), Some("abc-123"));
        assert_eq!(err.retry_after_secs(), Some(UNAVAILABLE_RETRY_AFTER_SECS));
        assert!(err.to_string().contains("temporarily unavailable"));
        assert!(err.to_string().ends_with("Reference: abc-123"));
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["kind"], "unavailable");
        assert_eq!(json["request_id"], "abc-123");
    }

    #[test]
    fn errors_round_trip_through_json() {
        let err = AppError::Invalid {
            fields: vec![FieldError {
                field: "vision".into(),
                message: "Required".into(),
            }],
        };
        let json = serde_json::to_string(&err).unwrap();
        assert_eq!(serde_json::from_str::<AppError>(&json).unwrap(), err);
    }

    #[test]
    fn a_throttled_request_says_how_long_to_wait() {
        let message = |secs| {
            AppError::TooManyRequests {
                retry_after_secs: secs,
            }
            .to_string()
        };
        assert_eq!(
            message(3),
            "Too many attempts. Please wait 3 seconds and try again."
        );
        assert!(message(1).contains("wait 1 second and"));
        assert!(message(61).contains("wait 2 minutes and"));
        assert!(message(3600).contains("wait 1 hour and"));
        assert!(message(86_000).contains("wait 24 hours and"));
    }

    #[test]
    fn the_wait_is_counted_in_the_reader_s_language() {
        let message = |secs| {
            AppError::TooManyRequests {
                retry_after_secs: secs,
            }
            .message_in(Lang::De)
        };
        assert!(
            message(1).contains("warten Sie 1 Sekunde und"),
            "{}",
            message(1)
        );
        assert!(message(3).contains("warten Sie 3 Sekunden und"));
        assert!(message(60).contains("warten Sie 1 Minute und"));
        assert!(message(300).contains("warten Sie 5 Minuten und"));
        assert!(message(3600).contains("warten Sie 1 Stunde und"));
        assert!(message(82_800).contains("warten Sie 23 Stunden und"));
        let internal = AppError::Internal {
            request_id: "abc-123".into(),
        };
        assert!(internal.message_in(Lang::De).ends_with("Referenz: abc-123"));
        let refused = AppError::Refused {
            reason: "Grund".into(),
        };
        assert_eq!(refused.message_in(Lang::De), "Grund");
    }

    #[test]
    fn undecodable_arguments_are_a_bad_request() {
        let err = AppError::from_server_fn_error(ServerFnErrorErr::Args("x".into()));
        assert_eq!(err.status(), 400);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn an_unreadable_body_is_the_client_s_fault_and_a_server_failure_is_not() {
        let from = AppError::from_server_fn_error;
        let not_utf8 = "invalid utf-8 sequence of 1 bytes from index 0";
        assert_eq!(
            from(ServerFnErrorErr::Deserialization(not_utf8.into())),
            AppError::BadRequest
        );
        let too_big = from(ServerFnErrorErr::Deserialization(
            "length limit exceeded".into(),
        ));
        assert_eq!(too_big, AppError::PayloadTooLarge);
        let failed = from(ServerFnErrorErr::ServerError("pool timed out".into()));
        assert_eq!(failed.status(), 500);
        assert!(!failed.to_string().contains("pool"), "{failed}");
    }
}
