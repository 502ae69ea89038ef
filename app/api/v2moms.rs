//! V2MOMs: start one, read it, save it (naming the version it started from), move it
//! through its lifecycle, list and search, and read its revisions. Every function opens the
//! V2MOM through [`Access`], which asks the policy first.

use crate::{
    error::AppError,
    model::{
        Method, RevisionInfo, Snapshot, StatusChange, V2momList, V2momPage, V2momQuery, ValueItem,
    },
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::{
    model::{V2momContent, V2momStatus},
    server::{
        audit::Event,
        auth::{authorized, request_origin},
        db::NewV2mom,
        errors::internal,
        org::relation_between,
        policy::Action,
        state::{AppState, app_state},
        v2mom_access::Access,
    },
};

pub const V2MOMS_PER_PAGE: u32 = 25;

/// What a new V2MOM starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StartFrom {
    #[default]
    Blank,
    /// Vision and values of the owner's manager's published V2MOM for the same period.
    Manager,
    /// Everything from the owner's V2MOM of the period before.
    Previous,
}

/// Starts `owner`'s V2MOM for `period` (or opens the one they have) and goes to its editor.
#[server(endpoint = "v2moms/start")]
pub async fn start_v2mom(
    owner: i64,
    period: i64,
    #[server(default)] from: StartFrom,
) -> Result<i64, AppError> {
    let state = app_state()?;
    let user = authorized(&state, Action::UseV2moms).await?;
    let relation = relation_between(&state.db, user.id, owner)
        .await
        .map_err(internal)?;
    crate::server::policy::authorize(
        Some(&crate::server::auth::actor_of(&user)),
        Action::CreateV2mom(relation),
    )?;
    let owner_user = state
        .db
        .user_by_id(owner)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    state
        .db
        .period(period)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    if let Some(existing) = state.db.v2mom_of(owner, period).await.map_err(internal)? {
        leptos_axum::redirect(&format!("/v2moms/{}/edit", existing.id));
        return Ok(existing.id);
    }
    let content = starting_content(&state, &owner_user, period, from).await?;

    let mut tx = state.db.begin().await.map_err(internal)?;
    let new = NewV2mom {
        owner_id: owner,
        period_id: period,
        by: user.id,
        content: &content,
    };
    let Some(id) = tx.create_v2mom(new).await.map_err(internal)? else {
        return Err(AppError::Conflict);
    };
    let event = Event::new("v2mom.created")
        .by(user.id)
        .on(format!("v2mom:{id}"))
        .with(serde_json::json!({ "owner_id": owner, "period_id": period, "from": from }));
    tx.audit(&request_origin(), event).await.map_err(internal)?;
    tx.commit().await.map_err(internal)?;
    leptos_axum::redirect(&format!("/v2moms/{id}/edit"));
    Ok(id)
}

#[cfg(feature = "ssr")]
async fn starting_content(
    state: &AppState,
    owner: &crate::server::db::UserRecord,
    period: i64,
    from: StartFrom,
) -> Result<V2momContent, AppError> {
    let source = match from {
        StartFrom::Blank => None,
        StartFrom::Manager => match owner.manager_id {
            Some(manager) => state
                .db
                .v2mom_of(manager, period)
                .await
                .map_err(internal)?
                .filter(|h| h.status == V2momStatus::Published)
                .map(|h| h.id),
            None => None,
        },
        StartFrom::Previous => state
            .db
            .previous_v2mom(owner.id, period)
            .await
            .map_err(internal)?,
    };
    let Some(source) = source else {
        return Ok(V2momContent::default());
    };
    let content = state
        .db
        .v2mom(source)
        .await
        .map_err(internal)?
        .map(|v| v.content)
        .unwrap_or_default();
    Ok(match from {
        StartFrom::Manager => V2momContent {
            vision: content.vision,
            values: content.values,
            ..Default::default()
        },
        // A new period's methods are new methods: no ids, no alignment to last period's.
        _ => V2momContent {
            methods: content
                .methods
                .into_iter()
                .map(|m| Method {
                    id: None,
                    aligned_to: None,
                    ..m
                })
                .collect(),
            ..content
        },
    })
}

