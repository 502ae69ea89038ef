//! The editor's rows: vision and title, values, methods with their obstacles, measures.

use super::{
    Ctx,
    inputs::{AddButton, Choice, FieldMessage, RowButtons, TextField},
};
use crate::i18n::t;
use crate::model::{
    Direction, EditOp, Item, Measure, MeasureKind, Method, V2momContent, ValueItem, field,
};
use leptos::prelude::*;

#[component]
pub(super) fn ContentFields(content: V2momContent, ctx: Ctx) -> impl IntoView {
    let values = content.values.len();
    let methods = content.methods.len();
    view! {
        <TextField
            label=t("v2mom-title")
            name="title".into()
            value=content.title
            ctx
            required=false
        />
        <TextField
            label=t("v2mom-vision")
            name="vision".into()
            value=content.vision
            ctx
            multiline=true
            hint=t("v2mom-vision-hint")
        />
        <fieldset class="values" id="field-values" tabindex="-1">
            <legend>{t("v2mom-values")}</legend>
            <p class="hint">{t("v2mom-values-hint")}</p>
            <FieldMessage name="values".into() ctx />
            <ol>
                {content
                    .values
                    .into_iter()
                    .enumerate()
                    .map(|(i, value)| view! { <ValueRow i value last=i + 1 == values ctx /> })
                    .collect_view()}
            </ol>
            <AddButton op=EditOp::AddValue label=t("v2mom-add-value") ctx />
        </fieldset>
        <fieldset class="methods" id="field-methods" tabindex="-1">
            <legend>{t("v2mom-methods")}</legend>
            <p class="hint">{t("v2mom-methods-hint")}</p>
            <FieldMessage name="methods".into() ctx />
            <ol>
                {content
                    .methods
                    .into_iter()
                    .enumerate()
                    .map(|(m, method)| view! { <MethodRow m method last=m + 1 == methods ctx /> })
                    .collect_view()}
            </ol>
            <AddButton op=EditOp::AddMethod label=t("v2mom-add-method") ctx />
        </fieldset>
    }
}

#[component]
fn ValueRow(i: usize, value: ValueItem, last: bool, ctx: Ctx) -> impl IntoView {
    view! {
        <li class="row">
            <TextField
                label=if last { t("v2mom-new-value") } else { t("v2mom-value") }
                name=field::value(i, "name")
                value=value.name
                ctx
                required=false
            />
            <TextField
                label=t("v2mom-description")
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
                label=if last { t("v2mom-new-method") } else { t("v2mom-method") }
                name=field::method(m, "title")
                value=method.title
                ctx
                required=false
            />
            <TextField
                label=t("v2mom-description")
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
                            <label for=id.clone()>{t("v2mom-aligned-to-manager")}</label>
                            <select
                                id=id
                                name=name.clone()
                                prop:value=aligned_to.map(|a| a.to_string()).unwrap_or_default()
                            >
                                <option value="" selected=aligned_to.is_none()>
                                    {t("v2mom-not-aligned")}
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
                <legend>{t("v2mom-obstacles")}</legend>
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
                                        label=if last {
                                            t("v2mom-new-obstacle")
                                        } else {
                                            t("v2mom-obstacle")
                                        }
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
                <AddButton
                    op=EditOp::AddObstacle { method: m }
                    label=t("v2mom-add-obstacle")
                    ctx
                />
            </fieldset>
            <fieldset class="measures">
                <legend>{t("v2mom-measures")}</legend>
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
                <AddButton
                    op=EditOp::AddMeasure { method: m }
                    label=t("v2mom-add-measure")
                    ctx
                />
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
                label=if last { t("v2mom-new-measure") } else { t("v2mom-measure") }
                name=field::measure(m, i, "description")
                value=measure.description
                ctx
                required=false
            />
            <div class="measure-numbers">
                <Choice
                    label=t("v2mom-measure-kind")
                    name=field::measure(m, i, "kind")
                    options=MeasureKind::ALL.map(|k| (k.as_str(), k.label())).to_vec()
                    selected=measure.kind.as_str()
                    ctx
                />
                <TextField
                    label=t("v2mom-measure-start")
                    name=field::measure(m, i, "start")
                    value=number(measure.start)
                    ctx
                    required=false
                    kind="number"
                    hint=t("v2mom-measure-start-hint")
                />
                <TextField
                    label=t("v2mom-measure-target")
                    name=field::measure(m, i, "target")
                    value=number(measure.target)
                    ctx
                    required=false
                    kind="number"
                />
                <TextField
                    label=t("v2mom-measure-unit")
                    name=field::measure(m, i, "unit")
                    value=measure.unit
                    ctx
                    required=false
                    hint=t("v2mom-measure-unit-hint")
                />
                <Choice
                    label=t("v2mom-measure-direction")
                    name=field::measure(m, i, "direction")
                    options=Direction::ALL.map(|d| (d.as_str(), d.label())).to_vec()
                    selected=measure.direction.as_str()
                    ctx
                />
                <TextField
                    label=t("v2mom-measure-due")
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
