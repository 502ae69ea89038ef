//! Reading the audit log: the filter as typed into a query, rows as shown, exports.

use crate::server::{
    db::{AuditListRow, AuditQuery},
    download,
};
use crate::{
    error::{AppError, FieldError},
    model::{
        AuditEntry, AuditFilter,
        validate::{Checks, MAX_QUERY},
    },
};
use chrono::{DateTime, NaiveDate, Utc};

/// Turns the filter form into a query; dates are whole UTC days, both ends included.
pub fn query_of(filter: &AuditFilter) -> Result<AuditQuery, AppError> {
    let mut checks = Checks::new();
    let actor = checks.optional_text("actor", &filter.actor, MAX_QUERY);
    let action = checks.optional_text("action", &filter.action, MAX_QUERY);
    checks.into_result()?;
    let day = |field: &str, text: &str| -> Result<Option<DateTime<Utc>>, AppError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(|d| Some(d.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc()))
            .map_err(|_| AppError::Invalid {
                fields: vec![FieldError {
                    field: field.into(),
                    message: crate::i18n::t("server-date-format"),
                }],
            })
    };
    // Open ends are four-digit years: SQLite compares these timestamps as text, where
    // chrono's extreme dates ("+262142-…") would sort before "2026-…".
    let earliest = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
    let latest = NaiveDate::from_ymd_opt(9999, 1, 1).expect("valid date");
    let midnight = |d: NaiveDate| d.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc();
    let from = day("from", &filter.from)?.unwrap_or_else(|| midnight(earliest));
    let until = day("to", &filter.to)?
        .map(|d| d + chrono::Duration::days(1))
        .unwrap_or_else(|| midnight(latest));
    Ok(AuditQuery {
        actor,
        action,
        from,
        until,
    })
}

pub fn entry_of(row: AuditListRow) -> AuditEntry {
    AuditEntry {
        id: row.id,
        at: row.at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        actor_email: row.actor_email,
        client_ip: row.client_ip,
        action: row.action,
        target: row.target,
        details: row.details,
        request_id: row.request_id,
    }
}

/// CSV with a header row, formulas made inert ([`download::csv`]).
pub fn to_csv(entries: &[AuditEntry]) -> Result<Vec<u8>, AppError> {
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            vec![
                e.id.to_string(),
                e.at.clone(),
                e.actor_email.clone().unwrap_or_default(),
                e.client_ip.clone().unwrap_or_default(),
                e.action.clone(),
                e.target.clone().unwrap_or_default(),
                e.details.clone(),
                e.request_id.clone().unwrap_or_default(),
            ]
        })
        .collect();
    download::csv(
        &[
            "id",
            "at",
            "actor",
            "client_ip",
            "action",
            "target",
            "details",
            "request_id",
        ],
        &rows,
    )
}
