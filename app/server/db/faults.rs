//! Which database errors are the database being away or busy rather than a fault of ours.
//!
//! A connection that cannot be had or was lost, a server shutting down, a statement timeout,
//! a full disk, a database that only reads (a standby after a failover, a file system gone
//! read-only) and two transactions colliding all pass: the client should try again in a
//! moment (503), and the operator should see a warning, not an internal error. Everything
//! else is a bug or a broken schema (500).

use super::DbError;
use sqlx::{error::DatabaseError, postgres::PgDatabaseError, sqlite::SqliteError};
use std::any::Any;
use tower_sessions::{session, session_store};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The database cannot be reached, or will not serve now.
    Away,
    /// This transaction collided with another (serialization failure, deadlock, SQLite's
    /// lock held too long); running it again can succeed.
    Contention,
}

/// What kind of passing trouble `err` is, if it is one.
pub fn classify(err: &DbError) -> Option<Fault> {
    match err {
        DbError::PoolTimedOut
        | DbError::PoolClosed
        | DbError::Io(_)
        | DbError::Tls(_)
        // Garbage on the wire: the connection broke mid-message.
        | DbError::Protocol(_)
        | DbError::WorkerCrashed => Some(Fault::Away),
        DbError::Database(db) => {
            if let Some(pg) = db.try_downcast_ref::<PgDatabaseError>() {
                postgres_fault(pg.code())
            } else if let Some(sqlite) = db.try_downcast_ref::<SqliteError>() {
                sqlite_fault(sqlite.code().as_deref())
            } else {
                None
            }
        }
        _ => None,
    }
}

/// By SQLSTATE (https://www.postgresql.org/docs/current/errcodes-appendix.html).
fn postgres_fault(code: &str) -> Option<Fault> {
    match code {
        // serialization_failure, deadlock_detected
        "40001" | "40P01" => Some(Fault::Contention),
        // admin_shutdown, crash_shutdown, cannot_connect_now, query_canceled (statement
        // timeout), too_many_connections, disk_full, read_only_sql_transaction (a standby)
        "57P01" | "57P02" | "57P03" | "57014" | "53300" | "53100" | "25006" => Some(Fault::Away),
        // connection_exception and its subclasses
        _ if code.starts_with("08") => Some(Fault::Away),
        _ => None,
    }
}

/// By SQLite's primary result code (the low byte of the extended one sqlx reports).
fn sqlite_fault(code: Option<&str>) -> Option<Fault> {
    const SQLITE_BUSY: i32 = 5;
    const SQLITE_LOCKED: i32 = 6;
    const SQLITE_READONLY: i32 = 8;
    const SQLITE_IOERR: i32 = 10;
    const SQLITE_FULL: i32 = 13;
    const SQLITE_CANTOPEN: i32 = 14;
    match code?.parse::<i32>().ok()? & 0xff {
        SQLITE_BUSY | SQLITE_LOCKED => Some(Fault::Contention),
        SQLITE_READONLY | SQLITE_IOERR | SQLITE_FULL | SQLITE_CANTOPEN => Some(Fault::Away),
        _ => None,
    }
}

/// SQLite's own words for the failures [`sqlite_fault`] counts as away, for the session
/// store, which passes errors on as text (see [`store_lost_database`]).
const SQLITE_AWAY_MESSAGES: [&str; 4] = [
    "attempt to write a readonly database",
    "disk I/O error",
    "database or disk is full",
    "unable to open database file",
];

/// Whether running the transaction again may succeed.
pub fn is_contention(err: &DbError) -> bool {
    classify(err) == Some(Fault::Contention)
}

/// Whether `cause` — any error on its way to becoming an internal one — is the database
/// being away or busy: a `sqlx` error, or the session store's error about one.
pub fn is_unavailable(cause: &dyn Any) -> bool {
    if let Some(err) = cause.downcast_ref::<DbError>() {
        return classify(err).is_some();
    }
    let store = cause.downcast_ref::<session_store::Error>().or_else(|| {
        match cause.downcast_ref::<session::Error>() {
            Some(session::Error::Store(err)) => Some(err),
            _ => None,
        }
    });
    matches!(store, Some(session_store::Error::Backend(message)) if store_lost_database(message))
}

/// The session store (tower-sessions-sqlx-store) hands its `sqlx` error on as text only, so
/// here the text is compared with `sqlx`'s own wording of the connection-level errors.
fn store_lost_database(message: &str) -> bool {
    let whole = [DbError::PoolTimedOut, DbError::PoolClosed];
    let prefixes = [
        DbError::Io(std::io::Error::other("")),
        DbError::Tls("".into()),
        DbError::Protocol(String::new()),
    ];
    whole.iter().any(|e| message == e.to_string())
        || prefixes
            .iter()
            .any(|e| message.starts_with(e.to_string().as_str()))
        || SQLITE_AWAY_MESSAGES.iter().any(|m| message.ends_with(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_codes_sort_into_away_contention_and_faults() {
        for code in [
            "08000", "08006", "08003", "57P01", "57P02", "57P03", "57014", "53300", "53100",
            "25006",
        ] {
            assert_eq!(postgres_fault(code), Some(Fault::Away), "{code}");
        }
        for code in ["40001", "40P01"] {
            assert_eq!(postgres_fault(code), Some(Fault::Contention), "{code}");
        }
        // unique violation, undefined table, syntax error, out of memory: our fault, not the
        // database's being away
        for code in ["23505", "42P01", "42601", "53200"] {
            assert_eq!(postgres_fault(code), None, "{code}");
        }
    }

    #[test]
    fn sqlite_busy_and_locked_are_contention_in_any_extended_form() {
        // SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED, SQLITE_LOCKED_SHAREDCACHE
        for code in ["5", "517", "6", "262"] {
            assert_eq!(sqlite_fault(Some(code)), Some(Fault::Contention), "{code}");
        }
        // SQLITE_CONSTRAINT_UNIQUE, SQLITE_ERROR, SQLITE_CORRUPT
        for code in ["2067", "1", "11"] {
            assert_eq!(sqlite_fault(Some(code)), None, "{code}");
        }
    }

    #[test]
    fn sqlite_read_only_full_and_io_errors_are_away() {
        // SQLITE_READONLY, SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE, SQLITE_FULL,
        // SQLITE_CANTOPEN
        for code in ["8", "1032", "778", "13", "14"] {
            assert_eq!(sqlite_fault(Some(code)), Some(Fault::Away), "{code}");
        }
    }

    #[test]
    fn connection_errors_are_away_and_others_are_not() {
        let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        for err in [
            DbError::PoolTimedOut,
            DbError::PoolClosed,
            DbError::Io(refused),
        ] {
            assert_eq!(classify(&err), Some(Fault::Away), "{err}");
            assert!(is_unavailable(&err));
        }
        for err in [DbError::RowNotFound, DbError::ColumnNotFound("x".into())] {
            assert_eq!(classify(&err), None, "{err}");
            assert!(!is_unavailable(&err));
        }
        assert!(!is_unavailable(&"the disk is on fire"));
    }

    #[test]
    fn the_session_stores_text_of_a_lost_database_is_recognised() {
        let as_store = |err: DbError| session_store::Error::Backend(err.to_string());
        let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        assert!(is_unavailable(&as_store(DbError::PoolTimedOut)));
        assert!(is_unavailable(&session::Error::Store(as_store(
            DbError::Io(refused)
        ))));
        assert!(!is_unavailable(&as_store(DbError::RowNotFound)));
        assert!(!is_unavailable(&session_store::Error::Decode(
            DbError::PoolTimedOut.to_string()
        )));
    }
}
