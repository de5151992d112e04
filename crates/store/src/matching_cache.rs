//! Each town's engine input held in memory and kept current, so a coordinator's matching page
//! reads a few changed rows instead of the whole town.
//!
//! Every write that changes what the engine reads (profiles, skills, consent, introductions,
//! requests, the travel table) records a `matching_change` row through a database trigger, so
//! no write path can forget it, whichever app node made it. On each use the cache reads the
//! changes since it last looked (one small query) and reloads only the participants they name;
//! a change to a published request reloads the openings (there are few), a change to the travel
//! table reloads everything. Exposure counts age by the day, so they are recounted once a day.
//!
//! Where "since" is: SQLite's writers take turns, so ids are in commit order and the cache keeps
//! the last id it read. PostgreSQL hands out ids before commit, so the cache keeps the oldest
//! transaction still running when it looked (`pg_snapshot_xmin`) and asks again for every
//! change of that transaction or a later one, skipping the ones it has applied.
//!
//! Bounded: at most [`MAX_TOWNS`] towns are held, and a town unused for [`IDLE`] is dropped (the
//! worker prunes changes older than [`KEEP_CHANGES`], far longer than that).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use domain::skill::Taxonomy;
use matching::{Candidate, Opening, TravelTimes};

use crate::matching_input::{NamedCandidate, Only, PublishedTitle, RECENT_DAYS, travel_times};
use crate::{Store, StoreError, TenantStore};

/// Towns held at once; the least recently used goes first.
pub const MAX_TOWNS: usize = 64;
/// A town unused this long is dropped from memory.
pub const IDLE: Duration = Duration::from_secs(60 * 60);
/// How long the change log is kept.
pub const KEEP_CHANGES: chrono::Duration = chrono::Duration::days(1);

/// More changed participants than this (or a tenth of the town) and a full load is cheaper.
const FULL_RELOAD_AT: usize = 2_000;

/// One town's engine input as of the last look: everything the matching pages need.
#[derive(Clone, Debug)]
pub struct MatchingInput {
    /// Proposable participants, by id.
    pub candidates: Vec<Candidate>,
    /// The candidates' names, for labelling results (personal data: pages reveal what they show).
    pub names: HashMap<i64, String>,
    /// Published requests, by id.
    pub openings: Vec<Opening>,
    pub titles: HashMap<i64, PublishedTitle>,
    pub travel: TravelTimes,
}

impl MatchingInput {
    /// Where a participant is in `candidates`, when they can be proposed.
    pub fn candidate_index(&self, id: i64) -> Option<usize> {
        self.candidates.binary_search_by_key(&id, |c| c.id).ok()
    }

    /// Replaces the named participants with their current rows (absent ones are no longer
    /// proposable), keeping the order by id.
    fn replace_candidates(&mut self, changed: &HashSet<i64>, fresh: Vec<NamedCandidate>) {
        self.candidates.retain(|c| !changed.contains(&c.id));
        for id in changed {
            self.names.remove(id);
        }
        for c in fresh {
            self.names.insert(c.candidate.id, c.name);
            self.candidates.push(c.candidate);
        }
        self.candidates.sort_unstable_by_key(|c| c.id);
    }

    fn replace_openings(&mut self, fresh: Vec<(Opening, PublishedTitle)>) {
        self.titles = fresh.iter().map(|(o, t)| (o.id, t.clone())).collect();
        self.openings = fresh.into_iter().map(|(o, _)| o).collect();
    }
}

/// Where the cache last read the change log up to.
#[derive(Clone, Debug, Default)]
struct Mark {
    /// SQLite: the last change id read. PostgreSQL: the oldest transaction id still running.
    after: i64,
    /// PostgreSQL: changes at or after `after` already applied.
    applied: HashSet<i64>,
}

/// What the change log says since the mark.
#[derive(Default, Debug)]
struct Changes {
    participants: HashSet<i64>,
    requests: bool,
    town: bool,
}

struct Held {
    input: Arc<MatchingInput>,
    mark: Mark,
    counted_on: chrono::NaiveDate,
}

type Slot = Arc<tokio::sync::Mutex<Option<Held>>>;

/// The per-process cache of towns' engine inputs; one per [`Store`].
#[derive(Default)]
pub struct MatchingCache {
    towns: Mutex<HashMap<i64, (Slot, Instant)>>,
}

impl std::fmt::Debug for MatchingCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MatchingCache").finish_non_exhaustive()
    }
}

