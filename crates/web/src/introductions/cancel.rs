//! Cancelling an introduction (取りやめ): a page of its own that names who will be told and
//! asks for the reason they are given; the move itself is the coordinator's `cancel`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum_extra::extract::Form;
use domain::FieldErrors;
use domain::introduction::{Action, Actor, advance};
use store::introduction::Introduction;

use super::coordinator::load;
use super::forms::MoveForm;
use super::shared::{apply, finish_move};
use super::view::IntroductionView;
use crate::audit_trail::Audit;
use crate::auth::SignedIn;
use crate::error::WebError;
use crate::form::FieldView;
use crate::page::{Page, render};
use crate::state::AppState;
use crate::town::CurrentTown;

#[derive(askama::Template)]
#[template(path = "introductions/cancel.html")]
struct ConfirmPage {
    page: Page,
    intro: IntroductionView,
    reason: FieldView,
    has_errors: bool,
    from: String,
    action: String,
    back_href: String,
}

fn confirm_page(
    (town, page): (&domain::Municipality, Page),
    intro: &Introduction,
    (typed, errors): (&str, &FieldErrors),
) -> ConfirmPage {
    let base = format!("/{}/coordinator/introductions/{}", town.slug, intro.id);
    let reason = FieldView {
        label: page.t("field-introduction-cancel-reason"),
        ..FieldView::new(&page, "note", "textarea", typed, errors)
    }
    .hint(&page, "field-introduction-cancel-reason-hint");
    ConfirmPage {
        intro: IntroductionView::new(&page, intro, String::new()),
        reason,
        has_errors: !errors.is_empty(),
        from: intro.status.code().to_owned(),
        action: format!("{base}/cancel"),
        back_href: base,
        page,
    }
}

/// The introduction, while it can still be cancelled.
async fn cancellable(
    state: &AppState,
    town: &domain::Municipality,
    audit: &Audit,
    id: i64,
) -> Result<Introduction, WebError> {
    let intro = load(state, town, audit, id).await?;
    match advance(intro.status, Action::Cancel, Actor::Coordinator) {
        Ok(_) => Ok(intro),
        Err(_) => Err(WebError::NotFound),
    }
}

pub async fn confirm(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    audit: Audit,
) -> Result<Response, WebError> {
    let intro = cancellable(&state, &town, &audit, id).await?;
    let view = confirm_page(
        (&town, page.with_town(&town)),
        &intro,
        ("", &FieldErrors::default()),
    );
    Ok(render(StatusCode::OK, &view))
}

/// Cancels it with the reason given; without one, the page again with the field's error.
pub async fn cancel(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    page: Page,
    audit: Audit,
    Form(form): Form<MoveForm>,
) -> Result<Response, WebError> {
    let intro = cancellable(&state, &town, &audit, id).await?;
    let form = MoveForm {
        action: Action::Cancel.code().to_owned(),
        ..form
    };
    let base = format!("/{}/coordinator/introductions/{id}", town.slug);
    match apply(&state, &town, &account, &intro, Actor::Coordinator, &form).await? {
        Ok(moved) => finish_move(&audit, &town, (id, &form), moved, &base).await,
        Err(errors) => {
            let typed = (form.note.as_str(), &errors);
            let view = confirm_page((&town, page.with_town(&town)), &intro, typed);
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view))
        }
    }
}
