//! The arithmetic of a second factor, without I/O: authenticator-app codes (RFC 6238 through
//! totp-rs: SHA-1, six digits, 30-second steps, one step of clock skew either way), the QR
//! code that carries the secret to the app, and recovery codes.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use totp_rs::{Algorithm, Builder, Secret, Totp};

/// Seconds per step.
pub const STEP_SECS: u64 = 30;
/// Recovery codes made at a time.
pub const RECOVERY_CODES: usize = 10;
const RECOVERY_ALPHABET: &[u8; 32] = b"abcdefghijkmnpqrstuvwxyz23456789";
/// Characters per recovery code: 16 × 5 bits = 80 random bits, so a fast hash keeps it.
const RECOVERY_LEN: usize = 16;

/// A new 160-bit secret (the size RFC 4226 recommends).
pub fn new_secret() -> Vec<u8> {
    let mut bytes = vec![0u8; 20];
    OsRng.fill_bytes(&mut bytes);
    bytes
}

/// The app for `secret`, labelled `issuer: account` in the person's app. A colon would end
/// the label early, so none is kept.
pub fn app(secret: &[u8], issuer: &str, account: &str) -> Result<Totp, String> {
    let label = |text: &str| -> String {
        let text = text.replace(':', " ");
        let text = text.trim();
        if text.is_empty() {
            "v2mom".into()
        } else {
            text.to_owned()
        }
    };
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(STEP_SECS)
        .with_secret(secret.to_vec())
        .with_issuer(Some(label(issuer)))
        .with_account_name(label(account))
        .build()
        .map_err(|e| format!("authenticator app: {e}"))
}

/// Whether `code` looks like an app's code (six digits, spaces allowed) rather than a
/// recovery code or a password.
pub fn is_app_code(code: &str) -> bool {
    let digits: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    digits.len() == 6 && digits.chars().all(|c| c.is_ascii_digit())
}

/// The step `code` is right for at `unix_secs` (the current one or one either side), if any.
pub fn step_of(app: &Totp, code: &str, unix_secs: u64) -> Option<i64> {
    if !is_app_code(code) {
        return None;
    }
    let digits: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    app.check(&digits, unix_secs).map(|step| step as i64)
}

/// The secret as people type it: base32, in groups of four.
pub fn secret_text(secret: &[u8]) -> String {
    let base32 = Secret::from(secret.to_vec()).to_base32();
    group(&base32, 4, " ")
}

/// The `otpauth://` URI as a QR code in SVG, made here so the page needs no script and no
/// outside service.
pub fn qr_svg(uri: &str) -> Result<String, String> {
    use qrcode::{QrCode, render::svg};
    let code = QrCode::new(uri.as_bytes()).map_err(|e| format!("QR code: {e}"))?;
    let svg = code
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    // The XML declaration means nothing inside an HTML page.
    Ok(match svg.find("<svg") {
        Some(start) => svg[start..].to_owned(),
        None => svg,
    })
}

/// New recovery codes, as shown (`abcd-efgh-jkmn-pqrs`).
pub fn new_recovery_codes() -> Vec<String> {
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0u8; RECOVERY_LEN];
            OsRng.fill_bytes(&mut bytes);
            let raw: String = bytes
                .iter()
                .map(|b| RECOVERY_ALPHABET[(b % 32) as usize] as char)
                .collect();
            group(&raw, 4, "-")
        })
        .collect()
}

/// A recovery code as typed, reduced to what was shown: case, dashes and spaces do not
/// matter.
pub fn normalise_recovery_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn group(text: &str, size: usize, separator: &str) -> String {
    text.as_bytes()
        .chunks(size)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B's SHA-1 secret, truncated to six digits.
    const RFC_SECRET: &[u8] = b"12345678901234567890";

    #[test]
    fn codes_follow_rfc_6238() {
        let app = app(RFC_SECRET, "Acme", "ann@example.com").unwrap();
        for (time, code) in [
            (59, "287082"),
            (1111111109, "081804"),
            (1234567890, "005924"),
        ] {
            assert_eq!(
                step_of(&app, code, time),
                Some((time / 30) as i64),
                "{time}"
            );
        }
    }

    #[test]
    fn one_step_of_skew_either_way_and_no_more() {
        let app = app(RFC_SECRET, "Acme", "ann").unwrap();
        let now = 1_700_000_000;
        let code = |t: u64| app.generate(t).to_string();
        assert!(step_of(&app, &code(now - 30), now).is_some());
        assert!(step_of(&app, &code(now + 30), now).is_some());
        assert_eq!(step_of(&app, &code(now - 90), now), None);
        assert_eq!(step_of(&app, &code(now + 90), now), None);
        let spaced = code(now);
        let spaced = format!("{} {}", &spaced[..3], &spaced[3..]);
        assert!(step_of(&app, &spaced, now).is_some());
        assert_eq!(step_of(&app, "12345", now), None);
        assert_eq!(step_of(&app, "abcdef", now), None);
    }

    #[test]
    fn the_uri_names_the_organisation_and_the_person() {
        let app = app(RFC_SECRET, "Acme: East", "ann@example.com").unwrap();
        let uri = app.to_url().unwrap();
        assert!(uri.starts_with("otpauth://totp/"), "{uri}");
        assert!(uri.contains("issuer=Acme"), "{uri}");
        assert!(qr_svg(&uri).unwrap().starts_with("<svg"));
        assert_eq!(secret_text(RFC_SECRET).split(' ').count(), 8);
    }

    #[test]
    fn recovery_codes_are_unique_and_typed_loosely() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), RECOVERY_CODES);
        let code = &codes[0];
        assert_eq!(code.len(), 19);
        assert_eq!(
            normalise_recovery_code(&format!(" {} ", code.to_uppercase())),
            code.replace('-', "")
        );
        assert!(!is_app_code(code));
        assert!(is_app_code("123 456"));
    }
}
