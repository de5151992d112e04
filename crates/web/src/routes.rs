//! The route builder every audience module uses: each route is checked against the access
//! table when it is added.

use axum::Router;
use axum::routing::MethodRouter;

use crate::policy;
use crate::state::AppState;

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

    /// The routes as an axum router, for the application's layers.
    pub(crate) fn into_router(self) -> Router<AppState> {
        self.router
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
