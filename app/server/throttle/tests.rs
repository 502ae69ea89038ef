//! Throttling's arithmetic: windows, escalation, caps and the counters' names.

use super::*;

fn t0() -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).unwrap()
}

fn secs(s: i64) -> TimeDelta {
    TimeDelta::seconds(s)
}

/// `n` failures, the newest at `newest`, one second apart going back.
fn failures(n: usize, newest: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    (0..n).map(|i| newest - secs(i as i64)).collect()
}

#[test]
fn three_failures_are_free_then_the_delays_grow_to_five_minutes() {
    let delays: Vec<u64> = (0..14).map(|n| delay_after(n).as_secs()).collect();
    assert_eq!(
        delays,
        [0, 0, 0, 3, 5, 10, 20, 40, 80, 160, 300, 300, 300, 300]
    );
    assert_eq!(delay_after(ACCOUNT_CAP * 10).as_secs(), 300);
}

#[test]
fn an_account_waits_from_its_last_failure() {
    let now = t0();
    assert_eq!(account_wait(&[], now), None);
    assert_eq!(account_wait(&failures(2, now), now), None);
    assert_eq!(
        account_wait(&failures(3, now - secs(1)), now),
        Some(Wait {
            secs: 2,
            locked: false
        })
    );
    assert_eq!(
        account_wait(&failures(4, now - secs(1)), now),
        Some(Wait {
            secs: 4,
            locked: false
        })
    );
    // The delay has passed.
    assert_eq!(account_wait(&failures(4, now - secs(5)), now), None);
}

#[test]
fn waits_round_up_to_whole_seconds() {
    let now = t0();
    let recent = [
        now - TimeDelta::milliseconds(2500),
        now - secs(10),
        now - secs(20),
    ];
    assert_eq!(account_wait(&recent, now).map(|w| w.secs), Some(1));
    let recent = [
        now - TimeDelta::microseconds(1),
        now - secs(10),
        now - secs(20),
    ];
    assert_eq!(account_wait(&recent, now).map(|w| w.secs), Some(3));
}

#[test]
fn the_cap_locks_until_the_oldest_counted_failure_leaves_the_window() {
    let now = t0();
    // 100 failures, the oldest of them an hour old, the newest long past any delay.
    let recent = failures(ACCOUNT_CAP, now - secs(3600 - 99));
    let wait = account_wait(&recent, now).unwrap();
    assert!(wait.locked);
    assert_eq!(wait.secs, 23 * 3600);
    // One fewer: only the (passed) delay applies.
    assert_eq!(account_wait(&recent[..ACCOUNT_CAP - 1], now), None);
    // Once the oldest has left the window, the lock is gone by itself.
    let later = recent[ACCOUNT_CAP - 1] + delta(ACCOUNT_WINDOW);
    assert_eq!(account_wait(&recent, later), None);
}

#[test]
fn an_address_may_fail_limit_times_per_window() {
    let now = t0();
    let window = Duration::from_secs(15 * 60);
    assert_eq!(address_wait(&failures(4, now), now, 5, window), None);
    let recent = failures(5, now);
    assert_eq!(
        address_wait(&recent, now, 5, window),
        Some(Wait {
            secs: 15 * 60 - 4,
            locked: false
        })
    );
    assert_eq!(address_wait(&recent, now + secs(15 * 60), 5, window), None);
}

#[test]
fn scopes_normalise_emails_and_group_ipv6_by_64() {
    assert_eq!(
        account_scope(" Ada@Acme.Example "),
        "account:ada@acme.example"
    );
    assert_eq!(
        account_scope(&"x".repeat(400)).len(),
        "account:".len() + 254
    );
    assert_eq!(
        address_scope("203.0.113.9".parse().unwrap()),
        "ip:203.0.113.9"
    );
    assert_eq!(
        address_scope("::ffff:203.0.113.9".parse().unwrap()),
        "ip:203.0.113.9"
    );
    assert_eq!(
        address_scope("2001:db8:1:2:aaaa::1".parse().unwrap()),
        "ip:2001:db8:1:2::/64"
    );
    assert_eq!(
        address_scope("2001:db8:1:2:bbbb::9".parse().unwrap()),
        address_scope("2001:db8:1:2::1".parse().unwrap())
    );
}
