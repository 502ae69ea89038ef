//! Password hashing and policy.
//!
//! Argon2id (m = 19456 KiB, t = 2, p = 1) in PHC strings. Hashing is deliberately slow, so
//! it is kept from starving page requests three ways: a semaphore sized to half the CPU count
//! bounds how many hashes run (a login storm queues here and gets 503 after a short wait),
//! each hash runs on a thread of its own at a lower CPU priority (pages being served get the
//! CPU first; an idle machine hashes as fast as ever), and each hash's 19 MiB go back to the
//! system soon after it ends (the allocator, mimalloc, returns freed memory after 10 ms).

use super::metrics::{Holding, PASSWORD_HASH_DURATION, PASSWORD_HASH_WAITING};
use crate::error::{AppError, FieldError};
use crate::model::PasswordStrength;
use argon2::{
    Algorithm, Argon2, Params, PasswordHash as Phc, PasswordHasher, PasswordVerifier, Version,
    password_hash::{SaltString, rand_core::OsRng},
};
use metrics::{gauge, histogram};
use std::{fmt, sync::Arc, time::Duration};
use tokio::sync::Semaphore;

pub const MIN_LENGTH: usize = 12;
pub const MAX_LENGTH: usize = 256;

/// How long a request waits for a free hashing slot before it is told to come back later.
const QUEUE_WAIT: Duration = Duration::from_secs(5);

/// How much lower than the server's own a hashing thread's CPU priority is (a nice
/// increment). At 10 a hash gets about a tenth of a core that pages also want: a storm of
/// wrong passwords barely slows the pages (`make bench`, "storm"), and a sign-in on a
/// machine whose cores are all busy serving pages takes up to about ten times longer than on
/// an idle one.
const HASHING_NICENESS: i32 = 10;

/// A PHC-format hash. Deliberately neither `Serialize` nor printable: it never leaves the
/// server and never reaches a log.
#[derive(Clone, PartialEq, Eq)]
pub struct PasswordHash(String);

impl PasswordHash {
    pub fn from_stored(phc: String) -> Self {
        PasswordHash(phc)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasswordHash(..)")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verified {
    /// Correct; `rehash` when it was hashed with other parameters than today's.
    Yes {
        rehash: bool,
    },
    No,
}

#[derive(Clone)]
pub struct Passwords {
    slots: Arc<Semaphore>,
    /// Checked against when the account does not exist, so that path costs the same time.
    dummy: Arc<PasswordHash>,
}

fn argon2() -> Argon2<'static> {
    let params = Params::new(19_456, 2, 1, None).expect("valid Argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

impl Passwords {
    pub fn new() -> Self {
        // Half the cores: a sign-in storm keeps every slot busy, and pages need the rest.
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let dummy = hash_now("not a real password: timing equaliser").expect("hashing works");
        Passwords {
            slots: Arc::new(Semaphore::new((cores / 2).max(1))),
            dummy: Arc::new(dummy),
        }
    }

    pub async fn hash(&self, password: &str) -> Result<PasswordHash, AppError> {
        let password = password.to_owned();
        self.run(move || hash_now(&password)).await?
    }

    /// Verifies against `stored`, or against a dummy hash when there is none, so that an
    /// unknown account and a wrong password take the same time and give the same answer.
    pub async fn verify(
        &self,
        password: &str,
        stored: Option<&PasswordHash>,
    ) -> Result<Verified, AppError> {
        let password = password.to_owned();
        let (stored, real) = match stored {
            Some(hash) => (hash.clone(), true),
            None => ((*self.dummy).clone(), false),
        };
        let verified = self.run(move || verify_now(&password, &stored)).await?;
        Ok(if real { verified } else { Verified::No })
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, AppError> {
        let started = std::time::Instant::now();
        let waiting = Holding::one_more(gauge!(PASSWORD_HASH_WAITING));
        let permit = tokio::time::timeout(QUEUE_WAIT, self.slots.clone().acquire_owned()).await;
        drop(waiting);
        let permit = permit
            .map_err(|_| {
                tracing::warn!("password hashing queue full");
                super::errors::unavailable()
            })?
            .map_err(super::errors::internal)?;
        let span = tracing::Span::current();
        let (answer, answered) = tokio::sync::oneshot::channel();
        // A thread per hash rather than the blocking pool: its priority is lowered for good,
        // and the pool's threads also run other work. Starting one costs microseconds
        // against a hash's tens of milliseconds.
        std::thread::Builder::new()
            .name("password-hash".into())
            .spawn(move || {
                let _permit = permit;
                lower_this_threads_priority();
                // The request may have gone meanwhile; then nobody wants the answer.
                let _ = answer.send(span.in_scope(work));
            })
            .map_err(super::errors::internal)?;
        let done = answered.await.map_err(super::errors::internal);
        histogram!(PASSWORD_HASH_DURATION).record(started.elapsed().as_secs_f64());
        done
    }
}

/// Lowers the calling thread's CPU priority by [`HASHING_NICENESS`]. Linux keeps the nice
/// value per thread, so the server's other threads keep theirs.
fn lower_this_threads_priority() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: nice() only changes the calling thread's nice value; raising it needs no
        // privilege.
        let failed = unsafe {
            *libc::__errno_location() = 0;
            libc::nice(HASHING_NICENESS) == -1 && *libc::__errno_location() != 0
        };
        if failed {
            static ONCE: std::sync::Once = std::sync::Once::new();
            ONCE.call_once(|| tracing::warn!("could not lower the password hashing priority"));
        }
    }
}

impl Default for Passwords {
    fn default() -> Self {
        Self::new()
    }
}

fn hash_now(password: &str) -> Result<PasswordHash, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| PasswordHash(h.to_string()))
        .map_err(super::errors::internal)
}

