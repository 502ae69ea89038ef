//! The HTML shell, the router and the layout every page shares.

use crate::i18n::t;
use crate::{
    components::{
        MainNav, SecondFactorGate, UserMenu, element_text, provide_auth, provide_page_hydrated,
    },
    pages::NotFoundPage,
    routes::{account, admin, editor, profile, reading},
};
use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::{
    Lazy, ParamSegment, SsrMode, StaticSegment,
    components::{A, Route, Router, Routes},
};

/// The document around the app, rendered on the server only.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    use leptos_meta::MetaTags;
    // Leptos's `HydrationScripts` preloads the script and WASM at once (and, for lazy
    // routes, the page group's files, but only sometimes: it looks them up under whatever
    // reactive owner is current once the page is rendered). Lighthouse's simulated phone counts
    // every download that ends before the first paint against the largest paint, and these
    // end before it: the page arrives rendered, so nothing loads before its first paint.
    // The page language's messages come beside the bundle (`i18n::messages`); if either
    // fails, the page stays as the server rendered it, which works without the bundle.
    let bundle = format!("/{}/{}", options.site_pkg_dir, options.output_name);
    let messages = crate::i18n::messages_path(crate::i18n::language());
    let boot = format!(
        "requestAnimationFrame(() => setTimeout(() => Promise.all([\
         import('{bundle}.js').then((m) => m.default({{ module_or_path: '{bundle}.wasm' }}).then(() => m)), \
         fetch('{messages}').then((r) => (r.ok ? r.text() : Promise.reject(r.status)))\
         ]).then(([m, messages]) => m.hydrate(messages))));"
    );
    let nonce = leptos::nonce::use_nonce();
    view! {
        <!DOCTYPE html>
        <html lang=crate::i18n::language().code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="icon" href="/favicon.ico" />
                <link rel="stylesheet" href=format!("{bundle}.css") />
                <AutoReload options=options.clone() />
                <script type="module" nonce=nonce>
                    {boot}
                </script>
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    view! {
        // Titles carry names and V2MOM titles people typed (see `element_text`).
        <Title formatter=|page: String| {
            if page.is_empty() {
                "v2mom".to_owned()
            } else {
                format!("{} · v2mom", element_text(&page))
            }
        } />
        <Router>
            <Layout />
        </Router>
    }
}

/// What every page has around it: the header and the page in `<main>`.
#[component]
fn Layout() -> impl IntoView {
    // Inside the router: who is signed in is loaded again when the location changes.
    provide_auth();
    // Browser tests wait for hydration (`data-hydrated` on <main>) before they interact.
    let hydrated = provide_page_hydrated();
    view! {
        // The first stop for the keyboard: past the header's links to the page itself.
        // `target` leaves the click to the browser (the router would only scroll), which
        // moves the focus into <main>.
        <a class="skip-link" href="#main" target="_self">
            {t("skip-to-content")}
        </a>
        <header class="site-header">
            <A href="/" attr:class="brand">
                "v2mom"
            </A>
            <MainNav />
            <UserMenu />
        </header>
        <main id="main" tabindex="-1" data-hydrated=move || hydrated.get().then_some("true")>
            <SecondFactorGate />
            <Routes fallback=NotFoundPage>
                // Async: every page decides its status (a form, 403, 404, 503 while the
                // database is away) from data, so the whole page is ready, every Suspense
                // resolved in the HTML, before the first byte is sent.
                <Route
                    path=StaticSegment("")
                    view={Lazy::<reading::Home>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=StaticSegment("login")
                    view={Lazy::<account::Login>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=(StaticSegment("login"), StaticSegment("second-factor"))
                    view={Lazy::<account::SecondStep>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=StaticSegment("setup")
                    view={Lazy::<account::Setup>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=StaticSegment("register")
                    view={Lazy::<account::Register>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=StaticSegment("team")
                    view={Lazy::<reading::Team>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=StaticSegment("profile")
                    view={Lazy::<profile::Profile>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=StaticSegment("notifications")
                    view={Lazy::<reading::Notifications>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=(StaticSegment("profile"), StaticSegment("notifications"))
                    view={Lazy::<profile::NotificationSettings>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=StaticSegment("unsubscribe")
                    view={Lazy::<account::MailLink>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=(StaticSegment("profile"), StaticSegment("security"))
                    view={Lazy::<profile::Security>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=(StaticSegment("profile"), StaticSegment("api-keys"))
                    view={Lazy::<profile::ApiKeys>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=(StaticSegment("admin"), StaticSegment("api-keys"))
                    view={Lazy::<admin::ApiKeys>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=(StaticSegment("admin"), StaticSegment("audit"))
                    view={Lazy::<admin::Audit>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=(StaticSegment("admin"), StaticSegment("organisation"))
                    view={Lazy::<admin::Organisation>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=(StaticSegment("admin"), StaticSegment("people"))
                    view={Lazy::<admin::People>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=(StaticSegment("admin"), StaticSegment("people"), StaticSegment("import"))
                    view={Lazy::<admin::PeopleImport>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=(StaticSegment("admin"), StaticSegment("people"), ParamSegment("id"))
                    view={Lazy::<admin::Person>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=StaticSegment("v2moms")
                    view={Lazy::<reading::V2moms>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=StaticSegment("alignment")
                    view={Lazy::<reading::Alignment>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=(StaticSegment("v2moms"), ParamSegment("id"))
                    view={Lazy::<reading::V2mom>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=(StaticSegment("v2moms"), ParamSegment("id"), StaticSegment("edit"))
                    view={Lazy::<editor::Edit>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=(StaticSegment("v2moms"), ParamSegment("id"), StaticSegment("history"))
                    view={Lazy::<reading::History>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=(StaticSegment("admin"), StaticSegment("sso"))
                    view={Lazy::<admin::Sso>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=(StaticSegment("admin"), StaticSegment("webhooks"))
                    view={Lazy::<admin::Webhooks>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=(StaticSegment("admin"), StaticSegment("webhooks"), ParamSegment("id"))
                    view={Lazy::<admin::WebhookLog>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=(StaticSegment("admin"), StaticSegment("periods"))
                    view={Lazy::<admin::Periods>::new()}
                    ssr=SsrMode::Async
                />
                <Route
                    path=(StaticSegment("invite"), ParamSegment("token"))
                    view={Lazy::<account::Invitation>::new()}
                    ssr=SsrMode::Async
                />
            </Routes>
        </main>
        <footer class="site-footer">
            <p>{concat!("v2mom ", env!("CARGO_PKG_VERSION"))}</p>
        </footer>
    }
}
