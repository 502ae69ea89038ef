//! From validated configuration to a listening server, and back down on a signal.

use super::{
    config::{Config, ConfigError, Database, ensure_writable_dir},
    db::Db,
    http::{self, assets},
    keyring::{KEY_FILE, Keyring},
    password::Passwords,
    state::{AppState, Services, Stopping},
};
use crate::model::Backend;
use axum::Router;
use leptos::prelude::LeptosOptions;
use std::{future::Future, io, net::SocketAddr, sync::Arc};
use tokio::net::TcpListener;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("{0}")]
    Runtime(String),
}

impl StartupError {
    /// 2 for what the operator must fix in the configuration, 1 for everything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            StartupError::Config(_) => 2,
            StartupError::Runtime(_) => 1,
        }
    }
}

/// Prepares the data directory and an up-to-date database.
pub async fn open_database(config: &Config) -> Result<Db, StartupError> {
    let db = connect_database(config).await?;
    let shown = config.database.redacted();
    db.migrate()
        .await
        .map_err(|e| StartupError::Runtime(format!("cannot migrate the database {shown}: {e}")))?;
    Ok(db)
}

/// The database as it is, not migrated and not made if missing: for `backup`, which reads
/// a running server's (a SQLite file that is not there is not made empty).
pub async fn existing_database(config: &Config) -> Result<Db, StartupError> {
    if let Database::Sqlite { options, .. } = &config.database {
        let file = options.get_filename();
        if file != std::path::Path::new(":memory:") && !file.exists() {
            return Err(StartupError::Runtime(format!(
                "there is no database at {}",
                config.database.redacted()
            )));
        }
    }
    connect_database(config).await
}

/// The database as it is, not migrated.
pub async fn connect_database(config: &Config) -> Result<Db, StartupError> {
    ensure_writable_dir(&config.settings.data_dir)?;
    let shown = config.database.redacted();
    Db::connect(config)
        .await
        .map_err(|e| StartupError::Runtime(format!("cannot open the database {shown}: {e}")))
}

/// The keys the server has, without making any: configured, or on SQLite the data
/// directory's key file if there is one. For `restore`, which must not seal anything under a
/// new key.
pub fn existing_keyring(config: &Config) -> Result<Option<Keyring>, StartupError> {
    keyring(config, false)
}

/// Why a server on PostgreSQL needs configured keys. Several processes may share that
/// database (and a restarted container may lose its data directory): a key file each made
/// for itself would seal secrets that the others cannot open.
const NO_SHARED_KEY: &str = "on PostgreSQL, set V2MOM_ENCRYPTION_KEY (or \
    V2MOM_ENCRYPTION_KEY_FILE): every server process on the database must seal secrets with \
    the same keys, so none makes a key file of its own. `v2mom generate-key` makes one; a \
    server that has run with data_dir/encryption.key takes that file's contents";

/// The keys the server runs with: configured, or on SQLite the data directory's key file,
/// created (with a warning to back it up) on first start. A keyring that cannot be had is the
/// operator's to fix, like the rest of the configuration.
pub fn open_keyring(config: &Config) -> Result<Keyring, StartupError> {
    keyring(config, true)?.ok_or_else(|| StartupError::Config(ConfigError(NO_SHARED_KEY.into())))
}

/// Configured keys; else none on PostgreSQL; else on SQLite the key file, made first if
/// `create` and there is none.
fn keyring(config: &Config, create: bool) -> Result<Option<Keyring>, StartupError> {
    if let Some(keys) = &config.keyring {
        return Ok(Some(keys.clone()));
    }
    if config.database.backend() == Backend::Postgres {
        return Ok(None);
    }
    let dir = &config.settings.data_dir;
    let path = dir.join(KEY_FILE);
    if !create && !path.exists() {
        return Ok(None);
    }
    if create {
        ensure_writable_dir(dir)?;
    }
    let (keys, created) =
        Keyring::load_or_create(&path).map_err(|e| StartupError::Config(ConfigError(e)))?;
    if created {
        tracing::warn!(
            "created {}: it encrypts stored secrets; back it up with the database, or set \
             V2MOM_ENCRYPTION_KEY instead",
            path.display()
        );
    }
    Ok(Some(keys))
}

/// Everything the router needs, for a database that is open and migrated: opens the
/// keyring (creating the key file in the zero-configuration case) and writes the configured
/// sign-in providers to the database.
pub async fn app_state(config: Config, db: Db) -> Result<AppState, StartupError> {
    super::allocator::give_memory_back_at_once();
    let keyring = open_keyring(&config)?;
    super::sso::configured::sync(&db, &keyring, &config.sso_providers)
        .await
        .map_err(|e| StartupError::Runtime(format!("cannot store the sso providers: {e}")))?;
    let sso = super::sso::SsoClient::new().map_err(StartupError::Runtime)?;
    let versioned = assets::versioned_name(&config.settings.site_root);
    let split = super::http::split::SplitBundle::load(&config.settings.site_root, &versioned);
    let leptos_options = LeptosOptions::builder()
        .output_name(versioned)
        .site_root(config.settings.site_root.to_string_lossy().into_owned())
        .site_pkg_dir(assets::PKG_DIR)
        .site_addr(config.settings.addr)
        .build();
    Ok(AppState::new(Services {
        leptos_options,
        db,
        config: Arc::new(config),
        passwords: Passwords::new(),
        keyring,
        sso: Arc::new(sso),
        stopping: Stopping::default(),
        live: super::live::Hub::default(),
        split,
    }))
}

