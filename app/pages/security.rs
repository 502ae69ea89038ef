//! Your account's security: the second factors (an authenticator app, passkeys) and the
//! recovery codes that come with them.

use crate::i18n::{t, t_with};
use crate::{
    api::{
        ConfirmAuthenticator, RemovePasskey, RenewRecoveryCodes, StartAuthenticator,
        TurnOffSecondFactor, my_second_factor, recovery_codes_shown_once,
    },
    components::{ErrorPage, ErrorSummary, Field, FormActions, ProofField, action_error, use_auth},
    i18n::{date, language},
    model::{RecoveryCodes, SecondFactorStatus, TotpEnrolment, percent_encode},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::security_passkeys::{AddPasskey, Passkeys, add_passkey_action};

#[derive(Clone, Copy)]
struct Actions {
    start: ServerAction<StartAuthenticator>,
    confirm: ServerAction<ConfirmAuthenticator>,
    renew: ServerAction<RenewRecoveryCodes>,
    off: ServerAction<TurnOffSecondFactor>,
    add_passkey: AddPasskey,
    remove_passkey: ServerAction<RemovePasskey>,
}

#[component]
pub fn SecurityPage() -> impl IntoView {
    let actions = Actions {
        start: ServerAction::new(),
        confirm: ServerAction::new(),
        renew: ServerAction::new(),
        off: ServerAction::new(),
        add_passkey: add_passkey_action(),
        remove_passkey: ServerAction::new(),
    };
    let status = Resource::new(
        move || {
            (
                actions.start.version().get(),
                actions.confirm.version().get(),
                actions.renew.version().get(),
                actions.off.version().get(),
                actions.add_passkey.version().get(),
                actions.remove_passkey.version().get(),
            )
        },
        |_| my_second_factor(),
    );
    // Someone who had to set it up may go anywhere once it is on: ask who they are again.
    let auth = use_auth();
    Effect::new(move |_| {
        let added = matches!(actions.add_passkey.value().get(), Some(Ok(_)));
        if added || matches!(actions.confirm.value().get(), Some(Ok(_))) {
            auth.user.refetch();
        }
    });
    // Without JavaScript the codes come back through the session, once; with it, in the
    // action's own answer.
    let kept = Resource::new(|| (), |_| recovery_codes_shown_once());
    view! {
        <Title text=t("account-security") />
        <h1>{t("account-security")}</h1>
        <p>
            {t("account-security-part-of")}
            " "
            <A href="/profile">{t("account-security-your-account")}</A>
            "."
        </p>
        <section aria-labelledby="authenticator-heading" class="narrow">
            <h2 id="authenticator-heading">{t("account-security-authenticator")}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let kept = kept.await.ok().flatten();
                    match status.await {
                        Ok(status) => {
                            let codes = move || {
                                actions
                                    .confirm
                                    .value()
                                    .get()
                                    .and_then(Result::ok)
                                    .or_else(|| actions.renew.value().get().and_then(Result::ok))
                                    .or_else(|| {
                                        actions.add_passkey.value().get().and_then(Result::ok).flatten()
                                    })
                                    .or_else(|| kept.clone())
                                    .map(|codes| view! { <NewRecoveryCodes codes /> })
                            };
                            view! {
                                {codes}
                                <Authenticator status actions />
                            }
                            .into_any()
                        }
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
        <section aria-labelledby="passkeys-heading" class="narrow">
            <h2 id="passkeys-heading">{t("account-security-passkeys")}</h2>
            // A failure to load is shown once, above.
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    status.await.ok().map(|status| {
                        view! {
                            <Passkeys
                                passkeys=status.passkeys
                                add=actions.add_passkey
                                remove=actions.remove_passkey
                            />
                        }
                    })
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Authenticator(status: SecondFactorStatus, actions: Actions) -> impl IntoView {
    let has_one = status.totp_on_since.is_some() || !status.passkeys.is_empty();
    let required = (status.required && !has_one).then(|| {
        view! {
            <p class="notice" role="status">{t("account-security-required")}</p>
        }
    });
    view! {
        {required}
        <AuthenticatorState status actions />
    }
}

#[component]
fn AuthenticatorState(status: SecondFactorStatus, actions: Actions) -> impl IntoView {
    if let Some(since) = status.totp_on_since {
        let state = t_with(
            "account-security-on-since",
            &[
                ("date", (date(language(), &since)).into()),
                ("left", status.recovery_codes_left.into()),
            ],
        );
        return view! {
            <p id="second-factor-state">{state}</p>
            <ActionForm action=actions.renew>
                <ProofFields
                    error=action_error(actions.renew)
                    pending=actions.renew.pending()
                    id_prefix="renew-"
                    label=t("account-security-renew")
                    what=t("account-security-renew-what")
                />
            </ActionForm>
            <ActionForm action=actions.off>
                <ProofFields
                    error=action_error(actions.off)
                    pending=actions.off.pending()
                    id_prefix="off-"
                    label=t("account-security-off")
                    what=t("account-security-off-what")
                />
            </ActionForm>
        }
        .into_any();
    }
    if let Some(enrolment) = status.enrolment {
        return view! { <Enrol enrolment confirm=actions.confirm /> }.into_any();
    }
    let error = action_error(actions.start);
    view! {
        <p id="second-factor-state">{t("account-security-off-state")}</p>
        <ActionForm action=actions.start>
            <FormActions error pending=actions.start.pending() label=t("account-security-set-up") />
        </ActionForm>
    }
    .into_any()
}

#[component]
fn Enrol(enrolment: TotpEnrolment, confirm: ServerAction<ConfirmAuthenticator>) -> impl IntoView {
    let error = action_error(confirm);
    view! {
        <p id="second-factor-state">{t("account-security-scan")}</p>
        <div
            class="qr-code"
            role="img"
            aria-label=t("account-security-qr-label")
            inner_html=enrolment.qr_svg
        />
        <p>
            {t("account-security-key")}
            " "
            <code id="totp-secret">{enrolment.secret}</code>
        </p>
        <ActionForm action=confirm>
            <ErrorSummary error />
            <Field
                label=t("account-security-app-code")
                name="code"
                error
                autocomplete="one-time-code"
            />
            <FormActions error pending=confirm.pending() label=t("account-security-turn-on") />
        </ActionForm>
    }
}

/// What a change that needs a fresh proof asks: the password, or a current code from the
/// app.
#[component]
fn ProofFields(
    #[prop(into)] error: Signal<Option<crate::error::AppError>>,
    #[prop(into)] pending: Signal<bool>,
    id_prefix: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] what: Signal<String>,
) -> impl IntoView {
    view! {
        <h3>{label}</h3>
        <ErrorSummary error id_prefix=id_prefix />
        <ProofField error hint=what id_prefix />
        <FormActions error pending label />
    }
}

#[component]
fn NewRecoveryCodes(codes: RecoveryCodes) -> impl IntoView {
    // The text file: what the codes are, then one code a line.
    let mut text = format!(
        "{}\n{}\n\n",
        t("account-security-codes-file-title"),
        t("account-security-codes-file-text"),
    );
    for code in &codes.codes {
        text.push_str(code);
        text.push('\n');
    }
    let file = format!("data:text/plain;charset=utf-8,{}", percent_encode(&text));
    view! {
        <div class="notice" role="status" id="recovery-codes">
            <h3>{t("account-security-codes-heading")}</h3>
            <p>{t("account-security-codes-text")}</p>
            <ol class="recovery-codes">
                {codes.codes.into_iter().map(|code| view! { <li><code>{code}</code></li> }).collect_view()}
            </ol>
            <a href=file download="v2mom-recovery-codes.txt" rel="external">
                {t("account-security-codes-download")}
            </a>
        </div>
    }
}
