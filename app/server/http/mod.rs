//! The HTTP application: routes and the tower layers every response passes through.

pub mod assets;
mod audit_export;
mod caching;
mod csrf;
mod health;
pub mod language;
mod live;
mod observe;
mod page_etag;
mod panic;
mod personal_data;
mod precompressed;
mod request_id;
mod security;
mod session_actor;
mod session_guard;
mod setup_gate;
pub mod split;
mod sso;
mod v2mom_export;

use super::{config::Config, db::Db, state::AppState};
use crate::app::{App, shell};
use axum::{
    Router,
    extract::{Request, State},
    middleware,
    response::Response,
    routing::{get, post},
};
use futures_util::future::BoxFuture;
use http::{StatusCode, Uri};
use leptos_axum::{
    AxumRouteListing, LeptosRoutes, file_and_error_handler_with_context, generate_route_list,
};
use std::sync::Arc;
use tower::ServiceBuilder;
use tower_http::{
    compression::CompressionLayer,
    limit::RequestBodyLimitLayer,
    request_id::{PropagateRequestIdLayer, SetRequestIdLayer},
    timeout::TimeoutLayer,
};

/// The whole application: pages, server functions, static files, health probes.
pub fn router(state: AppState) -> Router {
    let config = state.config.clone();
    let setup_gate = Arc::new(setup_gate::SetupGate::new(state.db.clone()));
    let shell_options = state.leptos_options.clone();
    let shell = move || shell(shell_options.clone());
    let routes = route_list();
    let state_for_api = state.clone();
    let db = state.db.clone();
    let api_limits = super::rest::Limits::new(config.settings.api_rate_limit_per_minute);
    assets::prepare();

    let pages = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/events", get(live::events))
        .route("/admin/audit/{format}", get(audit_export::export))
        .merge(v2mom_export::routes())
        .route(personal_data::PATH, get(personal_data::download))
        .route("/auth/sso/{slug}", post(sso::start))
        .route("/auth/sso/{slug}/link", post(sso::start_link))
        .route("/auth/sso/{slug}/callback", get(sso::callback))
        .leptos_routes_with_context(
            &state,
            routes,
            security::provide_request_nonce,
            shell.clone(),
        )
        .route("/pkg/{*file}", get(assets::bundle))
        .route("/i18n/{file}", get(assets::messages))
        .fallback(site_file_or_not_found(shell))
        .with_state(state.clone())
        .layer(middleware::from_fn_with_state(
            state.clone(),
            sso::allow_provider_forms,
        ))
        .layer(middleware::from_fn_with_state(state, language::resolve))
        .layer(middleware::from_fn_with_state(
            setup_gate,
            setup_gate::redirect_until_set_up,
        ));
    // After the session layer and the setup gate: the API reads no cookie and makes no
    // session, and answers in JSON even before setup.
    let app = with_sessions(pages, &db, &config)
        .nest("/api/v1", super::rest::router(state_for_api, api_limits));
    with_layers(app, &config)
}

/// The fallback: a file of the site root (`favicon.ico`), else the not-found page.
/// (leptos_axum's own file handler is only the page: its file branch renders under the
/// reactive owner current on the thread, which can carry another request's status.)
fn site_file_or_not_found<IV: leptos::IntoView + 'static>(
    shell: impl Fn() -> IV + Clone + Send + 'static,
) -> impl Fn(Uri, State<AppState>, Request) -> BoxFuture<'static, Response> + Clone + Send + 'static
{
    let not_found = file_and_error_handler_with_context::<AppState, _>(
        security::provide_request_nonce,
        move |_| shell(),
    );
    move |uri, State(state), req| {
        let not_found = not_found.clone();
        Box::pin(async move {
            let (parts, body) = req.into_parts();
            match assets::site_file(&state, &parts).await {
                Some(file) => file,
                None => not_found(uri, State(state), Request::from_parts(parts, body)).await,
            }
        })
    }
}

/// Wraps `router` in the session layer (tower-sessions on the database) and, just outside
/// it, the guard that turns its bare 500 on a failed save into a 503. Public so tests can
/// put the same around routes that misbehave on purpose.
pub fn with_sessions(router: Router, db: &Db, config: &Config) -> Router {
    router
        .layer(super::auth::session_layer(db, config))
        .layer(middleware::from_fn(session_guard::unavailable_not_500))
}

/// The application's routes, generated once per process. Generating runs the app with
/// resource loading switched off by a process-wide flag (leptos_server's
/// `SuppressResourceLoad`): a resource first polled meanwhile, in any server of the process,
/// would wait forever (leptos-rs/leptos#4773). Once, before any router exists, nothing can be
/// rendering yet. (Tests start many servers in one process.)
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The paths of the application's pages, as the router matches them (`/v2moms/{id}`).
/// A test keeps the browser's accessibility check (`end2end/tests/pages.json`) equal to it.
pub fn page_paths() -> Vec<String> {
    route_list().iter().map(|r| r.path().to_owned()).collect()
}

/// Wraps any router in the layers of the real application, outermost first. Public so tests
/// can put the same stack around routes that misbehave on purpose.
pub fn with_layers(router: Router, config: &Config) -> Router {
    let security = Arc::new(security::Policy::new(config));
    let csrf = Arc::new(csrf::Guard::new(config));
    let access_log = Arc::new(observe::AccessLog::new(config.settings.access_log_sample));
    router.layer(
        ServiceBuilder::new()
            .layer(middleware::map_request(request_id::drop_unusable))
            .layer(SetRequestIdLayer::x_request_id(request_id::MakeId))
            .layer(PropagateRequestIdLayer::x_request_id())
            .layer(request_id::trace_layer())
            .layer(middleware::from_fn(request_id::remember))
            .layer(middleware::from_fn_with_state(access_log, observe::observe))
            .layer(middleware::from_fn_with_state(security, security::apply))
            .layer(middleware::from_fn(caching::cache_control))
            .layer(middleware::from_fn(panic::catch))
            .layer(CompressionLayer::new())
            // Inside compression: it hashes and rewrites the page as rendered.
            .layer(middleware::from_fn(page_etag::for_visitors))
            .layer(TimeoutLayer::with_status_code(
                StatusCode::REQUEST_TIMEOUT,
                config.request_timeout(),
            ))
            .layer(middleware::from_fn_with_state(csrf, csrf::guard))
            .layer(RequestBodyLimitLayer::new(config.settings.body_limit)),
    )
}
