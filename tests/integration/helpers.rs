//! `spawn_app()`: the application as a newcomer would run it, on a port of its own.

use reqwest::{Client, Response, header::HeaderMap};
use std::{net::SocketAddr, path::PathBuf, sync::Arc};
use tempfile::TempDir;
use v2mom::server::{
    config::{Config, Settings},
    db::Db,
    startup,
};

pub struct TestApp {
    pub addr: SocketAddr,
    /// Keeps cookies between requests and never follows redirects, so tests see them.
    pub client: Client,
    pub db: Db,
    pub config: Config,
    server: tokio::task::JoinHandle<()>,
    /// Shared by every server on the same database; dropped with the last of them.
    database: Arc<TestDatabase>,
}

impl TestApp {
    /// A second server on the same database with the same settings, as another process
    /// behind a load balancer would be. It shares nothing else with this one.
    pub async fn another_server(&self) -> TestApp {
        self.another_server_with(|_| {}).await
    }

    /// Like [`Self::another_server`], after `adjust` has changed the settings: the next
    /// start of the server with a changed configuration.
    pub async fn another_server_with(&self, adjust: impl FnOnce(&mut Settings)) -> TestApp {
        let mut settings = self.config.settings.clone();
        adjust(&mut settings);
        start(settings, self.database.clone()).await
    }

    /// The application's state over this server's configuration and database, for tests
    /// that run a use case or the dispatcher's steps by hand.
    pub async fn state(&self) -> v2mom::server::state::AppState {
        v2mom::server::startup::app_state(self.config.clone(), self.db.clone())
            .await
            .unwrap()
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("GET failed")
    }

    /// The HTML of the page at `path` as `client` gets it.
    pub async fn html(&self, client: &Client, path: &str) -> String {
        let res = client.get(self.url(path)).send().await.expect("GET failed");
        res.text().await.expect("a text body")
    }

    /// Calls a server function the way the hydrated page does (same-origin fetch).
    pub async fn call(&self, endpoint: &str, form: &[(&str, &str)]) -> Response {
        self.call_as(&self.client, endpoint, form).await
    }

