//! The demo town: Nagaizumi (長泉町), loaded by `wakucareer serve --demo` into an empty
//! database so a newcomer sees a populated platform. Everything here is fictional except the
//! town's name.

mod check_ins;
mod events;
pub mod generated;
mod past_events;
mod people;
mod requests;
mod town;

use domain::travel::TravelTable;
use domain::{Municipality, Role};
use store::account::NewAccountRecord;
use store::organization::NewOrganization;
use store::secret::hash_password;
use store::{Store, StoreError};

use requests::ORGANIZATIONS;
use town::{announcements, nagaizumi};

/// The demo town's slug.
pub const DEMO_TOWN: &str = "nagaizumi";

/// The password of every demo account. Demo data only: never use `--demo` for real people.
pub const DEMO_PASSWORD: &str = "wakucareer-demo-2026";

/// A demo account: role, email, name, name reading.
pub struct DemoAccount {
    pub role: Role,
    pub email: &'static str,
    pub name: &'static str,
    pub furigana: &'static str,
}

/// One account for each role, so a newcomer can see every part of the platform.
pub const DEMO_ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        role: Role::Operator,
        email: "operator@demo.example.jp",
        name: "運営 太郎",
        furigana: "うんえい たろう",
    },
    DemoAccount {
        role: Role::Coordinator,
        email: "coordinator@demo.example.jp",
        name: "調整 恵",
        furigana: "ちょうせい めぐみ",
    },
    DemoAccount {
        role: Role::TownOfficer,
        email: "officer@demo.example.jp",
        name: "役場 誠",
        furigana: "やくば まこと",
    },
    DemoAccount {
        role: Role::OrganizationMember,
        email: "inn@demo.example.jp",
        name: "湯川 旅館担当",
        furigana: "ゆかわ りょかんたんとう",
    },
    DemoAccount {
        role: Role::Participant,
        email: "hanako@demo.example.jp",
        name: "長泉 花子",
        furigana: "ながいずみ はなこ",
    },
];

/// What `serve --demo` prints: the demo accounts and their password.
pub fn accounts_text() -> String {
    let mut text = format!("demo accounts (password for all: {DEMO_PASSWORD}):\n");
    for account in DEMO_ACCOUNTS {
        let place = if account.role == Role::Operator {
            "/operator/login"
        } else {
            "/nagaizumi/login"
        };
        text.push_str(&format!(
            "  {:<20} {:<32} sign in at {place}\n",
            account.role.code(),
            account.email
        ));
    }
    text.trim_end().to_owned()
}

/// Nagaizumi's areas and demo travel minutes (`data/nagaizumi_travel.csv`).
pub fn travel_table() -> TravelTable {
    TravelTable::parse(include_str!("../data/nagaizumi_travel.csv"))
        .expect("the demo travel table is valid")
}

/// Loads the whole demo town when the database has no town yet: the hand-written part (the
/// demo accounts and the people and requests the README walks through) and the generated rest
/// (about 500 participants in all; see [`generated`]) with the last twenty months of events
/// (`past_events`). `serve --demo` and `wakucareer demo`
/// use this; tests use the hand-written part alone, [`load_if_empty`].
pub async fn load_town_if_empty(store: &Store) -> Result<Option<Municipality>, StoreError> {
    load_sized_town_if_empty(store, generated::TOWN).await
}

/// [`load_town_if_empty`] with the generated part of the given size, e.g.
/// `generated::Size::with_participants(50_000)` for the scale benchmark.
pub async fn load_sized_town_if_empty(
    store: &Store,
    size: generated::Size,
) -> Result<Option<Municipality>, StoreError> {
    let Some(town) = load_if_empty(store).await? else {
        return Ok(None);
    };
    let coordinator = store
        .tenant(&town)
        .account_by_email(DEMO_ACCOUNTS[1].email)
        .await?
        .expect("the demo coordinator was just created");
    let password_hash = hash_password(DEMO_PASSWORD);
    generated::load(store, &town, (coordinator.id, &password_hash), size).await?;
    load_casework_history(store, &town, coordinator.id).await?;
    store.refresh_planner_statistics().await?;
    Ok(Some(town))
}

