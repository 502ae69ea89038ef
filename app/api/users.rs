//! People: the list, invitations, placement in the organisation, enabling and disabling.
//! Administrators only, except the team view.

use crate::{
    error::AppError,
    model::{InvitationSent, Role, TeamMember, UserPage, UserSummary},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    error::FieldError,
    model::{
        Delivery,
        validate::{Checks, MAX_NAME},
    },
    server::{
        audit::Event,
        auth::{authorized, request_origin},
        db::{NewUser, is_unique_violation},
        errors::internal,
        policy::Action,
        state::{AppState, app_state},
        tokens::new_token,
    },
};

pub const PER_PAGE: u32 = 25;

#[server(endpoint = "users")]
pub async fn list_users(query: String, page: u32) -> Result<UserPage, AppError> {
    let state = app_state()?;
    authorized(&state, Action::ManageUsers).await?;
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

#[server(endpoint = "users/get")]
pub async fn get_user(id: i64) -> Result<UserSummary, AppError> {
    let state = app_state()?;
    authorized(&state, Action::ManageUsers).await?;
    state
        .db
        .user_summary(id)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)
}

/// Everyone who could be chosen as a manager: (id, "Name (email)").
#[server(endpoint = "users/managers")]
pub async fn manager_choices() -> Result<Vec<(i64, String)>, AppError> {
    let state = app_state()?;
    authorized(&state, Action::ManageUsers).await?;
    let everyone = state.db.all_users().await.map_err(internal)?;
    Ok(everyone
        .into_iter()
        .map(|u| (u.id, format!("{} ({})", u.display_name, u.email)))
        .collect())
}

/// Creates the account and a single-use link for the person to choose a password.
#[server(endpoint = "users/invite")]
pub async fn invite_user(
    email: String,
    name: String,
    role: Role,
    manager: String,
    function: String,
    job_title: String,
) -> Result<InvitationSent, AppError> {
    let state = app_state()?;
    let admin = authorized(&state, Action::ManageUsers).await?;
    let mut checks = Checks::new();
    checks.email("email", &email).text("name", &name, MAX_NAME);
    optional_text(&mut checks, "function", &function);
    optional_text(&mut checks, "job_title", &job_title);
    checks.into_result()?;
    let manager_id = parse_manager(&manager)?;
    if let Some(id) = manager_id {
        state
            .db
            .user_by_id(id)
            .await
            .map_err(internal)?
            .ok_or_else(unknown_manager)?;
    }

    let mut tx = state.db.begin().await.map_err(internal)?;
    let person = match tx
        .create_user(NewUser {
            email: &email,
            display_name: &name,
            job_title: &job_title,
            function: &function,
            role,
            manager_id,
            password_hash: None,
        })
        .await
    {
        Err(err) if is_unique_violation(&err) => {
            return Err(AppError::Invalid {
                fields: vec![FieldError {
                    field: "email".into(),
                    message: "Someone with this email address already has an account.".into(),
                }],
            });
        }
        other => other.map_err(internal)?,
    };
    let event = Event::new("user.invited")
        .by(admin.id)
        .on(format!("user:{}", person.id))
        .with(serde_json::json!({ "role": role, "manager_id": manager_id }));
    invitation_for(&state, tx, &admin, &person, event).await
}

/// A new link for someone invited who has not accepted yet (lost, expired, or sent to the
/// wrong place): the earlier links stop working.
#[server(endpoint = "users/reinvite")]
pub async fn reinvite_user(id: i64) -> Result<InvitationSent, AppError> {
    let state = app_state()?;
    let (admin, person) = admin_acting_on(&state, id).await?;
    if person.password_hash().is_some() || !person.is_active() {
        return Err(AppError::Refused {
            reason: "Only people who have not accepted their invitation can get a new link.".into(),
        });
    }
    let tx = state.db.begin().await.map_err(internal)?;
    let event = Event::new("user.reinvited")
        .by(admin.id)
        .on(format!("user:{}", person.id));
    invitation_for(&state, tx, &admin, &person, event).await
}

