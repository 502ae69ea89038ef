//! Files people download (a V2MOM, a period, the audit log): their media type, a file name
//! and bytes, and CSV that a spreadsheet cannot mistake for a formula.

use crate::{error::AppError, server::errors::internal};
use axum::response::{IntoResponse, Response};
use http::header;

/// A file to answer with, always as an attachment and never cached (it may be personal).
pub struct Download {
    pub content_type: &'static str,
    /// ASCII only: see [`file_name`].
    pub file_name: String,
    pub body: Vec<u8>,
}

impl IntoResponse for Download {
    fn into_response(self) -> Response {
        let disposition = format!("attachment; filename=\"{}\"", self.file_name);
        (
            [
                (header::CONTENT_TYPE, self.content_type.to_owned()),
                (header::CONTENT_DISPOSITION, disposition),
                (header::CACHE_CONTROL, "no-store".to_owned()),
            ],
            self.body,
        )
            .into_response()
    }
}

/// A file name from free text: lower-case ASCII letters and digits, runs of anything else
/// as one `-`, so it is safe in a header and on every file system.
pub fn file_name(parts: &[&str], extension: &str) -> String {
    let mut name = String::new();
    for c in parts.join("-").chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c.to_ascii_lowercase());
        } else if !name.is_empty() && !name.ends_with('-') {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-');
    let name = if name.is_empty() { "v2mom" } else { name };
    format!("{name}.{extension}")
}

pub const CSV: &str = "text/csv; charset=utf-8";
pub const JSON: &str = "application/json";

/// CSV with a header row. A cell a spreadsheet would run as a formula (starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) gets a leading apostrophe, unless it is just a
/// number, such as `-5`, which stays a number.
pub fn csv(header: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>, AppError> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(header).map_err(internal)?;
    for row in rows {
        let cells: Vec<_> = row.iter().map(|cell| inert(cell)).collect();
        out.write_record(cells.iter().map(|cell| cell.as_bytes()))
            .map_err(internal)?;
    }
    out.into_inner().map_err(internal)
}

fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let number = cell.parse::<f64>().is_ok_and(f64::is_finite);
    if risky && !number {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_inert_and_numbers_stay_numbers() {
        assert_eq!(inert("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(inert("+1+2"), "'+1+2");
        assert_eq!(inert("-2+3"), "'-2+3");
        assert_eq!(inert("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(inert("\tx"), "'\tx");
        assert_eq!(inert("-5"), "-5");
        assert_eq!(inert("+2.5"), "+2.5");
        assert_eq!(inert("plain"), "plain");
        assert_eq!(inert("a=b"), "a=b");
        // Not a finite number: a word that parses as one (inf, NaN) is still guarded.
        assert_eq!(inert("-inf"), "'-inf");
    }

    #[test]
    fn file_names_are_plain_ascii() {
        assert_eq!(file_name(&["Zoë Ng", "FY 2027"], "md"), "zo-ng-fy-2027.md");
        assert_eq!(file_name(&["\"; rm -rf"], "csv"), "rm-rf.csv");
        assert_eq!(file_name(&["中文"], "json"), "v2mom.json");
    }

    #[test]
    fn csv_quotes_and_guards() {
        let body = csv(&["a", "b"], &[vec!["=1+1".into(), "x,y".into()]]).unwrap();
        assert_eq!(String::from_utf8(body).unwrap(), "a,b\n'=1+1,\"x,y\"\n");
    }
}
