//! Is the database reachable, and is its schema the one this build expects?

use super::{Db, on_backend};
use serde::Serialize;
use std::time::Duration;

/// A readiness probe must answer quickly even when the database hangs.
const PROBE_TIMEOUT: Duration = Duration::from_secs(2);

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Readiness {
    pub database_reachable: bool,
    pub schema_current: bool,
}

impl Readiness {
    pub fn is_ready(self) -> bool {
        self.database_reachable && self.schema_current
    }
}

impl Db {
    pub async fn readiness(&self) -> Readiness {
        const SQL: &str = "SELECT version FROM _sqlx_migrations WHERE success ORDER BY version";
        let applied = tokio::time::timeout(PROBE_TIMEOUT, async {
            on_backend!(self, |pool| sqlx::query_scalar::<_, i64>(SQL)
                .fetch_all(pool)
                .await)
        })
        .await;
        match applied {
            Ok(Ok(applied)) => {
                let expected: Vec<i64> = self.migrator().iter().map(|m| m.version).collect();
                Readiness {
                    database_reachable: true,
                    schema_current: applied == expected,
                }
            }
            Ok(Err(err)) => {
                tracing::warn!(error = %err, "readiness probe failed");
                Readiness::default()
            }
            Err(_) => {
                tracing::warn!("readiness probe timed out");
                Readiness::default()
            }
        }
    }
}
