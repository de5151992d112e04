//! The log's filters as the form sends them, checked: each wrong value is an error on its
//! field. People are found by name or reading (either kana), or by account number.

use chrono::{NaiveDate, TimeZone, Utc};
use domain::FieldErrors;
use domain::MunicipalityId;
use domain::furigana::search_key;
use domain::local_time::jst;
use serde::Deserialize;
use store::account::AccountId;
use store::audit::AuditFilter;

use crate::error::WebError;
use crate::state::AppState;

/// The most accounts one name stands for in a filter (namesakes included).
const NAMED_LIMIT: i64 = 100;

/// The filters, as the form sends them.
#[derive(Debug, Default, Deserialize, Clone)]
pub struct AuditQuery {
    #[serde(default)]
    pub action: String,
    /// Who acted: a name, or an account number (`12` or `#12`).
    #[serde(default)]
    pub actor: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub until: String,
    /// Whose data: a name, or an account number.
    #[serde(default)]
    pub person: String,
    pub before: Option<i64>,
    /// `csv` downloads the entries instead of showing a page.
    #[serde(default)]
    pub format: String,
}

/// The kinds of entry the filter offers: (action prefix, translation key).
pub const ACTIONS: &[(&str, &str)] = &[
    ("", "audit-action-all"),
    ("participant.", "audit-action-participant"),
    ("introduction.", "audit-action-introduction"),
    ("event.", "audit-action-event"),
    ("request.", "audit-action-request"),
    ("enquiry.", "audit-action-enquiry"),
    ("consent.", "audit-action-consent"),
    ("access.denied", "audit-action-denied"),
    ("auth.", "audit-action-auth"),
    ("account.", "audit-action-account"),
    ("invitation.", "audit-action-invitation"),
    ("municipality.", "audit-action-municipality"),
    ("audit_log.", "audit-action-audit-log"),
    ("outbox.", "audit-action-outbox"),
];

/// A day typed as `YYYY-MM-DD`: its start in Japan.
fn day_start(date: NaiveDate) -> Option<chrono::DateTime<Utc>> {
    let local = jst()
        .from_local_datetime(&date.and_hms_opt(0, 0, 0)?)
        .single()?;
    Some(local.with_timezone(&Utc))
}

/// An optional date field; a text that is not a date is the field's error.
fn date_field(errors: &mut FieldErrors, field: &'static str, raw: &str) -> Option<NaiveDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let parsed = NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok();
    if parsed.is_none() {
        errors.add(field, "date-invalid");
    }
    parsed
}

/// An account number as typed, `12` or `#12`.
fn account_number(raw: &str) -> Option<AccountId> {
    raw.trim()
        .trim_start_matches(['#', '＃'])
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .map(AccountId)
}

/// What a person field names: nobody (empty), an account number, or a name to look up.
#[derive(Debug, PartialEq)]
enum Who {
    Anyone,
    Number(AccountId),
    Named(String),
}

fn who(raw: &str) -> Who {
    if let Some(id) = account_number(raw) {
        return Who::Number(id);
    }
    let key = search_key(raw);
    if key.is_empty() {
        Who::Anyone
    } else {
        Who::Named(key)
    }
}

