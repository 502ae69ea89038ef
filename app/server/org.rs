//! The reporting line: how two people relate, for the policy.

use super::{
    db::{Db, DbError, UserRecord},
    policy::Relation,
};
use crate::model::{UserStatus, UserSummary};

/// Everyone who takes part (active or invited; disabled accounts left out), by name: whom
/// the views of the whole organisation show.
pub async fn taking_part(db: &Db) -> Result<Vec<UserSummary>, DbError> {
    let everyone = db.all_users().await?;
    Ok(everyone
        .into_iter()
        .filter(|p| p.status != UserStatus::Disabled)
        .collect())
}

/// How `target` relates to `actor`, read from the database only as far as needed: one's own
/// manager is known from the actor's record, a report from the target's chain alone.
pub async fn relation_between(
    db: &Db,
    actor: &UserRecord,
    target: i64,
) -> Result<Relation, DbError> {
    if actor.id == target {
        return Ok(Relation::Myself);
    }
    if actor.manager_id == Some(target) {
        return Ok(Relation::OwnManager);
    }
    let target_chain = db.manager_chain(target).await?;
    if target_chain.contains(&actor.id) {
        return Ok(relation(actor.id, &[], target, &target_chain));
    }
    let actor_chain = db.manager_chain(actor.id).await?;
    Ok(relation(actor.id, &actor_chain, target, &target_chain))
}

/// How `target` relates to `actor`, given each one's chain of managers (nearest first).
pub fn relation(actor: i64, actor_chain: &[i64], target: i64, target_chain: &[i64]) -> Relation {
    if actor == target {
        Relation::Myself
    } else if target_chain.first() == Some(&actor) {
        Relation::DirectReport
    } else if target_chain.contains(&actor) {
        Relation::IndirectReport
    } else if actor_chain.first() == Some(&target) {
        Relation::OwnManager
    } else if actor_chain.contains(&target) {
        Relation::ManagerAbove
    } else if !actor_chain.is_empty() && actor_chain.first() == target_chain.first() {
        Relation::Peer
    } else {
        Relation::Unrelated
    }
}

/// Each person's chain of managers (nearest first), worked out from everyone's manager at
/// once: for views over the whole organisation, without a query per person.
pub fn chains(
    managers: &std::collections::HashMap<i64, Option<i64>>,
) -> std::collections::HashMap<i64, Vec<i64>> {
    managers
        .keys()
        .map(|&id| {
            let mut chain = Vec::new();
            let mut next = managers.get(&id).copied().flatten();
            while let Some(manager) = next {
                // The schema refuses cycles; the bound keeps a corrupt row from hanging us.
                if chain.contains(&manager) || chain.len() > 1000 {
                    break;
                }
                chain.push(manager);
                next = managers.get(&manager).copied().flatten();
            }
            (id, chain)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // 1 is the top; 2 and 3 report to 1; 4 reports to 2; 5 reports to 4; 9 has no manager.
    fn chain(id: i64) -> Vec<i64> {
        match id {
            2 | 3 => vec![1],
            4 => vec![2, 1],
            5 => vec![4, 2, 1],
            _ => vec![],
        }
    }

    fn rel(actor: i64, target: i64) -> Relation {
        relation(actor, &chain(actor), target, &chain(target))
    }

    #[test]
    fn every_relation_in_a_small_organisation() {
        assert_eq!(rel(2, 2), Relation::Myself);
        assert_eq!(rel(2, 4), Relation::DirectReport);
        assert_eq!(rel(2, 5), Relation::IndirectReport);
        assert_eq!(rel(1, 5), Relation::IndirectReport);
        assert_eq!(rel(4, 2), Relation::OwnManager);
        assert_eq!(rel(5, 1), Relation::ManagerAbove);
        assert_eq!(rel(2, 3), Relation::Peer);
        assert_eq!(rel(3, 4), Relation::Unrelated);
        assert_eq!(rel(9, 1), Relation::Unrelated);
        assert_eq!(
            rel(1, 9),
            Relation::Unrelated,
            "two people without managers are not peers"
        );
    }

    #[test]
    fn chains_from_everyones_manager() {
        let managers = [
            (1, None),
            (2, Some(1)),
            (4, Some(2)),
            (5, Some(4)),
            (9, None),
        ]
        .into_iter()
        .collect();
        let all = chains(&managers);
        for id in [1, 2, 4, 5, 9] {
            assert_eq!(all[&id], chain(id), "{id}");
        }
    }
}
