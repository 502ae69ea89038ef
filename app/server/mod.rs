//! Server-only code: configuration, state, database, HTTP layers, start-up.

pub mod config;
pub mod db;
pub mod errors;
pub mod http;
pub mod startup;
pub mod state;
pub mod telemetry;
