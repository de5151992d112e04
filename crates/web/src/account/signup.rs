//! Sign-up for participants, in two steps so an account exists only for a proven address:
//!
//! 1. `/{town}/signup` asks the email address and always answers "we sent a message to this
//!    address". After the answer, the address gets either a link that continues the sign-up
//!    or, when it already has an account, a note saying so with the sign-in link. The words
//!    and the timing are the same either way, so nobody learns who is registered.
//! 2. `/{town}/signup/{token}` asks the name, its reading, a password, the eligibility basis
//!    and the privacy consent; the account, profile and consent are written together with the
//!    link used up (`TenantStore::register_verified_participant`).

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum_extra::extract::CookieJar;
use chrono::{Duration, Utc};
use domain::account::{NewAccount, NewAccountInput, normalize_email};
use domain::audit::AuditAction;
use domain::municipality::EligibilityBasis;
use domain::{FieldErrors, Municipality, Role};
use serde::Deserialize;
use store::StoreError;
use store::account::NewAccountRecord;
use store::secret::{random_token, token_digest};

use crate::account::FormPage;
use crate::audit_trail::Audit;
use crate::auth::ClientIp;
use crate::auth::throttle;
use crate::error::WebError;
use crate::form::FieldView;
use crate::i18n::Lang;
use crate::mail;
use crate::page::Page;
use crate::state::AppState;
use crate::town::CurrentTown;
use domain::message::MailKind;

/// How long a sign-up link stays open.
const LINK_HOURS: i64 = 24;

#[derive(Deserialize, Default)]
pub struct EmailForm {
    #[serde(default)]
    email: String,
    /// The page to come back to once registered.
    next: Option<String>,
}

