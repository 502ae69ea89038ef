//! One attempt at one webhook delivery: the body (this API's JSON, or Slack's `{"text": …}`),
//! its signature, and the POST — to the address that passed the private-network check, with
//! no redirects followed and a 10-second limit.

use super::target;
use crate::{
    i18n::Lang,
    model::{EventKind, WebhookFormat, shown_title_in},
    server::{
        db::{DueDelivery, WEBHOOK_SECRET, rfc3339},
        state::AppState,
    },
};
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;
use std::time::Duration;

/// How long a receiver has to answer.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// How an attempt went: the receiver's status when it answered, else why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Delivered(u16),
    Rejected(u16),
    Failed(String),
}

/// `sha256=` and the hex HMAC-SHA256 of `body` under `secret`: what `X-V2mom-Signature`
/// carries, so a receiver knows the body came from this server, unchanged.
pub fn signature(secret: &str, body: &[u8]) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any size");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// Sends `delivery` once.
pub async fn attempt(state: &AppState, delivery: &DueDelivery) -> Outcome {
    let allow_private = state.config.settings.webhook_allow_private_targets;
    let url = match target::check_url(&delivery.url, allow_private) {
        Ok(url) => url,
        Err(refused) => return Outcome::Failed(refused.to_string()),
    };
    let addr = match target::resolve(&url, allow_private).await {
        Ok(addr) => addr,
        Err(refused) => return Outcome::Failed(refused.to_string()),
    };
    let secret = match state.keyring.open(WEBHOOK_SECRET, &delivery.secret()) {
        Ok(secret) => secret,
        Err(err) => {
            tracing::error!(delivery = delivery.id, error = %err, "webhook secret does not open");
            return Outcome::Failed("The webhook's secret cannot be opened.".into());
        }
    };
    let body = match body(state, delivery).await {
        Ok(body) => body,
        Err(err) => return Outcome::Failed(err),
    };
    let host = url.host_str().unwrap_or_default().to_owned();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(TIMEOUT)
        .resolve(&host, addr)
        .user_agent(concat!("v2mom-webhook/", env!("CARGO_PKG_VERSION")))
        .build();
    let client = match client {
        Ok(client) => client,
        Err(err) => return Outcome::Failed(format!("cannot make the request: {err}")),
    };
    let sent = client
        .post(url)
        .header(http::header::CONTENT_TYPE, "application/json")
        .header("X-V2mom-Event", &delivery.kind)
        .header("X-V2mom-Delivery", delivery.id.to_string())
        .header("X-V2mom-Signature", signature(&secret, &body))
        .body(body)
        .send()
        .await;
    match sent {
        Ok(response) if response.status().is_success() => {
            Outcome::Delivered(response.status().as_u16())
        }
        Ok(response) => Outcome::Rejected(response.status().as_u16()),
        Err(err) if err.is_timeout() => Outcome::Failed("no answer within 10 seconds".into()),
        Err(err) if err.is_connect() => Outcome::Failed("cannot connect".into()),
        Err(_) => Outcome::Failed("the request failed".into()),
    }
}

/// What is posted: for `json`, the event with ids only (a receiver reads the rest through
/// the API); for `slack`, one line of text with a link.
async fn body(state: &AppState, delivery: &DueDelivery) -> Result<Vec<u8>, String> {
    let payload: Value = serde_json::from_str(&delivery.payload).unwrap_or(Value::Null);
    let document = match WebhookFormat::parse(&delivery.format).unwrap_or_default() {
        WebhookFormat::Json => json!({
            "id": delivery.event_id,
            "type": delivery.kind,
            "at": rfc3339(delivery.at),
            "subject": delivery.subject,
            "actor": delivery.actor_id,
            "data": payload,
        }),
        WebhookFormat::Slack => json!({ "text": slack_text(state, delivery, &payload).await? }),
    };
    serde_json::to_vec(&document).map_err(|e| e.to_string())
}

/// "Ada Lovelace published “Grow the platform”: https://v2mom.example.com/v2moms/12", in
/// English: a channel has no one language, and payloads are an interface for programs too.
async fn slack_text(
    state: &AppState,
    delivery: &DueDelivery,
    payload: &Value,
) -> Result<String, String> {
    let db = &state.db;
    let kind = EventKind::parse(&delivery.kind).ok_or("unknown kind of event")?;
    let who = match delivery.actor_id {
        Some(id) => db
            .user_by_id(id)
            .await
            .map_err(|_| "the database is unavailable")?
            .map(|u| u.display_name),
        None => None,
    }
    .unwrap_or_else(|| kind.default_actor_in(Lang::En));
    let Some(id) = payload.get("v2mom").and_then(Value::as_i64) else {
        return Ok(format!("{who} {}", kind.verb()));
    };
    let title = db
        .v2mom_people(id)
        .await
        .map_err(|_| "the database is unavailable")?
        .map(|v| shown_title_in(Lang::En, &v.title))
        .unwrap_or_default();
    let link = match state.config.public_url {
        Some(_) => format!(": {}", state.config.public_link(&format!("/v2moms/{id}"))),
        None => String::new(),
    };
    Ok(format!(
        "{}{link}",
        kind.sentence_in(Lang::En, &who, &title)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_the_hmac_of_the_body() {
        // RFC 4231 test case 2.
        let mut mac = Hmac::<Sha256>::new_from_slice(b"Jefe").unwrap();
        mac.update(b"what do ya want for nothing?");
        let expected = hex::encode(mac.finalize().into_bytes());
        assert_eq!(
            expected,
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        assert_eq!(
            signature("Jefe", b"what do ya want for nothing?"),
            format!("sha256={expected}")
        );
    }
}
