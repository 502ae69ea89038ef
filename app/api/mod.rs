//! Server functions, grouped by area. Each is thin: parse, authorise, call server code.

mod status;

pub use status::*;
