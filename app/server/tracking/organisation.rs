//! The organisation through a period, for administrators: coverage and progress per team,
//! and the methods where alignment has a gap. Six queries, whatever the organisation's size.

use super::summary::tracked;
use crate::{
    error::AppError,
    model::{
        MethodLink, OrganisationOverview, PersonRef, TeamCoverage, UserSummary,
        progress::{mean, rounded},
    },
    server::{
        actor::Actor,
        db::{Among, MethodAlignment, V2momHeader},
        errors::internal,
        org, periods,
        policy::Action,
        state::AppState,
    },
};
use std::collections::{HashMap, HashSet};

/// The overview of `period` (else the current one). Only published V2MOMs count: coverage is
/// who has agreed a plan, and alignment gaps are gaps in the agreed plans.
pub async fn overview(
    state: &AppState,
    actor: &Actor,
    period: Option<i64>,
) -> Result<OrganisationOverview, AppError> {
    actor.require(Action::ViewOrganisation)?;
    let periods = state.db.periods().await.map_err(internal)?;
    let Some(chosen) = periods::chosen(&periods, period)? else {
        return Ok(OrganisationOverview {
            period: None,
            periods,
            people: 0,
            published: 0,
            teams: Vec::new(),
            unaligned: Vec::new(),
            unclaimed: Vec::new(),
        });
    };
    let among = Among::Period(chosen.id);
    let people = org::taking_part(&state.db).await.map_err(internal)?;
    // Each owner's published V2MOM for the period.
    let published: HashMap<i64, V2momHeader> = state
        .db
        .v2mom_headers(among)
        .await
        .map_err(internal)?
        .into_iter()
        .filter(|h| h.status.is_public())
        .map(|h| (h.owner_id, h))
        .collect();
    let tracked = tracked(&state.db, among).await.map_err(internal)?;
    let progress_of = |person: i64| {
        published
            .get(&person)
            .and_then(|h| tracked.get(&h.id))
            .and_then(|t| t.progress)
    };
    let methods = state.db.method_alignments(among).await.map_err(internal)?;
    let org = Org::new(&people);
    let teams = org
        .teams()
        .into_iter()
        .map(|(manager, members)| TeamCoverage {
            manager: manager.map(person_ref),
            members: count(members.len()),
            published: count(
                members
                    .iter()
                    .filter(|p| published.contains_key(&p.id))
                    .count(),
            ),
            missing: members
                .iter()
                .filter(|p| !published.contains_key(&p.id))
                .map(|p| person_ref(p))
                .collect(),
            progress: mean(members.iter().map(|p| progress_of(p.id))).map(rounded),
        })
        .collect();
    let (unaligned, unclaimed) = gaps(&methods, &published, &org);
    Ok(OrganisationOverview {
        period: Some(chosen),
        periods,
        people: count(people.len()),
        published: count(
            people
                .iter()
                .filter(|p| published.contains_key(&p.id))
                .count(),
        ),
        teams,
        unaligned,
        unclaimed,
    })
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn person_ref(person: &UserSummary) -> PersonRef {
    PersonRef {
        id: person.id,
        name: person.display_name.clone(),
    }
}

/// The people who count (disabled accounts left out) and who reports to whom.
struct Org<'a> {
    /// By name, as `all_users` reads them.
    people: &'a [UserSummary],
    by_id: HashMap<i64, &'a UserSummary>,
}

impl<'a> Org<'a> {
    fn new(people: &'a [UserSummary]) -> Self {
        Org {
            people,
            by_id: people.iter().map(|p| (p.id, p)).collect(),
        }
    }

    fn reports_of(&self, manager: i64) -> impl Iterator<Item = &'a UserSummary> + '_ {
        self.people
            .iter()
            .filter(move |p| p.manager_id == Some(manager))
    }

    fn leads_a_team(&self, person: i64) -> bool {
        self.reports_of(person).next().is_some()
    }

    /// Whether `person`'s manager is someone who counts (not disabled, not gone).
    fn has_manager(&self, person: &UserSummary) -> bool {
        person
            .manager_id
            .is_some_and(|m| self.by_id.contains_key(&m))
    }

    /// Each manager with their team (themself first, then their reports by name), by the
    /// manager's name; then, with no manager, the people in no team at all.
    fn teams(&self) -> Vec<(Option<&'a UserSummary>, Vec<&'a UserSummary>)> {
        let mut teams: Vec<_> = self
            .people
            .iter()
            .filter(|p| self.leads_a_team(p.id))
            .map(|manager| {
                let members = std::iter::once(manager)
                    .chain(self.reports_of(manager.id))
                    .collect();
                (Some(manager), members)
            })
            .collect();
        let alone: Vec<_> = self
            .people
            .iter()
            .filter(|p| !self.has_manager(p) && !self.leads_a_team(p.id))
            .collect();
        if !alone.is_empty() {
            teams.push((None, alone));
        }
        teams
    }
}