impl MatchingCache {
    /// The town's slot, creating it; drops idle towns and, past [`MAX_TOWNS`], the least
    /// recently used.
    fn slot(&self, town: i64) -> Slot {
        let now = Instant::now();
        let mut towns = self.towns.lock().unwrap_or_else(|e| e.into_inner());
        towns.retain(|_, (_, used)| now.duration_since(*used) < IDLE);
        if !towns.contains_key(&town)
            && towns.len() >= MAX_TOWNS
            && let Some(oldest) = towns
                .iter()
                .min_by_key(|(_, (_, used))| *used)
                .map(|(k, _)| *k)
        {
            towns.remove(&oldest);
        }
        let entry = towns.entry(town).or_insert_with(|| (Slot::default(), now));
        entry.1 = now;
        entry.0.clone()
    }
}

impl TenantStore<'_> {
    /// The town's engine input, current as of this call: built on first use, then brought up
    /// to date from the change log.
    pub async fn matching_input(
        &self,
        taxonomy: &Taxonomy,
    ) -> Result<Arc<MatchingInput>, StoreError> {
        let slot = self.store.matching.slot(self.municipality_id.0);
        let mut held = slot.lock().await;
        let today = chrono::Utc::now().date_naive();
        match held.as_mut() {
            None => *held = Some(self.load_all(taxonomy).await?),
            Some(h) => {
                let (mark, changes) = self.changes_since(&h.mark).await?;
                let many = FULL_RELOAD_AT.max(h.input.candidates.len() / 10);
                if changes.town || changes.participants.len() > many {
                    *h = self.load_all(taxonomy).await?;
                } else {
                    self.apply(taxonomy, h, &changes).await?;
                    h.mark = mark;
                }
                if h.counted_on != today {
                    self.recount_exposure(h).await?;
                    h.counted_on = today;
                }
            }
        }
        Ok(held
            .as_ref()
            .map(|h| h.input.clone())
            .expect("loaded above"))
    }

    async fn load_all(&self, taxonomy: &Taxonomy) -> Result<Held, StoreError> {
        // The mark first: whatever commits while loading is read again next time.
        let mark = self.change_mark().await?;
        let people = self.named_candidates(taxonomy, Only::All).await?;
        let openings = self.titled_openings(taxonomy).await?;
        let travel = travel_times(&self.travel_table().await?);
        let mut input = MatchingInput {
            candidates: Vec::with_capacity(people.len()),
            names: HashMap::with_capacity(people.len()),
            openings: Vec::new(),
            titles: HashMap::new(),
            travel,
        };
        for c in people {
            input.names.insert(c.candidate.id, c.name);
            input.candidates.push(c.candidate);
        }
        input.replace_openings(openings);
        Ok(Held {
            input: Arc::new(input),
            mark,
            counted_on: chrono::Utc::now().date_naive(),
        })
    }

    async fn apply(
        &self,
        taxonomy: &Taxonomy,
        held: &mut Held,
        changes: &Changes,
    ) -> Result<(), StoreError> {
        if !changes.participants.is_empty() {
            let ids: Vec<i64> = changes.participants.iter().copied().collect();
            let fresh = self.named_candidates(taxonomy, Only::Ids(&ids)).await?;
            Arc::make_mut(&mut held.input).replace_candidates(&changes.participants, fresh);
        }
        if changes.requests {
            let fresh = self.titled_openings(taxonomy).await?;
            Arc::make_mut(&mut held.input).replace_openings(fresh);
        }
        Ok(())
    }

    /// A new day: exposure is counted over the days up to it, and each person's income wall
    /// is the rule in force on it (a new rule starts on its date, not at the next restart).
    async fn recount_exposure(&self, held: &mut Held) -> Result<(), StoreError> {
        let recent = self
            .recent_introduction_counts(RECENT_DAYS, Only::All)
            .await?;
        let today = crate::matching_input::today_in_japan();
        for c in &mut Arc::make_mut(&mut held.input).candidates {
            c.recent_introductions = recent.get(&c.id).copied().unwrap_or(0);
            c.income_cap = crate::matching_input::cap_limit(c.income_cap.cap, today);
        }
        Ok(())
    }

    /// Where the change log stands now. On PostgreSQL the changes already visible past the
    /// horizon count as applied: they committed, so the load that follows reads them.
    async fn change_mark(&self) -> Result<Mark, StoreError> {
        let town = self.municipality_id.0;
        let mut conn = self.store.conn().await?;
        Ok(match conn.exec() {
            crate::Exec::Sqlite(c) => {
                let (after,): (i64,) = sqlx::query_as(
                    "SELECT COALESCE(MAX(id), 0) FROM matching_change WHERE municipality_id = $1",
                )
                .bind(town)
                .fetch_one(c)
                .await?;
                Mark {
                    after,
                    applied: HashSet::new(),
                }
            }
            crate::Exec::Postgres(c) => {
                let (after,): (i64,) = sqlx::query_as(HORIZON).fetch_one(&mut *c).await?;
                let applied: Vec<(i64,)> = sqlx::query_as(
                    "SELECT id FROM matching_change WHERE municipality_id = $1 AND xact >= $2",
                )
                .bind(town)
                .bind(after)
                .fetch_all(&mut *c)
                .await?;
                Mark {
                    after,
                    applied: applied.into_iter().map(|(id,)| id).collect(),
                }
            }
        })
    }

    /// The changes since `mark`, and the mark to keep after applying them.
    async fn changes_since(&self, mark: &Mark) -> Result<(Mark, Changes), StoreError> {
        let town = self.municipality_id.0;
        let mut conn = self.store.conn().await?;
        let (rows, next): (Vec<(i64, String, i64)>, Mark) = match conn.exec() {
            crate::Exec::Sqlite(c) => {
                let rows: Vec<(i64, String, i64)> = sqlx::query_as(
                    "SELECT id, subject, subject_id FROM matching_change \
                     WHERE municipality_id = $1 AND id > $2 ORDER BY id",
                )
                .bind(town)
                .bind(mark.after)
                .fetch_all(&mut *c)
                .await?;
                let after = rows.last().map_or(mark.after, |r| r.0);
                (
                    rows,
                    Mark {
                        after,
                        applied: HashSet::new(),
                    },
                )
            }
            crate::Exec::Postgres(c) => {
                let (after,): (i64,) = sqlx::query_as(HORIZON).fetch_one(&mut *c).await?;
                let rows: Vec<(i64, String, i64)> = sqlx::query_as(
                    "SELECT id, subject, subject_id FROM matching_change \
                     WHERE municipality_id = $1 AND xact >= $2",
                )
                .bind(town)
                .bind(mark.after)
                .fetch_all(&mut *c)
                .await?;
                let applied = rows.iter().map(|r| r.0).collect();
                let rows = rows
                    .into_iter()
                    .filter(|r| !mark.applied.contains(&r.0))
                    .collect();
                (rows, Mark { after, applied })
            }
        };
        let mut changes = Changes::default();
        for (_, subject, id) in rows {
            match subject.as_str() {
                "participant" => {
                    changes.participants.insert(id);
                }
                "request" => changes.requests = true,
                _ => changes.town = true,
            }
        }
        Ok((next, changes))
    }
}