/// A V2MOM, what the reader may do with it, and how its methods are aligned.
#[server(endpoint = "v2moms/get")]
pub async fn get_v2mom(id: i64) -> Result<V2momPage, AppError> {
    let state = app_state()?;
    let access = Access::open(&state, id).await?;
    let v2mom = state
        .db
        .v2mom(id)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let (aligned_to, aligned_from) = alignment_links(&state, &access, &v2mom).await?;
    let can_edit = access.may_edit() && v2mom.status != V2momStatus::Archived;
    let unsaved = if can_edit {
        crate::server::unsaved::find(id).await?
    } else {
        None
    };
    Ok(V2momPage {
        can_edit,
        unsaved,
        changes: access.changes(),
        aligned_to,
        aligned_from,
        v2mom,
    })
}

/// Links to the methods this V2MOM's methods align to, and from, that the reader may open.
#[cfg(feature = "ssr")]
async fn alignment_links(
    state: &AppState,
    access: &Access,
    v2mom: &crate::model::V2mom,
) -> Result<
    (
        Vec<(i64, crate::model::MethodLink)>,
        Vec<(i64, crate::model::MethodLink)>,
    ),
    AppError,
> {
    let (to, from) = state.db.alignment_of(v2mom.id).await.map_err(internal)?;
    let readable = |links: Vec<(i64, crate::server::db::LinkedMethod)>| async {
        let mut shown = Vec::new();
        for (own, linked) in links {
            let other = Access::of(state, access.user.clone(), linked.header.clone()).await?;
            if other.may(other.read()) {
                shown.push((own, linked.link));
            }
        }
        Ok::<_, AppError>(shown)
    };
    let to = readable(to).await?;
    let from = readable(from).await?;
    Ok((to, from))
}

/// The methods `id`'s methods may align to: those of the owner's manager's V2MOM for the
/// same period, when the editor may read it.
#[server(endpoint = "v2moms/alignment_choices")]
pub async fn alignment_choices(id: i64) -> Result<Vec<(i64, String)>, AppError> {
    let state = app_state()?;
    let access = Access::open(&state, id).await?;
    access.require(Action::EditV2mom(access.facts()))?;
    alignment_targets(&state, &access).await
}

#[cfg(feature = "ssr")]
async fn alignment_targets(
    state: &AppState,
    access: &Access,
) -> Result<Vec<(i64, String)>, AppError> {
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
    let theirs = Access::of(state, access.user.clone(), header).await?;
    if !theirs.may(theirs.read()) {
        return Ok(Vec::new());
    }
    let v2mom = state
        .db
        .v2mom(theirs.header.id)
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

/// The answer to a successful save: the new version to name next time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub version: i64,
}

/// Saves the content when the V2MOM is still at `version`; 409 when someone saved first.
/// `op` (a move or removal from a button, without JavaScript) is applied before saving.
#[server(endpoint = "v2moms/save")]
#[allow(clippy::too_many_arguments)]
pub async fn save_v2mom(
    id: i64,
    version: i64,
    #[server(default)] title: String,
    #[server(default)] vision: String,
    #[server(default)] values: Vec<ValueItem>,
    #[server(default)] methods: Vec<Method>,
    #[server(default)] op: Option<String>,
) -> Result<Saved, AppError> {
    use crate::model::EditOp;
    let state = app_state()?;
    let access = Access::open(&state, id).await?;
    access.require(Action::EditV2mom(access.facts()))?;
    if access.header.status == V2momStatus::Archived {
        return Err(AppError::Refused {
            reason: "Archived V2MOMs are read-only.".into(),
        });
    }
    let mut content = V2momContent {
        title,
        vision,
        values,
        methods,
    };
    if let Some(op) = op.as_deref().filter(|o| !o.is_empty()) {
        content.apply(EditOp::decode(op).ok_or(AppError::BadRequest)?);
    }
    let saved = store_content(&state, &access, version, &content).await;
    // Without JavaScript: a refused save goes back to the editor with the text kept; a
    // saved one to the editor (a move or removal) or on to the V2MOM. The hydrated editor
    // stays where it is and keeps its form.
    let plain = crate::server::errors::is_plain_form_post();
    if plain || saved.is_ok() {
        let refused = plain && saved.is_err();
        crate::server::unsaved::keep(id, refused.then_some(&content)).await?;
    }
    if plain && saved.is_ok() {
        let next = if op.is_some() {
            format!("/v2moms/{id}/edit")
        } else {
            format!("/v2moms/{id}")
        };
        leptos_axum::redirect(&next);
    }
    saved
}