/// The methods of published V2MOMs that align to nothing although their owner has a manager,
/// and those of team leads' published V2MOMs that no published method aligns to.
fn gaps(
    methods: &[MethodAlignment],
    published: &HashMap<i64, V2momHeader>,
    org: &Org,
) -> (Vec<MethodLink>, Vec<MethodLink>) {
    let owners: HashMap<i64, &UserSummary> = published
        .values()
        .filter_map(|h| org.by_id.get(&h.owner_id).map(|p| (h.id, *p)))
        .collect();
    let agreed: Vec<(&MethodAlignment, &UserSummary)> = methods
        .iter()
        .filter_map(|m| owners.get(&m.v2mom_id).map(|owner| (m, *owner)))
        .collect();
    let claimed: HashSet<i64> = agreed.iter().filter_map(|(m, _)| m.aligned_to).collect();
    let link = |(m, owner): &(&MethodAlignment, &UserSummary)| MethodLink {
        method_id: m.id,
        method_title: m.title.clone(),
        v2mom_id: m.v2mom_id,
        owner_name: owner.display_name.clone(),
    };
    let unaligned = agreed
        .iter()
        .filter(|(m, owner)| m.aligned_to.is_none() && org.has_manager(owner))
        .map(link)
        .collect();
    let unclaimed = agreed
        .iter()
        .filter(|(m, owner)| org.leads_a_team(owner.id) && !claimed.contains(&m.id))
        .map(link)
        .collect();
    (unaligned, unclaimed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Role, UserStatus, V2momStatus};

    fn person(id: i64, name: &str, manager: Option<i64>) -> UserSummary {
        UserSummary {
            id,
            email: format!("{name}@example.com"),
            display_name: name.into(),
            job_title: String::new(),
            function: String::new(),
            role: Role::Employee,
            manager_id: manager,
            manager_name: None,
            status: UserStatus::Active,
        }
    }

    fn names(people: &[&UserSummary]) -> Vec<String> {
        people.iter().map(|p| p.display_name.clone()).collect()
    }

    /// Ann leads Bob and Cid; Bob leads Dee; Eve is on her own.
    fn people() -> Vec<UserSummary> {
        vec![
            person(1, "Ann", None),
            person(2, "Bob", Some(1)),
            person(3, "Cid", Some(1)),
            person(4, "Dee", Some(2)),
            person(5, "Eve", None),
        ]
    }

    #[test]
    fn a_team_is_a_manager_and_their_direct_reports() {
        let people = people();
        let org = Org::new(&people);
        let teams: Vec<(Option<String>, Vec<String>)> = org
            .teams()
            .into_iter()
            .map(|(m, members)| (m.map(|m| m.display_name.clone()), names(&members)))
            .collect();
        assert_eq!(
            teams,
            [
                (
                    Some("Ann".into()),
                    vec!["Ann".into(), "Bob".into(), "Cid".into()]
                ),
                (Some("Bob".into()), vec!["Bob".into(), "Dee".into()]),
                (None, vec!["Eve".into()]),
            ]
        );
    }

    #[test]
    fn gaps_are_found_in_published_v2moms_only() {
        let people = people();
        let org = Org::new(&people);
        let header = |id: i64, owner_id: i64, status| V2momHeader {
            id,
            owner_id,
            period_id: 1,
            status,
            version: 1,
            amendment: None,
        };
        let published: HashMap<i64, V2momHeader> = [
            header(10, 1, V2momStatus::Published),
            header(20, 2, V2momStatus::Published),
            header(40, 4, V2momStatus::Archived),
        ]
        .into_iter()
        .map(|h| (h.owner_id, h))
        .collect();
        let method = |id: i64, v2mom_id: i64, aligned_to: Option<i64>| MethodAlignment {
            id,
            v2mom_id,
            title: format!("m{id}"),
            aligned_to,
        };
        let methods = [
            // Ann's: 100 is claimed by Bob's 200; 101 by Cid's draft only.
            method(100, 10, None),
            method(101, 10, None),
            // Bob's: 200 aligned; 201 aligned to nothing and claimed by nobody.
            method(200, 20, Some(100)),
            method(201, 20, None),
            // Cid's draft (not published): neither counts nor claims.
            method(300, 30, Some(101)),
            method(301, 30, None),
            // Dee's: aligned to Bob's 200.
            method(400, 40, Some(200)),
        ];
        let (unaligned, unclaimed) = gaps(&methods, &published, &org);
        let ids = |links: Vec<MethodLink>| links.iter().map(|l| l.method_id).collect::<Vec<_>>();
        // Ann is at the top: her methods align to nothing by design.
        assert_eq!(ids(unaligned), [201]);
        // Dee leads nobody: her methods need no followers.
        assert_eq!(ids(unclaimed), [101, 201]);
    }
}
