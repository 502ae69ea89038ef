//! The site's files: the browser bundle under `/pkg/`, the messages it shows under `/i18n/`
//! and the rest of the site root (`favicon.ico`).
//!
//! Pages link the bundle under content-hashed names (`/pkg/v2mom.<hash>.js`, `.wasm`, `.css`):
//! the hash covers every file of the bundle, so a name always means the same bytes and
//! browsers may keep it for a year without asking again (`immutable`). The files stay under
//! their plain names on disk and are served under those names too (checked before each use,
//! like any other answer), for the API reference page. Brotli or gzip copies made by the build
//! (`--precompress`) are sent to browsers that accept them.

use super::precompressed::Precompressed;
use crate::{
    i18n::{self, Lang},
    server::state::AppState,
};
use axum::{
    body::Body,
    extract::{Path as AxumPath, Request, State},
    response::{IntoResponse, Response},
};
use http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header, request::Parts};
use sha2::{Digest, Sha256};
use std::{fs, path::Path, sync::LazyLock};
use tower::ServiceExt;
use tower_http::services::ServeDir;

/// The bundle's name as cargo-leptos writes it (`output-name` in Cargo.toml).
pub const OUTPUT_NAME: &str = "v2mom";
/// Where the bundle lives under the site root, and under which path it is served.
pub const PKG_DIR: &str = "pkg";

const IMMUTABLE: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");

/// `v2mom.<hash>`: the name pages give the bundle, from the contents of every file in
/// `<site_root>/pkg` (none when there is no bundle, as in the server's own tests).
pub fn versioned_name(site_root: &Path) -> String {
    let mut files: Vec<_> = fs::read_dir(site_root.join(PKG_DIR))
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.is_file() && !is_compressed_copy(path))
        .collect();
    files.sort();
    let mut hash = Sha256::new();
    for path in files {
        hash.update(path.file_name().unwrap_or_default().as_encoded_bytes());
        hash.update(fs::read(&path).unwrap_or_default());
    }
    format!("{OUTPUT_NAME}.{}", &hex::encode(hash.finalize())[..16])
}

fn is_compressed_copy(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz"))
}

/// `GET /pkg/{*file}`: `v2mom.<hash>.js` is `pkg/v2mom.js` and `v2mom.<hash>/chunk.wasm` is
/// `pkg/chunk.wasm` (a page group's file, `split`), served as immutable; any other name is
/// the file of that name.
pub async fn bundle(State(state): State<AppState>, req: Request) -> Response {
    let (req, _) = req.into_parts();
    let options = &state.leptos_options;
    let file = req.uri.path().trim_start_matches(&format!("/{PKG_DIR}/"));
    if file == super::split::LOADER
        && let Some(loader) = state.split.loader(&req.headers)
    {
        return loader;
    }
    let (file, immutable) = match file.strip_prefix(&*options.output_name) {
        Some(rest) if rest.starts_with(['.', '_']) => (format!("{OUTPUT_NAME}{rest}"), true),
        Some(rest) if rest.starts_with('/') => (rest[1..].to_owned(), true),
        _ => (file.to_owned(), false),
    };
    let dir = Path::new(&*options.site_root).join(PKG_DIR);
    let mut res = serve(&dir, &file, &req).await;
    if immutable && matches!(res.status(), StatusCode::OK | StatusCode::NOT_MODIFIED) {
        res.headers_mut().insert(header::CACHE_CONTROL, IMMUTABLE);
    }
    res
}

/// Each language's messages, compressed once (on the first use, which `prepare` makes
/// happen before the server answers).
static MESSAGES: LazyLock<Vec<(Lang, Precompressed)>> = LazyLock::new(|| {
    Lang::ALL
        .into_iter()
        .map(|lang| (lang, Precompressed::new(i18n::messages_source(lang))))
        .collect()
});

/// Does the work the first request for a language's messages would otherwise wait for
/// (brotli's best of every language: under a fifth of a second, once per process).
pub fn prepare() {
    LazyLock::force(&MESSAGES);
}

/// `GET /i18n/<lang>.<hash>.ftl`: a language's messages for the browser's copy of the app
/// (`i18n::messages`), kept a year like the bundle (the name changes with the text).
pub async fn messages(AxumPath(file): AxumPath<String>, request: HeaderMap) -> Response {
    let messages = MESSAGES
        .iter()
        .find(|(lang, _)| i18n::messages_path(*lang).strip_prefix("/i18n/") == Some(file.as_str()));
    let Some((_, messages)) = messages else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let headers = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        ),
        (header::CACHE_CONTROL, IMMUTABLE),
    ];
    messages.respond(&request, headers)
}

/// A file of the site root for a GET or HEAD, or `None` when there is no such file (the
/// caller answers with the not-found page).
pub async fn site_file(state: &AppState, req: &Parts) -> Option<Response> {
    let file = req.uri.path().trim_start_matches('/');
    if file.is_empty() || file.ends_with('/') || !matches!(req.method, Method::GET | Method::HEAD) {
        return None;
    }
    let res = serve(Path::new(&*state.leptos_options.site_root), file, req).await;
    (res.status() != StatusCode::NOT_FOUND).then_some(res)
}

/// Serves `file` (a name relative to `dir`) as `ServeDir` does for `req`'s method and
/// headers: conditional requests, ranges, HEAD, and a precompressed copy when accepted.
async fn serve(dir: &Path, file: &str, req: &Parts) -> Response {
    let Ok(uri) = format!("/{file}").parse::<Uri>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mut file_req = Request::new(Body::empty());
    *file_req.method_mut() = req.method.clone();
    *file_req.uri_mut() = uri;
    *file_req.headers_mut() = req.headers.clone();
    let files = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false);
    match files.oneshot(file_req).await {
        Ok(res) => res.map(Body::new),
        Err(never) => match never {},
    }
}
