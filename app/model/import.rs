//! Importing people from a CSV file (`name,email,manager_email,role,function`, and
//! optionally `job_title`): what each row would do, and every problem, by line, before
//! anything is written. A file with a problem imports nothing.

use super::{InvitationSent, Role};
use crate::i18n::{t, t_with};
use serde::{Deserialize, Serialize};

/// The columns a file must have, in any order; `job_title` may be added.
pub const IMPORT_COLUMNS: [&str; 5] = ["name", "email", "manager_email", "role", "function"];

/// The most rows one file may hold: a large organisation imports in parts.
pub const MAX_IMPORT_ROWS: usize = 2_000;

/// What importing a row does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportAction {
    /// Nobody has this address yet: an account is created and invited.
    Invite,
    /// Someone has it: their role, manager, function (and title) change to the file's.
    Update,
    /// Someone has it and sits exactly where the file says.
    Unchanged,
}

impl ImportAction {
    pub fn label(self) -> String {
        t(match self {
            ImportAction::Invite => "model-import-invite",
            ImportAction::Update => "model-import-update",
            ImportAction::Unchanged => "model-import-unchanged",
        })
    }
}

/// One row as read, tidied, with what importing it does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRow {
    /// The row's line in the file (the header is line 1).
    pub line: u64,
    pub name: String,
    pub email: String,
    /// Empty: reports to nobody.
    pub manager_email: String,
    pub role: Role,
    pub function: String,
    /// `None` when the file has no `job_title` column: an existing title stays.
    pub job_title: Option<String>,
    pub action: ImportAction,
}

/// Something wrong with the file: on a line, or (line `None`) with the file as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProblem {
    pub line: Option<u64>,
    pub message: String,
}

impl ImportProblem {
    /// "Line 3: …", as a person reads it next to the file.
    pub fn describe(&self) -> String {
        match self.line {
            Some(line) => t_with(
                "model-import-line",
                &[
                    ("line", line.into()),
                    ("message", self.message.as_str().into()),
                ],
            ),
            None => self.message.clone(),
        }
    }
}

/// What importing a file would do; nothing has been written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPreview {
    pub rows: Vec<ImportRow>,
    pub problems: Vec<ImportProblem>,
}

impl ImportPreview {
    /// How many rows would do `action`.
    pub fn count(&self, action: ImportAction) -> usize {
        self.rows.iter().filter(|r| r.action == action).count()
    }
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportDone {
    /// Each person invited, with their link when it was not mailed.
    pub invited: Vec<InvitationSent>,
    pub updated: usize,
    pub unchanged: usize,
}

/// The file being imported, as the page keeps it between steps, and its preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportDraft {
    pub csv: String,
    pub preview: ImportPreview,
}
