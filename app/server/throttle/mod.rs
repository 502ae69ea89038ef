//! Throttling of every door a password can be guessed at: sign-in, first-run setup,
//! accepting an invitation, changing a password, the second step of signing in.
//!
//! Failures are rows in `auth_failures`, so every server process sees the same counts. Each
//! failure counts twice: for the client address (IPv4 per address, IPv6 per /64) and, when
//! there is one, for the account (the email key, whether or not the account exists, so the
//! answers never tell which emails are real).
//!
//! - **Account**: the first [`FREE_FAILURES`] failures in [`ACCOUNT_WINDOW`] cost nothing;
//!   after that each attempt must wait 3 s, 5 s, 10 s, 20 s … up to 5 min after the last
//!   failure ([`delay_after`]). [`ACCOUNT_CAP`] failures lock the account until the oldest of
//!   them leaves the window, or an administrator unlocks it ([`unlock_account`]). A successful
//!   sign-in forgets the account's failures.
//! - **Client address**: at most `throttle_ip_attempts` failures per
//!   `throttle_ip_window_mins`, across all kinds.
//!
//! Nothing is permanent: every count expires with its window. A refused attempt is not a
//! failure (it would keep a locked door locked for ever) and is refused before any password
//! is hashed: [`check`] first, then the costly work, then [`record_failure`] if it failed.

use super::{
    audit::{Event, Origin},
    db::{DbError, Tx, email_key, now},
    errors::internal,
    metrics::THROTTLE_REFUSALS_TOTAL,
    state::AppState,
    tokens::hash_token,
    transaction,
};
use crate::error::AppError;
use chrono::{DateTime, TimeDelta, Utc};
use serde_json::json;
use std::{net::IpAddr, time::Duration};

/// What was attempted; stored with each failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    SignIn,
    Setup,
    InviteAccept,
    PasswordChange,
    Register,
    /// A code (authenticator app or recovery) at the second step of signing in.
    SecondFactor,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::SignIn => "sign_in",
            Kind::Setup => "setup",
            Kind::InviteAccept => "invite_accept",
            Kind::PasswordChange => "password_change",
            Kind::Register => "register",
            Kind::SecondFactor => "second_factor",
        }
    }
}

/// Failures an account may have in [`ACCOUNT_WINDOW`] before attempts must wait.
pub const FREE_FAILURES: usize = 3;
/// Failures in [`ACCOUNT_WINDOW`] that lock an account until the oldest of them leaves it.
pub const ACCOUNT_CAP: usize = 100;
pub const ACCOUNT_WINDOW: Duration = Duration::from_secs(24 * 3600);
/// The wait, in seconds, after the 3rd, 4th, 5th … failure; the last one repeats.
const DELAYS: [u64; 8] = [3, 5, 10, 20, 40, 80, 160, 300];
/// At most one `auth.throttled` row per scope this often, so hammering a closed door cannot
/// fill the (append-only) audit log.
const AUDIT_REFUSALS_EVERY: Duration = Duration::from_secs(60);

/// How long after its last failure an account with `failures` failures in the window must
/// wait before the next attempt.
pub fn delay_after(failures: usize) -> Duration {
    match failures.checked_sub(FREE_FAILURES) {
        None => Duration::ZERO,
        Some(n) => Duration::from_secs(DELAYS[n.min(DELAYS.len() - 1)]),
    }
}

/// Why and how long an attempt must wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wait {
    /// Whole seconds, rounded up: what `Retry-After` says.
    pub secs: u64,
    /// The account reached [`ACCOUNT_CAP`].
    pub locked: bool,
}

/// The account rule, from its failures in [`ACCOUNT_WINDOW`], newest first (the newest
/// [`ACCOUNT_CAP`] are enough).
pub fn account_wait(recent: &[DateTime<Utc>], now: DateTime<Utc>) -> Option<Wait> {
    if let Some(secs) =
        cap_lifts_at(recent, ACCOUNT_CAP, ACCOUNT_WINDOW).and_then(|t| secs_until(t, now))
    {
        return Some(Wait { secs, locked: true });
    }
    let newest = *recent.first()?;
    secs_until(newest + delta(delay_after(recent.len())), now).map(|secs| Wait {
        secs,
        locked: false,
    })
}

