//! A measure's check-ins as a small line chart against its target: inline SVG drawn on the
//! server, so it shows without JavaScript and prints. Its text alternative is the `<title>`
//! (what it shows in a sentence) and a visually hidden table of the points.

use crate::i18n::{t, t_with};
use crate::{
    i18n::{date_time, language},
    model::{CheckIn, Measure, MeasureKind},
};
use leptos::prelude::*;

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 120.0;
/// Room around the plot for the dots and the target label.
const PAD: f64 = 10.0;

/// Where each point and the target line go, in the SVG's coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct Plot {
    pub points: Vec<(f64, f64)>,
    pub target_y: Option<f64>,
}

/// Check-ins spaced evenly left to right (oldest first), values scaled between the lowest
/// and highest of the values, the start and the target.
pub fn plot(values: &[f64], start: Option<f64>, target: Option<f64>) -> Plot {
    let all = values.iter().copied().chain(start).chain(target);
    let (low, high) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let (low, high) = if low.is_finite() && high > low {
        (low, high)
    } else if low.is_finite() {
        (low - 1.0, low + 1.0)
    } else {
        (0.0, 1.0)
    };
    let y = |v: f64| HEIGHT - PAD - (v - low) / (high - low) * (HEIGHT - 2.0 * PAD);
    let step = if values.len() > 1 {
        (WIDTH - 2.0 * PAD) / (values.len() - 1) as f64
    } else {
        0.0
    };
    let points = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let x = if values.len() == 1 {
                WIDTH / 2.0
            } else {
                PAD + step * i as f64
            };
            (x, y(*v))
        })
        .collect();
    Plot {
        points,
        target_y: target.map(y),
    }
}

#[component]
pub fn TrendChart(measure: Measure, check_ins: Vec<CheckIn>) -> impl IntoView {
    let id = measure.id.unwrap_or_default();
    let title_id = format!("chart-{id}-title");
    let labelled_by = title_id.clone();
    let values: Vec<f64> = check_ins.iter().map(|c| c.value).collect();
    let target = match measure.kind {
        MeasureKind::Done => Some(crate::model::progress::DONE),
        _ => measure.target,
    };
    let start = match measure.kind {
        MeasureKind::Done => Some(0.0),
        _ => measure.start,
    };
    let plot = plot(&values, start, target);
    let summary = match (check_ins.last(), target) {
        (None, _) => t("ui-chart-no-check-ins"),
        (Some(last), Some(target)) => t_with(
            "ui-chart-summary-with-target",
            &[
                ("count", check_ins.len().into()),
                ("latest", (measure.value_text(last.value)).into()),
                ("target", (measure.value_text(target)).into()),
            ],
        ),
        (Some(last), None) => t_with(
            "ui-chart-summary",
            &[
                ("count", check_ins.len().into()),
                ("latest", (measure.value_text(last.value)).into()),
            ],
        ),
    };
    let title = t_with(
        "ui-chart-title",
        &[
            ("measure", measure.description.clone().into()),
            ("summary", summary.into()),
        ],
    );
    let line = plot
        .points
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ");
    let rows = check_ins
        .iter()
        .map(|c| {
            view! {
                <tr>
                    <td>{date_time(language(), &c.at)}</td>
                    <td>{measure.value_text(c.value)}</td>
                    <td>{c.status.label()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="trend">
            <svg
                class="trend-chart"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                width=WIDTH.to_string()
                height=HEIGHT.to_string()
                role="img"
                aria-labelledby=labelled_by
            >
                <title id=title_id>{crate::components::element_text(&title)}</title>
                {plot
                    .target_y
                    .map(|y| {
                        view! {
                            <line
                                class="trend-target"
                                x1="0"
                                x2=WIDTH.to_string()
                                y1=format!("{y:.1}")
                                y2=format!("{y:.1}")
                            />
                        }
                    })}
                {(plot.points.len() > 1)
                    .then(|| view! { <polyline class="trend-line" points=line.clone() /> })}
                {plot
                    .points
                    .iter()
                    .zip(&check_ins)
                    .map(|((x, y), c)| {
                        view! {
                            <circle
                                class=format!("trend-point check-in-{}", c.status.as_str())
                                cx=format!("{x:.1}")
                                cy=format!("{y:.1}")
                                r="4"
                            />
                        }
                    })
                    .collect_view()}
            </svg>
            <div class="visually-hidden">
                <table>
                    <caption>
                        {t_with("ui-chart-caption", &[("measure", measure.description.clone().into())])}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("ui-chart-col-when")}</th>
                            <th scope="col">{t("ui-chart-col-value")}</th>
                            <th scope="col">{t("ui-chart-col-status")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_spread_left_to_right_and_higher_values_sit_higher() {
        let p = plot(&[0.0, 5.0, 10.0], Some(0.0), Some(10.0));
        assert_eq!(p.points.len(), 3);
        assert!(p.points[0].0 < p.points[1].0 && p.points[1].0 < p.points[2].0);
        assert!(p.points[2].1 < p.points[0].1, "SVG y grows downwards");
        assert_eq!(
            p.target_y,
            Some(p.points[2].1),
            "the last point is on target"
        );
    }

    #[test]
    fn a_flat_history_still_has_room() {
        let p = plot(&[3.0], Some(3.0), Some(3.0));
        assert_eq!(p.points.len(), 1);
        assert!(p.points[0].1.is_finite());
        let empty = plot(&[], None, None);
        assert!(empty.points.is_empty() && empty.target_y.is_none());
    }
}
