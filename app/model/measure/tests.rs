//! A measure's rules through the V2MOM's, and amounts read from JSON and from forms.

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
    let read: Measure = serde_json::from_str(r#"{"start": 0, "target": 12.5, "id": 7}"#).unwrap();
    assert_eq!(
        (read.start, read.target, read.id),
        (Some(0.0), Some(12.5), Some(7))
    );
}
