//! One file per page (route).

mod audit;
mod home;
mod invitation;
mod login;
mod not_found;
mod people;
mod person;
mod profile;
mod setup;
mod team;

pub use audit::AuditPage;
pub use home::HomePage;
pub use invitation::InvitationPage;
pub use login::LoginPage;
pub use not_found::NotFoundPage;
pub use people::PeoplePage;
pub use person::PersonPage;
pub use profile::ProfilePage;
pub use setup::SetupPage;
pub use team::TeamPage;
