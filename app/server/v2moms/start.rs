//! Starting a V2MOM: blank, from the manager's vision and values, or from last period's.

use crate::{
    error::AppError,
    model::{Method, Role, StartFrom, StartOptions, Started, V2momContent, V2momStatus},
    server::{
        actor::Actor,
        audit::Event,
        db::{NewV2mom, UserRecord},
        errors::internal,
        org::relation_between,
        policy::{Action, Relation},
        state::AppState,
        transaction,
    },
};

/// Starts `owner`'s V2MOM for `period`, or finds the one they already have.
pub async fn start(
    state: &AppState,
    actor: &Actor,
    owner: i64,
    period: i64,
    from: StartFrom,
) -> Result<Started, AppError> {
    actor.require(Action::UseV2moms)?;
    let relation = relation_between(&state.db, &actor.user, owner)
        .await
        .map_err(internal)?;
    actor.require(Action::CreateV2mom(relation))?;
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
        return Ok(Started {
            id: existing.id,
            created: false,
        });
    }
    let content = starting_content(state, &owner_user, period, from).await?;

    let id = transaction::run(&state.db, async |tx| {
        let new = NewV2mom {
            owner_id: owner,
            period_id: period,
            by: actor.id(),
            content: &content,
        };
        let Some(id) = tx.create_v2mom(new).await? else {
            return Err(AppError::Conflict.into());
        };
        let event = Event::new("v2mom.created")
            .by(actor.id())
            .on(format!("v2mom:{id}"))
            .with(serde_json::json!({ "owner_id": owner, "period_id": period, "from": from }));
        tx.audit(&actor.origin, event).await?;
        Ok(id)
    })
    .await?;
    Ok(Started { id, created: true })
}

async fn starting_content(
    state: &AppState,
    owner: &UserRecord,
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

/// Whose V2MOM the actor may start, and for which periods.
pub async fn start_choices(state: &AppState, actor: &Actor) -> Result<StartOptions, AppError> {
    actor.require(Action::UseV2moms)?;
    let user = &actor.user;
    let me = crate::i18n::t_with(
        "server-owner-me",
        &[("name", user.display_name.clone().into())],
    );
    let mut owners = vec![(user.id, me)];
    // The team comes with each person's depth, which is their relation to the actor;
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
            .map(|m| (report_relation(m.depth), m.person))
            .collect()
    };
    owners.extend(
        others
            .into_iter()
            .filter(|(_, p)| p.id != user.id)
            .filter(|(r, _)| actor.may(Action::CreateV2mom(*r)))
            .map(|(_, p)| (p.id, p.display_name)),
    );
    let periods = state.db.periods().await.map_err(internal)?;
    Ok(StartOptions { owners, periods })
}

/// Someone `depth` levels below the actor in the reporting line.
pub fn report_relation(depth: u32) -> Relation {
    if depth == 1 {
        Relation::DirectReport
    } else {
        Relation::IndirectReport
    }
}
