//! Sessions and who is signed in.
//!
//! tower-sessions keeps the session data and the cookie; `user_sessions` records which
//! sessions are signed in as whom. A session counts as signed in only while its row exists,
//! so signing out elsewhere, "sign out everywhere" and disabling a user take effect on the
//! very next request, in every server process.

use super::{
    accounts::ThisSession,
    actor::Actor,
    audit::{Event, Origin},
    client_ip,
    config::Config,
    db::{Db, SessionStoreOnDb, UserRecord},
    errors::{internal, request_id_of},
    metrics::SESSIONS_CREATED_TOTAL,
    policy::{Action, Principal, authorize},
    state::AppState,
    transaction,
};
use crate::error::AppError;
use http::request::Parts;
use leptos::prelude::use_context;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use tower_sessions::{
    Expiry, Session, SessionManagerLayer,
    cookie::{SameSite, time},
};

const AUTH_KEY: &str = "auth";

mod ceremony;
mod second_step;
pub use crate::model::safe_next;
pub use ceremony::{keep_ceremony, take_ceremony};
pub use second_step::{
    FirstFactor, SECOND_STEP_SECS, complete_sign_in, first_factor_passed, first_factor_passed_on,
    half_signed_in, second_step_page,
};

/// What the session itself remembers about the sign-in.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct SignedIn {
    user_id: i64,
    /// Unix seconds; the absolute timeout counts from here.
    at: i64,
}

/// The session cookie: `__Host-` prefixed and Secure when the site is served over https
/// (plain-http development drops both, as browsers would refuse them), always HttpOnly and
/// SameSite=Lax, expiring after the idle timeout.
pub fn session_layer(db: &Db, config: &Config) -> SessionManagerLayer<SessionStoreOnDb> {
    let secure = config.serves_https();
    let idle = time::Duration::seconds(config.session_idle_timeout().as_secs() as i64);
    SessionManagerLayer::new(db.session_store())
        .with_name(if secure {
            "__Host-v2mom-session"
        } else {
            "v2mom-session"
        })
        .with_secure(secure)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(idle))
}

/// The host this request was sent to (its `Host` header), for what falls back to it when
/// no public URL is configured.
pub fn request_host() -> Option<String> {
    let parts = use_context::<Parts>()?;
    let host = parts.headers.get(http::header::HOST)?.to_str().ok()?;
    Some(host.to_owned())
}

/// Where the current request comes from, for the audit log and throttling: the client
/// address as [`client_ip::of_request`] finds it, and the request id.
pub fn request_origin() -> Origin {
    match (use_context::<Parts>(), use_context::<AppState>()) {
        (Some(parts), Some(state)) => origin_of(&parts, &state),
        _ => Origin::default(),
    }
}

/// [`request_origin`] for a request at hand (plain axum handlers).
pub fn origin_of(parts: &Parts, state: &AppState) -> Origin {
    Origin {
        client_ip: client_ip::of_request(parts, &state.config.trusted_proxies)
            .map(|ip| ip.to_string()),
        request_id: request_id_of(&parts.headers),
    }
}

fn user_agent(parts: &Parts) -> String {
    parts
        .headers
        .get(http::header::USER_AGENT)
        .and_then(|ua| ua.to_str().ok())
        .map(|ua| ua.chars().take(200).collect())
        .unwrap_or_default()
}

/// The id of this request's session, when it has one.
pub async fn current_session_id() -> Result<Option<String>, AppError> {
    Ok(session().await?.id().map(|id| id.to_string()))
}

/// This request's session as the account use cases need to know it.
pub async fn this_session() -> Result<ThisSession, AppError> {
    let session = session().await?;
    Ok(ThisSession {
        id: session.id().map(|id| id.to_string()),
        signed_in_for: signed_in_for(&session).await?,
    })
}

pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>().await.map_err(internal)
}

/// `user` as the policy sees them on a browser session (the whole of their role).
pub fn actor_of(user: &UserRecord) -> Principal {
    super::actor::principal_of(user, crate::model::Scopes::ALL)
}

