//! A measure: how a method's success is counted (a number, a percentage, done / not done),
//! its rules, and the check-in statuses that report on it. Progress is in
//! [`super::progress`], check-ins in [`super::check_in`].

use super::{
    v2mom::{MAX_SHORT, MAX_TEXT, field, optional_id},
    validate::Checks,
};
use crate::i18n::{t, t_with};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// How a measure is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum MeasureKind {
    /// A number from `start` to `target`, in `unit`.
    #[default]
    Number,
    /// A percentage, 0 to 100.
    Percent,
    /// Done or not done.
    Done,
}

impl MeasureKind {
    pub const ALL: [MeasureKind; 3] =
        [MeasureKind::Number, MeasureKind::Percent, MeasureKind::Done];

    pub fn as_str(self) -> &'static str {
        match self {
            MeasureKind::Number => "number",
            MeasureKind::Percent => "percent",
            MeasureKind::Done => "done",
        }
    }

    pub fn label(self) -> String {
        t(match self {
            MeasureKind::Number => "model-measure-kind-number",
            MeasureKind::Percent => "model-measure-kind-percent",
            MeasureKind::Done => "model-measure-kind-done",
        })
    }

    /// The label as it reads inside a sentence ("· percentage"): lower case in English.
    pub fn label_in_sentence(self) -> String {
        t(match self {
            MeasureKind::Number => "model-measure-kind-inline-number",
            MeasureKind::Percent => "model-measure-kind-inline-percent",
            MeasureKind::Done => "model-measure-kind-inline-done",
        })
    }
}

impl FromStr for MeasureKind {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Self::ALL.into_iter().find(|v| v.as_str() == s).ok_or(())
    }
}

/// Which way is good: up (more is better) or down (less is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Direction {
    #[default]
    Up,
    Down,
}

impl Direction {
    pub const ALL: [Direction; 2] = [Direction::Up, Direction::Down];

    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }

    pub fn label(self) -> String {
        t(match self {
            Direction::Up => "model-direction-up",
            Direction::Down => "model-direction-down",
        })
    }

    /// The label as it reads inside a sentence ("(up is good)"): lower case in English.
    pub fn label_in_sentence(self) -> String {
        t(match self {
            Direction::Up => "model-direction-inline-up",
            Direction::Down => "model-direction-inline-down",
        })
    }
}

impl FromStr for Direction {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Self::ALL.into_iter().find(|v| v.as_str() == s).ok_or(())
    }
}

/// The largest amount a start, target or check-in may be (either sign): far beyond any plan,
/// small enough to print in full.
pub const MAX_AMOUNT: f64 = 1e12;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Measure {
    /// Kept across saves, so its check-ins stay with it; `None` until saved.
    #[serde(default, deserialize_with = "optional_id")]
    pub id: Option<i64>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub kind: MeasureKind,
    /// Where a number or percentage starts (0 when left empty); none for done / not done.
    #[serde(default, deserialize_with = "optional_number")]
    pub start: Option<f64>,
    /// Where it should be by `due_on`; none for done / not done.
    #[serde(default, deserialize_with = "optional_number")]
    pub target: Option<f64>,
    /// For numbers: what is counted ("customers", "ms").
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub direction: Direction,
    /// `YYYY-MM-DD`, or empty.
    #[serde(default)]
    pub due_on: String,
    /// Read-only: the newest check-in (ignored in a save).
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(read_only))]
    pub latest: Option<LatestCheckIn>,
    /// Read-only: 0 to 100, where the latest check-in lies between start and target; none
    /// before the first check-in (see [`super::progress`]).
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(read_only, minimum = 0, maximum = 100))]
    pub progress: Option<f64>,
}

impl Measure {
    /// A value of this measure in words: `13 releases`, `40%`, `done`.
    pub fn value_text(&self, value: f64) -> String {
        match self.kind {
            MeasureKind::Done if value >= super::progress::DONE => t("model-value-done"),
            MeasureKind::Done => t("model-value-not-done"),
            MeasureKind::Percent => format!("{value}%"),
            MeasureKind::Number if self.unit.is_empty() => value.to_string(),
            MeasureKind::Number => format!("{value} {}", self.unit),
        }
    }
}

