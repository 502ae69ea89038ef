//! A measure on the V2MOM page: its figures, progress, latest status, trend chart and, for
//! those who may, the form that adds a check-in (a plain form post without JavaScript, an
//! `ActionForm` once hydrated).

use crate::i18n::{t, t_with};
use crate::{
    api::AddCheckIn,
    components::{ErrorSummary, ProgressBar, TrendChart},
    error::AppError,
    i18n::{date, date_time, language},
    model::{CheckIn, CheckInStatus, Measure, MeasureKind, check_in_field},
};
use leptos::prelude::*;

/// One measure with how it is going.
#[component]
pub fn MeasureTracking(
    v2mom: i64,
    measure: Measure,
    check_ins: Vec<CheckIn>,
    can_check_in: bool,
    action: ServerAction<AddCheckIn>,
    errors: Signal<Option<AppError>>,
) -> impl IntoView {
    let lang = language();
    let id = measure.id.unwrap_or_default();
    let figures = match (measure.kind, measure.target) {
        (MeasureKind::Done, _) => Some(t("v2mom-done-not-done")),
        (_, Some(target)) => Some(t_with(
            "v2mom-figures",
            &[
                (
                    "start",
                    (measure.value_text(measure.start.unwrap_or(0.0))).into(),
                ),
                ("target", (measure.value_text(target)).into()),
                ("direction", measure.direction.as_str().into()),
            ],
        )),
        (_, None) => None,
    };
    let latest = measure.latest.clone().map(|latest| {
        view! {
            <span class=format!("measure-status measure-{}", latest.status.as_str())>
                {latest.status.label()}
            </span>
            <span class="latest">
                {t_with("v2mom-latest", &[("value", (measure.value_text(latest.value)).into()), ("when", (date_time(lang, &latest.at)).into())])}
            </span>
        }
    });
    view! {
        <li class="measure" id=format!("measure-{id}")>
            <div class="measure-head">
                <span class="description">{measure.description.clone()}</span>
                {figures.map(|f| view! { <span class="figures">{f}</span> })}
                {(!measure.due_on.is_empty())
                    .then(|| {
                        view! {
                            <span class="due">
                                {t_with("v2mom-due", &[("date", (date(lang, &measure.due_on)).into())])}
                            </span>
                        }
                    })}
            </div>
            <div class="measure-progress">
                <ProgressBar percent=measure.progress label=measure.description.clone() />
                {latest}
            </div>
            {(!check_ins.is_empty())
                .then(|| view! { <TrendChart measure=measure.clone() check_ins=check_ins.clone() /> })}
            {can_check_in.then(|| view! { <CheckInForm v2mom measure=measure.clone() action errors /> })}
        </li>
    }
}

/// Adds a check-in on `measure`; every field shows its own message.
#[component]
fn CheckInForm(
    v2mom: i64,
    measure: Measure,
    action: ServerAction<AddCheckIn>,
    errors: Signal<Option<AppError>>,
) -> impl IntoView {
    let id = measure.id.unwrap_or_default();
    // The page's check-in forms share one action: this one summarises its own fields.
    let own = check_in_field(id, "");
    let own = own.trim_end_matches(']').to_owned();
    let own_errors = Signal::derive(move || match errors.get()? {
        AppError::Invalid { fields } => {
            let fields: Vec<_> = fields
                .into_iter()
                .filter(|f| f.field.starts_with(&own))
                .collect();
            (!fields.is_empty()).then_some(AppError::Invalid { fields })
        }
        _ => None,
    });
    let message = move |part: &'static str| {
        let name = check_in_field(id, part);
        move || errors.with(|e| e.as_ref().and_then(|e| e.field(&name)).map(str::to_owned))
    };
    let invalid = move |part: &'static str| {
        let message = message(part);
        move || message().is_some().then_some("true")
    };
    // `field-` and the name the server's messages use, so the error summary links here.
    let field_id = move |part: &str| format!("field-{}", check_in_field(id, part));
    let message_id = move |part: &str| format!("{}-message", field_id(part));
    let value_input = match measure.kind {
        MeasureKind::Done => view! {
            <select
                id=field_id("value")
                name="value"
                aria-invalid=invalid("value")
                aria-describedby=message_id("value")
            >
                <option value="1">{t("v2mom-check-in-done")}</option>
                <option value="0">{t("v2mom-check-in-not-done")}</option>
            </select>
        }
        .into_any(),
        _ => view! {
            <input
                id=field_id("value")
                name="value"
                type="number"
                step="any"
                required=true
                aria-invalid=invalid("value")
                aria-describedby=message_id("value")
            />
        }
        .into_any(),
    };
    let value_label = match measure.kind {
        MeasureKind::Number if !measure.unit.is_empty() => t_with(
            "v2mom-value-now-unit",
            &[("unit", measure.unit.clone().into())],
        ),
        MeasureKind::Percent => t("v2mom-value-now-percent"),
        _ => t("v2mom-value-now"),
    };
    view! {
        <ActionForm action attr:class="check-in no-print">
            <input type="hidden" name="id" value=v2mom />
            <input type="hidden" name="measure" value=id />
            <ErrorSummary error=own_errors />
            <fieldset>
                <legend>
                    {t_with("v2mom-check-in-on", &[("measure", measure.description.clone().into())])}
                </legend>
                <div class="field">
                    <label for=field_id("value")>{value_label}</label>
                    {value_input}
                    <p class="field-message" id=message_id("value")>
                        {message("value")}
                    </p>
                </div>
                <div class="field">
                    <label for=field_id("status")>{t("v2mom-status")}</label>
                    <select
                        id=field_id("status")
                        name="status"
                        aria-invalid=invalid("status")
                        aria-describedby=message_id("status")
                    >
                        {CheckInStatus::ALL
                            .into_iter()
                            .map(|s| view! { <option value=s.as_str()>{s.label()}</option> })
                            .collect_view()}
                    </select>
                    <p class="field-message" id=message_id("status")>
                        {message("status")}
                    </p>
                </div>
                <div class="field">
                    <label for=field_id("comment")>{t("v2mom-comment-optional")}</label>
                    <textarea
                        id=field_id("comment")
                        name="comment"
                        rows="2"
                        aria-invalid=invalid("comment")
                        aria-describedby=message_id("comment")
                    ></textarea>
                    <p class="field-message" id=message_id("comment")>
                        {message("comment")}
                    </p>
                </div>
                <button type="submit" disabled=move || action.pending().get()>
                    {t("v2mom-check-in")}
                </button>
            </fieldset>
        </ActionForm>
    }
}
