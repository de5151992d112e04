//! The town a request is for, taken from the first segment of its path (`/{town}/…`).

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::request::Parts;
use domain::Municipality;

use crate::error::{Found, WebError};
use crate::state::AppState;

/// The town named in the path. An unknown town is a 404.
pub struct CurrentTown(pub Municipality);

impl FromRequestParts<AppState> for CurrentTown {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, WebError> {
        let params = RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|_| WebError::NotFound)?;
        let slug = params
            .iter()
            .find(|(name, _)| *name == "town")
            .map(|(_, value)| value.to_owned())
            .ok_or(WebError::NotFound)?;
        let town = state.store.municipality_by_slug(&slug).await.found()?;
        Ok(CurrentTown(town))
    }
}
