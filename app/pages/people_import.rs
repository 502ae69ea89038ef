//! Administrators: importing people from a CSV file. Preview first: every line with what it
//! would do and every problem; the import button comes only when there is none. Works the
//! same without JavaScript (the server keeps the CSV between the two steps).

use crate::i18n::{t, t_with};
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
        <Title text=t("admin-import-title") />
        <h1>{t("admin-import-title")}</h1>
        <p class="lead">
            {format!("{} ", t("admin-import-lead-columns"))}
            <code>{IMPORT_COLUMNS.join(",")}</code>
            {format!(" {} ", t("admin-import-lead-optional"))}
            <code>"job_title"</code>
            {t("admin-import-lead-roles")}
        </p>
        <p>{t("admin-import-lead-rules")}</p>
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
                                {t_with("admin-import-button", &[("count", count.into())])}
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
            <label for="import-csv">{t("admin-import-csv")}</label>
            <textarea id="import-csv" name="csv" rows="10" spellcheck="false" required node_ref=area>
                {csv}
            </textarea>
            <FormError error=preview_error />
            <button type="submit" disabled=move || preview.pending().get()>
                {t("admin-import-preview")}
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
                <label for="import-file">{t("admin-import-choose-file")}</label>
                <input id="import-file" type="file" accept=".csv,text/csv" on:change=pick />
                <p class="hint">{t("admin-import-or-paste")}</p>
            }
        })
    }
}

/// Every line with what it would do; every problem, by line.
#[component]
fn PreviewTable(preview: ImportPreview) -> impl IntoView {
    let summary = t_with(
        "admin-import-summary",
        &[
            ("invite", (preview.count(ImportAction::Invite)).into()),
            ("update", (preview.count(ImportAction::Update)).into()),
            ("unchanged", (preview.count(ImportAction::Unchanged)).into()),
        ],
    );
    let problems = (!preview.problems.is_empty()).then(|| {
        view! {
            <div class="problems" role="alert">
                <p>{t("admin-import-problems")}</p>
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
            <h2 id="preview-heading">{t("admin-import-preview")}</h2>
            <p class="coverage">{summary}</p>
            {problems}
            <div class="table-scroll">
                <table class="import-preview">
                    <thead>
                        <tr>
                            <th scope="col">{t("admin-import-col-line")}</th>
                            <th scope="col">{t("admin-col-name")}</th>
                            <th scope="col">{t("admin-col-email")}</th>
                            <th scope="col">{t("admin-col-manager")}</th>
                            <th scope="col">{t("admin-col-role")}</th>
                            <th scope="col">{t("admin-col-function")}</th>
                            <th scope="col">{t("admin-import-col-does")}</th>
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
    let summary = t_with(
        "admin-import-done",
        &[
            ("invited", done.invited.len().into()),
            ("updated", done.updated.into()),
            ("unchanged", done.unchanged.into()),
        ],
    );
    view! {
        <section class="import-done" aria-labelledby="done-heading">
            <h2 id="done-heading">{t("admin-import-done-heading")}</h2>
            <p role="status">{summary}</p>
            {done
                .invited
                .into_iter()
                .map(|sent| view! { <InvitationLink sent /> })
                .collect_view()}
        </section>
    }
}
