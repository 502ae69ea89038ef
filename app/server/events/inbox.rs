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

/// The page a notification about `subject` leads to: the V2MOM's; for a reminder to write
/// one's V2MOM for a period, the V2MOMs page where it is started.
pub(super) fn page_of(subject: &str) -> Option<String> {
    match (subject_id(subject, "v2mom"), subject_id(subject, "period")) {
        (Some(id), _) => Some(format!("/v2moms/{id}")),
        (None, Some(_)) => Some("/v2moms".to_owned()),
        (None, None) => None,
    }
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
    let Some(link) = page_of(&row.subject) else {
        return Ok(None);
    };
    if let Some(id) = subject_id(&row.subject, "v2mom") {
        match Access::open(state, actor, id).await {
            Ok(_) => {}
            Err(AppError::Forbidden | AppError::NotFound) => return Ok(None),
            Err(err) => return Err(err),
        }
    }
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