    /// [`Self::call`] from another browser (another person, or nobody signed in).
    pub async fn call_as(
        &self,
        client: &Client,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> Response {
        client
            .post(self.url(&format!("/api/{endpoint}")))
            .header("sec-fetch-site", "same-origin")
            .form(form)
            .send()
            .await
            .expect("server function call failed")
    }

    /// Posts `form` to `path` as a browser without JavaScript does from the page at `from`.
    pub async fn post_plain(
        &self,
        client: &Client,
        path: &str,
        from: &str,
        form: &[(&str, &str)],
    ) -> Response {
        client
            .post(self.url(path))
            .header("accept", "text/html")
            .header("origin", self.url(""))
            .header("referer", self.url(from))
            .form(form)
            .send()
            .await
            .expect("form post failed")
    }

    /// The page a plain form post sent `client` back to (its `Location`), as HTML.
    pub async fn page_after(&self, client: &Client, res: Response) -> String {
        assert!(res.status().is_redirection(), "{}", res.status());
        let back = header(res.headers(), "location");
        let back = if back.starts_with('/') {
            self.url(back)
        } else {
            back.to_owned()
        };
        let page = client.get(back).send().await.expect("GET failed");
        page.text().await.expect("a text body")
    }

    /// First-run setup through the real server function; this client is then signed in as
    /// the administrator.
    pub async fn set_up(&self) -> Credentials {
        let admin = Credentials::admin();
        let res = self
            .call(
                "setup",
                &[
                    ("organisation", "Acme Corp"),
                    ("name", &admin.name),
                    ("email", &admin.email),
                    ("password", &admin.password),
                ],
            )
            .await;
        assert!(res.status().is_success(), "setup failed: {}", res.status());
        admin
    }

    /// Signs `client` in; returns the response of the login server function.
    pub async fn login_with(
        &self,
        client: &Client,
        email: &str,
        password: &str,
        next: &str,
    ) -> Response {
        self.call_as(
            client,
            "login",
            &[("email", email), ("password", password), ("next", next)],
        )
        .await
    }

    /// Who `client` is signed in as, according to the server.
    pub async fn who_is(&self, client: &Client) -> Option<String> {
        self.who_is_with(client.post(self.url("/api/me"))).await
    }

    /// Who a bare `name=value` session cookie is signed in as (e.g. one copied earlier).
    pub async fn who_is_cookie(&self, cookie: &str) -> Option<String> {
        let request = Client::new()
            .post(self.url("/api/me"))
            .header("cookie", cookie);
        self.who_is_with(request).await
    }

    async fn who_is_with(&self, request: reqwest::RequestBuilder) -> Option<String> {
        let res = request
            .header("sec-fetch-site", "same-origin")
            .send()
            .await
            .unwrap();
        assert!(res.status().is_success(), "me: {}", res.status());
        let body: serde_json::Value = res.json().await.unwrap();
        body["email"].as_str().map(str::to_owned)
    }

    /// `count` failed sign-ins recorded for a throttle `scope`, one a second, the newest at
    /// `newest`: a history arranged without waiting for it.
    pub async fn record_failures(
        &self,
        scope: &str,
        newest: chrono::DateTime<chrono::Utc>,
        count: usize,
    ) {
        let mut tx = self.db.begin().await.unwrap();
        for i in 0..count as i64 {
            tx.record_auth_failure(scope, "sign_in", newest - chrono::TimeDelta::seconds(i))
                .await
                .unwrap();
        }
        tx.commit().await.unwrap();
    }

    /// Runs SQL on a connection of its own to the same database, for arranging what the
    /// app itself cannot do (or must refuse to).
    pub async fn try_execute(&self, sql: &str) -> Result<(), sqlx::Error> {
        match &*self.database {
            TestDatabase::Sqlite(dir) => {
                let url = format!("sqlite://{}", dir.path().join("v2mom.db").display());
                let pool = sqlx::SqlitePool::connect(&url).await?;
                sqlx::raw_sql(sql).execute(&pool).await?;
                pool.close().await;
            }
            TestDatabase::Postgres { url, .. } | TestDatabase::External { url, .. } => {
                let pool = sqlx::PgPool::connect(url).await?;
                sqlx::raw_sql(sql).execute(&pool).await?;
                pool.close().await;
            }
        }
        Ok(())
    }

    pub async fn execute(&self, sql: &str) {
        self.try_execute(sql).await.expect("test SQL runs");
    }

    /// Every `table.column` of the database (any schema the app uses) whose value, as text,
    /// contains `needle` in any case: what is left of someone after an erasure.
    pub async fn columns_containing(&self, needle: &str) -> Vec<String> {
        let pattern = format!("%{}%", needle.to_lowercase());
        // Each backend lists its columns as (quoted table, column); the search is the same.
        macro_rules! search {
            ($pool:expr, $columns:expr) => {{
                let pool = $pool;
                let columns: Vec<(String, String)> =
                    sqlx::query_as($columns).fetch_all(&pool).await.unwrap();
                let mut found = Vec::new();
                for (table, column) in columns {
                    let sql = format!(
                        "SELECT COUNT(*) FROM {table} WHERE lower(CAST(\"{column}\" AS TEXT)) LIKE $1"
                    );
                    let n: i64 = sqlx::query_scalar(&sql)
                        .bind(&pattern)
                        .fetch_one(&pool)
                        .await
                        .unwrap();
                    if n > 0 {
                        found.push(format!("{table}.{column}"));
                    }
                }
                pool.close().await;
                found
            }};
        }
        match &*self.database {
            TestDatabase::Sqlite(dir) => {
                let url = format!("sqlite://{}", dir.path().join("v2mom.db").display());
                search!(
                    sqlx::SqlitePool::connect(&url).await.unwrap(),
                    "SELECT '\"' || m.name || '\"', c.name \
                     FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table'"
                )
            }
            TestDatabase::Postgres { url, .. } | TestDatabase::External { url, .. } => search!(
                sqlx::PgPool::connect(url).await.unwrap(),
                "SELECT '\"' || table_schema || '\".\"' || table_name || '\"', column_name::TEXT \
                 FROM information_schema.columns \
                 WHERE table_schema IN (current_schema(), 'tower_sessions')"
            ),
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.server.abort();
    }
}

pub struct Credentials {
    pub name: String,
    pub email: String,
    pub password: String,
}

impl Credentials {
    pub fn admin() -> Self {
        Credentials {
            name: "Ada Admin".into(),
            email: "ada@acme.example".into(),
            password: "quartz lantern meadow 42".into(),
        }
    }
}

/// The `name=value` of the session cookie a response sets, if it sets one.
pub fn session_cookie(res: &Response) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.contains("v2mom-session="))
        .map(|c| c.split(';').next().unwrap().to_owned())
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// The application on a database the test owns and looks after (`url`), after `adjust`
/// has changed the settings.
pub async fn spawn_app_on(url: &str, adjust: impl FnOnce(&mut Settings)) -> TestApp {
    let database = TestDatabase::External {
        data_dir: tempfile::tempdir().unwrap(),
        url: url.to_owned(),
    };
    spawn_over(database, adjust).await
}

/// Like [`spawn_app`], after `adjust` has changed the settings.
pub async fn spawn_app_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
    spawn_over(TestDatabase::create().await, adjust).await
}

