//! The home page: for a signed-in person, what needs them and the plans around theirs;
//! for a visitor, what V2MOM is.

mod first_steps;
mod mine;
mod needs;
mod team;

use crate::{
    api::home,
    components::{ErrorPage, ServerStatusCheck, VisionPreview, use_auth},
    i18n::t,
    model::Home,
};
use first_steps::FirstSteps;
use leptos::prelude::*;
use leptos_meta::Title;
use mine::{MyV2mom, UpTheChain};
use needs::Needs;
use team::TeamSummary;

/// The five parts of a V2MOM, as Salesforce's framework defines them: the message ids of
/// each part's name and of its question.
const PARTS: [(&str, &str); 5] = [
    ("home-part-vision", "home-part-vision-question"),
    ("home-part-values", "home-part-values-question"),
    ("home-part-methods", "home-part-methods-question"),
    ("home-part-obstacles", "home-part-obstacles-question"),
    ("home-part-measures", "home-part-measures-question"),
];

/// Signed in: one's own V2MOM and team for the current period. Otherwise: what V2MOM is.
/// When who is signed in cannot be known (the database is away), neither: the error.
#[component]
pub fn HomePage() -> impl IntoView {
    let auth = use_auth();
    // One resource, made here: made inside the Suspend below, it would be made again when
    // the signed-in user resolves, and the server would work out the home page twice.
    let data = Resource::new(
        || (),
        move |_| async move {
            match auth.user.await? {
                Some(_) => home().await.map(Some),
                None => Ok(None),
            }
        },
    );
    view! {
        <Title text="" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Some(home)) => view! { <DashboardView home /> }.into_any(),
                    Ok(None) => view! { <Landing /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DashboardView(home: Home) -> impl IntoView {
    let checklist = home.checklist.map(|steps| view! { <FirstSteps steps /> });
    let Some(period) = home.period else {
        return view! {
            {checklist}
            <section>
                <h1>{t("home-welcome")}</h1>
                <p>{t("home-no-period")}</p>
            </section>
        }
        .into_any();
    };
    let team = home
        .team
        .map(|rows| view! { <TeamSummary rows unaligned=home.unaligned_methods /> });
    view! {
        {checklist}
        <Needs needs=home.needs period=period.name.clone() />
        <MyV2mom mine=home.mine period=period.name.clone() />
        <UpTheChain chain=home.chain has_manager=home.has_manager period=period.name />
        {team}
    }
    .into_any()
}

#[component]
fn Landing() -> impl IntoView {
    view! {
        <section class="hero">
            <h1>{t("home-landing-heading")}</h1>
            <p class="lead">{t("home-landing-lead")}</p>
        </section>
        <section aria-labelledby="five-questions">
            <h2 id="five-questions">{t("home-five-questions")}</h2>
            <dl class="parts">
                {PARTS
                    .into_iter()
                    .map(|(name, question)| view! {
                        <div class="part">
                            <dt>{t(name)}</dt>
                            <dd>{t(question)}</dd>
                        </div>
                    })
                    .collect_view()}
            </dl>
        </section>
        <section aria-labelledby="try-it">
            <h2 id="try-it">{t("home-try-it")}</h2>
            <VisionPreview />
        </section>
        <section aria-labelledby="status-heading">
            <h2 id="status-heading">{t("home-server")}</h2>
            <ServerStatusCheck />
        </section>
    }
}
