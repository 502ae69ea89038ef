//! The request being served, for code that does not have it at hand (a use case failing deep
//! down, a plain handler, the session store): its id, whether it has reported the database
//! away yet, whether the session store failed, the user the store read with the session,
//! and whom it turned out to be for, which the access log names.
//!
//! The request-id layer makes one [`Serving`] per request, puts it in the request's
//! extensions (where the tasks Leptos spawns to render a page find it, through the request
//! parts in their context) and keeps it in a task-local for everything else.

use super::db::UserRecord;
use crate::i18n::Lang;
use http::request::Parts;
use leptos::prelude::use_context;
use std::sync::{
    Arc, Mutex, OnceLock,
    atomic::{AtomicBool, Ordering},
};
use tower_sessions::session::Id;

#[derive(Clone, Debug)]
pub struct Serving(Arc<Notes>);

#[derive(Debug)]
struct Notes {
    request_id: String,
    unavailable_reported: AtomicBool,
    session_store_failed: AtomicBool,
    user_id: OnceLock<i64>,
    language: OnceLock<Lang>,
    /// The user the session store read with the session (`db/session_store.rs`), until
    /// [`take_session_user`] takes it.
    session_user: Mutex<Option<(Id, Option<UserRecord>)>>,
}

impl Serving {
    pub fn new(request_id: String) -> Self {
        Serving(Arc::new(Notes {
            request_id,
            unavailable_reported: AtomicBool::new(false),
            session_store_failed: AtomicBool::new(false),
            user_id: OnceLock::new(),
            language: OnceLock::new(),
            session_user: Mutex::default(),
        }))
    }

    pub fn request_id(&self) -> &str {
        &self.0.request_id
    }

    /// Whether the session store failed while serving the request (tower-sessions then
    /// answers a bare 500 of its own; `http/session_guard.rs` turns it into a 503).
    pub fn session_store_failed(&self) -> bool {
        self.0.session_store_failed.load(Ordering::Relaxed)
    }

    /// The signed-in person or API key holder the request was served for, once known.
    pub fn user_id(&self) -> Option<i64> {
        self.0.user_id.get().copied()
    }

    /// The language the request is answered in, once decided (`http/language.rs`; pages
    /// and server functions only: the REST API has none and answers in English).
    pub fn language(&self) -> Option<Lang> {
        self.0.language.get().copied()
    }

    pub fn note_language(&self, lang: Lang) {
        let _ = self.0.language.set(lang);
    }
}

tokio::task_local! {
    static SERVING: Serving;
}

/// Runs `serving` as the request `notes` describe, for code without the request at hand.
pub async fn scope<F: std::future::Future>(notes: Serving, serving: F) -> F::Output {
    SERVING.scope(notes, serving).await
}

/// The request this task is serving: the task's own first, since code outside any Leptos
/// scope (plain handlers, `/api/v1`) may still find a Leptos context on its thread, another
/// request's; else (in a task Leptos spawned to render a page) the one of its request parts.
pub fn current() -> Option<Serving> {
    SERVING
        .try_with(Serving::clone)
        .ok()
        .or_else(from_request::<Serving>)
}

/// A value the layers put in the extensions of the request Leptos is rendering or serving
/// (its nonce, its [`Serving`], whom it is for, the providers it read), from its context.
pub fn from_request<T: Clone + Send + Sync + 'static>() -> Option<T> {
    use_context::<Parts>().and_then(|parts| parts.extensions.get::<T>().cloned())
}

pub fn current_request_id() -> Option<String> {
    current().map(|serving| serving.request_id().to_owned())
}

/// True the first time it is asked for this request, and whenever there is no request: the
/// database being away is logged and counted once per request, however many parts failed.
pub fn first_unavailable_report() -> bool {
    current().is_none_or(|serving| !serving.0.unavailable_reported.swap(true, Ordering::Relaxed))
}

/// Notes that the session store (the database) failed while serving this request.
pub fn note_session_store_failed() {
    if let Some(serving) = current() {
        serving
            .0
            .session_store_failed
            .store(true, Ordering::Relaxed);
    }
}

/// Notes the user session `id` is signed in as (none: signed in as nobody), read with it.
pub fn note_session_user(id: Id, user: Option<UserRecord>) {
    if let Some(serving) = current() {
        *serving
            .0
            .session_user
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = Some((id, user));
    }
}

/// What [`note_session_user`] noted for session `id` in this request, once: `None` when
/// nothing was (it was taken already, or the session has a new id since).
pub fn take_session_user(id: Id) -> Option<Option<UserRecord>> {
    let serving = current()?;
    let mut noted = serving
        .0
        .session_user
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    match noted.take() {
        Some((noted_id, user)) if noted_id == id => Some(user),
        _ => None,
    }
}

/// Notes whom this request is served for (the first person resolved wins).
pub fn note_user(user_id: i64) {
    if let Some(serving) = current() {
        let _ = serving.0.user_id.set(user_id);
    }
}