/// The town's last two fiscal years of events with their attendance, and bookings on the next
/// weeks' events: what a coordinator's morning works on. Part of the full demo town; journeys
/// that need it load it on top of the hand-written part.
pub async fn load_casework_history(
    store: &Store,
    town: &Municipality,
    coordinator: store::account::AccountId,
) -> Result<(), StoreError> {
    let tenant = store.tenant(town);
    past_events::load_past_events(&tenant, coordinator).await?;
    events::book_upcoming(&tenant).await?;
    check_ins::answer_earlier(&tenant, coordinator).await?;
    Ok(())
}

/// Loads the hand-written demo town when the database has no town yet. Returns the town it loaded, or
/// `None` when the database already held data and was left alone.
pub async fn load_if_empty(store: &Store) -> Result<Option<Municipality>, StoreError> {
    if !store.municipalities().await?.is_empty() {
        return Ok(None);
    }
    let town = store.create_municipality(&nagaizumi()).await?;
    let tenant = store.tenant(&town);
    tenant.replace_travel_table(&travel_table()).await?;
    for news in announcements() {
        tenant.add_announcement(&news).await?;
    }
    let password_hash = hash_password(DEMO_PASSWORD);
    let inn = tenant
        .create_organization(&NewOrganization {
            name: ORGANIZATIONS[0].0.into(),
            name_en: String::new(),
            kind: ORGANIZATIONS[0].1,
            location: ORGANIZATIONS[0].2,
            contact_person: ORGANIZATIONS[0].3.into(),
            description: ORGANIZATIONS[0].4.into(),
        })
        .await?;
    // The demo participant is registered below, with the others, with a profile.
    for account in DEMO_ACCOUNTS.iter().filter(|a| a.role != Role::Participant) {
        let record = NewAccountRecord {
            role: account.role,
            organization_id: (account.role == Role::OrganizationMember).then_some(inn.id),
            email: account.email.to_owned(),
            display_name: account.name.to_owned(),
            furigana: account.furigana.to_owned(),
            password_hash: password_hash.clone(),
        };
        if account.role == Role::Operator {
            if store.operator_by_email(account.email).await?.is_none() {
                store.create_operator(&record).await?;
            }
        } else {
            tenant.create_account(&record).await?;
        }
    }
    let coordinator = tenant
        .account_by_email(DEMO_ACCOUNTS[1].email)
        .await?
        .expect("the demo coordinator was just created");
    people::load_participants(&tenant, &password_hash, coordinator.id).await?;
    events::load_events(&tenant, coordinator.id).await?;
    requests::load_requests(store, &town, coordinator.id).await?;
    Ok(Some(town))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use people::MORE_PARTICIPANTS;
    use requests::REQUESTS;
    use store::testing::fresh_store;

    #[tokio::test]
    async fn the_whole_generated_town_loads_with_casework_in_every_state() {
        let store = fresh_store().await;
        let town = load_town_if_empty(&store).await.unwrap().expect("loaded");
        let tenant = store.tenant(&town);
        let people = tenant
            .search_participants(&Default::default(), 10_000, 0)
            .await
            .unwrap()
            .peek();
        assert_eq!(people.len(), 500, "about 500 participants");
        assert_eq!(tenant.organizations().await.unwrap().len(), 80);
        assert_eq!(
            tenant.requests_in_status(None, 1_000).await.unwrap().len(),
            150
        );
        let events = tenant
            .upcoming_events(
                &store::event::EventFilter {
                    include_private: true,
                    ..Default::default()
                },
                Utc::now(),
                1_000,
            )
            .await
            .unwrap();
        assert_eq!(events.len(), 40);
        assert!(
            events.iter().filter(|e| e.childcare).count() >= 20,
            "most with childcare"
        );
        let past = tenant
            .staff_events(store::event::EventTab::Past, Utc::now(), 1_000)
            .await
            .unwrap();
        let kinds: std::collections::HashSet<_> = past.iter().map(|e| e.kind).collect();
        assert_eq!(kinds.len(), 6, "past events of every kind");
        assert!(past.len() >= 50, "two fiscal years of them");
        let yesterday = &past[0];
        assert!(yesterday.seats_taken > 0);
        assert!(
            tenant.attendance(yesterday.id).await.unwrap().is_empty(),
            "yesterday's seminar waits for its attendance"
        );
        let (mut came, mut missed) = (0, 0);
        for event in &past[1..] {
            for mark in tenant.attendance(event.id).await.unwrap() {
                if mark.2 { came += 1 } else { missed += 1 }
            }
        }
        assert!(
            came > 4 * missed && missed > 0,
            "{came} came, {missed} did not"
        );
        assert!(
            past.iter()
                .any(|e| e.starts_at < Utc::now() - chrono::Duration::days(540)),
            "the previous fiscal year too"
        );
        let introductions = tenant
            .introductions_for_test(store::introduction::IntroductionScope::Town, None, 1_000)
            .await
            .unwrap();
        let states: std::collections::HashSet<_> = introductions.iter().map(|i| i.status).collect();
        assert!(
            states.len() >= 6,
            "introductions in many states: {states:?}"
        );
        let oldest = introductions.iter().map(|i| i.created_at).min().unwrap();
        assert!(
            Utc::now() - oldest > chrono::Duration::days(365),
            "the casework spans more than a year"
        );
        assert!(
            load_town_if_empty(&store).await.unwrap().is_none(),
            "only once"
        );
    }

    #[tokio::test]
    async fn the_demo_town_loads_once_into_an_empty_database() {
        let store = fresh_store().await;
        let town = load_if_empty(&store).await.unwrap().expect("loaded");
        assert_eq!(town.slug.as_str(), DEMO_TOWN);
        assert_eq!(
            store
                .tenant(&town)
                .announcements(Utc::now(), 10)
                .await
                .unwrap()
                .len(),
            3
        );
        assert!(load_if_empty(&store).await.unwrap().is_none());
        assert_eq!(store.municipalities().await.unwrap().len(), 1);
        let coordinator = store
            .tenant(&town)
            .account_by_email("coordinator@demo.example.jp")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(coordinator.role, Role::Coordinator);
        assert!(store::secret::verify_password(
            DEMO_PASSWORD,
            &coordinator.password_hash
        ));
        assert!(
            store
                .operator_by_email("operator@demo.example.jp")
                .await
                .unwrap()
                .is_some()
        );
        let participants = store
            .tenant(&town)
            .accounts_with_role(Role::Participant, 100, 0)
            .await
            .unwrap();
        assert_eq!(participants.len(), 1 + MORE_PARTICIPANTS.len());
        let hanako = store
            .tenant(&town)
            .participant_for_test(
                participants
                    .iter()
                    .find(|p| p.email == DEMO_ACCOUNTS[4].email)
                    .unwrap()
                    .id,
            )
            .await
            .unwrap()
            .unwrap();
        assert!(hanako.profile.profile_updated_at.is_some() && !hanako.skills.is_empty());
        let public = store
            .tenant(&town)
            .published_requests(&Default::default(), 100)
            .await
            .unwrap();
        assert_eq!(
            public.len(),
            REQUESTS.iter().filter(|r| r.published).count()
        );
        assert!(
            public
                .iter()
                .any(|r| r.kind == domain::request::RequestKind::TeamProject)
                && public
                    .iter()
                    .any(|r| r.kind == domain::request::RequestKind::Job)
        );
    }
}
