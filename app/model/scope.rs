//! What a credential may do: a browser session may do everything its user's role allows; an
//! API key only the part of it its scopes name.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One kind of access an API key can be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Scope {
    /// Reading what the user may read.
    Read,
    /// Creating and changing V2MOMs the user may change.
    Write,
    /// What only administrators may do (people, periods, the audit log, settings, keys),
    /// and changes to the user's own account.
    Admin,
}

impl Scope {
    pub const ALL: [Scope; 3] = [Scope::Read, Scope::Write, Scope::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Read => "read",
            Scope::Write => "write",
            Scope::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.as_str() == text)
    }

    fn bit(self) -> u8 {
        match self {
            Scope::Read => 1,
            Scope::Write => 2,
            Scope::Admin => 4,
        }
    }
}

/// A set of [`Scope`]s; written as `read,write` in the command line, the database and the UI.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(into = "Vec<Scope>", from = "Vec<Scope>")]
pub struct Scopes(u8);

impl Scopes {
    /// A browser session: the whole of its user's role.
    pub const ALL: Scopes = Scopes(7);
    pub const NONE: Scopes = Scopes(0);

    pub fn contains(self, scope: Scope) -> bool {
        self.0 & scope.bit() != 0
    }

    pub fn with(self, scope: Scope) -> Scopes {
        Scopes(self.0 | scope.bit())
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = Scope> {
        Scope::ALL.into_iter().filter(move |s| self.contains(*s))
    }

    /// `read,write` (commas, optional spaces); `None` for an unknown or empty list.
    pub fn parse(text: &str) -> Option<Scopes> {
        let mut scopes = Scopes::NONE;
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            scopes = scopes.with(Scope::parse(part)?);
        }
        (!scopes.is_empty()).then_some(scopes)
    }
}

impl FromIterator<Scope> for Scopes {
    fn from_iter<I: IntoIterator<Item = Scope>>(iter: I) -> Self {
        iter.into_iter().fold(Scopes::NONE, Scopes::with)
    }
}

impl From<Vec<Scope>> for Scopes {
    fn from(list: Vec<Scope>) -> Self {
        list.into_iter().collect()
    }
}

impl From<Scopes> for Vec<Scope> {
    fn from(scopes: Scopes) -> Self {
        scopes.iter().collect()
    }
}

impl fmt::Display for Scopes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.iter().map(Scope::as_str).collect();
        f.write_str(&names.join(","))
    }
}

impl fmt::Debug for Scopes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Scopes({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_read_and_write_as_comma_lists() {
        let rw = Scopes::parse("read, write").unwrap();
        assert!(rw.contains(Scope::Read) && rw.contains(Scope::Write));
        assert!(!rw.contains(Scope::Admin));
        assert_eq!(rw.to_string(), "read,write");
        assert_eq!(Scopes::parse(&Scopes::ALL.to_string()), Some(Scopes::ALL));
        assert_eq!(Scopes::parse("read,owner"), None);
        assert_eq!(Scopes::parse(" , "), None);
        let json = serde_json::to_string(&rw).unwrap();
        assert_eq!(json, r#"["read","write"]"#);
        assert_eq!(serde_json::from_str::<Scopes>(&json).unwrap(), rw);
    }
}
