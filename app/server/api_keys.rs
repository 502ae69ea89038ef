//! API keys: the use cases behind the profile page, the administrators' page, the command
//! line and the bearer authentication of `/api/v1`.
//!
//! A token is `v2mom_` and 64 hex digits (256 random bits), shown once and stored only as
//! its SHA-256. A key acts for its owner with at most its scopes ([`Actor::scopes`]).

use super::{
    actor::Actor,
    audit::{Event, Origin},
    db::{ApiKeyRecord, Db, NewApiKeyRow, UserRecord, display_time, now},
    errors::internal,
    policy::Action,
    state::AppState,
    tokens::{hash_token, new_prefixed_token},
    transaction,
};
use crate::{
    error::AppError,
    model::{ApiKeyStatus, ApiKeySummary, CreatedApiKey, Scopes, check_new_key},
};
use chrono::{DateTime, Duration, Utc};
use serde_json::json;

/// What every token starts with.
pub const TOKEN_PREFIX: &str = "v2mom_";
/// How much of the random part lists show: enough to tell keys apart, far too little to guess.
const SHOWN_PREFIX_LEN: usize = 8;

/// A key to make, as the form or the command line gives it.
#[derive(Debug, Clone)]
pub struct NewApiKey {
    pub name: String,
    pub scopes: Scopes,
    /// `None`: the key never expires.
    pub expires_days: Option<i64>,
}

/// Makes a key for the actor themself. A key made with a key holds no scope that one lacks.
pub async fn create(
    state: &AppState,
    actor: &Actor,
    new: NewApiKey,
) -> Result<CreatedApiKey, AppError> {
    actor.require(Action::ManageOwnApiKeys)?;
    if new.scopes.iter().any(|scope| !actor.scopes.contains(scope)) {
        return Err(AppError::Forbidden);
    }
    issue(&state.db, &actor.user, new, By::Actor(actor)).await
}

/// The actor's own keys, newest first, revoked and expired ones included.
pub async fn list_mine(state: &AppState, actor: &Actor) -> Result<Vec<ApiKeySummary>, AppError> {
    actor.require(Action::ManageOwnApiKeys)?;
    let keys = state.db.api_keys_of(actor.id()).await.map_err(internal)?;
    let at = now();
    Ok(keys.iter().map(|key| summary(key, None, at)).collect())
}

/// Everyone's keys with their owners, for administrators.
pub async fn list_all(state: &AppState, actor: &Actor) -> Result<Vec<ApiKeySummary>, AppError> {
    actor.require(Action::ManageApiKeys)?;
    let keys = state.db.all_api_keys().await.map_err(internal)?;
    let at = now();
    Ok(keys
        .iter()
        .map(|k| summary(&k.key, Some((&k.owner_name, &k.owner_email)), at))
        .collect())
}

/// Revokes one of the actor's keys, or anyone's for an administrator. Someone else's key
/// is "not found" to everyone else, so ids reveal nothing. Revoking twice changes nothing.
pub async fn revoke(state: &AppState, actor: &Actor, id: i64) -> Result<ApiKeySummary, AppError> {
    actor.require(Action::ManageOwnApiKeys)?;
    let anyones = actor.may(Action::ManageApiKeys);
    revoke_where(&state.db, id, By::Actor(actor), |key| {
        anyones || key.user_id == actor.id()
    })
    .await
}

/// Who a bearer token acts for: its owner with the key's scopes. Unknown, malformed,
/// expired and revoked keys and disabled owners all get the same 401; using a revoked key is
/// audited, since it may have leaked. Records the use, about once a minute at most.
pub async fn authenticate(
    state: &AppState,
    token: &str,
    origin: Origin,
) -> Result<Actor, AppError> {
    if !well_formed(token) {
        return Err(AppError::Unauthenticated);
    }
    let key = state
        .db
        .api_key_by_token_hash(&hash_token(token))
        .await
        .map_err(internal)?
        .ok_or(AppError::Unauthenticated)?;
    let at = now();
    match status(&key, at) {
        ApiKeyStatus::Active => {}
        ApiKeyStatus::Expired => return Err(AppError::Unauthenticated),
        ApiKeyStatus::Revoked => {
            let event = Event::new("api_key.used_after_revoke")
                .on(target(key.id))
                .with(json!({ "user_id": key.user_id, "name": key.name }));
            transaction::run(&state.db, async |tx| {
                Ok(tx.audit(&origin, event.clone()).await?)
            })
            .await?;
            return Err(AppError::Unauthenticated);
        }
    }
    let user = state
        .db
        .user_by_id(key.user_id)
        .await
        .map_err(internal)?
        .filter(UserRecord::is_active)
        .ok_or(AppError::Unauthenticated)?;
    // Checked here first so that a busy key does not even ask the database to write.
    if key.use_is_stale(at)
        && let Err(error) = state.db.touch_api_key(key.id, at).await
    {
        // The request may go on: only the "last used" column is behind.
        tracing::warn!(%error, key = key.id, "could not record an API key's use");
    }
    Ok(Actor::api_key(user, scopes_of(&key), origin))
}

/// `v2mom api-key create`: a key for the person with `email`, made by nobody signed in.
pub async fn create_from_cli(
    db: &Db,
    email: &str,
    new: NewApiKey,
) -> Result<CreatedApiKey, AppError> {
    let owner = db
        .user_by_email(email)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    if !owner.is_active() {
        return Err(AppError::Refused {
            reason: format!("The account {} is disabled.", owner.email),
        });
    }
    issue(db, &owner, new, By::Cli).await
}