/// Checks `content` and writes it as the next version after `version`.
#[cfg(feature = "ssr")]
async fn store_content(
    state: &AppState,
    access: &Access,
    version: i64,
    content: &V2momContent,
) -> Result<Saved, AppError> {
    content.check(false).into_result()?;
    let content = content.clone().without_blank_rows();
    check_alignment(state, access, &content).await?;

    let id = access.header.id;
    let mut tx = state.db.begin().await.map_err(internal)?;
    let Some(saved) = tx
        .save_v2mom(id, version, access.user.id, &content)
        .await
        .map_err(internal)?
    else {
        return Err(AppError::Conflict);
    };
    let event = Event::new("v2mom.saved")
        .by(access.user.id)
        .on(format!("v2mom:{id}"))
        .with(serde_json::json!({ "version": saved }));
    tx.audit(&request_origin(), event).await.map_err(internal)?;
    tx.commit().await.map_err(internal)?;
    Ok(Saved { version: saved })
}

/// Drops the text a refused save (without JavaScript) left for the editor.
#[server(endpoint = "v2moms/discard_unsaved")]
pub async fn discard_unsaved(id: i64) -> Result<(), AppError> {
    let state = app_state()?;
    let access = Access::open(&state, id).await?;
    access.require(Action::EditV2mom(access.facts()))?;
    crate::server::unsaved::keep(id, None).await?;
    if crate::server::errors::is_plain_form_post() {
        leptos_axum::redirect(&format!("/v2moms/{id}/edit"));
    }
    Ok(())
}

/// Every `aligned_to` must name one of the manager's methods the editor may see.
#[cfg(feature = "ssr")]
async fn check_alignment(
    state: &AppState,
    access: &Access,
    content: &V2momContent,
) -> Result<(), AppError> {
    if content.methods.iter().all(|m| m.aligned_to.is_none()) {
        return Ok(());
    }
    let targets: Vec<i64> = alignment_targets(state, access)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let mut checks = crate::model::validate::Checks::new();
    for (i, method) in content.methods.iter().enumerate() {
        if method.aligned_to.is_some_and(|t| !targets.contains(&t)) {
            checks.fail(
                &crate::model::field::method(i, "aligned_to"),
                "Choose one of your manager's methods for this period.",
            );
        }
    }
    checks.into_result()
}

/// Moves a V2MOM at `version` through its lifecycle: submit, approve, return (with a
/// comment), publish or archive.
#[server(endpoint = "v2moms/status")]
pub async fn change_v2mom_status(
    id: i64,
    version: i64,
    change: StatusChange,
    #[server(default)] comment: String,
) -> Result<Saved, AppError> {
    use crate::model::{v2mom::MAX_TEXT, validate::Checks};
    let state = app_state()?;
    let access = Access::open(&state, id).await?;
    access.require(Action::ChangeV2momStatus(change, access.owner))?;
    let from = access.header.status;
    let Some(to) = change.apply(from) else {
        return Err(AppError::Refused {
            reason: format!(
                "A V2MOM that is {} cannot take “{}”.",
                from.label().to_lowercase(),
                change.label()
            ),
        });
    };
    let mut checks = Checks::new();
    if change == StatusChange::Return {
        checks.text("comment", &comment, MAX_TEXT);
    } else {
        checks.optional_text("comment", &comment, MAX_TEXT);
    }
    checks.into_result()?;
    if change.needs_complete() {
        let v2mom = state
            .db
            .v2mom(id)
            .await
            .map_err(internal)?
            .ok_or(AppError::NotFound)?;
        v2mom.content.check(true).into_result()?;
    }
    let comment = if change == StatusChange::Return {
        comment
    } else {
        String::new()
    };

    let mut tx = state.db.begin().await.map_err(internal)?;
    let Some(saved) = tx
        .set_v2mom_status(id, version, access.user.id, to, &comment)
        .await
        .map_err(internal)?
    else {
        return Err(AppError::Conflict);
    };
    let event = Event::new("v2mom.status_changed")
        .by(access.user.id)
        .on(format!("v2mom:{id}"))
        .with(serde_json::json!({
            "change": change.as_str(), "from": from.as_str(), "to": to.as_str(),
            "version": saved,
        }));
    tx.audit(&request_origin(), event).await.map_err(internal)?;
    tx.commit().await.map_err(internal)?;
    if crate::server::errors::is_plain_form_post() {
        leptos_axum::redirect(&format!("/v2moms/{id}"));
    }
    Ok(Saved { version: saved })
}

