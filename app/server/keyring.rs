//! Secrets at rest: values sealed with XChaCha20-Poly1305 under one of several keys, with
//! the key's id stored beside each value so keys can be rotated.
//!
//! Keys come from `encryption_key` (`V2MOM_ENCRYPTION_KEY` or `_FILE`): one or more
//! `<id>:<64 hex digits>` entries, separated by commas or new lines; the last one seals,
//! all of them open. Without it, `encryption.key` in the data directory holds them (created
//! on first start, with a warning: it must be backed up with the database).
//!
//! Each value is sealed for a context (such as `sso_providers.client_secret`) that is
//! authenticated with it, so a sealed value copied into another column does not open.

use chacha20poly1305::{
    AeadCore, KeyInit, XChaCha20Poly1305, XNonce,
    aead::{Aead, OsRng, Payload},
};
use std::{fmt, path::Path};

const NONCE_LEN: usize = 24;

/// The keys, newest last.
#[derive(Clone)]
pub struct Keyring {
    keys: Vec<(String, XChaCha20Poly1305)>,
}

/// A sealed value as stored: the key id and hex(nonce ‖ ciphertext).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub key_id: String,
    pub ciphertext: String,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum OpenError {
    #[error("no key with id {0:?} is configured")]
    UnknownKey(String),
    #[error("the value does not open with key {0:?} (wrong key, or changed)")]
    Corrupt(String),
}

/// Never prints key material.
impl fmt::Debug for Keyring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Keyring")
            .field("key_ids", &self.ids().collect::<Vec<_>>())
            .finish()
    }
}

impl Keyring {
    /// Parses `id:hex` entries. Errors name the entry by position, never its content.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut keys: Vec<(String, XChaCha20Poly1305)> = Vec::new();
        let entries = text
            .split([',', '\n'])
            .map(str::trim)
            .filter(|e| !e.is_empty() && !e.starts_with('#'));
        for (n, entry) in entries.enumerate() {
            let bad = || {
                format!(
                    "encryption key entry {} is not <id>:<64 hex digits> \
                     (id: letters, digits, - and _)",
                    n + 1
                )
            };
            let (id, hex_key) = entry.split_once(':').ok_or_else(bad)?;
            let id_ok = !id.is_empty()
                && id.len() <= 32
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            let bytes = hex::decode(hex_key).map_err(|_| bad())?;
            if !id_ok || bytes.len() != 32 {
                return Err(bad());
            }
            if keys.iter().any(|(known, _)| known == id) {
                return Err(format!("encryption key id {id:?} appears twice"));
            }
            let cipher = XChaCha20Poly1305::new_from_slice(&bytes).map_err(|_| bad())?;
            keys.push((id.to_owned(), cipher));
        }
        if keys.is_empty() {
            return Err("no encryption key given".into());
        }
        Ok(Keyring { keys })
    }

    /// A new random key as an entry for a key file or `V2MOM_ENCRYPTION_KEY`.
    pub fn new_entry(id: &str) -> String {
        let key = XChaCha20Poly1305::generate_key(&mut OsRng);
        format!("{id}:{}", hex::encode(key))
    }

    /// A new key named after today (`k20261204`), as [`Keyring::new_entry`] gives it.
    pub fn new_dated_entry() -> String {
        Self::new_entry(&format!("k{}", chrono::Utc::now().format("%Y%m%d")))
    }

    /// Reads `path`, or creates it with one new key (readable by the owner only). The
    /// second value says whether it was created.
    pub fn load_or_create(path: &Path) -> Result<(Self, bool), String> {
        let shown = path.display();
        match std::fs::read_to_string(path) {
            Ok(text) => Self::parse(&text)
                .map(|keys| (keys, false))
                .map_err(|e| format!("{shown}: {e}")),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let entry = Self::new_dated_entry();
                write_private(path, &format!("{entry}\n"))
                    .map_err(|e| format!("cannot create {shown}: {e}"))?;
                Self::parse(&entry).map(|keys| (keys, true))
            }
            Err(e) => Err(format!("cannot read {shown}: {e}")),
        }
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().map(|(id, _)| id.as_str())
    }

    /// The id new values are sealed under.
    pub fn current_id(&self) -> &str {
        &self.current().0
    }

    fn current(&self) -> &(String, XChaCha20Poly1305) {
        self.keys.last().expect("a keyring has at least one key")
    }

    pub fn seal(&self, context: &str, plaintext: &str) -> Sealed {
        let (id, cipher) = self.current();
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let payload = Payload {
            msg: plaintext.as_bytes(),
            aad: context.as_bytes(),
        };
        let ciphertext = cipher
            .encrypt(&nonce, payload)
            .expect("encrypting in memory cannot fail");
        let mut stored = nonce.to_vec();
        stored.extend_from_slice(&ciphertext);
        Sealed {
            key_id: id.clone(),
            ciphertext: hex::encode(stored),
        }
    }

    pub fn open(&self, context: &str, sealed: &Sealed) -> Result<String, OpenError> {
        let (_, cipher) = self
            .keys
            .iter()
            .find(|(id, _)| *id == sealed.key_id)
            .ok_or_else(|| OpenError::UnknownKey(sealed.key_id.clone()))?;
        let corrupt = || OpenError::Corrupt(sealed.key_id.clone());
        let bytes = hex::decode(&sealed.ciphertext).map_err(|_| corrupt())?;
        if bytes.len() < NONCE_LEN {
            return Err(corrupt());
        }
        let (nonce, ciphertext) = bytes.split_at(NONCE_LEN);
        let payload = Payload {
            msg: ciphertext,
            aad: context.as_bytes(),
        };
        let plaintext = cipher
            .decrypt(XNonce::from_slice(nonce), payload)
            .map_err(|_| corrupt())?;
        String::from_utf8(plaintext).map_err(|_| corrupt())
    }
}

