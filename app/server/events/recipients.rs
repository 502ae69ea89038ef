//! Who an event is news for, in their bell (and by mail, as each chose per topic): the manager when a V2MOM waits for their review;
//! the owner when it comes back, is approved, published or archived, or someone else
//! checked in on it; the owner's reports when it is published (a V2MOM up their chain).
//! Never the person who acted, and only those the policy lets hear of it (`Access::may_hear`).

use crate::{
    error::AppError,
    model::{EventKind, Topic},
    server::{
        actor::{Actor, Origin},
        db::EventRow,
        errors::internal,
        policy::Action,
        state::AppState,
        v2moms::Access,
    },
};

/// The people to notify of `event`, each once, with what it is to each.
pub async fn of(state: &AppState, event: &EventRow) -> Result<Vec<(i64, Topic)>, AppError> {
    if event.kind() == Some(EventKind::WriteReminder) {
        return write_reminded(state, event).await;
    }
    let (Some(kind), Some(v2mom)) = (event.kind(), event.subject_id("v2mom")) else {
        return Ok(vec![]);
    };
    let db = &state.db;
    let Some(people) = db.v2mom_people(v2mom).await.map_err(internal)? else {
        return Ok(vec![]);
    };
    let owner = |topic| vec![(people.owner_id, topic)];
    let mut candidates = match kind {
        EventKind::V2momSubmitted => people
            .manager_id
            .map(|manager| (manager, Topic::ReviewRequested))
            .into_iter()
            .collect(),
        EventKind::V2momReturned => owner(Topic::Returned),
        EventKind::V2momArchived => owner(Topic::Archived),
        EventKind::CheckInAdded => owner(Topic::CheckIn),
        EventKind::CheckInReminder => owner(Topic::CheckInReminder),
        EventKind::V2momApproved | EventKind::V2momPublished => {
            let mut them = owner(if kind == EventKind::V2momApproved {
                Topic::Approved
            } else {
                Topic::Published
            });
            let reports = db.direct_reports(people.owner_id).await.map_err(internal)?;
            them.extend(reports.into_iter().map(|id| (id, Topic::UpTheChain)));
            them
        }
        _ => vec![],
    };
    candidates.retain(|(id, _)| Some(*id) != event.actor_id);
    candidates.dedup_by_key(|(id, _)| *id);
    let Some(header) = db.v2mom_header(v2mom).await.map_err(internal)? else {
        return Ok(vec![]);
    };
    let mut recipients = Vec::with_capacity(candidates.len());
    for (id, topic) in candidates {
        let Some(user) = db.user_by_id(id).await.map_err(internal)? else {
            continue;
        };
        let reader = Actor::session(user, Origin::default());
        let access = Access::of(state, &reader, header.clone()).await?;
        if access.may_hear(kind) {
            recipients.push((id, topic));
        }
    }
    Ok(recipients)
}

/// A reminder to write one's V2MOM is for the person named in it, while they may write one.
async fn write_reminded(state: &AppState, event: &EventRow) -> Result<Vec<(i64, Topic)>, AppError> {
    let payload: serde_json::Value = serde_json::from_str(&event.payload).unwrap_or_default();
    let Some(id) = payload.get("user").and_then(serde_json::Value::as_i64) else {
        return Ok(vec![]);
    };
    let Some(user) = state.db.user_by_id(id).await.map_err(internal)? else {
        return Ok(vec![]);
    };
    let person = Actor::session(user, Origin::default());
    Ok(if person.may(Action::UseV2moms) {
        vec![(id, Topic::WriteReminder)]
    } else {
        vec![]
    })
}
