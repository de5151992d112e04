//! The public side: the list of open requests with the filters carers need, a request's page
//! with schema.org JobPosting data, and the "work with us" enquiry form.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use domain::FieldErrors;
use domain::email::looks_like_email;
use domain::organization::{OrganizationKind, OrganizationLocation};
use domain::request::{ContractType, PayUnit, RequestKind, RequestStatus, WorkMode};
use serde::Deserialize;
use serde_json::json;
use store::enquiry::NewEnquiry;
use store::request::{PublicFilter, StoredRequest};

use super::view::{RequestView, pay_text};
use crate::account::FormPage;
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::form::{FieldView, choices};
use crate::page::{Page, render};
use crate::shown_text::Shown;
use crate::state::AppState;
use crate::town::CurrentTown;

const PAGE_SIZE: i64 = 20;

#[derive(Deserialize, Default, Debug)]
pub struct ListQuery {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    remote: String,
    #[serde(default)]
    within_cap: String,
    #[serde(default)]
    gap_ok: String,
    #[serde(default)]
    days: String,
    #[serde(default)]
    ends_by: String,
    before: Option<i64>,
}

impl ListQuery {
    fn filter(&self) -> PublicFilter {
        PublicFilter {
            kind: RequestKind::from_code(&self.kind),
            remote: self.remote == "yes",
            within_income_cap: self.within_cap == "yes",
            career_gap_welcome: self.gap_ok == "yes",
            max_days_per_week: self.days.parse().ok().filter(|d| (1..=7).contains(d)),
            // `ends_by` is an hour; the stored end is a half-hour index.
            finishes_by: self
                .ends_by
                .parse::<usize>()
                .ok()
                .filter(|h| (1..=24).contains(h))
                .map(|h| h * 2),
            before_id: self.before,
        }
    }

    fn next_href(&self, base: &str, last: i64) -> String {
        let query = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("kind", &self.kind)
            .append_pair("remote", &self.remote)
            .append_pair("within_cap", &self.within_cap)
            .append_pair("gap_ok", &self.gap_ok)
            .append_pair("days", &self.days)
            .append_pair("ends_by", &self.ends_by)
            .append_pair("before", &last.to_string())
            .finish();
        format!("{base}?{query}")
    }
}

struct Card {
    href: String,
    title: Shown,
    organization: String,
    kind: String,
    flags: Vec<String>,
    summary: String,
}

#[derive(askama::Template)]
#[template(path = "requests/public_list.html")]
struct ListPage {
    page: Page,
    action: String,
    filters: Vec<FieldView>,
    checks: Vec<(String, String, bool)>,
    cards: Vec<Card>,
    next_href: Option<String>,
    enquiry_href: String,
}

/// The list's filters, as the query set them.
fn list_filters(page: &Page, query: &ListQuery) -> Vec<FieldView> {
    let none = FieldErrors::default();
    vec![
        FieldView::new(page, "kind", "select", &query.kind, &none)
            .optional()
            .options(crate::form::with_any(
                page,
                crate::form::labelled(page, RequestKind::ALL, RequestKind::code),
            )),
        FieldView::new(page, "days", "select", &query.days, &none)
            .optional()
            .options(crate::form::with_any(
                page,
                (1..=5)
                    .map(|d| {
                        let d = d.to_string();
                        (d.clone(), page.t1("filter-days-at-most", "days", &d))
                    })
                    .collect(),
            )),
        FieldView::new(page, "ends_by", "select", &query.ends_by, &none)
            .optional()
            .options(crate::form::with_any(
                page,
                (12..=18)
                    .map(|h| {
                        let h = h.to_string();
                        (h.clone(), page.t1("filter-ends-by", "hour", &h))
                    })
                    .collect(),
            )),
    ]
}

/// The list's checkboxes: (name, words, ticked).
fn list_checks(page: &Page, query: &ListQuery) -> Vec<(String, String, bool)> {
    [
        ("remote", &query.remote, "filter-remote"),
        ("within_cap", &query.within_cap, "flag-within-income-cap"),
        ("gap_ok", &query.gap_ok, "flag-career-gap-welcome"),
    ]
    .iter()
    .map(|(name, value, key)| (name.to_string(), page.t(key), value.as_str() == "yes"))
    .collect()
}

