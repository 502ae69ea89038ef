//! One listener: the use case behind `/events` and `/api/v1/events`.

use super::{
    feed,
    hub::{Heard, Opened},
};
use crate::{
    error::AppError,
    model::{EventKind, LiveEvent},
    server::{actor::Actor, errors::internal, policy::Action, state::AppState, v2moms::Access},
};
use futures_util::Stream;
use std::{collections::VecDeque, sync::Arc, time::Duration};
use tokio::{
    sync::broadcast::{Receiver, error::RecvError},
    time::Instant,
};

/// Events a resuming listener is sent from the outbox at most; further behind, it starts
/// from now (a page that far behind is better reloaded).
const MAX_CATCH_UP: i64 = 500;
/// How long one stream lasts. Its browser then reconnects, which signs it in again: a
/// signed-out session or a disabled account stops hearing within this time.
const LIFETIME: Duration = Duration::from_secs(300);
/// The wait asked of someone who opened too many streams.
const RETRY_AFTER_SECS: u64 = 30;

/// What a listener asks for.
#[derive(Debug, Clone, Copy, Default)]
pub struct Listen {
    /// Only events about this V2MOM (which the listener must be able to read).
    pub v2mom: Option<i64>,
    /// The last event the listener has seen: the stream starts after it.
    pub last_event_id: Option<i64>,
}

/// The events `actor` may see, from now (or after `last_event_id`) until the process stops,
/// the stream's lifetime ends, or the listener falls too far behind.
pub async fn listen(
    state: &AppState,
    actor: &Actor,
    ask: Listen,
) -> Result<impl Stream<Item = LiveEvent> + Send + 'static, AppError> {
    actor.require(Action::UseV2moms)?;
    if let Some(id) = ask.v2mom {
        Access::open(state, actor, id).await?;
    }
    let opened = state
        .live
        .open(actor.id(), state.config.settings.live_streams_per_person)
        .ok_or(AppError::TooManyRequests {
            retry_after_secs: RETRY_AFTER_SECS,
        })?;
    let head = state.db.latest_event_id().await.map_err(internal)?;
    let receiver = state.live.subscribe(&state.db, head);
    let mut listening = Listening {
        state: state.clone(),
        actor: actor.clone(),
        only: ask.v2mom,
        after: ask
            .last_event_id
            .filter(|id| (head - MAX_CATCH_UP..=head).contains(id))
            .unwrap_or(head),
        waiting: VecDeque::new(),
        receiver,
        until: Instant::now() + LIFETIME,
        _opened: opened,
    };
    // Read after subscribing: what committed meanwhile is here or in the receiver (or both,
    // and then sent once).
    let missed = state
        .db
        .events_after(listening.after, MAX_CATCH_UP)
        .await
        .map_err(internal)?;
    for row in &missed {
        let heard = feed::hear(&state.db, row).await.map_err(internal)?;
        if let Some(heard) = heard
            && listening.may_hear(&heard).await?
        {
            listening.waiting.push_back(heard.event);
        }
        listening.after = row.id;
    }
    Ok(futures_util::stream::unfold(listening, Listening::next))
}

struct Listening {
    state: AppState,
    actor: Actor,
    only: Option<i64>,
    /// The last event id dealt with.
    after: i64,
    /// Caught-up events not sent yet.
    waiting: VecDeque<LiveEvent>,
    receiver: Receiver<Arc<Heard>>,
    until: Instant,
    _opened: Opened,
}

impl Listening {
    /// The next event to send, or None to end the stream.
    async fn next(mut self) -> Option<(LiveEvent, Self)> {
        if let Some(event) = self.waiting.pop_front() {
            return Some((event, self));
        }
        loop {
            let heard = tokio::select! {
                heard = self.receiver.recv() => heard,
                () = self.state.stopping.wait() => return None,
                () = tokio::time::sleep_until(self.until) => return None,
            };
            let heard = match heard {
                Ok(heard) if heard.event.id > self.after => heard,
                Ok(_) => continue,
                // Behind: the browser reconnects with `Last-Event-ID` and catches up.
                Err(RecvError::Lagged(_) | RecvError::Closed) => return None,
            };
            self.after = heard.event.id;
            let event = &heard.event;
            if event.kind == EventKind::UserDisabled && event.user_id == Some(self.actor.id()) {
                return None;
            }
            match self.may_hear(&heard).await {
                Ok(true) => return Some((event.clone(), self)),
                Ok(false) => {}
                Err(_) => return None,
            }
        }
    }

    /// Whether this listener gets `heard`: about the V2MOM it follows, if it follows one,
    /// and allowed by the policy now.
    async fn may_hear(&self, heard: &Heard) -> Result<bool, AppError> {
        let event = &heard.event;
        if self.only.is_some() && event.v2mom_id != self.only {
            return Ok(false);
        }
        match (&heard.v2mom, event.kind) {
            (_, EventKind::InvitationAccepted | EventKind::UserDisabled) => {
                Ok(self.actor.may(Action::ManageUsers))
            }
            (Some(header), kind) => {
                let access = Access::of(&self.state, &self.actor, header.clone()).await?;
                Ok(access.may_hear(kind))
            }
            (None, _) => Ok(false),
        }
    }
}
