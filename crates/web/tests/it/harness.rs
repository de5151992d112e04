//! Builds the app on a fresh database and sends it requests.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response, StatusCode};
use domain::municipality::MunicipalityInput;
use domain::{Municipality, NewMunicipality};
use http_body_util::BodyExt;
use store::testing::{TestStore, fresh_store};
use tower::ServiceExt;
use web::{AppState, WebConfig};

pub struct TestApp {
    pub store: TestStore,
    pub router: Router,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl TestApp {
    pub async fn new() -> Self {
        Self::with_config(WebConfig::default()).await
    }

    pub async fn with_config(config: WebConfig) -> Self {
        let store = fresh_store().await;
        let router = web::router(AppState::new(store.store.clone(), config));
        Self { store, router }
    }

    pub async fn add_town(&self, slug: &str, name_ja: &str, name_en: &str) -> Municipality {
        let town = NewMunicipality::parse(&MunicipalityInput {
            slug,
            name_ja,
            name_en,
            eligibility: "residents_or_workers",
            fiscal_year_start: "4",
            contact_email: "office@example.jp",
            contact_phone: "055-000-0000",
        })
        .unwrap();
        self.store.create_municipality(&town).await.unwrap()
    }

    pub async fn send(&self, request: Request<Body>) -> TestResponse {
        let response: Response<Body> = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        self.send(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    pub async fn get_with(&self, path: &str, header: (&str, &str)) -> TestResponse {
        self.send(
            Request::get(path)
                .header(header.0, header.1)
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }
}

impl TestResponse {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }
}