/// The client address rule: at most `limit` failures in `window` (newest first; the newest
/// `limit` are enough).
pub fn address_wait(
    recent: &[DateTime<Utc>],
    now: DateTime<Utc>,
    limit: usize,
    window: Duration,
) -> Option<Wait> {
    let secs = secs_until(cap_lifts_at(recent, limit, window)?, now)?;
    Some(Wait {
        secs,
        locked: false,
    })
}

/// With `cap` failures or more (newest first), when the `cap`-th newest leaves `window`: from
/// then on there are fewer than `cap`.
fn cap_lifts_at(recent: &[DateTime<Utc>], cap: usize, window: Duration) -> Option<DateTime<Utc>> {
    let nth = recent.get(cap.checked_sub(1)?)?;
    Some(*nth + delta(window))
}

/// Whole seconds from `now` until `until`, rounded up; `None` once it has come.
fn secs_until(until: DateTime<Utc>, now: DateTime<Utc>) -> Option<u64> {
    let left = (until - now).to_std().ok().filter(|left| !left.is_zero())?;
    Some(left.as_secs() + u64::from(left.subsec_nanos() > 0))
}

fn delta(duration: Duration) -> TimeDelta {
    TimeDelta::from_std(duration).unwrap_or(TimeDelta::MAX)
}

/// The counter of one account, existing or not.
pub fn account_scope(email: &str) -> String {
    let key: String = email_key(email).chars().take(254).collect();
    format!("account:{key}")
}

/// How the audit log names a counter: an account by a digest of its address, since the log
/// is append-only and outlives erasure (it holds no one's email); an address as it is.
pub fn audit_target(scope: &str) -> String {
    match scope.strip_prefix("account:") {
        Some(key) => format!("account:{}", &hash_token(key)[..16]),
        None => scope.to_owned(),
    }
}

/// The counter of one client address. IPv6 counts per /64, which one subscriber usually
/// holds whole: counting single addresses would let them pick a fresh one per attempt.
pub fn address_scope(ip: IpAddr) -> String {
    match ip.to_canonical() {
        IpAddr::V4(v4) => format!("ip:{v4}"),
        IpAddr::V6(v6) => {
            let net = ipnet::Ipv6Net::new(v6, 64)
                .map_or_else(|_| v6.to_string(), |n| n.trunc().to_string());
            format!("ip:{net}")
        }
    }
}

fn address_scope_of(origin: &Origin) -> Option<String> {
    let ip: IpAddr = origin.client_ip.as_deref()?.parse().ok()?;
    Some(address_scope(ip))
}

/// Refuses an attempt of `kind` with 429 (`TooManyRequests`, which sets `Retry-After`) when
/// the client address or `account` must wait, and records the refusal in the audit log
/// (`auth.throttled`, at most once a minute per scope). Call it first, before any password
/// is hashed or checked.
pub async fn check(
    state: &AppState,
    origin: &Origin,
    kind: Kind,
    account: Option<&str>,
) -> Result<(), AppError> {
    check_scopes(state, origin, kind, address_scope_of(origin), account).await
}

/// [`check`] for `account` alone, once the address was checked earlier in the same attempt
/// (a passkey names its account only once it is read).
pub async fn check_account(
    state: &AppState,
    origin: &Origin,
    kind: Kind,
    account: &str,
) -> Result<(), AppError> {
    check_scopes(state, origin, kind, None, Some(account)).await
}

