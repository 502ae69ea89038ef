//! The binary as an operator meets it: configuration errors, migrate, signals.

use std::{
    io::{BufRead, BufReader},
    path::Path,
    process::{Command, Output, Stdio},
    time::Duration,
};

const BIN: &str = env!("CARGO_BIN_EXE_v2mom");

/// The binary with a clean environment (no stray V2MOM_* from the developer's shell),
/// run in `dir`.
fn v2mom(dir: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("V2MOM_LOG_LEVEL", "warn")
        .current_dir(dir);
    cmd
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A configuration error: exit status 2 and a one-line message naming `expected`.
fn assert_config_error(output: &Output, expected: &str) {
    let message = stderr(output);
    assert_eq!(output.status.code(), Some(2), "{message}");
    assert!(
        message.contains(expected),
        "expected {expected:?} in {message}"
    );
    assert_eq!(message.trim().lines().count(), 1, "one line: {message}");
}

/// The names of what `dir` holds, sorted.
pub fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn bad_database_urls_exit_2_with_a_clear_message_and_create_nothing() {
    for (url, expected) in [
        ("mysql://root@localhost/v2mom", "\"mysql\" is not supported"),
        ("postgress://localhost/v2mom", "\"postgress\" is not"),
        ("not a url at all", "does not parse"),
        ("", "does not parse"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let output = v2mom(dir.path()).env("DATABASE_URL", url).output().unwrap();
        assert_config_error(&output, "DATABASE_URL");
        assert_config_error(&output, expected);
        assert_eq!(
            entries(dir.path()),
            Vec::<String>::new(),
            "{url:?} created files"
        );
    }
}

#[test]
fn a_password_in_a_bad_url_is_not_echoed() {
    let dir = tempfile::tempdir().unwrap();
    let output = v2mom(dir.path())
        .env("DATABASE_URL", "mysql://root:hunter2@localhost/v2mom")
        .output()
        .unwrap();
    assert_config_error(&output, "DATABASE_URL");
    assert!(!stderr(&output).contains("hunter2"), "{}", stderr(&output));
}

#[test]
fn an_address_in_use_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let output = v2mom(dir.path())
        .args(["serve", "--addr", &addr])
        .output()
        .unwrap();
    assert_config_error(&output, "already in use");
}

#[test]
fn metrics_never_share_the_public_address_and_a_taken_one_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let output = v2mom(dir.path())
        .args(["serve", "--addr", "127.0.0.1:4100"])
        .env("V2MOM_METRICS_ADDR", "127.0.0.1:4100")
        .output()
        .unwrap();
    assert_config_error(&output, "V2MOM_METRICS_ADDR must not be the public address");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let output = v2mom(dir.path())
        .args(["serve", "--addr", "127.0.0.1:0"])
        .env(
            "V2MOM_METRICS_ADDR",
            taken.local_addr().unwrap().to_string(),
        )
        .output()
        .unwrap();
    assert_config_error(&output, "V2MOM_METRICS_ADDR");
}

#[test]
fn an_unwritable_data_dir_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    // A path below a regular file can never be created, even by root.
    std::fs::write(dir.path().join("a-file"), b"").unwrap();
    let output = v2mom(dir.path())
        .args(["migrate", "--data-dir", "a-file/data"])
        .output()
        .unwrap();
    assert_config_error(&output, "data directory");
}

#[test]
fn unknown_settings_are_errors_not_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let output = v2mom(dir.path())
        .env("V2MOM_ADRESS", "0.0.0.0:80")
        .output()
        .unwrap();
    assert_config_error(&output, "adress");

    let file = dir.path().join("v2mom.toml");
    std::fs::write(&file, "bodylimit = 5\n").unwrap();
    let output = v2mom(dir.path())
        .arg("--config")
        .arg(&file)
        .output()
        .unwrap();
    assert_config_error(&output, "bodylimit");
}

#[test]
fn trusted_proxies_come_from_the_environment_as_a_list_and_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    // The README's syntax: the second entry is read as its own item, and refused.
    let output = v2mom(dir.path())
        .arg("migrate")
        .env("V2MOM_TRUSTED_PROXIES", "[10.0.0.1, proxy.example]")
        .output()
        .unwrap();
    assert_config_error(&output, "V2MOM_TRUSTED_PROXIES entry \"proxy.example\"");

    let output = v2mom(dir.path())
        .arg("migrate")
        .env("V2MOM_TRUSTED_PROXIES", "[10.0.0.1,10.0.0.0/8,::1]")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn migrate_creates_the_default_sqlite_database_in_the_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    for _ in 0..2 {
        let output = v2mom(dir.path()).arg("migrate").output().unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
    }
    assert!(dir.path().join("data/v2mom.db").is_file());
}

/// Without a configured key, the first start creates one in the data directory (private)
/// and keeps using it; a malformed configured key stops the command without echoing it.
#[test]
fn rotate_key_uses_the_key_file_or_the_configured_keys() {
    let dir = tempfile::tempdir().unwrap();
    let output = v2mom(dir.path()).arg("rotate-key").output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let key_file = dir.path().join("data/encryption.key");
    let first = std::fs::read_to_string(&key_file).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key_file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let key_id = first.split(':').next().unwrap();
    let said = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(said.contains(&format!("under key \"{key_id}\"")), "{said}");
    let again = v2mom(dir.path()).arg("rotate-key").output().unwrap();
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(std::fs::read_to_string(&key_file).unwrap(), first);

    let secret = "not-hex-at-all-s3cr3t";
    let output = v2mom(dir.path())
        .arg("rotate-key")
        .env("V2MOM_ENCRYPTION_KEY", format!("k9:{secret}"))
        .output()
        .unwrap();
    assert_config_error(&output, "V2MOM_ENCRYPTION_KEY");
    assert!(!stderr(&output).contains("s3cr3t"));
}

