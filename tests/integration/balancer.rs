//! HAProxy from Debian (`make tools` installs it) in front of test servers, configured by
//! the very file the documentation gives operators: `docs/haproxy.cfg`.

use std::{
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

const CONFIG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/haproxy.cfg");

/// How long the balancer may take to find its first process ready.
const READY_WAIT: Duration = Duration::from_secs(20);

pub struct Balancer {
    child: Child,
    /// `host:port` the balancer listens on.
    pub addr: String,
}

impl Balancer {
    /// HAProxy on `addr` (see [`free_addr`]) in front of the three processes at `apps`;
    /// returns once a request through it reaches a ready process.
    pub async fn start(addr: &str, apps: [&str; 3]) -> Balancer {
        let child = Command::new("haproxy")
            .args(["-db", "-f", CONFIG])
            .env("BALANCER_ADDR", addr)
            .env("APP1_ADDR", apps[0])
            .env("APP2_ADDR", apps[1])
            .env("APP3_ADDR", apps[2])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("haproxy runs (make tools installs Debian's haproxy package)");
        let balancer = Balancer {
            child,
            addr: addr.to_owned(),
        };
        let deadline = Instant::now() + READY_WAIT;
        loop {
            let answer = reqwest::get(balancer.url("/readyz")).await;
            if answer.is_ok_and(|res| res.status().is_success()) {
                return balancer;
            }
            assert!(Instant::now() < deadline, "the balancer never became ready");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

impl Drop for Balancer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A loopback address with a port free at the moment of asking, for a server that must
/// be told its address before it starts.
pub fn free_addr() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().to_string()
}
