//! Events for others: what the outbox holds (see `server::outbox`) reaches webhooks and
//! people's notifications through the [`dispatch`]er.
//!
//! - [`webhooks`]: administrators' webhooks and their delivery logs;
//! - [`inbox`]: one's notifications;
//! - [`dispatch`]: fan-out and delivery, in every process;
//! - [`send`], [`target`]: one attempt at one delivery, and where it may go.

pub mod dispatch;
pub mod inbox;
mod recipients;
pub mod send;
pub mod target;
pub mod webhooks;
