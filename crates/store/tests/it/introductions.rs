use domain::Role;
use domain::introduction::{
    Action, Answer, IntroductionStatus as S, MemberStatus, Outcome, OutcomeInput,
};
use domain::introduction::{MatchReason, SharedItem};
use domain::municipality::EligibilityBasis;
use domain::request::RequestStatus;
use store::TenantStore;
use store::account::{AccountId, NewAccountRecord};
use store::introduction::{Change, IntroductionScope, MemberAnswer, NewIntroduction};
use store::notification::NewNotification;
use store::organization::NewOrganization;
use store::outbox::NewMessage;
use store::testing::fresh_store;

use crate::requests::draft;
use crate::towns::town;

fn record(role: Role, organization: Option<i64>, email: &str) -> NewAccountRecord {
    NewAccountRecord {
        role,
        organization_id: organization,
        email: email.into(),
        display_name: email.into(),
        furigana: "てすと".into(),
        password_hash: "x".into(),
    }
}

pub struct World {
    pub coordinator: AccountId,
    pub org_member: AccountId,
    pub organization: i64,
    pub request: i64,
    pub people: Vec<AccountId>,
}

pub async fn world(tenant: &TenantStore<'_>) -> World {
    let organization = tenant
        .create_organization(&NewOrganization {
            name: "湯の花旅館".into(),
            name_en: String::new(),
            kind: domain::organization::OrganizationKind::Company,
            location: domain::organization::OrganizationLocation::InTown,
            contact_person: "湯川".into(),
            description: String::new(),
        })
        .await
        .unwrap()
        .id;
    let org_member = tenant
        .create_account(&record(
            Role::OrganizationMember,
            Some(organization),
            "inn@example.jp",
        ))
        .await
        .unwrap()
        .id;
    let coordinator = tenant
        .create_account(&record(Role::Coordinator, None, "coordinator@example.jp"))
        .await
        .unwrap()
        .id;
    let request = tenant
        .create_request(
            organization,
            &draft("客室係", 26, &[], "on_site"),
            org_member,
        )
        .await
        .unwrap();
    tenant
        .move_request(
            request,
            RequestStatus::Draft,
            RequestStatus::Published,
            domain::request::RequestStep::Publish,
            coordinator,
            "",
        )
        .await
        .unwrap();
    let mut people = Vec::new();
    for email in ["hanako@example.jp", "yui@example.jp", "mika@example.jp"] {
        people.push(
            tenant
                .register_participant(
                    &record(Role::Participant, None, email),
                    EligibilityBasis::LivesInTown,
                    "2026-11",
                )
                .await
                .unwrap()
                .id,
        );
    }
    World {
        coordinator,
        org_member,
        organization,
        request,
        people,
    }
}

pub fn introduction(w: &World, members: &[AccountId], draft: bool) -> NewIntroduction {
    NewIntroduction {
        request_id: w.request,
        organization_id: w.organization,
        members: members.to_vec(),
        draft,
        fit_score: 82,
        reasons: vec![MatchReason::SkillsMatch, MatchReason::FitsSchedule],
        common_time: String::new(),
        gaps: vec![domain::introduction::gap::SkillGap {
            skill_id: "spreadsheet".into(),
            needed: 3,
            has: 1,
            required: true,
        }],
        personal_note: "以前お話しされていた在宅の仕事です。".into(),
        created_by: w.coordinator,
    }
}

fn offered_mail(to: AccountId) -> NewNotification {
    NewNotification {
        account_id: to,
        kind: domain::message::NoticeKind::IntroductionOffered,
        title: "ご紹介があります".into(),
        body: "湯の花旅館の客室係".into(),
        args: String::new(),
        link: "/nagaizumi/me/introductions/1".into(),
        in_app: true,
        email: Some(NewMessage {
            municipality_id: None,
            kind: domain::message::MessageKind::Notice(
                domain::message::NoticeKind::IntroductionOffered,
            ),
            recipient: "hanako@example.jp".into(),
            lang: "ja".into(),
            letter: String::new(),
            subject: "ご紹介があります".into(),
            body_text: "本文".into(),
            body_html: "<p>本文</p>".into(),
        }),
    }
}

fn answer(id: i64, who: AccountId, answer: Answer, seen: S) -> MemberAnswer {
    MemberAnswer {
        introduction: id,
        participant: who,
        answer,
        seen,
        reason: String::new(),
        items: SharedItem::ALL.to_vec(),
    }
}

