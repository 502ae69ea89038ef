//! Tracking a team through a period: each report's V2MOM with its progress, what is at risk,
//! and whether check-ins have gone quiet. The numbers come from [`super::progress`]; this
//! file says how a row is flagged and how the table sorts.

use super::{CheckInStatus, Period, PersonRef, V2momStatus};
use crate::i18n::{t, t_with};
use serde::{Deserialize, Serialize};
use std::{cmp::Ordering, fmt, str::FromStr};

/// A published V2MOM whose newest check-in is older than this many days is flagged: long
/// enough for a fortnightly rhythm, short enough to notice a quarter going by.
pub const STALE_AFTER_DAYS: i64 = 14;

/// Why a published V2MOM's check-ins need a look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Staleness {
    /// Published, never checked in on.
    NoCheckIn,
    /// The newest check-in is more than [`STALE_AFTER_DAYS`] old: `weeks` whole weeks.
    Stale { weeks: i64 },
}

impl Staleness {
    /// The flag for a V2MOM in `status` whose newest check-in is `days_since` days old
    /// (`None`: never checked in). Only published V2MOMs are checked in on, so only they
    /// are flagged.
    pub fn of(status: V2momStatus, days_since: Option<i64>) -> Option<Staleness> {
        if status != V2momStatus::Published {
            return None;
        }
        match days_since {
            None => Some(Staleness::NoCheckIn),
            Some(days) if days > STALE_AFTER_DAYS => Some(Staleness::Stale { weeks: days / 7 }),
            Some(_) => None,
        }
    }

    pub fn label(self) -> String {
        match self {
            Staleness::NoCheckIn => t("model-staleness-none"),
            Staleness::Stale { weeks } => {
                t_with("model-staleness-weeks", &[("weeks", weeks.into())])
            }
        }
    }
}

/// One report and their V2MOM for the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProgressRow {
    pub person: PersonRef,
    pub manager: Option<PersonRef>,
    /// Depth below the reader: 1 for a direct report.
    pub depth: u32,
    /// The V2MOM's id, when there is one the reader may open (else: not started).
    pub v2mom_id: Option<i64>,
    pub status: Option<V2momStatus>,
    /// 0 to 100, to one decimal: the mean of the methods' means of their measures, each at
    /// its latest check-in; `null` before any check-in.
    pub progress: Option<f64>,
    /// Measures whose latest check-in says at risk.
    pub at_risk: u32,
    /// Measures whose latest check-in says off track.
    pub off_track: u32,
    /// The newest check-in on any of its measures, RFC 3339 (UTC).
    pub last_check_in: Option<String>,
    pub staleness: Option<Staleness>,
}

impl ProgressRow {
    /// Counts the latest statuses of a V2MOM's measures into `at_risk` and `off_track`.
    pub fn count(&mut self, statuses: impl IntoIterator<Item = CheckInStatus>) {
        for status in statuses {
            match status {
                CheckInStatus::AtRisk => self.at_risk += 1,
                CheckInStatus::OffTrack => self.off_track += 1,
                CheckInStatus::OnTrack => {}
            }
        }
    }

    /// What the status column says.
    pub fn status_label(&self) -> String {
        self.status
            .map_or_else(|| t("model-not-started"), V2momStatus::label)
    }
}

/// A team's progress for a period, and the periods one may switch to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TeamProgress {
    /// `null` when no period exists yet.
    pub period: Option<Period>,
    pub periods: Vec<Period>,
    /// How `rows` are sorted, as the `sort` parameter names it.
    pub sort: String,
    pub rows: Vec<ProgressRow>,
}

/// The columns the team table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Person,
    Status,
    Progress,
    LastCheckIn,
}

impl SortKey {
    pub const ALL: [SortKey; 4] = [
        SortKey::Person,
        SortKey::Status,
        SortKey::Progress,
        SortKey::LastCheckIn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Person => "person",
            SortKey::Status => "status",
            SortKey::Progress => "progress",
            SortKey::LastCheckIn => "last_check_in",
        }
    }
}

/// A sort order as the `sort` parameter writes it: `progress` ascending, `-progress`
/// descending. Rows without a value (no progress, no check-in) come last either way; ties
/// go by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TeamSort {
    pub key: SortKey,
    pub descending: bool,
}

impl Default for TeamSort {
    fn default() -> Self {
        TeamSort {
            key: SortKey::Person,
            descending: false,
        }
    }
}

impl fmt::Display for TeamSort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.descending { "-" } else { "" };
        write!(f, "{sign}{}", self.key.as_str())
    }
}

impl FromStr for TeamSort {
    type Err = ();
    fn from_str(text: &str) -> Result<Self, ()> {
        let (descending, name) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let key = SortKey::ALL
            .into_iter()
            .find(|k| k.as_str() == name)
            .ok_or(())?;
        Ok(TeamSort { key, descending })
    }
}

impl TeamSort {
    /// The parameter as given: absent or empty is the default; anything unknown is `None`.
    pub fn parse(text: Option<&str>) -> Option<TeamSort> {
        match text {
            None | Some("") => Some(TeamSort::default()),
            Some(text) => text.parse().ok(),
        }
    }

    /// What a click on `key`'s header asks for: the other direction when already sorted by
    /// it, else ascending (progress and dates start with the highest, which is what one
    /// looks for first).
    pub fn toggled(self, key: SortKey) -> TeamSort {
        if self.key == key {
            TeamSort {
                key,
                descending: !self.descending,
            }
        } else {
            TeamSort {
                key,
                descending: matches!(key, SortKey::Progress | SortKey::LastCheckIn),
            }
        }
    }

