//! Every authorisation decision, in one pure function: [`decide`].
//!
//! Callers work out who is acting ([`Principal`]) and how the target relates to them
//! ([`Relation`], from the reporting line), then ask before doing anything. Nothing here
//! touches the database, so the whole matrix is unit-tested (`tests.rs`).

use crate::{
    error::AppError,
    model::{Role, Scope, Scopes, StatusChange, V2momStatus},
};

/// Who is asking, as the policy sees them. `None` in [`decide`] means nobody is signed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Principal {
    pub user_id: i64,
    pub role: Role,
    pub active: bool,
    /// What the credential allows: everything for a browser session, an API key's scopes.
    pub scopes: Scopes,
    /// Acting through an API key, which is a credential of its own: it never manages the
    /// person's second factor.
    pub api_key: bool,
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

    fn is_above(self) -> bool {
        matches!(self, Relation::OwnManager | Relation::ManagerAbove)
    }
}

/// Who may read published V2MOMs beyond the owner's reporting line (a setting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// The owner, the managers above them and the people below them (the default).
    #[default]
    Chain,
    /// Everyone in the company, as Salesforce does it.
    Company,
}

/// What the policy needs to know about a V2MOM: whose it is, seen from the actor, and
/// where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct V2momFacts {
    pub owner: Relation,
    pub status: V2momStatus,
}

