//! A measure: how a method's success is counted (a number, a percentage, done / not done).
//! Its rules are in `rules.rs`, reading typed amounts in `amount.rs`, and the check-in
//! statuses that report on it in `check_in_status.rs`. Progress is in [`super::progress`],
//! check-ins in [`super::check_in`].

mod amount;
mod check_in_status;
mod rules;

pub use amount::parse_number;
pub use check_in_status::{CheckInStatus, LatestCheckIn};
pub(super) use rules::check_measure;
pub use rules::{MAX_AMOUNT, amount_range};

use super::v2mom::optional_id;
use crate::i18n::t;
use amount::optional_number;
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

#[cfg(test)]
mod tests;
