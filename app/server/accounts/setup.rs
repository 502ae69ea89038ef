//! First run: name the organisation and create the first administrator.

use crate::{
    error::AppError,
    model::{
        Role,
        validate::{Checks, MAX_NAME},
    },
    server::{
        audit::{Event, Origin},
        db::{NewUser, UserRecord, is_unique_violation},
        errors::internal,
        password::check_policy,
        policy::{Action, authorize},
        state::AppState,
        throttle::{self, Kind},
        transaction,
    },
};

/// Whether the instance still waits for its first administrator.
pub async fn setup_needed(state: &AppState) -> Result<bool, AppError> {
    authorize(None, Action::ReadPublicInfo)?;
    Ok(!state.db.any_user_exists().await.map_err(internal)?)
}

/// The setup form.
#[derive(Debug, Clone, Copy)]
pub struct FirstAdmin<'a> {
    pub organisation: &'a str,
    pub name: &'a str,
    pub email: &'a str,
    pub password: &'a str,
}

/// Creates the organisation and its first administrator; returns them, for the caller to
/// sign in. Happens once: afterwards (or for the loser of two racing requests) it answers
/// 404. Refused attempts (invalid fields, 404) count towards the client address's
/// throttling limit.
pub async fn set_up(
    state: &AppState,
    origin: &Origin,
    form: FirstAdmin<'_>,
) -> Result<UserRecord, AppError> {
    authorize(None, Action::CompleteSetup)?;
    throttle::check(state, origin, Kind::Setup, None).await?;
    let result = create_first_admin(state, origin, form).await;
    if let Err(AppError::Invalid { .. } | AppError::NotFound) = &result {
        throttle::record_failure_alone(state, origin, Kind::Setup, None).await?;
    }
    result
}

async fn create_first_admin(
    state: &AppState,
    origin: &Origin,
    form: FirstAdmin<'_>,
) -> Result<UserRecord, AppError> {
    let FirstAdmin {
        organisation,
        name,
        email,
        password,
    } = form;
    let mut checks = Checks::new();
    let organisation = checks.text("organisation", organisation, MAX_NAME);
    let name = checks.text("name", name, MAX_NAME);
    let email = checks.email("email", email);
    let (organisation, name, email) = (organisation.as_str(), name.as_str(), email.as_str());
    checks.add(check_policy("password", password, name, email));
    checks.into_result()?;
    if state.db.any_user_exists().await.map_err(internal)? {
        return Err(AppError::NotFound);
    }

    let hash = state.passwords.hash(password).await?;
    transaction::run(&state.db, async |tx| {
        // The instance row can exist once: a racing second setup stops here.
        match tx.create_instance(organisation.trim()).await {
            Err(err) if is_unique_violation(&err) => return Err(AppError::NotFound.into()),
            other => other?,
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
            .await?;
        let event = Event::new("setup.completed")
            .by(admin.id)
            .on(format!("user:{}", admin.id))
            .with(serde_json::json!({ "organisation": organisation.trim() }));
        tx.audit(origin, event).await?;
        Ok(admin)
    })
    .await
}