#[tokio::test]
async fn a_person_is_introduced_consents_and_is_placed_with_follow_ups() {
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&town);
    let w = world(&tenant).await;
    let hanako = w.people[0];

    let id = tenant
        .create_introduction(&introduction(&w, &[hanako], false), |_| {
            vec![offered_mail(hanako)]
        })
        .await
        .unwrap()
        .unwrap();
    assert_eq!(store.unread_notifications(hanako).await.unwrap(), 1);
    assert_eq!(
        store.outbox(Some(town.id), 10).await.unwrap().len(),
        1,
        "the email is queued with it"
    );
    assert_eq!(
        tenant
            .create_introduction(&introduction(&w, &[hanako], false), |_| Vec::new())
            .await
            .unwrap(),
        None,
        "no second open introduction of the same person to the same request"
    );
    let found = tenant.introduction(id).await.unwrap().unwrap();
    assert_eq!(found.status, S::Offered);
    assert!(
        !found.shares_profile_of(hanako.0),
        "nothing is shared before consent"
    );
    assert_eq!(
        found.reasons,
        [MatchReason::SkillsMatch, MatchReason::FitsSchedule]
    );
    assert_eq!(found.gaps.len(), 1, "the gaps it was made with are kept");
    assert_eq!(found.gaps[0].skill_id, "spreadsheet");
    assert_eq!(found.personal_note, "以前お話しされていた在宅の仕事です。");

    // An organization's move before consent is refused by the store's condition too.
    assert!(
        !tenant
            .advance_introduction(
                id,
                (S::Consented, S::Accepted),
                Action::Accept,
                w.org_member,
                &Change::default(),
                &[]
            )
            .await
            .unwrap()
    );

    let result = tenant
        .answer_introduction(&answer(id, hanako, Answer::Consent, S::Offered), |_, _| {
            Vec::new()
        })
        .await
        .unwrap();
    assert_eq!(result, Some((MemberStatus::Consented, S::Consented)));
    assert_eq!(
        tenant
            .answer_introduction(&answer(id, hanako, Answer::Consent, S::Offered), |_, _| {
                Vec::new()
            })
            .await
            .unwrap(),
        None,
        "a double click changes nothing"
    );
    let found = tenant.introduction(id).await.unwrap().unwrap();
    assert!(found.shares_profile_of(hanako.0));
    let records = tenant.provision_records(hanako).await.unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].organization_name, "湯の花旅館");
    assert!(records[0].items.0.contains(&SharedItem::Skills) && records[0].stopped_at.is_none());

    let started = chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    for (from, to, action) in [
        (S::Consented, S::Accepted, Action::Accept),
        (S::Accepted, S::MeetingScheduled, Action::ScheduleMeeting),
        (S::MeetingScheduled, S::Engaged, Action::Start),
    ] {
        assert!(
            tenant
                .advance_introduction(
                    id,
                    (from, to),
                    action,
                    w.org_member,
                    &Change {
                        meeting: (action == Action::ScheduleMeeting)
                            .then(|| (chrono::Utc::now(), "本館ロビー".into())),
                        started_on: (action == Action::Start).then_some(started),
                        ..Change::default()
                    },
                    &[]
                )
                .await
                .unwrap()
        );
    }
    let outcome = Outcome::parse(&OutcomeInput {
        kind: "own_pace".into(),
        hours_per_week: "12".into(),
        pay_band: "1100_1299".into(),
        ..OutcomeInput::default()
    })
    .unwrap();
    assert!(
        tenant
            .advance_introduction(
                id,
                (S::Engaged, S::Concluded),
                Action::Conclude,
                w.coordinator,
                &Change {
                    outcome: Some(outcome),
                    ..Change::default()
                },
                &[]
            )
            .await
            .unwrap()
    );
    let done = tenant.introduction(id).await.unwrap().unwrap();
    assert_eq!(done.status, S::Concluded);
    assert_eq!(
        done.outcome,
        Some(domain::introduction::OutcomeKind::OwnPace)
    );
    assert_eq!(done.outcome_minutes, Some(720));
    assert_eq!(done.meeting_place, "本館ロビー");
    let follow_ups = tenant.follow_ups_of(hanako).await.unwrap();
    assert_eq!(follow_ups.len(), 3, "3, 6 and 12 months");
    assert!(follow_ups[0].note.starts_with("outcome_check:3:"));
    let due: Vec<_> = follow_ups.iter().map(|f| f.due_on.to_string()).collect();
    assert_eq!(
        due,
        ["2027-01-01", "2027-04-01", "2027-10-01"],
        "dated from the start of work, not from when the outcome was recorded"
    );
    assert_eq!(tenant.introduction_events(id).await.unwrap().len(), 6);

    // Withdrawing consent after the outcome hides the profile again and ends the record.
    let withdrawn = tenant
        .answer_introduction(
            &answer(id, hanako, Answer::WithdrawConsent, S::Concluded),
            |_, _| Vec::new(),
        )
        .await
        .unwrap();
    assert_eq!(withdrawn, Some((MemberStatus::Withdrawn, S::Concluded)));
    assert!(
        !tenant
            .introduction(id)
            .await
            .unwrap()
            .unwrap()
            .shares_profile_of(hanako.0)
    );
    assert!(
        tenant.provision_records(hanako).await.unwrap()[0]
            .stopped_at
            .is_some()
    );
    let listed = tenant
        .introductions_for_test(IntroductionScope::Participant(hanako.0), None, 10)
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
}

