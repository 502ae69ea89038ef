//! The bell: one's notifications, as the page lists them.

use super::EventKind;
use serde::{Deserialize, Serialize};

/// One entry of the bell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notification {
    pub id: i64,
    pub event: EventKind,
    /// Who did it, if anyone still named.
    pub actor: Option<String>,
    /// The V2MOM it is about: its title and page.
    pub title: String,
    pub link: String,
    pub at: String,
    pub read: bool,
}

/// A page of one's notifications, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notifications {
    pub items: Vec<Notification>,
    pub unread: i64,
}
