//! Saved requests (保存した仕事): a signed-in resident saves a published request from its page
//! to come back to it, and finds it on their home page (closed ones marked), where they can
//! forget it. The weekly mail of new requests that fit them is `participant::job_mail`.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use serde::Deserialize;
use store::saved_request::SavedRequest;

use crate::auth::SignedIn;
use crate::error::WebError;
use crate::page::Page;
use crate::shown_text::Shown;
use crate::state::AppState;
use crate::town::CurrentTown;

domain::coded!(
    /// What a page says after saving or forgetting a request.
    SavedDone {
        Saved = "job-saved" => "saved-done-saved",
        Forgotten = "job-forgotten" => "saved-done-forgotten",
    }
);

/// The save button on a request's page, for a signed-in resident.
pub struct SaveButton {
    pub action: String,
    pub saved: bool,
}

impl SaveButton {
    pub fn new(slug: &str, request: i64, saved: bool) -> Self {
        Self {
            action: format!("/{slug}/requests/{request}/save"),
            saved,
        }
    }
}

/// A saved request as the home page lists it.
pub struct SavedView {
    pub href: String,
    pub title: Shown,
    pub organization: String,
    /// For one that closed since: 「募集は終了しました」.
    pub closed: Option<String>,
    pub forget_action: String,
}

pub fn own_list(page: &Page, slug: &str, saved: &[SavedRequest]) -> Vec<SavedView> {
    saved
        .iter()
        .map(|s| SavedView {
            href: format!("/{slug}/requests/{}", s.request_id),
            title: Shown::pick(page.lang, &s.title, &s.title_en),
            organization: s.organization_name.clone(),
            closed: (!s.open()).then(|| page.t("saved-closed")),
            forget_action: format!("/{slug}/requests/{}/save", s.request_id),
        })
        .collect()
}

#[derive(Deserialize, Default)]
pub struct SaveForm {
    /// `yes` to save, anything else to forget.
    #[serde(default)]
    save: String,
    /// `home` when forgotten from the home page, which it returns to.
    #[serde(default)]
    from: String,
}

pub async fn save(
    State(state): State<AppState>,
    CurrentTown(town): CurrentTown,
    SignedIn(account): SignedIn,
    Path((_, id)): Path<(String, i64)>,
    Form(form): Form<SaveForm>,
) -> Result<Response, WebError> {
    let saving = form.save == "yes";
    match state
        .store
        .tenant(&town)
        .save_request((account.id, id), saving)
        .await
    {
        Ok(()) => {}
        Err(store::StoreError::NotFound) => return Err(WebError::NotFound),
        Err(err) => return Err(err.into()),
    }
    let done = if saving {
        SavedDone::Saved
    } else {
        SavedDone::Forgotten
    };
    let back = if form.from == "home" {
        format!("/{}/me/", town.slug)
    } else {
        format!("/{}/requests/{id}", town.slug)
    };
    Ok(Redirect::to(&format!("{back}?done={}", done.code())).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use chrono::Utc;

    fn saved(status: &str, reason: Option<&str>) -> SavedRequest {
        SavedRequest {
            request_id: 7,
            title: "客室の準備".into(),
            title_en: String::new(),
            organization_name: "湯の花旅館".into(),
            status: status.into(),
            close_reason: reason.map(str::to_owned),
            saved_at: Utc::now(),
        }
    }

    #[test]
    fn closed_saved_requests_are_marked_and_each_can_be_forgotten() {
        let page = Page::new(Lang::Ja, "/nagaizumi/me/", false);
        let list = own_list(
            &page,
            "nagaizumi",
            &[saved("published", None), saved("closed", Some("filled"))],
        );
        assert_eq!(list[0].href, "/nagaizumi/requests/7");
        assert!(list[0].closed.is_none());
        assert_eq!(list[1].closed.as_deref(), Some("募集は終了しました"));
        assert_eq!(list[1].forget_action, "/nagaizumi/requests/7/save");
    }
}
