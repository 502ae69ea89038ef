//! Which changes are events. Every change that matters is audited, in the same transaction
//! as the change; the audit writer asks [`event_of`] whether the entry is also an event for
//! others (webhooks, notifications, live pages) and, if so, writes it into the outbox in
//! that transaction too. So an event exists exactly when its change does: a rolled-back
//! change leaves neither, and no use case can forget to emit one.

use super::db::NewEvent;
use crate::model::EventKind;
use serde_json::{Value, json};

/// The event an audited `action` on `target` (with its `details`) is, if any. Its payload
/// holds ids only: never a secret, nor the text of a V2MOM.
pub fn event_of(
    action: &str,
    actor_id: Option<i64>,
    target: Option<&str>,
    details: &Value,
) -> Option<NewEvent> {
    let id_in = |prefix: &str| -> Option<i64> { target?.strip_prefix(prefix)?.parse().ok() };
    let number = |key: &str| details.get(key).and_then(Value::as_i64);
    let (kind, subject, payload) = match action {
        "v2mom.saved" | "v2mom.amended" | "v2mom.status_changed" => {
            let v2mom = id_in("v2mom:")?;
            let kind = match action {
                "v2mom.saved" => EventKind::V2momSaved,
                "v2mom.amended" if details.get("started") == Some(&Value::Bool(true)) => {
                    EventKind::V2momAmended
                }
                // Later saves of an amendment: its editors' business, like a draft's saves.
                "v2mom.amended" => EventKind::V2momSaved,
                _ => match details.get("change").and_then(Value::as_str)? {
                    "submit" => EventKind::V2momSubmitted,
                    "return" => EventKind::V2momReturned,
                    "approve" => EventKind::V2momApproved,
                    "publish" => EventKind::V2momPublished,
                    "archive" => EventKind::V2momArchived,
                    _ => return None,
                },
            };
            let payload = json!({ "v2mom": v2mom, "version": number("version") });
            (kind, format!("v2mom:{v2mom}"), payload)
        }
        "measure.checked_in" => {
            let measure = id_in("measure:")?;
            let v2mom = number("v2mom")?;
            let payload = json!({
                "v2mom": v2mom, "measure": measure, "check_in": number("check_in"),
            });
            (EventKind::CheckInAdded, format!("v2mom:{v2mom}"), payload)
        }
        "reminder.check_in" => {
            let v2mom = id_in("v2mom:")?;
            let payload = json!({ "v2mom": v2mom, "days": number("days") });
            (
                EventKind::CheckInReminder,
                format!("v2mom:{v2mom}"),
                payload,
            )
        }
        "reminder.write" => {
            let period = id_in("period:")?;
            let user = number("user")?;
            let payload = json!({ "period": period, "user": user });
            (
                EventKind::WriteReminder,
                format!("period:{period}"),
                payload,
            )
        }
        "invitation.accepted" | "user.disabled" => {
            let user = id_in("user:")?;
            let kind = if action == "user.disabled" {
                EventKind::UserDisabled
            } else {
                EventKind::InvitationAccepted
            };
            (kind, format!("user:{user}"), json!({ "user": user }))
        }
        _ => return None,
    };
    Some(NewEvent {
        kind,
        subject,
        actor_id,
        payload,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(action: &str, target: &str, details: Value) -> Option<EventKind> {
        event_of(action, Some(1), Some(target), &details).map(|e| e.kind)
    }

    #[test]
    fn lifecycle_moves_are_events_of_their_own_kind() {
        for (change, expected) in [
            ("submit", EventKind::V2momSubmitted),
            ("return", EventKind::V2momReturned),
            ("approve", EventKind::V2momApproved),
            ("publish", EventKind::V2momPublished),
            ("archive", EventKind::V2momArchived),
        ] {
            let details = json!({ "change": change, "version": 4, "comment": "secret text" });
            let event = event_of("v2mom.status_changed", Some(1), Some("v2mom:7"), &details);
            let event = event.unwrap();
            assert_eq!(event.kind, expected);
            assert_eq!(event.subject, "v2mom:7");
            assert_eq!(event.payload, json!({ "v2mom": 7, "version": 4 }));
        }
    }

    #[test]
    fn an_amendment_is_an_event_when_it_starts() {
        let started = json!({ "version": 3, "started": true });
        let later = json!({ "version": 4, "started": false });
        assert_eq!(
            kind("v2mom.amended", "v2mom:2", started),
            Some(EventKind::V2momAmended)
        );
        assert_eq!(
            kind("v2mom.amended", "v2mom:2", later),
            Some(EventKind::V2momSaved)
        );
    }

    #[test]
    fn a_check_in_is_about_its_v2mom() {
        let details = json!({ "v2mom": 5, "check_in": 9, "value": 3.0, "status": "on_track" });
        let event = event_of("measure.checked_in", Some(1), Some("measure:8"), &details).unwrap();
        assert_eq!(event.subject, "v2mom:5");
        assert_eq!(
            event.payload,
            json!({ "v2mom": 5, "measure": 8, "check_in": 9 })
        );
    }

    #[test]
    fn other_entries_are_not_events() {
        assert_eq!(kind("auth.sign_in", "user:1", json!({})), None);
        assert_eq!(kind("v2mom.saved", "measure:1", json!({})), None);
        assert_eq!(
            kind("user.disabled", "user:3", json!({})),
            Some(EventKind::UserDisabled)
        );
    }
}
