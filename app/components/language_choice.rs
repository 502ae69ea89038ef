//! Choosing one's interface language (the profile page).

use crate::i18n::t;
use crate::{
    api::{SetMyLanguage, my_language},
    components::{ErrorPage, FormActions, action_error},
    i18n::Lang,
};
use leptos::prelude::*;

/// The language menu: automatic (the browser's) or one of ours. Once saved the page is
/// loaded again, so everything on it (the server's parts too) is in the new language.
#[component]
pub fn LanguageChoice() -> impl IntoView {
    let save = ServerAction::<SetMyLanguage>::new();
    let error = action_error(save);
    let chosen = Resource::new(|| (), |_| my_language());
    Effect::new(move || {
        if matches!(save.value().get(), Some(Ok(()))) {
            let _ = window().location().reload();
        }
    });
    view! {
        <section aria-labelledby="language-heading" class="narrow">
            <h2 id="language-heading">{t("language-heading")}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match chosen.await {
                        Ok(chosen) => view! { <LanguageForm chosen save error /> }.into_any(),
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn LanguageForm(
    chosen: Option<Lang>,
    save: ServerAction<SetMyLanguage>,
    error: Signal<Option<crate::error::AppError>>,
) -> impl IntoView {
    let options = Lang::ALL.map(|lang| {
        view! {
            <option value=lang.code() lang=lang.code() selected=chosen == Some(lang)>
                {lang.name()}
            </option>
        }
    });
    view! {
        <ActionForm action=save>
            <div class="field">
                <label for="field-language">{t("language-label")}</label>
                <select id="field-language" name="language" aria-describedby="field-language-message">
                    <option value="" selected=chosen.is_none()>
                        {t("language-automatic")}
                    </option>
                    {options}
                </select>
                <p class="field-message" id="field-language-message">
                    {move || {
                        error
                            .with(|e| e.as_ref().and_then(|e| e.field("language")).map(str::to_owned))
                            .unwrap_or_else(|| crate::i18n::t("language-hint"))
                    }}
                </p>
            </div>
            <FormActions error pending=save.pending() label=t("language-save") />
        </ActionForm>
    }
}
