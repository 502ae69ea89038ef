//! Server functions, grouped by area. Each is thin: resolve the actor, call one use case of
//! the domain layer (`crate::server::<area>`), shape the page's answer.

mod api_keys;
mod audit;
mod auth;
mod checkins;
mod events;
mod invitations;
mod language;
mod mail;
mod passkeys;
mod people_import;
mod periods;
mod profile;
mod register;
mod second_factor;
mod setup;
mod sso;
mod status;
mod tracking;
mod users;
mod v2moms;

pub use api_keys::*;
pub use audit::*;
pub use auth::*;
pub use checkins::*;
pub use events::*;
pub use invitations::*;
pub use language::*;
pub use mail::*;
pub use passkeys::*;
pub use people_import::*;
pub use periods::*;
pub use profile::*;
pub use register::*;
pub use second_factor::*;
pub use setup::*;
pub use sso::*;
pub use status::*;
pub use tracking::*;
pub use users::*;
pub use v2moms::*;
