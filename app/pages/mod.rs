//! One file per page (route).

mod alignment;
mod audit;
mod home;
mod invitation;
mod login;
mod not_found;
mod people;
mod periods;
mod person;
mod profile;
mod register;
mod setup;
mod team;
mod v2mom_edit;
mod v2mom_history;
mod v2mom_list;
mod v2mom_view;

pub use alignment::AlignmentPage;
pub use audit::AuditPage;
pub use home::HomePage;
pub use invitation::InvitationPage;
pub use login::LoginPage;
pub use not_found::NotFoundPage;
pub use people::PeoplePage;
pub use periods::PeriodsPage;
pub use person::PersonPage;
pub use profile::ProfilePage;
pub use register::RegisterPage;
pub use setup::SetupPage;
pub use team::TeamPage;
pub use v2mom_edit::V2momEditPage;
pub use v2mom_history::V2momHistoryPage;
pub use v2mom_list::V2momListPage;
pub use v2mom_view::V2momPage;
