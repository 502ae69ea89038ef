//! The V2MOM itself: Vision, Values, Methods, Obstacles, Measures, and where it stands.
//!
//! [`V2momContent`] is what an editor changes and what a revision keeps. Its field names are
//! also the form's input names (`methods[0][title]`), so a plain form post, the hydrated
//! editor and the per-field error messages all speak the same language.

use super::{
    measure::{Measure, check_measure},
    validate::Checks,
};
use crate::i18n::t;
use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

pub const MAX_TITLE: usize = 200;
pub const MAX_VISION: usize = 4000;
pub const MAX_TEXT: usize = 2000;
pub const MAX_SHORT: usize = 100;
/// More items than anyone plans with, few enough to keep a page light.
pub const MAX_ITEMS: usize = 50;

/// Where a V2MOM stands: `draft → in_review → published → archived`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum V2momStatus {
    Draft,
    InReview,
    Published,
    Archived,
}

impl V2momStatus {
    pub const ALL: [V2momStatus; 4] = [
        V2momStatus::Draft,
        V2momStatus::InReview,
        V2momStatus::Published,
        V2momStatus::Archived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            V2momStatus::Draft => "draft",
            V2momStatus::InReview => "in_review",
            V2momStatus::Published => "published",
            V2momStatus::Archived => "archived",
        }
    }

    pub fn label(self) -> String {
        t(match self {
            V2momStatus::Draft => "model-status-draft",
            V2momStatus::InReview => "model-status-in-review",
            V2momStatus::Published => "model-status-published",
            V2momStatus::Archived => "model-status-archived",
        })
    }

    /// The label as it reads inside a sentence ("This amendment is in review"): lower case
    /// in English.
    pub fn label_in_sentence(self) -> String {
        t(match self {
            V2momStatus::Draft => "model-status-inline-draft",
            V2momStatus::InReview => "model-status-inline-in-review",
            V2momStatus::Published => "model-status-inline-published",
            V2momStatus::Archived => "model-status-inline-archived",
        })
    }

    /// Whether people other than the owner and the managers above may see it.
    pub fn is_public(self) -> bool {
        matches!(self, V2momStatus::Published | V2momStatus::Archived)
    }
}

impl fmt::Display for V2momStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for V2momStatus {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Self::ALL.into_iter().find(|v| v.as_str() == s).ok_or(())
    }
}

/// A move in the lifecycle, as someone asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum StatusChange {
    /// The owner asks their manager to approve.
    Submit,
    /// The manager approves a V2MOM in review: it is published.
    Approve,
    /// The manager sends a V2MOM in review back to its owner, with a comment.
    Return,
    /// Published straight away (a manager writing for themselves or their team).
    Publish,
    Archive,
}

impl StatusChange {
    pub const ALL: [StatusChange; 5] = [
        StatusChange::Submit,
        StatusChange::Approve,
        StatusChange::Return,
        StatusChange::Publish,
        StatusChange::Archive,
    ];

    /// The status this change leads to from `from`, or `None` when it does not apply there.
    pub fn apply(self, from: V2momStatus) -> Option<V2momStatus> {
        use V2momStatus::*;
        match (self, from) {
            (StatusChange::Submit, Draft) => Some(InReview),
            (StatusChange::Approve, InReview) => Some(Published),
            (StatusChange::Return, InReview) => Some(Draft),
            // A publication is frozen: changing it again is an amendment, which has a status
            // of its own (draft or in review) that these moves apply to.
            (StatusChange::Publish, Draft | InReview) => Some(Published),
            (StatusChange::Archive, Draft | InReview | Published) => Some(Archived),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            StatusChange::Submit => "submit",
            StatusChange::Approve => "approve",
            StatusChange::Return => "return",
            StatusChange::Publish => "publish",
            StatusChange::Archive => "archive",
        }
    }

    pub fn label(self) -> String {
        t(match self {
            StatusChange::Submit => "model-change-submit",
            StatusChange::Approve => "model-change-approve",
            StatusChange::Return => "model-change-return",
            StatusChange::Publish => "model-change-publish",
            StatusChange::Archive => "model-change-archive",
        })
    }

