//! Tracking a period as it runs: a manager's team (`team`) and the whole organisation for
//! administrators (`organisation`), worked out from each V2MOM's latest check-ins
//! (`summary`) the same way a V2MOM's own page does.

mod organisation;
pub mod summary;
mod team;

pub use organisation::overview as organisation_overview;
pub use team::progress as team_progress;
