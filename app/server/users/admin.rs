//! Administrators' work on accounts: the list, placement in the organisation, enabling and
//! disabling, lifting a sign-in lock. Each keeps at least one active administrator.

use super::{optional_texts, parse_manager, require_known_manager};
use crate::{
    error::AppError,
    model::{
        Role, UserPage, UserSummary,
        validate::{Checks, MAX_QUERY},
    },
    server::{
        actor::Actor,
        audit::Event,
        db::{Tx, UserRecord},
        errors::internal,
        policy::Action,
        state::AppState,
        throttle,
        transaction::{self, Abort},
    },
};

/// People per page of the list.
pub const PER_PAGE: u32 = 25;

/// People whose name, email or function contains `query`, one page at a time (from 1).
pub async fn search(
    state: &AppState,
    actor: &Actor,
    query: &str,
    page: u32,
) -> Result<UserPage, AppError> {
    actor.require(Action::ManageUsers)?;
    let mut checks = Checks::new();
    let query = checks.optional_text("q", query, MAX_QUERY);
    checks.into_result()?;
    let page = page.max(1);
    let offset = i64::from(page - 1) * i64::from(PER_PAGE);
    let (users, total) = state
        .db
        .search_users(&query, i64::from(PER_PAGE), offset)
        .await
        .map_err(internal)?;
    Ok(UserPage {
        users,
        total,
        page,
        per_page: PER_PAGE,
    })
}

/// Anyone, as the administrators' page shows them.
pub async fn get(state: &AppState, actor: &Actor, id: i64) -> Result<UserSummary, AppError> {
    actor.require(Action::ManageUsers)?;
    state
        .db
        .user_summary(id)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)
}

/// Everyone who could be chosen as a manager: (id, "Name (email)").
pub async fn manager_choices(
    state: &AppState,
    actor: &Actor,
) -> Result<Vec<(i64, String)>, AppError> {
    actor.require(Action::ManageUsers)?;
    let everyone = state.db.all_users().await.map_err(internal)?;
    Ok(everyone
        .into_iter()
        .map(|u| (u.id, format!("{} ({})", u.display_name, u.email)))
        .collect())
}

/// The person an administrator acts on, once the policy allows it (404 when there is none).
pub async fn managed(state: &AppState, actor: &Actor, id: i64) -> Result<UserRecord, AppError> {
    actor.require(Action::ManageUsers)?;
    state
        .db
        .user_by_id(id)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)
}

/// Where someone sits: role, manager, function and title.
#[derive(Debug, Clone)]
pub struct Placement<'a> {
    pub role: Role,
    /// As the form's `<select>` sends it: an id, or "" for none.
    pub manager: &'a str,
    pub function: &'a str,
    pub job_title: &'a str,
}

/// Changes someone's role, manager, function and title. Refused when it would leave no
/// active administrator or put someone under their own report.
pub async fn change_placement(
    state: &AppState,
    actor: &Actor,
    id: i64,
    placement: Placement<'_>,
) -> Result<(), AppError> {
    // Only someone who may place people learns what is wrong with the manager field.
    actor.require(Action::ManageUsers)?;
    let manager_id = parse_manager(placement.manager)?;
    let before = managed(state, actor, id).await?;
    let Placement {
        role,
        function,
        job_title,
        ..
    } = placement;
    let mut checks = Checks::new();
    let [function, job_title] = optional_texts(
        &mut checks,
        [("function", function), ("job_title", job_title)],
    );
    let (function, job_title) = (function.as_str(), job_title.as_str());
    checks.into_result()?;

    transaction::run(&state.db, async |tx| {
        tx.lock_organisation().await?;
        if let Some(manager_id) = manager_id {
            require_known_manager(state, manager_id).await?;
        }
        let to = Placed {
            role,
            manager_id,
            function,
            job_title,
        };
        place(tx, actor, &before, to).await
    })
    .await
}

/// Where someone is to sit, checked as a form's fields are.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Placed<'a> {
    pub role: Role,
    pub manager_id: Option<i64>,
    pub function: &'a str,
    pub job_title: &'a str,
}

/// Moves `before` to `to` in `tx` (which holds the organisation's lock) and audits it;
/// refused when it would leave no active administrator or put someone under their own
/// report.
pub(crate) async fn place(
    tx: &mut Tx,
    actor: &Actor,
    before: &UserRecord,
    to: Placed<'_>,
) -> Result<(), Abort> {
    let Placed {
        role,
        manager_id,
        function,
        job_title,
    } = to;
    let id = before.id;
    if let Some(manager_id) = manager_id
        && tx.is_in_team_of(id, manager_id).await?
    {
        return Err(AppError::Refused {
            reason: crate::i18n::t("server-manager-in-team"),
        }
        .into());
    }
    let demoted = before.role() == Role::Admin && role != Role::Admin;
    if demoted && before.is_active() && tx.count_active_admins_except(id).await? == 0 {
        return Err(last_admin().into());
    }
    tx.update_placement(id, role, manager_id, function, job_title)
        .await?;
    // A change of privilege starts the person's sessions afresh.
    if role != before.role() {
        tx.end_sessions_of(id).await?;
    }
    let event = Event::new("user.updated")
        .by(actor.id())
        .on(format!("user:{id}"))
        .with(serde_json::json!({
            "role": { "from": before.role(), "to": role },
            "manager_id": { "from": before.manager_id, "to": manager_id },
            // Not the texts: the audit log outlives erasure and names people by id only.
            "function_changed": before.function != function.trim(),
            "job_title_changed": before.job_title != job_title.trim(),
        }));
    tx.audit(&actor.origin, event).await?;
    Ok(())
}

/// Disables (ending every session at once) or enables an account. The last active
/// administrator cannot be disabled.
pub async fn set_active(
    state: &AppState,
    actor: &Actor,
    id: i64,
    active: bool,
) -> Result<(), AppError> {
    let target = managed(state, actor, id).await?;
    let action = if active {
        "user.enabled"
    } else {
        "user.disabled"
    };
    transaction::run(&state.db, async |tx| {
        tx.lock_organisation().await?;
        if !active && target.role() == Role::Admin && tx.count_active_admins_except(id).await? == 0
        {
            return Err(last_admin().into());
        }
        tx.set_active(id, active).await?;
        if !active {
            tx.end_sessions_of(id).await?;
        }
        let event = Event::new(action).by(actor.id()).on(format!("user:{id}"));
        tx.audit(&actor.origin, event).await?;
        Ok(())
    })
    .await
}

/// Clears someone's failed sign-in attempts, lifting any delay or lock on their account at
/// once (the per-address limit is not touched). Returns how many failures were cleared.
pub async fn unlock(state: &AppState, actor: &Actor, id: i64) -> Result<u64, AppError> {
    let target = managed(state, actor, id).await?;
    transaction::run(&state.db, async |tx| {
        Ok(throttle::unlock_account(tx, &actor.origin, actor.id(), &target.email).await?)
    })
    .await
}

pub(super) fn last_admin() -> AppError {
    AppError::Refused {
        reason: crate::i18n::t("server-last-admin"),
    }
}
