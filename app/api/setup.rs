//! First run: name the organisation and create the first administrator.

use crate::error::AppError;
use leptos::prelude::*;

/// Whether the instance still waits for its first administrator.
#[server(endpoint = "setup_needed")]
pub async fn setup_needed() -> Result<bool, AppError> {
    use crate::server::{
        errors::internal,
        policy::{Action, authorize},
        state::app_state,
    };
    authorize(None, Action::ReadPublicInfo)?;
    let state = app_state()?;
    Ok(!state.db.any_user_exists().await.map_err(internal)?)
}

/// Creates the organisation and its first administrator, then signs them in. Happens once:
/// afterwards (or for the loser of two racing requests) it answers 404. Refused attempts
/// (invalid fields, 404) count towards the client address's throttling limit.
#[server(endpoint = "setup")]
pub async fn complete_setup(
    organisation: String,
    name: String,
    email: String,
    password: String,
) -> Result<(), AppError> {
    use crate::server::{
        auth::request_origin,
        errors::internal,
        policy::{Action, authorize},
        state::app_state,
        throttle::{self, Kind},
    };

    authorize(None, Action::CompleteSetup)?;
    let state = app_state()?;
    let origin = request_origin();
    throttle::check(&state, &origin, Kind::Setup, None).await?;
    let result = set_up(&state, &origin, &organisation, &name, &email, &password).await;
    if let Err(AppError::Invalid { .. } | AppError::NotFound) = &result {
        let mut tx = state.db.begin().await.map_err(internal)?;
        throttle::record_failure(&mut tx, &origin, Kind::Setup, None)
            .await
            .map_err(internal)?;
        tx.commit().await.map_err(internal)?;
    }
    result?;
    leptos_axum::redirect("/");
    Ok(())
}

#[cfg(feature = "ssr")]
async fn set_up(
    state: &crate::server::state::AppState,
    origin: &crate::server::audit::Origin,
    organisation: &str,
    name: &str,
    email: &str,
    password: &str,
) -> Result<(), AppError> {
    use crate::{
        model::{
            Role,
            validate::{Checks, MAX_NAME},
        },
        server::{
            audit::Event,
            auth::sign_in,
            db::{NewUser, is_unique_violation},
            errors::internal,
            password::check_policy,
        },
    };

    let mut checks = Checks::new();
    checks
        .text("organisation", organisation, MAX_NAME)
        .text("name", name, MAX_NAME)
        .email("email", email)
        .add(check_policy("password", password, name, email));
    checks.into_result()?;
    if state.db.any_user_exists().await.map_err(internal)? {
        return Err(AppError::NotFound);
    }

    let hash = state.passwords.hash(password).await?;
    let mut tx = state.db.begin().await.map_err(internal)?;
    // The instance row can exist once: a racing second setup stops here.
    match tx.create_instance(organisation.trim()).await {
        Err(err) if is_unique_violation(&err) => return Err(AppError::NotFound),
        other => other.map_err(internal)?,
    };
    let admin = tx
        .create_user(NewUser {
            email,
            display_name: name,
            job_title: "",
            function: "",
            role: Role::Admin,
            manager_id: None,
            password_hash: Some(&hash),
        })
        .await
        .map_err(internal)?;
    let event = Event::new("setup.completed")
        .by(admin.id)
        .on(format!("user:{}", admin.id))
        .with(serde_json::json!({ "organisation": organisation.trim() }));
    tx.audit(origin, event).await.map_err(internal)?;
    tx.commit().await.map_err(internal)?;
    sign_in(state, &admin, "setup").await
}
