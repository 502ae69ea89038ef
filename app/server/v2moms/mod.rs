//! V2MOM use cases: start one, read it, save it (naming the version it started from), move it
//! through its lifecycle, list them, read revisions, download them. Every use case opens the V2MOM through
//! [`Access`], which asks the policy first; pages (`crate::api`) and `/api/v1`
//! (`crate::server::rest`) both call these and hold no rule of their own.

mod access;
mod aligned;
mod amend;
mod close;
mod export;
mod read;
mod start;
mod write;

pub use access::Access;
pub use aligned::for_editor;
pub use amend::discard as discard_amendment;
pub use close::close_period;
pub use export::{Format, export, export_period};
pub use read::{
    Listed, PER_PAGE, get, list, list_after, page_of, page_with, realign, revision, revisions,
    with_progress,
};
pub use start::{report_relation, start, start_choices};
pub use write::{change_status, require_editor, save};
