//! `v2mom healthcheck`: asks the server on this machine whether it is alive, so a container
//! image needs no HTTP client of its own (Docker's `HEALTHCHECK`).

use std::{
    net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr},
    time::Duration,
};

/// Long enough for a busy server, short enough that a hung one is reported within one
/// Docker health interval.
const TIMEOUT: Duration = Duration::from_secs(5);

/// Where a server listening on `listen` is reached from the same machine: a wildcard address
/// means loopback.
pub fn local_address(listen: SocketAddr) -> SocketAddr {
    let ip = match listen.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    SocketAddr::new(ip, listen.port())
}

/// `Ok` when `GET /healthz` on the server listening on `listen` answers 200; else what went
/// wrong, in one line.
pub async fn probe(listen: SocketAddr) -> Result<(), String> {
    let url = format!("http://{}/healthz", local_address(listen));
    let client = reqwest::Client::builder()
        .timeout(TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| format!("cannot make an HTTP client: {e}"))?;
    let response = client
        .get(&url)
        .send()
        .await
        .map_err(|e| format!("{url}: no answer ({e})"))?;
    match response.status() {
        reqwest::StatusCode::OK => Ok(()),
        status => Err(format!("{url}: answered {status}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wildcard_listener_is_probed_on_loopback() {
        let probe = |listen: &str| local_address(listen.parse().unwrap()).to_string();
        assert_eq!(probe("0.0.0.0:3000"), "127.0.0.1:3000");
        assert_eq!(probe("[::]:3000"), "[::1]:3000");
        assert_eq!(probe("10.1.2.3:8080"), "10.1.2.3:8080");
    }
}
