//! Opening a V2MOM for someone: who they are, how its owner relates to them, and the
//! policy's answer, before anything else happens.

use super::{
    auth::{actor_of, authorized},
    db::{UserRecord, V2momHeader},
    errors::internal,
    org::relation_between,
    policy::{Action, Decision, Principal, Relation, V2momFacts, Visibility, authorize, decide},
    state::AppState,
};
use crate::{error::AppError, model::StatusChange};

/// A signed-in reader and one V2MOM, seen from them.
pub struct Access {
    pub user: UserRecord,
    pub header: V2momHeader,
    /// The owner, seen from the reader.
    pub owner: Relation,
    visibility: Visibility,
}

impl Access {
    /// Signed in (401 otherwise), the V2MOM exists (404), and the reader may read it (403).
    pub async fn open(state: &AppState, id: i64) -> Result<Access, AppError> {
        let user = authorized(state, Action::UseV2moms).await?;
        let header = state
            .db
            .v2mom_header(id)
            .await
            .map_err(internal)?
            .ok_or(AppError::NotFound)?;
        let access = Access::of(state, user, header).await?;
        access.require(access.read())?;
        Ok(access)
    }

    /// `header`'s V2MOM seen from `user`, not yet checked.
    pub async fn of(
        state: &AppState,
        user: UserRecord,
        header: V2momHeader,
    ) -> Result<Access, AppError> {
        let owner = relation_between(&state.db, user.id, header.owner_id)
            .await
            .map_err(internal)?;
        Ok(Access {
            user,
            header,
            owner,
            visibility: state.config.settings.v2mom_visibility,
        })
    }

    pub fn read(&self) -> Action {
        Action::ReadV2mom(self.facts(), self.visibility)
    }

    /// Whether the reader could read this V2MOM if it had `status` (for old revisions).
    pub fn may_read_as(&self, status: crate::model::V2momStatus) -> bool {
        let facts = V2momFacts {
            owner: self.owner,
            status,
        };
        self.may(Action::ReadV2mom(facts, self.visibility))
    }

    pub fn actor(&self) -> Principal {
        actor_of(&self.user)
    }

    pub fn facts(&self) -> V2momFacts {
        V2momFacts {
            owner: self.owner,
            status: self.header.status,
        }
    }

    /// The policy's answer for `action`, as an error to return when it is no.
    pub fn require(&self, action: Action) -> Result<(), AppError> {
        authorize(Some(&self.actor()), action)
    }

    pub fn may(&self, action: Action) -> bool {
        decide(Some(&self.actor()), action) == Decision::Allow
    }

    pub fn may_edit(&self) -> bool {
        self.may(Action::EditV2mom(self.facts()))
    }

    /// The lifecycle moves the reader may make now: allowed by the policy and possible
    /// from the current status.
    pub fn changes(&self) -> Vec<StatusChange> {
        StatusChange::ALL
            .into_iter()
            .filter(|c| c.apply(self.header.status).is_some())
            .filter(|&c| self.may(Action::ChangeV2momStatus(c, self.owner)))
            .collect()
    }
}
