//! The v2mom server binary: parses the command line and hands over to the library.

mod args;

use args::{ApiKeyCommand, Cli, Command, UsersCommand};
use clap::Parser;
use std::process::ExitCode;
use v2mom::{
    error::AppError,
    model::ImportAction,
    server::{
        actor::Actor,
        api_keys::{self, NewApiKey},
        audit::ChainCheck,
        backup,
        config::{Config, Overrides, Settings},
        db::Db,
        demo, healthcheck, invitations,
        keyring::Keyring,
        rekey,
        startup::{self, StartupError},
        state::AppState,
        telemetry,
    },
};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if matches!(cli.command, Some(Command::GenerateKey)) {
        // Needs no configuration; its output is the key and nothing else.
        println!("{}", Keyring::new_dated_entry());
        return ExitCode::SUCCESS;
    }
    let overrides = Overrides {
        addr: cli.addr,
        data_dir: cli.data_dir,
        database_url: None,
    };
    let config = match Settings::load(cli.config, overrides).and_then(Settings::validate) {
        Ok(config) => config,
        Err(err) => return fail(&err.into()),
    };
    let command = cli.command.unwrap_or(Command::Serve);
    match command {
        // It runs every few seconds: silent when healthy, one line on stderr when not.
        Command::Healthcheck => {}
        Command::ApiKey(_)
        | Command::Users(_)
        | Command::Demo
        | Command::Backup { .. }
        | Command::Restore { .. } => telemetry::init_on_stderr(&config.settings),
        _ => telemetry::init(&config.settings),
    }
    if !matches!(command, Command::Healthcheck) {
        tracing::info!(
            version = env!("CARGO_PKG_VERSION"),
            "configuration: {config}"
        );
        for warning in config.warnings() {
            tracing::warn!("{warning}");
        }
    }

    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            return fail(&StartupError::Runtime(format!(
                "cannot start the runtime: {e}"
            )));
        }
    };
    match runtime.block_on(run(command, config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => fail(&err),
    }
}

async fn run(command: Command, config: Config) -> Result<(), StartupError> {
    match command {
        Command::Migrate => {
            let db = startup::open_database(&config).await?;
            db.close().await;
            tracing::info!(
                database = config.database.redacted(),
                "database is up to date"
            );
            Ok(())
        }
        Command::GenerateKey => unreachable!("answered before the configuration is read"),
        Command::Healthcheck => healthcheck::probe(config.settings.addr)
            .await
            .map_err(|why| StartupError::Runtime(format!("unhealthy: {why}"))),
        Command::RotateKey => {
            let keys = startup::open_keyring(&config)?;
            let db = startup::open_database(&config).await?;
            let resealed = rekey::rotate(&db, &keys)
                .await
                .map_err(|e| StartupError::Runtime(format!("key rotation failed: {e}")))?;
            db.close().await;
            println!(
                "{resealed} secret(s) re-encrypted; all are now under key {:?}",
                keys.current_id()
            );
            Ok(())
        }
        Command::Backup { out } => {
            let db = startup::existing_database(&config).await?;
            let made = backup::make(&db, &out).await;
            db.close().await;
            let summary = made.map_err(|e| StartupError::Runtime(format!("backup failed: {e}")))?;
            println!("{}: {summary}", out.display());
            Ok(())
        }
        Command::Restore {
            file,
            force,
            accept_broken_audit_chain,
        } => {
            let keys = startup::existing_keyring(&config)?;
            let db = startup::open_database(&config).await?;
            let options = backup::RestoreOptions {
                replace: force,
                accept_broken_chain: accept_broken_audit_chain,
            };
            let restored = backup::restore(&db, keys.as_ref(), &file, options).await;
            db.close().await;
            let done =
                restored.map_err(|e| StartupError::Runtime(format!("restore failed: {e}")))?;
            let header = &done.header;
            println!(
                "restored {}, made {} by {} on {}; audit log: {}",
                done.summary,
                header.made_at,
                header.made_by,
                header.backend,
                match done.chain {
                    ChainCheck::Intact { rows } => format!("{rows} rows, hash chain intact"),
                    ChainCheck::BrokenAt { id } => format!("hash chain BROKEN at row {id}"),
                }
            );
            Ok(())
        }
        Command::ApiKey(command) => {
            let db = startup::open_database(&config).await?;
            let done = api_key(&db, command).await;
            db.close().await;
            done
        }
        Command::Users(UsersCommand::Import { file, by, dry_run }) => {
            let csv = std::fs::read_to_string(&file).map_err(|e| {
                StartupError::Runtime(format!("cannot read {}: {e}", file.display()))
            })?;
            let db = startup::open_database(&config).await?;
            let state = startup::app_state(config, db.clone()).await?;
            let done = import_people(&state, &by, &csv, dry_run).await;
            db.close().await;
            done
        }
        Command::Demo => {
            let db = startup::open_database(&config).await?;
            let state = startup::app_state(config, db.clone()).await?;
            let made = demo::fill(&state).await;
            db.close().await;
            let made = made.map_err(|e| cli_error(e, "nothing to fill"))?;
            println!(
                "{} is ready with {} people and their V2MOMs. Start the server and sign in \
                 as any of them with the password {}",
                made.organisation,
                made.emails.len(),
                made.password
            );
            for (i, email) in made.emails.iter().enumerate() {
                let what = if i == 0 { " (administrator)" } else { "" };
                println!("  {email}{what}");
            }
            Ok(())
        }
        Command::Serve => {
            let listener = startup::bind(config.settings.addr).await?;
            let db = startup::open_database(&config).await?;
            let grace = config.shutdown_timeout();
            let drain = config.shutdown_drain();
            let addr = listener
                .local_addr()
                .map_err(|e| StartupError::Runtime(e.to_string()))?;
            startup::spawn_housekeeping(db.clone(), &config);
            startup::spawn_scheduled_backups(db.clone(), &config)?;
            if let Some(metrics_addr) = config.settings.metrics_addr {
                startup::serve_metrics(metrics_addr, db.clone()).await?;
            }
            // A bad key or provider stops the server before it serves.
            let state = startup::app_state(config, db.clone()).await?;
            let stopping = state.stopping.clone();
            v2mom::server::events::dispatch::spawn(state.clone());
            let router = v2mom::server::http::router(state);
            let shutdown = async move {
                startup::shutdown_signal().await;
                stopping.drain(drain).await;
            };
            tracing::info!("listening on http://{addr}");
            startup::serve(listener, router, shutdown, grace)
                .await
                .map_err(|e| StartupError::Runtime(format!("server error: {e}")))?;
            db.close().await;
            tracing::info!("stopped");
            Ok(())
        }
    }
}

