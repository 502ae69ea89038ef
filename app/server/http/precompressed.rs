//! Text the server holds in memory and sends as a file (the split bundle's loader, each
//! language's messages): compressed once, when it is made, rather than by the compression
//! layer on every request, and sent in the encoding the browser prefers. (The bundle's own
//! files get the same from the copies `make build` writes beside them.)

use axum::{
    body::{Body, Bytes},
    response::{IntoResponse, Response},
};
use http::{HeaderMap, HeaderValue, header};
use std::io::Write;

/// One text, and its brotli and gzip forms.
pub struct Precompressed {
    identity: Bytes,
    brotli: Bytes,
    gzip: Bytes,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Precompressed {
    /// Compresses `text` at the smallest size: brotli's best takes about 10 ms per 10 KB (a
    /// language's 64 KB of messages about 80 ms), paid once per process.
    pub fn new(text: impl Into<Bytes>) -> Precompressed {
        let identity = text.into();
        let mut brotli = Vec::new();
        {
            let mut writer = brotli::CompressorWriter::new(&mut brotli, 4096, 11, 22);
            writer
                .write_all(&identity)
                .expect("compressing into memory");
        }
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gzip.write_all(&identity).expect("compressing into memory");
        let gzip = gzip.finish().expect("compressing into memory");
        Precompressed {
            identity,
            brotli: brotli.into(),
            gzip: gzip.into(),
        }
    }

    /// The text as `request` accepts it, with `headers` (its type, how long to keep it).
    pub fn respond<const N: usize>(
        &self,
        request: &HeaderMap,
        headers: [(header::HeaderName, HeaderValue); N],
    ) -> Response {
        let (body, encoding) = match preferred(request) {
            Encoding::Brotli => (&self.brotli, Some("br")),
            Encoding::Gzip => (&self.gzip, Some("gzip")),
            Encoding::Identity => (&self.identity, None),
        };
        let mut res = (headers, [vary()], Body::from(body.clone())).into_response();
        if let Some(encoding) = encoding {
            res.headers_mut()
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
        }
        res
    }
}

/// What the form sent depends on: a 304 for the text names it too (RFC 9110 §15.4.5).
pub fn vary() -> (header::HeaderName, HeaderValue) {
    (header::VARY, HeaderValue::from_static("accept-encoding"))
}

/// Brotli when accepted at least as much as gzip, else gzip when accepted, else none:
/// `Accept-Encoding` with its weights (`br;q=0` refuses brotli; `*` stands for any other).
fn preferred(request: &HeaderMap) -> Encoding {
    let (mut brotli, mut gzip, mut any) = (None, None, None);
    for value in request.get_all(header::ACCEPT_ENCODING) {
        for item in value.to_str().unwrap_or_default().split(',') {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let weight = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
                .unwrap_or(0.0);
            match name.to_ascii_lowercase().as_str() {
                "br" => brotli = Some(weight),
                "gzip" | "x-gzip" => gzip = Some(weight),
                "*" => any = Some(weight),
                _ => {}
            }
        }
    }
    let brotli = brotli.or(any).unwrap_or(0.0);
    let gzip = gzip.or(any).unwrap_or(0.0);
    if brotli > 0.0 && brotli >= gzip {
        Encoding::Brotli
    } else if gzip > 0.0 {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepting(value: &str) -> Encoding {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        preferred(&headers)
    }

    #[test]
    fn the_browsers_preferred_encoding_is_sent() {
        assert_eq!(preferred(&HeaderMap::new()), Encoding::Identity);
        assert_eq!(accepting("gzip, deflate, br, zstd"), Encoding::Brotli);
        assert_eq!(accepting("gzip"), Encoding::Gzip);
        assert_eq!(accepting("BR;q=0.5, gzip;q=0.8"), Encoding::Gzip);
        assert_eq!(accepting("br;q=0, gzip"), Encoding::Gzip);
        assert_eq!(accepting("br;q=0, gzip;q=0"), Encoding::Identity);
        assert_eq!(accepting("*"), Encoding::Brotli);
        assert_eq!(accepting("gzip;q=1, *;q=0"), Encoding::Gzip);
        assert_eq!(accepting("identity, deflate"), Encoding::Identity);
        assert_eq!(accepting("br;q=nonsense, gzip"), Encoding::Gzip);
    }
}
