//! Types shared by server and browser. Plain data: no I/O here.

mod status;
mod user;
pub mod validate;

pub use status::*;
pub use user::*;

/// Percent-encodes everything but unreserved characters, for a value inside a URL.
pub fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
