//! Versions on the wire: a V2MOM's `ETag` is its version, `If-None-Match` answers 304 when it
//! is unchanged, and a write names the version it started from in `If-Match` (RFC 9110 §13).

use super::problem::ApiError;
use crate::{error::AppError, model::V2mom, server::entity_tags::Listed};
use axum::{
    Json,
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, IntoResponseParts, Response, ResponseParts},
};

/// The `ETag` header of a V2MOM: its version, as a strong tag.
pub struct ETag(i64);

impl ETag {
    pub fn of(v2mom: &V2mom) -> ETag {
        ETag(v2mom.version)
    }

    fn value(&self) -> HeaderValue {
        HeaderValue::from_str(&format!("\"{}\"", self.0))
            .unwrap_or(HeaderValue::from_static("\"0\""))
    }
}

impl IntoResponseParts for ETag {
    type Error = std::convert::Infallible;

    fn into_response_parts(self, mut res: ResponseParts) -> Result<ResponseParts, Self::Error> {
        res.headers_mut().insert(header::ETAG, self.value());
        Ok(res)
    }
}

/// The versions a precondition header names: `Some(None)` for `*`, else the versions named by
/// strong tags (weak ones never match a write, and mean the same version for a read).
fn listed(
    headers: &HeaderMap,
    name: header::HeaderName,
    weak_too: bool,
) -> Option<Option<Vec<i64>>> {
    Some(match Listed::read(headers, &name)? {
        Listed::Any => None,
        Listed::Tags(tags) => Some(
            tags.into_iter()
                .filter(|tag| weak_too || !tag.weak)
                .filter_map(|tag| tag.opaque.parse().ok())
                .collect(),
        ),
    })
}

/// The V2MOM with its `ETag`, or 304 when `If-None-Match` names its version.
pub fn fresh_or_not_modified(headers: &HeaderMap, v2mom: V2mom) -> Response {
    let unchanged = match listed(headers, header::IF_NONE_MATCH, true) {
        None => false,
        Some(None) => true,
        Some(Some(versions)) => versions.contains(&v2mom.version),
    };
    if unchanged {
        (StatusCode::NOT_MODIFIED, ETag::of(&v2mom), ()).into_response()
    } else {
        (ETag::of(&v2mom), Json(v2mom)).into_response()
    }
}

/// Whether a write must name the version it starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfMatch {
    /// 428 without `If-Match`.
    Required,
    /// Without `If-Match` the write starts from the current version.
    Optional,
}

/// The version a write starts from, and whether the caller named it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Start {
    pub version: i64,
    named: bool,
}

impl Start {
    /// The answer to a write that lost the race to another: 412 when the caller named the
    /// version it started from, the domain's 409 when it did not.
    pub fn lost(self, error: AppError) -> ApiError {
        if self.named {
            stale_is_412(error)
        } else {
            error.into()
        }
    }
}

/// The version a write starts from, from `If-Match` and the V2MOM's `current` version: 412
/// when the header names another version; without one, 428 if it is required.
pub fn start(headers: &HeaderMap, current: i64, if_match: IfMatch) -> Result<Start, ApiError> {
    if if_match == IfMatch::Optional && !headers.contains_key(header::IF_MATCH) {
        return Ok(Start {
            version: current,
            named: false,
        });
    }
    let named = |version| Start {
        version,
        named: true,
    };
    match listed(headers, header::IF_MATCH, false) {
        None => Err(ApiError::with_status(
            AppError::Refused {
                reason: "Send the V2MOM's ETag in If-Match, so that nobody's change is lost."
                    .into(),
            },
            StatusCode::PRECONDITION_REQUIRED,
        )),
        Some(None) => Ok(named(current)),
        Some(Some(versions)) if versions.contains(&current) => Ok(named(current)),
        Some(Some(_)) => Err(stale_is_412(AppError::Conflict)),
    }
}

/// A write that lost the race to another (409 in the pages) is a failed precondition here.
fn stale_is_412(error: AppError) -> ApiError {
    match error {
        AppError::Conflict => ApiError::with_status(
            AppError::Refused {
                reason: "Someone saved a change since the version you named. Read it again.".into(),
            },
            StatusCode::PRECONDITION_FAILED,
        ),
        other => other.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(name: header::HeaderName, value: &'static str) -> HeaderMap {
        let mut map = HeaderMap::new();
        map.insert(name, HeaderValue::from_static(value));
        map
    }

    #[test]
    fn if_match_names_a_strong_version_or_anything() {
        let version = |v| {
            start(&headers(header::IF_MATCH, v), 3, IfMatch::Required)
                .map(|s| s.version)
                .map_err(|e| e.status)
        };
        assert_eq!(version("\"3\""), Ok(3));
        assert_eq!(version("\"2\", \"3\""), Ok(3));
        assert_eq!(version("*"), Ok(3));
        assert_eq!(version("\"2\""), Err(Some(StatusCode::PRECONDITION_FAILED)));
        assert_eq!(
            version("W/\"3\""),
            Err(Some(StatusCode::PRECONDITION_FAILED))
        );
        assert_eq!(version("3"), Err(Some(StatusCode::PRECONDITION_FAILED)));
        assert_eq!(
            start(&HeaderMap::new(), 3, IfMatch::Required).map_err(|e| e.status),
            Err(Some(StatusCode::PRECONDITION_REQUIRED))
        );
        assert_eq!(
            start(&HeaderMap::new(), 3, IfMatch::Optional)
                .map(|s| s.version)
                .map_err(|e| e.status),
            Ok(3)
        );
    }
}
