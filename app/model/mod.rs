//! Types shared by server and browser. Plain data: no I/O here.

mod status;
mod user;
pub mod validate;

pub use status::*;
pub use user::*;
