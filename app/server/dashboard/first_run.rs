//! The first-run checklist: what an administrator still has to do before the organisation
//! runs on its own. Each step ticks itself off from what the database and settings say.

use crate::{
    error::AppError,
    model::{FirstStep, Period, Step},
    server::{actor::Actor, errors::internal, policy::Action, state::AppState},
};

/// The steps and whether each is done, for an administrator while a required one is left;
/// `None` for everyone else and once the organisation is going.
pub(super) async fn checklist(
    state: &AppState,
    actor: &Actor,
    period: Option<&Period>,
) -> Result<Option<Vec<FirstStep>>, AppError> {
    if !actor.may(Action::ManageSettings) {
        return Ok(None);
    }
    let (people, company_v2moms) = state
        .db
        .first_run_counts(period.map(|p| p.id))
        .await
        .map_err(internal)?;
    let providers = state.db.sso_providers().await.map_err(internal)?;
    let steps = vec![
        FirstStep {
            step: Step::CreatePeriod,
            done: period.is_some(),
        },
        FirstStep {
            step: Step::WriteCompanyV2mom,
            done: company_v2moms > 0,
        },
        FirstStep {
            step: Step::InvitePeople,
            done: people > 1,
        },
        FirstStep {
            step: Step::SetUpSso,
            done: !providers.is_empty(),
        },
        FirstStep {
            step: Step::ConfigureMail,
            done: state.config.mailer.is_some(),
        },
    ];
    let going = steps.iter().all(|s| s.done || s.step.optional());
    Ok((!going).then_some(steps))
}