/// Who is acting on this browser session, if anyone is signed in.
pub async fn current_actor(state: &AppState) -> Result<Option<Actor>, AppError> {
    let user = current_user(state).await?;
    Ok(user.map(|user| Actor::session(user, request_origin())))
}

/// The signed-in person acting on this browser session; 401 when nobody is, and a refusal
/// for someone who must set up a second factor first. The first line of a server function
/// whose use case needs someone signed in.
pub async fn signed_in(state: &AppState) -> Result<Actor, AppError> {
    let actor = signed_in_to_set_up_second_factor(state).await?;
    if super::second_factor::must_set_up(state, &actor.user).await? {
        return Err(super::second_factor::set_up_first());
    }
    Ok(actor)
}

/// [`signed_in`] for the one thing someone who must set up a second factor may do: set it
/// up (the security page's server functions).
pub async fn signed_in_to_set_up_second_factor(state: &AppState) -> Result<Actor, AppError> {
    current_actor(state).await?.ok_or(AppError::Unauthenticated)
}

/// The signed-in, active user of this request, if any. A session that has outlived the
/// absolute timeout, was signed out elsewhere or belongs to a disabled user is cleared.
/// Worked out once per request ([`RequestUser`]) however many server functions ask.
pub async fn current_user(state: &AppState) -> Result<Option<UserRecord>, AppError> {
    remembered_user(state, &session().await?, RequestUser::of_request()).await
}

/// [`current_user`] for a session and request at hand (a middleware): worked out once for
/// the request when `known` is its [`RequestUser`].
pub async fn remembered_user(
    state: &AppState,
    session: &Session,
    known: Option<RequestUser>,
) -> Result<Option<UserRecord>, AppError> {
    let Some(known) = known else {
        return user_of_session(state, session).await;
    };
    // The server functions of a page run at once: the first works it out, the others wait.
    // A failure is kept too: with the database away, the others answer at once instead of
    // each waiting for a connection in turn.
    let mut known = known.0.lock().await;
    if let Some(answer) = &*known {
        return answer.clone();
    }
    let answer = user_of_session(state, session).await;
    *known = Some(answer.clone());
    answer
}

/// Whom this request's session belongs to, once worked out: shared by every server function
/// the request runs (a page calls several) through the request's extensions, where the
/// request-id layer (`http::request_id::remember`) puts it. `None` inside: not worked out
/// yet. Signing in or out during the request forgets it.
#[derive(Clone, Default)]
pub struct RequestUser(Arc<tokio::sync::Mutex<Option<UserOfRequest>>>);

/// What [`current_user`] answered for the request.
type UserOfRequest = Result<Option<UserRecord>, AppError>;

impl RequestUser {
    fn of_request() -> Option<RequestUser> {
        super::serving::from_request()
    }

    /// Forgets who the request was for (the session just changed hands).
    async fn forget() {
        if let Some(known) = RequestUser::of_request() {
            *known.0.lock().await = None;
        }
    }
}

/// [`current_user`] for a session at hand (plain axum handlers extract it themselves).
pub async fn user_of_session(
    state: &AppState,
    session: &Session,
) -> Result<Option<UserRecord>, AppError> {
    let Some(signed_in) = session.get::<SignedIn>(AUTH_KEY).await.map_err(internal)? else {
        return Ok(None);
    };
    let age = chrono::Utc::now().timestamp() - signed_in.at;
    let fresh = age >= 0 && (age as u64) < state.config.session_absolute_timeout().as_secs();
    let user = match session.id() {
        Some(id) if fresh => match super::serving::take_session_user(id) {
            // Read with the session, in the same statement (`db/session_store.rs`).
            Some(user) => user.filter(|user| user.id == signed_in.user_id),
            None => state
                .db
                .user_of_session(&id.to_string(), signed_in.user_id)
                .await
                .map_err(internal)?,
        },
        _ => None,
    };
    match user.filter(UserRecord::is_active) {
        Some(user) => {
            super::serving::note_user(user.id);
            Ok(Some(user))
        }
        None => {
            forget(&state.db, session).await?;
            Ok(None)
        }
    }
}

