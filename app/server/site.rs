//! The address people reach the site by, where no public URL fixes it: the request's own.

use crate::error::AppError;

/// The request's `Host` (`name` or `name:port`) when it is one a browser could have sent;
/// anything else (missing, empty, a path, credentials, spaces) is a bad request.
pub fn plain_host(host: Option<&str>) -> Result<&str, AppError> {
    host.filter(|h| !h.is_empty() && !h.contains(['/', '\\', '@', ' ']))
        .ok_or(AppError::BadRequest)
}
