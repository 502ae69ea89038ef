//! Reminders the server sends on its own, in the bell and, as each person chooses, by mail:
//! to the owner of a published V2MOM whose measures have had no check-in for
//! `reminder_check_in_days`, and to whoever has not written their V2MOM for the current
//! period once it has started, every `reminder_write_days`; never in the quiet hours. Each
//! reminder is an audited event like any other, so it reaches notifications, mail and
//! webhooks the same way. Once an hour per deployment (`scheduled_runs`).

use crate::{
    error::AppError,
    server::{
        audit::{Event, Origin},
        db::{DbError, Tx},
        errors::internal,
        state::AppState,
        transaction,
    },
};
use chrono::{DateTime, Duration, Timelike, Utc};
use serde_json::json;

/// The scheduled job, and how often it looks.
const JOB: &str = "check_in_reminders";
const EVERY_MINUTES: i64 = 60;

/// Sends the reminders due at `now` if it is this process's turn and not a quiet hour (the
/// clock is the caller's, so tests can move it). Returns how many it sent.
pub async fn run(state: &AppState, now: DateTime<Utc>) -> Result<usize, AppError> {
    let settings = &state.config.settings;
    let (check_in_days, write_days) = (
        settings.reminder_check_in_days,
        settings.reminder_write_days,
    );
    let (from, until) = (
        settings.reminder_quiet_from_hour,
        settings.reminder_quiet_until_hour,
    );
    if (check_in_days == 0 && write_days == 0) || quiet(now.hour(), from, until) {
        return Ok(0);
    }
    let next = now + Duration::minutes(EVERY_MINUTES);
    let ours = state
        .db
        .claim_scheduled_run(JOB, now, next)
        .await
        .map_err(internal)?;
    if !ours {
        return Ok(0);
    }
    let mut sent = 0;
    if check_in_days > 0 {
        let since = now - Duration::days(i64::from(check_in_days));
        let due = state
            .db
            .check_in_reminders_due(since)
            .await
            .map_err(internal)?;
        for &v2mom in &due {
            let event = Event::new("reminder.check_in")
                .on(format!("v2mom:{v2mom}"))
                .with(json!({ "days": check_in_days }));
            remind(state, event, async |tx| {
                tx.note_check_in_reminder(v2mom, now).await
            })
            .await?;
        }
        sent += due.len();
    }
    if write_days > 0 {
        let since = now - Duration::days(i64::from(write_days));
        let due = state
            .db
            .write_reminders_due(now.date_naive(), since)
            .await
            .map_err(internal)?;
        for &(user, period) in &due {
            let event = Event::new("reminder.write")
                .on(format!("period:{period}"))
                .with(json!({ "user": user }));
            remind(state, event, async |tx| {
                tx.note_write_reminder(user, now).await
            })
            .await?;
        }
        sent += due.len();
    }
    Ok(sent)
}

/// Audits `event` (which the outbox then takes to its person) and notes when, in one
/// transaction.
async fn remind(
    state: &AppState,
    event: Event,
    note: impl AsyncFnOnce(&mut Tx) -> Result<(), DbError> + Clone,
) -> Result<(), AppError> {
    transaction::run(&state.db, async |tx| {
        note.clone()(tx).await?;
        tx.audit(&Origin::default(), event.clone()).await?;
        Ok(())
    })
    .await
}

/// Whether `hour` falls from `from` until (not including) `until`, across midnight too.
fn quiet(hour: u32, from: u32, until: u32) -> bool {
    match from.cmp(&until) {
        std::cmp::Ordering::Equal => false,
        std::cmp::Ordering::Less => (from..until).contains(&hour),
        std::cmp::Ordering::Greater => hour >= from || hour < until,
    }
}

#[cfg(test)]
mod tests {
    use super::quiet;

    #[test]
    fn quiet_hours_may_span_midnight() {
        assert!(quiet(22, 20, 7) && quiet(3, 20, 7) && quiet(20, 20, 7));
        assert!(!quiet(7, 20, 7) && !quiet(12, 20, 7));
        assert!(quiet(13, 12, 14) && !quiet(14, 12, 14));
        assert!(!quiet(5, 9, 9), "equal hours: never quiet");
    }
}