async fn check_scopes(
    state: &AppState,
    origin: &Origin,
    kind: Kind,
    address: Option<String>,
    account: Option<&str>,
) -> Result<(), AppError> {
    let at = now();
    let mut worst: Option<(String, &'static str, Wait)> = None;
    if let Some(scope) = address {
        let limit = state.config.settings.throttle_ip_attempts as usize;
        let window = state.config.throttle_ip_window();
        let recent = state
            .db
            .recent_auth_failures(&scope, at - delta(window), limit)
            .await
            .map_err(internal)?;
        worst = address_wait(&recent, at, limit, window).map(|wait| (scope, "ip", wait));
    }
    if let Some(account) = account {
        let scope = account_scope(account);
        let recent = state
            .db
            .recent_auth_failures(&scope, at - delta(ACCOUNT_WINDOW), ACCOUNT_CAP)
            .await
            .map_err(internal)?;
        if let Some(wait) = account_wait(&recent, at)
            && worst.as_ref().is_none_or(|(_, _, w)| wait.secs > w.secs)
        {
            worst = Some((scope, "account", wait));
        }
    }
    let Some((scope, scope_kind, wait)) = worst else {
        return Ok(());
    };
    let since = at - delta(AUDIT_REFUSALS_EVERY);
    if !state
        .db
        .audited_since("auth.throttled", &audit_target(&scope), since)
        .await
        .map_err(internal)?
    {
        let event = Event::new("auth.throttled")
            .on(audit_target(&scope))
            .with(json!({
                "scope": scope_kind,
                "kind": kind.as_str(),
                "retry_after_secs": wait.secs,
                "locked": wait.locked,
            }));
        transaction::run(&state.db, async |tx| {
            Ok(tx.audit(origin, event.clone()).await?)
        })
        .await?;
    }
    metrics::counter!(THROTTLE_REFUSALS_TOTAL, "kind" => kind.as_str(), "scope" => scope_kind)
        .increment(1);
    Err(AppError::TooManyRequests {
        retry_after_secs: wait.secs,
    })
}

/// Records a failed attempt of `kind` for the client address and for `account` (when the
/// attempt names one), in the caller's transaction, next to its own audit event. The
/// failure that brings the account to [`ACCOUNT_CAP`] also records `auth.locked`. Failures
/// older than [`ACCOUNT_WINDOW`] are deleted on the way.
pub async fn record_failure(
    tx: &mut Tx,
    origin: &Origin,
    kind: Kind,
    account: Option<&str>,
) -> Result<(), DbError> {
    let at = now();
    let window_start = at - delta(ACCOUNT_WINDOW);
    tx.forget_auth_failures_before(window_start).await?;
    if let Some(scope) = address_scope_of(origin) {
        tx.record_auth_failure(&scope, kind.as_str(), at).await?;
    }
    let Some(account) = account else {
        return Ok(());
    };
    let scope = account_scope(account);
    tx.record_auth_failure(&scope, kind.as_str(), at).await?;
    // Writes to `auth_failures` are serialised (see `Tx::record_auth_failure`), so exactly one
    // failure sees the count reach the cap.
    let failures = tx.count_auth_failures(&scope, window_start).await?;
    if failures == ACCOUNT_CAP as i64 {
        let event = Event::new("auth.locked")
            .on(audit_target(&scope))
            .with(json!({
                "kind": kind.as_str(),
                "failures": failures,
                "window_hours": ACCOUNT_WINDOW.as_secs() / 3600,
            }));
        tx.audit(origin, event).await?;
    }
    Ok(())
}

/// [`record_failure`] when there is nothing else to write: in a transaction of its own.
pub async fn record_failure_alone(
    state: &AppState,
    origin: &Origin,
    kind: Kind,
    account: Option<&str>,
) -> Result<(), AppError> {
    transaction::run(&state.db, async |tx| {
        Ok(record_failure(tx, origin, kind, account).await?)
    })
    .await
}

/// An administrator lifts an account's lock (and its delays): its failures are forgotten,
/// and `auth.unlocked` records who did it. Returns how many failures were forgotten.
pub async fn unlock_account(
    tx: &mut Tx,
    origin: &Origin,
    admin_id: i64,
    email: &str,
) -> Result<u64, DbError> {
    let cleared = tx.clear_auth_failures(&account_scope(email)).await?;
    let event = Event::new("auth.unlocked")
        .by(admin_id)
        .on(audit_target(&account_scope(email)))
        .with(json!({ "failures_cleared": cleared }));
    tx.audit(origin, event).await?;
    Ok(cleared)
}

#[cfg(test)]
mod tests;
