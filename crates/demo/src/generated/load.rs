//! Loading the generated town through the store, like any user's data, and the introductions
//! in every state that the engine's batch proposals suggest.

use super::*;

/// Loads the generated part of the town through the store.
pub(crate) async fn load(
    store: &Store,
    town: &Municipality,
    (coordinator, password_hash): (AccountId, &str),
    size: Size,
) -> Result<(), StoreError> {
    let tenant = store.tenant(town);
    let taxonomy = Taxonomy::shipped().expect("the shipped taxonomy is valid");
    let areas = tenant.travel_table().await?;
    let today = Utc::now().date_naive();
    for (n, p) in people(SEED, size.participants).into_iter().enumerate() {
        let record = NewAccountRecord {
            role: Role::Participant,
            organization_id: None,
            email: p.email.clone(),
            display_name: p.name.clone(),
            furigana: p.furigana.clone(),
            password_hash: password_hash.to_owned(),
        };
        let id = tenant
            .register_participant(&record, EligibilityBasis::LivesInTown, "2026-11")
            .await?
            .id;
        // Registered over the last two fiscal years, before any hearing.
        let registered = p
            .hearing_days_ago
            .map_or((n as i64 * 13) % 700, |d| d + 3 + n as i64 % 20);
        let profile = Profile::parse(&profile_input(&p, &areas), &taxonomy, &areas, today)
            .expect("generated profiles are valid");
        tenant.save_profile(id, &profile, id).await?;
        // The profile (and the goal track in it) was written when registering.
        tenant.backdate_registration(id, registered).await?;
        if let Some(days) = p.hearing_days_ago {
            tenant
                .record_hearing(&NewHearing {
                    participant: id,
                    coordinator,
                    held_on: today - Duration::days(days),
                    goals: "家族の予定に合わせて、少しずつ働きたい。".into(),
                    worries: "ブランクがあり、何から始めればよいか不安。".into(),
                    constraints_confirmed: true,
                    notes: String::new(),
                    confirmed_skills: profile
                        .skills
                        .iter()
                        .take(1)
                        .map(|s| s.skill.as_str().to_owned())
                        .collect(),
                    follow_up: (days < 30)
                        .then(|| (today + Duration::days(7), "応募の状況を確認する".into())),
                })
                .await?;
        }
    }
    let orgs = organizations(SEED, size.organizations);
    let mut org_ids = Vec::new();
    for o in &orgs {
        let id = tenant
            .create_organization(&NewOrganization {
                name: o.name.clone(),
                name_en: String::new(),
                kind: o.kind,
                location: o.location,
                contact_person: o.contact.clone(),
                description: String::new(),
            })
            .await?
            .id;
        org_ids.push(id);
    }
    let minimum_wage = MinimumWageTable::shipped().expect("the shipped minimum wages are valid");
    let rules = RequestRules {
        taxonomy: &taxonomy,
        minimum_wage: &minimum_wage,
        prefecture: &town.prefecture,
        today,
        areas: &areas,
    };
    for r in requests(SEED, size.requests, &orgs) {
        let draft = RequestDraft::parse(&r.input, &rules).expect("generated requests are valid");
        let id = tenant
            .create_request(org_ids[r.organization], &draft, coordinator)
            .await?;
        tenant
            .move_request(
                id,
                RequestStatus::Draft,
                RequestStatus::Submitted,
                domain::request::RequestStep::Submit,
                coordinator,
                "",
            )
            .await?;
        if r.published {
            tenant
                .move_request(
                    id,
                    RequestStatus::Submitted,
                    RequestStatus::Published,
                    domain::request::RequestStep::Publish,
                    coordinator,
                    "",
                )
                .await?;
        }
    }
    let now = Utc::now();
    for input in events(SEED, size.events) {
        let draft = EventDraft::parse(&input, &taxonomy, now).expect("generated events are valid");
        tenant.create_event(&draft, coordinator).await?;
    }
    introductions(store, town, coordinator, &taxonomy).await
}

