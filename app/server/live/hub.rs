//! The process's broadcast of committed events. Its [`feed`] runs only while someone
//! listens, and counts each person's open streams against `live_streams_per_person`.

use super::feed;
use crate::{
    model::LiveEvent,
    server::{
        db::{Db, V2momHeader},
        metrics::LIVE_STREAMS,
    },
};
use futures_util::FutureExt;
use std::{
    collections::HashMap,
    panic::AssertUnwindSafe,
    sync::{Arc, Mutex, MutexGuard, PoisonError},
};
use tokio::sync::broadcast;

/// How many events a listener may fall behind before it is cut off (its browser then
/// reconnects and catches up from the outbox).
const CAPACITY: usize = 256;

/// An event as the feed read it, with what each listener's policy check needs.
#[derive(Debug)]
pub struct Heard {
    pub event: LiveEvent,
    /// The V2MOM it is about, as it stood when the feed read the event.
    pub v2mom: Option<V2momHeader>,
}

/// Cheap to clone; one per process.
#[derive(Clone)]
pub struct Hub(Arc<Inner>);

struct Inner {
    sender: broadcast::Sender<Arc<Heard>>,
    /// Whether a feed runs. Changed only under this lock, as listeners subscribe and the
    /// feed decides to stop, so there is never a listener without a feed nor two feeds.
    feeding: Mutex<bool>,
    /// Open streams per person.
    open: Mutex<HashMap<i64, usize>>,
}

impl Default for Hub {
    fn default() -> Self {
        Hub(Arc::new(Inner {
            sender: broadcast::Sender::new(CAPACITY),
            feeding: Mutex::new(false),
            open: Mutex::default(),
        }))
    }
}

/// One of a person's open streams; counted until dropped.
pub struct Opened {
    hub: Hub,
    user: i64,
}

impl Drop for Opened {
    fn drop(&mut self) {
        metrics::gauge!(LIVE_STREAMS).decrement(1.0);
        let mut open = lock(&self.hub.0.open);
        if let Some(count) = open.get_mut(&self.user) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.user);
            }
        }
    }
}

impl Hub {
    /// Counts one more stream for `user`, unless they hold `limit` already.
    pub fn open(&self, user: i64, limit: usize) -> Option<Opened> {
        let mut open = lock(&self.0.open);
        let count = open.entry(user).or_default();
        if *count >= limit {
            return None;
        }
        *count += 1;
        metrics::gauge!(LIVE_STREAMS).increment(1.0);
        Some(Opened {
            hub: self.clone(),
            user,
        })
    }

    /// Every event committed from now on. Starts the feed, reading after `head`, unless one
    /// runs already.
    pub fn subscribe(&self, db: &Db, head: i64) -> broadcast::Receiver<Arc<Heard>> {
        let mut feeding = lock(&self.0.feeding);
        let receiver = self.0.sender.subscribe();
        if !*feeding {
            *feeding = true;
            let (hub, db) = (self.clone(), db.clone());
            tokio::spawn(async move {
                let fed = AssertUnwindSafe(feed::run(hub.clone(), db, head))
                    .catch_unwind()
                    .await;
                if fed.is_err() {
                    tracing::error!("the live feed panicked; the next listener starts another");
                    *lock(&hub.0.feeding) = false;
                }
            });
        }
        receiver
    }

    /// Asked by the feed before each read: whether anyone still listens. When nobody does,
    /// the feed is marked stopped and must return.
    pub(super) fn keep_feeding(&self) -> bool {
        let mut feeding = lock(&self.0.feeding);
        *feeding = self.0.sender.receiver_count() > 0;
        *feeding
    }

    pub(super) fn publish(&self, heard: Heard) {
        // No receiver is not an error: the feed stops at its next check.
        let _ = self.0.sender.send(Arc::new(heard));
    }
}

/// The counts stay right even if a holder panicked: nothing is left half-changed.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
