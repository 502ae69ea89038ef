//! Planning periods: everyone signed in reads them; administrators define them and choose
//! the current one.

use crate::{
    error::{AppError, FieldError},
    model::{
        Period,
        validate::{Checks, MAX_NAME},
    },
    server::{
        actor::Actor, audit::Event, errors::internal, policy::Action, state::AppState, transaction,
    },
};
use chrono::NaiveDate;

/// Every period, for anyone signed in.
pub async fn list(state: &AppState, actor: &Actor) -> Result<Vec<Period>, AppError> {
    actor.require(Action::UseV2moms)?;
    state.db.periods().await.map_err(internal)
}

/// The period a view asks for (`NotFound` when there is no such period), else the current
/// one, else the newest; `None` while no period exists.
pub fn chosen(periods: &[Period], id: Option<i64>) -> Result<Option<Period>, AppError> {
    match id {
        Some(id) => periods
            .iter()
            .find(|p| p.id == id)
            .cloned()
            .map(Some)
            .ok_or(AppError::NotFound),
        None => Ok(periods
            .iter()
            .find(|p| p.is_current)
            .or(periods.first())
            .cloned()),
    }
}

/// Every period, for the administrators' page (403 for everyone else).
pub async fn for_admin(state: &AppState, actor: &Actor) -> Result<Vec<Period>, AppError> {
    actor.require(Action::ManagePeriods)?;
    state.db.periods().await.map_err(internal)
}

/// A period to add: dates as typed, `YYYY-MM-DD`.
#[derive(Debug, Clone)]
pub struct NewPeriod<'a> {
    pub name: &'a str,
    pub starts_on: &'a str,
    pub ends_on: &'a str,
    /// Make it the current period at once.
    pub current: bool,
}

/// Adds a period such as "FY2027"; names are unique.
pub async fn create(
    state: &AppState,
    actor: &Actor,
    new: NewPeriod<'_>,
) -> Result<Period, AppError> {
    actor.require(Action::ManagePeriods)?;
    let NewPeriod {
        name,
        starts_on,
        ends_on,
        current,
    } = new;
    let mut checks = Checks::new();
    let name = checks.text("name", name, MAX_NAME);
    let name = name.trim();
    let starts_on = checks.text("starts_on", starts_on, 10);
    let ends_on = checks.text("ends_on", ends_on, 10);
    checks
        .date("starts_on", &starts_on)
        .date("ends_on", &ends_on);
    let date = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
    if let (Some(start), Some(end)) = (date(&starts_on), date(&ends_on))
        && end < start
    {
        checks.fail("ends_on", crate::i18n::t("server-period-ends-before-start"));
    }
    checks.into_result()?;
    let (Some(start), Some(end)) = (date(&starts_on), date(&ends_on)) else {
        return Err(AppError::BadRequest);
    };

    let id = transaction::run(&state.db, async |tx| {
        let Some(id) = tx.create_period(name, start, end).await? else {
            return Err(AppError::Invalid {
                fields: vec![FieldError {
                    field: "name".into(),
                    message: crate::i18n::t("server-period-name-taken"),
                }],
            }
            .into());
        };
        if current {
            tx.set_current_period(id).await?;
        }
        let event = Event::new("period.created")
            .by(actor.id())
            .on(format!("period:{id}"))
            .with(serde_json::json!({ "name": name.trim(), "current": current }));
        tx.audit(&actor.origin, event).await?;
        Ok(id)
    })
    .await?;
    state
        .db
        .period(id)
        .await
        .map_err(internal)?
        .ok_or_else(|| internal("period vanished after creation"))
}

/// Makes one period the current one: home pages and new V2MOMs default to it.
pub async fn make_current(state: &AppState, actor: &Actor, id: i64) -> Result<(), AppError> {
    actor.require(Action::ManagePeriods)?;
    transaction::run(&state.db, async |tx| {
        if !tx.set_current_period(id).await? {
            return Err(AppError::NotFound.into());
        }
        let event = Event::new("period.made_current")
            .by(actor.id())
            .on(format!("period:{id}"));
        tx.audit(&actor.origin, event).await?;
        Ok(())
    })
    .await
}
