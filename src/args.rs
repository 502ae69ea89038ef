//! What the command line accepts: the subcommands and their flags (clap).

use clap::{Parser, Subcommand};
use std::{net::SocketAddr, path::PathBuf};
use v2mom::model::Scopes;

#[derive(Parser)]
#[command(name = "v2mom", version, about = "Write, align and track V2MOMs")]
pub(crate) struct Cli {
    /// TOML configuration file (default: $V2MOM_CONFIG, if set).
    #[arg(long, global = true, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
    /// Address to listen on [env: V2MOM_ADDR] [default: 127.0.0.1:3000].
    #[arg(long, global = true)]
    pub(crate) addr: Option<SocketAddr>,
    /// Directory for the SQLite database and other data [env: V2MOM_DATA_DIR] [default: ./data].
    #[arg(long, global = true, value_name = "DIR")]
    pub(crate) data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub(crate) command: Option<Command>,
}

#[derive(Subcommand, Clone)]
pub(crate) enum Command {
    /// Apply migrations and serve the web application (the default).
    Serve,
    /// Apply pending database migrations, then exit.
    Migrate,
    /// Re-encrypt every stored secret under the newest encryption key, then exit.
    RotateKey,
    /// Exit 0 when the server at the configured address answers `/healthz`, else 1 (for
    /// container health checks).
    Healthcheck,
    /// Print a new random encryption key entry (`<id>:<64 hex digits>`) for
    /// V2MOM_ENCRYPTION_KEY.
    GenerateKey,
    /// Write the whole database to FILE while the server goes on serving, then exit.
    Backup {
        /// The archive to write (replaced if it exists).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Load a backup into an empty database (of either backend), then exit. Everyone is
    /// signed out.
    Restore {
        /// An archive written by `v2mom backup`.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Replace everything the database holds (in one transaction: a restore that fails
        /// changes nothing).
        #[arg(long)]
        force: bool,
        /// Restore even if the backup's audit log does not verify (its history was changed).
        #[arg(long)]
        accept_broken_audit_chain: bool,
    },
    /// Make or revoke API keys for the REST API.
    #[command(subcommand)]
    ApiKey(ApiKeyCommand),
    /// Work on people from scripts.
    #[command(subcommand)]
    Users(UsersCommand),
    /// Fill a new, empty database with a small fictional company to try the product on
    /// (refused when the database has an organisation), print how to sign in, then exit.
    Demo,
}

#[derive(Subcommand, Clone)]
pub(crate) enum UsersCommand {
    /// Import people from a CSV file (name,email,manager_email,role,function[,job_title]),
    /// all or nothing: print every problem by line and import nothing, or invite the new
    /// and update the existing. Running it again never adds anyone twice. Links of
    /// invitations that were not mailed are printed, one `email<TAB>link` per line.
    Import {
        /// The CSV file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The email of the administrator the import is done (and audited) as.
        #[arg(long, value_name = "EMAIL")]
        by: String,
        /// Only say what importing would do.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Subcommand, Clone)]
pub(crate) enum ApiKeyCommand {
    /// Make a key for a user and print its token on stdout (shown only this once).
    Create {
        /// The email of the user the key acts for.
        #[arg(long, value_name = "EMAIL")]
        user: String,
        /// What the key is for.
        #[arg(long)]
        name: String,
        /// What the key may do: read, write and admin, comma-separated.
        #[arg(long, value_name = "SCOPES", value_parser = parse_scopes)]
        scope: Scopes,
        /// Days until the key expires (1 to 3650) [default: never].
        #[arg(long, value_name = "N")]
        expires_days: Option<i64>,
    },
    /// Revoke a key by its id (as the API keys pages list it).
    Revoke { id: i64 },
}

fn parse_scopes(text: &str) -> Result<Scopes, String> {
    Scopes::parse(text).ok_or_else(|| "expected read, write or admin, comma-separated".into())
}
