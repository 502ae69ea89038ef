//! Which language the request is answered in, worked out once before the app sees it: the
//! signed-in person's own setting, else the first of ours the browser's `Accept-Language`
//! asks for, else the installation's `default_language`. Pages render in it (`<html lang>`
//! included), and the messages of server functions' errors are written in it.

use crate::{
    i18n::Lang,
    server::{
        auth::{RequestUser, remembered_user},
        serving::{self, Serving},
        state::AppState,
    },
};
use axum::{
    extract::{Request, State},
    middleware::Next,
    response::Response,
};
use tower_sessions::Session;

/// The middleware: notes the language on the request's [`Serving`]. The signed-in person is
/// looked up through [`RequestUser`], so the page's own look-up costs nothing more.
pub async fn resolve(
    State(state): State<AppState>,
    session: Session,
    req: Request,
    next: Next,
) -> Response {
    let path = req.uri().path();
    let lang = if path.starts_with("/pkg/") || matches!(path, "/healthz" | "/readyz") {
        state.config.settings.default_language
    } else {
        let known = req.extensions().get::<RequestUser>().cloned();
        let own = match remembered_user(&state, &session, known).await {
            Ok(Some(user)) => user.language(),
            // No one signed in, or the database is away: the page says so in a moment, in
            // the browser's language.
            _ => None,
        };
        own.or_else(|| {
            req.headers()
                .get(http::header::ACCEPT_LANGUAGE)
                .and_then(|value| value.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or(state.config.settings.default_language)
    };
    if let Some(serving) = req.extensions().get::<Serving>() {
        serving.note_language(lang);
    }
    next.run(req).await
}

/// The language of the request being served: read through the task's own [`Serving`]
/// first, so a plain handler never finds another request's; English outside a page or
/// server function.
pub fn of_request() -> Lang {
    serving::current()
        .and_then(|serving| serving.language())
        .unwrap_or_default()
}
