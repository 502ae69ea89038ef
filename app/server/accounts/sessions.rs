//! One's own sessions: listing them and ending them.

use crate::{
    error::AppError,
    model::SessionInfo,
    server::{
        actor::Actor, audit::Event, db::DbError, errors::internal, policy::Action, state::AppState,
        transaction,
    },
};

/// What the browser session a request comes on says about itself.
#[derive(Debug, Clone, Default)]
pub struct ThisSession {
    pub id: Option<String>,
    /// Seconds since it signed in; `None` when it is not signed in.
    pub signed_in_for: Option<i64>,
}

/// A name for a session that can be shown and sent back without revealing its id.
pub fn session_handle(session_id: &str) -> String {
    crate::server::tokens::hash_token(session_id)[..24].to_owned()
}

/// The actor's signed-in sessions, `this` one marked.
pub async fn sessions(
    state: &AppState,
    actor: &Actor,
    this: &ThisSession,
) -> Result<Vec<SessionInfo>, AppError> {
    actor.require(Action::ManageOwnAccount)?;
    let sessions = state.db.sessions_of(actor.id()).await.map_err(internal)?;
    Ok(sessions
        .into_iter()
        .map(|s| SessionInfo {
            handle: session_handle(&s.session_id),
            signed_in_at: s.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            client_ip: s.client_ip,
            user_agent: s.user_agent,
            current: this.id.as_deref() == Some(s.session_id.as_str()),
        })
        .collect())
}

/// Ends one of the actor's sessions, named by its handle.
pub async fn end_session(state: &AppState, actor: &Actor, handle: &str) -> Result<(), AppError> {
    actor.require(Action::ManageOwnAccount)?;
    let session = state
        .db
        .sessions_of(actor.id())
        .await
        .map_err(internal)?
        .into_iter()
        .find(|s| session_handle(&s.session_id) == handle)
        .ok_or(AppError::NotFound)?;
    transaction::run(&state.db, async |tx| {
        tx.end_session(&session.session_id).await?;
        audit_on_self(tx, actor, "auth.session_ended", None).await?;
        Ok(())
    })
    .await
}

/// Ends every session of the actor, the one they act on included.
pub async fn end_all_sessions(state: &AppState, actor: &Actor) -> Result<(), AppError> {
    actor.require(Action::ManageOwnAccount)?;
    transaction::run(&state.db, async |tx| {
        tx.end_sessions_of(actor.id()).await?;
        audit_on_self(tx, actor, "auth.signed_out_everywhere", None).await?;
        Ok(())
    })
    .await
}

/// Records `action` by the actor on their own account.
pub async fn audit_on_self(
    tx: &mut crate::server::db::Tx,
    actor: &Actor,
    action: &'static str,
    details: Option<serde_json::Value>,
) -> Result<(), DbError> {
    let mut event = Event::new(action)
        .by(actor.id())
        .on(format!("user:{}", actor.id()));
    if let Some(details) = details {
        event = event.with(details);
    }
    tx.audit(&actor.origin, event).await
}
