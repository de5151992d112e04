//! Demo participants: carers whose weeks follow real patterns, with profiles and casework.

use chrono::{Duration, Utc};
use domain::Role;
use domain::availability::{Weekday, WeeklyAvailability};
use domain::municipality::EligibilityBasis;
use domain::participant::{Profile, ProfileInput};
use domain::skill::Taxonomy;
use domain::travel::TravelTable;
use store::account::{AccountId, NewAccountRecord};
use store::casework::NewHearing;
use store::{StoreError, TenantStore};

use crate::DEMO_ACCOUNTS;

/// Participants besides the demo participant, so the coordinator's list is not empty:
/// email, name, reading, and an index into [`PATTERNS`].
pub(crate) const MORE_PARTICIPANTS: &[(&str, &str, &str, usize)] = &[
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
        income_cap: "spouse_deduction",
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
        income_cap: "partner_insurance",
        wage: "1150",
        gap_years: "8",
        history: "アパレル販売5年。学校行事のバザー運営、広報誌づくり。",
        children: ["0", "0", "0", "2"],
        skills: &[
            ("retail-sales", "3"),
            ("customer-service", "3"),
            ("pta-newsletter", "2"),
            ("pta-event", "3"),
            ("event-planning", "2"),
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
        income_cap: "social_insurance",
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
            ("paper-craft", "3"),
            ("product-planning", "2"),
        ],
    },
];

/// Registers the demo participants with profiles, and records hearings for some of them.
pub(crate) async fn load_participants(
    tenant: &TenantStore<'_>,
    password_hash: &str,
    coordinator: AccountId,
) -> Result<(), StoreError> {
    let taxonomy = Taxonomy::shipped().expect("the shipped taxonomy is valid");
    let areas = tenant.travel_table().await?;
    let people = std::iter::once((
        DEMO_ACCOUNTS[4].email,
        DEMO_ACCOUNTS[4].name,
        DEMO_ACCOUNTS[4].furigana,
        1,
    ))
    .chain(MORE_PARTICIPANTS.iter().copied());
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
                    password_hash: password_hash.to_owned(),
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
            &profile_input(&PATTERNS[pattern], number, name, furigana, &areas),
            &taxonomy,
            &areas,
            Utc::now().date_naive(),
        )
        .expect("demo profiles are valid");
        tenant.save_profile(id, &profile, id).await?;
        if number % 3 == 0 {
            let today = Utc::now().date_naive();
            tenant
                .record_hearing(&NewHearing {
                    participant: id,
                    coordinator,
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
    Ok(())
}

/// The profile form as a demo person would fill it in.
fn profile_input(
    pattern: &Pattern,
    number: usize,
    name: &str,
    furigana: &str,
    areas: &TravelTable,
) -> ProfileInput {
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
        // Most live in town; every fifth person in a neighbouring city.
        home_area: areas
            .areas
            .get(if number % 5 == 4 {
                11 + number % 4
            } else {
                number % 11
            })
            .map(|a| a.code.clone())
            .unwrap_or_default(),
        drives: number.is_multiple_of(2),
        children: pattern.children.map(String::from),
        // Every seventh person also looks after an elderly parent.
        cares_for: if number % 7 == 3 {
            vec!["elder".to_owned()]
        } else {
            Vec::new()
        },
        skills: pattern
            .skills
            .iter()
            .map(|(id, level)| (id.to_string(), level.to_string(), String::new()))
            .collect(),
        ..ProfileInput::default()
    }
}
