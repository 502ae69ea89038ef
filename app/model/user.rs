//! People and their place in the organisation.

use crate::i18n::t;
use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Role {
    Admin,
    Manager,
    Employee,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Admin, Role::Manager, Role::Employee];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Manager => "manager",
            Role::Employee => "employee",
        }
    }

    pub fn label(self) -> String {
        t(match self {
            Role::Admin => "model-role-admin",
            Role::Manager => "model-role-manager",
            Role::Employee => "model-role-employee",
        })
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Role::ALL.into_iter().find(|r| r.as_str() == s).ok_or(())
    }
}

/// The signed-in person, as every page may know them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    /// Their role requires a second factor and they have none yet: every page sends them to
    /// set one up.
    pub must_set_up_second_factor: bool,
    /// How many of their notifications they have not read (the bell's count).
    pub unread_notifications: i64,
}

/// Where an account stands, as the people list shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum UserStatus {
    Active,
    /// Invited, has not chosen a password yet.
    Invited,
    Disabled,
}

impl UserStatus {
    pub fn label(self) -> String {
        t(match self {
            UserStatus::Active => "model-user-active",
            UserStatus::Invited => "model-user-invited",
            UserStatus::Disabled => "model-user-disabled",
        })
    }
}

/// One person in a list or tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UserSummary {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub job_title: String,
    pub function: String,
    pub role: Role,
    pub manager_id: Option<i64>,
    pub manager_name: Option<String>,
    pub status: UserStatus,
}

/// One page of the people list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserPage {
    pub users: Vec<UserSummary>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
}

impl UserPage {
    pub fn pages(&self) -> u32 {
        let per_page = i64::from(self.per_page.max(1));
        u32::try_from((self.total + per_page - 1) / per_page)
            .unwrap_or(u32::MAX)
            .max(1)
    }
}

/// What an administrator sees once after inviting someone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationSent {
    pub user_id: i64,
    pub email: String,
    /// The single-use link, shown once, for the administrator to pass on; absent when it
    /// was mailed, so that only the invited person ever holds it.
    pub link: Option<String>,
    pub expires_at: String,
    pub delivery: Delivery,
}

/// How an invitation link reaches the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// Mailed to them.
    Mailed,
    /// No mail is configured: the administrator passes the link on.
    ByHand,
    /// Mail is configured but the relay did not take the message.
    MailFailed,
}

/// How invitations reach people, for administrators: the relay (without credentials) when
/// mail is configured, `None` when they pass links on by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailSettings {
    pub relay: Option<String>,
}

/// A test message the relay took, and to whom it went (the administrator who asked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestMailSent {
    pub to: String,
    pub relay: String,
}

/// Someone in a manager's team, with how far below the manager they sit (1 = direct).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    pub person: UserSummary,
    pub depth: u32,
}

/// One of your signed-in sessions, as the profile lists them. `handle` names it without
/// revealing the session id (which is a bearer secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub handle: String,
    pub signed_in_at: String,
    pub client_ip: Option<String>,
    pub user_agent: String,
    pub current: bool,
}

/// How strong a password is, as the form shows it while one types; the server decides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordStrength {
    /// zxcvbn's 0 (trivial) to 4 (very hard to guess).
    pub score: u8,
    /// Why the policy would refuse it, if it would.
    pub problem: Option<String>,
}

impl PasswordStrength {
    pub fn label(&self) -> String {
        t(match (self.score, &self.problem) {
            (_, Some(_)) if self.score < 3 => "model-password-weak",
            (_, Some(_)) => "model-password-not-allowed",
            (3, None) => "model-password-good",
            _ => "model-password-strong",
        })
    }
}

/// What erasing a person did: the name they now appear under ("Former employee #12") and
/// how many of their V2MOMs were deleted (0 when they were kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ErasedPerson {
    pub user_id: i64,
    pub name: String,
    pub v2moms_deleted: u64,
}
