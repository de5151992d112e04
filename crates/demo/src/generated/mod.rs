//! The rest of the demo town, generated from a seed: about 500 participants with Japanese
//! names and their readings, 80 organizations, 150 requests, 40 events, and casework and
//! introductions in various states. The same seed always gives the same town (tested); the
//! specs are built by pure functions, then loaded through the store like any user's data.

use chrono::{Duration, Utc};
use domain::availability::{Weekday, WeeklyAvailability};
use domain::event::{EventDraft, EventInput};
use domain::introduction::{Action, Answer, IntroductionStatus, Outcome, OutcomeInput, advance};
use domain::minimum_wage::MinimumWageTable;
use domain::municipality::EligibilityBasis;
use domain::organization::{OrganizationKind, OrganizationLocation};
use domain::participant::{Profile, ProfileInput};
use domain::request::{RequestDraft, RequestInput, RequestRules, RequestStatus};
use domain::skill::Taxonomy;
use domain::{Municipality, Role};
use store::account::{AccountId, NewAccountRecord};
use store::casework::NewHearing;
use store::introduction::{Change, MemberAnswer, NewIntroduction};
use store::organization::NewOrganization;
use store::{Store, StoreError};

mod size;
pub use size::{Size, TOWN, TOWN_PARTICIPANTS};

pub const SEED: u64 = 20_261_124;

/// A small deterministic generator (xorshift64*), so the town needs no dependency.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Real carers' weeks: (goal, windows (first day, last day, first half-hour, end), hours a week
/// at most, income cap, expected wage, children per band).
struct Life {
    goal: &'static str,
    windows: &'static [(usize, usize, usize, usize)],
    max_hours: u32,
    cap: &'static str,
    wage: &'static str,
    children: [u8; 4],
}

const LIVES: &[Life] = &[
    // Nursery hours.
    Life {
        goal: "own_pace",
        windows: &[(0, 4, 18, 30)],
        max_hours: 15,
        cap: "spouse_deduction",
        wage: "1100",
        children: [0, 1, 0, 0],
    },
    // School hours with an early pick-up on Wednesday.
    Life {
        goal: "own_pace",
        windows: &[(0, 1, 18, 29), (2, 2, 18, 25), (3, 4, 18, 29)],
        max_hours: 12,
        cap: "partner_insurance",
        wage: "1150",
        children: [0, 0, 0, 2],
    },
    // Elder-care visits on two days; free the others.
    Life {
        goal: "full_return",
        windows: &[(0, 0, 17, 35), (2, 2, 17, 35), (4, 4, 17, 35)],
        max_hours: 24,
        cap: "none",
        wage: "1300",
        children: [0, 0, 0, 0],
    },
    // Evenings and weekends.
    Life {
        goal: "start_business",
        windows: &[(0, 4, 40, 44), (5, 6, 18, 26)],
        max_hours: 10,
        cap: "none",
        wage: "1200",
        children: [0, 0, 1, 1],
    },
    // A baby at home: short mornings.
    Life {
        goal: "own_pace",
        windows: &[(1, 3, 20, 24)],
        max_hours: 5,
        cap: "social_insurance",
        wage: "1100",
        children: [1, 0, 0, 0],
    },
    // Children at school all day: ready for full days.
    Life {
        goal: "full_return",
        windows: &[(0, 4, 17, 33)],
        max_hours: 30,
        cap: "none",
        wage: "1400",
        children: [0, 0, 0, 1],
    },
];

