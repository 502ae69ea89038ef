//! Server functions, grouped by area. Each is thin: parse, authorise, call server code.

mod audit;
mod auth;
mod invitations;
mod profile;
mod setup;
mod status;
mod users;

pub use audit::*;
pub use auth::*;
pub use invitations::*;
pub use profile::*;
pub use setup::*;
pub use status::*;
pub use users::*;
