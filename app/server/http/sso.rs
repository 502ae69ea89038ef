//! The browser's side of single sign-on: `POST /auth/sso/<slug>` (sign in, or complete an
//! invitation), `POST /auth/sso/<slug>/link` (from the profile) and the provider's answer at
//! `GET /auth/sso/<slug>/callback`. Plain form posts and redirects, so they work without
//! JavaScript; refusals end on a page that explains them (see `server::sso`).

use crate::{
    error::AppError,
    model::sso::SsoFailure,
    server::{
        accounts::confirm_it_is_you,
        audit::{Event, Origin},
        auth::{
            FirstFactor, authorized_for, first_factor_passed_on, origin_of, safe_next,
            second_step_page, signed_in_for,
        },
        errors::internal,
        http::security::FormTargets,
        policy::{Action, authorize},
        sso::{self, PENDING_TTL_SECS, Pending, Provider, Purpose, Refusal, Stop, accounts},
        state::AppState,
        throttle::{self, Kind},
        transaction,
    },
};
use axum::{
    Form,
    extract::{Path, Query, State},
    response::{IntoResponse, Redirect, Response},
};
use http::{header, request::Parts};
use serde::Deserialize;
use tower_sessions::Session;

/// Lets the pages with provider buttons (sign-in, invitation, profile) post to us and be
/// redirected on to the providers.
pub async fn allow_provider_forms(
    State(state): State<AppState>,
    mut req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let path = req.uri().path();
    let has_buttons = req.method() == http::Method::GET
        && (matches!(path, "/login" | "/profile") || path.starts_with("/invite/"));
    // The page reads the providers for its buttons; the targets below reuse that read.
    let known = sso::RequestProviders::default();
    if has_buttons {
        req.extensions_mut().insert(known.clone());
    }
    let mut res = next.run(req).await;
    // A page that failed shows no buttons (and, with the database away, asking again would
    // only keep the answer waiting). A failure here is logged where it arose.
    if has_buttons
        && !res.status().is_server_error()
        && let Ok(origins) = sso::form_targets(&state, &known).await
    {
        res.extensions_mut().insert(FormTargets(origins));
    }
    res
}

/// The session key of the sign-in waiting for the provider.
const PENDING_KEY: &str = "sso_pending";

#[derive(Deserialize)]
pub struct StartForm {
    next: Option<String>,
    /// Set on the invitation page: the invitation this sign-in completes.
    invitation: Option<String>,
}

pub async fn start(
    State(state): State<AppState>,
    session: Session,
    parts: Parts,
    Path(slug): Path<String>,
    Form(form): Form<StartForm>,
) -> Response {
    let purpose = match form.invitation.filter(|t| !t.trim().is_empty()) {
        Some(token) => Purpose::Invitation { token },
        None => Purpose::SignIn {
            next: safe_next(form.next.as_deref()),
        },
    };
    let action = match purpose {
        Purpose::Invitation { .. } => Action::AcceptInvitation,
        _ => Action::SignIn,
    };
    if let Err(denied) = authorize(None, action) {
        return denied.into_response();
    }
    finish_or_refuse(&state, &parts, &slug, &purpose, async {
        begin(&state, &session, &parts, &slug, purpose.clone()).await
    })
    .await
}

#[derive(Deserialize)]
pub struct LinkForm {
    #[serde(default)]
    password: String,
}

pub async fn start_link(
    State(state): State<AppState>,
    session: Session,
    parts: Parts,
    Path(slug): Path<String>,
    Form(form): Form<LinkForm>,
) -> Response {
    let me = match authorized_for(&state, &session, Action::ManageOwnAccount).await {
        Ok(me) => me,
        Err(AppError::Unauthenticated) => {
            return Redirect::to("/login?next=/profile").into_response();
        }
        Err(other) => return other.into_response(),
    };
    let purpose = Purpose::Link { user_id: me.id };
    finish_or_refuse(&state, &parts, &slug, &purpose, async {
        let origin = origin_of(&parts, &state);
        match confirm_it_is_you(
            &state,
            &origin,
            &me,
            signed_in_for(&session).await?,
            &form.password,
            "password",
            "sso.link_failed",
        )
        .await
        {
            Ok(()) => {}
            // Already audited and counted as a wrong password: not a second time here.
            Err(AppError::Invalid { .. }) => {
                let page = purpose.failure_page(SsoFailure::NotConfirmed);
                return Ok(Redirect::to(&page).into_response());
            }
            Err(AppError::Refused { .. }) => {
                return Err(Refusal::new(SsoFailure::NotConfirmed, "no recent sign-in").into());
            }
            // A plain form post: explained on the profile like every other refusal.
            Err(AppError::TooManyRequests { .. }) => {
                return Err(
                    Refusal::new(SsoFailure::Throttled, "password guesses throttled").into(),
                );
            }
            Err(other) => return Err(other.into()),
        }
        begin(&state, &session, &parts, &slug, purpose.clone()).await
    })
    .await
}

/// Remembers a new pending sign-in in this browser's session and sends it to the provider.
async fn begin(
    state: &AppState,
    session: &Session,
    parts: &Parts,
    slug: &str,
    purpose: Purpose,
) -> Result<Response, Stop> {
    throttled(state, &origin_of(parts, state)).await?;
    let provider = Provider::enabled(state, slug).await?;
    let host = parts
        .headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok());
    let redirect_uri = sso::redirect_uri(state, host, slug)?;
    let (url, pending) = sso::authorize(&state.sso, &provider, &redirect_uri, purpose).await?;
    session
        .insert(PENDING_KEY, pending)
        .await
        .map_err(internal)?;
    Ok(Redirect::to(&url).into_response())
}

