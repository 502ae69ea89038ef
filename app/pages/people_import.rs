//! Administrators: importing people from a CSV file. Preview first: every line with what it
//! would do and every problem; the import button comes only when there is none. Works the
//! same without JavaScript (the server keeps the CSV between the two steps).

use crate::{
    api::{ImportPeople, PreviewPeopleImport, people_import_done, people_import_draft},
    components::{ErrorPage, FormError, InvitationLink, action_error},
    model::{IMPORT_COLUMNS, ImportAction, ImportDone, ImportDraft, ImportPreview},
};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PeopleImportPage() -> impl IntoView {
    let preview = ServerAction::<PreviewPeopleImport>::new();
    let import = ServerAction::<ImportPeople>::new();
    // The kept CSV and its preview, asked again after each step.
    let draft = Resource::new(
        move || (preview.version().get(), import.version().get()),
        |_| people_import_draft(),
    );
    // Without JavaScript, the outcome of the import the browser was sent back from.
    let shown_once = Resource::new(|| (), |_| people_import_done());
    let done = move || import.value().get().and_then(Result::ok);
    view! {
        <Title text="Import people" />
        <h1>"Import people"</h1>
        <p class="lead">
            "Paste a CSV file with one person per line under a header naming the columns "
            <code>{IMPORT_COLUMNS.join(",")}</code>
            " (and optionally " <code>"job_title"</code> "). Role is employee, manager or admin; "
            "manager_email is empty for someone who reports to nobody."
        </p>
        <p>
            "Nothing is imported until every line is right. Importing again updates the people "
            "it names and never adds anyone twice: an email address is a person."
        </p>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match shown_once.await {
                    Ok(Some(done)) => view! { <Outcome done /> }.into_any(),
                    Ok(None) => ().into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Transition>
        {move || done().map(|done| view! { <Outcome done /> })}
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match draft.await {
                    Ok(draft) => view! { <Steps draft preview import /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The CSV form, and once previewed, the preview and the import button.
#[component]
fn Steps(
    draft: Option<ImportDraft>,
    preview: ServerAction<PreviewPeopleImport>,
    import: ServerAction<ImportPeople>,
) -> impl IntoView {
    let preview_error = action_error(preview);
    let import_error = action_error(import);
    let (csv, shown) = match draft {
        Some(ImportDraft { csv, preview }) => (csv, Some(preview)),
        None => (String::new(), None),
    };
    let kept = csv.clone();
    let next = shown.map(|shown| {
        let ready = shown.problems.is_empty();
        let count = shown.rows.len();
        view! {
            <PreviewTable preview=shown />
            {ready
                .then(|| {
                    view! {
                        <ActionForm action=import>
                            <input type="hidden" name="csv" value=kept.clone() />
                            <FormError error=import_error />
                            <button type="submit" disabled=move || import.pending().get()>
                                {format!("Import {count} people")}
                            </button>
                        </ActionForm>
                    }
                })}
        }
    });
    let area = NodeRef::<leptos::html::Textarea>::new();
    view! {
        <ActionForm action=preview attr:class="import-form">
            <FilePicker area />
            <label for="import-csv">"CSV"</label>
            <textarea id="import-csv" name="csv" rows="10" spellcheck="false" required node_ref=area>
                {csv}
            </textarea>
            <FormError error=preview_error />
            <button type="submit" disabled=move || preview.pending().get()>
                "Preview"
            </button>
        </ActionForm>
        {next}
    }
}

/// Once the page runs JavaScript: choosing a file puts its text in the CSV field (without
/// JavaScript, the text is pasted).
#[component]
fn FilePicker(area: NodeRef<leptos::html::Textarea>) -> impl IntoView {
    let hydrated = RwSignal::new(false);
    Effect::new(move || hydrated.set(true));
    let pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            if let (Ok(text), Some(area)) = (text, area.get_untracked()) {
                area.set_value(&text.as_string().unwrap_or_default());
            }
        });
    };
    move || {
        hydrated.get().then(|| {
            view! {
                <label for="import-file">"Choose a CSV file"</label>
                <input id="import-file" type="file" accept=".csv,text/csv" on:change=pick />
                <p class="hint">"or paste its text:"</p>
            }
        })
    }
}

/// Every line with what it would do; every problem, by line.
#[component]
fn PreviewTable(preview: ImportPreview) -> impl IntoView {
    let summary = format!(
        "{} to invite · {} to update · {} unchanged",
        preview.count(ImportAction::Invite),
        preview.count(ImportAction::Update),
        preview.count(ImportAction::Unchanged),
    );
    let problems = (!preview.problems.is_empty()).then(|| {
        view! {
            <div class="problems" role="alert">
                <p>"Nothing was imported. Correct these lines and preview again:"</p>
                <ul>
                    {preview
                        .problems
                        .iter()
                        .map(|p| view! { <li>{p.describe()}</li> })
                        .collect_view()}
                </ul>
            </div>
        }
    });
    view! {
        <section aria-labelledby="preview-heading">
            <h2 id="preview-heading">"Preview"</h2>
            <p class="coverage">{summary}</p>
            {problems}
            <div class="table-scroll">
                <table class="import-preview">
                    <thead>
                        <tr>
                            <th scope="col">"Line"</th>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Email"</th>
                            <th scope="col">"Manager"</th>
                            <th scope="col">"Role"</th>
                            <th scope="col">"Function"</th>
                            <th scope="col">"Does"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {preview
                            .rows
                            .into_iter()
                            .map(|row| view! {
                                <tr>
                                    <td>{row.line}</td>
                                    <th scope="row">{row.name}</th>
                                    <td>{row.email}</td>
                                    <td>{row.manager_email}</td>
                                    <td>{row.role.label()}</td>
                                    <td>{row.function}</td>
                                    <td>{row.action.label()}</td>
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// What the import did, with each invitation link that was not mailed.
#[component]
fn Outcome(done: ImportDone) -> impl IntoView {
    let summary = format!(
        "Imported: {} invited, {} updated, {} unchanged.",
        done.invited.len(),
        done.updated,
        done.unchanged
    );
    view! {
        <section class="import-done" aria-labelledby="done-heading">
            <h2 id="done-heading">"Imported"</h2>
            <p role="status">{summary}</p>
            {done
                .invited
                .into_iter()
                .map(|sent| view! { <InvitationLink sent /> })
                .collect_view()}
        </section>
    }
}