pub async fn list(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    Query(query): Query<ListQuery>,
) -> Result<Response, WebError> {
    let requests = state
        .store
        .tenant(&town)
        .published_requests(&query.filter(), PAGE_SIZE + 1)
        .await?;
    let page = page.with_town(&town);
    let base = format!("/{}/requests", town.slug);
    let next_href = (requests.len() as i64 > PAGE_SIZE)
        .then(|| query.next_href(&base, requests[PAGE_SIZE as usize - 1].id));
    let cards = requests
        .iter()
        .take(PAGE_SIZE as usize)
        .map(|r| card(&page, &base, r))
        .collect();
    let filters = list_filters(&page, &query);
    let checks = list_checks(&page, &query);
    Ok(render(
        StatusCode::OK,
        &ListPage {
            page,
            action: base,
            filters,
            checks,
            cards,
            next_href,
            enquiry_href: format!("/{}/work-with-us", town.slug),
        },
    ))
}

fn card(page: &Page, base: &str, r: &StoredRequest) -> Card {
    let hours = page.lang.t_args(
        "request-hours-range",
        &[
            ("min", (r.min_minutes / 60).to_string()),
            ("max", (r.max_minutes / 60).to_string()),
        ],
    );
    let mut summary = vec![page.label(r.work_mode), hours];
    if let Some(pay) = pay_text(page, r) {
        summary.push(pay);
    }
    Card {
        href: format!("{base}/{}", r.id),
        title: Shown::pick(page.lang, &r.title, &r.title_en),
        organization: r.organization_name.clone(),
        kind: page.label(r.kind),
        flags: r.flags().iter().map(|f| page.label(*f)).collect(),
        summary: crate::formats::facts(page.lang, &summary),
    }
}

#[derive(askama::Template)]
#[template(path = "requests/public_detail.html")]
struct DetailPage {
    page: Page,
    request: RequestView,
    json_ld: Option<String>,
    back_href: String,
    /// "この仕事について相談したい", for residents and for anyone not signed in yet.
    interest_href: Option<String>,
    /// Saving it, for a signed-in resident.
    save: Option<super::saved::SaveButton>,
    notice: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct DetailQuery {
    done: Option<String>,
}

/// schema.org JobPosting for a job, so search engines can show it.
fn job_posting(r: &StoredRequest, town: &domain::Municipality) -> Option<String> {
    if r.kind != RequestKind::Job {
        return None;
    }
    let employment_type = match r.contract.get() {
        Some(ContractType::Employment) => "FULL_TIME",
        Some(ContractType::PartTime) => "PART_TIME",
        Some(ContractType::Temporary) => "TEMPORARY",
        Some(ContractType::Outsourcing) | None => "CONTRACTOR",
    };
    let mut posting = json!({
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": r.title,
        "description": r.description,
        "title_en": r.title_en,
        "description_en": r.description_en,
        "datePosted": r.published_at.map(|t| t.format("%Y-%m-%d").to_string()),
        "employmentType": employment_type,
        "hiringOrganization": { "@type": "Organization", "name": r.organization_name },
        "jobLocation": {
            "@type": "Place",
            "address": { "@type": "PostalAddress", "addressLocality": format!("{} {}", town.name_ja, r.location_area).trim(), "addressCountry": "JP" }
        },
    });
    if r.work_mode == WorkMode::Remote {
        posting["jobLocationType"] = json!("TELECOMMUTE");
        posting["applicantLocationRequirements"] = json!({ "@type": "Country", "name": "JP" });
    }
    if let (Some(unit), Some(yen)) = (r.pay_unit.get(), r.pay_yen) {
        let unit_text = match unit {
            PayUnit::Hourly => "HOUR",
            PayUnit::Monthly => "MONTH",
            PayUnit::PerProject => "PROJECT",
        };
        posting["baseSalary"] = json!({ "@type": "MonetaryAmount", "currency": "JPY", "value": { "@type": "QuantitativeValue", "value": yen, "unitText": unit_text } });
    }
    // Inside <script>, "<" must not open a tag: JSON allows the \u003c escape.
    Some(posting.to_string().replace('<', "\\u003c"))
}

/// A request of the town that is published; any other is not found by the public.
pub(super) async fn published(
    state: &AppState,
    town: &domain::Municipality,
    id: i64,
) -> Result<StoredRequest, WebError> {
    state
        .store
        .tenant(town)
        .request(id)
        .await?
        .filter(|r| matches!(r.status(), Ok(RequestStatus::Published)))
        .ok_or(WebError::NotFound)
}

pub async fn show(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, id)): Path<(String, i64)>,
    (page, signed_in): (Page, Option<SignedIn>),
    Query(query): Query<DetailQuery>,
) -> Result<Response, WebError> {
    let request = published(&state, &town, id).await?;
    let tenant = state.store.tenant(&town);
    let skills = tenant.request_skills(id).await?;
    let page = page.with_town(&town);
    let json_ld = job_posting(&request, &town);
    let resident = signed_in
        .as_ref()
        .filter(|s| s.0.role == domain::Role::Participant);
    let save = match resident {
        Some(SignedIn(account)) => Some(super::saved::SaveButton::new(
            town.slug.as_str(),
            id,
            tenant.is_saved(account.id, id).await?,
        )),
        None => None,
    };
    let interest_href = (signed_in.is_none() || resident.is_some())
        .then(|| format!("/{}/requests/{id}/interest", town.slug));
    let notice = page.done_notice(query.done.as_deref(), super::saved::SavedDone::from_code);
    Ok(render(
        StatusCode::OK,
        &DetailPage {
            request: RequestView::new(&state, &page, &request, &skills),
            page,
            json_ld,
            back_href: format!("/{}/requests", town.slug),
            interest_href,
            save,
            notice,
        },
    ))
}

