//! Accounts: a person's role in one town (or the platform, for operators).

use chrono::{DateTime, Utc};
use domain::{MunicipalityId, Role};

use crate::{Exec, Store, StoreError, TenantStore};

/// Database id of an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AccountId(pub i64);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: AccountId,
    pub municipality_id: Option<MunicipalityId>,
    pub role: Role,
    pub organization_id: Option<i64>,
    pub email: String,
    pub display_name: String,
    pub furigana: String,
    pub password_hash: String,
    pub created_at: DateTime<Utc>,
    /// The account was deleted: a tombstone whose personal columns are empty.
    pub deleted: bool,
}

/// An account about to be stored; the password is already hashed.
#[derive(Debug, Clone)]
pub struct NewAccountRecord {
    pub role: Role,
    pub organization_id: Option<i64>,
    pub email: String,
    pub display_name: String,
    pub furigana: String,
    pub password_hash: String,
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    id: i64,
    municipality_id: Option<i64>,
    role: String,
    organization_id: Option<i64>,
    email: String,
    display_name: String,
    furigana: String,
    password_hash: String,
    created_at: DateTime<Utc>,
    deleted_at: Option<DateTime<Utc>>,
}

pub(crate) const ACCOUNT_COLUMNS: &str = "id, municipality_id, role, organization_id, email, display_name, \
     furigana, password_hash, created_at, deleted_at";

impl TryFrom<AccountRow> for Account {
    type Error = StoreError;
    fn try_from(row: AccountRow) -> Result<Self, StoreError> {
        Ok(Account {
            id: AccountId(row.id),
            municipality_id: row.municipality_id.map(MunicipalityId),
            role: Role::from_code(&row.role).ok_or_else(|| StoreError::Corrupt {
                table: "account",
                detail: format!("role {}", row.role),
            })?,
            organization_id: row.organization_id,
            email: row.email,
            display_name: row.display_name,
            furigana: row.furigana,
            password_hash: row.password_hash,
            created_at: row.created_at,
            deleted: row.deleted_at.is_some(),
        })
    }
}

pub(crate) async fn fetch_account(
    exec: Exec<'_>,
    sql: &str,
    binds: (Option<i64>, Option<&str>),
) -> Result<Option<Account>, StoreError> {
    let row = on_backend!(exec, c => {
        let mut q = sqlx::query_as::<_, AccountRow>(sql);
        if let Some(id) = binds.0 { q = q.bind(id); }
        if let Some(text) = binds.1 { q = q.bind(text); }
        q.fetch_optional(c).await
    })?;
    row.map(Account::try_from).transpose()
}

pub(crate) async fn insert_account(
    exec: Exec<'_>,
    municipality: Option<MunicipalityId>,
    new: &NewAccountRecord,
    now: DateTime<Utc>,
) -> Result<Account, StoreError> {
    let sql = format!(
        "INSERT INTO account (municipality_id, role, organization_id, email, display_name, furigana, \
         password_hash, created_at, password_changed_at, name_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9) \
         RETURNING {ACCOUNT_COLUMNS}"
    );
    let row = on_backend!(exec, c => sqlx::query_as::<_, AccountRow>(&sql)
        .bind(municipality.map(|m| m.0))
        .bind(new.role.code())
        .bind(new.organization_id)
        .bind(&new.email)
        .bind(&new.display_name)
        .bind(&new.furigana)
        .bind(&new.password_hash)
        .bind(now)
        .bind(name_key(&new.display_name, &new.furigana))
        .fetch_one(c)
        .await)
    .map_err(|e| StoreError::unique(e, "account.email", "email"))?;
    Account::try_from(row)
}

/// What a name search compares: the name and the reading in search form, apart.
pub(crate) fn name_key(display_name: &str, furigana: &str) -> String {
    use domain::furigana::search_key;
    format!("{} {}", search_key(display_name), search_key(furigana))
}

/// A LIKE pattern that finds `text` anywhere, its own `%`, `_` and `\\` taken literally.
pub(crate) fn contains_pattern(text: &str) -> String {
    let escaped: String = text
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            _ => vec![c],
        })
        .collect();
    format!("%{escaped}%")
}

/// Writes the search key of accounts stored before keys existed, in one transaction.
pub(crate) async fn fill_name_keys(store: &Store) -> Result<(), StoreError> {
    let mut tx = store.begin().await?;
    let missing: Vec<(i64, String, String)> = on_backend!(tx.exec(), c => sqlx::query_as(
        "SELECT id, display_name, furigana FROM account WHERE name_key = ''")
        .fetch_all(c).await)?;
    for (id, name, furigana) in missing {
        let key = name_key(&name, &furigana);
        on_backend!(tx.exec(), c => sqlx::query("UPDATE account SET name_key = $1 WHERE id = $2")
            .bind(&key).bind(id).execute(c).await.map(|_| ()))?;
    }
    tx.commit().await
}

impl Store {
    /// An account by id, in any town; callers check the town against the request's.
    pub async fn account(&self, id: AccountId) -> Result<Option<Account>, StoreError> {
        let mut conn = self.conn().await?;
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM account WHERE id = $1");
        fetch_account(conn.exec(), &sql, (Some(id.0), None)).await
    }

