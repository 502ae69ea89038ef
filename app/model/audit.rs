//! The audit log as administrators read it.

use serde::{Deserialize, Serialize};

/// What to show: every field optional ("" = any). Dates are `YYYY-MM-DD`, UTC, inclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditFilter {
    pub actor: String,
    pub action: String,
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    /// RFC 3339, UTC.
    pub at: String,
    pub actor_email: Option<String>,
    pub client_ip: Option<String>,
    pub action: String,
    pub target: Option<String>,
    /// JSON, as recorded.
    pub details: String,
    pub request_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
}

/// The outcome of "verify chain".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChainReport {
    Intact { rows: u64 },
    BrokenAt { id: i64 },
}
