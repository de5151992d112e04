//! The demo town: Nagaizumi (長泉町), loaded by `wakucareer serve --demo` into an empty
//! database so a newcomer sees a populated platform. Everything here is fictional except the
//! town's name.

use chrono::{Duration, Utc};
use domain::municipality::MunicipalityInput;
use domain::{Municipality, NewMunicipality, Role};
use store::account::NewAccountRecord;
use store::announcement::NewAnnouncement;
use store::secret::hash_password;
use store::{Store, StoreError};

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

/// Participants besides the demo participant, so the coordinator's list is not empty.
const MORE_PARTICIPANTS: &[(&str, &str, &str)] = &[
    ("sato.yumi@demo.example.jp", "佐藤 由美", "さとう ゆみ"),
    ("suzuki.aya@demo.example.jp", "鈴木 彩", "すずき あや"),
    ("takahashi.ken@demo.example.jp", "高橋 健", "たかはし けん"),
    ("watanabe.mai@demo.example.jp", "渡辺 舞", "わたなべ まい"),
    ("ito.kaori@demo.example.jp", "伊藤 香織", "いとう かおり"),
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

/// Loads the demo town when the database has no town yet. Returns the town it loaded, or
/// `None` when the database already held data and was left alone.
pub async fn load_if_empty(store: &Store) -> Result<Option<Municipality>, StoreError> {
    if !store.municipalities().await?.is_empty() {
        return Ok(None);
    }
    let town = store.create_municipality(&nagaizumi()).await?;
    let tenant = store.tenant(&town);
    for news in announcements() {
        tenant.add_announcement(&news).await?;
    }
    let password_hash = hash_password(DEMO_PASSWORD);
    let inn = tenant.organization_named("湯の花旅館").await?;
    for account in DEMO_ACCOUNTS {
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
    for (email, name, furigana) in MORE_PARTICIPANTS {
        tenant
            .create_account(&NewAccountRecord {
                role: Role::Participant,
                organization_id: None,
                email: (*email).to_owned(),
                display_name: (*name).to_owned(),
                furigana: (*furigana).to_owned(),
                password_hash: password_hash.clone(),
            })
            .await?;
    }
    Ok(Some(town))
}

fn nagaizumi() -> NewMunicipality {
    NewMunicipality::parse(&MunicipalityInput {
        slug: DEMO_TOWN,
        name_ja: "長泉町",
        name_en: "Nagaizumi Town",
        eligibility: "residents_or_workers",
        fiscal_year_start: "4",
        contact_email: "wakucari@nagaizumi.example.jp",
        contact_phone: "055-000-0000",
    })
    .expect("the demo town is valid")
}

fn announcements() -> Vec<NewAnnouncement> {
    let now = Utc::now();
    let item = |days_ago: i64, title_ja: &str, title_en: &str, body_ja: &str, body_en: &str| {
        NewAnnouncement {
            title_ja: title_ja.into(),
            title_en: title_en.into(),
            body_ja: body_ja.into(),
            body_en: body_en.into(),
            published_at: now - Duration::days(days_ago),
        }
    };
    vec![
        item(
            2,
            "託児付き「はじめての再就職セミナー」の参加者を募集します",
            "Join our first return-to-work seminar, with childcare",
            "ブランクがあっても大丈夫です。お子さまは会場内の託児室でお預かりします（0歳から小学生まで）。",
            "A career gap is no problem. Children from 0 to primary-school age are cared for in the childcare room at the venue.",
        ),
        item(
            9,
            "子育て中の方の座談会を開きます",
            "Round-table talk for parents thinking about work",
            "働き方の悩みを、同じ立場の方と気軽に話してみませんか。",
            "Talk freely about work with others in the same situation.",
        ),
        item(
            21,
            "町内の旅館と浴衣着付け教室のプロジェクトが始まりました",
            "A yukata-dressing class project with a local inn has started",
            "お母さんたちのチームが企画から運営までを担当します。",
            "A team of mothers runs it from planning to the day itself.",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use store::testing::fresh_store;

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
    }
}
