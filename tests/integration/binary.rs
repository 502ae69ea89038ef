//! The real binary on free ports, as an operator runs it, with its log lines at hand.

use crate::helpers::{TEST_ENCRYPTION_KEY, TestApp};
use std::{
    io::{BufRead, BufReader},
    path::Path,
    process::{Child, Command, Output, Stdio},
    sync::mpsc::{Receiver, channel},
    time::{Duration, Instant},
};

/// `v2mom ARGS…` run to its end against `app`'s data directory and database.
pub fn command_on(app: &TestApp, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_v2mom"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("V2MOM_LOG_LEVEL", "info")
        .arg("--data-dir")
        .arg(&app.config.settings.data_dir)
        .args(args);
    if let Some(url) = &app.config.settings.database_url {
        // As for every process on a PostgreSQL database: the keys the server was given.
        cmd.env("DATABASE_URL", url)
            .env("V2MOM_ENCRYPTION_KEY", TEST_ENCRYPTION_KEY);
    }
    cmd.output().unwrap()
}

/// How long a line the server is about to write may take to arrive.
const LINE_WAIT: Duration = Duration::from_secs(20);

pub struct Running {
    child: Child,
    /// `host:port` of the public listener.
    pub public: String,
    /// `host:port` of the metrics listener, when `V2MOM_METRICS_ADDR` was given.
    pub metrics: Option<String>,
    lines: Receiver<String>,
}

impl Running {
    /// `v2mom serve` in `dir` on a free port, with a clean environment plus `env`; returns
    /// once it has said where it listens.
    pub fn start(dir: &Path, env: &[(&str, &str)]) -> Running {
        Running::start_on(dir, "127.0.0.1:0", env)
    }

    /// [`Running::start`] on `addr` (`host:port`), as a restarted process takes its old place.
    pub fn start_on(dir: &Path, addr: &str, env: &[(&str, &str)]) -> Running {
        let mut command = Command::new(env!("CARGO_BIN_EXE_v2mom"));
        command
            .args(["serve", "--addr", addr])
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("V2MOM_LOG_LEVEL", "info")
            .current_dir(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        for (key, value) in env {
            command.env(key, value);
        }
        let wants_metrics = env.iter().any(|(key, _)| *key == "V2MOM_METRICS_ADDR");
        let mut child = command.spawn().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        let (sender, lines) = channel();
        // Reads every line, so the server never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in stdout.lines().map_while(Result::ok) {
                let _ = sender.send(line);
            }
        });
        let mut running = Running {
            child,
            public: String::new(),
            metrics: None,
            lines,
        };
        while running.public.is_empty() || (wants_metrics && running.metrics.is_none()) {
            let line = running
                .next_line()
                .expect("the server said where it listens");
            if let Some(addr) = address_after(&line, "metrics on http://") {
                running.metrics = Some(addr);
            } else if let Some(addr) = address_after(&line, "listening on http://") {
                running.public = addr;
            }
        }
        running
    }

    /// The next line the server writes; `None` once it has gone quiet for [`LINE_WAIT`].
    pub fn next_line(&self) -> Option<String> {
        self.lines.recv_timeout(LINE_WAIT).ok()
    }

    /// Every line up to and including the first that `last` accepts.
    pub fn lines_until(&self, last: impl Fn(&str) -> bool) -> Vec<String> {
        let deadline = Instant::now() + LINE_WAIT;
        let mut seen = Vec::new();
        while Instant::now() < deadline {
            let Some(line) = self.next_line() else { break };
            let done = last(&line);
            seen.push(line);
            if done {
                return seen;
            }
        }
        panic!(
            "the awaited line never came; the server wrote:\n{}",
            seen.join("\n")
        );
    }

    /// Stops the server (SIGKILL) and waits for it.
    pub fn stop(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    /// Asks the server to stop (SIGTERM), as an orchestrator does.
    pub fn ask_to_stop(&self) {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        assert!(sent.success(), "kill -TERM {pid}");
    }

    /// [`Running::ask_to_stop`], then waits for it to exit; its exit status.
    pub fn terminate(mut self) -> std::process::ExitStatus {
        self.ask_to_stop();
        self.child.wait().unwrap()
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `host:port` after `marker` in a log line, pretty or JSON.
fn address_after(line: &str, marker: &str) -> Option<String> {
    line.split(marker).nth(1).map(|rest| {
        rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == ':'))
            .next()
            .unwrap()
            .to_owned()
    })
}
