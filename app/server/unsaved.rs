//! A V2MOM save that was refused while the browser ran without JavaScript: the text the
//! person sent is kept in their session, so the editor they are sent back to shows it
//! again instead of losing it. (With JavaScript the form never leaves the page.)

use super::{auth::session, errors::internal};
use crate::{error::AppError, model::V2momContent};

fn key(v2mom_id: i64) -> String {
    format!("v2mom-unsaved-{v2mom_id}")
}

/// Keeps `content` for the editor of `v2mom_id`, or forgets what was kept (`None`).
pub async fn keep(v2mom_id: i64, content: Option<&V2momContent>) -> Result<(), AppError> {
    let session = session().await?;
    let key = key(v2mom_id);
    match content {
        Some(content) => session.insert(&key, content).await,
        // Removing marks the session changed (a write), so only when there is something.
        None => match session.get_value(&key).await {
            Ok(Some(_)) => session.remove_value(&key).await.map(drop),
            other => other.map(drop),
        },
    }
    .map_err(internal)
}

/// What a refused save left for the editor of `v2mom_id`, if anything.
pub async fn find(v2mom_id: i64) -> Result<Option<V2momContent>, AppError> {
    session()
        .await?
        .get::<V2momContent>(&key(v2mom_id))
        .await
        .map_err(internal)
}
