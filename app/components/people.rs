//! Choosing a role and a manager; an invitation link to pass on.

use crate::i18n::{t, t_with};
use crate::{
    api::manager_choices,
    error::AppError,
    model::{Delivery, InvitationSent, Role},
};
use leptos::prelude::*;

#[component]
pub fn RoleSelect(selected: Role) -> impl IntoView {
    view! {
        <div class="field">
            <label for="field-role">{t("ui-people-role")}</label>
            <select id="field-role" name="role">
                {Role::ALL
                    .into_iter()
                    .map(|role| view! {
                        <option value=role.as_str() selected=role == selected>{role.label()}</option>
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Whom a manager select offers. Made at the top of the page, not inside the select: a
/// resource made inside a `Suspend` is made (and fetched) again each time the `Suspend` runs.
pub type ManagerChoices = Resource<Result<Vec<(i64, String)>, AppError>>;

/// The resource a [`ManagerSelect`] takes.
pub fn manager_choices_resource() -> ManagerChoices {
    Resource::new(|| (), |_| manager_choices())
}

/// Everyone, plus "no manager"; `exclude` leaves the person being edited out.
#[component]
pub fn ManagerSelect(
    choices: ManagerChoices,
    selected: Option<i64>,
    #[prop(optional)] exclude: Option<i64>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for="field-manager">{t("ui-people-manager")}</label>
            <select id="field-manager" name="manager">
                <option value="" selected=selected.is_none()>{t("ui-people-no-manager")}</option>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        choices
                            .await
                            .unwrap_or_default()
                            .into_iter()
                            .filter(|(id, _)| Some(*id) != exclude)
                            .map(|(id, label)| view! {
                                <option value=id.to_string() selected=Some(id) == selected>{label}</option>
                            })
                            .collect_view()
                    })}
                </Suspense>
            </select>
            <p class="field-message"></p>
        </div>
    }
}

/// After an invitation: that it was mailed, or the link to pass on (shown only now).
#[component]
pub fn InvitationLink(sent: InvitationSent) -> impl IntoView {
    let InvitationSent {
        email,
        link,
        expires_at,
        delivery,
        ..
    } = sent;
    let lead = match delivery {
        Delivery::Mailed => {
            return view! {
                <div class="notice" role="status">
                    <p>
                        {t("ui-invitation-mailed-to")} " " <strong>{email}</strong>
                        {move || t_with("ui-invitation-mailed-until", &[("expires", expires_at.clone().into())])}
                    </p>
                </div>
            }
            .into_any();
        }
        Delivery::ByHand => t("ui-invitation-ready-for"),
        Delivery::MailFailed => t("ui-invitation-mail-failed-ready-for"),
    };
    view! {
        <div class="notice" role="status">
            <p>
                {lead} " " <strong>{email}</strong>
                {t_with("ui-invitation-send-link", &[("expires", expires_at.into())])}
            </p>
            <p><code class="link">{link}</code></p>
        </div>
    }
    .into_any()
}
