//! Reading V2MOMs: one with what the actor may do with it, lists, and revisions.

use super::{Access, aligned};
use crate::{
    error::AppError,
    model::{
        LatestCheckIn, RevisionInfo, Snapshot, V2mom, V2momList, V2momPage, V2momQuery,
        V2momSummary,
        validate::{Checks, MAX_QUERY},
    },
    server::{
        actor::Actor,
        db::{LinkedMethod, ReadScope, Window},
        errors::internal,
        policy::{Action, Circle, readable_statuses},
        state::AppState,
    },
};

pub const PER_PAGE: u32 = 25;

/// A V2MOM as its readers know it (the publication, once published) with its progress (each
/// measure's latest check-in), what the actor may do with it, and how its methods are
/// aligned; with its amendment for those who may see it. `unsaved` is left empty: it belongs
/// to a browser session, which the page adds.
pub async fn get(state: &AppState, actor: &Actor, id: i64) -> Result<V2momPage, AppError> {
    page_of(state, &Access::open(state, actor, id).await?).await
}

/// [`get`] for a V2MOM already opened.
pub async fn page_of(state: &AppState, access: &Access) -> Result<V2momPage, AppError> {
    let latest = state
        .db
        .latest_check_ins(access.id())
        .await
        .map_err(internal)?;
    page_with(state, access, &latest).await
}

/// [`page_of`] with each measure's latest check-in already known (by measure id). Its parts
/// come from the cache ([`Access::v2mom`]); each method's alignment is read as it is now.
pub async fn page_with(
    state: &AppState,
    access: &Access,
    latest: &[(i64, LatestCheckIn)],
) -> Result<V2momPage, AppError> {
    let id = access.id();
    let mut v2mom = access.v2mom(state).await?;
    if access.may_see_amendment() {
        v2mom.amendment = state.db.amendment(id).await.map_err(internal)?;
    }
    attach_progress(&mut v2mom, latest);
    let (to, from) = state.db.alignment_of(id).await.map_err(internal)?;
    realign(&mut v2mom, &to);
    let (aligned_to, aligned_from) = aligned::readable(state, access, to, from).await?;
    Ok(V2momPage {
        can_edit: access.may_edit(),
        unsaved: None,
        changes: access.changes(),
        aligned_to,
        aligned_from,
        v2mom,
    })
}

/// Sets each of `v2mom`'s methods' `aligned_to` from `to`, the links of
/// [`Db::alignment_of`](crate::server::db::Db::alignment_of) (a V2MOM from the cache has none).
pub fn realign(v2mom: &mut V2mom, to: &[(i64, LinkedMethod)]) {
    for method in &mut v2mom.content.methods {
        method.aligned_to = to
            .iter()
            .find(|(own, _)| Some(*own) == method.id)
            .map(|(_, target)| target.link.method_id);
    }
}

/// Gives each of `v2mom`'s measures its latest check-in and progress, and the V2MOM its own.
pub async fn with_progress(state: &AppState, v2mom: &mut V2mom) -> Result<(), AppError> {
    let latest = state
        .db
        .latest_check_ins(v2mom.id)
        .await
        .map_err(internal)?;
    attach_progress(v2mom, &latest);
    Ok(())
}

/// Gives each of `v2mom`'s measures its check-in among `latest` (by measure id) and progress.
fn attach_progress(v2mom: &mut V2mom, latest: &[(i64, LatestCheckIn)]) {
    v2mom.progress = v2mom.content.attach_progress(|measure| {
        latest
            .iter()
            .find(|(id, _)| *id == measure)
            .map(|(_, check_in)| check_in.clone())
    });
}

/// One numbered page of the V2MOMs the actor may open, filtered (the list page).
pub async fn list(
    state: &AppState,
    actor: &Actor,
    query: &V2momQuery,
) -> Result<V2momList, AppError> {
    let page = query.page.unwrap_or(1).max(1);
    let window = Window::Page {
        limit: i64::from(PER_PAGE),
        offset: i64::from(page - 1) * i64::from(PER_PAGE),
    };
    let (items, total) = listed(state, actor, query, window).await?;
    Ok(V2momList {
        items,
        total: total.unwrap_or_default(),
        page,
        per_page: PER_PAGE,
    })
}

/// Up to `limit` V2MOMs the actor may open after the one with id `after` (by id), and the
/// cursor for the next ones when there may be more.
pub struct Listed {
    pub items: Vec<V2momSummary>,
    pub next_after: Option<i64>,
}

pub async fn list_after(
    state: &AppState,
    actor: &Actor,
    query: &V2momQuery,
    after: Option<i64>,
    limit: u32,
) -> Result<Listed, AppError> {
    let limit = i64::from(limit.clamp(1, 100));
    let window = Window::After {
        limit,
        after_id: after,
    };
    let (items, _) = listed(state, actor, query, window).await?;
    let next_after = (items.len() as i64 == limit)
        .then(|| items.last().map(|v| v.id))
        .flatten();
    Ok(Listed { items, next_after })
}

/// Every V2MOM the actor may open that matches `query` (exports), oldest first.
pub(super) async fn listed_all(
    state: &AppState,
    actor: &Actor,
    query: &V2momQuery,
) -> Result<Vec<V2momSummary>, AppError> {
    let window = Window::After {
        limit: i64::MAX,
        after_id: None,
    };
    Ok(listed(state, actor, query, window).await?.0)
}

async fn listed(
    state: &AppState,
    actor: &Actor,
    query: &V2momQuery,
    window: Window,
) -> Result<(Vec<V2momSummary>, Option<i64>), AppError> {
    actor.require(Action::UseV2moms)?;
    let mut checks = Checks::new();
    let query = V2momQuery {
        text: checks.optional_text("q", &query.text, MAX_QUERY),
        function: checks.optional_text("function", &query.function, MAX_QUERY),
        ..query.clone()
    };
    checks.into_result()?;
    let principal = actor.principal();
    let visibility = state.config.settings.v2mom_visibility;
    let scope = ReadScope(
        Circle::ALL
            .into_iter()
            .map(|c| (c, readable_statuses(&principal, c, visibility)))
            .collect(),
    );
    state
        .db
        .list_v2moms(actor.id(), &scope, &query, window)
        .await
        .map_err(internal)
}

/// The revisions the actor may see: all of them for those who may read its drafts, the
/// published and archived ones for everyone else.
pub async fn revisions(
    state: &AppState,
    actor: &Actor,
    id: i64,
) -> Result<Vec<RevisionInfo>, AppError> {
    let access = Access::open(state, actor, id).await?;
    let revisions = state.db.revisions(id).await.map_err(internal)?;
    Ok(revisions
        .into_iter()
        .filter(|r| access.may_read_as(r.status))
        .collect())
}

pub async fn revision(
    state: &AppState,
    actor: &Actor,
    id: i64,
    number: i64,
) -> Result<Snapshot, AppError> {
    let access = Access::open(state, actor, id).await?;
    state
        .db
        .revision(id, number)
        .await
        .map_err(internal)?
        .filter(|r| access.may_read_as(r.status))
        .ok_or(AppError::NotFound)
}