#[tokio::test]
async fn a_team_is_shared_only_when_every_member_consents() {
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&town);
    let w = world(&tenant).await;
    let id = tenant
        .create_introduction(&introduction(&w, &w.people, false), |_| Vec::new())
        .await
        .unwrap()
        .unwrap();
    assert!(tenant.introduction(id).await.unwrap().unwrap().is_team);
    for (i, who) in w.people.iter().enumerate() {
        let result = tenant
            .answer_introduction(&answer(id, *who, Answer::Consent, S::Offered), |_, _| {
                Vec::new()
            })
            .await
            .unwrap()
            .unwrap();
        let expected = if i + 1 == w.people.len() {
            S::Consented
        } else {
            S::Offered
        };
        assert_eq!(result.1, expected, "after member {i}");
    }
    for who in &w.people {
        assert_eq!(tenant.provision_records(*who).await.unwrap().len(), 1);
    }
    let org_list = tenant
        .introductions_for_test(
            IntroductionScope::Organization(w.organization),
            Some(S::Consented),
            10,
        )
        .await
        .unwrap();
    assert_eq!(org_list.len(), 1);
    assert_eq!(org_list[0].members.len(), 3);
}

#[tokio::test]
async fn drafts_are_offered_or_discarded_and_declines_close() {
    let store = fresh_store().await;
    let town = store.create_municipality(&town("nagaizumi")).await.unwrap();
    let tenant = store.tenant(&town);
    let w = world(&tenant).await;
    let kept = tenant
        .create_introduction(&introduction(&w, &[w.people[0]], true), |_| Vec::new())
        .await
        .unwrap()
        .unwrap();
    let dropped = tenant
        .create_introduction(&introduction(&w, &[w.people[1]], true), |_| Vec::new())
        .await
        .unwrap()
        .unwrap();
    let drafts = tenant
        .introductions_for_test(IntroductionScope::Town, Some(S::Draft), 10)
        .await
        .unwrap();
    assert_eq!(drafts.len(), 2);
    assert!(
        tenant
            .advance_introduction(
                kept,
                (S::Draft, S::Offered),
                Action::Offer,
                w.coordinator,
                &Change::default(),
                &[]
            )
            .await
            .unwrap()
    );
    assert!(
        tenant
            .advance_introduction(
                dropped,
                (S::Draft, S::Discarded),
                Action::Discard,
                w.coordinator,
                &Change::default(),
                &[]
            )
            .await
            .unwrap()
    );
    // A discarded draft no longer blocks a new introduction of that person.
    assert!(
        tenant
            .create_introduction(&introduction(&w, &[w.people[1]], false), |_| Vec::new())
            .await
            .unwrap()
            .is_some()
    );
    let declined = tenant
        .answer_introduction(
            &MemberAnswer {
                reason: "時間が合わない".into(),
                items: Vec::new(),
                ..answer(kept, w.people[0], Answer::Decline, S::Offered)
            },
            |_, _| Vec::new(),
        )
        .await
        .unwrap();
    assert_eq!(
        declined,
        Some((MemberStatus::Declined, S::DeclinedByParticipant))
    );
    let found = tenant.introduction(kept).await.unwrap().unwrap();
    assert_eq!(found.members[0].decline_reason, "時間が合わない");
    assert!(
        tenant
            .provision_records(w.people[0])
            .await
            .unwrap()
            .is_empty(),
        "nothing was shared"
    );
}
