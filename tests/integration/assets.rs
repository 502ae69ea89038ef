//! The browser bundle and the site's files: content-hashed names kept for a year, the
//! precompressed copies, and a file never answered with another request's status.

use crate::helpers::{TestApp, client, header, spawn_app_with};
use futures_util::future::join_all;
use reqwest::{Response, StatusCode};
use std::{fs, io::Read, path::Path};
use tempfile::TempDir;

/// A site root like the one `make build` writes: the bundle, a brotli copy of its
/// stylesheet, and the favicon.
fn site(css: &str) -> TempDir {
    let root = tempfile::tempdir().unwrap();
    let pkg = root.path().join("pkg");
    fs::create_dir(&pkg).unwrap();
    fs::write(pkg.join("v2mom.js"), "export default function init() {}").unwrap();
    // cargo-leptos names the WASM `v2mom.wasm`; a plain `cargo test` build of Leptos links
    // wasm-bindgen's own name, `v2mom_bg.wasm`.
    for wasm in ["v2mom.wasm", "v2mom_bg.wasm"] {
        fs::write(pkg.join(wasm), b"\0asm\x01\0\0\0").unwrap();
    }
    fs::write(pkg.join("v2mom.css"), css).unwrap();
    fs::write(pkg.join("v2mom.css.br"), b"brotli bytes").unwrap();
    fs::write(root.path().join("favicon.ico"), b"icon").unwrap();
    root
}

async fn serve(site: &Path) -> TestApp {
    let root = site.to_owned();
    let app = spawn_app_with(move |s| s.site_root = root).await;
    app.set_up().await;
    app
}

