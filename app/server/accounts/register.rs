//! Open self-registration: when `open_registration` is on, anyone may create an employee
//! account (no manager); when off, the feature does not exist (404).

use super::require_password_sign_in;
use crate::{
    error::{AppError, FieldError},
    model::{
        Role,
        validate::{Checks, MAX_NAME},
    },
    server::{
        audit::{Event, Origin},
        db::{NewUser, UserRecord, is_unique_violation},
        password::check_policy,
        policy::{Action, authorize},
        state::AppState,
        throttle::{self, Kind},
        transaction,
    },
};

/// Whether `/register` is open, for the sign-in page's link.
pub fn registration_open(state: &AppState) -> Result<bool, AppError> {
    authorize(None, Action::ReadPublicInfo)?;
    Ok(state.config.settings.open_registration)
}

/// The registration form.
#[derive(Debug, Clone, Copy)]
pub struct NewAccount<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub password: &'a str,
}

/// Creates the account; returns it, for the caller to sign in. Refused attempts (invalid
/// fields, an email already taken) count towards the client address's throttling limit.
pub async fn register(
    state: &AppState,
    origin: &Origin,
    form: NewAccount<'_>,
) -> Result<UserRecord, AppError> {
    authorize(None, Action::Register)?;
    require_password_sign_in(state).await?;
    if !state.config.settings.open_registration {
        return Err(AppError::NotFound);
    }
    throttle::check(state, origin, Kind::Register, None).await?;
    let refused = |error: AppError| async {
        throttle::record_failure_alone(state, origin, Kind::Register, None).await?;
        Err(error)
    };

    let NewAccount {
        name,
        email,
        password,
    } = form;
    let mut checks = Checks::new();
    let name = checks.text("name", name, MAX_NAME);
    let email = checks.email("email", email);
    let (name, email) = (name.as_str(), email.as_str());
    checks.add(check_policy("password", password, name, email));
    if let Err(invalid) = checks.into_result() {
        return refused(invalid).await;
    }
    let hash = state.passwords.hash(password).await?;
    let taken = || AppError::Invalid {
        fields: vec![FieldError {
            field: "email".into(),
            message: crate::i18n::t("server-register-email-taken"),
        }],
    };
    let created = transaction::run(&state.db, async |tx| {
        let user = match tx
            .create_user(NewUser {
                email,
                display_name: name,
                job_title: "",
                function: "",
                role: Role::Employee,
                manager_id: None,
                password_hash: Some(&hash),
            })
            .await
        {
            Err(err) if is_unique_violation(&err) => return Err(taken().into()),
            other => other?,
        };
        let event = Event::new("user.registered")
            .by(user.id)
            .on(format!("user:{}", user.id));
        tx.audit(origin, event).await?;
        Ok(user)
    })
    .await;
    match created {
        // The taken address counts as a refused attempt, recorded after the rollback.
        Err(AppError::Invalid { .. }) => refused(taken()).await,
        other => other,
    }
}
