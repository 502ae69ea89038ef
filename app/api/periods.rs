//! Planning periods: everyone signed in reads them; administrators define them.

use crate::{error::AppError, model::Period};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::server::{
    audit::Event, auth::authorized, errors::internal, policy::Action, state::app_state,
};

#[server(endpoint = "periods")]
pub async fn list_periods() -> Result<Vec<Period>, AppError> {
    let state = app_state()?;
    authorized(&state, Action::UseV2moms).await?;
    state.db.periods().await.map_err(internal)
}

/// The periods, for the administrators' page (403 for everyone else).
#[server(endpoint = "periods/manage")]
pub async fn manage_periods() -> Result<Vec<Period>, AppError> {
    let state = app_state()?;
    authorized(&state, Action::ManagePeriods).await?;
    state.db.periods().await.map_err(internal)
}

/// Adds a period such as "FY2027" from `starts_on` to `ends_on` (`YYYY-MM-DD`).
#[server(endpoint = "periods/create")]
pub async fn create_period(
    name: String,
    starts_on: String,
    ends_on: String,
    #[server(default)] current: Option<String>,
) -> Result<Period, AppError> {
    use crate::{
        error::FieldError,
        model::validate::{Checks, MAX_NAME},
        server::auth::request_origin,
    };
    let state = app_state()?;
    let admin = authorized(&state, Action::ManagePeriods).await?;
    let mut checks = Checks::new();
    checks
        .text("name", &name, MAX_NAME)
        .text("starts_on", &starts_on, 10)
        .date("starts_on", &starts_on)
        .text("ends_on", &ends_on, 10)
        .date("ends_on", &ends_on);
    let date = |s: &str| chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
    if let (Some(start), Some(end)) = (date(&starts_on), date(&ends_on))
        && end < start
    {
        checks.fail("ends_on", "The period must end after it starts.");
    }
    checks.into_result()?;
    let (Some(start), Some(end)) = (date(&starts_on), date(&ends_on)) else {
        return Err(AppError::BadRequest);
    };

    let mut tx = state.db.begin().await.map_err(internal)?;
    let Some(id) = tx
        .create_period(&name, start, end)
        .await
        .map_err(internal)?
    else {
        return Err(AppError::Invalid {
            fields: vec![FieldError {
                field: "name".into(),
                message: "A period with this name exists already.".into(),
            }],
        });
    };
    let make_current = current.is_some_and(|c| !c.is_empty());
    if make_current {
        tx.set_current_period(id).await.map_err(internal)?;
    }
    let event = Event::new("period.created")
        .by(admin.id)
        .on(format!("period:{id}"))
        .with(serde_json::json!({ "name": name.trim(), "current": make_current }));
    tx.audit(&request_origin(), event).await.map_err(internal)?;
    tx.commit().await.map_err(internal)?;
    state
        .db
        .period(id)
        .await
        .map_err(internal)?
        .ok_or_else(|| internal("period vanished after creation"))
}

/// Makes one period the current one: home pages and new V2MOMs default to it.
#[server(endpoint = "periods/current")]
pub async fn set_current_period(id: i64) -> Result<(), AppError> {
    use crate::server::auth::request_origin;
    let state = app_state()?;
    let admin = authorized(&state, Action::ManagePeriods).await?;
    let mut tx = state.db.begin().await.map_err(internal)?;
    if !tx.set_current_period(id).await.map_err(internal)? {
        return Err(AppError::NotFound);
    }
    let event = Event::new("period.made_current")
        .by(admin.id)
        .on(format!("period:{id}"));
    tx.audit(&request_origin(), event).await.map_err(internal)?;
    tx.commit().await.map_err(internal)?;
    Ok(())
}