impl V2momFacts {
    fn all() -> impl Iterator<Item = V2momFacts> {
        Relation::ALL.into_iter().flat_map(|owner| {
            V2momStatus::ALL
                .into_iter()
                .map(move |status| V2momFacts { owner, status })
        })
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
    /// Following a mail's link that stops mails of one topic: whoever holds the link (it is
    /// sealed by the server, so it cannot be made for someone else).
    FollowMailLink,
    /// What every page may know before signing in: whether setup is needed, the server's
    /// status, and who (if anyone) is signed in on this browser.
    ReadPublicInfo,
    /// Creating one's own employee account at `/register`, when the setting allows it (the
    /// caller checks that).
    Register,
    /// How strong a new password would be (the meter beside the field): anyone may ask.
    AssessPassword,
    /// See the list of everyone, invite, change roles, reporting lines and status.
    ManageUsers,
    /// See one person's profile (name, title, function, manager).
    ViewUser(Relation),
    /// See one's team (direct and indirect reports) as a tree.
    ViewTeam,
    /// See the whole organisation through a period: coverage, progress per team, alignment
    /// gaps.
    ViewOrganisation,
    /// Change one's own password, list and end one's own sessions.
    ManageOwnAccount,
    /// Turn one's own second factor on or off, renew its recovery codes: in a browser
    /// session only, never through an API key.
    ManageOwnSecondFactor,
    /// Create, list and revoke one's own API keys.
    ManageOwnApiKeys,
    /// Download everything held about oneself (a data-protection access request).
    ExportOwnData,
    /// See and revoke everyone's API keys.
    ManageApiKeys,
    ReadAuditLog,
    ManageSettings,
    /// Periods, lists of V2MOMs one may read, one's home page: anyone signed in.
    UseV2moms,
    /// Define planning periods and choose the current one.
    ManagePeriods,
    /// Download every V2MOM of a period as one file.
    ExportPeriod,
    /// Start a V2MOM for someone (the owner, seen from the actor).
    CreateV2mom(Relation),
    ReadV2mom(V2momFacts, Visibility),
    /// Change a V2MOM's vision, values, methods, obstacles and measures. The status is that of
    /// what the edit changes: a published V2MOM is changed through its amendment, so its
    /// editors are asked with the amendment's status (`draft` for a new one).
    /// Archived V2MOMs are read-only for everyone.
    EditV2mom(V2momFacts),
    ChangeV2momStatus(StatusChange, Relation),
    /// Report a measure's value and status: on published V2MOMs only, by the owner (an
    /// employee too) and the managers above them.
    CheckIn(V2momFacts),
}

impl Action {
    /// Every action, with every relation where it takes one: the matrix the tests walk.
    pub fn all() -> Vec<Action> {
        let mut all = vec![
            Action::CompleteSetup,
            Action::SignIn,
            Action::SignOut,
            Action::AcceptInvitation,
            Action::FollowMailLink,
            Action::ReadPublicInfo,
            Action::AssessPassword,
            Action::Register,
            Action::ManageUsers,
            Action::ViewTeam,
            Action::ManageOwnAccount,
            Action::ManageOwnSecondFactor,
            Action::ManageOwnApiKeys,
            Action::ExportOwnData,
            Action::ManageApiKeys,
            Action::ReadAuditLog,
            Action::ManageSettings,
            Action::UseV2moms,
            Action::ManagePeriods,
            Action::ExportPeriod,
            Action::ViewOrganisation,
        ];
        all.extend(Relation::ALL.map(Action::ViewUser));
        all.extend(Relation::ALL.map(Action::CreateV2mom));
        for visibility in [Visibility::Chain, Visibility::Company] {
            all.extend(V2momFacts::all().map(|facts| Action::ReadV2mom(facts, visibility)));
        }
        all.extend(V2momFacts::all().map(Action::EditV2mom));
        all.extend(V2momFacts::all().map(Action::CheckIn));
        for change in StatusChange::ALL {
            all.extend(Relation::ALL.map(|owner| Action::ChangeV2momStatus(change, owner)));
        }
        all
    }
}

impl Action {
    /// Actions for people who are not signed in (yet).
    pub fn is_public(self) -> bool {
        matches!(
            self,
            Action::CompleteSetup
                | Action::SignIn
                | Action::SignOut
                | Action::AcceptInvitation
                | Action::FollowMailLink
                | Action::ReadPublicInfo
                | Action::AssessPassword
                | Action::Register
        )
    }
}

impl Action {
    /// The scope a credential needs for this action (public actions need none).
    pub fn scope(self) -> Option<Scope> {
        Some(match self {
            Action::ViewUser(_) | Action::ViewTeam | Action::UseV2moms | Action::ReadV2mom(..) => {
                Scope::Read
            }
            Action::CreateV2mom(_)
            | Action::EditV2mom(_)
            | Action::ChangeV2momStatus(..)
            | Action::CheckIn(_) => Scope::Write,
            Action::ManageUsers
            | Action::ManageOwnAccount
            | Action::ManageOwnSecondFactor
            | Action::ManageOwnApiKeys
            | Action::ExportOwnData
            | Action::ManageApiKeys
            | Action::ReadAuditLog
            | Action::ManageSettings
            | Action::ManagePeriods
            | Action::ExportPeriod
            | Action::ViewOrganisation => Scope::Admin,
            Action::CompleteSetup
            | Action::SignIn
            | Action::SignOut
            | Action::AcceptInvitation
            | Action::FollowMailLink
            | Action::ReadPublicInfo
            | Action::AssessPassword
            | Action::Register => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    Deny,
}

pub fn decide(actor: Option<&Principal>, action: Action) -> Decision {
    use Decision::*;
    let Some(scope) = action.scope() else {
        return Allow;
    };
    let Some(actor) = actor.filter(|a| a.active) else {
        return Deny;
    };
    // A key narrows its user's role; it never widens it.
    if !actor.scopes.contains(scope) {
        return Deny;
    }
    if action == Action::ManageOwnSecondFactor && actor.api_key {
        return Deny;
    }
    // Archived is read-only, for administrators too.
    if let Action::EditV2mom(facts) = action
        && facts.status == V2momStatus::Archived
    {
        return Deny;
    }
    let allowed = match (actor.role, action) {
        // A check-in reports on what was agreed: only once it is published, for everyone.
        (_, Action::CheckIn(facts)) if facts.status != V2momStatus::Published => false,
        (Role::Admin, _) => true,
        (
            _,
            Action::ManageOwnAccount
            | Action::ManageOwnSecondFactor
            | Action::ManageOwnApiKeys
            | Action::ExportOwnData,
        ) => true,
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
        (_, Action::UseV2moms) => true,
        (role, Action::CreateV2mom(owner)) => {
            owner == Relation::Myself || (role == Role::Manager && owner.is_report())
        }
        (role, Action::ReadV2mom(facts, visibility)) => {
            facts.owner == Relation::Myself
                || (role == Role::Manager && facts.owner.is_report())
                || (facts.status.is_public()
                    && (visibility == Visibility::Company || facts.owner.is_above()))
        }
        (Role::Manager, Action::EditV2mom(facts)) => {
            facts.owner == Relation::Myself || facts.owner.is_report()
        }
        (Role::Employee, Action::EditV2mom(facts)) => {
            facts.owner == Relation::Myself && facts.status == V2momStatus::Draft
        }
        (role, Action::CheckIn(facts)) => {
            facts.owner == Relation::Myself || (role == Role::Manager && facts.owner.is_report())
        }
        (role, Action::ChangeV2momStatus(change, owner)) => match change {
            StatusChange::Submit => owner == Relation::Myself,
            StatusChange::Approve | StatusChange::Return => {
                role == Role::Manager && owner.is_report()
            }
            StatusChange::Publish | StatusChange::Archive => {
                role == Role::Manager && (owner == Relation::Myself || owner.is_report())
            }
        },
        _ => false,
    };
    if allowed { Allow } else { Deny }
}

/// [`decide`] as the first line of a server function: `authorize(actor, action)?`.
/// Nobody signed in → 401; signed in but not allowed → 403.
pub fn authorize(actor: Option<&Principal>, action: Action) -> Result<(), AppError> {
    match decide(actor, action) {
        Decision::Allow => Ok(()),
        Decision::Deny if actor.is_none() => Err(AppError::Unauthenticated),
        Decision::Deny => Err(AppError::Forbidden),
    }
}

/// Groups of people, by how they relate to the reader, as lists query them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Circle {
    Myself,
    /// Direct and indirect reports.
    Team,
    /// Own manager and the managers above.
    Chain,
    /// Peers and the unrelated.
    Others,
}

impl Circle {
    pub const ALL: [Circle; 4] = [Circle::Myself, Circle::Team, Circle::Chain, Circle::Others];

    fn relations(self) -> &'static [Relation] {
        match self {
            Circle::Myself => &[Relation::Myself],
            Circle::Team => &[Relation::DirectReport, Relation::IndirectReport],
            Circle::Chain => &[Relation::OwnManager, Relation::ManagerAbove],
            Circle::Others => &[Relation::Peer, Relation::Unrelated],
        }
    }
}

/// Which statuses of a circle's V2MOMs a list may show. Asked of [`decide`] itself, so a
/// list never shows what opening the V2MOM would refuse.
pub fn readable_statuses(
    actor: &Principal,
    circle: Circle,
    visibility: Visibility,
) -> Vec<V2momStatus> {
    V2momStatus::ALL
        .into_iter()
        .filter(|&status| {
            circle.relations().iter().all(|&owner| {
                let facts = V2momFacts { owner, status };
                decide(Some(actor), Action::ReadV2mom(facts, visibility)) == Decision::Allow
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
