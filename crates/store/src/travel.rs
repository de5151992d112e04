//! A town's travel table (areas and minutes between them, see `domain::travel`): replaced as a
//! whole, read for the matching engine and the profile form.

use domain::travel::{Area, TravelTable};

use crate::{StoreError, TenantStore};

impl TenantStore<'_> {
    /// Replaces the town's table in one transaction. Profiles whose area is no longer listed
    /// lose it (they fall back to the default minutes), rather than keep a code nothing knows.
    pub async fn replace_travel_table(&self, table: &TravelTable) -> Result<(), StoreError> {
        let town = self.municipality_id.0;
        let mut tx = self.store.begin().await?;
        on_backend!(tx.exec(), c => sqlx::query("DELETE FROM town_travel WHERE municipality_id = $1")
            .bind(town).execute(c).await.map(|r| r.rows_affected()))?;
        on_backend!(tx.exec(), c => sqlx::query("DELETE FROM town_area WHERE municipality_id = $1")
            .bind(town).execute(c).await.map(|r| r.rows_affected()))?;
        for (position, area) in table.areas.iter().enumerate() {
            let position = i32::try_from(position).unwrap_or(i32::MAX);
            on_backend!(tx.exec(), c => sqlx::query(
                "INSERT INTO town_area (municipality_id, code, name_ja, name_en, position) VALUES ($1, $2, $3, $4, $5)")
                .bind(town).bind(&area.code).bind(&area.name_ja).bind(&area.name_en).bind(position)
                .execute(c).await.map(|r| r.rows_affected()))?;
        }
        for (from, to, minutes) in &table.minutes {
            on_backend!(tx.exec(), c => sqlx::query(
                "INSERT INTO town_travel (municipality_id, from_area, to_area, minutes) VALUES ($1, $2, $3, $4)")
                .bind(town).bind(&table.areas[*from].code).bind(&table.areas[*to].code).bind(i32::from(*minutes))
                .execute(c).await.map(|r| r.rows_affected()))?;
        }
        on_backend!(tx.exec(), c => sqlx::query("UPDATE municipality SET travel_default_minutes = $1 WHERE id = $2")
            .bind(i32::from(table.default_minutes)).bind(town).execute(c).await.map(|r| r.rows_affected()))?;
        on_backend!(tx.exec(), c => sqlx::query(
            "UPDATE participant_profile SET home_area = NULL WHERE municipality_id = $1 AND home_area IS NOT NULL \
             AND home_area NOT IN (SELECT code FROM town_area WHERE municipality_id = $1)")
            .bind(town).execute(c).await.map(|r| r.rows_affected()))?;
        tx.commit().await
    }

    /// The town's table; a town that has loaded none has no areas and the default minutes.
    pub async fn travel_table(&self) -> Result<TravelTable, StoreError> {
        let town = self.municipality_id.0;
        let mut conn = self.store.conn().await?;
        let areas: Vec<(String, String, String)> = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT code, name_ja, name_en FROM town_area WHERE municipality_id = $1 ORDER BY position")
            .bind(town).fetch_all(c).await)?;
        let travel: Vec<(String, String, i32)> = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT from_area, to_area, minutes FROM town_travel WHERE municipality_id = $1 ORDER BY from_area, to_area")
            .bind(town).fetch_all(c).await)?;
        let default: (i32,) = on_backend!(conn.exec(), c => sqlx::query_as(
            "SELECT travel_default_minutes FROM municipality WHERE id = $1")
            .bind(town).fetch_one(c).await)?;
        let mut table = TravelTable {
            areas: areas
                .into_iter()
                .map(|(code, name_ja, name_en)| Area {
                    code,
                    name_ja,
                    name_en,
                })
                .collect(),
            default_minutes: u16::try_from(default.0).unwrap_or(domain::travel::DEFAULT_MINUTES),
            minutes: Vec::new(),
        };
        for (from, to, minutes) in travel {
            if let (Some(a), Some(b), Ok(m)) =
                (table.index(&from), table.index(&to), u16::try_from(minutes))
            {
                table.minutes.push((a, b, m));
            }
        }
        table.minutes.sort_unstable();
        Ok(table)
    }
}
