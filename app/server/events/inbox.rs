//! One's notifications: the bell's count, the list, marking read. Each entry is shown only
//! while its reader may still read the V2MOM it is about.

use crate::{
    error::AppError,
    model::{EventKind, Notification, Notifications, shown_title},
    server::{
        actor::Actor,
        db::{NotificationRow, now, rfc3339, subject_id},
        errors::internal,
        policy::Action,
        state::AppState,
        v2moms::Access,
    },
};

/// The newest notifications the list shows.
pub const LIST_LENGTH: i64 = 50;

pub async fn unread(state: &AppState, actor: &Actor) -> Result<i64, AppError> {
    actor.require(Action::UseV2moms)?;
    state
        .db
        .unread_notifications(actor.id())
        .await
        .map_err(internal)
}

pub async fn list(state: &AppState, actor: &Actor) -> Result<Notifications, AppError> {
    actor.require(Action::UseV2moms)?;
    let rows = state
        .db
        .notifications_of(actor.id(), LIST_LENGTH)
        .await
        .map_err(internal)?;
    let mut items = Vec::with_capacity(rows.len());
    for row in rows {
        if let Some(item) = readable(state, actor, row).await? {
            items.push(item);
        }
    }
    Ok(Notifications {
        items,
        unread: unread(state, actor).await?,
    })
}

/// Marks notification `id` read, or every one when `None`.
pub async fn mark_read(state: &AppState, actor: &Actor, id: Option<i64>) -> Result<(), AppError> {
    actor.require(Action::UseV2moms)?;
    state
        .db
        .mark_notifications_read(actor.id(), id, now())
        .await
        .map_err(internal)?;
    Ok(())
}

/// `row` as its reader sees it, if they may still read its V2MOM.
async fn readable(
    state: &AppState,
    actor: &Actor,
    row: NotificationRow,
) -> Result<Option<Notification>, AppError> {
    let Some(event) = EventKind::parse(&row.kind) else {
        return Ok(None);
    };
    // A V2MOM still readable by them; or, for a reminder to write theirs, where to start it.
    let link = match subject_id(&row.subject, "v2mom") {
        Some(id) => match Access::open(state, actor, id).await {
            Ok(_) => format!("/v2moms/{id}"),
            Err(AppError::Forbidden | AppError::NotFound) => return Ok(None),
            Err(err) => return Err(err),
        },
        None if event == EventKind::WriteReminder => "/v2moms".to_owned(),
        None => return Ok(None),
    };
    Ok(Some(Notification {
        id: row.id,
        event,
        actor: row
            .actor_name
            .or_else(|| Some(event.default_actor().to_owned())),
        title: shown_title(&row.title.unwrap_or_default()).to_owned(),
        link,
        at: rfc3339(row.at),
        read: row.read_at.is_some(),
    }))
}
