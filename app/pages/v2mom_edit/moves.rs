//! Moving a row with the keyboard: where it went, said in a live region, and the focus kept
//! on the button that moved it, so pressing it again moves the row further.

use crate::{
    i18n::{t, t_with},
    model::{EditOp, Item, V2momContent},
};

/// A row moved in the browser: the `value` of the move button to focus on the row where it
/// is now, and the sentence a screen reader says.
#[derive(Debug, PartialEq)]
pub(super) struct Moved {
    pub(super) button: String,
    pub(super) said: String,
}

/// After `op` has been applied to `content` (its blank rows included): where the row went.
/// `None` for every op but a move.
pub(super) fn moved(content: &V2momContent, op: EditOp) -> Option<Moved> {
    let (item, up) = match op {
        EditOp::MoveUp(item) => (item, true),
        EditOp::MoveDown(item) => (item, false),
        _ => return None,
    };
    let (kind, names, from): (String, Vec<&str>, usize) = match item {
        Item::Value(i) => (
            t("v2mom-value"),
            content.values.iter().map(|v| v.name.as_str()).collect(),
            i,
        ),
        Item::Method(i) => (
            t("v2mom-method"),
            content.methods.iter().map(|m| m.title.as_str()).collect(),
            i,
        ),
        Item::Obstacle { method, index } => {
            let obstacles = &content.methods.get(method)?.obstacles;
            (
                t("v2mom-obstacle"),
                obstacles.iter().map(String::as_str).collect(),
                index,
            )
        }
        Item::Measure { method, index } => {
            let measures = &content.methods.get(method)?.measures;
            (
                t("v2mom-measure"),
                measures.iter().map(|m| m.description.as_str()).collect(),
                index,
            )
        }
    };
    // The last row is the blank one offered for adding: not a place to move to.
    let rows = names.len().saturating_sub(1);
    let to = if up {
        from.saturating_sub(1)
    } else {
        (from + 1).min(rows.saturating_sub(1))
    };
    let name = names.get(to)?;
    let said = match (to == from, up) {
        (true, true) => t_with(
            "v2mom-already-first",
            &[("kind", kind.into()), ("name", (*name).into())],
        ),
        (true, false) => t_with(
            "v2mom-already-last",
            &[("kind", kind.into()), ("name", (*name).into())],
        ),
        (false, _) => t_with(
            "v2mom-moved",
            &[
                ("kind", kind.into()),
                ("name", (*name).into()),
                ("position", (to + 1).into()),
                ("count", rows.into()),
            ],
        ),
    };
    let at = match item {
        Item::Value(_) => Item::Value(to),
        Item::Method(_) => Item::Method(to),
        Item::Obstacle { method, .. } => Item::Obstacle { method, index: to },
        Item::Measure { method, .. } => Item::Measure { method, index: to },
    };
    let button = if up {
        EditOp::MoveUp(at)
    } else {
        EditOp::MoveDown(at)
    };
    Some(Moved {
        button: button.encode(),
        said,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Method, ValueItem};

    fn values(names: &[&str]) -> V2momContent {
        V2momContent {
            values: names
                .iter()
                .map(|n| ValueItem {
                    name: (*n).to_owned(),
                    ..ValueItem::default()
                })
                .collect(),
            ..V2momContent::default()
        }
    }

    #[test]
    fn a_move_says_where_the_row_is_now_and_keeps_its_button() {
        let mut content = values(&["Focus", "Candour", "Pace"]).with_blank_rows();
        let op = EditOp::MoveUp(Item::Value(2));
        content.apply(op);
        let moved = moved(&content.with_blank_rows(), op).unwrap();
        assert_eq!(moved.said, "Value “Pace” moved to position 2 of 3.");
        assert_eq!(moved.button, EditOp::MoveUp(Item::Value(1)).encode());
    }

    #[test]
    fn a_row_at_the_end_stays_and_says_so() {
        let content = values(&["Focus", "Candour"]).with_blank_rows();
        let first = moved(&content, EditOp::MoveUp(Item::Value(0))).unwrap();
        assert_eq!(first.said, "Value “Focus” is already first.");
        let last = moved(&content, EditOp::MoveDown(Item::Value(1))).unwrap();
        assert_eq!(last.said, "Value “Candour” is already last.");
        assert_eq!(last.button, EditOp::MoveDown(Item::Value(1)).encode());
    }

    #[test]
    fn methods_obstacles_and_measures_are_named_too() {
        let mut content = V2momContent {
            methods: vec![
                Method {
                    title: "Ship".into(),
                    obstacles: vec!["Time".into(), "Money".into()],
                    ..Method::default()
                },
                Method {
                    title: "Hire".into(),
                    ..Method::default()
                },
            ],
            ..V2momContent::default()
        }
        .with_blank_rows();
        let op = EditOp::MoveDown(Item::Method(0));
        content.apply(op);
        let content = content.with_blank_rows();
        assert_eq!(
            moved(&content, op).unwrap().said,
            "Method “Ship” moved to position 2 of 2."
        );
        let obstacle = EditOp::MoveUp(Item::Obstacle {
            method: 1,
            index: 1,
        });
        let mut content = content;
        content.apply(obstacle);
        assert_eq!(
            moved(&content.clone().with_blank_rows(), obstacle)
                .unwrap()
                .said,
            "Obstacle “Money” moved to position 1 of 2."
        );
        assert_eq!(moved(&content, EditOp::AddValue), None);
    }
}
