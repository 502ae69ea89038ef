//! Live updates: a committed event reaches the pages and API clients listening for it
//! within a second, in every process of a deployment.
//!
//! - [`hub`]: this process's broadcast of events, fed while anyone listens;
//! - [`feed`]: reads the outbox as events commit (woken by PostgreSQL `NOTIFY`, by a commit
//!   in this process, or by a poll);
//! - [`stream`]: one listener's stream, authorised once and each event checked again by the
//!   policy, resumed after `Last-Event-ID`, ended when the process stops;
//! - [`sse`]: the stream as Server-Sent Events, for `/events` and `/api/v1/events`.

mod feed;
mod hub;
mod sse;
mod stream;

pub use hub::Hub;
pub use sse::{last_event_id, respond};
pub use stream::{Listen, listen};
