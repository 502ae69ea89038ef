//! Checks shared by the forms that place someone in the organisation (inviting, changing).

use crate::{
    error::{AppError, FieldError},
    model::validate::{Checks, MAX_NAME},
    server::{errors::internal, state::AppState},
};

/// Function and job title may be empty; when given, they are names. Returns them as stored.
pub(crate) fn optional_texts<const N: usize>(
    checks: &mut Checks,
    fields: [(&str, &str); N],
) -> [String; N] {
    fields.map(|(field, value)| checks.optional_text(field, value, MAX_NAME))
}

/// A `<select>` sends "" for "no manager".
pub fn parse_manager(raw: &str) -> Result<Option<i64>, AppError> {
    match raw.trim() {
        "" => Ok(None),
        id => id.parse().map(Some).map_err(|_| unknown_manager()),
    }
}

/// Refuses a manager who does not exist, as a mistake in the form.
pub(crate) async fn require_known_manager(state: &AppState, id: i64) -> Result<(), AppError> {
    state
        .db
        .user_by_id(id)
        .await
        .map_err(internal)?
        .map(drop)
        .ok_or_else(unknown_manager)
}

fn unknown_manager() -> AppError {
    AppError::Invalid {
        fields: vec![FieldError {
            field: "manager".into(),
            message: crate::i18n::t("server-unknown-manager"),
        }],
    }
}
