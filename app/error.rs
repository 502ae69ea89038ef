//! The one error type that crosses the wire.
//!
//! Server functions and HTTP handlers return [`AppError`]. Its messages are written for the
//! person in front of the browser; internal causes (database, I/O) never appear in them: they
//! are logged on the server with the request id, and the client gets the id as a reference.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

/// A problem with one field of a submitted form, shown next to that field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AppError {
    #[error("Please sign in to continue.")]
    Unauthenticated,
    /// One answer for an unknown email, a wrong password and a disabled account.
    #[error("The email or password is incorrect.")]
    BadCredentials,
    #[error("You are not allowed to do that.")]
    Forbidden,
    #[error("That page or item does not exist.")]
    NotFound,
    #[error("Someone else saved a change first.")]
    Conflict,
    /// A rule of the organisation forbids the change; the reason says which.
    #[error("{reason}")]
    Refused { reason: String },
    #[error("Please correct the highlighted fields.")]
    Invalid { fields: Vec<FieldError> },
    #[error("The request was not understood.")]
    BadRequest,
    #[error("The request is too large.")]
    PayloadTooLarge,
    #[error("Too many attempts. Please wait {} and try again.", wait_text(*.retry_after_secs))]
    TooManyRequests { retry_after_secs: u64 },
    /// The database is away or busy, or the server is overloaded: nothing is wrong with the
    /// request, and the same request should work in a moment.
    #[error(
        "The service is temporarily unavailable. Please try again in a moment. Reference: {request_id}"
    )]
    Unavailable { request_id: String },
    #[error("Something went wrong on our side. Reference: {request_id}")]
    Internal { request_id: String },
    /// Only ever made in the browser: the server could not be reached or answered nonsense.
    #[error("Could not reach the server. Check your connection and try again.")]
    Network,
}

/// `Retry-After` of a 503: long enough for a database restart or failover to be noticed,
/// short enough that people do not give up.
pub const UNAVAILABLE_RETRY_AFTER_SECS: u64 = 5;

/// A wait as people say it: "3 seconds", "5 minutes", "23 hours" (rounded up).
fn wait_text(secs: u64) -> String {
    let (n, unit) = match secs {
        0..60 => (secs.max(1), "second"),
        60..3600 => (secs.div_ceil(60), "minute"),
        _ => (secs.div_ceil(3600), "hour"),
    };
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

impl AppError {
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
