//! tower-sessions saves a changed session after the handler has answered; when the database
//! fails just then, it replaces the answer with a bare 500 of its own. The session store
//! notes such a failure on the request (`serving`), and this layer, just outside the
//! session layer, answers what every other part of a request answers while the database is
//! away: 503 with `Retry-After`, logged as a warning once and counted.

use crate::server::{errors::database_away, serving::Serving};
use axum::{
    extract::Request,
    middleware::Next,
    response::{IntoResponse, Response},
};
use http::StatusCode;

pub async fn unavailable_not_500(request: Request, next: Next) -> Response {
    let serving = request.extensions().get::<Serving>().cloned();
    let response = next.run(request).await;
    match serving {
        Some(serving)
            if response.status() == StatusCode::INTERNAL_SERVER_ERROR
                && serving.session_store_failed() =>
        {
            database_away(&"the session store failed to save the session").into_response()
        }
        _ => response,
    }
}