pub async fn spawn_over(database: TestDatabase, adjust: impl FnOnce(&mut Settings)) -> TestApp {
    init_logs();
    let mut settings = served_settings(&database);
    adjust(&mut settings);
    start(settings, Arc::new(database)).await
}

/// A test server's settings over `database`: any free port, the repository's assets.
fn served_settings(database: &TestDatabase) -> Settings {
    Settings {
        addr: "127.0.0.1:0".parse().unwrap(),
        site_root: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public"),
        ..database.settings()
    }
}

/// `n` servers on one new database, started at the same moment: the processes of one
/// deployment starting together.
pub async fn spawn_together(n: usize, adjust: impl FnOnce(&mut Settings)) -> Vec<TestApp> {
    init_logs();
    let database = Arc::new(TestDatabase::create().await);
    let mut settings = served_settings(&database);
    adjust(&mut settings);
    let starting = (0..n).map(|_| start(settings.clone(), database.clone()));
    futures_util::future::join_all(starting).await
}

/// Serves the real application with `settings` (over `database`) on a port of its own.
async fn start(settings: Settings, database: Arc<TestDatabase>) -> TestApp {
    let config = settings.validate().expect("test configuration is valid");
    let db = startup::open_database(&config)
        .await
        .expect("database opens");
    let listener = startup::bind(config.settings.addr).await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = startup::router(config.clone(), db.clone()).await.unwrap();
    let server = tokio::spawn(async move {
        startup::serve(listener, router, std::future::pending(), config_grace())
            .await
            .unwrap();
    });
    TestApp {
        addr,
        client: client(),
        db,
        config,
        server,
        database,
    }
}

fn config_grace() -> std::time::Duration {
    std::time::Duration::from_secs(1)
}

/// Serves `routes` behind the application's real layer stack (no database), until
/// `shutdown` resolves. For routes that misbehave on purpose: panics, hangs.
pub async fn spawn_layered(
    routes: axum::Router,
    adjust: impl FnOnce(&mut Settings),
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> (SocketAddr, tokio::task::JoinHandle<std::io::Result<()>>) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = Settings {
        data_dir: dir.path().to_owned(),
        ..Settings::default()
    };
    adjust(&mut settings);
    let config = settings.validate().unwrap();
    let listener = startup::bind("127.0.0.1:0".parse().unwrap()).await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = v2mom::server::http::with_layers(routes, &config);
    let grace = config.shutdown_timeout();
    (
        addr,
        tokio::spawn(startup::serve(listener, router, shutdown, grace)),
    )
}

/// A test that waits for an answer that never comes fails instead of hanging.
pub fn client() -> Client {
    Client::builder()
        .timeout(std::time::Duration::from_secs(30))
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// `TEST_LOG=debug cargo test …` shows the server's logs.
fn init_logs() {
    if let Ok(filter) = std::env::var("TEST_LOG") {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_test_writer()
            .try_init();
    }
}

pub fn header<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .unwrap_or_else(|| panic!("missing header {name}"))
        .to_str()
        .unwrap()
}

