//! Previous / next links for a paged list.

use leptos::prelude::*;
use leptos_fluent::move_tr;

/// `link(n)` is the address of page `n`.
#[component]
pub fn Pager(page: u32, pages: u32, link: impl Fn(u32) -> String) -> impl IntoView {
    view! {
        <nav aria-label=move_tr!("ui-pager-label") class="pager">
            {(page > 1)
                .then(|| view! { <a href=link(page - 1) rel="prev">{move_tr!("ui-pager-previous")}</a> })}
            <span>{move_tr!("ui-pager-page-of", { "page" => page, "pages" => pages })}</span>
            {(page < pages)
                .then(|| view! { <a href=link(page + 1) rel="next">{move_tr!("ui-pager-next")}</a> })}
        </nav>
    }
}
