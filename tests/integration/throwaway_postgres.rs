//! A PostgreSQL server of a test's own, for tests that stop and start it: initdb on a free
//! port, sockets in its own directory; never the server other tests use.

use std::{
    path::{Path, PathBuf},
    process::Command,
};
use tempfile::TempDir;

/// A PostgreSQL cluster in a temporary directory, stopped and removed on drop.
pub struct ThrowawayPostgres {
    dir: TempDir,
    bin: PathBuf,
    port: u16,
}

impl ThrowawayPostgres {
    pub fn create() -> ThrowawayPostgres {
        let bin = postgres_bin();
        let dir = tempfile::tempdir().unwrap();
        if as_root() {
            // initdb refuses to run as root: the cluster belongs to `postgres`.
            run(Command::new("chown").arg("postgres:").arg(dir.path()));
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let cluster = ThrowawayPostgres { dir, bin, port };
        run(cluster
            .pg("initdb")
            .args(["-A", "trust", "-U", "postgres", "--no-sync", "-D"])
            .arg(cluster.data()));
        cluster.start();
        cluster
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// A PostgreSQL program, run as `postgres` when the test runs as root.
    fn pg(&self, program: &str) -> Command {
        let program = self.bin.join(program);
        if as_root() {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(program);
            command
        } else {
            Command::new(program)
        }
    }

    pub fn start(&self) {
        let options = format!(
            "-p {} -c listen_addresses=127.0.0.1 -k {} -c fsync=off",
            self.port,
            self.dir.path().display()
        );
        run(self
            .pg("pg_ctl")
            .args(["-w", "-o", &options, "-l"])
            .arg(self.dir.path().join("log"))
            .arg("-D")
            .arg(self.data())
            .arg("start"));
    }

    /// Stops the server at once, as a crash or a pulled cable would: no goodbyes to clients.
    pub fn stop(&self) {
        run(self
            .pg("pg_ctl")
            .args(["-w", "-m", "immediate", "-D"])
            .arg(self.data())
            .arg("stop"));
    }
}

impl Drop for ThrowawayPostgres {
    fn drop(&mut self) {
        let _ = self
            .pg("pg_ctl")
            .args(["-m", "immediate", "-D"])
            .arg(self.data())
            .arg("stop")
            .output();
    }
}

fn as_root() -> bool {
    let uid = Command::new("id").arg("-u").output().unwrap().stdout;
    String::from_utf8_lossy(&uid).trim() == "0"
}

/// The newest installed PostgreSQL's programs.
fn postgres_bin() -> PathBuf {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .expect("PostgreSQL server programs under /usr/lib/postgresql")
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|bin| bin.join("initdb").exists())
        .collect();
    found.sort_by_key(|bin| version_of(bin));
    found.pop().expect("initdb under /usr/lib/postgresql/*/bin")
}

fn version_of(bin: &Path) -> u32 {
    bin.parent()
        .and_then(|v| v.file_name())
        .and_then(|v| v.to_str())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn run(command: &mut Command) {
    let out = command.output().expect("PostgreSQL program runs");
    assert!(
        out.status.success(),
        "{command:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