/// One page of the V2MOMs the reader may open, filtered.
#[server(endpoint = "v2moms")]
pub async fn list_v2moms(#[server(default)] query: V2momQuery) -> Result<V2momList, AppError> {
    use crate::server::{
        auth::actor_of,
        db::ReadScope,
        policy::{Circle, readable_statuses},
    };
    let state = app_state()?;
    let user = authorized(&state, Action::UseV2moms).await?;
    let actor = actor_of(&user);
    let visibility = state.config.settings.v2mom_visibility;
    let scope = ReadScope(
        Circle::ALL
            .into_iter()
            .map(|c| (c, readable_statuses(&actor, c, visibility)))
            .collect(),
    );
    let page = query.page.unwrap_or(1).max(1);
    let offset = i64::from(page - 1) * i64::from(V2MOMS_PER_PAGE);
    let (items, total) = state
        .db
        .list_v2moms(user.id, &scope, &query, i64::from(V2MOMS_PER_PAGE), offset)
        .await
        .map_err(internal)?;
    Ok(V2momList {
        items,
        total,
        page,
        per_page: V2MOMS_PER_PAGE,
    })
}

/// The revisions the reader may see: all of them for those who may read its drafts, the
/// published and archived ones for everyone else.
#[server(endpoint = "v2moms/revisions")]
pub async fn list_revisions(id: i64) -> Result<Vec<RevisionInfo>, AppError> {
    let state = app_state()?;
    let access = Access::open(&state, id).await?;
    let revisions = state.db.revisions(id).await.map_err(internal)?;
    Ok(revisions
        .into_iter()
        .filter(|r| access.may_read_as(r.status))
        .collect())
}

#[server(endpoint = "v2moms/revision")]
pub async fn get_revision(id: i64, number: i64) -> Result<Snapshot, AppError> {
    let state = app_state()?;
    let access = Access::open(&state, id).await?;
    state
        .db
        .revision(id, number)
        .await
        .map_err(internal)?
        .filter(|r| access.may_read_as(r.status))
        .ok_or(AppError::NotFound)
}

/// Whose V2MOM the reader may start, and for which periods.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StartOptions {
    pub owners: Vec<(i64, String)>,
    pub periods: Vec<crate::model::Period>,
}

#[server(endpoint = "v2moms/start_choices")]
pub async fn start_choices() -> Result<StartOptions, AppError> {
    use crate::{
        model::Role,
        server::{
            auth::actor_of,
            policy::{Decision, Relation, decide},
        },
    };
    let state = app_state()?;
    let user = authorized(&state, Action::UseV2moms).await?;
    let actor = actor_of(&user);
    let mut owners = vec![(user.id, format!("{} (me)", user.display_name))];
    // The team comes with each person's depth, which is their relation to the reader;
    // administrators may start anyone's, which the weakest relation (unrelated) shows.
    let others: Vec<(Relation, crate::model::UserSummary)> = if user.role() == Role::Admin {
        let everyone = state.db.all_users().await.map_err(internal)?;
        everyone
            .into_iter()
            .map(|p| (Relation::Unrelated, p))
            .collect()
    } else {
        let team = state.db.team_of(user.id).await.map_err(internal)?;
        team.into_iter()
            .map(|m| {
                let relation = if m.depth == 1 {
                    Relation::DirectReport
                } else {
                    Relation::IndirectReport
                };
                (relation, m.person)
            })
            .collect()
    };
    owners.extend(
        others
            .into_iter()
            .filter(|(_, p)| p.id != user.id)
            .filter(|(r, _)| decide(Some(&actor), Action::CreateV2mom(*r)) == Decision::Allow)
            .map(|(_, p)| (p.id, p.display_name)),
    );
    let periods = state.db.periods().await.map_err(internal)?;
    Ok(StartOptions { owners, periods })
}

