//! The V2MOM's content: Vision, Values, Methods, Obstacles, Measures, and its period.
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

pub const MAX_TITLE: usize = 200;
pub const MAX_VISION: usize = 4000;
pub const MAX_TEXT: usize = 2000;
pub const MAX_SHORT: usize = 100;
/// More items than anyone plans with, few enough to keep a page light.
pub const MAX_ITEMS: usize = 50;

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
