//! The oracle: an answer fails when it is a 5xx or names an internal detail.

use reqwest::StatusCode;

/// Words that only an internal error would put in an answer: SQL and its errors, source
/// paths, panics.
const INTERNAL_DETAILS: &[&str] = &[
    "sqlx",
    "sqlstate",
    "syntax error",
    "database error",
    "error returned from database",
    "constraint",
    "violates",
    "panicked",
    "backtrace",
    ".rs:",
    "src/",
    "/root/",
    "/home/",
    "/usr/",
    "/tmp/",
    "cargo/registry",
];

/// The answers seen, by status, and what went wrong, one line per request with what it
/// takes to send it again.
#[derive(Default)]
pub struct Failures {
    failed: Vec<String>,
    statuses: std::collections::BTreeMap<u16, usize>,
}

impl Failures {
    /// Judges one answer: `sent` is the request as text (the oracle ignores words it
    /// contained, since an answer may echo them).
    pub fn judge(&mut self, request: &str, sent: &str, status: StatusCode, answer: &[u8]) {
        *self.statuses.entry(status.as_u16()).or_default() += 1;
        let answer = String::from_utf8_lossy(answer);
        let lower = answer.to_lowercase();
        let sent = sent.to_lowercase();
        let leaked: Vec<&str> = INTERNAL_DETAILS
            .iter()
            .copied()
            .filter(|word| lower.contains(word) && !sent.contains(word))
            .collect();
        if status.is_server_error() || !leaked.is_empty() {
            self.failed.push(format!(
                "{status} {request}\n    leaked: {leaked:?}\n    answer: {}",
                cut(&answer, 300)
            ));
        }
    }

    pub fn assert_none(self, what: &str, seed: u64, cases: usize) {
        eprintln!("fuzz: {what} answered, by status: {:?}", self.statuses);
        if self.failed.is_empty() {
            return;
        }
        let shown: Vec<&String> = self.failed.iter().take(40).collect();
        panic!(
            "{} of the {what} answered 5xx or named an internal detail; the same requests \
             again: FUZZ_SEED={seed} FUZZ_CASES={cases} (FUZZ_VERBOSE=1 shows every one):\n{}",
            self.failed.len(),
            shown
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

/// At most `max` characters of `text`, with a note of how much was left out.
pub fn cut(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return format!("{text:?}");
    }
    let head: String = text.chars().take(max).collect();
    format!("{head:?}… ({count} chars)")
}