    pub async fn operator_by_email(&self, email: &str) -> Result<Option<Account>, StoreError> {
        let mut conn = self.conn().await?;
        let sql = format!(
            "SELECT {ACCOUNT_COLUMNS} FROM account WHERE municipality_id IS NULL AND email = $1"
        );
        fetch_account(conn.exec(), &sql, (None, Some(email))).await
    }

    pub async fn create_operator(&self, new: &NewAccountRecord) -> Result<Account, StoreError> {
        let mut tx = self.begin().await?;
        let account = insert_account(tx.exec(), None, new, Utc::now()).await?;
        tx.commit().await?;
        Ok(account)
    }

    /// Sets a new password hash and signs the account out everywhere.
    pub async fn set_password(&self, id: AccountId, password_hash: &str) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        set_password_in(tx.exec(), id, password_hash, Utc::now()).await?;
        crate::session::delete_for_account(tx.exec(), id).await?;
        tx.commit().await
    }
}

pub(crate) async fn set_password_in(
    exec: Exec<'_>,
    id: AccountId,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    on_backend!(exec, c => sqlx::query(
        "UPDATE account SET password_hash = $1, password_changed_at = $2 WHERE id = $3")
        .bind(password_hash)
        .bind(now)
        .bind(id.0)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

impl TenantStore<'_> {
    pub async fn account_by_email(&self, email: &str) -> Result<Option<Account>, StoreError> {
        let mut conn = self.store.conn().await?;
        let sql = format!(
            "SELECT {ACCOUNT_COLUMNS} FROM account WHERE municipality_id = $1 AND email = $2"
        );
        fetch_account(
            conn.exec(),
            &sql,
            (Some(self.municipality_id.0), Some(email)),
        )
        .await
    }

    pub async fn account(&self, id: AccountId) -> Result<Option<Account>, StoreError> {
        let mut conn = self.store.conn().await?;
        let sql =
            format!("SELECT {ACCOUNT_COLUMNS} FROM account WHERE municipality_id = $1 AND id = $2");
        let row = on_backend!(conn.exec(), c => sqlx::query_as::<_, AccountRow>(&sql)
            .bind(self.municipality_id.0)
            .bind(id.0)
            .fetch_optional(c)
            .await)?;
        row.map(Account::try_from).transpose()
    }

    /// Creates an account in this town; a taken email is a conflict on `email`.
    pub async fn create_account(&self, new: &NewAccountRecord) -> Result<Account, StoreError> {
        let mut tx = self.store.begin().await?;
        let account =
            insert_account(tx.exec(), Some(self.municipality_id), new, Utc::now()).await?;
        tx.commit().await?;
        Ok(account)
    }

    /// The town's accounts with a role, by name reading, one page at a time.
    pub async fn accounts_with_role(
        &self,
        role: Role,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<Account>, StoreError> {
        let mut conn = self.store.conn().await?;
        let sql = format!(
            "SELECT {ACCOUNT_COLUMNS} FROM account WHERE municipality_id = $1 AND role = $2 AND deleted_at IS NULL \
             ORDER BY furigana, id LIMIT $3 OFFSET $4"
        );
        let rows = on_backend!(conn.exec(), c => sqlx::query_as::<_, AccountRow>(&sql)
            .bind(self.municipality_id.0)
            .bind(role.code())
            .bind(limit)
            .bind(offset)
            .fetch_all(c)
            .await)?;
        rows.into_iter().map(Account::try_from).collect()
    }
}

impl Store {
    /// Accounts whose name or reading holds `key` (in search form), in a town or, for
    /// operators, anywhere; at most `limit`.
    pub async fn accounts_named(
        &self,
        town: Option<MunicipalityId>,
        key: &str,
        limit: i64,
    ) -> Result<Vec<AccountId>, StoreError> {
        let mut conn = self.conn().await?;
        let ids: Vec<i64> = on_backend!(conn.exec(), c => sqlx::query_scalar(
            "SELECT id FROM account WHERE ($1 IS NULL OR municipality_id = $1) \
             AND name_key LIKE $2 ESCAPE '\\' ORDER BY id LIMIT $3")
            .bind(town.map(|t| t.0)).bind(contains_pattern(key)).bind(limit)
            .fetch_all(c).await)?;
        Ok(ids.into_iter().map(AccountId).collect())
    }

    /// The names of these accounts, for pages that list ids (the audit log).
    pub async fn display_names(&self, ids: &[i64]) -> Result<Vec<(i64, String)>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let marks: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT id, display_name FROM account WHERE id IN ({})",
            marks.join(", ")
        );
        let args: Vec<crate::db::Arg> = ids.iter().map(|i| crate::db::Arg::I64(*i)).collect();
        let mut conn = self.conn().await?;
        let rows = on_backend!(conn.exec(), c =>
            bind_args!(sqlx::query_as::<_, (i64, String)>(&sql), &args).fetch_all(c).await)?;
        Ok(rows)
    }
}
