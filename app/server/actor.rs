//! Who is acting in a use case: the user, what their credential allows, and where the
//! request came from (for the audit log). Pages resolve it from the browser session
//! ([`super::auth::signed_in`]), `/api/v1` from a bearer key; the domain layer takes it as
//! it is and never looks at the request itself.

use super::{
    db::{Db, UserRecord},
    errors::internal,
    policy::{Action, Decision, Principal, authorize, decide},
};
use crate::{error::AppError, model::Scopes};

#[derive(Debug, Clone)]
pub struct Actor {
    pub user: UserRecord,
    /// Everything for a browser session; an API key's scopes.
    pub scopes: Scopes,
    pub origin: Origin,
    pub via: Via,
}

/// Where a request came from, for the audit log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    pub client_ip: Option<String>,
    pub request_id: Option<String>,
}

/// The client the actor uses, for the few answers that differ between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// The site's own pages: someone who follows a link to what they may not read is told
    /// so (403), since the link itself came from somewhere.
    Browser,
    /// `/api/v1` with a key: what the caller may not read does not exist for them (404).
    ApiKey,
}

impl Actor {
    /// `user` with the whole of their role (a browser session, the command line).
    pub fn session(user: UserRecord, origin: Origin) -> Actor {
        Actor {
            user,
            scopes: Scopes::ALL,
            origin,
            via: Via::Browser,
        }
    }

    /// Someone an administrator names on the command line, by email (`NotFound` when nobody
    /// has it); the policy then judges them as it would their browser session.
    pub async fn command_line(db: &Db, email: &str) -> Result<Actor, AppError> {
        let user = db
            .user_by_email(email)
            .await
            .map_err(internal)?
            .ok_or(AppError::NotFound)?;
        Ok(Actor::session(user, Origin::default()))
    }

    /// `user` through an API key with `scopes`.
    pub fn api_key(user: UserRecord, scopes: Scopes, origin: Origin) -> Actor {
        Actor {
            user,
            scopes,
            origin,
            via: Via::ApiKey,
        }
    }

    /// The error for something this actor may not read: a refusal, or nothing at all.
    pub fn unreadable(&self) -> AppError {
        match self.via {
            Via::Browser => AppError::Forbidden,
            Via::ApiKey => AppError::NotFound,
        }
    }

    pub fn id(&self) -> i64 {
        self.user.id
    }

    /// The actor as the policy sees them.
    pub fn principal(&self) -> Principal {
        Principal {
            api_key: self.via == Via::ApiKey,
            ..principal_of(&self.user, self.scopes)
        }
    }

    /// The policy's answer for `action`, as the error to return when it is no (403).
    pub fn require(&self, action: Action) -> Result<(), AppError> {
        authorize(Some(&self.principal()), action)
    }

    pub fn may(&self, action: Action) -> bool {
        decide(Some(&self.principal()), action) == Decision::Allow
    }
}

/// `user` as the policy sees them, with what their credential allows.
pub fn principal_of(user: &UserRecord, scopes: Scopes) -> Principal {
    Principal {
        user_id: user.id,
        role: user.role(),
        active: user.is_active(),
        scopes,
        api_key: false,
    }
}

/// [`Actor::require`] for someone who may not be signed in: 401 when nobody is.
pub fn require(actor: Option<&Actor>, action: Action) -> Result<(), AppError> {
    authorize(actor.map(Actor::principal).as_ref(), action)
}
