//! Who is told what when an introduction moves, each at the page of their own role.

use domain::Municipality;
use domain::introduction::meeting::MeetingAnswer;
use domain::introduction::result::OrganizationResult;
use domain::introduction::{Action, IntroductionStatus, MemberStatus};
use store::TenantStore;
use store::account::AccountId;
use store::introduction::Introduction;
use store::notification::{NewNotification, Recipient};

use super::{Arg, Notice, NoticeKind, compose};
use crate::error::WebError;
use crate::state::AppState;

/// Everyone an introduction concerns, loaded before a change so that the notifications can be
/// written in the change's own transaction.
pub struct Audience {
    pub members: Vec<Recipient>,
    pub organization: Vec<Recipient>,
    pub coordinator: Vec<Recipient>,
}

impl Audience {
    pub async fn of(
        tenant: &TenantStore<'_>,
        introduction: &Introduction,
    ) -> Result<Self, WebError> {
        let members: Vec<AccountId> = introduction
            .members
            .iter()
            .map(|m| AccountId(m.participant_id))
            .collect();
        Ok(Self {
            members: tenant.recipients(&members).await?,
            organization: tenant
                .organization_recipients(introduction.organization_id)
                .await?,
            coordinator: tenant
                .recipients(&[AccountId(introduction.created_by)])
                .await?,
        })
    }
}

fn link(town: &Municipality, role: &str, id: i64) -> String {
    format!("/{}/{role}/introductions/{id}", town.slug)
}

