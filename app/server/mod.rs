//! Server-only code: configuration, state, database, HTTP layers, start-up.

pub mod actor;
pub mod api_keys;
pub mod audit;
pub mod audit_view;
pub mod auth;
pub mod client_ip;
pub mod config;
pub mod db;
pub mod errors;
pub mod http;
pub mod keyring;
pub mod mail;
pub mod org;
pub mod password;
pub mod policy;
pub mod shown_once;
pub mod sso;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod throttle;
pub mod tokens;
pub mod unsaved;
pub mod v2mom_access;