/// Two measures are the same when what an editor can change is the same: `latest` and
/// `progress` are read-only, derived from check-ins.
impl PartialEq for Measure {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.description == other.description
            && self.kind == other.kind
            && self.start == other.start
            && self.target == other.target
            && self.unit == other.unit
            && self.direction == other.direction
            && self.due_on == other.due_on
    }
}

/// Every number in a measure is finite ([`optional_number`] reads nothing else), so `==`
/// is an equivalence.
impl Eq for Measure {}

/// The newest check-in of a measure, as the V2MOM shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LatestCheckIn {
    pub value: f64,
    pub status: CheckInStatus,
    /// RFC 3339, UTC.
    pub at: String,
}

/// How the person checking in sees a measure going.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum CheckInStatus {
    #[default]
    OnTrack,
    AtRisk,
    OffTrack,
}

impl CheckInStatus {
    pub const ALL: [CheckInStatus; 3] = [
        CheckInStatus::OnTrack,
        CheckInStatus::AtRisk,
        CheckInStatus::OffTrack,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CheckInStatus::OnTrack => "on_track",
            CheckInStatus::AtRisk => "at_risk",
            CheckInStatus::OffTrack => "off_track",
        }
    }

    pub fn label(self) -> String {
        t(match self {
            CheckInStatus::OnTrack => "model-check-in-on-track",
            CheckInStatus::AtRisk => "model-check-in-at-risk",
            CheckInStatus::OffTrack => "model-check-in-off-track",
        })
    }

    /// The label as it reads inside a sentence ("latest 40%, at risk"): lower case in
    /// English.
    pub fn label_in_sentence(self) -> String {
        t(match self {
            CheckInStatus::OnTrack => "model-check-in-inline-on-track",
            CheckInStatus::AtRisk => "model-check-in-inline-at-risk",
            CheckInStatus::OffTrack => "model-check-in-inline-off-track",
        })
    }
}

impl FromStr for CheckInStatus {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Self::ALL.into_iter().find(|v| v.as_str() == s).ok_or(())
    }
}

/// A number as people type it: `1200`, `1,200`, `12.5`, `-3`.
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text.trim().chars().filter(|c| *c != ',').collect();
    cleaned.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// A number from JSON, or from a form as text (`""` means none). Text that is not a number
/// reads as none too, so the rules can say what is missing; and revisions saved while
/// targets were free text still open.
fn optional_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Amount {
        Number(f64),
        Text(String),
    }
    Ok(match Option::<Amount>::deserialize(d)? {
        None => None,
        Some(Amount::Number(n)) => Some(n).filter(|n| n.is_finite()),
        Some(Amount::Text(t)) => parse_number(&t),
    })
}

pub(super) fn check_measure(c: &mut Checks, m: usize, i: usize, measure: &mut Measure) {
    let field = |part: &str| field::measure(m, i, part);
    measure.description = c.text(&field("description"), &measure.description, MAX_TEXT);
    measure.unit = c.optional_text(&field("unit"), &measure.unit, MAX_SHORT);
    c.date(&field("due_on"), &measure.due_on);
    let (low, high, start, target) = match (measure.kind, measure.direction) {
        (MeasureKind::Done, _) => {
            // Nothing to count: done or not.
            measure.start = None;
            measure.target = None;
            measure.unit.clear();
            measure.direction = Direction::Up;
            return;
        }
        (MeasureKind::Number, _) => (-MAX_AMOUNT, MAX_AMOUNT, Some(0.0), None),
        (MeasureKind::Percent, Direction::Up) => (0.0, 100.0, Some(0.0), Some(100.0)),
        (MeasureKind::Percent, Direction::Down) => (0.0, 100.0, Some(100.0), Some(0.0)),
    };
    if measure.kind == MeasureKind::Percent {
        measure.unit.clear();
    }
    measure.start = measure.start.or(start);
    measure.target = measure.target.or(target);
    let mut in_range = |part: &str, value: Option<f64>| match value {
        None => {
            c.fail(&field(part), t("model-enter-number"));
            false
        }
        Some(v) if !(low..=high).contains(&v) => {
            c.fail(&field(part), amount_range(low, high));
            false
        }
        Some(_) => true,
    };
    let start_ok = in_range("start", measure.start);
    let target_ok = in_range("target", measure.target);
    if let (true, true, Some(start), Some(target)) =
        (start_ok, target_ok, measure.start, measure.target)
    {
        match measure.direction {
            Direction::Up if target < start => {
                c.fail(&field("target"), t("model-measure-target-up"))
            }
            Direction::Down if target > start => {
                c.fail(&field("target"), t("model-measure-target-down"))
            }
            _ => {}
        }
    }
}