async fn api_key(db: &Db, command: ApiKeyCommand) -> Result<(), StartupError> {
    match command {
        ApiKeyCommand::Create {
            user,
            name,
            scope,
            expires_days,
        } => {
            let new = NewApiKey {
                name,
                scopes: scope,
                expires_days,
            };
            let created = api_keys::create_from_cli(db, &user, new)
                .await
                .map_err(|e| cli_error(e, &format!("no user has the email {user:?}")))?;
            eprintln!(
                "API key {} ({}) for {user}, scopes {}. Copy it now, it will not be shown again:",
                created.key.id, created.key.name, created.key.scopes
            );
            println!("{}", created.token);
        }
        ApiKeyCommand::Revoke { id } => {
            let key = api_keys::revoke_from_cli(db, id)
                .await
                .map_err(|e| cli_error(e, &format!("no API key has the id {id}")))?;
            println!("API key {id} ({}) is revoked.", key.name);
        }
    }
    Ok(())
}

async fn import_people(
    state: &AppState,
    by: &str,
    csv: &str,
    dry_run: bool,
) -> Result<(), StartupError> {
    let not_found = format!("no user has the email {by:?}");
    let actor = Actor::command_line(&state.db, by)
        .await
        .map_err(|e| cli_error(e, &not_found))?;
    let preview = invitations::preview_import(state, &actor, csv)
        .await
        .map_err(|e| cli_error(e, &not_found))?;
    if !preview.problems.is_empty() {
        let problems: Vec<String> = preview.problems.iter().map(|p| p.describe()).collect();
        return Err(StartupError::Runtime(format!(
            "nothing was imported:\n{}",
            problems.join("\n")
        )));
    }
    let counts = |invite, update, unchanged| {
        format!("{invite} to invite, {update} to update, {unchanged} unchanged")
    };
    if dry_run {
        println!(
            "{}",
            counts(
                preview.count(ImportAction::Invite),
                preview.count(ImportAction::Update),
                preview.count(ImportAction::Unchanged)
            )
        );
        return Ok(());
    }
    let site = invitations::site_origin(state, None);
    let done = invitations::import(state, &actor, &site, csv)
        .await
        .map_err(|e| cli_error(e, &not_found))?;
    eprintln!(
        "imported: {}",
        counts(done.invited.len(), done.updated, done.unchanged)
    );
    for sent in done.invited {
        if let Some(link) = sent.link {
            println!("{}\t{link}", sent.email);
        }
    }
    Ok(())
}

/// The use case's refusal in command-line words: flags rather than form fields.
fn cli_error(err: AppError, not_found: &str) -> StartupError {
    let message = match err {
        AppError::NotFound => not_found.to_owned(),
        AppError::Invalid { fields } => fields
            .iter()
            .map(|f| {
                format!(
                    "--{}: {}",
                    f.field.replace('_', "-").replace("scopes", "scope"),
                    f.message
                )
            })
            .collect::<Vec<_>>()
            .join(" "),
        other => other.to_string(),
    };
    StartupError::Runtime(message)
}

fn fail(err: &StartupError) -> ExitCode {
    tracing::error!("{err}");
    eprintln!("v2mom: {err}");
    ExitCode::from(err.exit_code())
}
