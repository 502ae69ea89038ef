//! Structured logs: readable in a terminal, JSON for machines (`V2MOM_LOG_FORMAT=json`).

use super::config::{LogFormat, Settings};
use tracing_subscriber::EnvFilter;

/// tower-sessions logs every error of its store as an error of its own (`instrument(err)`),
/// then hands it to the code that asked, which logs it once with the request id: at warn
/// when the database is away. Its copy only doubles the line.
const QUIET: &str = "tower_sessions_core::session=off";

/// Installs the global subscriber, writing to stdout. A second call (tests) keeps the first.
pub fn init(settings: &Settings) {
    install(settings, std::io::stdout);
}

/// [`init`] for commands whose stdout is their answer (a new API key's token), so a script
/// can read it without the logs.
pub fn init_on_stderr(settings: &Settings) {
    install(settings, std::io::stderr);
}

fn install<W>(settings: &Settings, writer: W)
where
    W: for<'w> tracing_subscriber::fmt::MakeWriter<'w> + Send + Sync + 'static,
{
    let filter = EnvFilter::try_new(&settings.log_level)
        .unwrap_or_else(|_| EnvFilter::new("info"))
        .add_directive(QUIET.parse().expect("a valid directive"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer);
    let _ = match settings.log_format {
        // The current span carries the request id, so every line inside a request has it.
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .try_init(),
        LogFormat::Pretty => builder.try_init(),
    };
}
