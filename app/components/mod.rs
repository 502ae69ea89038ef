//! Reusable view pieces.

mod error_page;
mod server_status;
mod vision_preview;

pub use error_page::ErrorPage;
pub use server_status::ServerStatusCheck;
pub use vision_preview::VisionPreview;
