//! The second step of signing in: an app code or a recovery code.

use super::{codes, use_app_code, wrong_code};
use crate::{
    error::AppError,
    server::{
        audit::{Event, Origin},
        db::UserRecord,
        errors::internal,
        metrics::SIGN_INS_TOTAL,
        policy::{Action, authorize},
        state::AppState,
        throttle::{self, Kind},
        tokens::hash_token,
        transaction,
    },
};

/// Checks `code` for the person whose password (or provider) just passed, `user_id`, from
/// their half-signed-in session; returns them, for the caller to finish signing in. Wrong
/// codes count towards throttling like wrong passwords (the account and the address), and
/// a throttled attempt is refused before the code is looked at. Every outcome is audited.
pub async fn second_step(
    state: &AppState,
    origin: &Origin,
    user_id: i64,
    code: &str,
) -> Result<UserRecord, AppError> {
    authorize(None, Action::SignIn)?;
    let user = state
        .db
        .user_by_id(user_id)
        .await
        .map_err(internal)?
        .filter(UserRecord::is_active)
        .ok_or(AppError::Unauthenticated)?;
    throttle::check(state, origin, Kind::SecondFactor, Some(&user.email)).await?;
    let target = format!("user:{}", user.id);
    let used = if codes::is_app_code(code) {
        use_app_code(state, &user, code).await?.then_some("app")
    } else {
        let hash = hash_token(&codes::normalise_recovery_code(code));
        let used = transaction::run(&state.db, async |tx| {
            Ok(tx.use_recovery_code(user.id, &hash).await?)
        })
        .await?;
        used.then_some("recovery_code")
    };
    match used {
        Some(how) => {
            let left = state
                .db
                .recovery_codes_left(user.id)
                .await
                .map_err(internal)?;
            let event = Event::new("auth.second_factor")
                .by(user.id)
                .on(target)
                .with(serde_json::json!({ "with": how, "recovery_codes_left": left }));
            transaction::run(&state.db, async |tx| {
                Ok(tx.audit(origin, event.clone()).await?)
            })
            .await?;
            Ok(user)
        }
        None => {
            let event = Event::new("auth.second_factor_failed").on(target);
            transaction::run(&state.db, async |tx| {
                throttle::record_failure(tx, origin, Kind::SecondFactor, Some(&user.email)).await?;
                tx.audit(origin, event.clone()).await?;
                Ok(())
            })
            .await?;
            metrics::counter!(SIGN_INS_TOTAL, "outcome" => "refused").increment(1);
            Err(wrong_code("code"))
        }
    }
}
