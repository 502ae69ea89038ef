//! Open self-registration: when `open_registration` is on, anyone may create an employee
//! account (no manager) and is signed in; when off, the feature does not exist (404).

use crate::error::AppError;
use leptos::prelude::*;

/// Whether `/register` is open, for the sign-in page's link.
#[server(endpoint = "registration_open")]
pub async fn registration_open() -> Result<bool, AppError> {
    use crate::server::{
        policy::{Action, authorize},
        state::app_state,
    };
    authorize(None, Action::ReadPublicInfo)?;
    Ok(app_state()?.config.settings.open_registration)
}

/// Creates the account and signs the person in. Refused attempts (invalid fields, an email
/// already taken) count towards the client address's throttling limit.
#[server(endpoint = "register")]
pub async fn register(name: String, email: String, password: String) -> Result<(), AppError> {
    use crate::{
        error::FieldError,
        model::{
            Role,
            validate::{Checks, MAX_NAME},
        },
        server::{
            audit::Event,
            auth::{request_origin, sign_in},
            db::{NewUser, is_unique_violation},
            errors::internal,
            password::check_policy,
            policy::{Action, authorize},
            state::app_state,
            throttle::{self, Kind},
        },
    };
    authorize(None, Action::Register)?;
    let state = app_state()?;
    crate::api::sso::require_password_sign_in(&state).await?;
    if !state.config.settings.open_registration {
        return Err(AppError::NotFound);
    }
    let origin = request_origin();
    throttle::check(&state, &origin, Kind::Register, None).await?;
    let refused = |error: AppError| async {
        let mut tx = state.db.begin().await.map_err(internal)?;
        throttle::record_failure(&mut tx, &origin, Kind::Register, None)
            .await
            .map_err(internal)?;
        tx.commit().await.map_err(internal)?;
        Err::<(), _>(error)
    };

    let mut checks = Checks::new();
    checks.text("name", &name, MAX_NAME).email("email", &email);
    checks.add(check_policy("password", &password, &name, &email));
    if let Err(invalid) = checks.into_result() {
        return refused(invalid).await;
    }
    let hash = state.passwords.hash(&password).await?;
    let mut tx = state.db.begin().await.map_err(internal)?;
    let user = match tx
        .create_user(NewUser {
            email: &email,
            display_name: &name,
            job_title: "",
            function: "",
            role: Role::Employee,
            manager_id: None,
            password_hash: Some(&hash),
        })
        .await
    {
        Err(err) if is_unique_violation(&err) => {
            drop(tx);
            return refused(AppError::Invalid {
                fields: vec![FieldError {
                    field: "email".into(),
                    message: "This email address already has an account: sign in instead.".into(),
                }],
            })
            .await;
        }
        other => other.map_err(internal)?,
    };
    let event = Event::new("user.registered")
        .by(user.id)
        .on(format!("user:{}", user.id));
    tx.audit(&origin, event).await.map_err(internal)?;
    tx.commit().await.map_err(internal)?;
    sign_in(&state, &user, "registration").await?;
    leptos_axum::redirect("/");
    Ok(())
}
