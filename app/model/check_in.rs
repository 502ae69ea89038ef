//! Check-ins: the values reported for a measure over its period, newest last. Append-only:
//! a correction is a new check-in.

use super::{
    PersonRef,
    measure::{CheckInStatus, LatestCheckIn, MAX_AMOUNT, MeasureKind, amount_range},
    progress::DONE,
    validate::Checks,
};
use crate::i18n::t;
use serde::{Deserialize, Serialize};

/// The longest comment a check-in takes.
pub const MAX_COMMENT: usize = 1000;

/// One check-in on a measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CheckIn {
    pub id: i64,
    pub measure_id: i64,
    /// The measure's value then; for done / not done, 1 (done) or 0 (not done).
    pub value: f64,
    pub status: CheckInStatus,
    pub comment: String,
    pub by: PersonRef,
    /// RFC 3339, UTC.
    pub at: String,
}

/// Each measure's newest check-in among `check_ins`, as its measure shows it, by measure id.
pub fn latest_by_measure(check_ins: &[CheckIn]) -> Vec<(i64, LatestCheckIn)> {
    let mut newest: Vec<&CheckIn> = Vec::new();
    for check_in in check_ins {
        match newest
            .iter_mut()
            .find(|n| n.measure_id == check_in.measure_id)
        {
            Some(n) if n.id < check_in.id => *n = check_in,
            Some(_) => {}
            None => newest.push(check_in),
        }
    }
    newest
        .into_iter()
        .map(|c| {
            (
                c.measure_id,
                LatestCheckIn {
                    value: c.value,
                    status: c.status,
                    at: c.at.clone(),
                },
            )
        })
        .collect()
}

/// A check-in as someone sends it, before the rules.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewCheckIn {
    /// The measure's value now; for done / not done, 1 (done) or 0 (not done).
    #[serde(default)]
    pub value: Option<f64>,
    /// `on_track`, `at_risk` or `off_track`.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = CheckInStatus))]
    pub status: String,
    /// Optional, plain text.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 1000))]
    pub comment: String,
}

/// A check-in that passed the rules, as it is stored.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedCheckIn {
    pub value: f64,
    pub status: CheckInStatus,
    pub comment: String,
}

impl NewCheckIn {
    /// The rules for a check-in on a measure of `kind`, field by field (`value`, `status`,
    /// `comment`).
    pub fn check(&self, kind: MeasureKind) -> Result<CheckedCheckIn, crate::error::AppError> {
        let mut c = Checks::new();
        let (low, high) = match kind {
            MeasureKind::Number => (-MAX_AMOUNT, MAX_AMOUNT),
            MeasureKind::Percent => (0.0, 100.0),
            MeasureKind::Done => (0.0, DONE),
        };
        match self.value {
            None => c.fail("value", t("model-enter-number")),
            Some(v) if kind == MeasureKind::Done && v != 0.0 && v != DONE => {
                c.fail("value", t("model-check-in-done-value"))
            }
            Some(v) if !v.is_finite() || !(low..=high).contains(&v) => {
                c.fail("value", amount_range(low, high))
            }
            Some(_) => {}
        }
        let status = self.status.trim().parse::<CheckInStatus>();
        if status.is_err() {
            c.fail("status", t("model-check-in-status-choice"));
        }
        let comment = c.optional_lines("comment", &self.comment, MAX_COMMENT);
        c.into_result()?;
        Ok(CheckedCheckIn {
            value: self.value.unwrap_or_default(),
            status: status.unwrap_or_default(),
            comment: comment.trim().to_owned(),
        })
    }
}

/// The name of a check-in form's field on the V2MOM page, which has one form per measure:
/// `check_in[7][value]`.
pub fn check_in_field(measure: i64, part: &str) -> String {
    format!("check_in[{measure}][{part}]")
}

/// A V2MOM's check-ins, for its page: every measure's history and whether the reader may add
/// to it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Tracking {
    pub can_check_in: bool,
    /// Oldest first.
    pub check_ins: Vec<CheckIn>,
}

/// A V2MOM's page: the V2MOM, what the reader may do with it, and its check-ins.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct V2momView {
    pub page: super::V2momPage,
    pub tracking: Tracking,
}

impl Tracking {
    /// One measure's check-ins, oldest first.
    pub fn of(&self, measure_id: i64) -> Vec<CheckIn> {
        self.check_ins
            .iter()
            .filter(|c| c.measure_id == measure_id)
            .cloned()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::AppError;

    #[test]
    fn each_measure_shows_its_newest_check_in_whatever_the_order() {
        let check_in = |id, measure_id, value| CheckIn {
            id,
            measure_id,
            value,
            status: CheckInStatus::OnTrack,
            comment: String::new(),
            by: PersonRef {
                id: 1,
                name: "Ada".into(),
            },
            at: format!("2027-03-0{id}T09:00:00Z"),
        };
        let all = [
            check_in(1, 10, 1.0),
            check_in(4, 20, 7.0),
            check_in(3, 10, 3.0),
            check_in(2, 10, 2.0),
        ];
        let latest = latest_by_measure(&all);
        let shown: Vec<(i64, f64, &str)> = latest
            .iter()
            .map(|(measure, c)| (*measure, c.value, c.at.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                (10, 3.0, "2027-03-03T09:00:00Z"),
                (20, 7.0, "2027-03-04T09:00:00Z")
            ]
        );
        assert!(latest_by_measure(&[]).is_empty());
    }

    fn fields(result: Result<CheckedCheckIn, AppError>) -> Vec<String> {
        match result {
            Err(AppError::Invalid { fields }) => fields.into_iter().map(|f| f.field).collect(),
            other => panic!("expected field errors, got {other:?}"),
        }
    }

    #[test]
    fn values_fit_the_kind() {
        let new = |value: f64| NewCheckIn {
            value: Some(value),
            status: "at_risk".into(),
            comment: "  fine  ".into(),
        };
        let ok = new(42.5).check(MeasureKind::Number).unwrap();
        assert_eq!(ok.status, CheckInStatus::AtRisk);
        assert_eq!(ok.comment, "fine");
        assert_eq!(fields(new(101.0).check(MeasureKind::Percent)), ["value"]);
        assert_eq!(fields(new(0.5).check(MeasureKind::Done)), ["value"]);
        assert!(new(1.0).check(MeasureKind::Done).is_ok());
        assert_eq!(fields(new(2e12).check(MeasureKind::Number)), ["value"]);
    }

    #[test]
    fn every_field_says_what_is_wrong() {
        let new = NewCheckIn {
            value: None,
            status: "fine".into(),
            comment: "x".repeat(MAX_COMMENT + 1),
        };
        assert_eq!(
            fields(new.check(MeasureKind::Number)),
            ["value", "status", "comment"]
        );
    }
}
