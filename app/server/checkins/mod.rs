//! Check-ins on a V2MOM's measures: report a value and a status (`check_in`), read a
//! measure's history (`of_measure`) or a whole V2MOM's for its page (`tracking`).
//! Append-only: a correction is a new check-in. Allowed on published V2MOMs, by the owner
//! and the managers above them (the policy's `CheckIn`).

use crate::{
    error::AppError,
    model::{CheckIn, NewCheckIn, PersonRef, Tracking, V2momStatus},
    server::{
        actor::Actor,
        audit::Event,
        db::{MeasureFacts, rfc3339},
        errors::internal,
        policy::{Action, V2momFacts},
        state::AppState,
        transaction,
        v2moms::Access,
    },
};
use serde_json::json;

/// Records a check-in on measure `measure_id` of V2MOM `v2mom_id`, audited as
/// `measure.checked_in`.
pub async fn check_in(
    state: &AppState,
    actor: &Actor,
    v2mom_id: i64,
    measure_id: i64,
    new: &NewCheckIn,
) -> Result<CheckIn, AppError> {
    let access = Access::open(state, actor, v2mom_id).await?;
    let facts = access.facts();
    let may_once_published = access.may(Action::CheckIn(V2momFacts {
        status: V2momStatus::Published,
        ..facts
    }));
    if may_once_published && facts.status != V2momStatus::Published {
        return Err(AppError::Refused {
            reason: crate::i18n::t("server-check-ins-after-publishing"),
        });
    }
    access.require(Action::CheckIn(facts))?;
    let measure = measure_of(state, v2mom_id, measure_id).await?;
    let checked = new.check(measure.kind)?;
    let by = actor.id();
    let (id, at) = transaction::run(&state.db, async |tx| {
        let (id, at) = tx.add_check_in(measure_id, by, &checked).await?;
        let event = Event::new("measure.checked_in")
            .by(by)
            .on(format!("measure:{measure_id}"))
            .with(json!({
                "v2mom": v2mom_id,
                "check_in": id,
                "value": checked.value,
                "status": checked.status.as_str(),
            }));
        tx.audit(&actor.origin, event).await?;
        Ok((id, at))
    })
    .await?;
    Ok(CheckIn {
        id,
        measure_id,
        value: checked.value,
        status: checked.status,
        comment: checked.comment,
        by: PersonRef {
            id: by,
            name: actor.user.display_name.clone(),
        },
        at: rfc3339(at),
    })
}

/// A measure's check-ins, oldest first, for whoever may read its V2MOM.
pub async fn of_measure(
    state: &AppState,
    actor: &Actor,
    v2mom_id: i64,
    measure_id: i64,
) -> Result<Vec<CheckIn>, AppError> {
    Access::open(state, actor, v2mom_id).await?;
    measure_of(state, v2mom_id, measure_id).await?;
    state
        .db
        .check_ins_of_measure(measure_id)
        .await
        .map_err(internal)
}

/// Every check-in on a V2MOM, oldest first, and whether the actor may add one now.
pub async fn tracking(
    state: &AppState,
    actor: &Actor,
    v2mom_id: i64,
) -> Result<Tracking, AppError> {
    tracking_of(state, &Access::open(state, actor, v2mom_id).await?).await
}

/// [`tracking`] for a V2MOM already opened.
pub async fn tracking_of(state: &AppState, access: &Access) -> Result<Tracking, AppError> {
    let check_ins = state
        .db
        .check_ins_of_v2mom(access.id())
        .await
        .map_err(internal)?;
    Ok(Tracking {
        can_check_in: access.may(Action::CheckIn(access.facts())),
        check_ins,
    })
}

/// The measure, when it is one of this V2MOM's (404 otherwise).
async fn measure_of(
    state: &AppState,
    v2mom_id: i64,
    measure_id: i64,
) -> Result<MeasureFacts, AppError> {
    state
        .db
        .measure_facts(measure_id)
        .await
        .map_err(internal)?
        .filter(|m| m.v2mom_id == v2mom_id)
        .ok_or(AppError::NotFound)
}
