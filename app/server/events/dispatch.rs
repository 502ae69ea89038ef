//! The dispatcher every server process runs: each second it fans new events out of the
//! outbox (into webhook deliveries and notifications, once per event however many
//! processes share the database) and sends the deliveries that are due, at least once each,
//! retrying with doubling, jittered waits until `webhook_max_attempts`, then marking them
//! failed for an administrator to retry; then the notification mails that are due, and once
//! a day (one process per deployment) the digests (`super::mail`).

use super::{
    mail, recipients, reminders,
    send::{self, Outcome},
};
use crate::{
    error::AppError,
    model::DeliveryState,
    server::{
        db::{Attempt, DueDelivery, now},
        errors::internal,
        metrics::WEBHOOK_DELIVERIES_TOTAL,
        state::AppState,
        transaction,
    },
};
use chrono::{DateTime, Utc};
use std::{
    hash::{BuildHasher, RandomState},
    time::Duration,
};

/// How often each process looks for work.
pub const POLL: Duration = Duration::from_secs(1);
/// How often a process asks whether the daily digest or the reminders are its to send.
const SCHEDULED_CHECK: Duration = Duration::from_secs(60);
/// Events fanned out per transaction.
const EVENTS_PER_BATCH: i64 = 100;
/// Deliveries sent at once by one process.
const DELIVERIES_PER_BATCH: i64 = 20;
/// How long a claimed delivery is this process's: longer than an attempt can take.
const LEASE_SECS: i64 = 60;
/// The first wait after a failed attempt, and the longest.
const FIRST_WAIT_SECS: i64 = 30;
const LONGEST_WAIT_SECS: i64 = 6 * 3600;

/// Runs until the process ends.
pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(POLL);
        // The scheduled jobs' turn is asked of the database once a minute, not each second.
        let mut scheduled_checked: Option<tokio::time::Instant> = None;
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(err) = fan_out(&state).await {
                tracing::warn!(error = %err, "fanning out events failed; will retry");
                continue;
            }
            if let Err(err) = deliver_due(&state, now()).await {
                tracing::warn!(error = %err, "webhook deliveries failed; will retry");
            }
            if let Err(err) = mail::send_due(&state, now()).await {
                tracing::warn!(error = %err, "notification mails failed; will retry");
            }
            if scheduled_checked.is_none_or(|at| at.elapsed() >= SCHEDULED_CHECK) {
                scheduled_checked = Some(tokio::time::Instant::now());
                if let Err(err) = digest_if_due(&state, now()).await {
                    tracing::warn!(error = %err, "the notification digest failed; will retry");
                }
                if let Err(err) = reminders::run(&state, now()).await {
                    tracing::warn!(error = %err, "reminders failed; will retry");
                }
            }
        }
    })
}

/// Sends the day's digests if this process is the one to (once a day per deployment).
async fn digest_if_due(state: &AppState, now: DateTime<Utc>) -> Result<(), AppError> {
    let next = now + chrono::Duration::hours(mail::DIGEST_EVERY_HOURS);
    let ours = state
        .db
        .claim_scheduled_run(mail::DIGEST_JOB, now, next)
        .await
        .map_err(internal)?;
    if ours {
        let sent = mail::send_digests(state, now).await?;
        tracing::info!(digests = sent, "sent the notification digests");
    }
    Ok(())
}

/// Fans out every event waiting in the outbox: a delivery for each webhook that wants its
/// kind and a notification for each person it concerns, in the transaction that marks the
/// event done. Returns how many events it took.
pub async fn fan_out(state: &AppState) -> Result<usize, AppError> {
    let mut total = 0;
    loop {
        let at = now();
        let taken = transaction::run(&state.db, async |tx| {
            let events = tx.claim_events(EVENTS_PER_BATCH, at).await?;
            for event in &events {
                for webhook in tx.webhooks_for(&event.kind).await? {
                    tx.add_delivery(webhook, event.id, at).await?;
                }
                for (user, topic) in recipients::of(state, event).await? {
                    let mail = mail::state_for(state, user, topic).await?;
                    tx.add_notification(user, event.id, topic, mail, at).await?;
                }
            }
            Ok(events.len())
        })
        .await?;
        total += taken;
        if taken < EVENTS_PER_BATCH as usize {
            return Ok(total);
        }
    }
}

