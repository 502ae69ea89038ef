use crate::i18n::{t, t_with};
use leptos::prelude::*;

/// A taste of the editor: type a vision and watch it take shape. Works as a plain input
/// before hydration; the preview and count come alive once the WASM has loaded.
#[component]
pub fn VisionPreview() -> impl IntoView {
    let vision = RwSignal::new(String::new());
    let count = move || vision.with(|v| v.chars().count());

    view! {
        <div class="vision-preview">
            <label for="vision-try">{t("ui-vision-label")}</label>
            <input id="vision-try" type="text" maxlength="280" bind:value=vision />
            <p class="preview">{t("ui-vision-preview")} " " {move || vision.get()}</p>
            <p class="hint">{move || t_with("ui-vision-characters", &[("count", count().into())])}</p>
        </div>
    }
}
