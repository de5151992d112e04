//! One template for the simple forms of the account pages.

use axum::http::StatusCode;
use axum::response::Response;

use crate::form::FieldView;
use crate::page::{Page, render};

#[derive(askama::Template)]
#[template(path = "form_page.html")]
pub struct FormPage {
    pub page: Page,
    pub title: String,
    pub lead: Option<String>,
    pub notice: Option<String>,
    pub alert: Option<crate::form::Alert>,
    pub action: String,
    pub fields: Vec<FieldView>,
    pub hidden: Vec<(&'static str, String)>,
    pub submit: String,
    pub links: Vec<(String, String)>,
}

impl FormPage {
    pub fn new(page: Page, title_key: &str, action: String, submit_key: &str) -> Self {
        Self {
            title: page.t(title_key),
            submit: page.t(submit_key),
            page,
            lead: None,
            notice: None,
            alert: None,
            action,
            fields: Vec::new(),
            hidden: Vec::new(),
            links: Vec::new(),
        }
    }

    pub fn lead(mut self, key: &str) -> Self {
        self.lead = Some(self.page.t(key));
        self
    }

    pub fn notice(mut self, key: Option<&str>) -> Self {
        self.notice = key.map(|k| self.page.t(k));
        self
    }

    /// A notice whose text is already translated (with its arguments).
    pub fn notice_text(mut self, text: String) -> Self {
        self.notice = Some(text);
        self
    }

    pub fn alert(mut self, alert: Option<crate::form::Alert>) -> Self {
        self.alert = alert;
        self
    }

    pub fn fields(mut self, fields: Vec<FieldView>) -> Self {
        self.fields = fields;
        self
    }

    pub fn hidden(mut self, name: &'static str, value: String) -> Self {
        self.hidden.push((name, value));
        self
    }

    /// A hidden field, when there is a value for it.
    pub fn hidden_if(self, name: &'static str, value: Option<&str>) -> Self {
        match value {
            Some(value) => self.hidden(name, value.to_owned()),
            None => self,
        }
    }

    pub fn link(mut self, href: String, key: &str) -> Self {
        let label = self.page.t(key);
        self.links.push((href, label));
        self
    }

    pub fn respond(self, status: StatusCode) -> Response {
        render(status, &self)
    }
}