/// The accounts a person field stands for; a name that finds nobody is the field's error.
async fn people(
    state: &AppState,
    town: Option<MunicipalityId>,
    (field, raw): (&'static str, &str),
    errors: &mut FieldErrors,
) -> Result<Vec<AccountId>, WebError> {
    Ok(match who(raw) {
        Who::Anyone => Vec::new(),
        Who::Number(id) => vec![id],
        Who::Named(key) if key.chars().count() > 100 => {
            errors.add(field, "too-long");
            Vec::new()
        }
        Who::Named(key) => {
            let found = state.store.accounts_named(town, &key, NAMED_LIMIT).await?;
            if found.is_empty() {
                errors.add(field, "no-one-named");
            }
            found
        }
    })
}

/// The dates and kind, checked: (from, until) and the action prefix.
type Checked = (
    Option<chrono::DateTime<Utc>>,
    Option<chrono::DateTime<Utc>>,
    Option<String>,
);

fn check_dates_and_kind(query: &AuditQuery, errors: &mut FieldErrors) -> Checked {
    let from = date_field(errors, "from", &query.from);
    let until = date_field(errors, "until", &query.until);
    if let (Some(from), Some(until)) = (from, until)
        && until < from
    {
        errors.add("until", "until-before-from");
    }
    let action = ACTIONS
        .iter()
        .find(|(prefix, _)| *prefix == query.action)
        .map(|(prefix, _)| prefix.to_string());
    if action.is_none() {
        errors.add("action", "choose-one");
    }
    (
        from.and_then(day_start),
        until
            .and_then(day_start)
            .map(|d| d + chrono::Duration::days(1)),
        action.filter(|a| !a.is_empty()),
    )
}

impl AuditQuery {
    /// What of the log the query asks for, within `town` (every town for operators), or the
    /// fields that are wrong.
    pub async fn filter(
        &self,
        state: &AppState,
        town: Option<MunicipalityId>,
    ) -> Result<Result<AuditFilter, FieldErrors>, WebError> {
        let mut errors = FieldErrors::default();
        let (from, until, action_prefix) = check_dates_and_kind(self, &mut errors);
        let actor_ids = people(state, town, ("actor", &self.actor), &mut errors).await?;
        let subjects = people(state, town, ("person", &self.person), &mut errors).await?;
        if !errors.is_empty() {
            return Ok(Err(errors));
        }
        Ok(Ok(AuditFilter {
            municipality: town,
            action_prefix,
            actor_ids,
            from,
            until,
            before_id: self.before,
            subjects,
        }))
    }

    /// The same query as a link: one page further back (`before`), or as a download.
    pub fn href(&self, path: &str, before: Option<i64>, format: &str) -> String {
        let mut params = url::form_urlencoded::Serializer::new(String::new());
        params
            .append_pair("action", &self.action)
            .append_pair("actor", &self.actor)
            .append_pair("from", &self.from)
            .append_pair("until", &self.until)
            .append_pair("person", &self.person);
        if let Some(before) = before {
            params.append_pair("before", &before.to_string());
        }
        if !format.is_empty() {
            params.append_pair("format", format);
        }
        format!("{path}?{}", params.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_are_numbers_or_names_in_search_form() {
        assert_eq!(who(" 7 "), Who::Number(AccountId(7)));
        assert_eq!(who("#12"), Who::Number(AccountId(12)));
        assert_eq!(who("ナガイズミ"), Who::Named("ながいずみ".into()));
        assert_eq!(who("  "), Who::Anyone);
        assert_eq!(who("0"), Who::Named("0".into()), "0 is no account number");
    }

    #[test]
    fn dates_and_kinds_that_are_not_offered_are_field_errors() {
        let query = AuditQuery {
            action: "participant.view%".into(),
            from: "2026-12-05".into(),
            until: "2026-12-01".into(),
            ..Default::default()
        };
        let mut errors = FieldErrors::default();
        check_dates_and_kind(&query, &mut errors);
        assert_eq!(errors.code_for("action"), Some("choose-one"));
        assert_eq!(errors.code_for("until"), Some("until-before-from"));
        let mut errors = FieldErrors::default();
        let bad_day = AuditQuery {
            from: "12/01".into(),
            ..Default::default()
        };
        check_dates_and_kind(&bad_day, &mut errors);
        assert_eq!(errors.code_for("from"), Some("date-invalid"));
        let mut errors = FieldErrors::default();
        let whole_day = AuditQuery {
            action: "participant.".into(),
            from: "2026-12-01".into(),
            until: "2026-12-01".into(),
            ..Default::default()
        };
        let (from, until, action) = check_dates_and_kind(&whole_day, &mut errors);
        assert!(errors.is_empty());
        assert_eq!(until, from.map(|f| f + chrono::Duration::days(1)));
        assert_eq!(action.as_deref(), Some("participant."));
        let older = whole_day.href("/nagaizumi/town/", Some(42), "");
        assert!(older.starts_with("/nagaizumi/town/?") && older.ends_with("before=42"));
        assert!(whole_day.href("/t", None, "csv").ends_with("format=csv"));
    }
}
