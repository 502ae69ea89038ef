//! A manager's team through a period: each report's V2MOM with its progress, its measures at
//! risk and off track, and whether its check-ins have gone quiet.

use super::summary::{Tracked, tracked};
use crate::{
    error::AppError,
    model::{PersonRef, ProgressRow, TeamProgress, TeamSort, UserStatus},
    server::{
        actor::Actor,
        db::Among,
        errors::internal,
        periods,
        policy::{Action, V2momFacts},
        state::AppState,
        v2moms::report_relation,
    },
};
use chrono::Utc;

/// The actor's direct and indirect reports (active or invited) for `period` (else the
/// current one), sorted by `sort` as the parameter writes it ([`TeamSort::parse`]; 400 for
/// anything it does not know). Each V2MOM shows only if the policy lets the actor read
/// it. Five queries, whatever the size of the team.
pub async fn progress(
    state: &AppState,
    actor: &Actor,
    period: Option<i64>,
    sort: Option<&str>,
) -> Result<TeamProgress, AppError> {
    actor.require(Action::ViewTeam)?;
    let sort = TeamSort::parse(sort).ok_or(AppError::BadRequest)?;
    let all_periods = state.db.periods().await.map_err(internal)?;
    let Some(chosen) = periods::chosen(&all_periods, period)? else {
        return Ok(TeamProgress {
            period: None,
            periods: all_periods,
            sort: sort.to_string(),
            rows: Vec::new(),
        });
    };
    let among = Among::TeamOf {
        manager: actor.id(),
        period: chosen.id,
    };
    let members = state.db.team_of(actor.id()).await.map_err(internal)?;
    let headers = state.db.v2mom_headers(among).await.map_err(internal)?;
    let tracked = tracked(&state.db, among).await.map_err(internal)?;
    let visibility = state.config.settings.v2mom_visibility;
    let now = Utc::now();
    let mut rows: Vec<ProgressRow> = members
        .into_iter()
        .filter(|m| m.person.status != UserStatus::Disabled)
        .map(|member| {
            let person = member.person;
            let owner = report_relation(member.depth);
            let v2mom = headers
                .iter()
                .find(|h| h.owner_id == person.id)
                .filter(|h| {
                    let facts = V2momFacts {
                        owner,
                        status: h.status,
                    };
                    actor.may(Action::ReadV2mom(facts, visibility))
                });
            // No V2MOM (or none the actor may read): nothing tracked.
            let none = Tracked::default();
            let seen = v2mom.and_then(|h| tracked.get(&h.id)).unwrap_or(&none);
            let mut row = ProgressRow {
                manager: person
                    .manager_id
                    .zip(person.manager_name)
                    .map(|(id, name)| PersonRef { id, name }),
                person: PersonRef {
                    id: person.id,
                    name: person.display_name,
                },
                depth: member.depth,
                v2mom_id: v2mom.map(|h| h.id),
                status: v2mom.map(|h| h.status),
                progress: seen.progress,
                at_risk: 0,
                off_track: 0,
                last_check_in: seen.last_check_in.clone(),
                staleness: v2mom.and_then(|h| seen.staleness(h.status, now)),
            };
            row.count(seen.statuses.iter().copied());
            row
        })
        .collect();
    sort.sort(&mut rows);
    Ok(TeamProgress {
        period: Some(chosen),
        periods: all_periods,
        sort: sort.to_string(),
        rows,
    })
}