/// Skills by what people bring: office, care-derived, creative, hospitality and so on.
const SKILL_SETS: &[&[(&str, &str)]] = &[
    &[
        ("bookkeeping", "3"),
        ("spreadsheet", "2"),
        ("pta-treasurer", "3"),
    ],
    &[
        ("housekeeping", "3"),
        ("customer-service", "2"),
        ("household-budget", "3"),
    ],
    &[
        ("sns-operation", "2"),
        ("graphic-design", "2"),
        ("pta-newsletter", "3"),
    ],
    &[
        ("care-worker-basic", "2"),
        ("elder-care-coordination", "3"),
        ("scheduling", "2"),
    ],
    &[("handicraft", "3"), ("sewing", "3"), ("online-shop", "2")],
    &[
        ("data-entry", "2"),
        ("word-processing", "2"),
        ("translation-english", "2"),
    ],
    &[
        ("event-planning", "2"),
        ("pta-chair", "3"),
        ("facilitation", "2"),
    ],
    &[
        ("cooking", "3"),
        ("allergy-aware-cooking", "2"),
        ("food-hygiene", "2"),
    ],
];

const WORK_PLACES: &[&str] = &["either", "either", "on_site", "remote"];
const COMMUTES: &[&str] = &["15", "20", "30", "45"];

/// A participant to create.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonSpec {
    pub name: String,
    pub furigana: String,
    pub email: String,
    life: usize,
    skills: usize,
    pub work_place: &'static str,
    pub commute: &'static str,
    pub area: usize,
    pub gap_years: u32,
    /// Days ago of their hearing, if they had one (spread over two fiscal years).
    pub hearing_days_ago: Option<i64>,
}

/// The generated participants.
pub fn people(seed: u64, n: usize) -> Vec<PersonSpec> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| {
            let (family, family_kana) = *rng.pick(FAMILY);
            let (given, given_kana) = *rng.pick(GIVEN);
            PersonSpec {
                name: format!("{family} {given}"),
                furigana: format!("{family_kana} {given_kana}"),
                email: format!("person{:03}@demo.example.jp", i + 1),
                life: rng.below(LIVES.len()),
                skills: rng.below(SKILL_SETS.len()),
                work_place: rng.pick::<&str>(WORK_PLACES),
                commute: rng.pick::<&str>(COMMUTES),
                area: rng.below(15),
                gap_years: 1 + rng.below(12) as u32,
                hearing_days_ago: rng.chance(60).then(|| 3 + rng.below(700) as i64),
            }
        })
        .collect()
}

/// An organization to create.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgSpec {
    pub name: String,
    pub kind: OrganizationKind,
    pub location: OrganizationLocation,
    pub contact: String,
    pub area: &'static str,
    /// Its work is done from home.
    pub remote: bool,
    /// What its requests are about: an index into [`WORK`].
    work: usize,
}

/// Kinds of workplace, their names and the work they offer: (kind, location, name stems,
/// titles, required skill, pay yen an hour).
struct Work {
    kind: OrganizationKind,
    location: OrganizationLocation,
    /// Its work is done from home.
    remote: bool,
    stems: &'static [&'static str],
    suffix: &'static str,
    titles: &'static [&'static str],
    skill: &'static str,
    pay: u32,
}