/// `?next=…`: the page a person was on before they were asked to sign up.
#[derive(Deserialize, Default)]
pub struct NextQuery {
    next: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct DetailsForm {
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
    next: Option<String>,
}

fn email_page(
    town: &Municipality,
    page: Page,
    (email, next): (&str, Option<&str>),
    errors: &FieldErrors,
) -> FormPage {
    let page = page.with_town(town);
    let fields = vec![FieldView::new(&page, "email", "email", email, errors).autocomplete("email")];
    let alert = crate::form::alert(&page, errors);
    FormPage::new(
        page,
        "signup-title",
        format!("/{}/signup", town.slug),
        "signup-email-submit",
    )
    .lead("signup-email-lead")
    .alert(alert)
    .fields(fields)
    .hidden_if("next", next)
    .link(
        super::with_next(&format!("/{}/login", town.slug), next),
        "signup-to-signin",
    )
}

pub async fn show(
    CurrentTown(town): CurrentTown,
    page: Page,
    Query(query): Query<NextQuery>,
) -> Response {
    let next = super::town_next(&town, query.next.as_deref());
    email_page(&town, page, ("", next.as_deref()), &FieldErrors::default()).respond(StatusCode::OK)
}

pub async fn submit(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    ip: ClientIp,
    Form(form): Form<EmailForm>,
) -> Result<Response, WebError> {
    let email = normalize_email(&form.email);
    let next = super::town_next(&town, form.next.as_deref());
    let mut errors = FieldErrors::default();
    if email.is_empty() {
        errors.add("email", "required");
    } else if !domain::email::looks_like_email(&email) {
        errors.add("email", "email-invalid");
    }
    if !errors.is_empty() {
        let typed = (form.email.as_str(), next.as_deref());
        return Ok(
            email_page(&town, page, typed, &errors).respond(StatusCode::UNPROCESSABLE_ENTITY)
        );
    }
    if !throttle::allows(&state.store, throttle::SIGNUP_PER_ADDRESS, &ip.0).await? {
        return Ok(super::reset::too_many(
            page.with_town(&town),
            "signup-title",
        ));
    }
    let lang = page.lang;
    tokio::spawn({
        let (state, town, email) = (state.clone(), town.clone(), email.clone());
        async move {
            let to = (email.as_str(), next.as_deref());
            if let Err(err) = send_signup_mail(&state, &town, lang, to).await {
                tracing::error!(error = %err, "cannot prepare a sign-up message");
            }
        }
    });
    let page = page.with_town(&town);
    let sent = page.t1("signup-sent", "email", &email);
    Ok(
        FormPage::new(page, "signup-title", String::new(), "signup-email-submit")
            .notice_text(sent)
            .link(format!("/{}/login", town.slug), "signup-to-signin")
            .respond(StatusCode::OK),
    )
}

/// The message for step 1, written after the answer: the link, or "you already have an
/// account". At most [`throttle::SIGNUP_PER_EMAIL`] an hour to one address.
async fn send_signup_mail(
    state: &AppState,
    town: &Municipality,
    lang: Lang,
    (email, next): (&str, Option<&str>),
) -> Result<(), WebError> {
    if !throttle::allows(&state.store, throttle::SIGNUP_PER_EMAIL, email).await? {
        return Ok(());
    }
    let tenant = state.store.tenant(town);
    if let Some(account) = tenant.account_by_email(email).await? {
        let link = mail::link(
            state,
            &super::with_next(&format!("/{}/login", town.slug), next),
        );
        let letter = mail::Letter::about(account.display_name.clone(), &[("link", link)]);
        return mail::enqueue(state, (town, lang), MailKind::SignupExisting, email, letter).await;
    }
    let token = random_token();
    let now = Utc::now();
    tenant
        .create_signup_verification(
            email,
            &token_digest(&token),
            now,
            now + Duration::hours(LINK_HOURS),
        )
        .await?;
    let path = super::with_next(&format!("/{}/signup/{token}", town.slug), next);
    let link = mail::link(state, &path);
    let letter = mail::Letter::about(
        String::new(),
        &[("link", link), ("hours", LINK_HOURS.to_string())],
    );
    mail::enqueue(state, (town, lang), MailKind::SignupVerify, email, letter).await
}

fn details_page(
    town: &Municipality,
    page: Page,
    token: &str,
    email: &str,
    form: &DetailsForm,
    errors: &FieldErrors,
) -> FormPage {
    let page = page.with_town(town);
    let fields = vec![
        FieldView::new(&page, "display_name", "text", &form.display_name, errors)
            .autocomplete("name"),
        FieldView::new(&page, "furigana", "text", &form.furigana, errors)
            .hint(&page, "field-furigana-hint"),
        FieldView::new(&page, "password", "password", "", errors)
            .autocomplete("new-password")
            .hint(&page, "field-password-hint"),
        FieldView::new(&page, "eligibility", "select", &form.eligibility, errors).options(
            std::iter::once((String::new(), page.t("field-choose")))
                .chain(
                    town.eligibility
                        .bases()
                        .into_iter()
                        .map(|b| (b.code().to_owned(), page.label(b))),
                )
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
    let alert = crate::form::alert(&page, errors);
    let verified = page.t1("signup-verified-email", "email", email);
    FormPage::new(
        page,
        "signup-title",
        format!("/{}/signup/{token}", town.slug),
        "signup-submit",
    )
    .lead("signup-details-lead")
    .notice_text(verified)
    .alert(alert)
    .fields(fields)
    .hidden_if(
        "next",
        super::town_next(town, form.next.as_deref()).as_deref(),
    )
    .link(format!("/{}/privacy", town.slug), "signup-read-privacy")
}

async fn proven_email(
    state: &AppState,
    town: &Municipality,
    token: &str,
) -> Result<String, WebError> {
    state
        .store
        .tenant(town)
        .signup_email(&token_digest(token), Utc::now())
        .await?
        .ok_or(WebError::LinkGone)
}

pub async fn show_details(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, token)): Path<(String, String)>,
    page: Page,
    Query(query): Query<NextQuery>,
) -> Result<Response, WebError> {
    let email = proven_email(&state, &town, &token).await?;
    let form = DetailsForm {
        next: query.next,
        ..DetailsForm::default()
    };
    Ok(
        details_page(&town, page, &token, &email, &form, &FieldErrors::default())
            .respond(StatusCode::OK),
    )
}

/// The details form, checked: the account, and a basis the town admits, with consent given.
fn check_details(
    town: &domain::Municipality,
    email: &str,
    form: &DetailsForm,
) -> Result<(NewAccount, EligibilityBasis), FieldErrors> {
    let parsed = NewAccount::parse(&NewAccountInput {
        email,
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
    match (parsed, basis) {
        (Ok(account), Some(basis)) if errors.is_empty() => Ok((account, basis)),
        _ => Err(errors),
    }
}

/// The participant's account as stored, its password hashed off the async threads.
pub(super) async fn participant_record(account: NewAccount) -> Result<NewAccountRecord, WebError> {
    let password_hash = super::hashed(account.password.clone()).await?;
    Ok(NewAccountRecord {
        role: Role::Participant,
        organization_id: None,
        email: account.email,
        display_name: account.display_name,
        furigana: account.furigana.to_string(),
        password_hash,
    })
}

pub async fn submit_details(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, token)): Path<(String, String)>,
    page: Page,
    audit: Audit,
    jar: CookieJar,
    Form(form): Form<DetailsForm>,
) -> Result<Response, WebError> {
    let email = proven_email(&state, &town, &token).await?;
    let (account, basis) = match check_details(&town, &email, &form) {
        Ok(checked) => checked,
        Err(errors) => {
            return Ok(details_page(&town, page, &token, &email, &form, &errors)
                .respond(StatusCode::UNPROCESSABLE_ENTITY));
        }
    };
    let record = participant_record(account).await?;
    let version = state.store.tenant(&town).privacy_version().await?;
    let created = match state
        .store
        .tenant(&town)
        .register_verified_participant(&token_digest(&token), &record, basis, &version)
        .await
    {
        Ok(created) => created,
        Err(StoreError::Conflict { .. }) => {
            // The person proved the address, so telling them it is registered reveals nothing.
            let page = page.with_town(&town);
            let alert = page.t("signup-already-registered");
            return Ok(
                FormPage::new(page, "signup-title", String::new(), "signup-submit")
                    .alert(Some(crate::form::Alert::text(alert)))
                    .link(format!("/{}/login", town.slug), "signup-to-signin")
                    .respond(StatusCode::CONFLICT),
            );
        }
        Err(err) => return Err(err.into()),
    };
    tell_the_team(&state, &town, &created).await;
    let next = super::town_next(&town, form.next.as_deref());
    super::welcome(
        &state,
        (jar, &audit),
        (&created, &town, next.as_deref()),
        page.lang,
        (AuditAction::AccountSignUp, ""),
    )
    .await
}

/// The coordinator team is told of the new registration. The person is registered whatever
/// happens here, so a failure is logged, not shown to them.
pub(super) async fn tell_the_team(
    state: &AppState,
    town: &Municipality,
    created: &store::account::Account,
) {
    let tenant = state.store.tenant(town);
    let told = async {
        let team = tenant.coordinator_team().await?;
        let person = (created.id.0, created.display_name.as_str());
        let notices = crate::notify::casework::registered(state, town, person, &team);
        tenant.notify(&notices).await
    };
    if let Err(err) = told.await {
        tracing::error!(error = %err, "cannot tell the coordinators of a new registration");
    }
}