#[test]
fn generate_key_prints_a_new_key_the_server_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let key = |dir: &Path| {
        let output = v2mom(dir).arg("generate-key").output().unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        String::from_utf8(output.stdout).unwrap().trim().to_owned()
    };
    let (first, second) = (key(dir.path()), key(dir.path()));
    assert_ne!(first, second);
    v2mom::server::keyring::Keyring::parse(&first).unwrap();
    let output = v2mom(dir.path())
        .arg("rotate-key")
        .env("V2MOM_ENCRYPTION_KEY", &first)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!dir.path().join("data/encryption.key").exists());
}

/// Several processes share a PostgreSQL database, so none may seal secrets under a key
/// of its own making.
#[tokio::test]
async fn postgres_only_a_server_on_postgresql_needs_configured_keys_and_makes_no_key_file() {
    crate::helpers::postgres_only();
    let database = crate::helpers::TestDatabase::create().await;
    let url = database.url().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let output = v2mom(dir.path())
        .args(["serve", "--addr", "127.0.0.1:0"])
        .env("DATABASE_URL", &url)
        .output()
        .unwrap();
    assert_config_error(&output, "V2MOM_ENCRYPTION_KEY");
    assert!(stderr(&output).contains("v2mom generate-key"));
    assert!(!dir.path().join("data/encryption.key").exists());

    let key = crate::helpers::TEST_ENCRYPTION_KEY;
    let server = crate::binary::Running::start(
        dir.path(),
        &[("DATABASE_URL", &url), ("V2MOM_ENCRYPTION_KEY", key)],
    );
    server.stop();
    assert!(!dir.path().join("data/encryption.key").exists());
}

/// Later layers win: file < environment < flags; `_FILE` reads a secret from a file.
#[test]
fn configuration_layers_apply_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("v2mom.toml");
    std::fs::write(&file, "data_dir = \"from-file\"\nlog_level = \"info\"\n").unwrap();
    let secret = dir.path().join("db-url");
    let db_path = dir.path().join("secret.db");
    std::fs::write(&secret, format!("sqlite://{}\n", db_path.display())).unwrap();

    let output = v2mom(dir.path())
        .arg("migrate")
        .env("V2MOM_CONFIG", &file)
        .env("V2MOM_DATA_DIR", "from-env")
        .env("DATABASE_URL_FILE", &secret)
        .env_remove("V2MOM_LOG_LEVEL")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(db_path.is_file(), "DATABASE_URL_FILE was not used");
    assert!(
        dir.path().join("from-env").is_dir(),
        "environment did not beat the file"
    );
    assert!(!dir.path().join("from-file").exists());

    let output = v2mom(dir.path())
        .args(["migrate", "--data-dir", "from-flag"])
        .env("V2MOM_DATA_DIR", "from-env-2")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        dir.path().join("from-flag/v2mom.db").is_file(),
        "flag did not beat the environment"
    );
}

#[test]
fn sigterm_stops_the_server_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = v2mom(dir.path())
        .args(["serve", "--addr", "127.0.0.1:0"])
        .env("V2MOM_LOG_LEVEL", "info")
        .env("V2MOM_LOG_FORMAT", "json")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let addr = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|line| {
            line.split("listening on http://")
                .nth(1)
                .map(|rest| rest.split('"').next().unwrap().to_owned())
        })
        .expect("server announced its address");

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let health = runtime
        .block_on(reqwest::get(format!("http://{addr}/healthz")))
        .unwrap();
    assert!(health.status().is_success());

    let pid = child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let (exited, exit) = std::sync::mpsc::channel();
    std::thread::spawn(move || exited.send(child.wait()));
    let status = exit
        .recv_timeout(Duration::from_secs(15))
        .expect("server ignored SIGTERM")
        .unwrap();
    assert!(status.success(), "exit status {status:?}");
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert!(rest.iter().any(|l| l.contains("stopped")), "{rest:?}");
}

#[tokio::test]
async fn after_sigterm_a_draining_server_serves_on_while_readyz_says_it_is_stopping() {
    let dir = tempfile::tempdir().unwrap();
    let server = crate::binary::Running::start(dir.path(), &[("V2MOM_SHUTDOWN_DRAIN_SECS", "3")]);
    let url = |path: &str| format!("http://{}{path}", server.public);
    assert_eq!(reqwest::get(url("/readyz")).await.unwrap().status(), 200);
    server.ask_to_stop();
    server.lines_until(|line| line.contains("stopping: /readyz answers 503"));
    let ready = reqwest::get(url("/readyz")).await.unwrap();
    assert_eq!(ready.status(), 503);
    assert_eq!(ready.text().await.unwrap(), r#"{"stopping":true}"#);
    // Everything else is served as usual until the drain is over.
    assert_eq!(reqwest::get(url("/healthz")).await.unwrap().status(), 200);
    assert_eq!(reqwest::get(url("/setup")).await.unwrap().status(), 200);
    server.lines_until(|line| line.contains("stopped"));
}
