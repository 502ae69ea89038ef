use crate::components::{ServerStatusCheck, VisionPreview};
use leptos::prelude::*;
use leptos_meta::Title;

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

#[component]
pub fn HomePage() -> impl IntoView {
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