#[derive(Deserialize)]
pub struct Answer {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

pub async fn callback(
    State(state): State<AppState>,
    session: Session,
    parts: Parts,
    Path(slug): Path<String>,
    Query(answer): Query<Answer>,
) -> Response {
    if let Err(denied) = authorize(None, Action::SignIn) {
        return denied.into_response();
    }
    // Taken out at once: a pending sign-in finishes once, whatever happens next.
    let pending = match session.remove::<Pending>(PENDING_KEY).await {
        Ok(pending) => pending,
        Err(err) => return internal(err).into_response(),
    };
    let Some(pending) = pending.filter(|p| p.provider == slug) else {
        let purpose = Purpose::SignIn { next: "/".into() };
        let refusal = Refusal::new(SsoFailure::Expired, "no sign-in pending in this browser");
        return refuse(&state, &parts, &slug, &purpose, refusal).await;
    };
    let purpose = pending.purpose.clone();
    finish_or_refuse(&state, &parts, &slug, &purpose, async {
        finish(&state, &session, &parts, pending, answer).await
    })
    .await
}

async fn finish(
    state: &AppState,
    session: &Session,
    parts: &Parts,
    pending: Pending,
    answer: Answer,
) -> Result<Response, Stop> {
    let origin = origin_of(parts, state);
    if answer.state.as_deref() != Some(pending.state.as_str()) {
        return Err(Refusal::new(SsoFailure::Mismatch, "state does not match").into());
    }
    if let Some(error) = answer.error {
        let failure = if error == "access_denied" {
            SsoFailure::Cancelled
        } else {
            SsoFailure::ProviderError
        };
        let error: String = error.chars().take(100).collect();
        return Err(Refusal::new(failure, format!("provider said {error:?}")).into());
    }
    let age = chrono::Utc::now().timestamp() - pending.started_at;
    if !(0..PENDING_TTL_SECS).contains(&age) {
        return Err(Refusal::new(SsoFailure::Expired, format!("pending for {age} s")).into());
    }
    let code = answer
        .code
        .ok_or_else(|| Refusal::new(SsoFailure::Mismatch, "no code"))?;
    throttled(state, &origin).await?;
    let provider = Provider::enabled(state, &pending.provider).await?;
    let identity = sso::identify(&state.sso, &provider, &pending, &code).await?;

    if let Purpose::Link { user_id } = pending.purpose {
        // The person who started linking must still be the one signed in here.
        let me = authorized_for(state, session, Action::ManageOwnAccount).await?;
        if me.id != user_id {
            return Err(Refusal::new(SsoFailure::Mismatch, "signed-in user changed").into());
        }
    }
    match accounts::settle(state, &origin, &provider, &identity, &pending.purpose).await? {
        accounts::Outcome::Linked => Ok(Redirect::to("/profile?sso_linked=1").into_response()),
        accounts::Outcome::SignIn(user) => {
            let method = format!("sso:{}", provider.record.slug);
            let mfa = identity.multi_factor;
            let after = first_factor_passed_on(state, session, parts, &user, &method, mfa).await?;
            let next = match pending.purpose {
                Purpose::SignIn { next } => next,
                _ => "/".to_owned(),
            };
            let to = match after {
                FirstFactor::SignedIn => next,
                FirstFactor::SecondStepNeeded => second_step_page(&next),
            };
            Ok(Redirect::to(&to).into_response())
        }
    }
}

async fn throttled(state: &AppState, origin: &Origin) -> Result<(), Stop> {
    match throttle::check(state, origin, Kind::SignIn, None).await {
        Err(AppError::TooManyRequests { .. }) => {
            Err(Refusal::new(SsoFailure::Throttled, "too many failures from this address").into())
        }
        other => Ok(other?),
    }
}

/// Runs a step of the flow; a refusal becomes its page, a fault its error response.
async fn finish_or_refuse(
    state: &AppState,
    parts: &Parts,
    slug: &str,
    purpose: &Purpose,
    step: impl Future<Output = Result<Response, Stop>>,
) -> Response {
    match step.await {
        Ok(response) => response,
        Err(Stop::Refused(refusal)) => refuse(state, parts, slug, purpose, refusal).await,
        Err(Stop::Error(error)) => error.into_response(),
    }
}

/// Audits the refusal (`auth.sign_in_failed`, or `sso.link_failed` when linking), counts it
/// towards the address's throttling, and sends the browser to the page that explains it.
async fn refuse(
    state: &AppState,
    parts: &Parts,
    slug: &str,
    purpose: &Purpose,
    refusal: Refusal,
) -> Response {
    let origin = origin_of(parts, state);
    let (action, actor) = match purpose {
        Purpose::Link { user_id } => ("sso.link_failed", Some(*user_id)),
        _ => ("auth.sign_in_failed", None),
    };
    let mut event = Event::new(action).with(serde_json::json!({
        "method": format!("sso:{slug}"),
        "reason": refusal.failure.code(),
        "detail": refusal.detail,
    }));
    if let Some(user_id) = actor {
        event = event.by(user_id).on(format!("user:{user_id}"));
    }
    let recorded = transaction::run(&state.db, async |tx| {
        // Throttling refusals are not failures of their own, or they would never end.
        if refusal.failure != SsoFailure::Throttled {
            throttle::record_failure(tx, &origin, Kind::SignIn, None).await?;
        }
        tx.audit(&origin, event.clone()).await?;
        Ok(())
    });
    if let Err(err) = recorded.await {
        return err.into_response();
    }
    tracing::info!(
        provider = slug,
        reason = refusal.failure.code(),
        "sso sign-in refused"
    );
    Redirect::to(&purpose.failure_page(refusal.failure)).into_response()
}