const WORK: &[Work] = &[
    Work {
        kind: OrganizationKind::Company,
        location: OrganizationLocation::InTown,
        remote: false,
        stems: &["湯の里", "桃沢", "富士見", "鮎壺"],
        suffix: "旅館",
        titles: &["客室の準備（午前）", "フロントの受付（夕方）", "朝食の配膳"],
        skill: "housekeeping",
        pay: 1150,
    },
    Work {
        kind: OrganizationKind::Company,
        location: OrganizationLocation::InTown,
        remote: false,
        stems: &["長泉", "下土狩", "駿東", "竹原"],
        suffix: "精密工業",
        titles: &["部品の検品", "事務補助（受発注）", "出荷の梱包"],
        skill: "data-entry",
        pay: 1200,
    },
    Work {
        kind: OrganizationKind::Company,
        location: OrganizationLocation::InTown,
        remote: false,
        stems: &["なめり", "本宿", "桜堤", "元長窪"],
        suffix: "ベーカリー",
        titles: &["パンの販売", "仕込みの補助", "SNSでの発信"],
        skill: "customer-service",
        pay: 1120,
    },
    Work {
        kind: OrganizationKind::Company,
        location: OrganizationLocation::InJapan,
        remote: false,
        stems: &["三島", "沼津", "清水"],
        suffix: "クリニック",
        titles: &["医療事務（受付）", "予約の電話対応", "院内の清掃"],
        skill: "word-processing",
        pay: 1250,
    },
    Work {
        kind: OrganizationKind::Npo,
        location: OrganizationLocation::InTown,
        remote: false,
        stems: &["子育て", "ふれあい", "みんなの"],
        suffix: "ひろば",
        titles: &["子育て広場の見守り", "イベントの企画", "会計の補助"],
        skill: "event-planning",
        pay: 1100,
    },
    Work {
        kind: OrganizationKind::Government,
        location: OrganizationLocation::InTown,
        remote: false,
        stems: &["長泉町"],
        suffix: "役場",
        titles: &["窓口の案内", "広報誌の取材", "データ入力"],
        skill: "data-entry",
        pay: 1130,
    },
    Work {
        kind: OrganizationKind::Company,
        location: OrganizationLocation::InJapan,
        remote: true,
        stems: &["東京", "大阪", "福岡"],
        suffix: "デジタル株式会社",
        titles: &["在宅のデータ入力", "ECサイトの商品登録", "オンライン事務"],
        skill: "spreadsheet",
        pay: 1300,
    },
    Work {
        kind: OrganizationKind::Company,
        location: OrganizationLocation::Abroad,
        remote: false,
        stems: &["Sakura", "Mirai", "Kizuna"],
        suffix: " Trading Ltd.",
        titles: &["英文メールの翻訳", "海外向け商品説明の作成"],
        skill: "translation-english",
        pay: 1500,
    },
];

const AREAS: &[&str] = &[
    "下土狩",
    "中土狩",
    "上土狩",
    "納米里",
    "本宿",
    "竹原",
    "南一色",
    "桜堤",
    "東野",
    "元長窪",
    "下長窪",
];

/// The generated organizations; names are unique (a second shop of a name is 「2号店」).
pub fn organizations(seed: u64, n: usize) -> Vec<OrgSpec> {
    let mut rng = Rng::new(seed ^ 0x0A11);
    let mut taken = std::collections::HashSet::new();
    (0..n)
        .map(|_| {
            let work = rng.below(WORK.len());
            let w = &WORK[work];
            let (family, _) = *rng.pick(FAMILY);
            let base = format!("{}{}", rng.pick(w.stems), w.suffix);
            let name = (1..)
                .map(|k| {
                    if k == 1 {
                        base.clone()
                    } else {
                        format!("{base}（{k}号店）")
                    }
                })
                .find(|candidate| taken.insert(candidate.clone()))
                .unwrap_or_default();
            OrgSpec {
                name,
                kind: w.kind,
                location: w.location,
                remote: w.remote,
                contact: format!("{family} 担当"),
                area: rng.pick::<&str>(AREAS),
                work,
            }
        })
        .collect()
}

/// A request to create, for the organization at `organization`.
#[derive(Debug, Clone)]
pub struct RequestSpec {
    pub organization: usize,
    pub input: RequestInput,
    pub published: bool,
}

