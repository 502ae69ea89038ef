//! One file per page (route).

mod home;
mod login;
mod not_found;
mod setup;

pub use home::HomePage;
pub use login::LoginPage;
pub use not_found::NotFoundPage;
pub use setup::SetupPage;