    /// Whether the V2MOM must be complete (vision and a method) for this change.
    pub fn needs_complete(self) -> bool {
        matches!(
            self,
            StatusChange::Submit | StatusChange::Approve | StatusChange::Publish
        )
    }
}

/// A planning period such as "FY2027"; dates as `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Period {
    pub id: i64,
    pub name: String,
    pub starts_on: String,
    pub ends_on: String,
    pub is_current: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ValueItem {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Method {
    /// Kept across saves, because other people's methods align to it; `None` until saved.
    #[serde(default, deserialize_with = "optional_id")]
    pub id: Option<i64>,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// A method of the owner's manager's V2MOM for the same period.
    #[serde(default, deserialize_with = "optional_id")]
    pub aligned_to: Option<i64>,
    #[serde(default)]
    pub obstacles: Vec<String>,
    #[serde(default)]
    pub measures: Vec<Measure>,
}

/// An id from JSON (a number) or a form (text, where "" means none).
pub(super) fn optional_id<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Id {
        Number(WholeNumber),
        Text(String),
    }
    match Option::<Id>::deserialize(d)? {
        None => Ok(None),
        Some(Id::Number(n)) => Ok(Some(n.0)),
        Some(Id::Text(t)) if t.trim().is_empty() => Ok(None),
        Some(Id::Text(t)) => t.trim().parse().map(Some).map_err(serde::de::Error::custom),
    }
}

/// A JSON integer as JSON Schema counts them: `7`, and also `7.0` (a number with no
/// fraction), which some clients send for whole numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WholeNumber(pub i64);

impl<'de> Deserialize<'de> for WholeNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Number {
            Int(i64),
            Float(f64),
        }
        // i64's range as floats: the upper end itself is not an i64.
        const LIMIT: f64 = 9_223_372_036_854_775_808.0;
        match Number::deserialize(d)? {
            Number::Int(n) => Ok(WholeNumber(n)),
            Number::Float(f) if f.fract() == 0.0 && (-LIMIT..LIMIT).contains(&f) => {
                Ok(WholeNumber(f as i64))
            }
            Number::Float(_) => Err(serde::de::Error::custom("expected a whole number")),
        }
    }
}

/// `deserialize_with` for an `i64` field that takes any [`WholeNumber`].
pub fn whole_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    WholeNumber::deserialize(d).map(|n| n.0)
}

/// Everything an editor changes, and what a revision keeps.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct V2momContent {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub vision: String,
    #[serde(default)]
    pub values: Vec<ValueItem>,
    #[serde(default)]
    pub methods: Vec<Method>,
}

/// Field names, the same as the form's input names.
pub mod field {
    pub fn value(i: usize, part: &str) -> String {
        format!("values[{i}][{part}]")
    }
    pub fn method(i: usize, part: &str) -> String {
        format!("methods[{i}][{part}]")
    }
    pub fn obstacle(m: usize, i: usize) -> String {
        format!("methods[{m}][obstacles][{i}]")
    }
    pub fn measure(m: usize, i: usize, part: &str) -> String {
        format!("methods[{m}][measures][{i}][{part}]")
    }
}

impl ValueItem {
    pub fn is_blank(&self) -> bool {
        self.name.trim().is_empty() && self.description.trim().is_empty()
    }
}

impl Measure {
    pub fn is_blank(&self) -> bool {
        self.start.is_none()
            && self.target.is_none()
            && [&self.description, &self.unit, &self.due_on]
                .iter()
                .all(|t| t.trim().is_empty())
    }
}

impl Method {
    pub fn is_blank(&self) -> bool {
        self.title.trim().is_empty()
            && self.description.trim().is_empty()
            && self.aligned_to.is_none()
            && self.obstacles.iter().all(|o| o.trim().is_empty())
            && self.measures.iter().all(Measure::is_blank)
    }
}

