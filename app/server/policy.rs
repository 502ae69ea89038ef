//! Every authorisation decision, in one pure function: [`decide`].
//!
//! Callers work out who is acting ([`Actor`]) and how the target relates to them
//! ([`Relation`], from the reporting line), then ask before doing anything. Nothing here
//! touches the database, so the whole matrix is unit-tested below.

use crate::{error::AppError, model::Role};

/// Who is asking. `None` in [`decide`] means nobody is signed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    pub user_id: i64,
    pub role: Role,
    pub active: bool,
}

/// How the person an action is about relates to the actor in the reporting line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Myself,
    DirectReport,
    /// Below a direct report, at any depth.
    IndirectReport,
    /// Shares the actor's manager.
    Peer,
    OwnManager,
    /// Above the actor's own manager.
    ManagerAbove,
    Unrelated,
}

impl Relation {
    pub const ALL: [Relation; 7] = [
        Relation::Myself,
        Relation::DirectReport,
        Relation::IndirectReport,
        Relation::Peer,
        Relation::OwnManager,
        Relation::ManagerAbove,
        Relation::Unrelated,
    ];

    fn is_report(self) -> bool {
        matches!(self, Relation::DirectReport | Relation::IndirectReport)
    }
}

/// Something someone wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// First-run setup: only while no user exists (the caller checks that), by anyone.
    CompleteSetup,
    /// Trying a password: anyone may (throttling limits how often).
    SignIn,
    /// Ending one's own session: anyone may, signed in or not.
    SignOut,
    /// Opening an invitation link and choosing a password: whoever holds the link.
    AcceptInvitation,
    /// See the list of everyone, invite, change roles, reporting lines and status.
    ManageUsers,
    /// See one person's profile (name, title, function, manager).
    ViewUser(Relation),
    /// See one's team (direct and indirect reports) as a tree.
    ViewTeam,
    /// Change one's own password, list and end one's own sessions.
    ManageOwnAccount,
    ReadAuditLog,
    ManageSettings,
}

impl Action {
    /// Every action, with every relation where it takes one: the matrix the tests walk.
    pub fn all() -> Vec<Action> {
        let mut all = vec![
            Action::CompleteSetup,
            Action::SignIn,
            Action::SignOut,
            Action::AcceptInvitation,
            Action::ManageUsers,
            Action::ViewTeam,
            Action::ManageOwnAccount,
            Action::ReadAuditLog,
            Action::ManageSettings,
        ];
        all.extend(Relation::ALL.map(Action::ViewUser));
        all
    }
}

impl Action {
    /// Actions for people who are not signed in (yet).
    pub fn is_public(self) -> bool {
        matches!(
            self,
            Action::CompleteSetup | Action::SignIn | Action::SignOut | Action::AcceptInvitation
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    Deny,
}

pub fn decide(actor: Option<&Actor>, action: Action) -> Decision {
    use Decision::*;
    if action.is_public() {
        return Allow;
    }
    let Some(actor) = actor.filter(|a| a.active) else {
        return Deny;
    };
    let allowed = match (actor.role, action) {
        (Role::Admin, _) => true,
        (_, Action::ManageOwnAccount) => true,
        (Role::Manager, Action::ViewTeam) => true,
        (Role::Manager, Action::ViewUser(relation)) => {
            relation == Relation::Myself
                || relation.is_report()
                || matches!(relation, Relation::OwnManager | Relation::ManagerAbove)
        }
        (Role::Employee, Action::ViewUser(relation)) => matches!(
            relation,
            Relation::Myself | Relation::OwnManager | Relation::ManagerAbove
        ),
        _ => false,
    };
    if allowed { Allow } else { Deny }
}

/// [`decide`] as the first line of a server function: `authorize(actor, action)?`.
/// Nobody signed in → 401; signed in but not allowed → 403.
pub fn authorize(actor: Option<&Actor>, action: Action) -> Result<(), AppError> {
    match decide(actor, action) {
        Decision::Allow => Ok(()),
        Decision::Deny if actor.is_none() => Err(AppError::Unauthenticated),
        Decision::Deny => Err(AppError::Forbidden),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Decision::*;

    fn actor(role: Role, active: bool) -> Actor {
        Actor {
            user_id: 7,
            role,
            active,
        }
    }

    /// The expected answer for every role × action × relation, written out as a table
    /// rather than recomputed, so a change to `decide` has to change this too.
    fn expected(role: Role, action: Action) -> Decision {
        use Relation::*;
        match (role, action) {
            (
                _,
                Action::CompleteSetup | Action::SignIn | Action::SignOut | Action::AcceptInvitation,
            ) => Allow,
            (Role::Admin, _) => Allow,
            (_, Action::ManageOwnAccount) => Allow,
            (Role::Manager, Action::ViewTeam) => Allow,
            (Role::Manager, Action::ViewUser(Myself | DirectReport | IndirectReport)) => Allow,
            (Role::Manager, Action::ViewUser(OwnManager | ManagerAbove)) => Allow,
            (Role::Manager, Action::ViewUser(Peer | Unrelated)) => Deny,
            (Role::Employee, Action::ViewUser(Myself | OwnManager | ManagerAbove)) => Allow,
            (Role::Employee, Action::ViewUser(_)) => Deny,
            (_, Action::ManageUsers | Action::ReadAuditLog | Action::ManageSettings) => Deny,
            (Role::Employee, Action::ViewTeam) => Deny,
        }
    }

    #[test]
    fn the_full_matrix() {
        let mut checked = 0;
        for role in Role::ALL {
            for action in Action::all() {
                let active = actor(role, true);
                assert_eq!(
                    decide(Some(&active), action),
                    expected(role, action),
                    "{role:?} {action:?}"
                );
                checked += 1;
            }
        }
        assert_eq!(checked, 3 * 16);
    }

    #[test]
    fn disabled_and_anonymous_actors_may_only_set_up_and_sign_in() {
        for action in Action::all() {
            let want = if action.is_public() { Allow } else { Deny };
            assert_eq!(decide(None, action), want, "anonymous {action:?}");
            for role in Role::ALL {
                let disabled = actor(role, false);
                assert_eq!(
                    decide(Some(&disabled), action),
                    want,
                    "disabled {role:?} {action:?}"
                );
            }
        }
    }

    #[test]
    fn refusals_say_whether_signing_in_would_help() {
        assert_eq!(
            authorize(None, Action::ViewTeam),
            Err(AppError::Unauthenticated)
        );
        let employee = actor(Role::Employee, true);
        assert_eq!(
            authorize(Some(&employee), Action::ManageUsers),
            Err(AppError::Forbidden)
        );
        assert_eq!(authorize(Some(&employee), Action::ManageOwnAccount), Ok(()));
    }
}
