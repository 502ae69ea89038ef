//! How a V2MOM's methods align: the manager's methods they may align to, the check on a
//! save, and the links a reader may follow.

use super::Access;
use std::collections::HashMap;

use crate::{
    error::AppError,
    model::{MethodLink, V2momContent, field, validate::Checks},
    server::{actor::Actor, db::LinkedMethod, errors::internal, state::AppState},
};

/// The methods `id`'s methods may align to, for its editor.
pub async fn choices(
    state: &AppState,
    actor: &Actor,
    id: i64,
) -> Result<Vec<(i64, String)>, AppError> {
    let access = Access::open(state, actor, id).await?;
    access.require_edit()?;
    targets(state, &access).await
}

/// The methods of the owner's manager's V2MOM for the same period, when the actor may
/// read it.
async fn targets(state: &AppState, access: &Access) -> Result<Vec<(i64, String)>, AppError> {
    let owner = state
        .db
        .user_by_id(access.header.owner_id)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let Some(manager) = owner.manager_id else {
        return Ok(Vec::new());
    };
    let Some(header) = state
        .db
        .v2mom_of(manager, access.header.period_id)
        .await
        .map_err(internal)?
    else {
        return Ok(Vec::new());
    };
    let theirs = Access::of(state, &access.actor, header).await?;
    if !theirs.may(theirs.read()) {
        return Ok(Vec::new());
    }
    let v2mom = state
        .db
        .v2mom_at(theirs.id(), theirs.header.version)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    Ok(v2mom
        .content
        .methods
        .into_iter()
        .filter_map(|m| Some((m.id?, m.title)))
        .collect())
}

/// Every `aligned_to` must name one of the manager's methods the editor may see.
pub async fn check(
    state: &AppState,
    access: &Access,
    content: &V2momContent,
) -> Result<(), AppError> {
    if content.methods.iter().all(|m| m.aligned_to.is_none()) {
        return Ok(());
    }
    let targets: Vec<i64> = targets(state, access)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let mut checks = Checks::new();
    for (i, method) in content.methods.iter().enumerate() {
        if method.aligned_to.is_some_and(|t| !targets.contains(&t)) {
            checks.fail(
                &field::method(i, "aligned_to"),
                "Choose one of your manager's methods for this period.",
            );
        }
    }
    checks.into_result()
}

type Links = Vec<(i64, MethodLink)>;

/// Of the links to the methods this V2MOM's methods align to, and from
/// ([`Db::alignment_of`](crate::server::db::Db::alignment_of)), those the reader may open.
pub async fn readable(
    state: &AppState,
    access: &Access,
    to: Vec<(i64, LinkedMethod)>,
    from: Vec<(i64, LinkedMethod)>,
) -> Result<(Links, Links), AppError> {
    // Links often share a V2MOM (several methods aligned to one manager's): ask once each.
    let mut may_read: HashMap<i64, bool> = HashMap::new();
    let mut readable = async |links: Vec<(i64, LinkedMethod)>| {
        let mut shown = Vec::new();
        for (own, linked) in links {
            let id = linked.header.id;
            let may = match may_read.get(&id) {
                Some(may) => *may,
                None => {
                    let other = Access::of(state, &access.actor, linked.header.clone()).await?;
                    *may_read.entry(id).or_insert(other.may(other.read()))
                }
            };
            if may {
                shown.push((own, linked.link));
            }
        }
        Ok::<_, AppError>(shown)
    };
    let to = readable(to).await?;
    Ok((to, readable(from).await?))
}
