//! Progress: how far a measure, a method and a whole V2MOM have come. One set of rules,
//! used by the pages, `/api/v1` and anything that sums progress up.
//!
//! - A measure: where its latest check-in lies between start and target, 0 to 100 %,
//!   clamped (overshooting the target is 100 %, falling behind the start 0 %). The direction
//!   says which way is good; when start and target are equal, the target is reached or not.
//!   Done / not done is 100 % or 0 %. No check-in yet: no progress.
//! - A method: the mean of its measures that have progress.
//! - A V2MOM: the mean of its methods that have progress.

use super::{
    measure::{Direction, LatestCheckIn, Measure, MeasureKind},
    v2mom::{Method, V2momContent},
};

/// A check-in value that means "done" for a done / not done measure (not done is 0).
pub const DONE: f64 = 1.0;

/// `measure`'s progress at `value`, 0 to 100, or `None` when it has no target to measure
/// against.
pub fn at(measure: &Measure, value: f64) -> Option<f64> {
    if measure.kind == MeasureKind::Done {
        return Some(if value >= DONE { 100.0 } else { 0.0 });
    }
    let target = measure.target?;
    let start = measure.start.unwrap_or(0.0);
    if start == target {
        let reached = match measure.direction {
            Direction::Up => value >= target,
            Direction::Down => value <= target,
        };
        return Some(if reached { 100.0 } else { 0.0 });
    }
    // (value − start) / (target − start) is direction-aware by itself: with "down is good"
    // the target lies below the start and a falling value moves towards it.
    let share = (value - start) / (target - start);
    Some((share * 100.0).clamp(0.0, 100.0))
}

/// `measure`'s progress at its latest check-in.
pub fn of_measure(measure: &Measure, latest: Option<&LatestCheckIn>) -> Option<f64> {
    at(measure, latest?.value)
}

/// The mean of the measures' progress (as attached), over those that have one.
pub fn of_method(method: &Method) -> Option<f64> {
    mean(method.measures.iter().map(|m| m.progress))
}

/// The mean of the methods' progress, over those that have one.
pub fn of_content(content: &V2momContent) -> Option<f64> {
    mean(content.methods.iter().map(of_method))
}

/// The mean of the values present (a method's measures, a V2MOM's methods, a team's
/// V2MOMs); `None` when none is.
pub fn mean(values: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let (sum, count) = values
        .flatten()
        .fold((0.0, 0u32), |(sum, count), v| (sum + v, count + 1));
    (count > 0).then(|| sum / f64::from(count))
}

/// A percentage as pages and the API show it: to one decimal.
pub fn rounded(percent: f64) -> f64 {
    (percent * 10.0).round() / 10.0
}

impl V2momContent {
    /// Gives each measure its latest check-in (`latest(id)`) and its progress; returns the
    /// V2MOM's progress.
    pub fn attach_progress(
        &mut self,
        latest: impl Fn(i64) -> Option<LatestCheckIn>,
    ) -> Option<f64> {
        for measure in self.methods.iter_mut().flat_map(|m| m.measures.iter_mut()) {
            measure.latest = measure.id.and_then(&latest);
            measure.progress = of_measure(measure, measure.latest.as_ref()).map(rounded);
        }
        of_content(self).map(rounded)
    }

    /// The newest of its measures' latest check-ins (as attached), RFC 3339.
    pub fn last_check_in(&self) -> Option<&str> {
        // RFC 3339 in UTC sorts as text.
        self.methods
            .iter()
            .flat_map(|m| &m.measures)
            .filter_map(|m| m.latest.as_ref().map(|l| l.at.as_str()))
            .max()
    }