/// `v2mom api-key revoke`: any key, by its id.
pub async fn revoke_from_cli(db: &Db, id: i64) -> Result<ApiKeySummary, AppError> {
    revoke_where(db, id, By::Cli, |_| true).await
}

/// Who makes a change: someone acting through the site or the API, or the command line.
#[derive(Clone, Copy)]
enum By<'a> {
    Actor(&'a Actor),
    Cli,
}

impl By<'_> {
    fn user_id(self) -> Option<i64> {
        match self {
            By::Actor(actor) => Some(actor.id()),
            By::Cli => None,
        }
    }

    fn origin(self) -> Origin {
        match self {
            By::Actor(actor) => actor.origin.clone(),
            By::Cli => Origin::default(),
        }
    }

    /// The audit row, saying who (or that it came from the command line).
    fn event(self, action: &'static str, id: i64, mut details: serde_json::Value) -> Event {
        let event = Event::new(action).on(target(id));
        match self {
            By::Actor(actor) => event.by(actor.id()).with(details),
            By::Cli => {
                details["via"] = "cli".into();
                event.with(details)
            }
        }
    }
}

/// Checks the new key, stores its hash and audits it, in one transaction.
async fn issue(
    db: &Db,
    owner: &UserRecord,
    new: NewApiKey,
    by: By<'_>,
) -> Result<CreatedApiKey, AppError> {
    let name = check_new_key(&new.name, new.scopes, new.expires_days)?;
    let name = name.as_str();
    let (token, token_hash) = new_prefixed_token(TOKEN_PREFIX);
    let prefix = &token[TOKEN_PREFIX.len()..][..SHOWN_PREFIX_LEN];
    let scopes = new.scopes.to_string();
    let expires_at = new.expires_days.map(|days| now() + Duration::days(days));
    let key = transaction::run(db, async |tx| {
        let key = tx
            .insert_api_key(NewApiKeyRow {
                user_id: owner.id,
                name,
                prefix,
                token_hash: &token_hash,
                scopes: &scopes,
                expires_at,
            })
            .await?;
        let details = json!({
            "user_id": owner.id,
            "name": name,
            "scopes": scopes,
            "expires_at": key.expires_at.map(|at| at.to_rfc3339()),
        });
        let event = by.event("api_key.created", key.id, details);
        tx.audit(&by.origin(), event).await?;
        Ok(key)
    })
    .await?;
    Ok(CreatedApiKey {
        key: summary(&key, None, now()),
        token,
    })
}

/// Revokes key `id` if `visible` says the caller may see it (else: not found), auditing it
/// in the same transaction; the key as it now stands.
async fn revoke_where(
    db: &Db,
    id: i64,
    by: By<'_>,
    visible: impl Fn(&ApiKeyRecord) -> bool,
) -> Result<ApiKeySummary, AppError> {
    let key = transaction::run(db, async |tx| {
        let key = tx
            .api_key(id)
            .await?
            .filter(|key| visible(key))
            .ok_or(AppError::NotFound)?;
        if tx.revoke_api_key(id, by.user_id()).await? {
            let details = json!({ "user_id": key.user_id, "name": key.name });
            let event = by.event("api_key.revoked", id, details);
            tx.audit(&by.origin(), event).await?;
        }
        Ok(tx.api_key(id).await?.unwrap_or(key))
    })
    .await?;
    Ok(summary(&key, None, now()))
}

fn target(id: i64) -> String {
    format!("api_key:{id}")
}

/// Whether `token` could be one of ours at all; anything else is refused unread.
fn well_formed(token: &str) -> bool {
    token.strip_prefix(TOKEN_PREFIX).is_some_and(|random| {
        random.len() == 64
            && random
                .bytes()
                .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    })
}

/// The stored scopes; a value this build cannot read grants nothing.
fn scopes_of(key: &ApiKeyRecord) -> Scopes {
    Scopes::parse(&key.scopes).unwrap_or(Scopes::NONE)
}

fn status(key: &ApiKeyRecord, at: DateTime<Utc>) -> ApiKeyStatus {
    if key.revoked_at.is_some() {
        ApiKeyStatus::Revoked
    } else if key.expires_at.is_some_and(|expires| expires <= at) {
        ApiKeyStatus::Expired
    } else {
        ApiKeyStatus::Active
    }
}

fn summary(key: &ApiKeyRecord, owner: Option<(&str, &str)>, at: DateTime<Utc>) -> ApiKeySummary {
    ApiKeySummary {
        id: key.id,
        name: key.name.clone(),
        prefix: key.prefix.clone(),
        scopes: scopes_of(key),
        created_at: display_time(key.created_at),
        expires_at: key.expires_at.map(display_time),
        last_used_at: key.last_used_at.map(display_time),
        revoked_at: key.revoked_at.map(display_time),
        owner_name: owner.map(|(name, _)| name.to_owned()),
        owner_email: owner.map(|(_, email)| email.to_owned()),
        status: status(key, at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_token_shape_is_looked_up() {
        let (token, _) = new_prefixed_token(TOKEN_PREFIX);
        assert!(well_formed(&token));
        assert!(!well_formed(&token[1..]));
        assert!(!well_formed(&token.to_uppercase()));
        assert!(!well_formed(&format!("{token}0")));
        assert!(!well_formed(&token.replace(TOKEN_PREFIX, "")));
        assert!(!well_formed(""));
    }
}