pub fn requests(seed: u64, n: usize, orgs: &[OrgSpec]) -> Vec<RequestSpec> {
    let mut rng = Rng::new(seed ^ 0xB0B);
    (0..n)
        .map(|i| {
            let organization = i % orgs.len().max(1);
            let org = &orgs[organization];
            let w = &WORK[org.work];
            let team = rng.chance(12);
            let start = 18 + rng.below(4);
            let length = 6 + rng.below(6);
            let (first, last) = *rng.pick(&[(0, 4), (0, 2), (1, 3), (2, 4)]);
            let windows = (first..=last).fold(WeeklyAvailability::empty(), |a, d| {
                a.with_window(Weekday::new(d).expect("a weekday"), start, start + length)
            });
            let days = last - first + 1;
            let hours = (days * length / 2) as u32;
            let mut flags = Vec::new();
            for (flag, percent) in [
                ("within_income_cap", 50),
                ("career_gap_welcome", 70),
                ("sudden_absence_covered", 45),
                ("children_welcome", 15),
            ] {
                if rng.chance(percent) {
                    flags.push(flag.to_owned());
                }
            }
            let remote = org.remote || org.location == OrganizationLocation::Abroad;
            let input = if team {
                RequestInput {
                    kind: "team_project".into(),
                    title: format!("{}のプロジェクト（チーム）", rng.pick(w.titles)),
                    description: format!(
                        "{}の仕事を、子育てや介護と両立しながらチームで進めます。",
                        org.name
                    ),
                    required_skills: vec![(w.skill.into(), "2".into())],
                    flags,
                    work_mode: if remote { "remote" } else { "hybrid" }.into(),
                    location_area: if remote {
                        String::new()
                    } else {
                        org.area.into()
                    },
                    flexible: true,
                    hours_min: "2".into(),
                    hours_max: "6".into(),
                    deliverable: "企画書と試作".into(),
                    team_min: "3".into(),
                    team_max: "5".into(),
                    milestones: "1か月目 企画、2か月目 試作".into(),
                    meeting_mode: "online".into(),
                    meeting_hours: "2".into(),
                    ..RequestInput::default()
                }
            } else {
                RequestInput {
                    kind: "job".into(),
                    title: rng.pick(w.titles).to_string(),
                    description: format!(
                        "{}での仕事です。ブランクのある方も、短い時間から始められます。",
                        org.name
                    ),
                    required_skills: vec![(w.skill.into(), (1 + rng.below(2)).to_string())],
                    flags,
                    work_mode: if remote { "remote" } else { "on_site" }.into(),
                    location_area: if remote {
                        String::new()
                    } else {
                        org.area.into()
                    },
                    windows,
                    days_per_week: days.to_string(),
                    hours_min: hours.to_string(),
                    hours_max: (hours + 4).to_string(),
                    contract: "part_time".into(),
                    pay_unit: "hourly".into(),
                    pay_yen: (w.pay + 10 * rng.below(20) as u32).to_string(),
                    headcount: (1 + rng.below(3)).to_string(),
                    ..RequestInput::default()
                }
            };
            RequestSpec {
                organization,
                input,
                published: rng.chance(90),
            }
        })
        .collect()
}

const EVENT_KINDS: &[(&str, &str, bool)] = &[
    ("seminar", "働き方セミナー", true),
    ("round_table", "子育てしながら働く座談会", true),
    ("course", "事務のためのパソコン講座", true),
    ("workshop", "親子でものづくりワークショップ", true),
    ("company_session", "町内企業との交流会", true),
    ("seminar", "扶養と働き方のセミナー", false),
];

pub fn events(seed: u64, n: usize) -> Vec<EventInput> {
    let mut rng = Rng::new(seed ^ 0xE7);
    let today = Utc::now().date_naive();
    (0..n)
        .map(|i| {
            let (kind, title, childcare) = *rng.pick(EVENT_KINDS);
            let day = today + Duration::days(5 + (i as i64) * 5 + rng.below(4) as i64);
            let course = kind == "course";
            EventInput {
                kind: kind.into(),
                title: format!("{title}（第{}回）", i + 1),
                description: "子育てや介護をしながら働きたい方のための会です。".into(),
                place: rng
                    .pick(&[
                        "長泉町公民館 研修室",
                        "コミュニティながいずみ",
                        "長泉町役場 会議室",
                    ])
                    .to_string(),
                date: day.to_string(),
                start_time: "10:00".into(),
                end_time: "11:30".into(),
                sessions: if course { "4".into() } else { "1".into() },
                capacity: (10 + 5 * rng.below(5)).to_string(),
                childcare,
                carers: (1 + rng.below(3)).to_string(),
                children_programme: if childcare && rng.chance(40) {
                    "折り紙教室".into()
                } else {
                    String::new()
                },
                public: true,
                skills: if course {
                    vec![("spreadsheet".into(), "2".into())]
                } else {
                    Vec::new()
                },
                ..EventInput::default()
            }
        })
        .collect()
}

