//! The demo town: Nagaizumi (長泉町), loaded by `wakucareer serve --demo` into an empty
//! database so a newcomer sees a populated platform. Everything here is fictional except the
//! town's name.

use chrono::{Duration, Utc};
use domain::availability::{Weekday, WeeklyAvailability};
use domain::minimum_wage::MinimumWageTable;
use domain::municipality::EligibilityBasis;
use domain::municipality::MunicipalityInput;
use domain::participant::{Profile, ProfileInput};
use domain::request::{RequestDraft, RequestInput, RequestRules, RequestStatus};
use domain::skill::Taxonomy;
use domain::{Municipality, NewMunicipality, Role};
use store::account::AccountId;
use store::account::NewAccountRecord;
use store::announcement::NewAnnouncement;
use store::casework::NewHearing;
use store::organization::NewOrganization;
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

/// Participants besides the demo participant, so the coordinator's list is not empty:
/// email, name, reading, and an index into [`PATTERNS`].
const MORE_PARTICIPANTS: &[(&str, &str, &str, usize)] = &[
    ("sato.yumi@demo.example.jp", "佐藤 由美", "さとう ゆみ", 0),
    ("suzuki.aya@demo.example.jp", "鈴木 彩", "すずき あや", 1),
    (
        "takahashi.ken@demo.example.jp",
        "高橋 健",
        "たかはし けん",
        2,
    ),
    (
        "watanabe.mai@demo.example.jp",
        "渡辺 舞",
        "わたなべ まい",
        3,
    ),
    ("ito.kaori@demo.example.jp", "伊藤 香織", "いとう かおり", 4),
    (
        "yamamoto.nozomi@demo.example.jp",
        "山本 希",
        "やまもと のぞみ",
        1,
    ),
    (
        "nakamura.emi@demo.example.jp",
        "中村 恵美",
        "なかむら えみ",
        0,
    ),
    (
        "kobayashi.rie@demo.example.jp",
        "小林 理恵",
        "こばやし りえ",
        3,
    ),
    (
        "kato.satoshi@demo.example.jp",
        "加藤 聡",
        "かとう さとし",
        4,
    ),
    (
        "yoshida.akiko@demo.example.jp",
        "吉田 明子",
        "よしだ あきこ",
        2,
    ),
];

