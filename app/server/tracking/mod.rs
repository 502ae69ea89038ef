//! Tracking a period as it runs: a manager's team (`team`), worked out from each V2MOM's
//! latest check-ins (`summary`) the same way a V2MOM's own page does.

mod summary;
mod team;

pub use team::progress as team_progress;
