//! The editor: vision, values and methods (with their obstacles and measures) on one page.
//!
//! The form is the source of truth. It posts as a plain form without JavaScript; once
//! hydrated, moves and removals happen in the browser (the form is read, changed with the
//! same [`EditOp`] the server applies, and drawn again), fields are checked as you type,
//! a draft is kept in localStorage, and leaving with unsaved changes asks first.
//!
//! A published V2MOM is amended: the editor edits its amendment (the first save starts one),
//! and readers keep seeing the publication until the amendment is published.

use crate::{
    api::{DiscardUnsaved, SaveV2mom, alignment_choices, get_v2mom},
    components::{ErrorPage, FormError, action_error, element_text},
    error::AppError,
    model::{
        Direction, EditOp, Item, Measure, MeasureKind, Method, V2momContent, V2momPage, V2momStatus,
        ValueItem, diff::changes, field,
    },
};
use leptos::{form::FromFormData, html, prelude::*};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn V2momEditPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()));
    let data = Resource::new(id, |id| async move {
        let id = id.ok_or(AppError::NotFound)?;
        let page = get_v2mom(id).await?;
        if !page.can_edit {
            return Err(AppError::Forbidden);
        }
        let choices = alignment_choices(id).await?;
        Ok::<_, AppError>((page, choices))
    });
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((page, choices)) => view! { <Editor page choices /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Everything the rows need to draw themselves.
#[derive(Clone, Copy)]
struct Ctx {
    errors: Signal<Option<AppError>>,
    choices: StoredValue<Vec<(i64, String)>>,
    /// Applies a move or removal in the browser (hydrated only).
    apply: Callback<EditOp>,
}

#[component]
fn Editor(page: V2momPage, choices: Vec<(i64, String)>) -> impl IntoView {
    let v2mom = page.v2mom;
    let id = v2mom.id;
    let form = NodeRef::<html::Form>::new();
    // A refused save without JavaScript comes back here: the form shows what was sent.
    let returned = RwSignal::new(page.unsaved.is_some());
    // A published V2MOM's editor works on its amendment.
    let working = v2mom.working_content().clone();
    let amending = v2mom.status == V2momStatus::Published;
    let content = RwSignal::new(
        page.unsaved
            .unwrap_or_else(|| working.clone())
            .with_blank_rows(),
    );
    let version = RwSignal::new(v2mom.version);
    let saved_content = StoredValue::new(working.clone());
    let dirty = RwSignal::new(returned.get_untracked());
    let local_errors = RwSignal::new(None::<AppError>);
    let save = ServerAction::<SaveV2mom>::new();
    let server_error = action_error(save);
    let errors = Signal::derive(move || local_errors.get().or_else(|| server_error.get()));
    let conflict = Signal::derive(move || server_error.get() == Some(AppError::Conflict));

    // The form as it stands, parsed the way the server parses it.
    let read_form = move || -> Option<V2momContent> {
        let data = leptos::web_sys::FormData::new_with_form(&form.get_untracked()?).ok()?;
        V2momContent::from_form_data(&data).ok()
    };
    // The user's text: the live form, or before hydration what the form was drawn from.
    let mine = move || read_form().unwrap_or_else(|| content.get_untracked());
    let apply = Callback::new(move |op: EditOp| {
        if let Some(mut now) = read_form() {
            now.apply(op);
            let now = now.with_blank_rows();
            let focus = new_row_field(&now, op);
            content.set(now);
            dirty.set(true);
            // After an "add", the cursor goes to the empty row it offers.
            if let Some(id) = focus {
                request_animation_frame(move || {
                    if let Some(element) = document().get_element_by_id(&format!("field-{id}")) {
                        let _ = leptos::wasm_bindgen::JsCast::unchecked_ref::<
                            leptos::web_sys::HtmlElement,
                        >(&element)
                        .focus();
                    }
                });
            }
        }
    });
    let draft_key = format!("v2mom-draft-{id}");
    let on_input = {
        let draft_key = draft_key.clone();
        move |_| {
            if let Some(mut now) = read_form() {
                dirty.set(now.clone().without_blank_rows() != saved_content.get_value());
                local_errors.set(now.check(false).into_result().err());
                drafts::keep(&draft_key, &now);
            }
        }
    };
    // A successful save: the new version is the one to name next time.
    Effect::new({
        let draft_key = draft_key.clone();
        move |_| {
            if let Some(Ok(saved)) = save.value().get() {
                version.set(saved.version);
                if let Some(now) = read_form() {
                    saved_content.set_value(now.without_blank_rows());
                }
                dirty.set(false);
                returned.set(false);
                drafts::forget(&draft_key);
            }
        }
    });
    leave_guard(dirty);
    let restorable = RwSignal::new(None::<V2momContent>);
    Effect::new({
        let draft_key = draft_key.clone();
        let stored = working.clone();
        move |_| {
            restorable
                .set(drafts::find(&draft_key).filter(|d| d.clone().without_blank_rows() != stored));
        }
    });

    let ctx = Ctx {
        errors,
        choices: StoredValue::new(choices),
        apply,
    };
    let saved_message = move || {
        matches!(save.value().get(), Some(Ok(_))).then(|| {
            view! {
                <p role="status">
                    "Saved. " <a href=format!("/v2moms/{id}")>"View the V2MOM"</a>
                </p>
            }
        })
    };
    let heading = format!("{} · {}", v2mom.owner.name, v2mom.period.name);
    let review_comment = v2mom
        .amendment
        .as_ref()
        .map_or(&v2mom.review_comment, |a| &a.review_comment)
        .clone();
    let status = match &v2mom.amendment {
        Some(amendment) => format!(
            "Published · amendment {}",
            amendment.status.label().to_lowercase()
        ),
        None => v2mom.status.label().to_owned(),
    };
    view! {
        <Title text=format!("Edit {heading}") />
        <section class="editor">
            <h1>{if amending { "Amend V2MOM" } else { "Edit V2MOM" }}</h1>
            <p class="lead">{heading} " · " {status}</p>
            {amending
                .then(|| {
                    view! {
                        <div class="notice amending" role="note">
                            <strong>
                                "You are amending this V2MOM: readers still see the published version."
                            </strong>
                            " Saving keeps your changes in the amendment; publish it (or submit it \
                             for review) from the V2MOM's page."
                        </div>
                    }
                })}
            {(!review_comment.is_empty())
                .then(|| {
                    view! {
                        <div class="notice" role="note">
                            <strong>"Returned by your manager: "</strong>
                            {review_comment.clone()}
                        </div>
                    }
                })}
            {move || {
                restorable
                    .get()
                    .map(|draft| {
                        let forget_key = draft_key.clone();
                        view! {
                            <div class="notice" role="alert">
                                <p>"This browser kept changes you had not saved."</p>
                                <button
                                    type="button"
                                    on:click=move |_| {
                                        content.set(draft.clone().with_blank_rows());
                                        dirty.set(true);
                                        restorable.set(None);
                                    }
                                >
                                    "Restore my unsaved changes"
                                </button>
                                <button
                                    type="button"
                                    class="secondary"
                                    on:click=move |_| {
                                        drafts::forget(&forget_key);
                                        restorable.set(None);
                                    }
                                >
                                    "Discard them"
                                </button>
                            </div>
                        }
                    })
            }}
            {move || {
                returned
                    .get()
                    .then(|| {
                        view! {
                            <UnsavedNotice
                                id
                                discarded=Callback::new(move |()| {
                                    content.set(saved_content.get_value().with_blank_rows());
                                    returned.set(false);
                                    dirty.set(false);
                                })
                            />
                        }
                    })
            }}
            <ConflictNotice id conflict version mine />
            <ActionForm action=save node_ref=form on:input=on_input>
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="version" value=move || version.get().to_string() />
                {move || {
                    let c = content.get();
                    view! { <ContentFields content=c ctx /> }
                }}
                <FormError error=errors />
                <div class="form-actions">
                    <button type="submit" disabled=move || save.pending().get()>
                        "Save"
                    </button>
                    <a href=format!("/v2moms/{id}") class="button secondary">
                        "Done"
                    </a>
                    <span class="unsaved" aria-live="polite">
                        {move || dirty.get().then_some("Unsaved changes")}
                    </span>
                </div>
                {saved_message}
            </ActionForm>
        </section>
    }
}

/// The form holds text from a save that was refused (without JavaScript); it can be
/// corrected and saved, or dropped for what is stored.
#[component]
fn UnsavedNotice(id: i64, discarded: Callback<()>) -> impl IntoView {
    let discard = ServerAction::<DiscardUnsaved>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = discard.value().get() {
            discarded.run(());
        }
    });
    view! {
        <div class="notice" role="alert">
            <p>
                "Your changes were not saved yet. They are in the form below: correct what is \
                 marked and save again."
            </p>
            <ActionForm action=discard>
                <input type="hidden" name="id" value=id />
                <button type="submit" class="secondary">
                    "Discard my changes"
                </button>
            </ActionForm>
        </div>
    }
}

