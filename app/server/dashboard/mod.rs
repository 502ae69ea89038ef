//! The home page's data: what needs the actor now, their current V2MOM, their manager's,
//! and (managers) their team's.

use crate::{
    error::AppError,
    model::{Home, Need, PersonRef, PersonStatus, StatusChange, V2mom, V2momStatus, V2momSummary},
    server::{
        actor::Actor,
        db::Among,
        errors::internal,
        policy::{Action, Relation, V2momFacts},
        state::AppState,
        tracking::summary::tracked,
        v2moms::report_relation,
    },
};

pub async fn home(state: &AppState, actor: &Actor) -> Result<Home, AppError> {
    actor.require(Action::UseV2moms)?;
    let user = &actor.user;
    let Some(period) = state.db.current_period().await.map_err(internal)? else {
        return Ok(Home {
            period: None,
            needs: Vec::new(),
            mine: None,
            managers: None,
            team: Vec::new(),
            unaligned_methods: Vec::new(),
        });
    };
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
    let may_read = |owner: Relation, status: V2momStatus| {
        actor.may(Action::ReadV2mom(V2momFacts { owner, status }, visibility))
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

    let mut needs = Vec::new();
    let mut team = Vec::new();
    let mut unaligned_methods = Vec::new();
    if actor.may(Action::ViewTeam) {
        for member in state.db.team_of(user.id).await.map_err(internal)? {
            let relation = report_relation(member.depth);
            let person = PersonRef {
                id: member.person.id,
                name: member.person.display_name,
            };
            // Reviews fall to the direct manager, though managers above may step in; and
            // only to one the policy lets review.
            if let Some((id, V2momStatus::InReview)) = of(person.id)
                && member.depth == 1
                && actor.may(Action::ChangeV2momStatus(StatusChange::Approve, relation))
            {
                let owner = person.clone();
                needs.push(Need::Review { id, owner });
            }
            team.push(PersonStatus {
                v2mom: of(person.id).filter(|(_, s)| may_read(relation, *s)),
                person,
                depth: member.depth,
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
    needs.extend(own_need(state, actor, mine.as_ref()).await?);
    Ok(Home {
        period: Some(period),
        needs,
        mine,
        managers,
        team,
        unaligned_methods,
    })
}

/// What the actor's own V2MOM for the period asks of them, if anything.
async fn own_need(
    state: &AppState,
    actor: &Actor,
    mine: Option<&V2mom>,
) -> Result<Option<Need>, AppError> {
    let Some(mine) = mine else {
        return Ok(actor
            .may(Action::CreateV2mom(Relation::Myself))
            .then_some(Need::Write));
    };
    if mine.working_status() == V2momStatus::Draft {
        let comment = mine
            .amendment
            .as_ref()
            .map_or(&mine.review_comment, |a| &a.review_comment);
        let comment = comment.clone();
        return Ok(Some(Need::Finish {
            id: mine.id,
            comment,
        }));
    }
    let mut tracked = tracked(&state.db, Among::V2mom(mine.id))
        .await
        .map_err(internal)?;
    // A V2MOM without measures has nothing to check in on.
    let Some(mine_tracked) = tracked.remove(&mine.id) else {
        return Ok(None);
    };
    let staleness = mine_tracked.staleness(mine.status, chrono::Utc::now());
    Ok(staleness.map(|staleness| Need::CheckIn {
        id: mine.id,
        staleness,
    }))
}