/// The signed-in person's current V2MOM, their manager's, and (managers) their team's.
#[server(endpoint = "v2moms/home")]
pub async fn home() -> Result<crate::model::Home, AppError> {
    use crate::{
        model::{Home, PersonRef, PersonStatus, V2momSummary},
        server::{
            auth::actor_of,
            policy::{Decision, Relation, V2momFacts, decide},
        },
    };
    let state = app_state()?;
    let user = authorized(&state, Action::UseV2moms).await?;
    let Some(period) = state.db.current_period().await.map_err(internal)? else {
        return Ok(Home {
            period: None,
            mine: None,
            managers: None,
            team: Vec::new(),
            unaligned_methods: Vec::new(),
        });
    };
    let actor = actor_of(&user);
    let visibility = state.config.settings.v2mom_visibility;
    let in_period = state
        .db
        .v2moms_in_period(period.id)
        .await
        .map_err(internal)?;
    let of = |owner: i64| {
        in_period
            .iter()
            .find(|(o, _, _)| *o == owner)
            .map(|(_, id, s)| (*id, *s))
    };
    let may_read = |owner: Relation, status| {
        decide(
            Some(&actor),
            Action::ReadV2mom(V2momFacts { owner, status }, visibility),
        ) == Decision::Allow
    };

    let mine = match of(user.id) {
        Some((id, _)) => state.db.v2mom(id).await.map_err(internal)?,
        None => None,
    };
    let managers = match user.manager_id.and_then(|m| of(m).map(|v| (m, v))) {
        Some((manager, (id, status))) if may_read(Relation::OwnManager, status) => {
            let name = state
                .db
                .user_by_id(manager)
                .await
                .map_err(internal)?
                .map(|m| m.display_name)
                .unwrap_or_default();
            let title = state
                .db
                .v2mom(id)
                .await
                .map_err(internal)?
                .map(|v| v.content.title)
                .unwrap_or_default();
            Some(V2momSummary {
                id,
                owner: PersonRef { id: manager, name },
                manager: None,
                function: String::new(),
                period_name: period.name.clone(),
                title,
                status,
                updated_at: String::new(),
            })
        }
        _ => None,
    };

    let mut team = Vec::new();
    let mut unaligned_methods = Vec::new();
    if decide(Some(&actor), Action::ViewTeam) == Decision::Allow {
        for member in state.db.team_of(user.id).await.map_err(internal)? {
            let relation = if member.depth == 1 {
                Relation::DirectReport
            } else {
                Relation::IndirectReport
            };
            team.push(PersonStatus {
                person: PersonRef {
                    id: member.person.id,
                    name: member.person.display_name,
                },
                depth: member.depth,
                v2mom: of(member.person.id).filter(|(_, s)| may_read(relation, *s)),
            });
        }
        if let Some(mine) = &mine {
            let (_, from) = state.db.alignment_of(mine.id).await.map_err(internal)?;
            unaligned_methods = mine
                .content
                .methods
                .iter()
                .filter(|m| !from.iter().any(|(own, _)| Some(*own) == m.id))
                .map(|m| m.title.clone())
                .collect();
        }
    }
    Ok(Home {
        period: Some(period),
        mine,
        managers,
        team,
        unaligned_methods,
    })
}

