//! The whole application: routes and the layers every request passes through.

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{MethodRouter, get};
use store::{Store, StoreError};

use crate::config::WebConfig;
use crate::metrics::Metrics;
use crate::{
    account, assets, coordinator, health, language_switch, middleware, operator, participant,
    policy, public, requests, role_homes,
};

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
}

impl AppState {
    pub async fn new(store: Store, config: WebConfig) -> Result<Self, StartError> {
        let csrf_key = store
            .server_key("csrf", store::secret::random_token)
            .await?;
        let taxonomy = Arc::new(domain::skill::Taxonomy::shipped()?);
        let minimum_wage = Arc::new(domain::minimum_wage::MinimumWageTable::shipped()?);
        Ok(Self {
            store,
            config: Arc::new(config),
            metrics: Arc::new(Metrics::default()),
            csrf_key: Arc::from(csrf_key.into_bytes()),
            skill_graph: Arc::new(matching::SkillGraph::from_taxonomy(&taxonomy)),
            taxonomy,
            minimum_wage,
            childcare_ratios: Arc::new(domain::event::childcare::Ratios::shipped()),
            public_cache: Arc::default(),
        })
    }
}

/// Routes as they are added, each checked against the access table.
pub struct Routes {
    router: Router<AppState>,
}

impl Routes {
    pub fn new() -> Self {
        Self {
            router: Router::new(),
        }
    }

    /// Adds a route. A path without a rule in [`policy::ROUTE_ACCESS`] stops the build: every
    /// route must say who may use it.
    pub fn route(mut self, path: &'static str, methods: MethodRouter<AppState>) -> Self {
        assert!(
            policy::covers(path),
            "route {path} has no entry in policy::ROUTE_ACCESS"
        );
        self.router = self.router.route(path, methods);
        self
    }

    pub fn merge(mut self, other: Routes) -> Self {
        self.router = self.router.merge(other.router);
        self
    }
}

impl Default for Routes {
    fn default() -> Self {
        Self::new()
    }
}

/// Every route of the application, wrapped in the shared layers (outermost first): request
/// id, tracing, metrics, security headers, compression, translated error pages, body limit,
/// session, CSRF; then, for matched routes, the access policy.
pub fn router(state: AppState) -> Router {
    let max_body = state.config.max_body_bytes;
    let routes = Routes::new()
        .route("/healthz", get(health::healthz))
        .route("/metrics", get(health::metrics))
        .route("/static/{file}", get(assets::asset))
        .route("/lang/{code}", get(language_switch::switch))
        .merge(public::routes())
        .merge(account::routes())
        .merge(role_homes::routes())
        .merge(participant::routes())
        .merge(requests::routes())
        .merge(coordinator::routes())
        .merge(crate::introductions::routes())
        .merge(crate::notifications::routes())
        .merge(crate::events::routes())
        .merge(operator::routes())
        .router
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            policy::authorize,
        ))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(max_body));
    middleware::wrap(routes, state.clone(), max_body).with_state(state)
}

async fn not_found() -> crate::error::WebError {
    crate::error::WebError::NotFound
}