impl V2momContent {
    /// Drops rows left entirely blank: the editor always offers an empty one to fill in.
    pub fn without_blank_rows(mut self) -> Self {
        self.values.retain(|v| !v.is_blank());
        self.methods.retain(|m| !m.is_blank());
        for method in &mut self.methods {
            method.obstacles.retain(|o| !o.trim().is_empty());
            method.measures.retain(|m| !m.is_blank());
        }
        self
    }

    /// Adds one empty row at the end of every list, where a new item is written.
    pub fn with_blank_rows(mut self) -> Self {
        self = self.without_blank_rows();
        for method in &mut self.methods {
            method.obstacles.push(String::new());
            method.measures.push(Measure::default());
        }
        self.values.push(ValueItem::default());
        self.methods.push(Method {
            obstacles: vec![String::new()],
            measures: vec![Measure::default()],
            ..Method::default()
        });
        self
    }

    /// Every rule, field by field, and every text made what is stored (see
    /// [`crate::model::validate::clean`]). A draft may be incomplete; `complete` adds what
    /// reviewing and publishing need: a vision and at least one method.
    pub fn check(&mut self, complete: bool) -> Checks {
        let mut c = Checks::new();
        self.title = c.optional_text("title", &self.title, MAX_TITLE);
        self.vision = if complete {
            c.lines("vision", &self.vision, MAX_VISION)
        } else {
            c.optional_lines("vision", &self.vision, MAX_VISION)
        };
        if complete && self.methods.iter().all(Method::is_blank) {
            c.fail("methods", t("model-needs-method"));
        }
        c.count(
            "values",
            self.values.iter().filter(|v| !v.is_blank()).count(),
            MAX_ITEMS,
        );
        for (i, value) in self.values.iter_mut().enumerate() {
            if value.is_blank() {
                continue;
            }
            value.name = c.text(&field::value(i, "name"), &value.name, MAX_TITLE);
            value.description = c.optional_text(
                &field::value(i, "description"),
                &value.description,
                MAX_TEXT,
            );
        }
        c.count(
            "methods",
            self.methods.iter().filter(|m| !m.is_blank()).count(),
            MAX_ITEMS,
        );
        for (m, method) in self.methods.iter_mut().enumerate() {
            if method.is_blank() {
                continue;
            }
            method.title = c.text(&field::method(m, "title"), &method.title, MAX_TITLE);
            method.description = c.optional_lines(
                &field::method(m, "description"),
                &method.description,
                MAX_TEXT,
            );
            c.count(
                &field::method(m, "obstacles"),
                method.obstacles.len(),
                MAX_ITEMS,
            );
            for (i, obstacle) in method.obstacles.iter_mut().enumerate() {
                *obstacle = c.optional_text(&field::obstacle(m, i), obstacle, MAX_TEXT);
            }
            c.count(
                &field::method(m, "measures"),
                method.measures.len(),
                MAX_ITEMS,
            );
            for (i, measure) in method.measures.iter_mut().enumerate() {
                if !measure.is_blank() {
                    check_measure(&mut c, m, i, measure);
                }
            }
        }
        c
    }
}

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

/// A person as a V2MOM names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PersonRef {
    pub id: i64,
    pub name: String,
}

/// A whole V2MOM as stored now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct V2mom {
    pub id: i64,
    pub owner: PersonRef,
    pub period: Period,
    pub status: V2momStatus,
    /// Bumped by every change; a save names the version it started from.
    pub version: i64,
    pub published_revision: Option<i64>,
    /// Why the manager returned it, while it is back with its owner.
    pub review_comment: String,
    pub updated_by: PersonRef,
    /// RFC 3339, UTC (pages show it with `i18n::date_time`).
    pub updated_at: String,
    /// What readers see: the publication, once there is one (a published V2MOM's changes
    /// are in `amendment` until they are published in turn).
    pub content: V2momContent,
    /// When the current publication replaced an earlier one (RFC 3339, UTC); `null` until a
    /// published V2MOM has been amended.
    pub amended_at: Option<String>,
    /// The revision of the publication the current one replaced, to compare the two.
    pub previous_published_revision: Option<i64>,
    /// The working copy of a published V2MOM's next publication, for those who may read its
    /// drafts; `null` for everyone else and when nobody is amending it.
    pub amendment: Option<Amendment>,
    /// Read-only: the mean of its methods' progress (0 to 100), none before any check-in.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(read_only, minimum = 0, maximum = 100))]
    pub progress: Option<f64>,
}

