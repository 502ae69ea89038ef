//! Opening a V2MOM for someone: how its owner relates to them, and the policy's answer,
//! before anything else happens.

use crate::{
    error::AppError,
    model::{StatusChange, V2momStatus},
    server::{
        actor::Actor,
        db::V2momHeader,
        errors::internal,
        org::relation_between,
        policy::{Action, Relation, V2momFacts, Visibility},
        state::AppState,
    },
};

/// An actor and one V2MOM, seen from them.
pub struct Access {
    pub actor: Actor,
    pub header: V2momHeader,
    /// The owner, seen from the actor.
    pub owner: Relation,
    visibility: Visibility,
}

impl Access {
    /// The V2MOM exists (404) and the actor may read it (403, or 404 through the API).
    pub async fn open(state: &AppState, actor: &Actor, id: i64) -> Result<Access, AppError> {
        actor.require(Action::UseV2moms)?;
        let header = state
            .db
            .v2mom_header(id)
            .await
            .map_err(internal)?
            .ok_or(AppError::NotFound)?;
        let access = Access::of(state, actor, header).await?;
        if !access.may(access.read()) {
            return Err(actor.unreadable());
        }
        Ok(access)
    }

    /// `header`'s V2MOM seen from `actor`, not yet checked.
    pub async fn of(
        state: &AppState,
        actor: &Actor,
        header: V2momHeader,
    ) -> Result<Access, AppError> {
        let owner = relation_between(&state.db, actor.id(), header.owner_id)
            .await
            .map_err(internal)?;
        Ok(Access {
            actor: actor.clone(),
            header,
            owner,
            visibility: state.config.settings.v2mom_visibility,
        })
    }

    pub fn id(&self) -> i64 {
        self.header.id
    }

    pub fn read(&self) -> Action {
        Action::ReadV2mom(self.facts(), self.visibility)
    }

    /// Whether the actor could read this V2MOM if it had `status` (for old revisions).
    pub fn may_read_as(&self, status: V2momStatus) -> bool {
        let facts = V2momFacts {
            owner: self.owner,
            status,
        };
        self.may(Action::ReadV2mom(facts, self.visibility))
    }

    pub fn facts(&self) -> V2momFacts {
        V2momFacts {
            owner: self.owner,
            status: self.header.status,
        }
    }

    /// The policy's answer for `action`, as an error to return when it is no.
    pub fn require(&self, action: Action) -> Result<(), AppError> {
        self.actor.require(action)
    }

    pub fn may(&self, action: Action) -> bool {
        self.actor.may(action)
    }

    pub fn may_edit(&self) -> bool {
        self.may(Action::EditV2mom(self.facts()))
    }

    /// Edits need the policy's yes, and the V2MOM must not be archived.
    pub fn require_edit(&self) -> Result<(), AppError> {
        self.require(Action::EditV2mom(self.facts()))?;
        if self.header.status == V2momStatus::Archived {
            return Err(AppError::Refused {
                reason: "Archived V2MOMs are read-only.".into(),
            });
        }
        Ok(())
    }

    /// The lifecycle moves the actor may make now: allowed by the policy and possible
    /// from the current status.
    pub fn changes(&self) -> Vec<StatusChange> {
        StatusChange::ALL
            .into_iter()
            .filter(|c| c.apply(self.header.status).is_some())
            .filter(|&c| self.may(Action::ChangeV2momStatus(c, self.owner)))
            .collect()
    }
}
