//! Previous / next links for a paged list.

use leptos::prelude::*;

/// `link(n)` is the address of page `n`.
#[component]
pub fn Pager(page: u32, pages: u32, link: impl Fn(u32) -> String) -> impl IntoView {
    view! {
        <nav aria-label="Pages" class="pager">
            {(page > 1).then(|| view! { <a href=link(page - 1) rel="prev">"Previous"</a> })}
            <span>{format!("Page {page} of {pages}")}</span>
            {(page < pages).then(|| view! { <a href=link(page + 1) rel="next">"Next"</a> })}
        </nav>
    }
}