#[derive(Deserialize, Default)]
pub struct EnquiryForm {
    #[serde(default)]
    organization_name: String,
    #[serde(default)]
    organization_kind: String,
    #[serde(default)]
    organization_location: String,
    #[serde(default)]
    contact_person: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    message: String,
}

fn enquiry_page(
    town: &domain::Municipality,
    page: Page,
    form: &EnquiryForm,
    e: &FieldErrors,
) -> FormPage {
    let page = page.with_town(town);
    let p = &page;
    let fields = vec![
        FieldView::new(p, "organization_name", "text", &form.organization_name, e)
            .autocomplete("organization"),
        FieldView::new(p, "organization_kind", "select", &form.organization_kind, e)
            .options(choices(p, OrganizationKind::ALL, OrganizationKind::code)),
        FieldView::new(
            p,
            "organization_location",
            "select",
            &form.organization_location,
            e,
        )
        .options(choices(
            p,
            OrganizationLocation::ALL,
            OrganizationLocation::code,
        )),
        FieldView::new(p, "contact_person", "text", &form.contact_person, e).autocomplete("name"),
        FieldView::new(p, "email", "email", &form.email, e).autocomplete("email"),
        FieldView::new(p, "phone", "tel", &form.phone, e)
            .optional()
            .autocomplete("tel"),
        FieldView::new(p, "message", "textarea", &form.message, e)
            .optional()
            .hint(p, "field-message-hint"),
    ];
    let alert = crate::form::alert(&page, e);
    FormPage::new(
        page,
        "enquiry-title",
        format!("/{}/work-with-us", town.slug),
        "enquiry-submit",
    )
    .lead("enquiry-lead")
    .alert(alert)
    .fields(fields)
}

#[derive(Deserialize, Default)]
pub struct Done {
    done: Option<String>,
}

pub async fn enquiry_form(
    CurrentTown(town): CurrentTown,
    page: Page,
    Query(done): Query<Done>,
) -> Response {
    let sent = done.done.as_deref() == Some("sent");
    let view = enquiry_page(
        &town,
        page,
        &EnquiryForm::default(),
        &FieldErrors::default(),
    );
    if sent {
        let mut view = view.notice(Some("enquiry-sent"));
        view.fields.clear();
        return view.respond(StatusCode::OK);
    }
    view.respond(StatusCode::OK)
}

