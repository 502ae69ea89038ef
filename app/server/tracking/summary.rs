//! Where a set of V2MOMs stands in its check-ins, read in a fixed number of queries.

use crate::{
    model::{CheckInStatus, LatestCheckIn, Method, Staleness, V2momContent, V2momStatus},
    server::db::{Among, Db, DbError},
};
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// One V2MOM's check-ins summed up.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tracked {
    /// As `v2moms::get` gives it (`V2momContent::attach_progress`).
    pub progress: Option<f64>,
    /// The latest status of each measure that has a check-in.
    pub statuses: Vec<CheckInStatus>,
    /// The newest of its measures' latest check-ins, RFC 3339.
    pub last_check_in: Option<String>,
}

impl Tracked {
    /// Whether the check-ins of a V2MOM in `status` have gone quiet, as of `now`.
    pub fn staleness(&self, status: V2momStatus, now: DateTime<Utc>) -> Option<Staleness> {
        staleness(status, self.last_check_in.as_deref(), now)
    }
}

/// Whether the check-ins of a V2MOM in `status` whose newest check-in was `last_check_in`
/// (RFC 3339; `None`: never) have gone quiet, as of `now`.
pub fn staleness(
    status: V2momStatus,
    last_check_in: Option<&str>,
    now: DateTime<Utc>,
) -> Option<Staleness> {
    let days = last_check_in.and_then(|at| days_since(at, now));
    Staleness::of(status, days)
}

/// Each V2MOM of `among` that has measures, by id: one query for the measures and one for
/// their latest check-ins, whatever the number of V2MOMs. Progress is the V2MOM page's own
/// computation, over the same content (the publication, once published).
pub async fn tracked(db: &Db, among: Among) -> Result<HashMap<i64, Tracked>, DbError> {
    let measures = db.measures(among).await?;
    let latest: HashMap<i64, LatestCheckIn> = db
        .latest_check_ins_among(among)
        .await?
        .into_iter()
        .collect();
    // Rows come by V2MOM, then method, then rank: rebuild each V2MOM's methods in order.
    let mut contents: HashMap<i64, V2momContent> = HashMap::new();
    for (v2mom, method, measure) in measures {
        let content = contents.entry(v2mom).or_default();
        match content.methods.last_mut() {
            Some(last) if last.id == Some(method) => last.measures.push(measure),
            _ => content.methods.push(Method {
                id: Some(method),
                measures: vec![measure],
                ..Method::default()
            }),
        }
    }
    Ok(contents
        .into_iter()
        .map(|(id, mut content)| {
            let progress = content.attach_progress(|measure| latest.get(&measure).cloned());
            let statuses = content
                .methods
                .iter()
                .flat_map(|m| &m.measures)
                .filter_map(|m| m.latest.as_ref().map(|l| l.status))
                .collect();
            let tracked = Tracked {
                progress,
                statuses,
                last_check_in: content.last_check_in().map(str::to_owned),
            };
            (id, tracked)
        })
        .collect())
}

/// Whole days from `at` (RFC 3339) to `now`; `None` when `at` does not read as a time.
pub fn days_since(at: &str, now: DateTime<Utc>) -> Option<i64> {
    let at = DateTime::parse_from_rfc3339(at).ok()?;
    Some((now - at.with_timezone(&Utc)).num_days())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_since_counts_whole_days() {
        let now = "2027-03-21T12:00:00Z".parse().unwrap();
        assert_eq!(days_since("2027-03-01T12:00:00Z", now), Some(20));
        assert_eq!(days_since("2027-03-21T01:00:00Z", now), Some(0));
        assert_eq!(days_since("yesterday", now), None);
    }
}
