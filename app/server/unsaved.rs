//! Form input kept in the browser's session across a plain form post (no JavaScript), so
//! the page the browser is sent back to shows it again instead of losing it: a V2MOM save
//! that was refused, a people CSV being previewed. (With JavaScript the form never leaves
//! the page.) Nothing secret goes here: see `shown_once` for that.

use super::{auth::session, errors::internal};
use crate::{error::AppError, model::V2momContent};
use serde::{Serialize, de::DeserializeOwned};

/// What is kept, and under which session key.
pub enum Unsaved {
    /// The editor of one V2MOM.
    V2mom(i64),
    /// The people import page's CSV.
    PeopleImport,
}

impl Unsaved {
    fn key(&self) -> String {
        match self {
            Unsaved::V2mom(id) => format!("v2mom-unsaved-{id}"),
            Unsaved::PeopleImport => "people-import-csv".to_owned(),
        }
    }
}

/// Keeps `value` for `form`.
pub async fn keep<T: Serialize>(form: Unsaved, value: &T) -> Result<(), AppError> {
    session()
        .await?
        .insert(&form.key(), value)
        .await
        .map_err(internal)
}

/// Forgets what was kept for `form`.
pub async fn forget(form: Unsaved) -> Result<(), AppError> {
    let session = session().await?;
    let key = form.key();
    // Removing marks the session changed (a write), so only when there is something.
    match session.get_value(&key).await {
        Ok(Some(_)) => session.remove_value(&key).await.map(drop),
        other => other.map(drop),
    }
    .map_err(internal)
}

/// What was kept for `form`, if anything.
pub async fn find<T: DeserializeOwned>(form: Unsaved) -> Result<Option<T>, AppError> {
    session()
        .await?
        .get::<T>(&form.key())
        .await
        .map_err(internal)
}

/// The V2MOM text a refused save left for the editor of `v2mom_id`, if any.
pub async fn v2mom(v2mom_id: i64) -> Result<Option<V2momContent>, AppError> {
    find(Unsaved::V2mom(v2mom_id)).await
}