/// The signed-in user of a session at hand (a plain handler), once the policy has allowed
/// them `action`. Server functions use [`signed_in`] and let the use case ask the policy.
pub async fn authorized_for(
    state: &AppState,
    session: &Session,
    action: Action,
) -> Result<UserRecord, AppError> {
    let user = user_of_session(state, session).await?;
    authorize(user.as_ref().map(actor_of).as_ref(), action)?;
    user.ok_or(AppError::Unauthenticated)
}

/// Signs `user` in on this session under a new session id, recording it in the audit log
/// (`auth.sign_in`, with how: password, invitation, setup, registration, sso:<provider>) in
/// one transaction. The account's failed attempts are forgotten with it, so its throttling
/// delays start afresh (the client address's count stays).
pub async fn sign_in(state: &AppState, user: &UserRecord, method: &str) -> Result<(), AppError> {
    let parts = use_context::<Parts>().unwrap_or_else(|| http::Request::new(()).into_parts().0);
    sign_in_on(state, &session().await?, &parts, user, method).await?;
    RequestUser::forget().await;
    Ok(())
}

/// [`sign_in`] for a session and request at hand (plain axum handlers).
pub async fn sign_in_on(
    state: &AppState,
    session: &Session,
    parts: &Parts,
    user: &UserRecord,
    method: &str,
) -> Result<(), AppError> {
    session.cycle_id().await.map_err(internal)?;
    let signed_in = SignedIn {
        user_id: user.id,
        at: chrono::Utc::now().timestamp(),
    };
    session
        .insert(AUTH_KEY, signed_in)
        .await
        .map_err(internal)?;
    session.save().await.map_err(internal)?;
    let id = session
        .id()
        .ok_or_else(|| internal("session has no id after save"))?;

    let origin = origin_of(parts, state);
    let (id, user_agent) = (id.to_string(), user_agent(parts));
    let event = Event::new("auth.sign_in")
        .by(user.id)
        .on(format!("user:{}", user.id))
        .with(serde_json::json!({ "method": method }));
    transaction::run(&state.db, async |tx| {
        tx.record_session(&id, user.id, origin.client_ip.as_deref(), &user_agent)
            .await?;
        tx.clear_auth_failures(&super::throttle::account_scope(&user.email))
            .await?;
        tx.audit(&origin, event.clone()).await?;
        Ok(())
    })
    .await?;
    // `sso:<slug>` counts as `sso`: one series per way in, not per provider.
    let way_in = method.split(':').next().unwrap_or(method).to_owned();
    metrics::counter!(SESSIONS_CREATED_TOTAL, "method" => way_in).increment(1);
    Ok(())
}

/// How long ago (in seconds) this session signed in; `None` when it is not signed in.
pub async fn signed_in_for(session: &Session) -> Result<Option<i64>, AppError> {
    Ok(session
        .get::<SignedIn>(AUTH_KEY)
        .await
        .map_err(internal)?
        .map(|s| chrono::Utc::now().timestamp() - s.at))
}

/// Signs this session out (audited when someone was signed in).
pub async fn sign_out(state: &AppState) -> Result<(), AppError> {
    let session = session().await?;
    let user_id = session
        .get::<SignedIn>(AUTH_KEY)
        .await
        .map_err(internal)?
        .map(|s| s.user_id);
    if let (Some(id), Some(user_id)) = (session.id(), user_id) {
        let (id, origin) = (id.to_string(), request_origin());
        transaction::run(&state.db, async |tx| {
            if tx.end_session(&id).await? {
                let event = Event::new("auth.sign_out")
                    .by(user_id)
                    .on(format!("user:{user_id}"));
                tx.audit(&origin, event).await?;
            }
            Ok(())
        })
        .await?;
    }
    session.flush().await.map_err(internal)?;
    RequestUser::forget().await;
    Ok(())
}

async fn forget(db: &Db, session: &Session) -> Result<(), AppError> {
    if let Some(id) = session.id() {
        let id = id.to_string();
        transaction::run(db, async |tx| Ok(tx.end_session(&id).await.map(drop)?)).await?;
    }
    session.flush().await.map_err(internal)
}
