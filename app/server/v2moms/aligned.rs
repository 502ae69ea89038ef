//! How a V2MOM's methods align: the manager's methods they may align to, the check on a
//! save, and the links a reader may follow.

use super::Access;
use std::collections::HashMap;

use crate::{
    error::AppError,
    model::{MethodLink, V2momContent, V2momPage, field, validate::Checks},
    server::{actor::Actor, db::LinkedMethod, errors::internal, state::AppState},
};

/// What the editor opens with, for the V2MOM's editors only: the V2MOM as [`super::get`]
/// gives it, and the methods its methods may align to.
pub async fn for_editor(
    state: &AppState,
    actor: &Actor,
    id: i64,
) -> Result<(V2momPage, Vec<(i64, String)>), AppError> {
    let access = Access::open(state, actor, id).await?;
    access.require_edit()?;
    let page = super::page_of(state, &access).await?;
    Ok((page, targets(state, &access).await?))
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
    let Some(head) = state
        .db
        .v2mom_head_of(manager, access.header.period_id)
        .await
        .map_err(internal)?
    else {
        return Ok(Vec::new());
    };
    let theirs = match Access::open_head(state, &access.actor, head).await {
        Ok(theirs) => theirs,
        // Not theirs to read: nothing to align to.
        Err(AppError::Forbidden | AppError::NotFound) => return Ok(Vec::new()),
        Err(other) => return Err(other),
    };
    let v2mom = theirs.v2mom(state).await?;
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
                crate::i18n::t("server-aligned-to-unknown"),
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
