//! The pages in groups the browser loads on demand.
//!
//! `make build` splits the browser bundle (`cargo leptos build --split`): the main file holds
//! the shell, the router and what every page shares; each group below is a file of its own
//! that the browser fetches the first time it shows a page of that group. A reader of V2MOMs
//! never downloads the editor or the admin pages. Pages join the group they are used with.
//!
//! On the server a group is only a name: its pages render as before.

/// One module per group. Each route is a type for `Lazy::<group::Route>::new()`; the group's
/// pages sit behind one `#[lazy]` function, which is what becomes the group's file.
macro_rules! page_group {
    ($(#[$doc:meta])* $group:ident { $($route:ident => $page:ident),+ $(,)? }) => {
        $(#[$doc])*
        pub mod $group {
            use crate::pages::*;
            use leptos::prelude::*;
            use leptos_router::LazyRoute;

            #[derive(Clone, Copy)]
            enum Page {
                $($route),+
            }

            #[leptos::lazy($group)]
            fn show(page: Page) -> AnyView {
                crate::components::mark_page_hydrated();
                match page {
                    $(Page::$route => view! { <$page /> }.into_any()),+
                }
            }

            $(
                pub struct $route;

                impl LazyRoute for $route {
                    fn data() -> Self {
                        $route
                    }

                    async fn view(_: Self) -> AnyView {
                        show(Page::$route).await
                    }

                    async fn preload() {
                        #[cfg(feature = "hydrate")]
                        __preload_show().await;
                    }
                }
            )+
        }
    };
}

page_group! {
    /// What most people open most days: their V2MOMs, their team's, how they align.
    reading {
        Home => HomePage,
        V2moms => V2momListPage,
        V2mom => V2momPage,
        History => V2momHistoryPage,
        Alignment => AlignmentPage,
        Team => TeamPage,
        Notifications => NotificationsPage,
    }
}

page_group! {
    /// Writing a V2MOM.
    editor {
        Edit => V2momEditPage,
    }
}

page_group! {
    /// Before a session: signing in, the first account, invitations, links from mail.
    account {
        Login => LoginPage,
        SecondStep => SecondStepPage,
        Setup => SetupPage,
        Register => RegisterPage,
        Invitation => InvitationPage,
        MailLink => MailLinkPage,
    }
}

page_group! {
    /// One's own settings.
    profile {
        Profile => ProfilePage,
        Security => SecurityPage,
        ApiKeys => ApiKeysPage,
        NotificationSettings => NotificationSettingsPage,
    }
}

page_group! {
    /// Running the organisation: people, periods, sign-in, integrations, the audit log.
    admin {
        Organisation => OrganisationPage,
        People => PeoplePage,
        PeopleImport => PeopleImportPage,
        Person => PersonPage,
        Periods => PeriodsPage,
        Sso => SsoAdminPage,
        ApiKeys => ApiKeysAdminPage,
        Webhooks => WebhooksPage,
        WebhookLog => WebhookLogPage,
        Audit => AuditPage,
    }
}
