//! Choosing which period a view shows: a plain GET form, so it works without JavaScript and
//! the chosen period stays in the address.

use crate::i18n::t;
use crate::model::Period;
use leptos::prelude::*;

/// A period select posting `?period=` to `action`; `keep` adds hidden parameters to carry
/// along (a sort order).
#[component]
pub fn PeriodPicker(
    /// The page's path.
    action: &'static str,
    /// The select's id, unique on the page.
    id: &'static str,
    periods: Vec<Period>,
    chosen: Option<i64>,
    #[prop(optional)] keep: Vec<(&'static str, String)>,
) -> impl IntoView {
    view! {
        <form method="get" action=action class="inline-form" aria-label=t("ui-period-picker-label")>
            <div class="field">
                <label for=id>{t("ui-period-picker-label")}</label>
                <select id=id name="period">
                    {periods
                        .into_iter()
                        .map(|p| {
                            view! {
                                <option value=p.id selected=Some(p.id) == chosen>
                                    {p.name}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            {keep
                .into_iter()
                .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
                .collect_view()}
            <button type="submit" class="secondary">{t("ui-period-picker-show")}</button>
        </form>
    }
}
