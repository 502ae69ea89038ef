//! Server side of [`AppError`]: logging internal causes, HTTP statuses, plain responses.

use super::{
    db::faults,
    metrics::DATABASE_UNAVAILABLE_TOTAL,
    serving::{current_request_id, first_unavailable_report},
};
use crate::error::AppError;
use axum::{
    Json,
    response::{IntoResponse, Response},
};
use http::{HeaderValue, StatusCode, header::RETRY_AFTER, request::Parts};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// Logs an internal failure with the request id and returns the generic error the client
/// sees. Use it wherever a database, I/O or other internal error would otherwise escape.
///
/// The database being away or busy (see [`faults`]) is no fault of ours: the client is told
/// to come back ([`AppError::Unavailable`], 503), and the request is logged as a warning and
/// counted in [`DATABASE_UNAVAILABLE_TOTAL`] once, however many of its parts failed. Anything
/// else is an error (500).
pub fn internal<E: std::fmt::Display + 'static>(cause: E) -> AppError {
    let request_id = current_request_id().unwrap_or_else(|| "none".into());
    if faults::is_unavailable(&cause) {
        return database_away(&cause);
    }
    tracing::error!(%request_id, error = %cause, "internal error");
    AppError::Internal { request_id }
}

/// The database is away: logged as a warning and counted once per request, however many of
/// its parts noticed; the client is told to come back (503).
pub fn database_away(cause: &dyn std::fmt::Display) -> AppError {
    let request_id = current_request_id().unwrap_or_else(|| "none".into());
    if first_unavailable_report() {
        tracing::warn!(%request_id, error = %cause, "database unavailable");
        metrics::counter!(DATABASE_UNAVAILABLE_TOTAL).increment(1);
    }
    AppError::Unavailable { request_id }
}

/// "Not now" for a request the server is too busy to take; the caller logs why.
pub fn unavailable() -> AppError {
    AppError::Unavailable {
        request_id: current_request_id().unwrap_or_else(|| "none".into()),
    }
}

pub fn request_id_of(headers: &http::HeaderMap) -> Option<String> {
    headers
        .get(REQUEST_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// Sets the HTTP status (and Retry-After) of the Leptos response being built. A plain
/// HTML form post (no JavaScript yet) is left alone: Leptos answers it by redirecting back
/// to the form, which an error status would replace with a bare JSON page. So is a page
/// that is already redirecting (someone who must set up a second factor first).
pub fn set_response_status(error: &AppError) {
    let Some(response) = use_context::<ResponseOptions>() else {
        return;
    };
    let redirecting = response
        .0
        .read()
        .ok()
        .and_then(|parts| parts.status)
        .is_some_and(|status| status.is_redirection());
    if is_plain_form_post() || redirecting {
        return;
    }
    response.set_status(status_of(error));
    if let Some(secs) = error.retry_after_secs() {
        response.insert_header(RETRY_AFTER, HeaderValue::from(secs));
    }
}

/// Whether this request is a browser's own form post (no JavaScript): the answer should
/// then be a page (a redirect), not data.
pub fn is_plain_form_post() -> bool {
    use_context::<Parts>().is_some_and(|parts| {
        parts.method == http::Method::POST
            && parts
                .headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|accept| accept.contains("text/html"))
    })
}

fn status_of(error: &AppError) -> StatusCode {
    StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// Plain axum handlers and middleware answer with the same JSON body server functions use,
/// plus a human-readable `message`.
impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut body = serde_json::to_value(&self).unwrap_or_default();
        body["message"] = self.to_string().into();
        let mut response = (status_of(&self), Json(body)).into_response();
        if let Some(secs) = self.retry_after_secs() {
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::db::DbError;
    use metrics::{
        Counter, CounterFn, Gauge, Histogram, Key, KeyName, Metadata, Recorder, SharedString, Unit,
    };
    use std::{
        io::Write,
        sync::{
            Arc, Mutex,
            atomic::{AtomicU64, Ordering},
        },
    };

    /// Counts [`DATABASE_UNAVAILABLE_TOTAL`] and nothing else.
    #[derive(Default)]
    struct Unavailable(Arc<AtomicU64>);

    struct Count(Arc<AtomicU64>);

    impl CounterFn for Count {
        fn increment(&self, n: u64) {
            self.0.fetch_add(n, Ordering::Relaxed);
        }
        fn absolute(&self, n: u64) {
            self.0.store(n, Ordering::Relaxed);
        }
    }

    impl Recorder for Unavailable {
        fn describe_counter(&self, _: KeyName, _: Option<Unit>, _: SharedString) {}
        fn describe_gauge(&self, _: KeyName, _: Option<Unit>, _: SharedString) {}
        fn describe_histogram(&self, _: KeyName, _: Option<Unit>, _: SharedString) {}
        fn register_counter(&self, key: &Key, _: &Metadata<'_>) -> Counter {
            if key.name() == DATABASE_UNAVAILABLE_TOTAL {
                Counter::from_arc(Arc::new(Count(self.0.clone())))
            } else {
                Counter::noop()
            }
        }
        fn register_gauge(&self, _: &Key, _: &Metadata<'_>) -> Gauge {
            Gauge::noop()
        }
        fn register_histogram(&self, _: &Key, _: &Metadata<'_>) -> Histogram {
            Histogram::noop()
        }
    }

    #[derive(Clone, Default)]
    struct Log(Arc<Mutex<Vec<u8>>>);

    impl Write for Log {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().write(buf)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// Runs `serve` on this thread; what it logged, and how often it counted the database
    /// unavailable.
    fn observe(serve: impl std::future::Future<Output = ()>) -> (String, u64) {
        let log = Log::default();
        let writer = log.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        let recorder = Unavailable::default();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        tracing::subscriber::with_default(subscriber, || {
            metrics::with_local_recorder(&recorder, || runtime.block_on(serve))
        });
        let text = String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
        (text, recorder.0.load(Ordering::Relaxed))
    }

    fn serving(id: &str, serve: impl std::future::Future<Output = ()>) -> impl Future<Output = ()> {
        crate::server::serving::scope(crate::server::serving::Serving::new(id.into()), serve)
    }

    #[test]
    fn the_database_away_is_one_warning_and_one_count_per_request() {
        let (log, count) = observe(async {
            serving("first", async {
                // A page whose two parts both found the database away.
                for _ in 0..2 {
                    let error = internal(DbError::PoolTimedOut);
                    assert_eq!(
                        error,
                        AppError::Unavailable {
                            request_id: "first".into()
                        }
                    );
                }
            })
            .await;
            serving("second", async {
                internal(DbError::PoolClosed);
            })
            .await;
        });
        assert_eq!(log.matches(" WARN ").count(), 2, "{log}");
        assert!(log.contains("request_id=first"), "{log}");
        assert!(log.contains("request_id=second"), "{log}");
        assert!(!log.contains("ERROR"), "{log}");
        assert_eq!(count, 2);
    }

    #[test]
    fn other_faults_are_internal_errors_and_not_counted() {
        let (log, count) = observe(serving("third", async {
            let error = internal(DbError::RowNotFound);
            assert_eq!(
                error,
                AppError::Internal {
                    request_id: "third".into()
                }
            );
        }));
        assert_eq!(log.matches(" ERROR ").count(), 1, "{log}");
        assert!(!log.contains("WARN"), "{log}");
        assert_eq!(count, 0);
    }
}
