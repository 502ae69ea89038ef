//! What a live page hears: one committed event, as `/events` and `/api/v1/events` send it
//! (each as the `data` of a Server-Sent Event whose `id` is the event's).

use super::EventKind;
use serde::{Deserialize, Serialize};

/// One event, with ids only: a page that hears it asks again for what it shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LiveEvent {
    /// Increases with each event; send the last one seen as `Last-Event-ID` to resume.
    pub id: i64,
    pub kind: EventKind,
    /// The V2MOM it is about (V2MOM and check-in events).
    pub v2mom_id: Option<i64>,
    /// The person it is about (`invitation.accepted`, `user.disabled`).
    pub user_id: Option<i64>,
    /// The V2MOM's version after a save or a lifecycle move.
    pub version: Option<i64>,
    /// Who did it.
    pub actor_id: Option<i64>,
    pub actor_name: Option<String>,
    /// When, RFC 3339.
    pub at: String,
}

impl LiveEvent {
    /// What happened to the V2MOM on screen, in words, to the person `me`: "Ada saved this
    /// V2MOM", "You saved this V2MOM" (in another tab).
    pub fn about_this_v2mom(&self, me: Option<i64>) -> String {
        let mine = self.actor_id.is_some() && self.actor_id == me;
        let who = match &self.actor_name {
            Some(name) => name.clone(),
            None => self.kind.default_actor(),
        };
        self.kind.about_this_v2mom(&who, mine)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_who_did_what_to_the_v2mom_on_screen() {
        let mut event = LiveEvent {
            id: 7,
            kind: EventKind::CheckInAdded,
            v2mom_id: Some(3),
            user_id: None,
            version: None,
            actor_id: Some(2),
            actor_name: Some("Ada Lovelace".into()),
            at: "2026-12-05T10:00:00Z".into(),
        };
        assert_eq!(
            event.about_this_v2mom(Some(5)),
            "Ada Lovelace checked in on a measure of this V2MOM"
        );
        event.kind = EventKind::V2momSaved;
        assert_eq!(event.about_this_v2mom(Some(2)), "You saved this V2MOM");
        event.actor_name = None;
        assert_eq!(event.about_this_v2mom(None), "Someone saved this V2MOM");
    }
}
