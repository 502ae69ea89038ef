//! Errors on `/api/v1` as `application/problem+json` (RFC 9457): the same [`AppError`] the
//! pages get, with a stable `type` per kind, the request id, and `errors` per field for 422.
//! Extractor rejections (a body that is not JSON, a path id that is not a number) answer the
//! same way, so a client never has to parse anything else.

use crate::{
    error::{AppError, FieldError},
    server::serving::current_request_id,
};
use axum::{
    Json,
    extract::{
        FromRequest, FromRequestParts, Request,
        rejection::{JsonRejection, PathRejection, QueryRejection},
    },
    response::{IntoResponse, Response},
};
use http::{HeaderValue, StatusCode, header, request::Parts};
use serde::{Serialize, de::DeserializeOwned};
use utoipa::ToSchema;

/// A problem, as the API answers every error.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A stable identifier of the kind of problem: a link to its description.
    #[schema(example = "/api/v1/docs#problem-not-found")]
    pub r#type: String,
    /// What went wrong, the same for every problem of this type.
    pub title: String,
    /// The HTTP status, repeated.
    pub status: u16,
    /// What went wrong this time, for a person to read.
    pub detail: String,
    /// Quote it to an administrator: the server's log has the details.
    pub request_id: Option<String>,
    /// For 422: what is wrong with which field.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
}

/// One field that was refused. `field` names it as the web form does (`methods[0][title]`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

/// An [`AppError`] on its way out of the API; `status` overrides the usual one where HTTP
/// has a more precise word (412 for a stale `If-Match`, 415 for a body that is not JSON).
#[derive(Debug)]
pub struct ApiError {
    pub error: AppError,
    pub status: Option<StatusCode>,
}

pub type ApiResult<T> = Result<T, ApiError>;

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        ApiError {
            error,
            status: None,
        }
    }
}

impl ApiError {
    pub fn with_status(error: AppError, status: StatusCode) -> Self {
        ApiError {
            error,
            status: Some(status),
        }
    }
}

/// Every problem type: its `type` slug, title, and what it means (the reference page lists
/// them under `#problem-<slug>`).
pub const TYPES: [(&str, &str, &str); 15] = [
    (
        "bad-request",
        "Bad request",
        "A path or query parameter, or the JSON itself, could not be read.",
    ),
    (
        "unauthenticated",
        "A valid API key is needed",
        "No `Authorization: Bearer` key, or one that is unknown, expired or revoked, or whose user is disabled.",
    ),
    (
        "forbidden",
        "Not allowed",
        "The key's user may not do this, or the key lacks the scope for it.",
    ),
    (
        "not-found",
        "Not found",
        "Nothing is there, or nothing the caller may read.",
    ),
    (
        "conflict",
        "Conflict",
        "Someone changed it at the same time; read it again and retry.",
    ),
    (
        "refused",
        "Refused by a rule",
        "A rule of the product forbids the change; `detail` says which.",
    ),
    (
        "precondition-failed",
        "The V2MOM changed since you read it",
        "`If-Match` names a version that is no longer current.",
    ),
    (
        "precondition-required",
        "Name the version you start from",
        "A replacement needs the `ETag` you read in `If-Match`.",
    ),
    (
        "payload-too-large",
        "Too large",
        "The request body is larger than the server accepts.",
    ),
    (
        "unsupported-media-type",
        "The body must be JSON",
        "Send `Content-Type: application/json`.",
    ),
    (
        "invalid",
        "Invalid fields",
        "`errors` lists each refused field with the reason.",
    ),
    (
        "rate-limited",
        "Too many requests",
        "The key made more requests this minute than allowed; wait `Retry-After` seconds.",
    ),
    (
        "unavailable",
        "Unavailable",
        "The server cannot serve this now (its database is away or busy); retry after `Retry-After` seconds; `request_id` finds the log line.",
    ),
    (
        "internal",
        "Internal error",
        "Something failed on the server; quote `request_id` to an administrator.",
    ),
    (
        "method-not-allowed",
        "Method not allowed",
        "This path does not take that method.",
    ),
];

