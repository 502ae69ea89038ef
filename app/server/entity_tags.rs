//! The one reader of `If-Match` and `If-None-Match` (RFC 9110 §8.8.3, §13.1): the pages' and
//! the loader's 304s and the REST API's versions all read their preconditions here.

use http::{HeaderMap, HeaderName};

/// What a precondition header lists, over all its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listed {
    /// `*`: any current version.
    Any,
    /// The entity tags named; anything that is not one is left out.
    Tags(Vec<Tag>),
}

/// One entity tag: `"opaque"`, or `W/"opaque"` when weak.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub weak: bool,
    /// The tag without its quotes.
    pub opaque: String,
}

impl Tag {
    /// `W/"x"` or `"x"`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Tag> {
        let text = text.trim();
        let (weak, quoted) = match text.strip_prefix("W/") {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let opaque = quoted.strip_prefix('"')?.strip_suffix('"')?;
        Some(Tag {
            weak,
            opaque: opaque.to_owned(),
        })
    }
}

impl Listed {
    /// The header `name` in `headers`; `None` when it is absent.
    pub fn read(headers: &HeaderMap, name: &HeaderName) -> Option<Listed> {
        let mut values = headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .peekable();
        values.peek()?;
        let items: Vec<&str> = values.flat_map(|v| v.split(',')).map(str::trim).collect();
        if items.contains(&"*") {
            return Some(Listed::Any);
        }
        Some(Listed::Tags(
            items.into_iter().filter_map(Tag::parse).collect(),
        ))
    }

    /// Whether it names `etag` by weak comparison, as any `If-None-Match` is read.
    pub fn names_weakly(&self, etag: &str) -> bool {
        match (self, Tag::parse(etag)) {
            (Listed::Any, _) => true,
            (Listed::Tags(tags), Some(etag)) => tags.iter().any(|tag| tag.opaque == etag.opaque),
            (Listed::Tags(_), None) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::{HeaderValue, header::IF_NONE_MATCH};

    fn listed(lines: &[&'static str]) -> Option<Listed> {
        let mut headers = HeaderMap::new();
        for line in lines {
            headers.append(IF_NONE_MATCH, HeaderValue::from_static(line));
        }
        Listed::read(&headers, &IF_NONE_MATCH)
    }

    #[test]
    fn a_list_over_several_lines_is_read_whole() {
        assert_eq!(listed(&[]), None);
        assert_eq!(listed(&["\"a\"", "*"]), Some(Listed::Any));
        assert_eq!(
            listed(&["\"a\", W/\"b\"", "c, \"d"]),
            Some(Listed::Tags(vec![
                Tag {
                    weak: false,
                    opaque: "a".into()
                },
                Tag {
                    weak: true,
                    opaque: "b".into()
                },
            ]))
        );
    }

    #[test]
    fn weak_comparison_ignores_weakness_only() {
        let held = listed(&["W/\"v1\", \"v2\""]).expect("listed");
        assert!(held.names_weakly("\"v1\""));
        assert!(held.names_weakly("W/\"v2\""));
        assert!(!held.names_weakly("W/\"v3\""));
        assert!(!held.names_weakly("v1"));
        assert!(listed(&["*"]).expect("listed").names_weakly("\"v9\""));
    }
}
