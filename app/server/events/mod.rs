//! Events for others: what the outbox holds (see `server::outbox`) reaches webhooks and
//! people's notifications through the [`dispatch`]er.
//!
//! - [`webhooks`]: administrators' webhooks and their delivery logs;
//! - [`inbox`]: one's notifications;
//! - [`settings`]: how one hears of them (mail per topic, the digest), and unsubscribe links;
//! - [`mail`]: notifications by mail, on their own and in the daily digest;
//! - [`reminders`]: what the server itself reminds people of;
//! - [`dispatch`]: fan-out and delivery, in every process;
//! - [`send`], [`target`]: one attempt at one delivery, and where it may go.

pub mod dispatch;
pub mod inbox;
pub mod mail;
mod recipients;
pub mod reminders;
pub mod send;
pub mod settings;
pub mod target;
pub mod webhooks;