/// Sends the deliveries due by `now` (the clock is the caller's, so tests can move it), and
/// records each outcome. Returns how many it attempted.
pub async fn deliver_due(state: &AppState, now: DateTime<Utc>) -> Result<usize, AppError> {
    let lease = now + chrono::Duration::seconds(LEASE_SECS);
    let due = state
        .db
        .claim_deliveries(now, lease, DELIVERIES_PER_BATCH)
        .await
        .map_err(internal)?;
    let sent = due.iter().map(async |delivery| {
        let outcome = send::attempt(state, delivery).await;
        (delivery, outcome)
    });
    let max = i64::from(state.config.settings.webhook_max_attempts);
    for (delivery, outcome) in futures_util::future::join_all(sent).await {
        let attempt = next_step(delivery, outcome, max, now);
        let label = match attempt.state {
            DeliveryState::Delivered => "delivered",
            DeliveryState::Pending => "retrying",
            DeliveryState::Failed => "failed",
        };
        metrics::counter!(WEBHOOK_DELIVERIES_TOTAL, "outcome" => label).increment(1);
        if attempt.state == DeliveryState::Failed {
            tracing::warn!(
                delivery = delivery.id,
                attempts = delivery.attempts,
                error = attempt.error.as_deref().unwrap_or_default(),
                "webhook delivery failed for good"
            );
        }
        state
            .db
            .record_attempt(delivery.id, delivery.attempts, &attempt, now)
            .await
            .map_err(internal)?;
    }
    Ok(due.len())
}

/// Where a delivery goes after an attempt: done; due again after a wait; or failed once its
/// attempts are spent.
fn next_step(
    delivery: &DueDelivery,
    outcome: Outcome,
    max_attempts: i64,
    now: DateTime<Utc>,
) -> Attempt {
    let (status, error) = match outcome {
        Outcome::Delivered(status) => {
            return Attempt {
                state: DeliveryState::Delivered,
                status: Some(i64::from(status)),
                error: None,
                next_at: now,
            };
        }
        Outcome::Rejected(status) => (Some(i64::from(status)), format!("HTTP {status}")),
        Outcome::Failed(why) => (None, why),
    };
    let spent = delivery.attempts >= max_attempts;
    Attempt {
        state: if spent {
            DeliveryState::Failed
        } else {
            DeliveryState::Pending
        },
        status,
        error: Some(error),
        next_at: if spent {
            now
        } else {
            now + wait_after(delivery.attempts)
        },
    }
}

/// 30 s after the first failed attempt, doubling each time up to 6 hours; each from 80 % to
/// 120 % of that at random, so receivers that came back are not hit all at once.
pub(super) fn wait_after(attempts: i64) -> chrono::Duration {
    let doublings = u32::try_from(attempts.clamp(1, 20) - 1).unwrap_or(0);
    let base = FIRST_WAIT_SECS
        .saturating_mul(1 << doublings)
        .min(LONGEST_WAIT_SECS)
        * 1000;
    let spread = base * 2 / 5;
    let jitter = (RandomState::new().hash_one(attempts) % (spread as u64 + 1)) as i64;
    chrono::Duration::milliseconds(base - spread / 2 + jitter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_with_jitter_up_to_six_hours() {
        for _ in 0..50 {
            let first = wait_after(1).num_milliseconds();
            assert!((24_000..=36_000).contains(&first), "{first}");
            let third = wait_after(3).num_milliseconds();
            assert!((96_000..=144_000).contains(&third), "{third}");
            let late = wait_after(15).num_milliseconds();
            assert!((17_280_000..=25_920_000).contains(&late), "{late}");
        }
    }
}
