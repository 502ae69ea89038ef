//! A webhook's deliveries: where each stands, and the log an administrator reads.

use super::{EventKind, Webhook};
use crate::i18n::t;
use serde::{Deserialize, Serialize};

/// Where one delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum DeliveryState {
    Pending,
    Delivered,
    Failed,
}

impl DeliveryState {
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryState::Pending => "pending",
            DeliveryState::Delivered => "delivered",
            DeliveryState::Failed => "failed",
        }
    }

    pub fn parse(text: &str) -> Option<DeliveryState> {
        match text {
            "pending" => Some(DeliveryState::Pending),
            "delivered" => Some(DeliveryState::Delivered),
            "failed" => Some(DeliveryState::Failed),
            _ => None,
        }
    }

    pub fn label(self) -> String {
        t(match self {
            DeliveryState::Pending => "model-delivery-pending",
            DeliveryState::Delivered => "model-delivery-delivered",
            DeliveryState::Failed => "model-delivery-failed",
        })
    }
}

/// One event sent (or being sent) to one webhook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct WebhookDelivery {
    /// Also sent as `X-V2mom-Delivery`: the same id on every attempt.
    pub id: i64,
    pub event_id: i64,
    pub event: EventKind,
    pub state: DeliveryState,
    pub attempts: i64,
    /// The receiver's last HTTP status, if it answered.
    pub last_status: Option<i64>,
    /// Why the last attempt failed, in a few words (never the receiver's body).
    pub last_error: Option<String>,
    /// When it is tried next (pending), or last changed.
    pub next_at: String,
    pub updated_at: String,
}

/// A webhook and its newest deliveries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct WebhookLog {
    pub webhook: Webhook,
    pub deliveries: Vec<WebhookDelivery>,
}