/// `path` as a visitor asks for it, with `headers`.
async fn fetch(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> Response {
    let mut req = client().get(app.url(path));
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    req.send().await.unwrap()
}

/// What a page's head loads from `/pkg/`: the stylesheet (first, linked), the script and the
/// WASM (named in the script that loads them after the first paint).
async fn bundle_of(app: &TestApp) -> Vec<String> {
    let html = app.html(&client(), "/login").await;
    let head = html.split("</head>").next().unwrap();
    let mut files: Vec<String> = head
        .split("/pkg/")
        .skip(1)
        .filter_map(|rest| rest.split(['"', '\'']).next())
        .map(str::to_owned)
        .collect();
    files.sort_by_key(|file| !file.ends_with(".css"));
    assert_eq!(files.len(), 3, "{head}");
    files
}

#[tokio::test]
async fn the_bundle_has_content_hashed_names_that_browsers_keep() {
    let site = site("body { color: black }");
    let app = serve(site.path()).await;
    let files = bundle_of(&app).await;
    let name = &files[0];
    let hash = name
        .strip_prefix("v2mom.")
        .and_then(|rest| rest.strip_suffix(".css"))
        .unwrap();
    assert!(
        hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit()),
        "{name}"
    );

    let css = fetch(&app, &format!("/pkg/{name}"), &[]).await;
    assert_eq!(css.status(), StatusCode::OK);
    assert_eq!(
        header(css.headers(), "cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert!(header(css.headers(), "content-type").starts_with("text/css"));
    let modified = header(css.headers(), "last-modified").to_owned();
    assert_eq!(css.text().await.unwrap(), "body { color: black }");

    // The copy the build compressed, to a browser that accepts it.
    let br = fetch(
        &app,
        &format!("/pkg/{name}"),
        &[("accept-encoding", "br, gzip")],
    )
    .await;
    assert_eq!(header(br.headers(), "content-encoding"), "br");
    assert_eq!(br.bytes().await.unwrap().as_ref(), b"brotli bytes");

    // Asked again, it has not changed.
    let again = fetch(
        &app,
        &format!("/pkg/{name}"),
        &[("if-modified-since", &modified)],
    )
    .await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);

    for file in &files[1..] {
        assert!(file.starts_with(&format!("v2mom.{hash}")), "{file}");
        let res = fetch(&app, &format!("/pkg/{file}"), &[]).await;
        assert_eq!(res.status(), StatusCode::OK, "{file}");
        assert!(header(res.headers(), "cache-control").contains("immutable"));
        let kind = if file.ends_with(".wasm") {
            "application/wasm"
        } else {
            "text/javascript"
        };
        assert_eq!(header(res.headers(), "content-type"), kind, "{file}");
    }

    // The plain name (the API reference links it) is checked again before each use; a name
    // with another hash is not these bytes.
    let plain = fetch(&app, "/pkg/v2mom.css", &[]).await;
    assert_eq!(plain.status(), StatusCode::OK);
    assert_eq!(header(plain.headers(), "cache-control"), "no-cache");
    let stale = fetch(&app, "/pkg/v2mom.0123456789abcdef.css", &[]).await;
    assert_eq!(stale.status(), StatusCode::NOT_FOUND);
    let outside = fetch(&app, "/pkg/..%2Ffavicon.ico", &[]).await;
    assert_eq!(outside.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_changed_bundle_gets_a_new_name() {
    let first = site("body { color: black }");
    let second = site("body { color: navy }");
    let before = bundle_of(&serve(first.path()).await).await;
    let after = bundle_of(&serve(second.path()).await).await;
    assert_ne!(before, after);
}

/// Files were once served by leptos_axum's handler under the reactive owner current on the
/// worker thread, so now and then a script came back with a page's 403 or redirect.
#[tokio::test]
async fn files_keep_their_status_while_pages_answer_otherwise() {
    let site = site("body {}");
    let app = serve(site.path()).await;
    let name = bundle_of(&app).await.remove(0);
    let visitor = client();
    let requests = (0..150).map(|i| {
        let (visitor, app, name) = (&visitor, &app, &name);
        async move {
            let path = match i % 3 {
                0 => format!("/pkg/{name}"),
                1 => "/favicon.ico".to_owned(),
                _ => "/admin/people".to_owned(),
            };
            let res = visitor.get(app.url(&path)).send().await.unwrap();
            (path, res.status())
        }
    });
    for (path, status) in join_all(requests).await {
        if !path.starts_with("/admin") {
            assert_eq!(status, StatusCode::OK, "{path}");
        }
    }
}

/// `site` as `make build` splits it by page group (`app/routes.rs`): the groups' files, the
/// build's manifest of them, and its loader script, which imports the main script and
/// fetches the groups' files by their plain names.
fn split_site() -> TempDir {
    let root = site("body {}");
    let pkg = root.path().join("pkg");
    for file in ["split_account", "shared_2", "split_admin"] {
        fs::write(pkg.join(format!("{file}.wasm")), b"\0asm\x01\0\0\0").unwrap();
    }
    fs::write(
        pkg.join("__wasm_split_manifest.json"),
        r#"{"account_81": ["split_account", "shared_2"], "admin_17": ["split_admin"]}"#,
    )
    .unwrap();
    fs::write(
        pkg.join("__wasm_split.______________________.js"),
        r#"import { initSync } from "./v2mom.js";
const account = () => fetch(new URL("./split_account.wasm", import.meta.url));"#,
    )
    .unwrap();
    root
}

/// The versioned name pages give the bundle (`v2mom.<hash>`).
async fn versioned_name(app: &TestApp) -> String {
    let script = bundle_of(app)
        .await
        .into_iter()
        .find(|f| f.ends_with(".js"))
        .unwrap();
    script.trim_end_matches(".js").to_owned()
}

#[tokio::test]
async fn a_page_groups_file_is_kept_a_year_under_the_versioned_name() {
    let site = split_site();
    let app = serve(site.path()).await;
    let versioned = versioned_name(&app).await;
    let file = fetch(&app, &format!("/pkg/{versioned}/split_account.wasm"), &[]).await;
    assert_eq!(file.status(), StatusCode::OK);
    assert_eq!(
        header(file.headers(), "cache-control"),
        "public, max-age=31536000, immutable"
    );
    let stale = fetch(&app, "/pkg/v2mom.0123456789abcdef/split_account.wasm", &[]).await;
    assert_eq!(stale.status(), StatusCode::NOT_FOUND);
}

/// The page loads the main script under its versioned name; were the loader to import it
/// under another, the browser would run a second, uninitialised copy.
#[tokio::test]
async fn the_split_loader_imports_the_script_pages_load() {
    let site = split_site();
    let app = serve(site.path()).await;
    let versioned = versioned_name(&app).await;
    let loader = fetch(&app, "/pkg/__wasm_split.______________________.js", &[]).await;
    assert_eq!(loader.status(), StatusCode::OK);
    assert_eq!(header(loader.headers(), "cache-control"), "no-cache");
    let etag = header(loader.headers(), "etag").to_owned();
    assert!(
        etag.starts_with("W/"),
        "one tag for every encoding is weak: {etag}"
    );
    let js = loader.text().await.unwrap();
    assert!(js.contains(&format!("from \"./{versioned}.js\"")), "{js}");
    assert!(
        js.contains(&format!("\"./{versioned}/split_account.wasm\"")),
        "{js}"
    );
    assert!(!js.contains("\"./v2mom.js\""), "{js}");
    let again = fetch(
        &app,
        "/pkg/__wasm_split.______________________.js",
        &[("if-none-match", &format!("\"older\", {etag}"))],
    )
    .await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(
        header(again.headers(), "vary"),
        "accept-encoding",
        "a cache holding the gzip copy must not answer a brotli request with it"
    );
    let other = fetch(
        &app,
        "/pkg/__wasm_split.______________________.js",
        &[("if-none-match", "W/\"older\"")],
    )
    .await;
    assert_eq!(other.status(), StatusCode::OK);
}

/// The browser's copy of the app shows the page's language with the messages the page names
/// (only that language's, not every language's in the bundle), kept a year under a name
/// that changes with them, and compressed as the browser prefers.
#[tokio::test]
async fn a_page_names_its_languages_messages_which_are_kept_a_year() {
    let site = site("body{}");
    let app = serve(site.path()).await;
    let page = fetch(&app, "/login", &[("accept-language", "de")]).await;
    let html = page.text().await.unwrap();
    let path = html
        .split("fetch('")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .unwrap_or_else(|| panic!("the page fetches no messages: {html}"));
    assert!(path.starts_with("/i18n/de."), "{path}");
    let messages = fetch(&app, path, &[("accept-encoding", "gzip, br")]).await;
    assert_eq!(messages.status(), StatusCode::OK);
    assert_eq!(
        header(messages.headers(), "cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(header(messages.headers(), "content-encoding"), "br");
    assert_eq!(header(messages.headers(), "vary"), "accept-encoding");
    let brotli = messages.bytes().await.unwrap();
    let text = fetch(&app, path, &[]).await.text().await.unwrap();
    assert!(
        text.contains("skip-to-content = Zum Inhalt springen"),
        "{text}"
    );
    assert!(!text.contains("Skip to content"), "English came too");
    let mut unpacked = String::new();
    brotli::Decompressor::new(&brotli[..], 4096)
        .read_to_string(&mut unpacked)
        .unwrap();
    assert_eq!(unpacked, text, "the brotli copy is another text");
    let gzip = fetch(&app, path, &[("accept-encoding", "br;q=0, gzip")]).await;
    assert_eq!(header(gzip.headers(), "content-encoding"), "gzip");
    let gzip = gzip.bytes().await.unwrap();
    let mut unpacked = String::new();
    flate2::read::GzDecoder::new(&gzip[..])
        .read_to_string(&mut unpacked)
        .unwrap();
    assert_eq!(unpacked, text, "the gzip copy is another text");
    let stale = fetch(&app, "/i18n/de.0123456789abcdef.ftl", &[]).await;
    assert_eq!(stale.status(), StatusCode::NOT_FOUND);
}
