//! Sign-up for participants: email, password, name and its reading.

use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use domain::account::{NewAccount, NewAccountInput};
use domain::municipality::EligibilityBasis;
use domain::{FieldErrors, Municipality, Role};
use serde::Deserialize;
use store::StoreError;
use store::account::NewAccountRecord;
use store::secret::hash_password;

use crate::account::FormPage;
use crate::audit_trail::Audit;
use crate::auth::session;
use crate::error::WebError;
use crate::form::FieldView;
use crate::page::{Page, role_home};
use crate::router::AppState;
use crate::town::CurrentTown;

#[derive(Deserialize, Default)]
pub struct SignUpForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    furigana: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    eligibility: String,
    #[serde(default)]
    privacy_consent: String,
}

/// The version of the privacy statement people agree to at registration; change it when the
/// statement's text changes.
pub const PRIVACY_POLICY_VERSION: &str = "2026-11";

fn signup_page(
    town: &Municipality,
    page: Page,
    form: &SignUpForm,
    errors: &FieldErrors,
) -> FormPage {
    let page = page.with_town(town);
    let fields = vec![
        FieldView::new(&page, "display_name", "text", &form.display_name, errors)
            .autocomplete("name"),
        FieldView::new(&page, "furigana", "text", &form.furigana, errors)
            .hint(&page, "field-furigana-hint"),
        FieldView::new(&page, "email", "email", &form.email, errors).autocomplete("email"),
        FieldView::new(&page, "password", "password", "", errors)
            .autocomplete("new-password")
            .hint(&page, "field-password-hint"),
        FieldView::new(&page, "eligibility", "select", &form.eligibility, errors).options(
            std::iter::once((String::new(), page.t("field-choose")))
                .chain(town.eligibility.bases().into_iter().map(|b| {
                    (
                        b.code().to_owned(),
                        page.t(&format!("eligibility-basis-{}", b.code())),
                    )
                }))
                .collect(),
        ),
        FieldView::new(
            &page,
            "privacy_consent",
            "checkbox",
            &form.privacy_consent,
            errors,
        )
        .hint(&page, "field-privacy-consent-hint"),
    ];
    let alert = (!errors.is_empty()).then(|| page.t("error-422-message"));
    FormPage::new(
        page,
        "signup-title",
        format!("/{}/signup", town.slug),
        "signup-submit",
    )
    .lead("signup-lead")
    .alert(alert)
    .fields(fields)
    .link(format!("/{}/login", town.slug), "signup-to-signin")
}

pub async fn show(CurrentTown(town): CurrentTown, page: Page) -> Response {
    signup_page(&town, page, &SignUpForm::default(), &FieldErrors::default())
        .respond(StatusCode::OK)
}

pub async fn submit(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    audit: Audit,
    jar: CookieJar,
    Form(form): Form<SignUpForm>,
) -> Result<Response, WebError> {
    let parsed = NewAccount::parse(&NewAccountInput {
        email: &form.email,
        display_name: &form.display_name,
        furigana: &form.furigana,
        password: &form.password,
    });
    let mut errors = parsed.as_ref().err().cloned().unwrap_or_default();
    let basis =
        EligibilityBasis::from_code(&form.eligibility).filter(|b| town.eligibility.admits(*b));
    if basis.is_none() {
        errors.add("eligibility", "eligibility-not-admitted");
    }
    if form.privacy_consent != "yes" {
        errors.add("privacy_consent", "privacy-consent-required");
    }
    let (account, basis) = match (parsed, basis) {
        (Ok(account), Some(basis)) if errors.is_empty() => (account, basis),
        _ => {
            return Ok(
                signup_page(&town, page, &form, &errors).respond(StatusCode::UNPROCESSABLE_ENTITY)
            );
        }
    };
    let password = account.password.clone();
    let password_hash = tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|_| WebError::Internal)?;
    let record = NewAccountRecord {
        role: Role::Participant,
        organization_id: None,
        email: account.email,
        display_name: account.display_name,
        furigana: account.furigana.to_string(),
        password_hash,
    };
    let created = match state
        .store
        .tenant(&town)
        .register_participant(&record, basis, PRIVACY_POLICY_VERSION)
        .await
    {
        Ok(created) => created,
        Err(StoreError::Conflict { field }) => {
            let errors = FieldErrors::single(field, "email-taken");
            return Ok(
                signup_page(&town, page, &form, &errors).respond(StatusCode::UNPROCESSABLE_ENTITY)
            );
        }
        Err(err) => return Err(err.into()),
    };
    // Mail and notifications to this person are written in the language they signed up in.
    state
        .store
        .set_account_lang(created.id, page.lang.code())
        .await?;
    let jar = session::start(&state, jar, &created).await?;
    audit
        .record_by(
            &created,
            "account.sign_up",
            "account",
            &created.id.0.to_string(),
            "",
        )
        .await?;
    Ok((
        jar,
        Redirect::to(&role_home(Role::Participant, Some(town.slug.as_str()))),
    )
        .into_response())
}
