//! Every column that holds a secret sealed by the keyring (see `server::keyring`), with the
//! column beside it naming the key: what `v2mom rotate-key` walks to seal them all again
//! under the newest key.

use super::{CLIENT_SECRET, DbError, TOTP_SECRET, Tx, WEBHOOK_SECRET, on_tx};
use crate::server::keyring::Sealed;

/// A sealed secret's place: its table, the row's key, the two columns, and the context it is
/// sealed for (which binds the ciphertext to this column: it opens nowhere else).
#[derive(Debug, Clone, Copy)]
pub struct SealedColumn {
    pub table: &'static str,
    pub id: &'static str,
    pub secret: &'static str,
    pub key_id: &'static str,
    pub context: &'static str,
    /// What a row is, for an error message: "SSO provider 3".
    pub what: &'static str,
}

/// Every sealed column.
pub const SEALED_COLUMNS: [SealedColumn; 3] = [
    SealedColumn {
        table: "sso_providers",
        id: "id",
        secret: "client_secret",
        key_id: "client_secret_key_id",
        context: CLIENT_SECRET,
        what: "SSO provider",
    },
    SealedColumn {
        table: "totp_factors",
        id: "user_id",
        secret: "secret",
        key_id: "secret_key_id",
        context: TOTP_SECRET,
        what: "user",
    },
    SealedColumn {
        table: "webhooks",
        id: "id",
        secret: "secret",
        key_id: "secret_key_id",
        context: WEBHOOK_SECRET,
        what: "webhook",
    },
];

impl Tx {
    /// The secrets of `column` not sealed under `key_id`, by row, locked until the
    /// transaction ends.
    pub async fn sealed_not_under(
        &mut self,
        column: &SealedColumn,
        key_id: &str,
    ) -> Result<Vec<(i64, Sealed)>, DbError> {
        let SealedColumn {
            table,
            id,
            secret,
            key_id: key_column,
            ..
        } = column;
        let sql = format!(
            "SELECT {id}, {key_column}, {secret} FROM {table} WHERE {key_column} <> $1 \
             ORDER BY {id}{}",
            self.row_lock()
        );
        let rows: Vec<(i64, String, String)> = on_tx!(self, |conn| sqlx::query_as(&sql)
            .bind(key_id)
            .fetch_all(conn)
            .await)?;
        Ok(rows
            .into_iter()
            .map(|(id, key_id, ciphertext)| (id, Sealed { key_id, ciphertext }))
            .collect())
    }

    /// Replaces row `id`'s secret of `column` with `sealed`.
    pub async fn reseal(
        &mut self,
        column: &SealedColumn,
        id: i64,
        sealed: &Sealed,
    ) -> Result<(), DbError> {
        let SealedColumn {
            table,
            id: id_column,
            secret,
            key_id,
            ..
        } = column;
        let sql = format!("UPDATE {table} SET {secret} = $1, {key_id} = $2 WHERE {id_column} = $3");
        on_tx!(self, |conn| sqlx::query(&sql)
            .bind(&sealed.ciphertext)
            .bind(&sealed.key_id)
            .bind(id)
            .execute(conn)
            .await
            .map(drop))
    }
}
