use crate::{
    api::home,
    components::{ErrorPage, ServerStatusCheck, VisionPreview, use_auth},
    model::{Home, Need, V2momStatus},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// The five parts of a V2MOM, as Salesforce's framework defines them.
const PARTS: [(&str, &str); 5] = [
    ("Vision", "What do you want to achieve?"),
    ("Values", "What is important to you while you pursue it?"),
    (
        "Methods",
        "How will you get it done: the actions, highest priority first.",
    ),
    ("Obstacles", "What might stand in the way of each method?"),
    (
        "Measures",
        "How will you know you succeeded: the numbers you will track.",
    ),
];

/// Signed in: one's own V2MOM and team for the current period. Otherwise: what V2MOM is.
/// When who is signed in cannot be known (the database is away), neither: the error.
#[component]
pub fn HomePage() -> impl IntoView {
    let auth = use_auth();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match auth.user.await {
                    Ok(Some(_)) => view! { <Dashboard /> }.into_any(),
                    Ok(None) => view! { <Landing /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Dashboard() -> impl IntoView {
    let data = Resource::new(|| (), |_| home());
    view! {
        <Title text="" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(home) => view! { <DashboardView home /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DashboardView(home: Home) -> impl IntoView {
    let Some(period) = home.period else {
        return view! {
            <section>
                <h1>"Welcome"</h1>
                <p>"No current planning period is set yet. An administrator chooses one under Periods."</p>
            </section>
        }
        .into_any();
    };
    let mine = match home.mine {
        Some(v) => view! {
            <p>
                <A href=format!("/v2moms/{}", v.id)>
                    {if v.content.title.is_empty() { "My V2MOM".to_owned() } else { v.content.title.clone() }}
                </A>
                " · "
                <span class=format!("status status-{}", v.status.as_str())>{v.status.label()}</span>
            </p>
            <p class="vision">{v.content.vision.clone()}</p>
        }
        .into_any(),
        None => view! {
            <p>"You have no V2MOM for this period yet. " <A href="/v2moms">"Start one"</A></p>
        }
        .into_any(),
    };
    let managers = home.managers.map(|m| {
        view! {
            <section>
                <h2>"It aligns to"</h2>
                <p>
                    <A href=format!("/v2moms/{}", m.id)>{format!("{}'s V2MOM", m.owner.name)}</A>
                    {(!m.title.is_empty()).then(|| format!(" · {}", m.title))}
                </p>
            </section>
        }
    });
    let team = (!home.team.is_empty()).then(|| {
        let count = |status: Option<V2momStatus>| {
            home.team.iter().filter(|m| m.v2mom.map(|(_, s)| s) == status).count()
        };
        let coverage = format!(
            "{} published · {} in review · {} draft · {} without a V2MOM",
            count(Some(V2momStatus::Published)),
            count(Some(V2momStatus::InReview)),
            count(Some(V2momStatus::Draft)),
            count(None),
        );
        view! {
            <section>
                <h2>"My team"</h2>
                <p class="coverage">{coverage}</p>
                <ul class="tree team-status">
                    {home
                        .team
                        .into_iter()
                        .map(|member| {
                            let depth = member.depth.min(8);
                            view! {
                                <li class=format!("depth-{depth}")>
                                    {member.person.name} " · "
                                    {match member.v2mom {
                                        Some((id, status)) => view! {
                                            <A href=format!("/v2moms/{id}")>
                                                <span class=format!("status status-{}", status.as_str())>{status.label()}</span>
                                            </A>
                                        }.into_any(),
                                        None => view! { <span class="status status-none">"No V2MOM"</span> }.into_any(),
                                    }}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                {(!home.unaligned_methods.is_empty()).then(|| view! {
                    <h3>"Methods nobody aligns to yet"</h3>
                    <ul>{home.unaligned_methods.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                })}
            </section>
        }
    });
    view! {
        <Needs needs=home.needs period=period.name.clone() />
        <section>
            <h1>{format!("My V2MOM · {}", period.name)}</h1>
            {mine}
        </section>
        {managers}
        {team}
    }
    .into_any()
}

/// What waits for the person, each with the one link that does it.
#[component]
fn Needs(needs: Vec<Need>, period: String) -> impl IntoView {
    let items = if needs.is_empty() {
        view! { <p class="nothing-needed">"Nothing needs you right now."</p> }.into_any()
    } else {
        view! {
            <ul class="needs">
                {needs
                    .iter()
                    .map(|need| {
                        let (text, action, href) = need.describe(&period);
                        view! {
                            <li>
                                <span>{text}</span>
                                " "
                                <A href=href attr:class="button">{action}</A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="needs-heading">
            <h2 id="needs-heading">"Needs you now"</h2>
            {items}
        </section>
    }
}

#[component]
fn Landing() -> impl IntoView {
    view! {
        <Title text="" />
        <section class="hero">
            <h1>"Plan, align and track with V2MOM"</h1>
            <p class="lead">
                "Everyone writes down where they are going and how, aligned to the plan of the \
                 person they report to, so the whole organisation pulls in one direction."
            </p>
        </section>
        <section aria-labelledby="five-questions">
            <h2 id="five-questions">"The five questions"</h2>
            <dl class="parts">
                {PARTS
                    .into_iter()
                    .map(|(name, question)| view! {
                        <div class="part">
                            <dt>{name}</dt>
                            <dd>{question}</dd>
                        </div>
                    })
                    .collect_view()}
            </dl>
        </section>
        <section aria-labelledby="try-it">
            <h2 id="try-it">"Try it"</h2>
            <VisionPreview />
        </section>
        <section aria-labelledby="status-heading">
            <h2 id="status-heading">"Server"</h2>
            <ServerStatusCheck />
        </section>
    }
}
