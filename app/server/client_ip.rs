//! Which address a request comes from: the socket's peer, or — only when that peer is a
//! trusted proxy (`trusted_proxies`) — the right-most address in `X-Forwarded-For` that is
//! not itself a trusted proxy. Everything left of that was written by the client and proves
//! nothing, so a client cannot choose its own address by sending the header.

use axum::extract::ConnectInfo;
use http::{HeaderMap, request::Parts};
use ipnet::IpNet;
use std::net::{IpAddr, SocketAddr};

pub const X_FORWARDED_FOR: &str = "x-forwarded-for";

/// The client address of a request (`None` when the server was not told the peer, as in a
/// router called without connection info).
pub fn of_request(parts: &Parts, trusted: &[IpNet]) -> Option<IpAddr> {
    let ConnectInfo(peer) = parts.extensions.get::<ConnectInfo<SocketAddr>>()?;
    Some(resolve(peer.ip(), &parts.headers, trusted))
}

/// The pure part of [`of_request`].
pub fn resolve(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    let mut client = peer.to_canonical();
    if !is_trusted(&client) {
        return client;
    }
    // Several header lines count as one list, in order; an unreadable line ends the walk.
    let hops: Vec<&str> = headers
        .get_all(X_FORWARDED_FOR)
        .iter()
        .flat_map(|line| line.to_str().unwrap_or("?").split(','))
        .collect();
    for hop in hops.iter().rev() {
        // Anything that is not an address (or is one with a port) stops the walk at the last
        // proxy we trust: the hop before it is unknown.
        let Some(ip) = parse_hop(hop) else { break };
        client = ip;
        if !is_trusted(&client) {
            break;
        }
    }
    client
}

fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    hop.parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<SocketAddr>().ok().map(|s| s.ip()))
        .map(|ip| ip.to_canonical())
}

/// A `trusted_proxies` entry: a network (`10.0.0.0/8`, `fd00::/8`) or one address.
pub fn parse_net(raw: &str) -> Option<IpNet> {
    let raw = raw.trim();
    raw.parse::<IpNet>()
        .ok()
        .or_else(|| raw.parse::<IpAddr>().ok().map(IpNet::from))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_xff(lines: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for line in lines {
            headers.append(X_FORWARDED_FOR, line.parse().unwrap());
        }
        headers
    }

    fn nets(list: &[&str]) -> Vec<IpNet> {
        list.iter().map(|n| parse_net(n).unwrap()).collect()
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let headers = with_xff(&["203.0.113.9"]);
        assert_eq!(
            resolve(ip("198.51.100.1"), &headers, &[]),
            ip("198.51.100.1")
        );
    }

    #[test]
    fn an_untrusted_peer_cannot_speak_for_someone_else() {
        let headers = with_xff(&["203.0.113.9"]);
        let trusted = nets(&["10.0.0.0/8"]);
        assert_eq!(
            resolve(ip("198.51.100.1"), &headers, &trusted),
            ip("198.51.100.1")
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_right_most_untrusted_hop_is_the_client() {
        let trusted = nets(&["10.0.0.0/8", "127.0.0.1"]);
        // The client forged the first entry; the proxy appended the real one.
        let headers = with_xff(&["1.2.3.4, 203.0.113.9"]);
        assert_eq!(
            resolve(ip("127.0.0.1"), &headers, &trusted),
            ip("203.0.113.9")
        );
        // Two proxies in a row, and the list split over two header lines.
        let headers = with_xff(&["1.2.3.4, 203.0.113.9", "10.1.1.1"]);
        assert_eq!(
            resolve(ip("10.2.2.2"), &headers, &trusted),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn garbage_or_a_missing_header_stops_at_the_last_trusted_hop() {
        let trusted = nets(&["10.0.0.0/8"]);
        assert_eq!(
            resolve(ip("10.0.0.5"), &HeaderMap::new(), &trusted),
            ip("10.0.0.5")
        );
        let headers = with_xff(&["203.0.113.9, not-an-ip, 10.0.0.7"]);
        assert_eq!(resolve(ip("10.0.0.5"), &headers, &trusted), ip("10.0.0.7"));
    }

    #[test]
    fn ports_and_mapped_addresses_are_understood() {
        let trusted = nets(&["127.0.0.1", "::1"]);
        let headers = with_xff(&["203.0.113.9:5555"]);
        assert_eq!(
            resolve(ip("::ffff:127.0.0.1"), &headers, &trusted),
            ip("203.0.113.9")
        );
        let headers = with_xff(&["[2001:db8::1]:443"]);
        assert_eq!(resolve(ip("::1"), &headers, &trusted), ip("2001:db8::1"));
    }

    #[test]
    fn trusted_entries_are_networks_or_addresses() {
        assert_eq!(parse_net("10.0.0.0/8").unwrap().to_string(), "10.0.0.0/8");
        assert_eq!(parse_net(" 10.0.0.1 ").unwrap().to_string(), "10.0.0.1/32");
        assert_eq!(parse_net("::1").unwrap().to_string(), "::1/128");
        assert!(parse_net("10.0.0.0/33").is_none());
        assert!(parse_net("proxy.example").is_none());
    }
}
