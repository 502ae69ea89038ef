//! The HTML shell, the router and the layout every page shares.

use crate::i18n::t;
use crate::{
    components::{MainNav, SecondFactorGate, UserMenu, element_text, provide_auth, use_hydrated},
    pages::{
        AlignmentPage, ApiKeysAdminPage, ApiKeysPage, AuditPage, HomePage, InvitationPage,
        LoginPage, MailLinkPage, NotFoundPage, NotificationSettingsPage, NotificationsPage,
        OrganisationPage, PeopleImportPage, PeoplePage, PeriodsPage, PersonPage, ProfilePage,
        RegisterPage, SecondStepPage, SecurityPage, SetupPage, SsoAdminPage, TeamPage,
        V2momEditPage, V2momHistoryPage, V2momListPage, V2momPage, WebhookLogPage, WebhooksPage,
    },
};
use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::{
    ParamSegment, SsrMode, StaticSegment,
    components::{A, Route, Router, Routes},
};

/// The document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang=crate::i18n::language().code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="icon" href="/favicon.ico" />
                <link rel="stylesheet" href=format!("/{}/{}.css", options.site_pkg_dir, options.output_name) />
                <AutoReload options=options.clone() />
                <HydrationScripts options />
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
    provide_auth();

    // Browser tests wait for hydration (`data-hydrated` on <main>) before they interact.
    let hydrated = use_hydrated();

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
                    <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async />
                    <Route path=StaticSegment("login") view=LoginPage ssr=SsrMode::Async />
                    <Route
                        path=(StaticSegment("login"), StaticSegment("second-factor"))
                        view=SecondStepPage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("setup") view=SetupPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("register") view=RegisterPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("team") view=TeamPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("profile") view=ProfilePage ssr=SsrMode::Async />
                    <Route
                        path=StaticSegment("notifications")
                        view=NotificationsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("profile"), StaticSegment("notifications"))
                        view=NotificationSettingsPage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("unsubscribe") view=MailLinkPage ssr=SsrMode::Async />
                    <Route
                        path=(StaticSegment("profile"), StaticSegment("security"))
                        view=SecurityPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("profile"), StaticSegment("api-keys"))
                        view=ApiKeysPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("api-keys"))
                        view=ApiKeysAdminPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("audit"))
                        view=AuditPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("organisation"))
                        view=OrganisationPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("people"))
                        view=PeoplePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("people"), StaticSegment("import"))
                        view=PeopleImportPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("people"), ParamSegment("id"))
                        view=PersonPage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("v2moms") view=V2momListPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("alignment") view=AlignmentPage ssr=SsrMode::Async />
                    <Route
                        path=(StaticSegment("v2moms"), ParamSegment("id"))
                        view=V2momPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("v2moms"), ParamSegment("id"), StaticSegment("edit"))
                        view=V2momEditPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("v2moms"), ParamSegment("id"), StaticSegment("history"))
                        view=V2momHistoryPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("sso"))
                        view=SsoAdminPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("webhooks"))
                        view=WebhooksPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("webhooks"), ParamSegment("id"))
                        view=WebhookLogPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("periods"))
                        view=PeriodsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("invite"), ParamSegment("token"))
                        view=InvitationPage
                        ssr=SsrMode::Async
                    />
                </Routes>
            </main>
            <footer class="site-footer">
                <p>{concat!("v2mom ", env!("CARGO_PKG_VERSION"))}</p>
            </footer>
        </Router>
    }
}
