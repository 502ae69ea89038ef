//! Links out of a V2MOM's page: the methods a method aligns with, and the V2MOM as a file.

use crate::i18n::t;
use crate::model::MethodLink;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub(super) fn Links(label: String, links: Vec<MethodLink>) -> impl IntoView {
    (!links.is_empty()).then(|| {
        view! {
            <p class="alignment">
                {label} ": "
                {links
                    .into_iter()
                    .map(|l| {
                        view! {
                            <A href=format!("/v2moms/{}", l.v2mom_id)>
                                {format!("{} ({})", l.method_title, l.owner_name)}
                            </A>
                            " "
                        }
                    })
                    .collect_view()}
            </p>
        }
    })
}

/// The V2MOM as a file: plain links with `download`, so the router leaves them to the
/// browser. Printing needs no button: the print stylesheet lays the page out for A4.
#[component]
pub(super) fn Downloads(id: i64) -> impl IntoView {
    let link = move |extension: &'static str, label: &'static str| {
        view! {
            <a href=format!("/v2moms/{id}/export.{extension}") download rel="external">
                {label}
            </a>
        }
    };
    view! {
        <span class="downloads">
            {t("v2mom-download")}
            " "
            {link("md", "Markdown")}
            " · "
            {link("json", "JSON")}
            " · "
            {link("csv", "CSV")}
        </span>
    }
}