/// The enquiry form, checked: every field named in its error.
fn check_enquiry(form: &EnquiryForm) -> Result<NewEnquiry, FieldErrors> {
    let mut errors = FieldErrors::default();
    let required = |errors: &mut FieldErrors, field: &'static str, value: &str, max: usize| {
        let v = value.trim();
        if v.is_empty() {
            errors.add(field, "required");
        } else if v.chars().count() > max {
            errors.add(field, "too-long");
        }
    };
    required(
        &mut errors,
        "organization_name",
        &form.organization_name,
        100,
    );
    required(&mut errors, "contact_person", &form.contact_person, 60);
    let kind = OrganizationKind::from_code(form.organization_kind.trim());
    if kind.is_none() {
        errors.add("organization_kind", "choose-one");
    }
    let location = OrganizationLocation::from_code(form.organization_location.trim());
    if location.is_none() {
        errors.add("organization_location", "choose-one");
    }
    let email = domain::account::normalize_email(&form.email);
    if !looks_like_email(&email) {
        errors.add("email", "email-invalid");
    }
    if form.message.chars().count() > 2000 {
        errors.add("message", "too-long");
    }
    if form.phone.trim().chars().count() > 20 {
        errors.add("phone", "phone-invalid");
    }
    let (Some(kind), Some(location), true) = (kind, location, errors.is_empty()) else {
        return Err(errors);
    };
    Ok(NewEnquiry {
        organization_name: form.organization_name.trim().to_owned(),
        kind,
        location,
        contact_person: form.contact_person.trim().to_owned(),
        email,
        phone: form.phone.trim().to_owned(),
        message: form.message.trim().to_owned(),
    })
}

pub async fn enquiry_submit(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    page: Page,
    ip: crate::auth::ClientIp,
    Form(form): Form<EnquiryForm>,
) -> Result<Response, WebError> {
    let enquiry = match check_enquiry(&form) {
        Ok(enquiry) => enquiry,
        Err(errors) => {
            return Ok(
                enquiry_page(&town, page, &form, &errors).respond(StatusCode::UNPROCESSABLE_ENTITY)
            );
        }
    };
    let rule = crate::auth::throttle::ENQUIRY_PER_ADDRESS;
    if !crate::auth::throttle::allows(&state.store, rule, &ip.0).await? {
        // The form comes back as it was typed, so nothing is lost while the person waits.
        let alert = page.t("error-429-message");
        return Ok(enquiry_page(&town, page, &form, &FieldErrors::default())
            .alert(Some(crate::form::Alert::text(alert)))
            .respond(StatusCode::TOO_MANY_REQUESTS));
    }
    state.store.tenant(&town).create_enquiry(&enquiry).await?;
    Ok(Redirect::to(&format!("/{}/work-with-us?done=sent", town.slug)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> EnquiryForm {
        EnquiryForm {
            organization_name: " 湯の花旅館 ".into(),
            organization_kind: "company".into(),
            organization_location: "in_town".into(),
            contact_person: "湯川 一郎".into(),
            email: "Inn@Example.jp".into(),
            ..EnquiryForm::default()
        }
    }

    #[test]
    fn an_enquiry_is_checked_and_trimmed_field_by_field() {
        let enquiry = check_enquiry(&form()).unwrap();
        assert_eq!(enquiry.organization_name, "湯の花旅館");
        assert_eq!(enquiry.kind, OrganizationKind::Company);
        assert_eq!(enquiry.location, OrganizationLocation::InTown);
        let bad = EnquiryForm {
            organization_kind: "bank".into(),
            email: "not an address".into(),
            phone: "0".repeat(21),
            ..form()
        };
        let errors = check_enquiry(&bad).unwrap_err();
        for field in ["organization_kind", "email", "phone"] {
            assert!(errors.code_for(field).is_some(), "{field}");
        }
        assert!(errors.code_for("organization_name").is_none());
    }
}
