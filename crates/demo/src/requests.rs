//! Demo organizations and their requests: jobs and team projects, most of them published.

use chrono::Utc;
use domain::Municipality;
use domain::availability::{Weekday, WeeklyAvailability};
use domain::minimum_wage::MinimumWageTable;
use domain::organization::{OrganizationKind, OrganizationLocation};
use domain::request::{RequestDraft, RequestInput, RequestRules, RequestStatus};
use domain::skill::Taxonomy;
use store::account::AccountId;
use store::organization::NewOrganization;
use store::{Store, StoreError};

/// Demo organizations: name, kind, location, contact person, description.
pub(crate) const ORGANIZATIONS: &[(&str, OrganizationKind, OrganizationLocation, &str, &str)] = &[
    (
        "湯の花旅館",
        OrganizationKind::Company,
        OrganizationLocation::InTown,
        "湯川 一郎",
        "町内の温泉旅館。家族向けの催しに力を入れています。",
    ),
    (
        "長泉製紙",
        OrganizationKind::Company,
        OrganizationLocation::InTown,
        "紙谷 正",
        "創業15年の製紙会社。廃番の紙の活用を考えています。",
    ),
    (
        "みどり歯科クリニック",
        OrganizationKind::Company,
        OrganizationLocation::InTown,
        "緑川 直子",
        "地域のかかりつけ歯科。",
    ),
    (
        "NPO法人 子育てネットながいずみ",
        OrganizationKind::Npo,
        OrganizationLocation::InTown,
        "森 香",
        "子育て中の家庭を支える地域のNPO。",
    ),
    (
        "長泉町役場 企画課",
        OrganizationKind::Government,
        OrganizationLocation::InTown,
        "役場 誠",
        "町の広報と企画を担当しています。",
    ),
    (
        "株式会社クラウドワークス東京",
        OrganizationKind::Company,
        OrganizationLocation::InJapan,
        "東 健一",
        "在宅でできる事務の仕事を全国に依頼している会社。",
    ),
];

/// A demo request: organization index, and the form as typed.
pub(crate) struct DemoRequest {
    organization: usize,
    fields: &'static [(&'static str, &'static str)],
    /// (first day, last day, start half-hour, end half-hour) windows; none means flexible.
    windows: &'static [(usize, usize, usize, usize)],
    pub(crate) published: bool,
}

pub(crate) const REQUESTS: &[DemoRequest] = &[
    DemoRequest {
        organization: 0,
        fields: &[
            ("kind", "job"),
            ("title", "客室の準備スタッフ（平日の午前）"),
            ("title_en", "Room preparation staff (weekday mornings)"),
            (
                "description_en",
                "Preparing guest rooms after check-out. No experience needed; people returning after a break are welcome.",
            ),
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
                "title_en",
                "Planning and running a yukata dressing class for families",
            ),
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
            ("title_en", "Making gifts for our 15th anniversary"),
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
                "title_en",
                "Dental clinic reception (mornings, from 3 days a week)",
            ),
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
            ("commuting_allowance", "5000"),
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
                "title_en",
                "Staff for the parents' and children's drop-in space",
            ),
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
                "title_en",
                "Interviews and writing for the town newsletter's parenting issue",
            ),
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
            ("title_en", "Data entry and document checks from home"),
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
            (
                "title_en",
                "Bookkeeping (three days at the end of each month)",
            ),
            (
                "description_en",
                "Issuing invoices and keeping the books at the end of each month.",
            ),
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
        title_en: field("title_en"),
        description_en: field("description_en"),
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
        shift_rule: field("shift_rule"),
        shortest_shift_hours: field("shortest_shift_hours"),
        commuting_allowance: field("commuting_allowance"),
        ..RequestInput::default()
    }
}

/// Organizations and their requests, most of them published.
pub(crate) async fn load_requests(
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
                        kind: *kind,
                        location: *location,
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
    let areas = tenant.travel_table().await?;
    let rules = RequestRules {
        taxonomy: &taxonomy,
        minimum_wage: &minimum_wage,
        prefecture: &town.prefecture,
        today: Utc::now().date_naive(),
        areas: &areas,
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
                domain::request::RequestStep::Submit,
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
                    domain::request::RequestStep::Publish,
                    coordinator,
                    "",
                )
                .await?;
        }
    }
    Ok(())
}
