//! How a measure is going, as a check-in reports it: the newest check-in the V2MOM shows,
//! and the statuses one may choose.

use crate::i18n::t;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// The newest check-in of a measure, as the V2MOM shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LatestCheckIn {
    pub value: f64,
    pub status: CheckInStatus,
    /// RFC 3339, UTC.
    pub at: String,
}

/// How the person checking in sees a measure going.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum CheckInStatus {
    #[default]
    OnTrack,
    AtRisk,
    OffTrack,
}

impl CheckInStatus {
    pub const ALL: [CheckInStatus; 3] = [
        CheckInStatus::OnTrack,
        CheckInStatus::AtRisk,
        CheckInStatus::OffTrack,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CheckInStatus::OnTrack => "on_track",
            CheckInStatus::AtRisk => "at_risk",
            CheckInStatus::OffTrack => "off_track",
        }
    }

    pub fn label(self) -> String {
        t(match self {
            CheckInStatus::OnTrack => "model-check-in-on-track",
            CheckInStatus::AtRisk => "model-check-in-at-risk",
            CheckInStatus::OffTrack => "model-check-in-off-track",
        })
    }

    /// The label as it reads inside a sentence ("latest 40%, at risk"): lower case in
    /// English.
    pub fn label_in_sentence(self) -> String {
        t(match self {
            CheckInStatus::OnTrack => "model-check-in-inline-on-track",
            CheckInStatus::AtRisk => "model-check-in-inline-at-risk",
            CheckInStatus::OffTrack => "model-check-in-inline-off-track",
        })
    }
}

impl FromStr for CheckInStatus {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Self::ALL.into_iter().find(|v| v.as_str() == s).ok_or(())
    }
}
