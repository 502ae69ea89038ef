//! The editor's row buttons (add, remove, move up or down) as one change to the content,
//! applied the same in the hydrated editor and, without JavaScript, on the server.

use super::{Measure, Method, V2momContent, ValueItem};

/// A change to the shape of the content, from a button in the editor. The hydrated editor
/// applies it in the browser; without JavaScript the button posts the form and the server
/// applies it, so both behave the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditOp {
    AddValue,
    AddMethod,
    AddObstacle { method: usize },
    AddMeasure { method: usize },
    Remove(Item),
    MoveUp(Item),
    MoveDown(Item),
}

/// One row of the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Value(usize),
    Method(usize),
    Obstacle { method: usize, index: usize },
    Measure { method: usize, index: usize },
}

impl Item {
    fn encode(self) -> String {
        match self {
            Item::Value(i) => format!("value:{i}"),
            Item::Method(i) => format!("method:{i}"),
            Item::Obstacle { method, index } => format!("obstacle:{method}:{index}"),
            Item::Measure { method, index } => format!("measure:{method}:{index}"),
        }
    }

    fn decode(text: &str) -> Option<Item> {
        let mut parts = text.split(':');
        let kind = parts.next()?;
        let mut number = || parts.next()?.parse::<usize>().ok();
        let item = match kind {
            "value" => Item::Value(number()?),
            "method" => Item::Method(number()?),
            "obstacle" => Item::Obstacle {
                method: number()?,
                index: number()?,
            },
            "measure" => Item::Measure {
                method: number()?,
                index: number()?,
            },
            _ => return None,
        };
        Some(item)
    }
}

impl EditOp {
    /// As a form button's value, e.g. `up:method:2`.
    pub fn encode(self) -> String {
        match self {
            EditOp::AddValue => "add:values".into(),
            EditOp::AddMethod => "add:methods".into(),
            EditOp::AddObstacle { method } => format!("add:obstacles:{method}"),
            EditOp::AddMeasure { method } => format!("add:measures:{method}"),
            EditOp::Remove(item) => format!("remove:{}", item.encode()),
            EditOp::MoveUp(item) => format!("up:{}", item.encode()),
            EditOp::MoveDown(item) => format!("down:{}", item.encode()),
        }
    }

    pub fn decode(text: &str) -> Option<EditOp> {
        let (verb, rest) = text.split_once(':')?;
        let method = || rest.split_once(':')?.1.parse::<usize>().ok();
        Some(match (verb, rest) {
            ("add", "values") => EditOp::AddValue,
            ("add", "methods") => EditOp::AddMethod,
            ("add", r) if r.starts_with("obstacles:") => EditOp::AddObstacle { method: method()? },
            ("add", r) if r.starts_with("measures:") => EditOp::AddMeasure { method: method()? },
            ("remove", r) => EditOp::Remove(Item::decode(r)?),
            ("up", r) => EditOp::MoveUp(Item::decode(r)?),
            ("down", r) => EditOp::MoveDown(Item::decode(r)?),
            _ => return None,
        })
    }
}

impl V2momContent {
    /// Applies `op`; an op naming a row that does not exist changes nothing.
    pub fn apply(&mut self, op: EditOp) {
        match op {
            EditOp::AddValue => self.values.push(ValueItem::default()),
            EditOp::AddMethod => self.methods.push(Method::default()),
            EditOp::AddObstacle { method } => {
                if let Some(m) = self.methods.get_mut(method) {
                    m.obstacles.push(String::new());
                }
            }
            EditOp::AddMeasure { method } => {
                if let Some(m) = self.methods.get_mut(method) {
                    m.measures.push(Measure::default());
                }
            }
            EditOp::Remove(item) => self.change_list(item, ListChange::Remove),
            EditOp::MoveUp(item) => self.change_list(item, ListChange::Up),
            EditOp::MoveDown(item) => self.change_list(item, ListChange::Down),
        }
    }

    fn change_list(&mut self, item: Item, change: ListChange) {
        match item {
            Item::Value(i) => change.on(&mut self.values, i),
            Item::Method(i) => change.on(&mut self.methods, i),
            Item::Obstacle { method, index } => {
                if let Some(m) = self.methods.get_mut(method) {
                    change.on(&mut m.obstacles, index)
                }
            }
            Item::Measure { method, index } => {
                if let Some(m) = self.methods.get_mut(method) {
                    change.on(&mut m.measures, index)
                }
            }
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum ListChange {
    Remove,
    Up,
    Down,
}

impl ListChange {
    fn on<T>(self, list: &mut Vec<T>, i: usize) {
        match self {
            ListChange::Remove if i < list.len() => {
                list.remove(i);
            }
            ListChange::Up if i > 0 && i < list.len() => list.swap(i - 1, i),
            ListChange::Down if i + 1 < list.len() => list.swap(i, i + 1),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The editor's buttons carry their move as the form's `op`; without JavaScript the
    /// server decodes it, so every move must survive the trip and junk must not decode.
    #[test]
    fn edit_ops_survive_a_form_round_trip() {
        for op in [
            EditOp::AddValue,
            EditOp::AddMethod,
            EditOp::AddObstacle { method: 3 },
            EditOp::AddMeasure { method: 0 },
            EditOp::Remove(Item::Value(4)),
            EditOp::MoveUp(Item::Method(1)),
            EditOp::MoveDown(Item::Obstacle {
                method: 2,
                index: 1,
            }),
            EditOp::Remove(Item::Measure {
                method: 1,
                index: 5,
            }),
        ] {
            assert_eq!(EditOp::decode(&op.encode()), Some(op), "{}", op.encode());
        }
        for junk in ["", "up", "up:thing:1", "sideways:value:1", "remove:value:x"] {
            assert_eq!(EditOp::decode(junk), None, "{junk}");
        }
    }

    #[test]
    fn moves_stay_inside_their_list() {
        let mut content = V2momContent {
            values: ["a", "b", "c"]
                .map(|name| ValueItem {
                    name: name.into(),
                    ..ValueItem::default()
                })
                .to_vec(),
            ..V2momContent::default()
        };
        let names = |c: &V2momContent| c.values.iter().map(|v| v.name.clone()).collect::<Vec<_>>();
        content.apply(EditOp::MoveUp(Item::Value(0)));
        content.apply(EditOp::MoveDown(Item::Value(2)));
        assert_eq!(names(&content), ["a", "b", "c"], "the ends do not wrap");
        content.apply(EditOp::MoveDown(Item::Value(0)));
        assert_eq!(names(&content), ["b", "a", "c"]);
        content.apply(EditOp::Remove(Item::Value(9)));
        content.apply(EditOp::Remove(Item::Value(1)));
        assert_eq!(names(&content), ["b", "c"]);
    }
}