/// Introductions in every state, from the engine's own batch proposals.
async fn introductions(
    store: &Store,
    town: &Municipality,
    coordinator: AccountId,
    taxonomy: &Taxonomy,
) -> Result<(), StoreError> {
    let tenant = store.tenant(town);
    let input = tenant.matching_input(taxonomy).await?;
    // Sixty introductions are made: a few thousand people are enough to propose them from,
    // however big the town (the exact batch grows faster than the town).
    let candidates = &input.candidates[..input.candidates.len().min(3_000)];
    let openings = &input.openings;
    let graph = matching::SkillGraph::from_taxonomy(taxonomy);
    let proposals = matching::batch::propose(
        &graph,
        &input.travel,
        matching::shortlist::Ranking::default(),
        candidates,
        openings,
        1,
    );
    let organizations: std::collections::HashMap<i64, i64> = input
        .titles
        .iter()
        .map(|(id, t)| (*id, t.organization_id))
        .collect();
    for (n, m) in proposals.chosen.iter().take(60).enumerate() {
        let person = AccountId(candidates[m.candidate].id);
        let request = openings[m.opening].id;
        let Some(organization) = organizations.get(&request) else {
            continue;
        };
        let new = NewIntroduction {
            request_id: request,
            organization_id: *organization,
            members: vec![person],
            draft: n % 10 == 9,
            fit_score: m.score.total.round() as i32,
            reasons: m.score.explanation.reasons.clone(),
            common_time: String::new(),
            gaps: Vec::new(),
            personal_note: String::new(),
            created_by: coordinator,
        };
        let Some(id) = tenant.create_introduction(&new, |_| Vec::new()).await? else {
            continue;
        };
        if new.draft {
            continue;
        }
        // Spread over two fiscal years: each began some time in the last 700 days.
        let days_ago = 20 + ((n * 37) % 680) as i64;
        // How far this one has got: offered, declined, or on through consent to an outcome.
        let stage = n % 6;
        if stage == 0 {
            // Still waiting for an answer: offered recently.
            tenant.shift_introduction_history(id, days_ago % 20).await?;
            continue;
        }
        let answer = if stage == 1 {
            Answer::Decline
        } else {
            Answer::Consent
        };
        let seen = IntroductionStatus::Offered;
        let answered = tenant
            .answer_introduction(
                &MemberAnswer {
                    introduction: id,
                    participant: person,
                    answer,
                    seen,
                    reason: String::new(),
                    items: domain::introduction::SharedItem::ALL.to_vec(),
                },
                |_, _| Vec::new(),
            )
            .await?;
        if stage < 3 || answered.is_none() {
            tenant.shift_introduction_history(id, days_ago).await?;
            continue;
        }
        let mut status = IntroductionStatus::Consented;
        let org_member = tenant
            .organization_recipients(*organization)
            .await?
            .first()
            .map_or(coordinator, |r| AccountId(r.id));
        let steps: &[(Action, AccountId)] = match stage {
            3 => &[(Action::Accept, org_member)],
            4 => &[
                (Action::Accept, org_member),
                (Action::ScheduleMeeting, coordinator),
            ],
            _ => &[
                (Action::Accept, org_member),
                (Action::Start, coordinator),
                (Action::Conclude, coordinator),
            ],
        };
        for (action, by) in steps {
            let actor = if *by == coordinator {
                domain::introduction::Actor::Coordinator
            } else {
                domain::introduction::Actor::Organization
            };
            let actor = if *action == Action::Accept {
                domain::introduction::Actor::Organization
            } else {
                actor
            };
            let Ok(next) = advance(status, *action, actor) else {
                break;
            };
            let change = Change {
                meeting: (*action == Action::ScheduleMeeting)
                    .then(|| (Utc::now() + Duration::days(7), "事業所".into())),
                started_on: (*action == Action::Start).then(|| Utc::now().date_naive()),
                outcome: (*action == Action::Conclude).then(|| {
                    Outcome::parse(&OutcomeInput {
                        kind: "own_pace".into(),
                        hours_per_week: "10".into(),
                        pay_band: "1100_1299".into(),
                        ..OutcomeInput::default()
                    })
                    .expect("a valid outcome")
                }),
                note: String::new(),
            };
            tenant
                .advance_introduction(id, (status, next), *action, *by, &change, &[])
                .await?;
            status = next;
        }
        tenant.shift_introduction_history(id, days_ago).await?;
    }
    Ok(())
}