/// The problem type of an error answered with `status`.
fn slug(error: &AppError, status: StatusCode) -> &'static str {
    match (status.as_u16(), error) {
        (405, _) => "method-not-allowed",
        (412, _) => "precondition-failed",
        (415, _) => "unsupported-media-type",
        (428, _) => "precondition-required",
        (_, AppError::Unauthenticated | AppError::BadCredentials) => "unauthenticated",
        (_, AppError::Forbidden) => "forbidden",
        (_, AppError::NotFound) => "not-found",
        (_, AppError::Conflict) => "conflict",
        (_, AppError::Refused { .. }) => "refused",
        (_, AppError::Invalid { .. }) => "invalid",
        (_, AppError::BadRequest) => "bad-request",
        (_, AppError::PayloadTooLarge) => "payload-too-large",
        (_, AppError::TooManyRequests { .. }) => "rate-limited",
        (_, AppError::Unavailable { .. } | AppError::Network) => "unavailable",
        (_, AppError::Internal { .. }) => "internal",
    }
}

/// What a person reads in `detail`: the error's own words, which never hold internal text,
/// except where the pages' words would not fit an API client.
fn detail(error: &AppError) -> String {
    match error {
        AppError::Unauthenticated => {
            "Send a valid API key as `Authorization: Bearer <key>`.".into()
        }
        other => other.to_string(),
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status.unwrap_or_else(|| {
            StatusCode::from_u16(self.error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
        });
        let slug = slug(&self.error, status);
        let title = TYPES
            .iter()
            .find(|(s, _, _)| *s == slug)
            .map_or("Error", |(_, title, _)| title);
        let errors = match &self.error {
            AppError::Invalid { fields } => fields
                .iter()
                .map(|FieldError { field, message }| FieldProblem {
                    field: field.clone(),
                    message: message.clone(),
                })
                .collect(),
            _ => Vec::new(),
        };
        let problem = Problem {
            r#type: format!("/api/v1/docs#problem-{slug}"),
            title: title.into(),
            status: status.as_u16(),
            detail: detail(&self.error),
            request_id: current_request_id(),
            errors,
        };
        let mut response = (status, Json(problem)).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let Some(secs) = self.error.retry_after_secs() {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        if self.error == AppError::Unauthenticated {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// A field refused with `message`, as a 422.
pub fn invalid(field: &str, message: &str) -> ApiError {
    AppError::Invalid {
        fields: vec![FieldError {
            field: field.into(),
            message: message.into(),
        }],
    }
    .into()
}

/// `axum::Json`, refusing as a problem: 415 without a JSON content type, 400 for JSON
/// that does not parse, 422 for JSON of the wrong shape.
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(value)) => Ok(Body(value)),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(ApiError::with_status(
                AppError::BadRequest,
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
            )),
            Err(JsonRejection::JsonDataError(e)) => {
                Err(invalid("body", &body_text(&e.body_text())))
            }
            Err(JsonRejection::BytesRejection(e))
                if e.status() == StatusCode::PAYLOAD_TOO_LARGE =>
            {
                Err(AppError::PayloadTooLarge.into())
            }
            Err(_) => Err(AppError::BadRequest.into()),
        }
    }
}

/// serde's own words about a body of the wrong shape name only the field and the expected
/// type; they are safe to show, but keep them short.
fn body_text(text: &str) -> String {
    let text = text
        .strip_prefix("Failed to deserialize the JSON body into the target type: ")
        .unwrap_or(text);
    text.chars().take(300).collect()
}

/// `axum::extract::Path`, refusing with a 400 problem (an id that is not a number).
pub struct PathOf<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for PathOf<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| PathOf(p.0))
            .map_err(|_: PathRejection| AppError::BadRequest.into())
    }
}

/// `axum::extract::Query`, refusing with a 400 problem (a number that is not one).
pub struct QueryOf<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for QueryOf<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| QueryOf(q.0))
            .map_err(|_: QueryRejection| AppError::BadRequest.into())
    }
}
