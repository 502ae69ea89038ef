//! The browser bundle in parts (`cargo leptos build --split`, see `crate::routes`): the loader
//! script that fetches each page group's files.
//!
//! The build writes `pkg/__wasm_split_manifest.json` (each lazy function's files) and
//! `pkg/__wasm_split.______________________.js` (the loader). The loader imports the main
//! script as `./v2mom.js`, but pages load it under its versioned name (`assets`): two names
//! would make two copies of the module, the second never initialised. So the loader is
//! served with that import renamed, and revalidated (its own name never changes); it fetches
//! the groups' files from the versioned folder (`/pkg/v2mom.<hash>/…`), kept a year.

use super::{
    assets::{OUTPUT_NAME, PKG_DIR},
    precompressed::{Precompressed, vary},
};
use crate::server::entity_tags::Listed;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, HeaderValue, StatusCode, header};
use std::{collections::HashMap, fs, path::Path, sync::Arc};

/// The loader's file name, fixed by Leptos (its underscores stand for a hash it can hold).
pub const LOADER: &str = "__wasm_split.______________________.js";
const MANIFEST: &str = "__wasm_split_manifest.json";

/// What the split build left in the site root, read once at start; empty when the bundle
/// is not split (or there is none, as in the server's own tests).
#[derive(Clone, Default)]
pub struct SplitBundle {
    /// The loader, its import renamed, and its ETag (the bundle's versioned name; weak, as the
    /// same text is sent in several encodings).
    loader: Option<Arc<(Precompressed, HeaderValue)>>,
}

impl SplitBundle {
    /// Reads the split build in `<site_root>/pkg`, whose main script pages load as
    /// `<versioned>.js`.
    pub fn load(site_root: &Path, versioned: &str) -> SplitBundle {
        let dir = site_root.join(PKG_DIR);
        let manifest: HashMap<String, Vec<String>> = fs::read_to_string(dir.join(MANIFEST))
            .ok()
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default();
        let loader = fs::read_to_string(dir.join(LOADER)).ok().and_then(|js| {
            let mut js = js.replace(
                &format!("\"./{OUTPUT_NAME}.js\""),
                &format!("\"./{versioned}.js\""),
            );
            for file in manifest.values().flatten() {
                js = js.replace(
                    &format!("\"./{file}.wasm\""),
                    &format!("\"./{versioned}/{file}.wasm\""),
                );
            }
            let etag = HeaderValue::from_str(&format!("W/\"{versioned}\"")).ok()?;
            Some(Arc::new((Precompressed::new(js), etag)))
        });
        SplitBundle { loader }
    }

    /// `GET /pkg/__wasm_split….js`: the loader, or `None` when the bundle is not split.
    pub fn loader(&self, request: &HeaderMap) -> Option<Response> {
        let (js, etag) = &**self.loader.as_ref()?;
        let headers = [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/javascript"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            (header::ETAG, etag.clone()),
        ];
        // The tags of the copies the browser holds.
        let held = Listed::read(request, &header::IF_NONE_MATCH);
        if held.is_some_and(|tags| tags.names_weakly(etag.to_str().unwrap_or_default())) {
            return Some((StatusCode::NOT_MODIFIED, headers, [vary()]).into_response());
        }
        Some(js.respond(request, headers))
    }
}