/// The period's organisation from the top down, with each person's V2MOM status: everyone
/// the reader may see (their profile or their V2MOM), under their nearest visible manager.
#[server(endpoint = "v2moms/alignment")]
pub async fn alignment(
    #[server(default)] period: Option<i64>,
) -> Result<crate::model::AlignmentView, AppError> {
    use crate::{
        model::{AlignmentNode, AlignmentView, PersonRef, UserStatus, UserSummary},
        server::{
            auth::actor_of,
            org::{chains, relation},
            policy::{Decision, V2momFacts, decide},
        },
    };
    use std::collections::HashMap;
    let state = app_state()?;
    let user = authorized(&state, Action::UseV2moms).await?;
    let periods = state.db.periods().await.map_err(internal)?;
    let chosen = match period {
        Some(id) => periods
            .iter()
            .find(|p| p.id == id)
            .cloned()
            .ok_or(AppError::NotFound)?,
        None => match periods.iter().find(|p| p.is_current).or(periods.first()) {
            Some(p) => p.clone(),
            None => {
                return Ok(AlignmentView {
                    period: None,
                    periods,
                    nodes: Vec::new(),
                });
            }
        },
    };
    let actor = actor_of(&user);
    let visibility = state.config.settings.v2mom_visibility;
    let everyone: Vec<UserSummary> = state
        .db
        .all_users()
        .await
        .map_err(internal)?
        .into_iter()
        .filter(|p| p.status != UserStatus::Disabled)
        .collect();
    let chains = chains(&everyone.iter().map(|p| (p.id, p.manager_id)).collect());
    let in_period = state
        .db
        .v2moms_in_period(chosen.id)
        .await
        .map_err(internal)?;
    let aligned: HashMap<i64, i64> = state
        .db
        .aligned_counts(chosen.id)
        .await
        .map_err(internal)?
        .into_iter()
        .collect();
    let no_chain = Vec::new();
    let own_chain = chains.get(&user.id).unwrap_or(&no_chain);
    let allowed = |action| decide(Some(&actor), action) == Decision::Allow;
    // Who the reader may see, with the V2MOM they may open.
    let mut shown: HashMap<i64, Option<(i64, crate::model::V2momStatus)>> = HashMap::new();
    for person in &everyone {
        let rel = relation(
            user.id,
            own_chain,
            person.id,
            chains.get(&person.id).unwrap_or(&no_chain),
        );
        let v2mom = in_period
            .iter()
            .find(|(owner, _, _)| *owner == person.id)
            .map(|(_, id, status)| (*id, *status))
            .filter(|(_, status)| {
                allowed(Action::ReadV2mom(
                    V2momFacts {
                        owner: rel,
                        status: *status,
                    },
                    visibility,
                ))
            });
        if v2mom.is_some() || allowed(Action::ViewUser(rel)) {
            shown.insert(person.id, v2mom);
        }
    }
    // Each shown person hangs under their nearest shown manager; siblings by name.
    let parent_of = |id: i64| {
        chains
            .get(&id)
            .and_then(|chain| chain.iter().copied().find(|m| shown.contains_key(m)))
    };
    let mut children: HashMap<Option<i64>, Vec<&UserSummary>> = HashMap::new();
    for person in everyone.iter().filter(|p| shown.contains_key(&p.id)) {
        children
            .entry(parent_of(person.id))
            .or_default()
            .push(person);
    }
    let mut nodes = Vec::new();
    let mut stack: Vec<(&UserSummary, u32)> = children
        .get(&None)
        .map(|roots| roots.iter().rev().map(|p| (*p, 0)).collect())
        .unwrap_or_default();
    while let Some((person, depth)) = stack.pop() {
        let v2mom = shown.get(&person.id).copied().flatten();
        nodes.push(AlignmentNode {
            person: PersonRef {
                id: person.id,
                name: person.display_name.clone(),
            },
            depth,
            v2mom,
            aligned_methods: v2mom
                .and_then(|(id, _)| aligned.get(&id).copied())
                .unwrap_or(0),
        });
        if let Some(below) = children.get(&Some(person.id)) {
            stack.extend(below.iter().rev().map(|p| (*p, depth + 1)));
        }
    }
    Ok(AlignmentView {
        period: Some(chosen),
        periods,
        nodes,
    })
}