/// Opens a single-use link for `person` (closing any earlier one), records `event` and
/// commits; then mails the link when mail is configured. The administrator gets the link
/// only when it was not mailed.
#[cfg(feature = "ssr")]
async fn invitation_for(
    state: &AppState,
    mut tx: crate::server::db::Tx,
    admin: &crate::server::db::UserRecord,
    person: &crate::server::db::UserRecord,
    event: Event,
) -> Result<InvitationSent, AppError> {
    let (token, token_hash) = new_token();
    let expires_at = chrono::Utc::now()
        + chrono::Duration::days(state.config.settings.invitation_ttl_days as i64);
    tx.create_invitation(person.id, &token_hash, admin.id, expires_at)
        .await
        .map_err(internal)?;
    tx.audit(&request_origin(), event).await.map_err(internal)?;
    tx.commit().await.map_err(internal)?;

    let link = format!("{}/invite/{token}", site_origin(state));
    let expires_at = expires_at.format("%Y-%m-%d %H:%M UTC").to_string();
    let delivery = match &state.config.mailer {
        None => Delivery::ByHand,
        Some(mailer) => mail_invitation(state, mailer, admin, person, &link, &expires_at).await?,
    };
    Ok(InvitationSent {
        user_id: person.id,
        email: person.email.clone(),
        link: (delivery != Delivery::Mailed).then_some(link),
        expires_at,
        delivery,
    })
}

/// Sends the invitation and records whether the relay took it. A failure is not an error
/// for the administrator: the invitation exists, and they get the link to pass on.
#[cfg(feature = "ssr")]
async fn mail_invitation(
    state: &AppState,
    mailer: &crate::server::mail::Mailer,
    admin: &crate::server::db::UserRecord,
    person: &crate::server::db::UserRecord,
    link: &str,
    expires_at: &str,
) -> Result<Delivery, AppError> {
    let organisation = state
        .db
        .instance()
        .await
        .map_err(internal)?
        .map(|i| i.organisation_name)
        .unwrap_or_default();
    let sent = mailer
        .send_invitation(crate::server::mail::InvitationMail {
            to_name: &person.display_name,
            to_email: &person.email,
            organisation: &organisation,
            invited_by: &admin.display_name,
            link,
            expires_at,
        })
        .await;
    let (delivery, action) = match sent {
        Ok(()) => (Delivery::Mailed, "invitation.mailed"),
        Err(error) => {
            tracing::warn!(user_id = person.id, %error, "invitation mail not sent");
            (Delivery::MailFailed, "invitation.mail_failed")
        }
    };
    let mut tx = state.db.begin().await.map_err(internal)?;
    let event = Event::new(action)
        .by(admin.id)
        .on(format!("user:{}", person.id))
        .with(serde_json::json!({ "relay": mailer.relay() }));
    tx.audit(&request_origin(), event).await.map_err(internal)?;
    tx.commit().await.map_err(internal)?;
    Ok(delivery)
}

/// Changes someone's role, manager, function and title. Refused when it would leave no
/// active administrator or put someone under their own report.
#[server(endpoint = "users/update")]
pub async fn update_user(
    id: i64,
    role: Role,
    manager: String,
    function: String,
    job_title: String,
) -> Result<(), AppError> {
    let state = app_state()?;
    let (admin, before) = admin_acting_on(&state, id).await?;
    let mut checks = Checks::new();
    optional_text(&mut checks, "function", &function);
    optional_text(&mut checks, "job_title", &job_title);
    checks.into_result()?;
    let manager_id = parse_manager(&manager)?;

    let mut tx = state.db.begin().await.map_err(internal)?;
    tx.lock_organisation().await.map_err(internal)?;
    if let Some(manager_id) = manager_id {
        state
            .db
            .user_by_id(manager_id)
            .await
            .map_err(internal)?
            .ok_or_else(unknown_manager)?;
        if tx.is_in_team_of(id, manager_id).await.map_err(internal)? {
            return Err(AppError::Refused {
                reason: "That manager reports to this person: choose someone outside their team."
                    .into(),
            });
        }
    }
    let demoted = before.role() == Role::Admin && role != Role::Admin;
    if demoted
        && before.is_active()
        && tx.count_active_admins_except(id).await.map_err(internal)? == 0
    {
        return Err(last_admin());
    }
    tx.update_placement(id, role, manager_id, &function, &job_title)
        .await
        .map_err(internal)?;
    // A change of privilege starts the person's sessions afresh.
    if role != before.role() {
        tx.end_sessions_of(id).await.map_err(internal)?;
    }
    let event = Event::new("user.updated")
        .by(admin.id)
        .on(format!("user:{id}"))
        .with(serde_json::json!({
            "role": { "from": before.role(), "to": role },
            "manager_id": { "from": before.manager_id, "to": manager_id },
            "function": function.trim(),
            "job_title": job_title.trim(),
        }));
    tx.audit(&request_origin(), event).await.map_err(internal)?;
    tx.commit().await.map_err(internal)
}

