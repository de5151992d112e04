//! The one place that decides who may do what.
//!
//! Every route is listed in [`ROUTE_ACCESS`] with the access each method needs. The
//! [`authorize`] middleware applies the table to every request before its handler runs, so a
//! handler cannot forget a check; a route that is not in the table is refused (and the
//! authorization-matrix test fails). Checks on a particular record (that it belongs to the
//! requester's town, or to the requester) are the functions below, which handlers call; tenant
//! scoping in the store makes records of other towns unreachable in the first place.

use axum::extract::{MatchedPath, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use domain::audit::{AuditAction, AuditTarget};
use domain::{MunicipalityId, Role};
use store::account::Account;

use crate::audit_trail::Audit;
use crate::auth::CurrentSession;
use crate::error::WebError;
use crate::state::AppState;

/// What a route needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// An account of the town in the path holding one of these roles.
    Town(&'static [Role]),
    /// A platform operator.
    Operator,
}

const ANY_TOWN_ROLE: &[Role] = &[
    Role::Participant,
    Role::OrganizationMember,
    Role::Coordinator,
    Role::TownOfficer,
];
const PARTICIPANT: &[Role] = &[Role::Participant];
const ORGANIZATION: &[Role] = &[Role::OrganizationMember];
const COORDINATOR: &[Role] = &[Role::Coordinator];
const TOWN_OFFICER: &[Role] = &[Role::TownOfficer];
/// The town's staff: its numbers are theirs to read.
const STAFF: &[Role] = &[Role::Coordinator, Role::TownOfficer];

use Access::{Operator, Public, Town};

/// Every route × method and the access it needs. GET rules also cover HEAD.
#[rustfmt::skip]
pub const ROUTE_ACCESS: &[(&str, Method, Access)] = &[
    ("/", Method::GET, Public),
    ("/healthz", Method::GET, Public),
    ("/metrics", Method::GET, Public),
    ("/static/{file}", Method::GET, Public),
    ("/lang/{code}", Method::GET, Public),
    ("/{town}", Method::GET, Public),
    ("/{town}/", Method::GET, Public),
    // Accounts
    ("/{town}/signup", Method::GET, Public),
    ("/{town}/signup", Method::POST, Public),
    ("/{town}/signup/{token}", Method::GET, Public),
    ("/{town}/signup/{token}", Method::POST, Public),
    ("/{town}/login", Method::GET, Public),
    ("/{town}/login", Method::POST, Public),
    ("/{town}/logout", Method::POST, Town(ANY_TOWN_ROLE)),
    ("/{town}/password-reset", Method::GET, Public),
    ("/{town}/password-reset", Method::POST, Public),
    ("/{town}/password-reset/{token}", Method::GET, Public),
    ("/{town}/password-reset/{token}", Method::POST, Public),
    ("/{town}/invitations/{token}", Method::GET, Public),
    ("/{town}/invitations/{token}", Method::POST, Public),
    ("/{town}/account/password", Method::GET, Town(ANY_TOWN_ROLE)),
    (
        "/{town}/account/password",
        Method::POST,
        Town(ANY_TOWN_ROLE),
    ),
    // Participants and organizations
    ("/{town}/privacy", Method::GET, Public),
    ("/{town}/accessibility", Method::GET, Public),
    ("/{town}/results", Method::GET, Public),
    ("/{town}/me/", Method::GET, Town(PARTICIPANT)),
    ("/{town}/me/profile", Method::GET, Town(PARTICIPANT)),
    ("/{town}/me/profile", Method::POST, Town(PARTICIPANT)),
    ("/{town}/me/consent", Method::GET, Town(PARTICIPANT)),
    ("/{town}/me/consent", Method::POST, Town(PARTICIPANT)),
    ("/{town}/org/", Method::GET, Town(ORGANIZATION)),
    ("/{town}/org/requests/new", Method::GET, Town(ORGANIZATION)),
    ("/{town}/org/requests/new", Method::POST, Town(ORGANIZATION)),
    ("/{town}/org/requests/{id}", Method::GET, Town(ORGANIZATION)),
    ("/{town}/org/requests/{id}", Method::POST, Town(ORGANIZATION)),
    ("/{town}/org/requests/{id}/status", Method::POST, Town(ORGANIZATION)),
    ("/{town}/org/requests/{id}/close", Method::GET, Town(ORGANIZATION)),
    ("/{town}/requests", Method::GET, Public),
    ("/{town}/requests/{id}", Method::GET, Public),
    ("/{town}/requests/{id}/interest", Method::GET, Town(PARTICIPANT)),
    ("/{town}/requests/{id}/interest", Method::POST, Town(PARTICIPANT)),
    ("/{town}/me/interests/{id}/withdraw", Method::POST, Town(PARTICIPANT)),
    ("/{town}/requests/{id}/save", Method::POST, Town(PARTICIPANT)),
    ("/{town}/me/job-mail", Method::POST, Town(PARTICIPANT)),
    ("/{town}/work-with-us", Method::GET, Public),
    ("/{town}/work-with-us", Method::POST, Public),
    ("/{town}/coordinator/requests", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/requests/export", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/requests/new", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/requests/new", Method::POST, Town(COORDINATOR)),
    ("/{town}/coordinator/requests/{id}", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/requests/{id}", Method::POST, Town(COORDINATOR)),
    ("/{town}/coordinator/requests/{id}/status", Method::POST, Town(COORDINATOR)),
    ("/{town}/coordinator/requests/{id}/close", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/interests", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/interests/{id}/answered", Method::POST, Town(COORDINATOR)),
    ("/{town}/coordinator/enquiries", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/enquiries/{id}", Method::POST, Town(COORDINATOR)),
    // Coordinators
    ("/{town}/coordinator/", Method::GET, Town(COORDINATOR)),
    (
        "/{town}/coordinator/invitations",
        Method::GET,
        Town(COORDINATOR),
    ),
    (
        "/{town}/coordinator/invitations",
        Method::POST,
        Town(COORDINATOR),
    ),
    (
        "/{town}/coordinator/participants",
        Method::GET,
        Town(COORDINATOR),
    ),
    ("/{town}/coordinator/participants/export", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/participants/export", Method::POST, Town(COORDINATOR)),
    ("/{town}/coordinator/import", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/import", Method::POST, Town(COORDINATOR)),
    ("/{town}/coordinator/import/participants", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/import/participants", Method::POST, Town(COORDINATOR)),
    ("/{town}/coordinator/participants/{id}/delete", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/participants/{id}/delete", Method::POST, Town(COORDINATOR)),
    ("/{town}/coordinator/participants/{id}", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/participants/{id}/hearings", Method::POST, Town(COORDINATOR)),
    (
        "/{town}/coordinator/participants/{id}/hearings/{hearing}/edit",
        Method::GET,
        Town(COORDINATOR),
    ),
    (
        "/{town}/coordinator/participants/{id}/hearings/{hearing}/edit",
        Method::POST,
        Town(COORDINATOR),
    ),
    ("/{town}/coordinator/participants/{id}/follow-ups", Method::POST, Town(COORDINATOR)),
    ("/{town}/coordinator/follow-ups/{id}/done", Method::POST, Town(COORDINATOR)),
    ("/{town}/coordinator/follow-ups/{id}/check-in", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/follow-ups/{id}/check-in", Method::POST, Town(COORDINATOR)),
    ("/{town}/coordinator/proposals", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/outbox", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/introductions", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/introductions/export", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/introductions/{id}", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/introductions/{id}", Method::POST, Town(COORDINATOR)),
    ("/{town}/coordinator/requests/{id}/introductions", Method::POST, Town(COORDINATOR)),
    ("/{town}/coordinator/proposals/drafts", Method::POST, Town(COORDINATOR)),
    // Introductions seen by their people, and notifications
    ("/{town}/me/introductions", Method::GET, Town(PARTICIPANT)),
    ("/{town}/me/provision-records.csv", Method::GET, Town(PARTICIPANT)),
    // A person's own data: download and deletion (every role with an account)
    ("/{town}/me/data", Method::GET, Town(ANY_TOWN_ROLE)),
    ("/{town}/me/data", Method::POST, Town(ANY_TOWN_ROLE)),
    ("/{town}/me/data/{id}/download", Method::GET, Town(ANY_TOWN_ROLE)),
    ("/{town}/account/delete", Method::GET, Town(ANY_TOWN_ROLE)),
    ("/{town}/account/delete", Method::POST, Town(ANY_TOWN_ROLE)),
    ("/{town}/me/introductions/{id}", Method::GET, Town(PARTICIPANT)),
    ("/{town}/me/introductions/{id}", Method::POST, Town(PARTICIPANT)),
    ("/{town}/me/introductions/{id}/meeting", Method::POST, Town(PARTICIPANT)),
    ("/{town}/me/introductions/{id}/meeting.ics", Method::GET, Town(PARTICIPANT)),
    ("/{town}/org/introductions", Method::GET, Town(ORGANIZATION)),
    ("/{town}/org/introductions/{id}", Method::GET, Town(ORGANIZATION)),
    ("/{town}/org/introductions/{id}", Method::POST, Town(ORGANIZATION)),
    ("/{town}/org/introductions/{id}/result", Method::POST, Town(ORGANIZATION)),
    ("/{town}/notifications", Method::GET, Town(ANY_TOWN_ROLE)),
    // Events: public pages and calendars (a private feed is opened by its token alone),
    // booking by participants, management by coordinators
    ("/{town}/events", Method::GET, Public),
    ("/{town}/events.ics", Method::GET, Public),
    ("/{town}/events/{id}", Method::GET, Public),
    ("/{town}/events/{id}", Method::POST, Town(PARTICIPANT)),
    ("/{town}/events/{id}/calendar", Method::GET, Public),
    ("/{town}/calendar/{token}", Method::GET, Public),
    ("/{town}/me/events", Method::GET, Town(PARTICIPANT)),
    ("/{town}/me/events", Method::POST, Town(PARTICIPANT)),
    ("/{town}/me/bookings/{id}", Method::POST, Town(PARTICIPANT)),
    ("/{town}/me/bookings/{id}/cancel", Method::GET, Town(PARTICIPANT)),
    (
        "/{town}/coordinator/events/{id}/bookings/{booking}/cancel",
        Method::GET,
        Town(COORDINATOR),
    ),
    (
        "/{town}/coordinator/events/{id}/bookings/{booking}/cancel",
        Method::POST,
        Town(COORDINATOR),
    ),
    ("/{town}/coordinator/events", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/events/export", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/events/new", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/events/new", Method::POST, Town(COORDINATOR)),
    ("/{town}/coordinator/events/slots", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/events/slots", Method::POST, Town(COORDINATOR)),
    ("/{town}/coordinator/events/{id}", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/events/{id}", Method::POST, Town(COORDINATOR)),
    ("/{town}/coordinator/introductions/{id}/cancel", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/introductions/{id}/cancel", Method::POST, Town(COORDINATOR)),
    ("/{town}/coordinator/events/{id}/edit", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/events/{id}/edit", Method::POST, Town(COORDINATOR)),
    ("/{town}/coordinator/events/{id}/cancel", Method::GET, Town(COORDINATOR)),
    ("/{town}/coordinator/events/{id}/cancel", Method::POST, Town(COORDINATOR)),
    ("/{town}/notifications", Method::POST, Town(ANY_TOWN_ROLE)),
    // Town officers
    ("/{town}/town/", Method::GET, Town(TOWN_OFFICER)),
    ("/{town}/town/reports", Method::GET, Town(STAFF)),
    ("/{town}/town/reports/export", Method::GET, Town(STAFF)),
    // A long list's file, made in the background: its requester's alone (the store finds
    // only the requester's own).
    ("/{town}/exports/{id}", Method::GET, Town(STAFF)),
    ("/{town}/exports/{id}/download", Method::GET, Town(STAFF)),
    ("/{town}/town/reports/public", Method::GET, Town(TOWN_OFFICER)),
    ("/{town}/town/reports/public", Method::POST, Town(TOWN_OFFICER)),
    ("/{town}/town/reports/threshold", Method::POST, Town(TOWN_OFFICER)),
    ("/{town}/town/reports/targets", Method::GET, Town(TOWN_OFFICER)),
    ("/{town}/town/reports/targets", Method::POST, Town(TOWN_OFFICER)),
    ("/{town}/town/travel", Method::GET, Town(STAFF)),
    ("/{town}/town/travel", Method::POST, Town(STAFF)),
    ("/{town}/town/privacy", Method::GET, Town(STAFF)),
    ("/{town}/town/privacy", Method::POST, Town(STAFF)),
    ("/{town}/town/file-register", Method::GET, Town(TOWN_OFFICER)),
    ("/{town}/town/retention", Method::GET, Town(STAFF)),
    ("/{town}/town/retention", Method::POST, Town(STAFF)),
    ("/{town}/town/data-requests", Method::GET, Town(STAFF)),
    ("/{town}/town/data-requests", Method::POST, Town(STAFF)),
    ("/{town}/town/data-requests/deadline", Method::POST, Town(STAFF)),
    ("/{town}/town/data-requests/{id}", Method::GET, Town(STAFF)),
    ("/{town}/town/data-requests/{id}", Method::POST, Town(STAFF)),
    ("/{town}/town/settings", Method::GET, Town(STAFF)),
    ("/{town}/town/settings", Method::POST, Town(STAFF)),
    ("/{town}/town/news", Method::POST, Town(STAFF)),
    ("/{town}/town/news/{id}/delete", Method::POST, Town(STAFF)),
    ("/{town}/theme.css", Method::GET, Public),
    ("/{town}/town/logo", Method::POST, Town(STAFF)),
    ("/{town}/logo", Method::GET, Public),
    // Operators
    ("/operator/login", Method::GET, Public),
    ("/operator/login", Method::POST, Public),
    ("/operator/logout", Method::POST, Operator),
    ("/operator/account/password", Method::GET, Operator),
    ("/operator/account/password", Method::POST, Operator),
    ("/operator/", Method::GET, Operator),
    ("/operator/towns", Method::POST, Operator),
    ("/operator/towns/{town}/invitations", Method::POST, Operator),
    ("/operator/audit", Method::GET, Operator),
    ("/operator/outbox", Method::GET, Operator),
];

/// The access a route needs for a method, if the table has it.
pub fn rule(path: &str, method: &Method) -> Option<Access> {
    let method = if method == Method::HEAD {
        &Method::GET
    } else {
        method
    };
    ROUTE_ACCESS
        .iter()
        .find(|(p, m, _)| *p == path && m == method)
        .map(|(_, _, access)| *access)
}

/// Whether a town account in `role` may use `path` with `method` in its own town: for pages
/// that show a link or a button only to those who may follow it.
pub fn role_may(role: Role, path: &str, method: &Method) -> bool {
    matches!(rule(path, method), Some(Town(roles)) if roles.contains(&role))
}

/// Whether the table has any rule for a path; the router refuses to build without one.
pub fn covers(path: &str) -> bool {
    ROUTE_ACCESS.iter().any(|(p, _, _)| *p == path)
}

/// Who is asking, as the policy sees them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    pub role: Role,
    pub town: Option<MunicipalityId>,
}

impl From<&Account> for Actor {
    fn from(account: &Account) -> Self {
        Actor {
            role: account.role,
            town: account.municipality_id,
        }
    }
}

/// The outcome for one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    /// Not signed in: go to the sign-in page of the town, or of the operators.
    SignIn,
    Deny,
}

/// The policy itself: pure, and tested as a matrix.
pub fn decide(access: Access, actor: Option<Actor>, path_town: Option<MunicipalityId>) -> Decision {
    match (access, actor) {
        (Public, _) => Decision::Allow,
        (_, None) => Decision::SignIn,
        (Operator, Some(actor)) if actor.role == Role::Operator => Decision::Allow,
        (Town(roles), Some(actor))
            if roles.contains(&actor.role) && actor.town.is_some() && actor.town == path_town =>
        {
            Decision::Allow
        }
        _ => Decision::Deny,
    }
}

/// Record-level rule: staff of a town may see that town's participants.
pub fn may_view_participant(viewer: &Account, participant: &Account) -> bool {
    viewer.role == Role::Coordinator
        && participant.role == Role::Participant
        && viewer.municipality_id.is_some()
        && viewer.municipality_id == participant.municipality_id
}

/// Record-level rule: an organization member manages only their own organization's requests.
pub fn may_manage_request(member: &Account, request_organization: i64) -> bool {
    member.role == Role::OrganizationMember && member.organization_id == Some(request_organization)
}

/// Record-level rule: an organization member sees a participant's profile only through an
/// introduction to their organization that the participant consented to and has not
/// withdrawn from (see `domain::introduction`).
pub fn may_view_shared_profile(
    member: &Account,
    introduction: &store::introduction::Introduction,
    participant: i64,
) -> bool {
    member.role == Role::OrganizationMember
        && member.organization_id == Some(introduction.organization_id)
        && introduction.shares_profile_of(participant)
}

/// Pages for someone signed in, and pages opened by a personal link, carry personal data: no
/// browser or shared cache may keep them.
fn is_personal(access: &Access, signed_in: bool, request: &Request) -> bool {
    *access != Public || signed_in || crate::auth::secret_path::carries_secret(request.uri().path())
}

/// 405 with the methods the access table lists for `path`.
fn method_not_allowed(path: &str) -> Response {
    let allowed: Vec<&str> = ROUTE_ACCESS
        .iter()
        .filter(|(p, _, _)| *p == path)
        .map(|(_, m, _)| m.as_str())
        .collect();
    let mut response = axum::http::StatusCode::METHOD_NOT_ALLOWED.into_response();
    if let Ok(value) = allowed.join(",").parse() {
        response
            .headers_mut()
            .insert(axum::http::header::ALLOW, value);
    }
    response
}

/// To the sign-in page of the town (or the operators'), coming back here after.
fn sign_in_first(access: &Access, slug: Option<&str>, request: &Request) -> Response {
    let target = match (access, slug) {
        (Town(_), Some(slug)) => format!("/{slug}/login"),
        _ => "/operator/login".to_owned(),
    };
    let here = request
        .uri()
        .path_and_query()
        .map(|pq| pq.as_str())
        .unwrap_or("/");
    let next: String = url::form_urlencoded::byte_serialize(here.as_bytes()).collect();
    Redirect::to(&format!("{target}?next={next}")).into_response()
}

/// Writes a refusal to the audit log, the first of each route per account in the window.
async fn record_denial(
    state: &AppState,
    audit: &Audit,
    (session, path_town): (&CurrentSession, Option<MunicipalityId>),
    path: &str,
    detail: &str,
) {
    let account = session.account().map(|a| a.id.0).unwrap_or_default();
    match crate::auth::throttle::worth_recording_denial(&state.store, account, path).await {
        Ok(true) => {
            if let Err(err) = audit
                .record(
                    path_town,
                    AuditAction::AccessDenied,
                    AuditTarget::Route,
                    path,
                    detail,
                )
                .await
            {
                tracing::error!(error = %err, "cannot write the audit entry for a denied request");
            }
        }
        Ok(false) => {}
        Err(err) => tracing::error!(error = %err, "cannot count a denied request"),
    }
}

/// Middleware (route layer): applies [`ROUTE_ACCESS`] before the handler runs.
pub async fn authorize(
    State(state): State<AppState>,
    audit: Audit,
    request: Request,
    next: Next,
) -> Response {
    let Some(path) = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
    else {
        return next.run(request).await;
    };
    let Some(access) = rule(&path, request.method()) else {
        // Fail closed: a method the table does not list is not allowed, whether or not a
        // handler exists for it.
        return method_not_allowed(&path);
    };
    let session = request
        .extensions()
        .get::<CurrentSession>()
        .cloned()
        .unwrap_or_default();
    let actor = session.account().map(Actor::from);
    let slug = path_town_slug(&request);
    let path_town = match (&access, &slug) {
        (Town(_), Some(slug)) => match state.store.municipality_by_slug(slug).await {
            Ok(Some(town)) => Some(town.id),
            Ok(None) => return WebError::NotFound.into_response(),
            Err(err) => return WebError::from(err).into_response(),
        },
        _ => None,
    };
    let personal = is_personal(&access, actor.is_some(), &request);
    match decide(access, actor, path_town) {
        Decision::Allow if personal => {
            let mut response = next.run(request).await;
            response.headers_mut().insert(
                axum::http::header::CACHE_CONTROL,
                axum::http::HeaderValue::from_static("no-store"),
            );
            response
        }
        Decision::Allow => crate::public_cache::serve(&state.public_cache, request, next).await,
        Decision::SignIn => sign_in_first(&access, slug.as_deref(), &request),
        Decision::Deny => {
            let detail = format!(
                "{} {}",
                request.method(),
                crate::auth::secret_path::loggable(request.uri().path())
            );
            drop(request);
            record_denial(&state, &audit, (&session, path_town), &path, &detail).await;
            WebError::Forbidden.into_response()
        }
    }
}

fn path_town_slug(request: &Request) -> Option<String> {
    let matched = request
        .extensions()
        .get::<MatchedPath>()?
        .as_str()
        .to_owned();
    // The town is the path segment where the route has `{town}`.
    let position = matched.split('/').position(|segment| segment == "{town}")?;
    request
        .uri()
        .path()
        .split('/')
        .nth(position)
        .map(percent_decode)
}

fn percent_decode(segment: &str) -> String {
    url::form_urlencoded::parse(format!("x={segment}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: Option<MunicipalityId> = Some(MunicipalityId(1));
    const B: Option<MunicipalityId> = Some(MunicipalityId(2));

    fn actor(role: Role, town: Option<MunicipalityId>) -> Option<Actor> {
        Some(Actor { role, town })
    }

    #[test]
    fn public_routes_admit_everyone() {
        assert_eq!(decide(Public, None, A), Decision::Allow);
        assert_eq!(
            decide(Public, actor(Role::Operator, None), None),
            Decision::Allow
        );
    }

    #[test]
    fn town_routes_need_the_role_in_that_town() {
        let coordinators = Town(COORDINATOR);
        assert_eq!(decide(coordinators, None, A), Decision::SignIn);
        assert_eq!(
            decide(coordinators, actor(Role::Coordinator, A), A),
            Decision::Allow
        );
        assert_eq!(
            decide(coordinators, actor(Role::Coordinator, B), A),
            Decision::Deny
        );
        assert_eq!(
            decide(coordinators, actor(Role::Participant, A), A),
            Decision::Deny
        );
        assert_eq!(
            decide(coordinators, actor(Role::Operator, None), A),
            Decision::Deny
        );
    }

    #[test]
    fn operator_routes_need_an_operator() {
        assert_eq!(decide(Operator, None, None), Decision::SignIn);
        assert_eq!(
            decide(Operator, actor(Role::Operator, None), None),
            Decision::Allow
        );
        assert_eq!(
            decide(Operator, actor(Role::Coordinator, A), None),
            Decision::Deny
        );
    }

    #[test]
    fn head_follows_get_and_unknown_routes_have_no_rule() {
        assert_eq!(rule("/{town}/me/", &Method::HEAD), Some(Town(PARTICIPANT)));
        assert_eq!(rule("/{town}/me/", &Method::POST), None);
        assert_eq!(rule("/nowhere", &Method::GET), None);
    }
}
