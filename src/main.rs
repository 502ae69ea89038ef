//! The v2mom server binary: parses the command line and hands over to the library.

use clap::{Parser, Subcommand};
use std::{net::SocketAddr, path::PathBuf, process::ExitCode};
use v2mom::server::{
    config::{Config, Overrides, Settings},
    keyring,
    startup::{self, StartupError},
    telemetry,
};

#[derive(Parser)]
#[command(name = "v2mom", version, about = "Write, align and track V2MOMs")]
struct Cli {
    /// TOML configuration file (default: $V2MOM_CONFIG, if set).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Address to listen on [env: V2MOM_ADDR] [default: 127.0.0.1:3000].
    #[arg(long, global = true)]
    addr: Option<SocketAddr>,
    /// Directory for the SQLite database and other data [env: V2MOM_DATA_DIR] [default: ./data].
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Clone, Copy)]
enum Command {
    /// Apply migrations and serve the web application (the default).
    Serve,
    /// Apply pending database migrations, then exit.
    Migrate,
    /// Re-encrypt every stored secret under the newest encryption key, then exit.
    RotateKey,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let overrides = Overrides {
        addr: cli.addr,
        data_dir: cli.data_dir,
        database_url: None,
    };
    let config = match Settings::load(cli.config, overrides).and_then(Settings::validate) {
        Ok(config) => config,
        Err(err) => return fail(&err.into()),
    };
    telemetry::init(&config.settings);
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        "configuration: {config}"
    );
    for warning in config.warnings() {
        tracing::warn!("{warning}");
    }

    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            return fail(&StartupError::Runtime(format!(
                "cannot start the runtime: {e}"
            )));
        }
    };
    let command = cli.command.unwrap_or(Command::Serve);
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
        Command::RotateKey => {
            let keys = keyring::open(&config)?;
            let db = startup::open_database(&config).await?;
            let resealed = keyring::rotate(&db, &keys)
                .await
                .map_err(|e| StartupError::Runtime(format!("key rotation failed: {e}")))?;
            db.close().await;
            println!(
                "{resealed} secret(s) re-encrypted; all are now under key {:?}",
                keys.current_id()
            );
            Ok(())
        }
        Command::Serve => {
            let listener = startup::bind(config.settings.addr).await?;
            let db = startup::open_database(&config).await?;
            let grace = config.shutdown_timeout();
            let addr = listener
                .local_addr()
                .map_err(|e| StartupError::Runtime(e.to_string()))?;
            startup::spawn_housekeeping(db.clone(), &config);
            // A bad key or provider stops the server before it serves.
            let router = startup::router(config, db.clone()).await?;
            tracing::info!("listening on http://{addr}");
            startup::serve(listener, router, startup::shutdown_signal(), grace)
                .await
                .map_err(|e| StartupError::Runtime(format!("server error: {e}")))?;
            db.close().await;
            tracing::info!("stopped");
            Ok(())
        }
    }
}

fn fail(err: &StartupError) -> ExitCode {
    tracing::error!("{err}");
    eprintln!("v2mom: {err}");
    ExitCode::from(err.exit_code())
}
