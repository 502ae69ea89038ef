//! Secrets handed out once (invitation links, API keys): random, stored only as a hash.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};

/// A new 256-bit token (hex) and the hash to store in its place.
pub fn new_token() -> (String, String) {
    new_prefixed_token("")
}

/// [`new_token`] after a fixed `prefix` that says what the token is for (`v2mom_` for API
/// keys, so secret scanners and people recognise one); the hash covers the prefix too.
pub fn new_prefixed_token(prefix: &str) -> (String, String) {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    let token = format!("{prefix}{}", hex::encode(bytes));
    let hash = hash_token(&token);
    (token, hash)
}

/// What the database keeps: a fast hash is right here, since the token is 256 random bits.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unique_and_only_their_hash_is_kept() {
        let (a, hash_a) = new_token();
        let (b, _) = new_token();
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_eq!(hash_token(&a), hash_a);
        assert_ne!(hash_a, a);
    }
}
