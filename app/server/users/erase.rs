//! Erasing a person (a data-protection erasure request): an administrator replaces them by a
//! tombstone, "Former employee #123", and removes what only served them. Their V2MOMs stay
//! (the organisation's plans, under the tombstone) or go, as the administrator chooses. The
//! audit log is append-only and keeps its rows, which name people by id only; the erasure is
//! itself audited.

use super::admin::{last_admin, managed};
use crate::{
    error::AppError,
    model::{ErasedPerson, Role, validate::Checks},
    server::{actor::Actor, audit::Event, state::AppState, throttle, transaction},
};
use serde::Deserialize;
use utoipa::ToSchema;

/// What becomes of the erased person's V2MOMs (`keep` or `delete`, in a form or in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TheirV2moms {
    /// Kept under the tombstone: the organisation's plans and their alignment stay whole.
    Keep,
    /// Deleted with their content, revisions and check-ins.
    Delete,
}

impl TheirV2moms {
    /// The form's value; `None` for anything else, which [`erase`] reports on the field.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "keep" => Some(TheirV2moms::Keep),
            "delete" => Some(TheirV2moms::Delete),
            _ => None,
        }
    }
}

/// The tombstone's name for the person with `id`.
fn tombstone_name(id: i64) -> String {
    format!("Former employee #{id}")
}

/// The tombstone's address: unique, and in a domain that can never receive mail (RFC 2606).
fn tombstone_email(id: i64) -> String {
    format!("erased-{id}@erased.invalid")
}

/// Erases the person `id`. `v2moms` is the choice made (`None`: none or an unknown one);
/// `confirmed` is the
/// administrator's acknowledgement that this cannot be undone. Not oneself, not the last
/// active administrator, and not a manager whose reports have not been placed elsewhere.
pub async fn erase(
    state: &AppState,
    actor: &Actor,
    id: i64,
    v2moms: Option<TheirV2moms>,
    confirmed: bool,
) -> Result<ErasedPerson, AppError> {
    let target = managed(state, actor, id).await?;
    let mut checks = Checks::new();
    let choice = v2moms;
    if choice.is_none() {
        checks.fail("v2moms", crate::i18n::t("server-erase-choose-v2moms"));
    }
    if !confirmed {
        checks.fail("confirm", crate::i18n::t("server-erase-confirm"));
    }
    checks.into_result()?;
    let choice = choice.unwrap_or(TheirV2moms::Keep);
    if id == actor.id() {
        return Err(AppError::Refused {
            reason: crate::i18n::t("server-erase-self"),
        });
    }
    let name = tombstone_name(id);
    transaction::run(&state.db, async |tx| {
        tx.lock_organisation().await?;
        if target.role() == Role::Admin
            && target.is_active()
            && tx.count_active_admins_except(id).await? == 0
        {
            return Err(last_admin().into());
        }
        if tx.count_reports(id).await? > 0 {
            return Err(AppError::Refused {
                reason: crate::i18n::t("server-erase-has-reports"),
            }
            .into());
        }
        let deleted = match choice {
            TheirV2moms::Delete => tx.delete_v2moms_of(id).await?,
            TheirV2moms::Keep => 0,
        };
        // Failed sign-ins are counted against the address, so they go before it does.
        tx.clear_auth_failures(&throttle::account_scope(&target.email))
            .await?;
        tx.end_sessions_of(id).await?;
        tx.erase_person(id, &name, &tombstone_email(id)).await?;
        let event = Event::new("user.erased")
            .by(actor.id())
            .on(format!("user:{id}"))
            .with(serde_json::json!({
                "v2moms": match choice {
                    TheirV2moms::Keep => "kept",
                    TheirV2moms::Delete => "deleted",
                },
                "v2moms_deleted": deleted,
            }));
        tx.audit(&actor.origin, event).await?;
        Ok(ErasedPerson {
            user_id: id,
            name: name.clone(),
            v2moms_deleted: deleted,
        })
    })
    .await
}