fn profile_input(p: &PersonSpec, areas: &domain::travel::TravelTable) -> ProfileInput {
    let life = &LIVES[p.life];
    let mut availability = WeeklyAvailability::empty();
    for (first, last, start, end) in life.windows {
        for day in *first..=*last {
            availability =
                availability.with_window(Weekday::new(day).expect("a weekday"), *start, *end);
        }
    }
    ProfileInput {
        display_name: p.name.clone(),
        furigana: p.furigana.clone(),
        postal_code: "411-0943".into(),
        goal_track: life.goal.into(),
        work_history: "子育てのため退職。PTAや地域の活動を続けてきました。".into(),
        career_gap_years: p.gap_years.to_string(),
        availability,
        max_hours_per_week: life.max_hours.to_string(),
        income_cap: life.cap.into(),
        expected_hourly_wage: life.wage.into(),
        work_place: p.work_place.into(),
        commute_minutes: p.commute.into(),
        home_area: areas
            .areas
            .get(p.area)
            .map(|a| a.code.clone())
            .unwrap_or_default(),
        children: life.children.map(|c| c.to_string()),
        skills: SKILL_SETS[p.skills]
            .iter()
            .map(|(id, level)| (id.to_string(), level.to_string(), String::new()))
            .collect(),
        ..ProfileInput::default()
    }
}

mod load;
mod names;
pub(crate) use load::load;
use names::{FAMILY, GIVEN};

#[cfg(test)]
mod tests {

    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_town() {
        assert_eq!(people(SEED, 50), people(SEED, 50));
        assert_ne!(people(SEED, 50), people(SEED + 1, 50));
        assert_eq!(organizations(SEED, 20), organizations(SEED, 20));
        let names: std::collections::HashSet<_> = organizations(SEED, TOWN.organizations)
            .into_iter()
            .map(|o| o.name)
            .collect();
        assert_eq!(
            names.len(),
            TOWN.organizations,
            "organization names are unique"
        );
        let orgs = organizations(SEED, 20);
        let titles = |s: u64| {
            requests(s, 30, &orgs)
                .iter()
                .map(|r| r.input.title.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(titles(SEED), titles(SEED));
    }

    #[test]
    fn every_generated_record_passes_the_same_checks_as_a_form() {
        let taxonomy = Taxonomy::shipped().unwrap();
        let areas = crate::travel_table();
        let today = Utc::now().date_naive();
        for p in people(SEED, TOWN.participants) {
            assert!(
                domain::furigana::Furigana::parse(&p.furigana).is_ok(),
                "{}",
                p.furigana
            );
            Profile::parse(&profile_input(&p, &areas), &taxonomy, &areas, today).unwrap();
        }
        let minimum_wage = MinimumWageTable::shipped().unwrap();
        let rules = RequestRules {
            taxonomy: &taxonomy,
            minimum_wage: &minimum_wage,
            prefecture: "shizuoka",
            today,
            areas: &areas,
        };
        let orgs = organizations(SEED, TOWN.organizations);
        for r in requests(SEED, TOWN.requests, &orgs) {
            RequestDraft::parse(&r.input, &rules)
                .unwrap_or_else(|e| panic!("{}: {e:?}", r.input.title));
        }
        for e in events(SEED, TOWN.events) {
            EventDraft::parse(&e, &taxonomy, Utc::now()).unwrap();
        }
    }
}
