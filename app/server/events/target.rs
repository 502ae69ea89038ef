//! Where a webhook may point. `https://` anywhere public; plain `http://` only to this
//! machine. And never, unless the configuration allows it, to an address inside a private
//! network (loopback, RFC 1918, link-local, unique-local, shared and reserved space): a
//! webhook must not become a way for an administrator's account — or whoever holds it — to
//! reach the servers behind the firewall (SSRF). The check is made when the webhook is saved
//! and again on the addresses a name resolves to at each delivery, which is then sent to the
//! address that was checked (so a name cannot resolve differently in between).

use std::net::{IpAddr, SocketAddr};
use url::{Host, Url};

/// Why an address is refused, in words for the administrator.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("Enter a full address, such as https://example.com/hooks/v2mom.")]
    NotUrl,
    #[error("Use https:// (plain http:// only to this machine).")]
    NotHttps,
    #[error(
        "Addresses with a user name or password are not accepted: the signature proves the sender."
    )]
    Credentials,
    #[error("This address is inside a private network, which webhooks may not reach.")]
    Private,
    #[error("The address's name does not resolve.")]
    Unresolved,
}

impl Refused {
    /// The reason in the request's language, for the administrator's form. (The delivery
    /// log keeps the English [`Display`](std::fmt::Display) text, which is stored.)
    pub fn message(&self) -> String {
        crate::i18n::t(match self {
            Refused::NotUrl => "server-webhook-url-not-url",
            Refused::NotHttps => "server-webhook-url-not-https",
            Refused::Credentials => "server-webhook-url-credentials",
            Refused::Private => "server-webhook-url-private",
            Refused::Unresolved => "server-webhook-url-unresolved",
        })
    }
}

/// Checks `text` as a webhook address without resolving its name: the scheme, and a literal
/// address (or `localhost`) against the private ranges.
pub fn check_url(text: &str, allow_private: bool) -> Result<Url, Refused> {
    let url = Url::parse(text).map_err(|_| Refused::NotUrl)?;
    let host = url.host().ok_or(Refused::NotUrl)?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Refused::Credentials);
    }
    let loopback = match &host {
        Host::Domain(name) => name.eq_ignore_ascii_case("localhost"),
        Host::Ipv4(ip) => ip.is_loopback(),
        Host::Ipv6(ip) => ip.is_loopback(),
    };
    match url.scheme() {
        "https" => {}
        "http" if loopback => {}
        _ => return Err(Refused::NotHttps),
    }
    let literal = match host {
        Host::Domain(_) if loopback => Some(IpAddr::from([127, 0, 0, 1])),
        Host::Domain(_) => None,
        Host::Ipv4(ip) => Some(IpAddr::V4(ip)),
        Host::Ipv6(ip) => Some(IpAddr::V6(ip)),
    };
    if let Some(ip) = literal
        && !allow_private
        && !is_public(ip)
    {
        return Err(Refused::Private);
    }
    Ok(url)
}

/// Resolves `url`'s host and picks the address to send to: the first one, when every one
/// is public (or private ones are allowed).
pub async fn resolve(url: &Url, allow_private: bool) -> Result<SocketAddr, Refused> {
    let host = url.host_str().ok_or(Refused::NotUrl)?;
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let port = url.port_or_known_default().ok_or(Refused::NotUrl)?;
    let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host, port))
        .await
        .map_err(|_| Refused::Unresolved)?
        .collect();
    let first = *addrs.first().ok_or(Refused::Unresolved)?;
    if !allow_private && addrs.iter().any(|a| !is_public(a.ip())) {
        return Err(Refused::Private);
    }
    Ok(first)
}

/// Whether `ip` is on the public internet.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(ip) => {
            let [a, b, ..] = ip.octets();
            !(ip.is_private()
                || ip.is_loopback()
                || ip.is_link_local()
                || ip.is_unspecified()
                || ip.is_broadcast()
                || ip.is_documentation()
                || ip.is_multicast()
                || a == 0
                // Shared address space (carrier-grade NAT), 100.64.0.0/10.
                || (a == 100 && (64..128).contains(&b))
                // Benchmarking, 198.18.0.0/15; reserved, 240.0.0.0/4.
                || (a == 198 && (b == 18 || b == 19))
                || a >= 240)
        }
        IpAddr::V6(ip) => match ip.to_ipv4_mapped() {
            Some(v4) => is_public(IpAddr::V4(v4)),
            None => {
                let first = ip.segments()[0];
                !(ip.is_loopback()
                    || ip.is_unspecified()
                    || ip.is_multicast()
                    // Unique local fc00::/7, link-local fe80::/10, documentation 2001:db8::/32.
                    || (first & 0xfe00) == 0xfc00
                    || (first & 0xffc0) == 0xfe80
                    || (first == 0x2001 && ip.segments()[1] == 0x0db8))
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_public_and_http_only_to_this_machine() {
        assert!(check_url("https://hooks.example.com/x", false).is_ok());
        assert_eq!(
            check_url("http://hooks.example.com/x", false),
            Err(Refused::NotHttps)
        );
        assert_eq!(
            check_url("ftp://example.com/", false),
            Err(Refused::NotHttps)
        );
        assert_eq!(check_url("not a url", false), Err(Refused::NotUrl));
        assert_eq!(
            check_url("https://user:pw@example.com/", false),
            Err(Refused::Credentials)
        );
        // This machine: plain http is fine, but it is private unless allowed.
        assert_eq!(
            check_url("http://127.0.0.1:9000/", false),
            Err(Refused::Private)
        );
        assert_eq!(
            check_url("http://localhost:9000/", false),
            Err(Refused::Private)
        );
        assert!(check_url("http://127.0.0.1:9000/", true).is_ok());
        assert!(check_url("http://[::1]:9000/", true).is_ok());
    }

    #[test]
    fn private_networks_are_refused() {
        for text in [
            "https://10.1.2.3/",
            "https://192.168.0.10/",
            "https://172.16.5.4/",
            "https://169.254.169.254/latest/meta-data",
            "https://100.64.0.1/",
            "https://0.0.0.0/",
            "https://[fd00::1]/",
            "https://[fe80::1]/",
            "https://[::ffff:10.0.0.1]/",
        ] {
            assert_eq!(check_url(text, false), Err(Refused::Private), "{text}");
        }
        assert!(check_url("https://93.184.215.14/", false).is_ok());
        assert!(check_url("https://[2606:4700::1111]/", false).is_ok());
    }

    #[tokio::test]
    async fn names_are_checked_on_what_they_resolve_to() {
        let url = Url::parse("http://localhost:9/").unwrap();
        assert_eq!(resolve(&url, false).await, Err(Refused::Private));
        let addr = resolve(&url, true).await.unwrap();
        assert!(addr.ip().is_loopback());
        assert_eq!(addr.port(), 9);
    }
}