/// What a number must lie within, in words.
pub fn amount_range(low: f64, high: f64) -> String {
    if high >= MAX_AMOUNT {
        t("model-amount-range-any")
    } else {
        t_with(
            "model-amount-range",
            &[
                ("low", low.to_string().into()),
                ("high", high.to_string().into()),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        error::AppError,
        model::{Method, V2momContent},
    };

    /// `measure` after the rules, and the fields they refused.
    fn checked(measure: Measure) -> (Measure, Vec<String>) {
        let mut content = V2momContent {
            methods: vec![Method {
                title: "M".into(),
                measures: vec![measure],
                ..Method::default()
            }],
            ..V2momContent::default()
        };
        let refused = match content.check(false).into_result() {
            Ok(()) => vec![],
            Err(AppError::Invalid { fields }) => fields.into_iter().map(|f| f.field).collect(),
            Err(other) => panic!("{other:?}"),
        };
        (content.methods[0].measures[0].clone(), refused)
    }

    fn measure(kind: MeasureKind, start: Option<f64>, target: Option<f64>) -> Measure {
        Measure {
            description: "m".into(),
            kind,
            start,
            target,
            ..Measure::default()
        }
    }

    #[test]
    fn an_empty_start_is_zero_and_a_percentage_spans_the_whole_range() {
        let (number, refused) = checked(measure(MeasureKind::Number, None, Some(52.0)));
        assert_eq!((number.start, refused.len()), (Some(0.0), 0));
        let (percent, _) = checked(measure(MeasureKind::Percent, None, None));
        assert_eq!((percent.start, percent.target), (Some(0.0), Some(100.0)));
        let (down, _) = checked(Measure {
            direction: Direction::Down,
            ..measure(MeasureKind::Percent, None, None)
        });
        assert_eq!((down.start, down.target), (Some(100.0), Some(0.0)));
        let (_, refused) = checked(measure(MeasureKind::Percent, Some(0.0), Some(120.0)));
        assert_eq!(refused, ["methods[0][measures][0][target]"]);
    }

    #[test]
    fn a_number_needs_a_target_on_the_side_its_direction_says() {
        let (_, refused) = checked(measure(MeasureKind::Number, Some(0.0), None));
        assert_eq!(refused, ["methods[0][measures][0][target]"]);
        let (_, refused) = checked(measure(MeasureKind::Number, Some(400.0), Some(100.0)));
        assert_eq!(
            refused,
            ["methods[0][measures][0][target]"],
            "up from 400 to 100"
        );
        let (down, refused) = checked(Measure {
            direction: Direction::Down,
            ..measure(MeasureKind::Number, Some(400.0), Some(100.0))
        });
        assert!(refused.is_empty());
        assert_eq!(down.target, Some(100.0));
        let (_, refused) = checked(measure(MeasureKind::Number, Some(5.0), Some(5.0)));
        assert!(refused.is_empty(), "start may equal target");
        let (_, refused) = checked(measure(MeasureKind::Number, Some(-2e12), Some(1.0)));
        assert_eq!(refused, ["methods[0][measures][0][start]"]);
    }

    #[test]
    fn done_or_not_counts_nothing() {
        let (done, refused) = checked(Measure {
            unit: "releases".into(),
            direction: Direction::Down,
            ..measure(MeasureKind::Done, Some(1.0), Some(3.0))
        });
        assert!(refused.is_empty());
        assert_eq!((done.start, done.target), (None, None));
        assert_eq!((done.unit.as_str(), done.direction), ("", Direction::Up));
    }

    #[test]
    fn amounts_read_from_json_numbers_and_form_text() {
        let read: Measure =
            serde_json::from_str(r#"{"start": "1,200", "target": "Launch v2", "id": ""}"#).unwrap();
        assert_eq!(
            (read.start, read.target, read.id),
            (Some(1200.0), None, None)
        );
        let read: Measure =
            serde_json::from_str(r#"{"start": 0, "target": 12.5, "id": 7}"#).unwrap();
        assert_eq!(
            (read.start, read.target, read.id),
            (Some(0.0), Some(12.5), Some(7))
        );
    }
}