pub async fn bind(addr: SocketAddr) -> Result<TcpListener, StartupError> {
    listen(addr, "V2MOM_ADDR / --addr").await
}

/// Listens on `addr`, which comes from `setting` (named in the error an operator sees).
async fn listen(addr: SocketAddr, setting: &str) -> Result<TcpListener, StartupError> {
    TcpListener::bind(addr).await.map_err(|e| match e.kind() {
        io::ErrorKind::AddrInUse => {
            ConfigError(format!("address {addr} is already in use ({setting})")).into()
        }
        io::ErrorKind::AddrNotAvailable | io::ErrorKind::PermissionDenied => {
            ConfigError(format!("cannot listen on {addr}: {e} ({setting})")).into()
        }
        _ => StartupError::Runtime(format!("cannot listen on {addr}: {e}")),
    })
}

/// Serves until `shutdown` resolves, then lets in-flight requests finish for up to the
/// configured grace period.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
    grace: std::time::Duration,
) -> io::Result<()> {
    let (stopping_tx, stopping_rx) = tokio::sync::oneshot::channel::<()>();
    let server = axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        shutdown.await;
        tracing::info!("shutting down: finishing in-flight requests");
        let _ = stopping_tx.send(());
    });
    let mut server = std::pin::pin!(server.into_future());
    tokio::select! {
        result = &mut server => result,
        _ = async {
            if stopping_rx.await.is_ok() {
                tokio::time::sleep(grace).await;
            } else {
                std::future::pending::<()>().await;
            }
        } => {
            tracing::warn!("grace period over: dropping the remaining connections");
            Ok(())
        }
    }
}

/// Installs the Prometheus recorder and serves `/metrics` on `addr`, a listener of its own,
/// until the process ends.
pub async fn serve_metrics(addr: SocketAddr, db: Db) -> Result<(), StartupError> {
    let listener = listen(addr, "V2MOM_METRICS_ADDR").await?;
    let handle = super::metrics::install()
        .map_err(|e| StartupError::Runtime(format!("metrics recorder: {e}")))?;
    super::metrics::spawn_upkeep(handle.clone());
    let router = super::metrics::router(handle, db);
    tracing::info!(
        "metrics on http://{}/metrics",
        listener.local_addr().unwrap_or(addr)
    );
    tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, router).await {
            tracing::error!(error = %e, "metrics listener stopped");
        }
    });
    Ok(())
}

/// How often expired sessions are swept away.
const HOUSEKEEPING_PERIOD: std::time::Duration = std::time::Duration::from_secs(3600);

/// Runs until the process ends: every hour, deletes expired session data and the sign-in
/// records of sessions past the absolute timeout.
pub fn spawn_housekeeping(db: Db, config: &Config) -> tokio::task::JoinHandle<()> {
    let absolute = config.session_absolute_timeout();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(HOUSEKEEPING_PERIOD);
        loop {
            tick.tick().await;
            if let Err(err) = sweep_sessions(&db, absolute).await {
                tracing::warn!(error = %err, "session housekeeping failed; will retry");
            }
        }
    })
}

/// Scheduled backups, when `V2MOM_BACKUP_DIR` is set (the directory is made if need be).
pub fn spawn_scheduled_backups(
    db: Db,
    config: &Config,
) -> Result<Option<tokio::task::JoinHandle<()>>, StartupError> {
    let Some(dir) = &config.settings.backup_dir else {
        return Ok(None);
    };
    ensure_writable_dir(dir)?;
    let schedule = super::backup::schedule::Schedule {
        dir: dir.clone(),
        every: std::time::Duration::from_secs(config.settings.backup_interval_hours * 3600),
        keep: config.settings.backup_keep,
    };
    Ok(Some(super::backup::schedule::spawn(db, schedule)))
}

pub async fn sweep_sessions(db: &Db, absolute: std::time::Duration) -> Result<u64, String> {
    use tower_sessions::ExpiredDeletion;
    db.session_store()
        .delete_expired()
        .await
        .map_err(|e| e.to_string())?;
    let cutoff =
        chrono::Utc::now() - chrono::Duration::from_std(absolute).map_err(|e| e.to_string())?;
    let mut tx = db.begin().await.map_err(|e| e.to_string())?;
    let ended = tx
        .end_sessions_before(cutoff)
        .await
        .map_err(|e| e.to_string())?;
    tx.commit().await.map_err(|e| e.to_string())?;
    Ok(ended)
}

/// Resolves on SIGTERM (orchestrators) or SIGINT (Ctrl-C).
pub async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = interrupt => {}, _ = terminate => {} }
}

/// Convenience for the binary and tests: the router for an open database.
pub async fn router(config: Config, db: Db) -> Result<Router, StartupError> {
    Ok(http::router(app_state(config, db).await?))
}
