//! The home page's data: the actor's current V2MOM, their manager's, and (managers) their
//! team's.

use crate::{
    error::AppError,
    model::{Home, PersonRef, PersonStatus, V2momStatus, V2momSummary},
    server::{
        actor::Actor,
        errors::internal,
        policy::{Action, Relation, V2momFacts},
        state::AppState,
        v2moms::report_relation,
    },
};

pub async fn home(state: &AppState, actor: &Actor) -> Result<Home, AppError> {
    actor.require(Action::UseV2moms)?;
    let user = &actor.user;
    let Some(period) = state.db.current_period().await.map_err(internal)? else {
        return Ok(Home {
            period: None,
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

    let mut team = Vec::new();
    let mut unaligned_methods = Vec::new();
    if actor.may(Action::ViewTeam) {
        for member in state.db.team_of(user.id).await.map_err(internal)? {
            let relation = report_relation(member.depth);
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