fn notice(kind: NoticeKind, args: &[(&'static str, Arg)], link: String) -> Notice {
    Notice {
        kind,
        args: args.to_vec(),
        link,
    }
}

/// Offered to the members (a new introduction, or a draft the coordinator offered).
pub fn offered(
    state: &AppState,
    town: &Municipality,
    (id, organization, request): (i64, &str, &str),
    (personal_note, members): (&str, &[Recipient]),
) -> Vec<NewNotification> {
    let args = [
        ("organization", Arg::Text(organization.to_owned())),
        ("request", Arg::Text(request.to_owned())),
        ("remark", Arg::Remark(personal_note.to_owned())),
    ];
    compose(
        state,
        town,
        &notice(NoticeKind::IntroductionOffered, &args, link(town, "me", id)),
        members,
    )
}

/// After a member's answer.
pub fn answered(
    state: &AppState,
    town: &Municipality,
    i: &Introduction,
    audience: &Audience,
    member_name: &str,
    (member, status): (MemberStatus, IntroductionStatus),
) -> Vec<NewNotification> {
    let args = [
        ("organization", Arg::Text(i.organization_name.clone())),
        ("request", Arg::Text(i.request_title.clone())),
        ("person", Arg::Text(member_name.to_owned())),
    ];
    let tell = |kind, role, to: &[Recipient]| {
        compose(
            state,
            town,
            &notice(kind, &args, link(town, role, i.id)),
            to,
        )
    };
    match (member, status) {
        (_, IntroductionStatus::Consented) => {
            let mut out = tell(
                NoticeKind::IntroductionConsented,
                "org",
                &audience.organization,
            );
            out.extend(tell(
                NoticeKind::IntroductionConsented,
                "coordinator",
                &audience.coordinator,
            ));
            out
        }
        (MemberStatus::Declined, _) => tell(
            NoticeKind::IntroductionDeclined,
            "coordinator",
            &audience.coordinator,
        ),
        (MemberStatus::Withdrawn, _) => {
            let mut out = if i.status.shares_profile() {
                tell(NoticeKind::ConsentWithdrawn, "org", &audience.organization)
            } else {
                Vec::new()
            };
            out.extend(tell(
                NoticeKind::ConsentWithdrawn,
                "coordinator",
                &audience.coordinator,
            ));
            out
        }
        _ => Vec::new(),
    }
}

/// After a move by the organization or the coordinator.
pub fn advanced(
    state: &AppState,
    town: &Municipality,
    i: &Introduction,
    audience: &Audience,
    action: Action,
    (meeting, note): (Option<(chrono::DateTime<chrono::Utc>, String)>, &str),
) -> Vec<NewNotification> {
    let mut args = vec![
        ("organization", Arg::Text(i.organization_name.clone())),
        ("request", Arg::Text(i.request_title.clone())),
    ];
    let tell = |kind, args: &[(&'static str, Arg)], role, to: &[Recipient]| {
        compose(state, town, &notice(kind, args, link(town, role, i.id)), to)
    };
    let to_members_and_coordinator = |kind: NoticeKind, args: &[(&'static str, Arg)]| {
        let mut out = tell(kind, args, "me", &audience.members);
        out.extend(tell(kind, args, "coordinator", &audience.coordinator));
        out
    };
    match action {
        Action::Offer => offered(
            state,
            town,
            (i.id, &i.organization_name, &i.request_title),
            (&i.personal_note, &audience.members),
        ),
        Action::Accept | Action::Decline => {
            let response = if action == Action::Accept {
                "accepted"
            } else {
                "declined"
            };
            // The response's words are chosen per recipient's language by a selector.
            args.push(("response", Arg::Text(response.to_owned())));
            args.push(("words", Arg::FromOrganization(note.to_owned())));
            to_members_and_coordinator(NoticeKind::OrganizationResponded, &args)
        }
        Action::ScheduleMeeting => {
            if let Some((at, place)) = meeting {
                args.push(("when", Arg::Meeting(at, place)));
            }
            args.push(("words", Arg::FromOrganization(note.to_owned())));
            to_members_and_coordinator(NoticeKind::MeetingScheduled, &args)
        }
        Action::Start => to_members_and_coordinator(NoticeKind::WorkStarted, &args),
        Action::Cancel => {
            args.push(("reason", Arg::Reason(note.to_owned())));
            tell(
                NoticeKind::IntroductionCancelled,
                &args,
                "me",
                &audience.members,
            )
        }
        Action::Discard | Action::Conclude => Vec::new(),
    }
}

/// A member's answer to the proposed meeting time, to the organization and the coordinator.
pub fn meeting_answered(
    state: &AppState,
    town: &Municipality,
    (i, audience): (&Introduction, &Audience),
    (person, answer, note): (&str, MeetingAnswer, &str),
) -> Vec<NewNotification> {
    let kind = match answer {
        MeetingAnswer::AnotherTime => NoticeKind::MeetingAnotherTime,
        _ => NoticeKind::MeetingAccepted,
    };
    let mut args = vec![
        ("person", Arg::Text(person.to_owned())),
        ("request", Arg::Text(i.request_title.clone())),
        ("message", Arg::Message(note.to_owned())),
    ];
    if let Some(at) = i.meeting_at {
        args.push(("when", Arg::Meeting(at, i.meeting_place.clone())));
    }
    let mut out = compose(
        state,
        town,
        &notice(kind, &args, link(town, "org", i.id)),
        &audience.organization,
    );
    out.extend(compose(
        state,
        town,
        &notice(kind, &args, link(town, "coordinator", i.id)),
        &audience.coordinator,
    ));
    out
}

/// The organization's result after the meeting, to the coordinator, who confirms it as the
/// outcome. The verdict's words are chosen per reader's language by a selector.
pub fn result_reported(
    state: &AppState,
    town: &Municipality,
    (i, audience): (&Introduction, &Audience),
    result: &OrganizationResult,
) -> Vec<NewNotification> {
    let people: Vec<&str> = i.members.iter().map(|m| m.display_name.as_str()).collect();
    let args = [
        ("organization", Arg::Text(i.organization_name.clone())),
        ("request", Arg::Text(i.request_title.clone())),
        ("person", Arg::Text(people.join("、"))),
        ("response", Arg::Text(result.verdict.code().to_owned())),
        ("words", Arg::FromOrganization(result.note.clone())),
    ];
    let told = notice(
        NoticeKind::ResultReported,
        &args,
        link(town, "coordinator", i.id),
    );
    compose(state, town, &told, &audience.coordinator)
}

/// The day before the meeting, to its people.
pub fn meeting_reminder(
    state: &AppState,
    town: &Municipality,
    i: &Introduction,
    members: &[Recipient],
) -> Vec<NewNotification> {
    let mut args = vec![
        ("organization", Arg::Text(i.organization_name.clone())),
        ("request", Arg::Text(i.request_title.clone())),
    ];
    if let Some(at) = i.meeting_at {
        args.push(("when", Arg::Meeting(at, i.meeting_place.clone())));
    }
    let reminder = notice(NoticeKind::MeetingReminder, &args, link(town, "me", i.id));
    compose(state, town, &reminder, members)
}
