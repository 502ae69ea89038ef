//! Server-only code: configuration, state, database, HTTP layers, start-up.

pub mod accounts;
pub mod actor;
pub mod audit;
pub mod auth;
pub mod client_ip;
pub mod config;
pub mod db;
pub mod errors;
pub mod http;
pub mod invitations;
pub mod keyring;
pub mod mail;
pub mod org;
pub mod password;
pub mod periods;
pub mod policy;
pub mod sso;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod throttle;
pub mod tokens;
pub mod unsaved;
pub mod users;
pub mod v2mom_access;
