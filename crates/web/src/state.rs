//! What every handler can reach: the store, the configuration and what is loaded once at
//! start. A leaf: it imports no handler, so every module may depend on it.

use std::sync::Arc;

use store::{Store, StoreError};

use crate::config::WebConfig;
use crate::metrics::Metrics;

/// What every handler can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<WebConfig>,
    pub metrics: Arc<Metrics>,
    /// The key that signs CSRF tokens, shared by every app node through the database.
    pub csrf_key: Arc<[u8]>,
    /// The skills taxonomy, loaded and checked at start.
    pub taxonomy: Arc<domain::skill::Taxonomy>,
    /// The taxonomy as the matching engine reads it, built once at start.
    pub skill_graph: Arc<matching::SkillGraph>,
    /// Regional minimum wages, loaded and checked at start.
    pub minimum_wage: Arc<domain::minimum_wage::MinimumWageTable>,
    /// Childcare staff ratios (`domain::event::childcare`).
    pub childcare_ratios: Arc<domain::event::childcare::Ratios>,
    /// How long each kind of record is kept (`domain::retention`), checked at start.
    pub retention: Arc<domain::retention::RetentionRules>,
    /// Public pages as every anonymous visitor sees them (`public_cache`).
    pub public_cache: Arc<crate::public_cache::PublicCache>,
}

/// Why the web layer could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the skills taxonomy is not valid: {0}")]
    Taxonomy(#[from] domain::skill::TaxonomyError),
    #[error("the minimum-wage data is not valid: {0}")]
    MinimumWage(#[from] domain::minimum_wage::MinimumWageError),
    #[error("the income-wall data is not valid: {0}")]
    IncomeWalls(#[from] domain::income_cap::WallRulesError),
    #[error("the retention data is not valid: {0}")]
    Retention(String),
}

impl AppState {
    pub async fn new(store: Store, config: WebConfig) -> Result<Self, StartError> {
        let csrf_key = store
            .server_key("csrf", store::secret::random_token)
            .await?;
        let taxonomy = Arc::new(domain::skill::Taxonomy::shipped()?);
        let minimum_wage = Arc::new(domain::minimum_wage::MinimumWageTable::shipped()?);
        // Checked here so `WallRules::in_force` never fails later.
        domain::income_cap::WallRules::shipped()?;
        let retention =
            domain::retention::RetentionRules::shipped().map_err(StartError::Retention)?;
        Ok(Self {
            store,
            config: Arc::new(config),
            metrics: Arc::new(Metrics::default()),
            csrf_key: Arc::from(csrf_key.into_bytes()),
            skill_graph: Arc::new(matching::SkillGraph::from_taxonomy(&taxonomy)),
            taxonomy,
            minimum_wage,
            childcare_ratios: Arc::new(domain::event::childcare::Ratios::shipped()),
            retention: Arc::new(retention),
            public_cache: Arc::default(),
        })
    }
}