/// Disables (ending every session at once) or enables an account. The last active
/// administrator cannot be disabled.
#[server(endpoint = "users/status")]
pub async fn set_user_active(id: i64, active: bool) -> Result<(), AppError> {
    let state = app_state()?;
    let (admin, target) = admin_acting_on(&state, id).await?;
    let mut tx = state.db.begin().await.map_err(internal)?;
    tx.lock_organisation().await.map_err(internal)?;
    if !active
        && target.role() == Role::Admin
        && tx.count_active_admins_except(id).await.map_err(internal)? == 0
    {
        return Err(last_admin());
    }
    tx.set_active(id, active).await.map_err(internal)?;
    if !active {
        tx.end_sessions_of(id).await.map_err(internal)?;
    }
    let action = if active {
        "user.enabled"
    } else {
        "user.disabled"
    };
    let event = Event::new(action).by(admin.id).on(format!("user:{id}"));
    tx.audit(&request_origin(), event).await.map_err(internal)?;
    tx.commit().await.map_err(internal)
}

/// Clears someone's failed sign-in attempts, lifting any delay or lock on their account at
/// once (the per-address limit is not touched). Returns how many failures were cleared.
#[server(endpoint = "users/unlock")]
pub async fn unlock_user(id: i64) -> Result<u64, AppError> {
    let state = app_state()?;
    let (admin, target) = admin_acting_on(&state, id).await?;
    let mut tx = state.db.begin().await.map_err(internal)?;
    let cleared = crate::server::throttle::unlock_account(
        &mut tx,
        &request_origin(),
        admin.id,
        &target.email,
    )
    .await
    .map_err(internal)?;
    tx.commit().await.map_err(internal)?;
    Ok(cleared)
}

/// The signed-in manager's team: direct and indirect reports, as a tree.
#[server(endpoint = "team")]
pub async fn my_team() -> Result<Vec<TeamMember>, AppError> {
    let state = app_state()?;
    let me = authorized(&state, Action::ViewTeam).await?;
    state.db.team_of(me.id).await.map_err(internal)
}

/// The administrator acting and the person they act on (404 when there is no such person).
#[cfg(feature = "ssr")]
async fn admin_acting_on(
    state: &AppState,
    id: i64,
) -> Result<(crate::server::db::UserRecord, crate::server::db::UserRecord), AppError> {
    let admin = authorized(state, Action::ManageUsers).await?;
    let target = state
        .db
        .user_by_id(id)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    Ok((admin, target))
}

#[cfg(feature = "ssr")]
fn optional_text(checks: &mut Checks, field: &str, value: &str) {
    if !value.trim().is_empty() {
        checks.text(field, value, MAX_NAME);
    }
}

/// A `<select>` sends "" for "no manager".
#[cfg(feature = "ssr")]
fn parse_manager(raw: &str) -> Result<Option<i64>, AppError> {
    match raw.trim() {
        "" => Ok(None),
        id => id.parse().map(Some).map_err(|_| unknown_manager()),
    }
}

#[cfg(feature = "ssr")]
fn unknown_manager() -> AppError {
    AppError::Invalid {
        fields: vec![FieldError {
            field: "manager".into(),
            message: "Choose a manager from the list.".into(),
        }],
    }
}

#[cfg(feature = "ssr")]
fn last_admin() -> AppError {
    AppError::Refused {
        reason: "The last active administrator must stay an active administrator.".into(),
    }
}

/// `https://v2mom.example` when configured, else what the browser used to reach us.
#[cfg(feature = "ssr")]
fn site_origin(state: &AppState) -> String {
    if let Some(url) = &state.config.public_url {
        return url.origin().ascii_serialization();
    }
    let host = use_context::<http::request::Parts>()
        .and_then(|p| {
            p.headers
                .get(http::header::HOST)?
                .to_str()
                .ok()
                .map(str::to_owned)
        })
        .unwrap_or_else(|| state.config.settings.addr.to_string());
    format!("http://{host}")
}