    pub fn sort(self, rows: &mut [ProgressRow]) {
        rows.sort_by(|a, b| self.compare(a, b).then_with(|| by_name(a, b)));
    }

    fn compare(self, a: &ProgressRow, b: &ProgressRow) -> Ordering {
        let directed = |o: Ordering| if self.descending { o.reverse() } else { o };
        // Missing values last whichever the direction.
        fn present_first<T>(
            a: Option<T>,
            b: Option<T>,
            order: impl Fn(T, T) -> Ordering,
        ) -> Ordering {
            match (a, b) {
                (Some(a), Some(b)) => order(a, b),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        }
        match self.key {
            SortKey::Person => directed(by_name(a, b)),
            SortKey::Status => directed(status_rank(a.status).cmp(&status_rank(b.status))),
            SortKey::Progress => {
                present_first(a.progress, b.progress, |a, b| directed(a.total_cmp(&b)))
            }
            SortKey::LastCheckIn => present_first(
                a.last_check_in.as_deref(),
                b.last_check_in.as_deref(),
                // RFC 3339 in UTC sorts as text.
                |a, b| directed(a.cmp(b)),
            ),
        }
    }
}

/// Not started, then along the lifecycle.
fn status_rank(status: Option<V2momStatus>) -> usize {
    status.map_or(0, |s| {
        1 + V2momStatus::ALL.iter().position(|x| *x == s).unwrap_or(0)
    })
}

fn by_name(a: &ProgressRow, b: &ProgressRow) -> Ordering {
    a.person
        .name
        .to_lowercase()
        .cmp(&b.person.name.to_lowercase())
        .then(a.person.id.cmp(&b.person.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, status: Option<V2momStatus>, progress: Option<f64>) -> ProgressRow {
        ProgressRow {
            person: PersonRef {
                id: name.len() as i64,
                name: name.into(),
            },
            manager: None,
            depth: 1,
            v2mom_id: status.map(|_| 1),
            status,
            progress,
            at_risk: 0,
            off_track: 0,
            last_check_in: progress.map(|p| format!("2027-03-{:02}T00:00:00Z", p as u32 / 10)),
            staleness: None,
        }
    }

    fn names(rows: &[ProgressRow]) -> Vec<&str> {
        rows.iter().map(|r| r.person.name.as_str()).collect()
    }

    #[test]
    fn only_published_v2moms_go_stale() {
        use V2momStatus::*;
        assert_eq!(Staleness::of(Published, None), Some(Staleness::NoCheckIn));
        assert_eq!(Staleness::of(Published, Some(STALE_AFTER_DAYS)), None);
        assert_eq!(
            Staleness::of(Published, Some(20)),
            Some(Staleness::Stale { weeks: 2 })
        );
        assert_eq!(Staleness::of(Draft, None), None);
        assert_eq!(Staleness::of(Archived, Some(90)), None);
        assert_eq!(Staleness::NoCheckIn.label(), "No check-in yet");
        assert_eq!(
            Staleness::Stale { weeks: 3 }.label(),
            "No check-in for 3 weeks"
        );
    }

    #[test]
    fn sort_parameters_round_trip_and_junk_is_refused() {
        for key in SortKey::ALL {
            for descending in [false, true] {
                let sort = TeamSort { key, descending };
                assert_eq!(TeamSort::parse(Some(&sort.to_string())), Some(sort));
            }
        }
        assert_eq!(TeamSort::parse(None), Some(TeamSort::default()));
        assert_eq!(TeamSort::parse(Some("")), Some(TeamSort::default()));
        for junk in ["name", "--person", "progress;", "PERSON"] {
            assert_eq!(TeamSort::parse(Some(junk)), None, "{junk}");
        }
    }

    #[test]
    fn rows_sort_by_each_column_with_missing_values_last() {
        use V2momStatus::*;
        let mut rows = vec![
            row("Cid", Some(Published), Some(80.0)),
            row("ann", Some(Published), Some(20.0)),
            row("Bea", None, None),
            row("Dan", Some(Draft), None),
        ];
        let sorted = |rows: &mut Vec<ProgressRow>, sort: &str| {
            TeamSort::parse(Some(sort)).unwrap().sort(rows);
            names(rows).join(",")
        };
        assert_eq!(sorted(&mut rows, "person"), "ann,Bea,Cid,Dan");
        assert_eq!(sorted(&mut rows, "-person"), "Dan,Cid,Bea,ann");
        assert_eq!(sorted(&mut rows, "progress"), "ann,Cid,Bea,Dan");
        assert_eq!(sorted(&mut rows, "-progress"), "Cid,ann,Bea,Dan");
        assert_eq!(sorted(&mut rows, "status"), "Bea,Dan,ann,Cid");
        assert_eq!(sorted(&mut rows, "-last_check_in"), "Cid,ann,Bea,Dan");
    }

    #[test]
    fn a_header_click_flips_the_sorted_column_and_starts_others_sensibly() {
        let by_person = TeamSort::default();
        assert_eq!(by_person.toggled(SortKey::Person).to_string(), "-person");
        assert_eq!(
            by_person.toggled(SortKey::Progress).to_string(),
            "-progress"
        );
        let by_progress = TeamSort::parse(Some("-progress")).unwrap();
        assert_eq!(
            by_progress.toggled(SortKey::Progress).to_string(),
            "progress"
        );
        assert_eq!(by_progress.toggled(SortKey::Status).to_string(), "status");
    }
}
