//! A V2MOM as pages and the API read it: the whole V2MOM, its amendment, summaries for lists,
//! revisions, alignment links and the alignment tree.

use super::{Period, StatusChange, V2momContent, V2momStatus};
use serde::{Deserialize, Serialize};

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
