//! A column's value as JSON and back, the same on both backends: for the personal data
//! export and for backups, which must carry a value from one backend to the other unchanged.
//!
//! SQLite declares timestamps and dates as TEXT, so their kind comes from the column's name:
//! `at` and `*_at` are timestamps, `*_on` are dates (a test checks the rule against
//! PostgreSQL's declared types, so a column that breaks it fails there).

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde_json::Value;
use sqlx::{Column, Row, ValueRef};

/// What a column holds, as far as moving it between backends needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Int,
    Real,
    Bool,
    Text,
    Timestamp,
    Date,
}

impl Kind {
    /// The kind the column's name promises, if it promises one.
    pub fn by_name(name: &str) -> Option<Kind> {
        if name == "at" || name.ends_with("_at") {
            Some(Kind::Timestamp)
        } else if name.ends_with("_on") {
            Some(Kind::Date)
        } else {
            None
        }
    }

    /// From PostgreSQL's `information_schema.columns.data_type`.
    pub fn of_postgres(data_type: &str) -> Option<Kind> {
        Some(match data_type {
            "bigint" | "integer" | "smallint" => Kind::Int,
            "double precision" | "real" => Kind::Real,
            "boolean" => Kind::Bool,
            "text" | "character varying" => Kind::Text,
            "timestamp with time zone" => Kind::Timestamp,
            "date" => Kind::Date,
            _ => return None,
        })
    }

    /// From SQLite's declared type and the column's name.
    pub fn of_sqlite(declared: &str, name: &str) -> Option<Kind> {
        Some(match declared.to_ascii_uppercase().as_str() {
            "INTEGER" => Kind::Int,
            "REAL" => Kind::Real,
            "BOOLEAN" => Kind::Bool,
            "TEXT" => Kind::by_name(name).unwrap_or(Kind::Text),
            _ => return None,
        })
    }
}

/// A timestamp as written to JSON: RFC 3339 in UTC, to the microsecond both backends keep.
pub fn timestamp_text(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// Every value of `row` as JSON, each read as the kind `kind_of(index, column name)` gives;
/// without one, as whatever the value is: an integer, a number, a boolean or text.
pub fn read_values<R: Row>(
    row: &R,
    kind_of: impl Fn(usize, &str) -> Option<Kind>,
) -> Result<Vec<Value>, sqlx::Error>
where
    usize: sqlx::ColumnIndex<R>,
    for<'r> i64: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> i32: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> i16: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> f64: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> bool: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> DateTime<Utc>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> NaiveDate: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> String: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    let read = |i: usize, kind: Option<Kind>| -> Result<Value, sqlx::Error> {
        if row.try_get_raw(i)?.is_null() {
            return Ok(Value::Null);
        }
        let int = || {
            row.try_get::<i64, _>(i)
                .or_else(|_| row.try_get::<i32, _>(i).map(i64::from))
                .or_else(|_| row.try_get::<i16, _>(i).map(i64::from))
        };
        Ok(match kind {
            Some(Kind::Int) => int()?.into(),
            Some(Kind::Real) => row.try_get::<f64, _>(i)?.into(),
            // SQLite keeps booleans as integers; the kind makes them booleans again.
            Some(Kind::Bool) => row
                .try_get::<bool, _>(i)
                .or_else(|_| int().map(|n| n != 0))?
                .into(),
            Some(Kind::Text) => row.try_get::<String, _>(i)?.into(),
            Some(Kind::Timestamp) => timestamp_text(row.try_get(i)?).into(),
            Some(Kind::Date) => row.try_get::<NaiveDate, _>(i)?.to_string().into(),
            None => match int() {
                Ok(n) => n.into(),
                Err(_) => match row.try_get::<f64, _>(i) {
                    Ok(x) => x.into(),
                    Err(_) => match row.try_get::<bool, _>(i) {
                        Ok(b) => b.into(),
                        Err(_) => row.try_get::<String, _>(i)?.into(),
                    },
                },
            },
        })
    };
    row.columns()
        .iter()
        .enumerate()
        .map(|(i, column)| read(i, kind_of(i, column.name())))
        .collect()
}

