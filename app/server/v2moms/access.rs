//! Opening a V2MOM for someone: how its owner relates to them, and the policy's answer,
//! before anything else happens.

use crate::{
    error::AppError,
    model::{EventKind, StatusChange, V2mom, V2momStatus},
    server::{
        actor::Actor,
        db::{V2momHead, V2momHeader},
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
    /// The V2MOM's row as [`Access::open`] read it (for [`Access::v2mom`]).
    head: Option<V2momHead>,
}

impl Access {
    /// The V2MOM exists (404) and the actor may read it (403, or 404 through the API).
    pub async fn open(state: &AppState, actor: &Actor, id: i64) -> Result<Access, AppError> {
        actor.require(Action::UseV2moms)?;
        let head = state
            .db
            .v2mom_head(id)
            .await
            .map_err(internal)?
            .ok_or(AppError::NotFound)?;
        Access::open_head(state, actor, head).await
    }

    /// [`Access::open`] for a V2MOM whose head is at hand.
    pub async fn open_head(
        state: &AppState,
        actor: &Actor,
        head: V2momHead,
    ) -> Result<Access, AppError> {
        let mut access = Access::of(state, actor, head.header.clone()).await?;
        if !access.may(access.read()) {
            return Err(actor.unreadable());
        }
        access.head = Some(head);
        Ok(access)
    }

    /// The whole V2MOM, from the row read when it was opened and its parts as kept for its
    /// version ([`Db::v2mom_at`](crate::server::db::Db::v2mom_at)): its methods'
    /// `aligned_to` is left empty for the caller to take from the alignment it reads.
    pub async fn v2mom(&self, state: &AppState) -> Result<V2mom, AppError> {
        let v2mom = match &self.head {
            Some(head) => state.db.v2mom_at(head.clone()).await,
            None => state.db.v2mom_cached(self.id()).await,
        };
        v2mom.map_err(internal)?.ok_or(AppError::NotFound)
    }

    /// `header`'s V2MOM seen from `actor`, not yet checked.
    pub async fn of(
        state: &AppState,
        actor: &Actor,
        header: V2momHeader,
    ) -> Result<Access, AppError> {
        let owner = relation_between(&state.db, &actor.user, header.owner_id)
            .await
            .map_err(internal)?;
        Ok(Access {
            actor: actor.clone(),
            header,
            owner,
            visibility: state.config.settings.v2mom_visibility,
            head: None,
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

    /// Whether someone is amending this (published) V2MOM.
    pub fn amending(&self) -> bool {
        self.header.amendment.is_some()
    }

    /// Whether the actor sees the amendment: those who may read the V2MOM's drafts (its
    /// editors, the owner and the managers above), the same rule as for its revisions.
    pub fn may_see_amendment(&self) -> bool {
        self.header
            .amendment
            .is_some_and(|status| self.may_read_as(status))
    }

    /// Whether the actor may hear of an event of `kind` about this V2MOM (in the bell, on a
    /// live page): those who may read it; while it is amended, what concerns the amendment
    /// (its saves, reviews, the start) only those who see the amendment; a reminder, only
    /// its owner.
    pub fn may_hear(&self, kind: EventKind) -> bool {
        let about_amendment = matches!(
            kind,
            EventKind::V2momSaved
                | EventKind::V2momSubmitted
                | EventKind::V2momReturned
                | EventKind::V2momAmended
        );
        if kind == EventKind::CheckInReminder {
            // A reminder is for the owner alone.
            self.owner == Relation::Myself && self.may(self.read())
        } else if about_amendment && self.amending() {
            self.may_see_amendment()
        } else {
            self.may(self.read())
        }
    }

    /// The status the lifecycle moves start from: the amendment's while there is one.
    pub fn lifecycle_status(&self) -> V2momStatus {
        self.header.amendment.unwrap_or(self.header.status)
    }

    /// What the policy is asked about an edit: of a published V2MOM, the amendment the edit
    /// changes (a new one is a draft).
    fn edit_facts(&self) -> V2momFacts {
        let status = match (self.header.status, self.header.amendment) {
            (V2momStatus::Published, Some(amendment)) => amendment,
            (V2momStatus::Published, None) => V2momStatus::Draft,
            (status, _) => status,
        };
        V2momFacts {
            owner: self.owner,
            status,
        }
    }

    pub fn may_edit(&self) -> bool {
        self.may(Action::EditV2mom(self.edit_facts()))
    }

    /// The policy's answer for an edit (archived V2MOMs are read-only there).
    pub fn require_edit(&self) -> Result<(), AppError> {
        self.require(Action::EditV2mom(self.edit_facts()))
    }

    /// The lifecycle moves the actor may make now: allowed by the policy and possible
    /// from the current status (the amendment's, while there is one).
    pub fn changes(&self) -> Vec<StatusChange> {
        StatusChange::ALL
            .into_iter()
            .filter(|c| c.apply(self.lifecycle_status()).is_some())
            .filter(|&c| self.may(Action::ChangeV2momStatus(c, self.owner)))
            .collect()
    }
}