    /// Drops what check-ins add (`latest`, `progress`): a revision keeps what was written.
    pub fn without_progress(mut self) -> Self {
        for measure in self.methods.iter_mut().flat_map(|m| m.measures.iter_mut()) {
            measure.latest = None;
            measure.progress = None;
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CheckInStatus;

    fn number(start: f64, target: f64, direction: Direction) -> Measure {
        Measure {
            description: "m".into(),
            kind: MeasureKind::Number,
            start: Some(start),
            target: Some(target),
            direction,
            ..Measure::default()
        }
    }

    fn latest(value: f64) -> LatestCheckIn {
        LatestCheckIn {
            value,
            status: CheckInStatus::OnTrack,
            at: "2027-01-01T00:00:00Z".into(),
        }
    }

    #[test]
    fn no_check_in_is_no_progress() {
        let m = number(0.0, 10.0, Direction::Up);
        assert_eq!(of_measure(&m, None), None);
        let method = Method {
            measures: vec![m],
            ..Method::default()
        };
        assert_eq!(of_method(&method), None);
    }

    #[test]
    fn a_value_between_start_and_target_is_its_share_of_the_way() {
        let m = number(10.0, 30.0, Direction::Up);
        assert_eq!(at(&m, 10.0), Some(0.0));
        assert_eq!(at(&m, 15.0), Some(25.0));
        assert_eq!(at(&m, 30.0), Some(100.0));
    }

    #[test]
    fn overshoot_and_falling_behind_are_clamped() {
        let m = number(0.0, 50.0, Direction::Up);
        assert_eq!(at(&m, 80.0), Some(100.0));
        assert_eq!(at(&m, -5.0), Some(0.0));
    }

    #[test]
    fn down_is_good_when_the_direction_says_so() {
        // Response time from 400 ms down to 100 ms.
        let m = number(400.0, 100.0, Direction::Down);
        assert_eq!(at(&m, 250.0), Some(50.0));
        assert_eq!(at(&m, 100.0), Some(100.0));
        assert_eq!(at(&m, 50.0), Some(100.0), "better than the target");
        assert_eq!(at(&m, 500.0), Some(0.0), "worse than the start");
    }

    #[test]
    fn start_equal_to_target_is_reached_or_not() {
        let keep_up = number(5.0, 5.0, Direction::Up);
        assert_eq!(at(&keep_up, 5.0), Some(100.0));
        assert_eq!(at(&keep_up, 6.0), Some(100.0));
        assert_eq!(at(&keep_up, 4.9), Some(0.0));
        let keep_down = number(0.0, 0.0, Direction::Down);
        assert_eq!(at(&keep_down, 0.0), Some(100.0));
        assert_eq!(at(&keep_down, 1.0), Some(0.0));
    }

    #[test]
    fn percentages_and_done_measures() {
        let percent = Measure {
            kind: MeasureKind::Percent,
            ..number(20.0, 100.0, Direction::Up)
        };
        assert_eq!(at(&percent, 60.0), Some(50.0));
        let done = Measure {
            kind: MeasureKind::Done,
            start: None,
            target: None,
            ..Measure::default()
        };
        assert_eq!(at(&done, 0.0), Some(0.0));
        assert_eq!(at(&done, DONE), Some(100.0));
        let no_target = Measure {
            target: None,
            ..number(0.0, 1.0, Direction::Up)
        };
        assert_eq!(at(&no_target, 3.0), None);
    }

    #[test]
    fn methods_and_v2moms_average_what_has_progress() {
        let measured = |id: i64, start, target| Measure {
            id: Some(id),
            ..number(start, target, Direction::Up)
        };
        let mut content = V2momContent {
            methods: vec![
                Method {
                    measures: vec![measured(1, 0.0, 10.0), measured(2, 0.0, 10.0)],
                    ..Method::default()
                },
                Method {
                    // Checked in on nothing: left out of the V2MOM's mean.
                    measures: vec![measured(3, 0.0, 10.0)],
                    ..Method::default()
                },
                Method {
                    measures: vec![measured(4, 0.0, 4.0), measured(5, 0.0, 1.0)],
                    ..Method::default()
                },
            ],
            ..V2momContent::default()
        };
        let values = [(1, 10.0), (2, 5.0), (4, 1.0)];
        let total = content.attach_progress(|id| {
            values
                .iter()
                .find(|(measure, _)| *measure == id)
                .map(|(_, v)| latest(*v))
        });
        assert_eq!(of_method(&content.methods[0]), Some(75.0));
        assert_eq!(of_method(&content.methods[1]), None);
        // Measure 5 has no check-in: the method's mean is measure 4's 25 %.
        assert_eq!(of_method(&content.methods[2]), Some(25.0));
        assert_eq!(total, Some(50.0));
        assert_eq!(content.methods[0].measures[1].latest, Some(latest(5.0)));
        let stripped = content.without_progress();
        assert_eq!(stripped.methods[0].measures[0].progress, None);
        assert_eq!(of_content(&stripped), None);
    }
}
