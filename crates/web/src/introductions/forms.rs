//! The forms that move an introduction on, read back into a checked `Change`.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use domain::FieldErrors;
use domain::introduction::{
    Action, IntroductionStatus, NotPlacedReason, Outcome, OutcomeInput, OutcomeKind, PayBand,
};
use domain::local_time::jst;
use serde::Deserialize;
use store::introduction::Change;

use crate::form::{FieldView, choices};
use crate::page::Page;

/// Longest note or reason, in characters.
const NOTE_MAX: usize = 1000;
const PLACE_MAX: usize = 200;

/// Every move's form: the status the person saw, the move, and what it records.
#[derive(Debug, Deserialize, Default, Clone)]
pub struct MoveForm {
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub meeting_date: String,
    #[serde(default)]
    pub meeting_time: String,
    #[serde(default)]
    pub meeting_place: String,
    #[serde(default)]
    pub started_on: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub hours_per_week: String,
    #[serde(default)]
    pub pay_band: String,
    #[serde(default)]
    pub note: String,
    /// `yes`: the proposer checked a clashing meeting time with the person.
    #[serde(default)]
    pub clash_confirm: String,
}

impl MoveForm {
    pub fn seen(&self) -> Option<IntroductionStatus> {
        IntroductionStatus::from_code(self.from.trim())
    }

    pub fn action(&self) -> Option<Action> {
        Action::from_code(self.action.trim())
    }
}

fn date(errors: &mut FieldErrors, field: &'static str, raw: &str) -> Option<NaiveDate> {
    let parsed = NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").ok();
    if parsed.is_none() {
        errors.add(field, "date-invalid");
    }
    parsed
}

/// What `action` records, checked; errors name the form's fields.
/// The meeting's time (in Japan) and place, from today on.
fn meeting(
    errors: &mut FieldErrors,
    form: &MoveForm,
    today: NaiveDate,
) -> Option<(chrono::DateTime<chrono::Utc>, String)> {
    let day = date(errors, "meeting_date", &form.meeting_date);
    if day.is_some_and(|d| d < today) {
        errors.add("meeting_date", "date-in-past");
    }
    let time = NaiveTime::parse_from_str(form.meeting_time.trim(), "%H:%M").ok();
    if time.is_none() {
        errors.add("meeting_time", "time-invalid");
    }
    let place = form.meeting_place.trim();
    if place.chars().count() > PLACE_MAX {
        errors.add("meeting_place", "too-long");
    }
    let local = NaiveDateTime::new(day?, time?);
    jst()
        .from_local_datetime(&local)
        .single()
        .map(|at| (at.with_timezone(&chrono::Utc), place.to_owned()))
}

pub fn parse_change(
    form: &MoveForm,
    action: Action,
    today: NaiveDate,
) -> Result<Change, FieldErrors> {
    let mut errors = FieldErrors::default();
    let mut change = Change {
        note: form.note.trim().to_owned(),
        ..Change::default()
    };
    if change.note.chars().count() > NOTE_MAX {
        errors.add("note", "too-long");
    }
    match action {
        Action::ScheduleMeeting => change.meeting = meeting(&mut errors, form, today),
        Action::Start => {
            change.started_on = date(&mut errors, "started_on", &form.started_on);
        }
        Action::Conclude => match Outcome::parse(&OutcomeInput {
            kind: form.kind.clone(),
            reason: form.reason.clone(),
            hours_per_week: form.hours_per_week.clone(),
            pay_band: form.pay_band.clone(),
        }) {
            Ok(outcome) => change.outcome = Some(outcome),
            Err(outcome_errors) => {
                for (field, code) in outcome_errors.iter() {
                    errors.add(field, code);
                }
            }
        },
        // The people introduced are told why, so a cancellation says it.
        Action::Cancel if change.note.is_empty() => errors.add("note", "required"),
        _ => {}
    }
    if errors.is_empty() {
        Ok(change)
    } else {
        Err(errors)
    }
}

/// The fields of each form on an introduction's page.
pub struct MoveFields {
    pub meeting: Vec<FieldView>,
    pub start: Vec<FieldView>,
    pub outcome: Vec<FieldView>,
    pub note: Vec<FieldView>,
}

impl MoveFields {
    pub fn new(page: &Page, form: &MoveForm, e: &FieldErrors) -> Self {
        let mut meeting = vec![
            FieldView::new(page, "meeting_date", "date", &form.meeting_date, e),
            FieldView::new(page, "meeting_time", "time", &form.meeting_time, e),
            FieldView::new(page, "meeting_place", "text", &form.meeting_place, e)
                .optional()
                .max_chars(page, PLACE_MAX)
                .hint(page, "field-meeting-place-hint"),
        ];
        if super::meeting::warned_of_clash(e) {
            meeting.push(
                FieldView::new(page, "clash_confirm", "checkbox", &form.clash_confirm, e)
                    .optional()
                    .hint(page, "meeting-clash-confirm"),
            );
        }
        Self {
            meeting,
            start: vec![FieldView::new(
                page,
                "started_on",
                "date",
                &form.started_on,
                e,
            )],
            outcome: vec![
                FieldView::new(page, "kind", "select", &form.kind, e).options(choices(
                    page,
                    &OutcomeKind::ALL,
                    OutcomeKind::code,
                )),
                FieldView::new(page, "hours_per_week", "number", &form.hours_per_week, e)
                    .optional()
                    .hint(page, "field-hours-per-week-hint"),
                FieldView::new(page, "pay_band", "select", &form.pay_band, e)
                    .optional()
                    .options(choices(page, PayBand::ALL, PayBand::code)),
                FieldView::new(page, "reason", "select", &form.reason, e)
                    .optional()
                    .options(choices(page, NotPlacedReason::ALL, NotPlacedReason::code))
                    .hint(page, "field-outcome-reason-hint"),
            ],
            note: vec![
                FieldView::new(page, "note", "textarea", &form.note, e)
                    .optional()
                    .max_chars(page, NOTE_MAX)
                    .hint(page, "field-introduction-note-hint"),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    #[test]
    fn a_meeting_is_read_in_japan_time() {
        let form = MoveForm {
            meeting_date: "2026-12-01".into(),
            meeting_time: "10:30".into(),
            meeting_place: "本館ロビー".into(),
            ..MoveForm::default()
        };
        let change = parse_change(&form, Action::ScheduleMeeting, today()).unwrap();
        let (at, place) = change.meeting.unwrap();
        assert_eq!(at.to_rfc3339(), "2026-12-01T01:30:00+00:00");
        assert_eq!(place, "本館ロビー");
    }

    #[test]
    fn bad_moves_name_their_fields() {
        let form = MoveForm {
            meeting_date: "2026-11-01".into(),
            meeting_time: "25:00".into(),
            ..MoveForm::default()
        };
        let errors = parse_change(&form, Action::ScheduleMeeting, today()).unwrap_err();
        assert_eq!(errors.code_for("meeting_date"), Some("date-in-past"));
        assert_eq!(errors.code_for("meeting_time"), Some("time-invalid"));
        let errors = parse_change(&MoveForm::default(), Action::Start, today()).unwrap_err();
        assert_eq!(errors.code_for("started_on"), Some("date-invalid"));
        let errors = parse_change(&MoveForm::default(), Action::Conclude, today()).unwrap_err();
        assert_eq!(errors.code_for("kind"), Some("choose-one"));
        let long = MoveForm {
            note: "あ".repeat(1001),
            ..MoveForm::default()
        };
        let errors = parse_change(&long, Action::Decline, today()).unwrap_err();
        assert_eq!(errors.code_for("note"), Some("too-long"));
    }
}
