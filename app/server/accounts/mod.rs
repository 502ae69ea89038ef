//! One's own account, from before it exists to signing in with it: first-run setup,
//! registration, password sign-in, one's password and sessions, one's data. What concerns the browser
//! session itself (its id, its cookie) stays with `auth` and the server functions.

mod language;
mod password;
mod personal_data;
mod register;
mod sessions;
mod setup;
mod sign_in;

pub use language::{language, set_language};
pub use password::{RECENT_SIGN_IN_SECS, change_password, confirm_it_is_you, password_strength};
pub use personal_data::{PersonalData, export_personal_data, personal_data_download};
pub use register::{NewAccount, register, registration_open};
pub use sessions::{
    ThisSession, audit_on_self, end_all_sessions, end_session, session_handle, sessions,
};
pub use setup::{FirstAdmin, set_up, setup_needed};
pub use sign_in::{
    enabled_providers, passwords_accepted, require_password_sign_in, sign_in_choices,
    sign_in_with_password, who_am_i,
};