/// A JSON value made ready to bind to a column of a known kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Bound {
    Int(Option<i64>),
    Real(Option<f64>),
    Bool(Option<bool>),
    Text(Option<String>),
    Timestamp(Option<DateTime<Utc>>),
    Date(Option<NaiveDate>),
}

impl Bound {
    /// `value` for a column of `kind`, or why it does not fit. Integers and booleans pass
    /// for each other, as SQLite stores booleans as 0 and 1.
    pub fn of(kind: Kind, value: &Value) -> Result<Bound, String> {
        let wrong = || format!("{value} is not a {kind:?} value");
        if value.is_null() {
            return Ok(match kind {
                Kind::Int => Bound::Int(None),
                Kind::Real => Bound::Real(None),
                Kind::Bool => Bound::Bool(None),
                Kind::Text => Bound::Text(None),
                Kind::Timestamp => Bound::Timestamp(None),
                Kind::Date => Bound::Date(None),
            });
        }
        Ok(match kind {
            Kind::Int => Bound::Int(Some(match value {
                Value::Bool(b) => i64::from(*b),
                _ => value.as_i64().ok_or_else(wrong)?,
            })),
            Kind::Real => Bound::Real(Some(value.as_f64().ok_or_else(wrong)?)),
            Kind::Bool => Bound::Bool(Some(match value {
                Value::Bool(b) => *b,
                _ => value.as_i64().ok_or_else(wrong)? != 0,
            })),
            Kind::Text => Bound::Text(Some(value.as_str().ok_or_else(wrong)?.to_owned())),
            Kind::Timestamp => Bound::Timestamp(Some(
                value
                    .as_str()
                    .and_then(|text| DateTime::parse_from_rfc3339(text).ok())
                    .ok_or_else(wrong)?
                    .with_timezone(&Utc),
            )),
            Kind::Date => Bound::Date(Some(
                value
                    .as_str()
                    .and_then(|text| text.parse().ok())
                    .ok_or_else(wrong)?,
            )),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_promise_timestamps_and_dates_and_nothing_else() {
        assert_eq!(Kind::by_name("at"), Some(Kind::Timestamp));
        assert_eq!(Kind::by_name("created_at"), Some(Kind::Timestamp));
        assert_eq!(Kind::by_name("due_on"), Some(Kind::Date));
        assert_eq!(Kind::by_name("title"), None);
        assert_eq!(Kind::by_name("format"), None);
        assert_eq!(Kind::of_sqlite("TEXT", "title"), Some(Kind::Text));
        assert_eq!(Kind::of_sqlite("TEXT", "saved_at"), Some(Kind::Timestamp));
        assert_eq!(Kind::of_sqlite("BLOB", "data"), None);
    }

    #[test]
    fn values_bind_to_their_kind_and_refuse_another() {
        assert_eq!(
            Bound::of(Kind::Bool, &json!(1)),
            Ok(Bound::Bool(Some(true)))
        );
        assert_eq!(Bound::of(Kind::Int, &json!(false)), Ok(Bound::Int(Some(0))));
        assert_eq!(Bound::of(Kind::Real, &json!(3)), Ok(Bound::Real(Some(3.0))));
        assert_eq!(Bound::of(Kind::Text, &Value::Null), Ok(Bound::Text(None)));
        let at = Bound::of(Kind::Timestamp, &json!("2026-12-04T20:00:00.123456Z")).unwrap();
        let Bound::Timestamp(Some(at)) = at else {
            panic!("{at:?}")
        };
        assert_eq!(timestamp_text(at), "2026-12-04T20:00:00.123456Z");
        assert!(Bound::of(Kind::Int, &json!("7")).is_err());
        assert!(Bound::of(Kind::Date, &json!("someday")).is_err());
        assert!(Bound::of(Kind::Timestamp, &json!(12)).is_err());
    }
}
