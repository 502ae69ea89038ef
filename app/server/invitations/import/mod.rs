//! Importing people from a CSV file, all or nothing: a preview that says what each row would
//! do and every problem by line, then the import itself in one transaction. Running it again
//! updates whoever the file names and never creates anyone twice: an address is a person.

mod plan;

use super::send::{deliver, open_link};
use crate::{
    error::{AppError, FieldError},
    model::{ImportAction, ImportDone, ImportDraft, ImportPreview, ImportRow, UserSummary},
    server::{
        actor::Actor,
        audit::Event,
        db::{NewUser, email_key, is_unique_violation},
        errors::internal,
        policy::Action,
        state::AppState,
        transaction,
        users::{Placed, place},
    },
};
use std::collections::HashMap;

/// The largest file accepted: about 2,000 rows of generous width.
const MAX_BYTES: usize = 512 * 1024;

/// What importing `csv` would do. Writes nothing.
pub async fn preview_import(
    state: &AppState,
    actor: &Actor,
    csv: &str,
) -> Result<ImportPreview, AppError> {
    Ok(read(state, actor, csv).await?.0)
}

/// The CSV a page kept between steps (`kept`), previewed again against who exists now.
pub async fn import_draft(
    state: &AppState,
    actor: &Actor,
    kept: Option<String>,
) -> Result<Option<ImportDraft>, AppError> {
    actor.require(Action::ManageUsers)?;
    let Some(csv) = kept else {
        return Ok(None);
    };
    let preview = preview_import(state, actor, &csv).await?;
    Ok(Some(ImportDraft { csv, preview }))
}

/// The preview, and everyone with an account it was made against.
async fn read(
    state: &AppState,
    actor: &Actor,
    csv: &str,
) -> Result<(ImportPreview, Vec<UserSummary>), AppError> {
    actor.require(Action::ManageUsers)?;
    if csv.len() > MAX_BYTES {
        return Err(refused(vec![crate::i18n::t_with(
            "server-import-too-large",
            &[("kib", (MAX_BYTES / 1024).into())],
        )]));
    }
    let everyone = state.db.all_users().await.map_err(internal)?;
    Ok((plan::plan(csv, &everyone), everyone))
}

/// Imports `csv` when it has no problem (else refuses with every problem and writes
/// nothing): invites the new, moves the existing; links under `site` as for one invitation.
pub async fn import(
    state: &AppState,
    actor: &Actor,
    site: &str,
    csv: &str,
) -> Result<ImportDone, AppError> {
    let (preview, everyone) = read(state, actor, csv).await?;
    if !preview.problems.is_empty() {
        let problems = preview.problems.iter().map(|p| p.describe()).collect();
        return Err(refused(problems));
    }
    let known: HashMap<String, i64> = everyone
        .iter()
        .map(|u| (email_key(&u.email), u.id))
        .collect();
    // Where the people to move sit now, as the single change reads it.
    let mut before = HashMap::new();
    for row in preview
        .rows
        .iter()
        .filter(|r| r.action == ImportAction::Update)
    {
        let user = state
            .db
            .user_by_email(&row.email)
            .await
            .map_err(internal)?
            .ok_or_else(changed_meanwhile)?;
        before.insert(row.line, user);
    }
    let (rows, before) = (&preview.rows, &before);
    let invited = transaction::run(&state.db, async |tx| {
        tx.lock_organisation().await?;
        let mut ids = known.clone();
        let mut invited = Vec::new();
        // Each invited row's line, to its place in `invited`.
        let mut created = HashMap::new();
        for row in rows.iter().filter(|r| r.action == ImportAction::Invite) {
            let person = match tx.create_user(new_user(row)).await {
                // Someone came with this address since the file was read.
                Err(err) if is_unique_violation(&err) => return Err(changed_meanwhile().into()),
                other => other?,
            };
            ids.insert(email_key(&row.email), person.id);
            let event = Event::new("user.invited")
                .by(actor.id())
                .on(format!("user:{}", person.id))
                .with(serde_json::json!({ "role": row.role, "imported": true }));
            let link = open_link(state, tx, actor, person.id, event).await?;
            created.insert(row.line, invited.len());
            invited.push((person, link));
        }
        for row in rows.iter().filter(|r| r.action != ImportAction::Unchanged) {
            let manager_id = match row.manager_email.as_str() {
                "" => None,
                manager => Some(*ids.get(&email_key(manager)).ok_or_else(changed_meanwhile)?),
            };
            let was = match before.get(&row.line) {
                Some(user) => user,
                None => &invited[*created.get(&row.line).ok_or_else(changed_meanwhile)?].0,
            };
            let job_title = row.job_title.as_deref().unwrap_or(&was.job_title);
            let to = Placed {
                role: row.role,
                manager_id,
                function: &row.function,
                job_title,
            };
            place(tx, actor, was, to).await?;
        }
        let event = Event::new("users.imported")
            .by(actor.id())
            .with(serde_json::json!({
                "invited": invited.len(),
                "updated": preview.count(ImportAction::Update),
                "unchanged": preview.count(ImportAction::Unchanged),
            }));
        tx.audit(&actor.origin, event).await?;
        Ok(invited)
    })
    .await?;
    let mut sent = Vec::new();
    for (person, link) in invited {
        sent.push(deliver(state, actor, site, &person, link).await?);
    }
    Ok(ImportDone {
        invited: sent,
        updated: preview.count(ImportAction::Update),
        unchanged: preview.count(ImportAction::Unchanged),
    })
}

fn new_user(row: &ImportRow) -> NewUser<'_> {
    NewUser {
        email: &row.email,
        display_name: &row.name,
        job_title: row.job_title.as_deref().unwrap_or(""),
        function: &row.function,
        role: row.role,
        // Placed with everyone else once all accounts exist.
        manager_id: None,
        password_hash: None,
    }
}

/// Every problem as one field's messages, so forms and the command line show them all.
fn refused(problems: Vec<String>) -> AppError {
    AppError::Invalid {
        fields: problems
            .into_iter()
            .map(|message| FieldError {
                field: "csv".into(),
                message,
            })
            .collect(),
    }
}

fn changed_meanwhile() -> AppError {
    AppError::Refused {
        reason: crate::i18n::t("server-import-changed-meanwhile"),
    }
}