/// Someone saved first: the user's text stays in the form; they see what the other save
/// changed and may save theirs over it.
#[component]
fn ConflictNotice(
    id: i64,
    conflict: Signal<bool>,
    version: RwSignal<i64>,
    mine: impl Fn() -> V2momContent + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let theirs = Resource::new(
        move || conflict.get(),
        move |conflict| async move {
            if conflict {
                get_v2mom(id).await.ok()
            } else {
                None
            }
        },
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                theirs
                    .await
                    .map(|page| {
                        let mine = mine().without_blank_rows();
                        let theirs_version = page.v2mom.version;
                        let differences = changes(&mine, page.v2mom.working_content());
                        let saved_by = page
                            .v2mom
                            .amendment
                            .as_ref()
                            .map_or(&page.v2mom.updated_by, |a| &a.updated_by)
                            .name
                            .clone();
                        view! {
                            <div class="notice conflict" role="alert">
                                <p>
                                    <strong>
                                        {format!(
                                            "{saved_by} saved this V2MOM while you were editing.",
                                        )}
                                    </strong>
                                    " Your text is still in the form. Where theirs differs:"
                                </p>
                                <ul class="changes">
                                    {differences
                                        .into_iter()
                                        .map(|c| {
                                            view! {
                                                <li>
                                                    <strong>{c.label}</strong>
                                                    ": theirs “"
                                                    {c.after}
                                                    "”, yours “"
                                                    {c.before}
                                                    "”"
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                                <button
                                    type="button"
                                    on:click=move |_| version.set(theirs_version)
                                >
                                    "Keep my text (then save to replace theirs)"
                                </button>
                            </div>
                        }
                    })
            })}
        </Transition>
    }
}

#[component]
fn ContentFields(content: V2momContent, ctx: Ctx) -> impl IntoView {
    let values = content.values.len();
    let methods = content.methods.len();
    view! {
        <TextField label="Title" name="title".into() value=content.title ctx required=false />
        <TextField
            label="Vision"
            name="vision".into()
            value=content.vision
            ctx
            multiline=true
            hint="What do you want to achieve?"
        />
        <fieldset class="values">
            <legend>"Values"</legend>
            <p class="hint">"What matters while you pursue it, most important first."</p>
            <FieldMessage name="values".into() ctx />
            <ol>
                {content
                    .values
                    .into_iter()
                    .enumerate()
                    .map(|(i, value)| view! { <ValueRow i value last=i + 1 == values ctx /> })
                    .collect_view()}
            </ol>
            <AddButton op=EditOp::AddValue label="Add value" ctx />
        </fieldset>
        <fieldset class="methods">
            <legend>"Methods"</legend>
            <p class="hint">"How you will get there: the actions, highest priority first."</p>
            <FieldMessage name="methods".into() ctx />
            <ol>
                {content
                    .methods
                    .into_iter()
                    .enumerate()
                    .map(|(m, method)| view! { <MethodRow m method last=m + 1 == methods ctx /> })
                    .collect_view()}
            </ol>
            <AddButton op=EditOp::AddMethod label="Add method" ctx />
        </fieldset>
    }
}

#[component]
fn ValueRow(i: usize, value: ValueItem, last: bool, ctx: Ctx) -> impl IntoView {
    view! {
        <li class="row">
            <TextField
                label=if last { "New value" } else { "Value" }
                name=field::value(i, "name")
                value=value.name
                ctx
                required=false
            />
            <TextField
                label="Description"
                name=field::value(i, "description")
                value=value.description
                ctx
                required=false
            />
            {(!last).then(|| view! { <RowButtons item=Item::Value(i) ctx /> })}
        </li>
    }
}

#[component]
fn MethodRow(m: usize, method: Method, last: bool, ctx: Ctx) -> impl IntoView {
    let obstacles = method.obstacles.len();
    let measures = method.measures.len();
    let aligned_to = method.aligned_to;
    let choices = ctx.choices.get_value();
    view! {
        <li class="row method">
            <input
                type="hidden"
                name=field::method(m, "id")
                value=method.id.map(|id| id.to_string()).unwrap_or_default()
            />
            <TextField
                label=if last { "New method" } else { "Method" }
                name=field::method(m, "title")
                value=method.title
                ctx
                required=false
            />
            <TextField
                label="Description"
                name=field::method(m, "description")
                value=method.description
                ctx
                required=false
                multiline=true
            />
            {(!choices.is_empty())
                .then(|| {
                    let name = field::method(m, "aligned_to");
                    let id = format!("field-{name}");
                    view! {
                        <div class="field">
                            <label for=id.clone()>"Aligned to my manager's method"</label>
                            <select id=id name=name.clone()>
                                <option value="" selected=aligned_to.is_none()>
                                    "Not aligned"
                                </option>
                                {choices
                                    .into_iter()
                                    .map(|(choice, title)| {
                                        view! {
                                            <option
                                                value=choice
                                                selected=aligned_to == Some(choice)
                                            >
                                                {title}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                            <FieldMessage name ctx />
                        </div>
                    }
                })}
            <fieldset class="obstacles">
                <legend>"Obstacles"</legend>
                <ol>
                    {method
                        .obstacles
                        .into_iter()
                        .enumerate()
                        .map(|(i, obstacle)| {
                            let last = i + 1 == obstacles;
                            view! {
                                <li class="row">
                                    <TextField
                                        label=if last { "New obstacle" } else { "Obstacle" }
                                        name=field::obstacle(m, i)
                                        value=obstacle
                                        ctx
                                        required=false
                                    />
                                    {(!last)
                                        .then(|| {
                                            view! {
                                                <RowButtons
                                                    item=Item::Obstacle { method: m, index: i }
                                                    ctx
                                                />
                                            }
                                        })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
                <AddButton op=EditOp::AddObstacle { method: m } label="Add obstacle" ctx />
            </fieldset>
            <fieldset class="measures">
                <legend>"Measures"</legend>
                <ol>
                    {method
                        .measures
                        .into_iter()
                        .enumerate()
                        .map(|(i, measure)| {
                            view! { <MeasureRow m i measure last=i + 1 == measures ctx /> }
                        })
                        .collect_view()}
                </ol>
                <AddButton op=EditOp::AddMeasure { method: m } label="Add measure" ctx />
            </fieldset>
            {(!last).then(|| view! { <RowButtons item=Item::Method(m) ctx /> })}
        </li>
    }
}

#[component]
fn MeasureRow(m: usize, i: usize, measure: Measure, last: bool, ctx: Ctx) -> impl IntoView {
    let number = |n: Option<f64>| n.map(|n| n.to_string()).unwrap_or_default();
    view! {
        <li class="row measure">
            <input
                type="hidden"
                name=field::measure(m, i, "id")
                value=measure.id.map(|id| id.to_string()).unwrap_or_default()
            />
            <TextField
                label=if last { "New measure" } else { "Measure" }
                name=field::measure(m, i, "description")
                value=measure.description
                ctx
                required=false
            />
            <div class="measure-numbers">
                <Choice
                    label="Kind"
                    name=field::measure(m, i, "kind")
                    options=MeasureKind::ALL.map(|k| (k.as_str(), k.label())).to_vec()
                    selected=measure.kind.as_str()
                    ctx
                />
                <TextField
                    label="Start"
                    name=field::measure(m, i, "start")
                    value=number(measure.start)
                    ctx
                    required=false
                    kind="number"
                    hint="Numbers and percentages; empty is 0."
                />
                <TextField
                    label="Target"
                    name=field::measure(m, i, "target")
                    value=number(measure.target)
                    ctx
                    required=false
                    kind="number"
                />
                <TextField
                    label="Unit"
                    name=field::measure(m, i, "unit")
                    value=measure.unit
                    ctx
                    required=false
                    hint="For numbers: customers, ms, €."
                />
                <Choice
                    label="Direction"
                    name=field::measure(m, i, "direction")
                    options=Direction::ALL.map(|d| (d.as_str(), d.label())).to_vec()
                    selected=measure.direction.as_str()
                    ctx
                />
                <TextField
                    label="Due"
                    name=field::measure(m, i, "due_on")
                    value=measure.due_on
                    ctx
                    required=false
                    kind="date"
                />
            </div>
            {(!last).then(|| view! { <RowButtons item=Item::Measure { method: m, index: i } ctx /> })}
        </li>
    }
}

/// A labelled select with its own message from the last check.
#[component]
fn Choice(
    label: &'static str,
    name: String,
    options: Vec<(&'static str, &'static str)>,
    selected: &'static str,
    ctx: Ctx,
) -> impl IntoView {
    let id = format!("field-{name}");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name.clone()>
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        view! {
                            <option value=value selected=value == selected>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <FieldMessage name ctx />
        </div>
    }
}

/// The first field of the empty row an "add" leaves the cursor in.
fn new_row_field(content: &V2momContent, op: EditOp) -> Option<String> {
    let last = |n: usize| n.saturating_sub(1);
    match op {
        EditOp::AddValue => Some(field::value(last(content.values.len()), "name")),
        EditOp::AddMethod => Some(field::method(last(content.methods.len()), "title")),
        EditOp::AddObstacle { method } => content
            .methods
            .get(method)
            .map(|m| field::obstacle(method, last(m.obstacles.len()))),
        EditOp::AddMeasure { method } => content
            .methods
            .get(method)
            .map(|m| field::measure(method, last(m.measures.len()), "description")),
        _ => None,
    }
}

/// "Add …": offers an empty row to fill in (there is always one; this brings the cursor
/// to it, and without JavaScript saves what is there first).
#[component]
fn AddButton(op: EditOp, label: &'static str, ctx: Ctx) -> impl IntoView {
    view! {
        <button
            type="submit"
            name="op"
            value=op.encode()
            class="secondary"
            on:click=move |ev| {
                ev.prevent_default();
                ctx.apply.run(op);
            }
        >
            {label}
        </button>
    }
}

/// Move up, move down and remove: submit buttons that post the form without JavaScript
/// (the server applies the op and saves) and act in the browser once hydrated.
#[component]
fn RowButtons(item: Item, ctx: Ctx) -> impl IntoView {
    let button = move |op: EditOp, label: &'static str, text: &'static str| {
        view! {
            <button
                type="submit"
                name="op"
                value=op.encode()
                class="icon secondary"
                aria-label=label
                title=label
                on:click=move |ev| {
                    ev.prevent_default();
                    ctx.apply.run(op);
                }
            >
                {text}
            </button>
        }
    };
    view! {
        <div class="row-buttons">
            {button(EditOp::MoveUp(item), "Move up", "↑")}
            {button(EditOp::MoveDown(item), "Move down", "↓")}
            {button(EditOp::Remove(item), "Remove", "✕")}
        </div>
    }
}

/// A labelled input or textarea with its own message from the last check.
#[component]
fn TextField(
    label: &'static str,
    name: String,
    value: String,
    ctx: Ctx,
    #[prop(default = false)] multiline: bool,
    #[prop(default = true)] required: bool,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] hint: &'static str,
) -> impl IntoView {
    // Numbers may have decimals.
    let step = (kind == "number").then_some("any");
    let id = format!("field-{name}");
    let message_id = format!("{id}-message");
    let errors = ctx.errors;
    let invalid = {
        let name = name.clone();
        move || {
            errors
                .with(|e| e.as_ref().and_then(|e| e.field(&name)).is_some())
                .then_some("true")
        }
    };
    let input = if multiline {
        view! {
            <textarea
                id=id.clone()
                name=name.clone()
                rows="3"
                required=required
                aria-invalid=invalid
                aria-describedby=message_id.clone()
            >
                {element_text(&value)}
            </textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                name=name.clone()
                type=kind
                step=step
                value=value
                required=required
                aria-invalid=invalid
                aria-describedby=message_id.clone()
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {input}
            <p class="field-message" id=message_id>
                {move || {
                    errors
                        .with(|e| e.as_ref().and_then(|e| e.field(&name)).map(str::to_owned))
                        .unwrap_or_else(|| hint.to_owned())
                }}
            </p>
        </div>
    }
}

/// The message for a whole list (e.g. "add at least one method").
#[component]
fn FieldMessage(name: String, ctx: Ctx) -> impl IntoView {
    let errors = ctx.errors;
    view! {
        <p class="field-message" role="alert">
            {move || errors.with(|e| e.as_ref().and_then(|e| e.field(&name)).map(str::to_owned))}
        </p>
    }
}

/// Asks before the page is left with unsaved changes.
fn leave_guard(dirty: RwSignal<bool>) {
    #[cfg(feature = "hydrate")]
    {
        let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
            if dirty.get_untracked() {
                ev.prevent_default();
                ev.set_return_value("");
            }
        });
        on_cleanup(move || handle.remove());
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = dirty;
}

/// Unsaved editor content kept in this browser, so a closed tab or an expired session
/// loses nothing. Nothing leaves the browser.
mod drafts {
    use crate::model::V2momContent;

    fn storage() -> Option<leptos::web_sys::Storage> {
        #[cfg(feature = "hydrate")]
        return leptos::prelude::window().local_storage().ok().flatten();
        #[cfg(not(feature = "hydrate"))]
        None
    }

    pub fn keep(key: &str, content: &V2momContent) {
        if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(content)) {
            let _ = storage.set_item(key, &json);
        }
    }

    pub fn find(key: &str) -> Option<V2momContent> {
        let json = storage()?.get_item(key).ok()??;
        serde_json::from_str(&json).ok()
    }

    pub fn forget(key: &str) {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(key);
        }
    }
}