/// PostgreSQL: the oldest transaction still running; every later change has an id at or above.
const HORIZON: &str = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint";

impl Store {
    /// Deletes change-log rows older than [`KEEP_CHANGES`]: no cache still needs them.
    pub async fn prune_matching_changes(&self) -> Result<u64, StoreError> {
        let before = (chrono::Utc::now() - KEEP_CHANGES).timestamp();
        let mut conn = self.conn().await?;
        let done = on_backend!(conn.exec(), c => sqlx::query(
            "DELETE FROM matching_change WHERE recorded_at < $1")
            .bind(before).execute(c).await.map(|r| r.rows_affected()))?;
        Ok(done)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(id: i64) -> Candidate {
        Candidate {
            id,
            skills: Vec::new(),
            availability: domain::availability::WeeklyAvailability::empty(),
            max_minutes_per_week: 0,
            income_cap: domain::income_cap::CapLimit::NONE,
            work_place: domain::participant::WorkPlace::Either,
            commute_minutes: 0,
            area: 0,
            earliest_start: None,
            goal: domain::participant::GoalTrack::OwnPace,
            career_gap_months: 0,
            children: 0,
            cares_for_adult: false,
            recent_introductions: 0,
            introduced_to: Vec::new(),
            history: Default::default(),
        }
    }

    #[test]
    fn replacing_candidates_keeps_them_by_id_and_drops_the_absent() {
        let mut input = MatchingInput {
            candidates: vec![candidate(1), candidate(3), candidate(5)],
            names: [(1, "a"), (3, "c"), (5, "e")]
                .into_iter()
                .map(|(i, n)| (i, n.to_owned()))
                .collect(),
            openings: Vec::new(),
            titles: HashMap::new(),
            travel: TravelTimes::new(0, 20),
        };
        let changed: HashSet<i64> = [3, 4].into_iter().collect();
        input.replace_candidates(
            &changed,
            vec![NamedCandidate {
                candidate: candidate(4),
                name: "d".into(),
            }],
        );
        let ids: Vec<i64> = input.candidates.iter().map(|c| c.id).collect();
        assert_eq!(ids, [1, 4, 5]);
        assert_eq!(input.names.get(&4).map(String::as_str), Some("d"));
        assert!(!input.names.contains_key(&3));
        assert_eq!(input.candidate_index(5), Some(2));
        assert_eq!(input.candidate_index(3), None);
    }
}