/// The key file's name in the data directory.
pub const KEY_FILE: &str = "encryption.key";

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::{io::Write, os::unix::fs::OpenOptionsExt};
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?
        .write_all(text.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::write(path, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONTEXT: &str = "sso_providers.client_secret";

    fn keyring(entries: &[&str]) -> Keyring {
        Keyring::parse(&entries.join(",")).unwrap()
    }

    #[test]
    fn a_sealed_value_opens_again_and_is_not_stored_as_typed() {
        let keys = keyring(&[&Keyring::new_entry("one")]);
        let sealed = keys.seal(CONTEXT, "hunter2 client secret");
        assert_eq!(sealed.key_id, "one");
        assert!(!sealed.ciphertext.contains("hunter2"));
        assert_eq!(
            keys.open(CONTEXT, &sealed).unwrap(),
            "hunter2 client secret"
        );
        // A fresh nonce each time: the same secret never looks the same twice.
        assert_ne!(
            keys.seal(CONTEXT, "x").ciphertext,
            keys.seal(CONTEXT, "x").ciphertext
        );
    }

    #[test]
    fn the_wrong_key_a_changed_value_or_another_context_do_not_open() {
        let keys = keyring(&[&Keyring::new_entry("one")]);
        let other = keyring(&[&Keyring::new_entry("one")]);
        let sealed = keys.seal(CONTEXT, "secret");
        assert_eq!(
            other.open(CONTEXT, &sealed),
            Err(OpenError::Corrupt("one".into()))
        );
        assert!(keys.open("users.totp_secret", &sealed).is_err());
        let mut changed = sealed.clone();
        let last = changed.ciphertext.pop().unwrap();
        changed.ciphertext.push(if last == '0' { '1' } else { '0' });
        assert!(keys.open(CONTEXT, &changed).is_err());
        let unknown = Sealed {
            key_id: "gone".into(),
            ..sealed
        };
        assert_eq!(
            keys.open(CONTEXT, &unknown),
            Err(OpenError::UnknownKey("gone".into()))
        );
    }

    #[test]
    fn the_newest_key_seals_and_every_key_opens() {
        let old = Keyring::new_entry("old");
        let sealed_before = keyring(&[&old]).seal(CONTEXT, "before");
        let rotated = keyring(&[&old, &Keyring::new_entry("new")]);
        assert_eq!(rotated.current_id(), "new");
        assert_eq!(rotated.seal(CONTEXT, "after").key_id, "new");
        assert_eq!(rotated.open(CONTEXT, &sealed_before).unwrap(), "before");
    }

    #[test]
    fn malformed_keys_are_refused_without_echoing_them() {
        let secret = "s3cr3t".repeat(10);
        for text in [
            "",
            "# only a comment",
            "no-colon",
            &format!("id:{secret}"),
            &format!(":{}", "ab".repeat(32)),
            &format!("bad id:{}", "ab".repeat(32)),
            &format!("short:{}", "ab".repeat(16)),
        ] {
            let err = Keyring::parse(text).err().unwrap();
            assert!(!err.contains("s3cr3t"), "{err}");
        }
        let twice = format!("a:{0},a:{0}", "ab".repeat(32));
        assert!(Keyring::parse(&twice).unwrap_err().contains("twice"));
        let keys = keyring(&[&Keyring::new_entry("shown")]);
        assert_eq!(format!("{keys:?}"), r#"Keyring { key_ids: ["shown"] }"#);
    }

    #[test]
    fn a_missing_key_file_is_created_private_and_then_reused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("encryption.key");
        let (first, created) = Keyring::load_or_create(&path).unwrap();
        assert!(created);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let sealed = first.seal(CONTEXT, "kept");
        let (again, created) = Keyring::load_or_create(&path).unwrap();
        assert!(!created);
        assert_eq!(again.open(CONTEXT, &sealed).unwrap(), "kept");
    }
}