impl V2mom {
    /// What an editor works on: the amendment while there is one, the V2MOM's content
    /// otherwise.
    pub fn working_content(&self) -> &V2momContent {
        self.amendment
            .as_ref()
            .map_or(&self.content, |a| &a.content)
    }

    /// The status the lifecycle moves apply to: the amendment's while there is one.
    pub fn working_status(&self) -> V2momStatus {
        self.amendment.as_ref().map_or(self.status, |a| a.status)
    }
}

/// Changes to a published V2MOM that readers do not see yet: a working copy, `draft` or
/// `in_review`, published as the next revision or discarded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Amendment {
    /// `draft` or `in_review`.
    pub status: V2momStatus,
    /// Why the manager returned it, while it is back with its writer.
    pub review_comment: String,
    pub content: V2momContent,
    pub created_by: PersonRef,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub updated_by: PersonRef,
    /// RFC 3339, UTC.
    pub updated_at: String,
}

/// One V2MOM in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct V2momSummary {
    pub id: i64,
    pub owner: PersonRef,
    pub manager: Option<PersonRef>,
    pub function: String,
    pub period_name: String,
    pub title: String,
    pub status: V2momStatus,
    pub updated_at: String,
}

/// A saved version: who, when, and what it held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RevisionInfo {
    pub number: i64,
    pub status: V2momStatus,
    /// A save of an amendment (a published V2MOM's working copy), not of what readers saw.
    #[serde(default)]
    pub amendment: bool,
    pub saved_by: String,
    pub saved_at: String,
}

/// What a revision keeps: the content and the status it had.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Snapshot {
    pub status: V2momStatus,
    pub content: V2momContent,
}

/// A method somewhere else, linked from this one (aligned to, or aligned from).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MethodLink {
    pub method_id: i64,
    pub method_title: String,
    pub v2mom_id: i64,
    pub owner_name: String,
}

/// A V2MOM with what the reader may do with it and how it is aligned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct V2momPage {
    pub v2mom: V2mom,
    pub can_edit: bool,
    /// Text the reader sent in a save that was refused (without JavaScript), for the editor
    /// to show again.
    pub unsaved: Option<V2momContent>,
    /// The lifecycle moves the reader may make now.
    pub changes: Vec<StatusChange>,
    /// For each of this V2MOM's methods (by id), the manager's method it aligns to.
    pub aligned_to: Vec<(i64, MethodLink)>,
    /// For each of this V2MOM's methods (by id), the methods below that align to it.
    pub aligned_from: Vec<(i64, MethodLink)>,
}

/// The list page's filters; empty means "any".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct V2momQuery {
    #[serde(default)]
    pub owner: Option<i64>,
    /// The owner's direct manager.
    #[serde(default)]
    pub manager: Option<i64>,
    #[serde(default)]
    pub function: String,
    #[serde(default)]
    pub period: Option<i64>,
    #[serde(default)]
    pub status: Option<V2momStatus>,
    /// Words in the title, vision or owner's name.
    #[serde(default)]
    pub text: String,
    /// From 1.
    #[serde(default)]
    pub page: Option<u32>,
}

/// One page of a V2MOM list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct V2momList {
    pub items: Vec<V2momSummary>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
}

/// One person in a period's alignment tree, in depth-first order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlignmentNode {
    pub person: PersonRef,
    /// 0 for the top of the organisation (as far as the reader can see).
    pub depth: u32,
    /// The V2MOM's id and status, when there is one the reader may open.
    pub v2mom: Option<(i64, V2momStatus)>,
    /// How many of its methods align to a method above.
    pub aligned_methods: i64,
}

/// A period's alignment tree, and the periods one may switch to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlignmentView {
    pub period: Option<Period>,
    pub periods: Vec<Period>,
    pub nodes: Vec<AlignmentNode>,
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