/// The PostgreSQL server tests run against, if any. Asking for it and not reaching it fails.
pub fn postgres_admin_url() -> Option<String> {
    std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
}

/// For tests named `postgres_only_*`: `make test` runs them in its PostgreSQL pass and
/// filters them out of the SQLite one, so none of them ever passes without running.
pub fn postgres_only() -> String {
    postgres_admin_url()
        .expect("this test needs TEST_DATABASE_URL (`make test` runs it in the PostgreSQL pass)")
}

/// For tests named `sqlite_only_*`, the mirror of [`postgres_only`].
pub fn sqlite_only() {
    assert!(
        postgres_admin_url().is_none(),
        "this test needs SQLite: unset TEST_DATABASE_URL (`make test` runs it in the SQLite pass)"
    );
}

/// The encryption key of every test server on PostgreSQL (on SQLite they make a key file).
pub const TEST_ENCRYPTION_KEY: &str =
    "test:5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7";

/// A database that exists for one test: a SQLite file in a temporary directory, or a
/// randomly named PostgreSQL database, dropped afterwards; or a PostgreSQL database the
/// test itself owns (and removes).
pub enum TestDatabase {
    Sqlite(TempDir),
    Postgres {
        data_dir: TempDir,
        admin_url: String,
        name: String,
        url: String,
    },
    External {
        data_dir: TempDir,
        url: String,
    },
}

impl TestDatabase {
    pub async fn create() -> Self {
        let Some(admin_url) = postgres_admin_url() else {
            return TestDatabase::Sqlite(tempfile::tempdir().unwrap());
        };
        let name = format!("v2mom_test_{}", uuid::Uuid::new_v4().simple());
        let admin = sqlx::PgPool::connect(&admin_url).await.unwrap_or_else(|e| {
            panic!("TEST_DATABASE_URL is set but PostgreSQL cannot be reached: {e}")
        });
        sqlx::raw_sql(&format!("CREATE DATABASE {name}"))
            .execute(&admin)
            .await
            .expect("create test database");
        admin.close().await;
        let url = with_database(&admin_url, &name);
        TestDatabase::Postgres {
            data_dir: tempfile::tempdir().unwrap(),
            admin_url,
            name,
            url,
        }
    }

    /// The settings that point a server at this database: on PostgreSQL with
    /// [`TEST_ENCRYPTION_KEY`], which every server process there must be given.
    pub fn settings(&self) -> Settings {
        Settings {
            data_dir: self.data_dir(),
            database_url: self.url(),
            encryption_key: self.url().map(|_| TEST_ENCRYPTION_KEY.to_owned()),
            ..Settings::default()
        }
    }

    pub fn data_dir(&self) -> PathBuf {
        match self {
            TestDatabase::Sqlite(dir)
            | TestDatabase::Postgres { data_dir: dir, .. }
            | TestDatabase::External { data_dir: dir, .. } => dir.path().to_owned(),
        }
    }

    pub fn url(&self) -> Option<String> {
        match self {
            TestDatabase::Sqlite(_) => None,
            TestDatabase::Postgres { url, .. } | TestDatabase::External { url, .. } => {
                Some(url.clone())
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let TestDatabase::Postgres {
            admin_url, name, ..
        } = self
        else {
            return;
        };
        let (admin_url, name) = (admin_url.clone(), name.clone());
        // Drop runs inside the test's runtime, which cannot block; use a runtime of our own.
        let dropped = std::thread::spawn(move || {
            tokio::runtime::Runtime::new().unwrap().block_on(async {
                let admin = sqlx::PgPool::connect(&admin_url).await?;
                sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&admin)
                    .await?;
                admin.close().await;
                Ok::<_, sqlx::Error>(())
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!(
                "could not drop test database {}",
                self.url().unwrap_or_default()
            );
        }
    }
}

/// The same server URL naming another database.
fn with_database(url: &str, name: &str) -> String {
    let mut url = url::Url::parse(url).expect("TEST_DATABASE_URL parses");
    url.set_path(&format!("/{name}"));
    url.to_string()
}