fn verify_now(password: &str, stored: &PasswordHash) -> Verified {
    let Ok(parsed) = Phc::new(&stored.0) else {
        tracing::error!("stored password hash does not parse");
        return Verified::No;
    };
    if argon2()
        .verify_password(password.as_bytes(), &parsed)
        .is_err()
    {
        return Verified::No;
    }
    let current = parsed.algorithm == argon2::ARGON2ID_IDENT
        && Params::try_from(&parsed)
            .is_ok_and(|p| p.m_cost() == 19_456 && p.t_cost() == 2 && p.p_cost() == 1);
    Verified::Yes { rehash: !current }
}

/// NIST 800-63B / ASVS 5.0 §6.2: length 12–256 characters of anything, no composition
/// rules, nothing truncated; refused when easy to guess or built from the person's own
/// name or email. Returns the problem for the field named `field`.
pub fn check_policy(
    field: &str,
    password: &str,
    name: &str,
    email: &str,
) -> Result<(), FieldError> {
    match assess(password, name, email).problem {
        None => Ok(()),
        Some(message) => Err(FieldError {
            field: field.to_owned(),
            message,
        }),
    }
}

/// How strong a password is (zxcvbn's 0–4) and what, if anything, the policy refuses it
/// for: what the form shows as you type and what [`check_policy`] enforces.
pub fn assess(password: &str, name: &str, email: &str) -> PasswordStrength {
    let refuse = |score: u8, message: String| PasswordStrength {
        score,
        problem: Some(message),
    };
    let length = password.chars().count();
    if length > MAX_LENGTH {
        return refuse(
            0,
            crate::i18n::t_with("server-password-too-long", &[("max", MAX_LENGTH.into())]),
        );
    }
    let lowered = password.to_lowercase();
    let local_part = email.split('@').next().unwrap_or_default().to_lowercase();
    let personal = std::iter::once(local_part.as_str())
        .chain(name.split_whitespace())
        .map(str::to_lowercase)
        .filter(|word| word.chars().count() >= 3)
        .any(|word| lowered.contains(&word));
    let inputs = [name, email];
    let score = if password.is_empty() {
        0
    } else {
        zxcvbn::zxcvbn(password, &inputs).score() as u8
    };
    if length < MIN_LENGTH {
        refuse(
            score.min(2),
            crate::i18n::t_with("server-password-too-short", &[("min", MIN_LENGTH.into())]),
        )
    } else if personal {
        refuse(score.min(2), crate::i18n::t("server-password-personal"))
    } else if score < 3 {
        refuse(score, crate::i18n::t("server-password-guessable"))
    } else {
        PasswordStrength {
            score,
            problem: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(password: &str) -> Result<(), FieldError> {
        check_policy("password", password, "Ada Lovelace", "ada@example.com")
    }

    #[test]
    fn short_long_guessable_and_personal_passwords_are_refused() {
        assert!(check("short").is_err());
        assert!(check(&"x".repeat(257)).is_err());
        assert!(check("password1234").is_err());
        assert!(check("lovelace-orbit-tundra-97").is_err());
        assert!(check("ada-quantum-harbor-slate").is_err());
    }

    #[test]
    fn long_unusual_passphrases_pass_with_any_characters() {
        assert_eq!(check("correct horse battery staple"), Ok(()));
        assert_eq!(check("żółw pływa w morzu nocą 🌊"), Ok(()));
        assert_eq!(check(&"mango-violet-quartz-".repeat(12)[..240]), Ok(()));
    }

    #[tokio::test]
    async fn hashes_verify_and_never_print() {
        let passwords = Passwords::new();
        let hash = passwords
            .hash("correct horse battery staple")
            .await
            .unwrap();
        assert!(hash.as_str().starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert_eq!(format!("{hash:?}"), "PasswordHash(..)");
        assert_eq!(
            passwords
                .verify("correct horse battery staple", Some(&hash))
                .await
                .unwrap(),
            Verified::Yes { rehash: false }
        );
        assert_eq!(
            passwords.verify("wrong", Some(&hash)).await.unwrap(),
            Verified::No
        );
        assert_eq!(
            passwords.verify("anything", None).await.unwrap(),
            Verified::No
        );
    }

    /// What keeps a sign-in storm from slowing the pages: hashes run below the priority of
    /// the threads that serve them.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[tokio::test]
    async fn hashing_runs_below_the_servers_cpu_priority() {
        // SAFETY: getpriority only reads the calling thread's nice value.
        let priority = || unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) };
        let ours = priority();
        let hashers = Passwords::new().run(priority).await.unwrap();
        assert_eq!(hashers, (ours + HASHING_NICENESS).min(19));
        assert_eq!(priority(), ours, "the caller's thread keeps its priority");
    }

    #[tokio::test]
    async fn hashes_with_old_parameters_ask_to_be_redone() {
        let weak = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8, 1, 1, None).unwrap(),
        )
        .hash_password(
            b"correct horse battery staple",
            &SaltString::generate(&mut OsRng),
        )
        .unwrap()
        .to_string();
        let passwords = Passwords::new();
        let verified = passwords
            .verify(
                "correct horse battery staple",
                Some(&PasswordHash::from_stored(weak)),
            )
            .await
            .unwrap();
        assert_eq!(verified, Verified::Yes { rehash: true });
    }
}
