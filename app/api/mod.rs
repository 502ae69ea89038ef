//! Server functions, grouped by area. Each is thin: parse, authorise, call server code.

mod auth;
mod setup;
mod status;

pub use auth::*;
pub use setup::*;
pub use status::*;
