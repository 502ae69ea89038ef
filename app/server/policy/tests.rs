//! The whole policy matrix, walked: every role against every action, and scopes narrowing it.

use super::*;
use Decision::*;
use V2momStatus::*;

fn actor(role: Role, active: bool) -> Principal {
    Principal {
        user_id: 7,
        role,
        active,
        scopes: Scopes::ALL,
        api_key: false,
    }
}

/// The expected answer for every role × action × relation, written out as a table
/// rather than recomputed, so a change to `decide` has to change this too.
fn expected(role: Role, action: Action) -> Decision {
    use Relation::*;
    match (role, action) {
        (
            _,
            Action::CompleteSetup
            | Action::SignIn
            | Action::SignOut
            | Action::AcceptInvitation
            | Action::FollowMailLink
            | Action::ReadPublicInfo
            | Action::AssessPassword
            | Action::Register,
        ) => Allow,
        (
            _,
            Action::EditV2mom(V2momFacts {
                status: Archived, ..
            }),
        ) => Deny,
        // Check-ins on anything but a published V2MOM: nobody, administrators included.
        (
            _,
            Action::CheckIn(V2momFacts {
                status: Draft | InReview | Archived,
                ..
            }),
        ) => Deny,
        (Role::Admin, _) => Allow,
        (
            _,
            Action::ManageOwnAccount
            | Action::ManageOwnSecondFactor
            | Action::ManageOwnApiKeys
            | Action::ExportOwnData,
        ) => Allow,
        (_, Action::ManageApiKeys) => Deny,
        (Role::Manager, Action::ViewTeam) => Allow,
        (Role::Manager, Action::ViewUser(Myself | DirectReport | IndirectReport)) => Allow,
        (Role::Manager, Action::ViewUser(OwnManager | ManagerAbove)) => Allow,
        (Role::Manager, Action::ViewUser(Peer | Unrelated)) => Deny,
        (Role::Employee, Action::ViewUser(Myself | OwnManager | ManagerAbove)) => Allow,
        (Role::Employee, Action::ViewUser(_)) => Deny,
        (_, Action::ManageUsers | Action::ReadAuditLog | Action::ManageSettings) => Deny,
        (Role::Employee, Action::ViewTeam) => Deny,
        // V2MOMs.
        (_, Action::UseV2moms) => Allow,
        (_, Action::ManagePeriods | Action::ExportPeriod | Action::ViewOrganisation) => Deny,
        (_, Action::CreateV2mom(Myself)) => Allow,
        (Role::Manager, Action::CreateV2mom(DirectReport | IndirectReport)) => Allow,
        (_, Action::CreateV2mom(_)) => Deny,
        (_, Action::ReadV2mom(V2momFacts { owner: Myself, .. }, _)) => Allow,
        (
            Role::Manager,
            Action::ReadV2mom(
                V2momFacts {
                    owner: DirectReport | IndirectReport,
                    ..
                },
                _,
            ),
        ) => Allow,
        (
            _,
            Action::ReadV2mom(
                V2momFacts {
                    owner: OwnManager | ManagerAbove,
                    status: Published | Archived,
                },
                _,
            ),
        ) => Allow,
        (
            _,
            Action::ReadV2mom(
                V2momFacts {
                    status: Published | Archived,
                    ..
                },
                Visibility::Company,
            ),
        ) => Allow,
        (_, Action::ReadV2mom(..)) => Deny,
        (
            Role::Manager,
            Action::EditV2mom(V2momFacts {
                owner: Myself | DirectReport | IndirectReport,
                status: Draft | InReview | Published,
            }),
        ) => Allow,
        (
            Role::Employee,
            Action::EditV2mom(V2momFacts {
                owner: Myself,
                status: Draft,
            }),
        ) => Allow,
        (_, Action::EditV2mom(_)) => Deny,
        (_, Action::ChangeV2momStatus(StatusChange::Submit, Myself)) => Allow,
        (
            Role::Manager,
            Action::ChangeV2momStatus(
                StatusChange::Approve | StatusChange::Return,
                DirectReport | IndirectReport,
            ),
        ) => Allow,
        (
            Role::Manager,
            Action::ChangeV2momStatus(
                StatusChange::Publish | StatusChange::Archive,
                Myself | DirectReport | IndirectReport,
            ),
        ) => Allow,
        (_, Action::ChangeV2momStatus(..)) => Deny,
        // Check-ins: the owner and the managers above.
        (
            _,
            Action::CheckIn(V2momFacts {
                owner: Myself,
                status: Published,
            }),
        ) => Allow,
        (
            Role::Manager,
            Action::CheckIn(V2momFacts {
                owner: DirectReport | IndirectReport,
                status: Published,
            }),
        ) => Allow,
        (
            Role::Employee,
            Action::CheckIn(V2momFacts {
                owner: DirectReport | IndirectReport,
                status: Published,
            }),
        ) => Deny,
        (
            _,
            Action::CheckIn(V2momFacts {
                owner: Peer | OwnManager | ManagerAbove | Unrelated,
                status: Published,
            }),
        ) => Deny,
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
    // 25 account and administration actions; 3 + 7 + 56 + 28 + 35 about V2MOMs; 28 check-ins.
    assert_eq!(checked, 3 * 182);
}

/// A key's scopes narrow the role: each action needs its scope on top of what the
/// role allows, and no scope adds anything the role lacks.
#[test]
fn scopes_narrow_the_role_and_never_widen_it() {
    let scope_sets = [
        Scopes::NONE,
        Scopes::NONE.with(Scope::Read),
        Scopes::NONE.with(Scope::Write),
        Scopes::NONE.with(Scope::Admin),
        Scopes::NONE.with(Scope::Read).with(Scope::Write),
        Scopes::ALL,
    ];
    for role in Role::ALL {
        for scopes in scope_sets {
            let key = Principal {
                scopes,
                api_key: true,
                ..actor(role, true)
            };
            for action in Action::all() {
                let want = match action.scope() {
                    None => Allow,
                    // A key is a credential of its own: it never manages the second factor.
                    Some(_) if action == Action::ManageOwnSecondFactor => Deny,
                    Some(scope) if scopes.contains(scope) => expected(role, action),
                    Some(_) => Deny,
                };
                assert_eq!(
                    decide(Some(&key), action),
                    want,
                    "{role:?} {scopes:?} {action:?}"
                );
            }
        }
    }
    let read_only = Principal {
        scopes: Scopes::NONE.with(Scope::Read),
        ..actor(Role::Admin, true)
    };
    assert_eq!(
        authorize(Some(&read_only), Action::ManageUsers),
        Err(AppError::Forbidden)
    );
    assert_eq!(authorize(Some(&read_only), Action::UseV2moms), Ok(()));
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

/// Archived V2MOMs are read-only for every role, whatever the relation, while those who
/// could edit them before may still read them.
#[test]
fn archived_v2moms_are_read_only_for_everyone() {
    for role in Role::ALL {
        let someone = actor(role, true);
        for owner in Relation::ALL {
            let archived = V2momFacts {
                owner,
                status: Archived,
            };
            assert_eq!(
                decide(Some(&someone), Action::EditV2mom(archived)),
                Deny,
                "{role:?} {owner:?}"
            );
            let published = V2momFacts {
                status: Published,
                ..archived
            };
            let could_edit = decide(Some(&someone), Action::EditV2mom(published)) == Allow;
            let reads = Action::ReadV2mom(archived, Visibility::Chain);
            if could_edit {
                assert_eq!(decide(Some(&someone), reads), Allow, "{role:?} {owner:?}");
            }
        }
    }
}

#[test]
fn lists_show_what_the_policy_lets_one_open() {
    let manager = actor(Role::Manager, true);
    let employee = actor(Role::Employee, true);
    let all = V2momStatus::ALL.to_vec();
    let public = vec![Published, Archived];
    let chain = Visibility::Chain;
    assert_eq!(readable_statuses(&manager, Circle::Myself, chain), all);
    assert_eq!(readable_statuses(&manager, Circle::Team, chain), all);
    assert_eq!(readable_statuses(&manager, Circle::Chain, chain), public);
    assert_eq!(readable_statuses(&manager, Circle::Others, chain), vec![]);
    assert_eq!(
        readable_statuses(&employee, Circle::Others, Visibility::Company),
        public
    );
    assert_eq!(readable_statuses(&employee, Circle::Team, chain), vec![]);
    let admin = actor(Role::Admin, true);
    assert_eq!(readable_statuses(&admin, Circle::Others, chain), all);
}
