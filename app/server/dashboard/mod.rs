//! The home page's data: what needs the actor now, their current V2MOM, the plan above it,
//! (managers) their team's and (administrators) the first steps still to take.

mod chain;
mod first_run;

use crate::{
    error::AppError,
    model::{Home, Need, ProgressRow, StatusChange, V2mom, V2momStatus},
    server::{
        actor::Actor,
        errors::internal,
        policy::{Action, Relation},
        state::AppState,
        tracking::{summary, team_progress},
        v2moms::{realign, with_progress},
    },
};

pub async fn home(state: &AppState, actor: &Actor) -> Result<Home, AppError> {
    actor.require(Action::UseV2moms)?;
    let period = state.db.current_period().await.map_err(internal)?;
    let checklist = first_run::checklist(state, actor, period.as_ref()).await?;
    let mut home = Home {
        period: None,
        needs: Vec::new(),
        mine: None,
        has_manager: actor.user.manager_id.is_some(),
        chain: Vec::new(),
        team: None,
        unaligned_methods: Vec::new(),
        checklist,
    };
    let Some(period) = period else {
        return Ok(home);
    };
    let in_period = state
        .db
        .v2moms_in_period(period.id)
        .await
        .map_err(internal)?;
    let mut mine = match in_period.iter().find(|(owner, _, _)| *owner == actor.id()) {
        Some((_, id, _)) => state.db.v2mom_cached(*id).await.map_err(internal)?,
        None => None,
    };
    if let Some(mine) = &mut mine {
        // One's own amendment is one's own to finish.
        mine.amendment = state.db.amendment(mine.id).await.map_err(internal)?;
    }
    let (aligned_to, aligned_from) = match &mut mine {
        Some(mine) => {
            let (to, from) = state.db.alignment_of(mine.id).await.map_err(internal)?;
            realign(mine, &to);
            (to, from)
        }
        None => Default::default(),
    };
    home.chain = chain::above(state, actor, &in_period, &aligned_to).await?;
    if actor.may(Action::ViewTeam) {
        let team = team_progress(state, actor, Some(period.id), None)
            .await?
            .rows;
        home.needs = reviews(actor, &team);
        home.team = Some(team);
        if let Some(mine) = &mine {
            home.unaligned_methods = mine
                .content
                .methods
                .iter()
                .filter(|m| !aligned_from.iter().any(|(own, _)| Some(*own) == m.id))
                .map(|m| m.title.clone())
                .collect();
        }
    }
    if let Some(mine) = &mut mine {
        with_progress(state, mine).await?;
    }
    home.needs.extend(own_need(actor, mine.as_ref()));
    home.mine = mine;
    home.period = Some(period);
    Ok(home)
}

/// The team's V2MOMs waiting for the actor's review: reviews fall to the direct manager,
/// though managers above may step in; and only to one the policy lets review.
fn reviews(actor: &Actor, team: &[ProgressRow]) -> Vec<Need> {
    let relation = Relation::DirectReport;
    if !actor.may(Action::ChangeV2momStatus(StatusChange::Approve, relation)) {
        return Vec::new();
    }
    team.iter()
        .filter(|row| row.depth == 1 && row.status == Some(V2momStatus::InReview))
        .filter_map(|row| {
            let id = row.v2mom_id?;
            let owner = row.person.clone();
            Some(Need::Review { id, owner })
        })
        .collect()
}

/// What the actor's own V2MOM for the period (its measures' latest check-ins attached) asks
/// of them, if anything.
fn own_need(actor: &Actor, mine: Option<&V2mom>) -> Option<Need> {
    let Some(mine) = mine else {
        return actor
            .may(Action::CreateV2mom(Relation::Myself))
            .then_some(Need::Write);
    };
    if mine.working_status() == V2momStatus::Draft {
        let comment = mine
            .amendment
            .as_ref()
            .map_or(&mine.review_comment, |a| &a.review_comment);
        let comment = comment.clone();
        return Some(Need::Finish {
            id: mine.id,
            comment,
        });
    }
    // A V2MOM without measures has nothing to check in on.
    if mine.content.methods.iter().all(|m| m.measures.is_empty()) {
        return None;
    }
    let last = mine.content.last_check_in();
    let staleness = summary::staleness(mine.status, last, chrono::Utc::now())?;
    Some(Need::CheckIn {
        id: mine.id,
        staleness,
    })
}
