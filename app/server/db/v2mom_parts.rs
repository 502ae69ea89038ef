//! A V2MOM's ranked parts (values; methods with their obstacles and measures), and the
//! cache that spares reading them again while the V2MOM has not changed.
//!
//! Every change to a V2MOM's content bumps its `version` in the same transaction, so the
//! parts of (V2MOM, version) never change: an entry is never stale and never needs to be
//! invalidated, in this process or any other. Versions only grow and ids are never reused;
//! an entry also keeps the V2MOM's `updated_at` and is used only while its head shows the
//! same, so not even a forced restore of another installation's archive under a running
//! server can make a key mean other parts. The one thing that can change under a version
//! is a method's `aligned_to` (the target's deletion sets it to NULL), so the cache keeps
//! none: callers that show alignment take it from [`Db::alignment_of`].

use super::{Db, DbError, V2momHead, among::Among, on_backend};
use crate::model::{Method, ValueItem};
use chrono::{DateTime, Utc};
use std::sync::Arc;

/// How many V2MOMs' parts one process keeps (a few kilobytes each): enough for every
/// V2MOM of a large organisation's current period.
const CACHED_V2MOMS: usize = 5_000;

/// A V2MOM's values and methods (each with its obstacles and measures), in rank order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct V2momParts {
    pub values: Vec<ValueItem>,
    pub methods: Vec<Method>,
}

/// Parts by (V2MOM id, version), with the row's `updated_at` when they were read; shared by
/// every clone of a [`Db`].
pub(super) type PartsCache = Arc<quick_cache::sync::Cache<(i64, i64), Kept>>;

#[derive(Clone)]
pub(super) struct Kept {
    updated_at: DateTime<Utc>,
    parts: Arc<V2momParts>,
}

pub(super) fn parts_cache() -> PartsCache {
    Arc::new(quick_cache::sync::Cache::new(CACHED_V2MOMS))
}

#[derive(sqlx::FromRow)]
struct MethodRow {
    id: i64,
    title: String,
    description: String,
    aligned_to: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct ObstacleRow {
    method_id: i64,
    description: String,
}

impl Db {
    /// The V2MOM `head` belongs to, with its parts from the cache when they are kept for
    /// its version, and its methods' `aligned_to` left empty (see the module's note). On a
    /// miss the parts are read, then the version again: only if it has not moved since the
    /// head was read are they that version's and kept; if it has, the whole V2MOM is read
    /// afresh, as it is now (`None`: it is gone).
    pub async fn v2mom_at(&self, head: V2momHead) -> Result<Option<crate::model::V2mom>, DbError> {
        let (id, version, updated_at) = (head.header.id, head.header.version, head.updated_at());
        let key = (id, version);
        if let Some(kept) = self.parts.get(&key).filter(|k| k.updated_at == updated_at) {
            return Ok(Some(head.into_v2mom(Arc::unwrap_or_clone(kept.parts))));
        }
        let mut parts = self.v2mom_parts(id).await?;
        unalign(&mut parts.methods);
        const NOW: &str = "SELECT version, updated_at FROM v2moms WHERE id = $1";
        let now: Option<(i64, DateTime<Utc>)> = on_backend!(self, |pool| sqlx::query_as(NOW)
            .bind(id)
            .fetch_optional(pool)
            .await)?;
        if now != Some((version, updated_at)) {
            let newer = self.v2mom(id).await?;
            return Ok(newer.map(|mut v2mom| {
                unalign(&mut v2mom.content.methods);
                v2mom
            }));
        }
        let kept = Kept {
            updated_at,
            parts: Arc::new(parts.clone()),
        };
        self.parts.insert(key, kept);
        Ok(Some(head.into_v2mom(parts)))
    }

    /// V2MOM `id` as [`Db::v2mom`] reads it, its parts from the cache ([`Db::v2mom_at`]:
    /// its methods' `aligned_to` left empty).
    pub async fn v2mom_cached(&self, id: i64) -> Result<Option<crate::model::V2mom>, DbError> {
        match self.v2mom_head(id).await? {
            Some(head) => self.v2mom_at(head).await,
            None => Ok(None),
        }
    }

    /// A V2MOM's values, methods, obstacles and measures, in rank order.
    pub(super) async fn v2mom_parts(&self, id: i64) -> Result<V2momParts, DbError> {
        const VALUES: &str =
            "SELECT name, description FROM v2mom_values WHERE v2mom_id = $1 ORDER BY position";
        const METHODS: &str = "SELECT id, title, description, aligned_to FROM v2mom_methods \
            WHERE v2mom_id = $1 ORDER BY position";
        const OBSTACLES: &str = "SELECT o.method_id, o.description FROM v2mom_obstacles o \
            JOIN v2mom_methods m ON m.id = o.method_id WHERE m.v2mom_id = $1 \
            ORDER BY o.method_id, o.position";
        let values: Vec<(String, String)> = on_backend!(self, |pool| sqlx::query_as(VALUES)
            .bind(id)
            .fetch_all(pool)
            .await)?;
        let methods: Vec<MethodRow> = on_backend!(self, |pool| sqlx::query_as(METHODS)
            .bind(id)
            .fetch_all(pool)
            .await)?;
        let obstacles: Vec<ObstacleRow> = on_backend!(self, |pool| sqlx::query_as(OBSTACLES)
            .bind(id)
            .fetch_all(pool)
            .await)?;
        let measures = self.measures(Among::V2mom(id)).await?;
        let methods = methods
            .into_iter()
            .map(|m| Method {
                id: Some(m.id),
                title: m.title,
                description: m.description,
                aligned_to: m.aligned_to,
                obstacles: obstacles
                    .iter()
                    .filter(|o| o.method_id == m.id)
                    .map(|o| o.description.clone())
                    .collect(),
                measures: measures
                    .iter()
                    .filter(|(_, method, _)| *method == m.id)
                    .map(|(_, _, measure)| measure.clone())
                    .collect(),
            })
            .collect();
        Ok(V2momParts {
            values: values
                .into_iter()
                .map(|(name, description)| ValueItem { name, description })
                .collect(),
            methods,
        })
    }
}

/// Forgets `methods`' alignment, which may change without the V2MOM changing.
fn unalign(methods: &mut [Method]) {
    for method in methods {
        method.aligned_to = None;
    }
}
