//! Amounts as people type them and as forms send them: text becomes a finite number or none.

use serde::Deserialize;

/// A number as people type it: `1200`, `1,200`, `12.5`, `-3`.
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text.trim().chars().filter(|c| *c != ',').collect();
    cleaned.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// A number from JSON, or from a form as text (`""` means none). Text that is not a number
/// reads as none too, so the rules can say what is missing; and revisions saved while
/// targets were free text still open.
pub(super) fn optional_number<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<f64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Amount {
        Number(f64),
        Text(String),
    }
    Ok(match Option::<Amount>::deserialize(d)? {
        None => None,
        Some(Amount::Number(n)) => Some(n).filter(|n| n.is_finite()),
        Some(Amount::Text(t)) => parse_number(&t),
    })
}
