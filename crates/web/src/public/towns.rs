//! `/`: the towns on this platform. With a single town, go straight to it.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use crate::error::WebError;
use crate::page::{Page, render, town_name};
use crate::state::AppState;

#[derive(askama::Template)]
#[template(path = "public/towns.html")]
struct TownsPage {
    page: Page,
    towns: Vec<TownLink>,
}

struct TownLink {
    href: String,
    name: String,
}

pub async fn index(State(state): State<AppState>, page: Page) -> Result<Response, WebError> {
    let towns = state.store.municipalities().await?;
    if let [only] = towns.as_slice() {
        return Ok(Redirect::to(&format!("/{}/", only.slug)).into_response());
    }
    let towns = towns
        .iter()
        .map(|town| TownLink {
            href: format!("/{}/", town.slug),
            name: town_name(page.lang, town).to_owned(),
        })
        .collect();
    Ok(render(StatusCode::OK, &TownsPage { page, towns }))
}
