use crate::{
    api::registration_open,
    components::{Field, FormActions, action_error, use_auth},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn LoginPage() -> impl IntoView {
    let login = use_auth().login;
    let error = action_error(login);
    let next = move || use_query_map().with(|q| q.get("next")).unwrap_or_default();
    let open = Resource::new(|| (), |_| registration_open());
    view! {
        <Title text="Sign in" />
        <section class="narrow">
            <h1>"Sign in"</h1>
            <ActionForm action=login>
                <input type="hidden" name="next" value=next />
                <Field label="Email" name="email" kind="email" error autocomplete="username" />
                <Field
                    label="Password"
                    name="password"
                    kind="password"
                    error
                    autocomplete="current-password"
                />
                <FormActions error pending=login.pending() label="Sign in" />
            </ActionForm>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    matches!(open.await, Ok(true))
                        .then(|| view! { <p>"New here? " <A href="/register">"Create an account"</A></p> })
                })}
            </Suspense>
        </section>
    }
}
