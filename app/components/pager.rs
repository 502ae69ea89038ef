//! Previous / next links for a paged list.

use crate::i18n::{t, t_with};
use leptos::prelude::*;

/// `link(n)` is the address of page `n`.
#[component]
pub fn Pager(page: u32, pages: u32, link: impl Fn(u32) -> String) -> impl IntoView {
    view! {
        <nav aria-label=t("ui-pager-label") class="pager">
            {(page > 1)
                .then(|| view! { <a href=link(page - 1) rel="prev">{t("ui-pager-previous")}</a> })}
            <span>{move || t_with("ui-pager-page-of", &[("page", page.into()), ("pages", pages.into())])}</span>
            {(page < pages)
                .then(|| view! { <a href=link(page + 1) rel="next">{t("ui-pager-next")}</a> })}
        </nav>
    }
}
