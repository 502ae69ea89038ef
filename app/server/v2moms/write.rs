//! Changing V2MOMs: saving content and moving through the lifecycle, each as one
//! compare-and-swap on the version the client started from, audited in the same transaction.
//! A published V2MOM is frozen: saving it amends it (see [`super::amend`]), and the lifecycle
//! moves then apply to the amendment.

use super::{Access, aligned};
use crate::{
    error::AppError,
    model::{Saved, StatusChange, V2momContent, V2momStatus, v2mom::MAX_TEXT, validate::Checks},
    server::{
        actor::Actor,
        audit::Event,
        db::{DbError, Tx},
        errors::internal,
        policy::Action,
        state::AppState,
        transaction,
    },
};
use serde_json::{Value, json};

/// Checks `content` and writes it as the next version after `version`; 409 when someone
/// saved first. A published V2MOM keeps what readers see: the content becomes (or updates)
/// its amendment.
pub async fn save(
    state: &AppState,
    actor: &Actor,
    id: i64,
    version: i64,
    content: &V2momContent,
) -> Result<Saved, AppError> {
    let access = Access::open(state, actor, id).await?;
    access.require_edit()?;
    let mut content = content.clone();
    content.check(false).into_result()?;
    let content = content.without_blank_rows();
    aligned::check(state, &access, &content).await?;
    let by = actor.id();
    let version = if access.header.status == V2momStatus::Published {
        let started = !access.amending();
        compare_and_swap(
            state,
            &access,
            "v2mom.amended",
            async |tx: &mut Tx| tx.amend_v2mom(id, version, by, &content).await,
            |saved| json!({ "version": saved, "started": started }),
        )
        .await?
    } else {
        compare_and_swap(
            state,
            &access,
            "v2mom.saved",
            async |tx: &mut Tx| tx.save_v2mom(id, version, by, &content).await,
            |saved| json!({ "version": saved }),
        )
        .await?
    };
    Ok(Saved { version })
}

/// Moves a V2MOM at `version` through its lifecycle: submit, approve, return (with a
/// comment), publish or archive. While it is amended, the moves apply to the amendment:
/// approving or publishing it makes it the next publication; archiving ends it unpublished.
pub async fn change_status(
    state: &AppState,
    actor: &Actor,
    id: i64,
    version: i64,
    change: StatusChange,
    comment: &str,
) -> Result<Saved, AppError> {
    let access = Access::open(state, actor, id).await?;
    access.require(Action::ChangeV2momStatus(change, access.owner))?;
    let from = access.lifecycle_status();
    let Some(to) = change.apply(from) else {
        // English says "a V2MOM that is draft"; German names the status as it is shown.
        let status = from.label();
        let status = match crate::i18n::language() {
            crate::i18n::Lang::En => status.to_lowercase(),
            _ => status.to_string(),
        };
        return Err(AppError::Refused {
            reason: crate::i18n::t_with(
                "server-status-change-refused",
                &[("status", status.into()), ("change", change.label().into())],
            ),
        });
    };
    let mut checks = Checks::new();
    let comment = if change == StatusChange::Return {
        checks.lines("comment", comment, MAX_TEXT)
    } else {
        checks.optional_lines("comment", comment, MAX_TEXT)
    };
    checks.into_result()?;
    let amending = access.amending();
    if change.needs_complete() {
        let mut stored = if amending {
            state
                .db
                .amendment(id)
                .await
                .map_err(internal)?
                .map(|a| a.content)
        } else {
            state
                .db
                .v2mom(id)
                .await
                .map_err(internal)?
                .map(|v| v.content)
        }
        .ok_or(AppError::Conflict)?;
        stored.check(true).into_result()?;
        // What the amendment aligns to may have gone since it was saved.
        if amending && to == V2momStatus::Published {
            aligned::check(state, &access, &stored).await?;
        }
    }
    // Only a return carries its comment to the owner.
    let comment = if change == StatusChange::Return {
        comment.as_str()
    } else {
        ""
    };
    let by = actor.id();
    let version = compare_and_swap(
        state,
        &access,
        "v2mom.status_changed",
        async |tx: &mut Tx| match (amending, to) {
            (false, _) | (true, V2momStatus::Archived) => {
                tx.set_v2mom_status(id, version, by, to, comment).await
            }
            (true, V2momStatus::Published) => tx.publish_amendment(id, version, by).await,
            (true, _) => tx.set_amendment_status(id, version, by, to, comment).await,
        },
        |saved| {
            let mut details = status_details(change, from, to, saved);
            details["amendment"] = amending.into();
            details
        },
    )
    .await?;
    Ok(Saved { version })
}

/// The audit details of a lifecycle move.
pub(super) fn status_details(
    change: StatusChange,
    from: V2momStatus,
    to: V2momStatus,
    version: i64,
) -> Value {
    json!({
        "change": change.as_str(), "from": from.as_str(), "to": to.as_str(), "version": version,
    })
}

/// One write of a V2MOM and its audit row in one transaction: `write` answers `None` when
/// the V2MOM is no longer at the version the client named (409, nothing written).
pub(super) async fn compare_and_swap(
    state: &AppState,
    access: &Access,
    action: &'static str,
    write: impl AsyncFnOnce(&mut Tx) -> Result<Option<i64>, DbError> + Clone,
    details: impl FnOnce(i64) -> Value + Clone,
) -> Result<i64, AppError> {
    transaction::run(&state.db, async move |tx| {
        let Some(version) = write(tx).await? else {
            return Err(AppError::Conflict.into());
        };
        let event = Event::new(action)
            .by(access.actor.id())
            .on(format!("v2mom:{}", access.id()))
            .with(details(version));
        tx.audit(&access.actor.origin, event).await?;
        Ok(version)
    })
    .await
}

/// Refuses anyone who may not edit V2MOM `id`: the text a refused save left behind in the
/// pages belongs to its editors only.
pub async fn require_editor(state: &AppState, actor: &Actor, id: i64) -> Result<(), AppError> {
    let access = Access::open(state, actor, id).await?;
    access.require_edit()
}
