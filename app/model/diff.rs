//! Comparing two versions of a V2MOM, field by field, with changed words marked.

use super::{measure::Measure, v2mom::V2momContent};
use crate::i18n::{t, t_with};
use serde::{Deserialize, Serialize};

/// One field whose text differs between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub label: String,
    pub before: String,
    pub after: String,
}

/// A run of words, kept, removed or added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Segment {
    Same(String),
    Removed(String),
    Added(String),
}

/// Every field as (label, text), in reading order; lists padded so both sides line up.
fn fields(content: &V2momContent, shape: &V2momContent) -> Vec<(String, String)> {
    let numbered = |id: &str, n: usize| t_with(id, &[("n", n.into())]);
    let item = |id: &str, n: usize, i: usize| t_with(id, &[("n", n.into()), ("i", i.into())]);
    let mut out = vec![
        (t("model-diff-title"), content.title.clone()),
        (t("model-diff-vision"), content.vision.clone()),
    ];
    let longest = |a: usize, b: usize| a.max(b);
    for i in 0..longest(content.values.len(), shape.values.len()) {
        let value = content.values.get(i).cloned().unwrap_or_default();
        out.push((numbered("model-diff-value", i + 1), value.name));
        out.push((
            numbered("model-diff-value-description", i + 1),
            value.description,
        ));
    }
    for m in 0..longest(content.methods.len(), shape.methods.len()) {
        let method = content.methods.get(m).cloned().unwrap_or_default();
        let other = shape.methods.get(m).cloned().unwrap_or_default();
        let n = m + 1;
        out.push((numbered("model-diff-method", n), method.title));
        out.push((
            numbered("model-diff-method-description", n),
            method.description,
        ));
        for i in 0..longest(method.obstacles.len(), other.obstacles.len()) {
            let obstacle = method.obstacles.get(i).cloned().unwrap_or_default();
            out.push((item("model-diff-obstacle", n, i + 1), obstacle));
        }
        for i in 0..longest(method.measures.len(), other.measures.len()) {
            let measure = method.measures.get(i).cloned().unwrap_or_default();
            out.push((item("model-diff-measure", n, i + 1), measure_text(&measure)));
        }
    }
    out
}

fn measure_text(m: &Measure) -> String {
    if m.is_blank() {
        return String::new();
    }
    let mut text = m.description.clone();
    text += &format!(" · {}", m.kind.label_in_sentence());
    if let Some(target) = m.target {
        let start = m.start.unwrap_or(0.0);
        let range = t_with(
            "model-diff-measure-range",
            &[
                ("start", start.to_string().into()),
                ("target", target.to_string().into()),
                ("unit", m.unit.trim().into()),
            ],
        );
        text += &format!(" · {range}");
        text = text.trim_end().to_owned();
        text += &format!(" ({})", m.direction.label_in_sentence());
    }
    if !m.due_on.trim().is_empty() {
        let due = t_with(
            "model-diff-measure-due",
            &[("date", m.due_on.trim().into())],
        );
        text += &format!(" · {due}");
    }
    text
}

/// The fields that differ from `before` to `after`.
pub fn changes(before: &V2momContent, after: &V2momContent) -> Vec<FieldChange> {
    fields(before, after)
        .into_iter()
        .zip(fields(after, before))
        .filter(|((_, b), (_, a))| b.trim() != a.trim())
        .map(|((label, before), (_, after))| FieldChange {
            label,
            before,
            after,
        })
        .collect()
}

/// `before` turned into `after`, word by word (longest common subsequence).
pub fn word_diff(before: &str, after: &str) -> Vec<Segment> {
    let a: Vec<&str> = before.split_inclusive(char::is_whitespace).collect();
    let b: Vec<&str> = after.split_inclusive(char::is_whitespace).collect();
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i].trim() == b[j].trim() {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out: Vec<Segment> = Vec::new();
    let mut push = |segment: Segment| match (out.last_mut(), segment) {
        (Some(Segment::Same(t)), Segment::Same(s))
        | (Some(Segment::Removed(t)), Segment::Removed(s))
        | (Some(Segment::Added(t)), Segment::Added(s)) => t.push_str(&s),
        (_, segment) => out.push(segment),
    };
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i].trim() == b[j].trim() {
            push(Segment::Same(b[j].to_owned()));
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            push(Segment::Added(b[j].to_owned()));
            j += 1;
        } else {
            push(Segment::Removed(a[i].to_owned()));
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::v2mom::ValueItem;

    #[test]
    fn words_kept_removed_and_added() {
        assert_eq!(
            word_diff("grow the team fast", "grow the whole team"),
            vec![
                Segment::Same("grow the ".into()),
                Segment::Added("whole ".into()),
                Segment::Same("team".into()),
                Segment::Removed("fast".into()),
            ]
        );
    }

    #[test]
    fn only_changed_fields_are_listed() {
        let before = V2momContent {
            vision: "Be the best".into(),
            values: vec![ValueItem {
                name: "Trust".into(),
                description: String::new(),
            }],
            ..Default::default()
        };
        let mut after = before.clone();
        after.vision = "Be the very best".into();
        after.values.push(ValueItem {
            name: "Growth".into(),
            description: String::new(),
        });
        let labels: Vec<String> = changes(&before, &after)
            .into_iter()
            .map(|c| c.label)
            .collect();
        assert_eq!(labels, vec!["Vision", "Value 2"]);
    }
}
