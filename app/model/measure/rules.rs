//! A measure's rules: what its description, unit, date, start and target may be, with the
//! blanks filled in the same way in the browser and on the server.

use super::{Direction, Measure, MeasureKind};
use crate::i18n::{t, t_with};
use crate::model::{
    v2mom::{MAX_SHORT, MAX_TEXT, field},
    validate::Checks,
};

/// The largest amount a start, target or check-in may be (either sign): far beyond any plan,
/// small enough to print in full.
pub const MAX_AMOUNT: f64 = 1e12;

pub(in crate::model) fn check_measure(c: &mut Checks, m: usize, i: usize, measure: &mut Measure) {
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
