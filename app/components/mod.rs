//! Reusable view pieces.

mod api_keys;
mod auth;
mod error_page;
mod form;
mod hydration;
mod language_choice;
mod live;
mod pager;
mod passkey;
mod people;
mod period_picker;
mod progress;
mod server_status;
mod sso;
mod team_progress;
pub mod trend_chart;
mod vision_preview;

pub use api_keys::{ApiKeyTable, NewApiKeyToken};
pub use auth::{Auth, MainNav, SecondFactorGate, UserMenu, action_error, provide_auth, use_auth};
pub use error_page::ErrorPage;
pub use form::{
    Checkbox, ErrorSummary, Field, FieldGroup, FormActions, FormError, NewPasswordField,
    ProofField, SecretShownOnce, element_text, focus_element,
};
pub use hydration::{mark_page_hydrated, provide_page_hydrated, use_hydrated};
pub use language_choice::LanguageChoice;
pub use live::{LiveRefresh, live_events};
pub use pager::Pager;
pub use passkey::{PasskeyCall, PasskeySignIn, passkey_ceremony};
pub use people::{
    InvitationLink, ManagerChoices, ManagerSelect, RoleSelect, manager_choices_resource,
};
pub use period_picker::PeriodPicker;
pub use progress::ProgressBar;
pub use server_status::ServerStatusCheck;
pub use sso::{SsoButtons, SsoNotice};
pub use team_progress::TeamProgressTable;
pub use trend_chart::TrendChart;
pub use vision_preview::VisionPreview;