/// A realistic week and background for a carer.
struct Pattern {
    goal: &'static str,
    /// (first day, last day, first half-hour, end half-hour), Monday = 0.
    windows: &'static [(usize, usize, usize, usize)],
    max_hours: &'static str,
    income_cap: &'static str,
    wage: &'static str,
    gap_years: &'static str,
    history: &'static str,
    children: [&'static str; 4],
    skills: &'static [(&'static str, &'static str)],
}

const PATTERNS: &[Pattern] = &[
    // Nursery hours, 9:00–15:00 on weekdays, under the 103万円 line.
    Pattern {
        goal: "own_pace",
        windows: &[(0, 4, 18, 30)],
        max_hours: "15",
        income_cap: "103",
        wage: "1100",
        gap_years: "4",
        history: "事務職（経理）6年。PTA会計を2年担当。",
        children: ["0", "1", "0", "0"],
        skills: &[
            ("bookkeeping", "3"),
            ("spreadsheet", "2"),
            ("pta-treasurer", "3"),
            ("household-budget", "3"),
        ],
    },
    // School hours with an early pick-up on Wednesdays.
    Pattern {
        goal: "own_pace",
        windows: &[(0, 1, 18, 29), (2, 2, 18, 25), (3, 4, 18, 29)],
        max_hours: "20",
        income_cap: "130",
        wage: "1150",
        gap_years: "8",
        history: "アパレル販売5年。学校行事のバザー運営、広報誌づくり。",
        children: ["0", "0", "0", "2"],
        skills: &[
            ("retail-sales", "3"),
            ("customer-service", "3"),
            ("pta-newsletter", "2"),
            ("pta-event", "3"),
        ],
    },
    // Full return: weekdays 8:30–17:30, children at after-school care.
    Pattern {
        goal: "full_return",
        windows: &[(0, 4, 17, 35)],
        max_hours: "40",
        income_cap: "none",
        wage: "",
        gap_years: "3",
        history: "IT企業でWeb制作8年。子育てで退職し、地域のホームページ更新を手伝ってきた。",
        children: ["0", "0", "1", "1"],
        skills: &[
            ("html-css", "3"),
            ("website-editing", "4"),
            ("graphic-design", "2"),
            ("project-management", "2"),
        ],
    },
    // Elder-care visits: free Tuesday and Thursday, and Saturday mornings.
    Pattern {
        goal: "own_pace",
        windows: &[(1, 1, 19, 33), (3, 3, 19, 33), (5, 5, 18, 24)],
        max_hours: "12",
        income_cap: "106",
        wage: "1100",
        gap_years: "2",
        history: "旅館のフロント10年。親の介護のため退職。",
        children: ["0", "0", "0", "0"],
        skills: &[
            ("hotel-front", "4"),
            ("kimono-dressing", "3"),
            ("english-conversation", "2"),
            ("elder-care-experience", "3"),
        ],
    },
    // Starting a business: evenings and weekend mornings.
    Pattern {
        goal: "start_business",
        windows: &[(0, 4, 40, 44), (5, 6, 18, 24)],
        max_hours: "10",
        income_cap: "none",
        wage: "",
        gap_years: "5",
        history: "ハンドメイド雑貨をネットで販売。子育てサークルを運営。",
        children: ["1", "1", "0", "0"],
        skills: &[
            ("handicraft", "4"),
            ("sewing", "3"),
            ("online-shop", "2"),
            ("parenting-circle", "3"),
            ("sns-operation", "2"),
        ],
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
    let inn = tenant
        .create_organization(&NewOrganization {
            name: ORGANIZATIONS[0].0.into(),
            name_en: String::new(),
            kind: ORGANIZATIONS[0].1.into(),
            location: ORGANIZATIONS[0].2.into(),
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
    let taxonomy = Taxonomy::shipped().expect("the shipped taxonomy is valid");
    let people = std::iter::once((
        DEMO_ACCOUNTS[4].email,
        DEMO_ACCOUNTS[4].name,
        DEMO_ACCOUNTS[4].furigana,
        1,
    ))
    .chain(MORE_PARTICIPANTS.iter().copied());
    let coordinator = tenant
        .account_by_email(DEMO_ACCOUNTS[1].email)
        .await?
        .expect("the demo coordinator was just created");
    for (number, (email, name, furigana, pattern)) in people.enumerate() {
        let id = match tenant.account_by_email(email).await? {
            Some(existing) => existing.id,
            None => {
                let record = NewAccountRecord {
                    role: Role::Participant,
                    organization_id: None,
                    email: email.to_owned(),
                    display_name: name.to_owned(),
                    furigana: furigana.to_owned(),
                    password_hash: password_hash.clone(),
                };
                let basis = if number % 4 == 3 {
                    EligibilityBasis::WorksInTown
                } else {
                    EligibilityBasis::LivesInTown
                };
                tenant
                    .register_participant(&record, basis, "2026-11")
                    .await?
                    .id
            }
        };
        let profile = Profile::parse(
            &profile_input(&PATTERNS[pattern], number, name, furigana),
            &taxonomy,
            Utc::now().date_naive(),
        )
        .expect("demo profiles are valid");
        tenant.save_profile(id, &profile, id).await?;
        if number % 3 == 0 {
            let today = Utc::now().date_naive();
            tenant
                .record_hearing(&NewHearing {
                    participant: id,
                    coordinator: coordinator.id,
                    held_on: today - Duration::days(7 + number as i64),
                    goals: "子どもが保育園にいる時間に、無理なく働きたい。".into(),
                    worries: "ブランクが長く、パソコンの操作に不安がある。".into(),
                    constraints_confirmed: true,
                    notes: "託児付きのパソコン講座を案内する。".into(),
                    confirmed_skills: profile
                        .skills
                        .iter()
                        .take(2)
                        .map(|s| s.skill.as_str().to_owned())
                        .collect(),
                    follow_up: Some((
                        today + Duration::days(number as i64 % 5),
                        "講座の申し込み状況を確認する".into(),
                    )),
                })
                .await?;
        }
    }
    load_requests(store, &town, coordinator.id).await?;
    Ok(Some(town))
}

/// Demo organizations: name, kind, location, contact person, description.
const ORGANIZATIONS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "湯の花旅館",
        "company",
        "in_town",
        "湯川 一郎",
        "町内の温泉旅館。家族向けの催しに力を入れています。",
    ),
    (
        "長泉製紙",
        "company",
        "in_town",
        "紙谷 正",
        "創業15年の製紙会社。廃番の紙の活用を考えています。",
    ),
    (
        "みどり歯科クリニック",
        "company",
        "in_town",
        "緑川 直子",
        "地域のかかりつけ歯科。",
    ),
    (
        "NPO法人 子育てネットながいずみ",
        "npo",
        "in_town",
        "森 香",
        "子育て中の家庭を支える地域のNPO。",
    ),
    (
        "長泉町役場 企画課",
        "government",
        "in_town",
        "役場 誠",
        "町の広報と企画を担当しています。",
    ),
    (
        "株式会社クラウドワークス東京",
        "company",
        "in_japan",
        "東 健一",
        "在宅でできる事務の仕事を全国に依頼している会社。",
    ),
];

/// A demo request: organization index, and the form as typed.
struct DemoRequest {
    organization: usize,
    fields: &'static [(&'static str, &'static str)],
    /// (first day, last day, start half-hour, end half-hour) windows; none means flexible.
    windows: &'static [(usize, usize, usize, usize)],
    published: bool,
}

const REQUESTS: &[DemoRequest] = &[
    DemoRequest {
        organization: 0,
        fields: &[
            ("kind", "job"),
            ("title", "客室の準備スタッフ（平日の午前）"),
            (
                "description",
                "チェックアウト後の客室の準備をお願いします。未経験の方、ブランクのある方も歓迎します。",
            ),
            ("required", "housekeeping:1"),
            ("nice", "customer-service:2"),
            (
                "flags",
                "within_income_cap,career_gap_welcome,sudden_absence_covered",
            ),
            ("work_mode", "on_site"),
            ("location_area", "下土狩"),
            ("hours_min", "6"),
            ("hours_max", "12"),
            ("days_per_week", "3"),
            ("contract", "part_time"),
            ("pay_unit", "hourly"),
            ("pay_yen", "1150"),
            ("headcount", "2"),
        ],
        windows: &[(0, 4, 18, 26)],
        published: true,
    },
    DemoRequest {
        organization: 0,
        fields: &[
            ("kind", "team_project"),
            ("title", "家族向け浴衣着付け教室の企画・運営"),
            (
                "description",
                "お母さん向けの浴衣着付け教室と、同じ時間に子どもとお父さん向けの折り紙教室を開きます。企画から当日の運営までを担うチームを募集します。",
            ),
            ("required", "kimono-dressing:3,event-planning:2"),
            ("nice", "origami:2,pr-writing:2"),
            ("flags", "children_welcome,career_gap_welcome"),
            ("work_mode", "hybrid"),
            ("location_area", "下土狩"),
            ("hours_min", "2"),
            ("hours_max", "6"),
            ("deliverable", "着付け教室と折り紙教室（2回開催）"),
            ("team_min", "3"),
            ("team_max", "5"),
            ("milestones", "6月 企画、7月 告知、8月 開催"),
            ("budget_yen", "200000"),
            ("meeting_mode", "on_site"),
            ("meeting_hours", "2"),
        ],
        windows: &[],
        published: true,
    },
    DemoRequest {
        organization: 1,
        fields: &[
            ("kind", "team_project"),
            ("title", "創業15周年のノベルティづくり"),
            (
                "description",
                "廃番になった紙を使って、記念のノベルティを企画・制作するチームを募集します。",
            ),
            ("required", "paper-craft:2,product-planning:2"),
            ("nice", "graphic-design:2,consumer-insight:2"),
            ("flags", "children_welcome"),
            ("work_mode", "hybrid"),
            ("location_area", "本宿"),
            ("hours_min", "2"),
            ("hours_max", "6"),
            ("deliverable", "王冠の形のノベルティ300個"),
            ("team_min", "3"),
            ("team_max", "5"),
            ("milestones", "1月 企画、2月 試作、3月 納品"),
            ("budget_yen", "300000"),
            ("meeting_mode", "online"),
            ("meeting_hours", "2"),
        ],
        windows: &[],
        published: true,
    },
    DemoRequest {
        organization: 2,
        fields: &[
            ("kind", "job"),
            ("title", "歯科の受付（午前のみ、週3日から）"),
            (
                "description",
                "受付と会計、予約の電話をお願いします。医療事務の経験は問いません。",
            ),
            ("required", "reception:2"),
            ("nice", "medical-office:1,phone-handling:2"),
            ("flags", "within_income_cap,sudden_absence_covered"),
            ("work_mode", "on_site"),
            ("location_area", "中土狩"),
            ("hours_min", "9"),
            ("hours_max", "15"),
            ("days_per_week", "3"),
            ("contract", "part_time"),
            ("pay_unit", "hourly"),
            ("pay_yen", "1200"),
            ("headcount", "1"),
        ],
        windows: &[(0, 4, 17, 25)],
        published: true,
    },
    DemoRequest {
        organization: 3,
        fields: &[
            ("kind", "job"),
            ("title", "子育て広場のスタッフ"),
            (
                "description",
                "親子の居場所づくりのお手伝いです。子育ての経験を生かせます。お子さま連れで働けます。",
            ),
            ("required", "childcare-experience:2"),
            ("nice", "children-activities:2,reading-aloud:2"),
            (
                "flags",
                "within_income_cap,career_gap_welcome,children_welcome,sudden_absence_covered",
            ),
            ("work_mode", "on_site"),
            ("location_area", "桜堤"),
            ("hours_min", "4"),
            ("hours_max", "8"),
            ("days_per_week", "2"),
            ("contract", "part_time"),
            ("pay_unit", "hourly"),
            ("pay_yen", "1100"),
            ("headcount", "3"),
        ],
        windows: &[(1, 1, 19, 27), (3, 3, 19, 27)],
        published: true,
    },
    DemoRequest {
        organization: 4,
        fields: &[
            ("kind", "team_project"),
            ("title", "町の広報誌「子育て特集号」の取材・執筆"),
            (
                "description",
                "子育て中の町民の目線で、特集号の取材と記事づくりをするチームを募集します。",
            ),
            ("required", "interviewing-reporting:2,pr-writing:2"),
            ("nice", "photography:2,town-reporter:2"),
            ("flags", "career_gap_welcome,children_welcome"),
            ("work_mode", "hybrid"),
            ("location_area", "中土狩"),
            ("hours_min", "2"),
            ("hours_max", "5"),
            ("deliverable", "特集8ページ"),
            ("team_min", "2"),
            ("team_max", "4"),
            ("milestones", "10月 取材、11月 執筆、12月 校了"),
            ("budget_yen", "150000"),
            ("meeting_mode", "online"),
            ("meeting_hours", "1"),
        ],
        windows: &[],
        published: true,
    },
    DemoRequest {
        organization: 5,
        fields: &[
            ("kind", "job"),
            ("title", "在宅のデータ入力・書類チェック"),
            (
                "description",
                "パソコンで伝票の入力と書類の確認をお願いします。時間帯は自由です。",
            ),
            ("required", "data-entry:2,pc-basics:2"),
            ("nice", "spreadsheet:2"),
            (
                "flags",
                "within_income_cap,career_gap_welcome,sudden_absence_covered",
            ),
            ("work_mode", "remote"),
            ("location_area", ""),
            ("hours_min", "5"),
            ("hours_max", "15"),
            ("contract", "outsourcing"),
            ("pay_unit", "hourly"),
            ("pay_yen", "1100"),
            ("headcount", "5"),
        ],
        windows: &[],
        published: true,
    },
    DemoRequest {
        organization: 1,
        fields: &[
            ("kind", "job"),
            ("title", "経理事務（月末の3日間）"),
            ("description", "月末の請求書作成と記帳をお願いします。"),
            ("required", "bookkeeping:3,spreadsheet:2"),
            ("nice", "invoicing:2"),
            ("flags", "within_income_cap"),
            ("work_mode", "on_site"),
            ("location_area", "本宿"),
            ("hours_min", "4"),
            ("hours_max", "8"),
            ("days_per_week", "1"),
            ("contract", "part_time"),
            ("pay_unit", "hourly"),
            ("pay_yen", "1250"),
            ("headcount", "1"),
        ],
        windows: &[(2, 2, 19, 31)],
        published: false,
    },
];

fn request_input(demo: &DemoRequest) -> RequestInput {
    let field = |name: &str| {
        demo.fields
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
            .unwrap_or_default()
    };
    let skills = |name: &str| {
        field(name)
            .split(',')
            .filter(|s| !s.is_empty())
            .map(|s| {
                let (id, level) = s.split_once(':').unwrap_or((s, "2"));
                (id.to_owned(), level.to_owned())
            })
            .collect()
    };
    let mut windows = WeeklyAvailability::empty();
    for (first, last, start, end) in demo.windows {
        for day in *first..=*last {
            windows = windows.with_window(Weekday::new(day).expect("a weekday"), *start, *end);
        }
    }
    RequestInput {
        kind: field("kind"),
        title: field("title"),
        description: field("description"),
        required_skills: skills("required"),
        nice_skills: skills("nice"),
        flags: field("flags")
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        work_mode: field("work_mode"),
        location_area: field("location_area"),
        flexible: demo.windows.is_empty(),
        windows,
        days_per_week: field("days_per_week"),
        hours_min: field("hours_min"),
        hours_max: field("hours_max"),
        contract: field("contract"),
        pay_unit: field("pay_unit"),
        pay_yen: field("pay_yen"),
        headcount: field("headcount"),
        deliverable: field("deliverable"),
        team_min: field("team_min"),
        team_max: field("team_max"),
        milestones: field("milestones"),
        budget_yen: field("budget_yen"),
        meeting_mode: field("meeting_mode"),
        meeting_hours: field("meeting_hours"),
        ..RequestInput::default()
    }
}

/// Organizations and their requests, most of them published.
async fn load_requests(
    store: &Store,
    town: &Municipality,
    coordinator: AccountId,
) -> Result<(), StoreError> {
    let tenant = store.tenant(town);
    let mut ids = Vec::new();
    for (name, kind, location, contact, description) in ORGANIZATIONS {
        let existing = tenant
            .organizations()
            .await?
            .into_iter()
            .find(|o| o.name == *name);
        let id = match existing {
            Some(organization) => organization.id,
            None => {
                tenant
                    .create_organization(&NewOrganization {
                        name: (*name).into(),
                        name_en: String::new(),
                        kind: (*kind).into(),
                        location: (*location).into(),
                        contact_person: (*contact).into(),
                        description: (*description).into(),
                    })
                    .await?
                    .id
            }
        };
        ids.push(id);
    }
    let taxonomy = Taxonomy::shipped().expect("the shipped taxonomy is valid");
    let minimum_wage = MinimumWageTable::shipped().expect("the shipped minimum wages are valid");
    let rules = RequestRules {
        taxonomy: &taxonomy,
        minimum_wage: &minimum_wage,
        prefecture: &town.prefecture,
        today: Utc::now().date_naive(),
    };
    for demo in REQUESTS {
        let draft =
            RequestDraft::parse(&request_input(demo), &rules).expect("demo requests are valid");
        let id = tenant
            .create_request(ids[demo.organization], &draft, coordinator)
            .await?;
        tenant
            .move_request(
                id,
                RequestStatus::Draft,
                RequestStatus::Submitted,
                "submit",
                coordinator,
                "",
            )
            .await?;
        if demo.published {
            tenant
                .move_request(
                    id,
                    RequestStatus::Submitted,
                    RequestStatus::Published,
                    "publish",
                    coordinator,
                    "",
                )
                .await?;
        }
    }
    Ok(())
}

/// The profile form as a demo person would fill it in.
fn profile_input(pattern: &Pattern, number: usize, name: &str, furigana: &str) -> ProfileInput {
    let mut availability = WeeklyAvailability::empty();
    for (first, last, start, end) in pattern.windows {
        for day in *first..=*last {
            availability =
                availability.with_window(Weekday::new(day).expect("a weekday"), *start, *end);
        }
    }
    ProfileInput {
        display_name: name.into(),
        furigana: furigana.into(),
        postal_code: format!("411-09{:02}", 31 + number % 20),
        goal_track: pattern.goal.into(),
        work_history: pattern.history.into(),
        career_gap_years: pattern.gap_years.into(),
        availability,
        max_hours_per_week: pattern.max_hours.into(),
        income_cap: pattern.income_cap.into(),
        expected_hourly_wage: pattern.wage.into(),
        work_place: ["either", "on_site", "remote"][number % 3].into(),
        commute_minutes: ["20", "30", "15"][number % 3].into(),
        drives: number.is_multiple_of(2),
        children: pattern.children.map(String::from),
        skills: pattern
            .skills
            .iter()
            .map(|(id, level)| (id.to_string(), level.to_string(), String::new()))
            .collect(),
        ..ProfileInput::default()
    }
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
        prefecture: "",
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
        let hanako = store
            .tenant(&town)
            .participant(
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
            public.iter().any(|r| r.kind == "team_project")
                && public.iter().any(|r| r.kind == "job")
        );
    }
}
