//! The income walls (年収の壁): the yearly income a person wants to stay under, chosen by what
//! it protects, and the most they can work a week under it.
//!
//! The walls are rules of tax and social-insurance law. They change (the 2025 tax reform moved
//! the 103万円 walls), so they are dated data with a cited source, `data/income_walls.csv`:
//! for each wall, the test it sets, the amount, and the dates it applies to income earned. The
//! platform resolves a person's choice against the rule in force on a day ([`WallRules::limit`])
//! and can say which rule applied.
//!
//! What each wall protects, and how it is counted:
//!
//! - **resident tax** (住民税): no resident tax below about 110万円 of salary (合計所得金額 45万円
//!   plus the 65万円 salary deduction; the line differs a little by town and family: an estimate).
//! - **spouse deduction** (配偶者控除): the partner keeps the deduction while the person's salary
//!   is at most 123万円 (since 2025; 103万円 before).
//! - **spouse special deduction** (配偶者特別控除): tapers away up to a salary of about 201万円.
//! - **own income tax** (所得税): none on a salary of up to 160万円 for most carers' incomes
//!   (since 2025; 103万円 before).
//! - **social insurance** (勤め先の社会保険): at larger employers a person joins the employer's
//!   insurance from 20 hours a week or a monthly wage of 88,000円 (the "106万円" wall); staying out
//!   needs both under. The wage test is due to be abolished: its row will then end.
//! - **partner's insurance** (健康保険の扶養): a dependent stays on the partner's insurance while
//!   the expected yearly income, commuting allowance included, is under 130万円.
//!
//! Counting: tax walls count pay, not the (non-taxable) commuting allowance; the 130万円 wall
//! counts both; the wage test counts the monthly wage without it. Pay is the same every week; a
//! year has 52 weeks. Hours are rounded to whole half-hours, so a figure never passes the wall.
//! Every figure is an estimate (目安) and pages say so.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::request::Pay;

/// A person's chosen wall, by what it protects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum IncomeCap {
    /// No limit.
    None,
    ResidentTax,
    SpouseDeduction,
    SpouseSpecialDeduction,
    OwnIncomeTax,
    SocialInsurance,
    PartnerInsurance,
    /// A yearly amount in yen the person names.
    Custom(u32),
}

/// The walls a rule can be written for, in the order a form lists them.
pub const WALLS: [IncomeCap; 6] = [
    IncomeCap::PartnerInsurance,
    IncomeCap::SpouseDeduction,
    IncomeCap::SpouseSpecialDeduction,
    IncomeCap::OwnIncomeTax,
    IncomeCap::ResidentTax,
    IncomeCap::SocialInsurance,
];

impl IncomeCap {
    /// The stored name; a custom cap also stores its amount.
    pub fn code(self) -> &'static str {
        match self {
            IncomeCap::None => "none",
            IncomeCap::ResidentTax => "resident_tax",
            IncomeCap::SpouseDeduction => "spouse_deduction",
            IncomeCap::SpouseSpecialDeduction => "spouse_special_deduction",
            IncomeCap::OwnIncomeTax => "own_income_tax",
            IncomeCap::SocialInsurance => "social_insurance",
            IncomeCap::PartnerInsurance => "partner_insurance",
            IncomeCap::Custom(_) => "custom",
        }
    }

    pub fn from_code(code: &str, custom_yen: Option<u32>) -> Option<Self> {
        if code == "custom" {
            return Some(IncomeCap::Custom(custom_yen.filter(|y| *y > 0)?));
        }
        std::iter::once(IncomeCap::None)
            .chain(WALLS)
            .find(|cap| cap.code() == code)
    }
}

/// What a wall tests, with its amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WallTest {
    /// Yearly pay at most this many yen; commuting allowance not counted.
    AnnualSalary(u64),
    /// Yearly income at most this many yen, commuting allowance counted.
    AnnualIncome(u64),
    /// Employee insurance: a monthly wage of at most `monthly_yen` and fewer than
    /// `weekly_hours` hours a week. Work paid per project is not employment and is not tested.
    EmployeeInsurance { monthly_yen: u64, weekly_hours: u32 },
}

/// One dated rule: a wall's test for income earned from `from` to `until` (inclusive).
#[derive(Debug, Clone, PartialEq)]
pub struct WallRule {
    pub cap: IncomeCap,
    pub test: WallTest,
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
    /// The primary source the figure was checked against.
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum WallRulesError {
    #[error("line {line}: {problem}")]
    Line { line: usize, problem: String },
}

/// Every wall's rules over time.
#[derive(Debug, Clone, PartialEq)]
pub struct WallRules {
    rules: Vec<WallRule>,
}

/// The wall a person chose as it stands on a day: what the engine checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CapLimit {
    pub cap: IncomeCap,
    /// `None` when there is no limit.
    pub test: Option<WallTest>,
    /// When the rule applied came into force (none for a custom amount).
    pub rule_from: Option<NaiveDate>,
}

impl CapLimit {
    /// No wall.
    pub const NONE: CapLimit = CapLimit {
        cap: IncomeCap::None,
        test: None,
        rule_from: None,
    };
}

fn parse_line(line: &str) -> Result<WallRule, String> {
    let cells: Vec<&str> = line.split(',').map(str::trim).collect();
    let [cap, test, yen, hours, from, until, source] = cells[..] else {
        return Err("expected 7 cells".into());
    };
    let cap = IncomeCap::from_code(cap, None)
        .filter(|c| WALLS.contains(c))
        .ok_or_else(|| format!("unknown wall {cap}"))?;
    let yen: u64 = yen.parse().map_err(|_| format!("amount {yen}"))?;
    let test = match test {
        "annual_salary" => WallTest::AnnualSalary(yen),
        "annual_income" => WallTest::AnnualIncome(yen),
        "employee_insurance" => WallTest::EmployeeInsurance {
            monthly_yen: yen,
            weekly_hours: hours.parse().map_err(|_| format!("hours {hours}"))?,
        },
        other => return Err(format!("unknown test {other}")),
    };
    let date = |raw: &str| NaiveDate::parse_from_str(raw, "%Y-%m-%d");
    let from = date(from).map_err(|_| format!("date {from}"))?;
    let until = match until {
        "" => None,
        raw => Some(date(raw).map_err(|_| format!("date {raw}"))?),
    };
    if until.is_some_and(|u| u < from) {
        return Err("ends before it starts".into());
    }
    if !source.starts_with("https://") {
        return Err("a rule needs its source".into());
    }
    Ok(WallRule {
        cap,
        test,
        from,
        until,
        source: source.to_owned(),
    })
}

impl WallRules {
    /// The rules shipped with the platform.
    pub fn shipped() -> Result<Self, WallRulesError> {
        Self::parse(include_str!("../data/income_walls.csv"))
    }

    /// The shipped rules, parsed once. The server checks [`Self::shipped`] at start and
    /// refuses to start when it fails, so this never panics in a running server.
    pub fn in_force() -> &'static Self {
        static RULES: std::sync::OnceLock<WallRules> = std::sync::OnceLock::new();
        RULES
            .get_or_init(|| Self::shipped().expect("the shipped income walls are checked at start"))
    }

    /// Parses the CSV: one rule a line after the header; a wall's periods must not overlap.
    pub fn parse(csv: &str) -> Result<Self, WallRulesError> {
        let mut rules: Vec<WallRule> = Vec::new();
        for (i, line) in csv.lines().enumerate().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            let err = |problem: String| WallRulesError::Line {
                line: i + 1,
                problem,
            };
            let rule = parse_line(line).map_err(err)?;
            let overlaps = rules.iter().any(|r| {
                r.cap == rule.cap
                    && r.until.is_none_or(|u| u >= rule.from)
                    && rule.until.is_none_or(|u| u >= r.from)
            });
            if overlaps {
                return Err(err("overlaps an earlier period of the same wall".into()));
            }
            rules.push(rule);
        }
        Ok(Self { rules })
    }

    /// The rule of `cap` for income earned on `on`; before its first rule, the first.
    pub fn rule(&self, cap: IncomeCap, on: NaiveDate) -> Option<&WallRule> {
        let own = || self.rules.iter().filter(move |r| r.cap == cap);
        own()
            .find(|r| r.from <= on && r.until.is_none_or(|u| on <= u))
            .or_else(|| own().filter(|r| r.from <= on).max_by_key(|r| r.from))
            .or_else(|| own().min_by_key(|r| r.from))
    }

    /// The person's choice as it stands on `on`.
    pub fn limit(&self, cap: IncomeCap, on: NaiveDate) -> CapLimit {
        match cap {
            IncomeCap::None => CapLimit::NONE,
            IncomeCap::Custom(yen) => CapLimit {
                cap,
                test: Some(WallTest::AnnualSalary(u64::from(yen))),
                rule_from: None,
            },
            wall => {
                let rule = self.rule(wall, on);
                CapLimit {
                    cap,
                    test: rule.map(|r| r.test),
                    rule_from: rule.map(|r| r.from),
                }
            }
        }
    }

    pub fn rules(&self) -> &[WallRule] {
        &self.rules
    }
}

/// What a request pays, as the walls count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Earnings {
    pub pay: Pay,
    /// The weekly minutes monthly pay is for (the request's most hours).
    pub full_minutes: u32,
    /// Commuting allowance a month, in yen.
    pub commuting_monthly: u32,
}

/// Yearly pay for `m` weekly minutes, as `rate × m / per`, or a fixed amount.
enum Rate {
    PerMinute { rate: u64, per: u64 },
    Fixed(u64),
    Unknown,
}

impl Earnings {
    fn rate(&self) -> Rate {
        match self.pay {
            Pay::Hourly(yen) if yen > 0 => Rate::PerMinute {
                rate: u64::from(yen) * 52,
                per: 60,
            },
            Pay::Monthly(yen) if yen > 0 && self.full_minutes > 0 => Rate::PerMinute {
                rate: u64::from(yen) * 12,
                per: u64::from(self.full_minutes),
            },
            Pay::PerProject(yen) => Rate::Fixed(u64::from(yen)),
            _ => Rate::Unknown,
        }
    }

    fn commuting_yearly(&self) -> u64 {
        u64::from(self.commuting_monthly) * 12
    }
}

fn half_hours_up(minutes: u32) -> u64 {
    u64::from(minutes.div_ceil(30)) * 30
}

fn half_hours_down(minutes: u64) -> u32 {
    u32::try_from(minutes / 30 * 30).unwrap_or(u32::MAX)
}

impl CapLimit {
    /// Whether working `weekly_minutes` for `earnings` stays within the wall: multiplications
    /// only, for the engine's hot loop.
    #[inline]
    pub fn allows(&self, weekly_minutes: u32, earnings: &Earnings) -> bool {
        let Some(test) = self.test else {
            return true;
        };
        let m = half_hours_up(weekly_minutes);
        match (test, earnings.rate()) {
            (_, Rate::Unknown) => true,
            (WallTest::AnnualSalary(limit), Rate::PerMinute { rate, per }) => {
                m * rate <= limit * per
            }
            (WallTest::AnnualIncome(limit), Rate::PerMinute { rate, per }) => {
                m * rate + earnings.commuting_yearly() * per <= limit * per
            }
            (WallTest::AnnualSalary(limit), Rate::Fixed(yen)) => yen <= limit,
            (WallTest::AnnualIncome(limit), Rate::Fixed(yen)) => {
                yen + earnings.commuting_yearly() <= limit
            }
            (WallTest::EmployeeInsurance { .. }, Rate::Fixed(_)) => true,
            (
                WallTest::EmployeeInsurance {
                    monthly_yen,
                    weekly_hours,
                },
                Rate::PerMinute { rate, per },
            ) => m < u64::from(weekly_hours) * 60 && m * rate <= monthly_yen * 12 * per,
        }
    }

    /// The most minutes a week within the wall, rounded down to half-hours; `None` when the
    /// wall sets no limit on hours for these earnings.
    pub fn most_minutes(&self, earnings: &Earnings) -> Option<u32> {
        let test = self.test?;
        match (test, earnings.rate()) {
            (_, Rate::Unknown) => None,
            (WallTest::EmployeeInsurance { .. }, Rate::Fixed(_)) => None,
            (_, Rate::Fixed(_)) => (!self.allows(0, earnings)).then_some(0),
            (WallTest::AnnualSalary(limit), Rate::PerMinute { rate, per }) => {
                Some(half_hours_down(limit * per / rate))
            }
            (WallTest::AnnualIncome(limit), Rate::PerMinute { rate, per }) => {
                let room = (limit * per).saturating_sub(earnings.commuting_yearly() * per);
                Some(half_hours_down(room / rate))
            }
            (
                WallTest::EmployeeInsurance {
                    monthly_yen,
                    weekly_hours,
                },
                Rate::PerMinute { rate, per },
            ) => {
                let by_hours = (u64::from(weekly_hours) * 60).saturating_sub(30);
                Some(half_hours_down(by_hours.min(monthly_yen * 12 * per / rate)))
            }
        }
    }
}

impl crate::label::Label for IncomeCap {
    fn label_key(self) -> &'static str {
        match self {
            IncomeCap::None => "income-cap-none",
            IncomeCap::ResidentTax => "income-cap-resident-tax",
            IncomeCap::SpouseDeduction => "income-cap-spouse-deduction",
            IncomeCap::SpouseSpecialDeduction => "income-cap-spouse-special-deduction",
            IncomeCap::OwnIncomeTax => "income-cap-own-income-tax",
            IncomeCap::SocialInsurance => "income-cap-social-insurance",
            IncomeCap::PartnerInsurance => "income-cap-partner-insurance",
            IncomeCap::Custom(_) => "income-cap-custom",
        }
    }

    fn every() -> Vec<Self> {
        std::iter::once(IncomeCap::None)
            .chain(WALLS)
            .chain([IncomeCap::Custom(1_000_000)])
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shizuoka's minimum wage from November 2025 is 1,097円; many part-time jobs pay about that.
    const WAGE: u32 = 1_100;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn hourly(yen: u32) -> Earnings {
        Earnings {
            pay: Pay::Hourly(yen),
            full_minutes: 20 * 60,
            commuting_monthly: 0,
        }
    }

    fn limit(cap: IncomeCap, on: NaiveDate) -> CapLimit {
        WallRules::shipped().unwrap().limit(cap, on)
    }

    #[test]
    fn the_shipped_rules_parse_and_every_wall_has_one_in_force_today() {
        let rules = WallRules::shipped().unwrap();
        for wall in WALLS {
            let rule = rules.rule(wall, day(2026, 12, 1)).unwrap();
            assert!(rule.until.is_none(), "{wall:?} is in force");
            assert!(rule.source.starts_with("https://www."));
        }
    }

    #[test]
    fn the_2025_reform_moves_the_103_walls_on_its_first_day() {
        let before = limit(IncomeCap::SpouseDeduction, day(2024, 12, 31));
        let after = limit(IncomeCap::SpouseDeduction, day(2025, 1, 1));
        assert_eq!(before.test, Some(WallTest::AnnualSalary(1_030_000)));
        assert_eq!(after.test, Some(WallTest::AnnualSalary(1_230_000)));
        assert_eq!(after.rule_from, Some(day(2025, 1, 1)));
        assert_eq!(
            limit(IncomeCap::OwnIncomeTax, day(2024, 12, 31)).test,
            Some(WallTest::AnnualSalary(1_030_000))
        );
        assert_eq!(
            limit(IncomeCap::OwnIncomeTax, day(2025, 1, 1)).test,
            Some(WallTest::AnnualSalary(1_600_000))
        );
        // 1,230,000 / 52 / 1,100 = 21.5 h.
        assert_eq!(after.most_minutes(&hourly(WAGE)), Some(1_290));
        assert_eq!(before.most_minutes(&hourly(WAGE)), Some(1_080));
    }

    #[test]
    fn allows_agrees_with_the_most_minutes() {
        let rules = WallRules::shipped().unwrap();
        let today = day(2026, 12, 1);
        let mut caps: Vec<CapLimit> = WALLS.iter().map(|w| rules.limit(*w, today)).collect();
        caps.push(rules.limit(IncomeCap::Custom(500_000), today));
        caps.push(CapLimit::NONE);
        for cap in caps {
            for pay in [
                Pay::Hourly(1),
                Pay::Hourly(1_097),
                Pay::Hourly(1_517),
                Pay::Hourly(50_000),
                Pay::Monthly(60_000),
                Pay::Monthly(200_000),
            ] {
                for commuting_monthly in [0, 12_000] {
                    let earnings = Earnings {
                        pay,
                        full_minutes: 24 * 60,
                        commuting_monthly,
                    };
                    let most = cap.most_minutes(&earnings);
                    for minutes in (0..=3_000).step_by(7) {
                        assert_eq!(
                            cap.allows(minutes, &earnings),
                            most.is_none_or(|m| minutes <= m),
                            "{cap:?} {earnings:?} {minutes}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_partner_insurance_wall_counts_commuting_allowance_and_the_tax_walls_do_not() {
        let today = day(2026, 12, 1);
        let with_commute = Earnings {
            commuting_monthly: 10_000,
            ..hourly(1_200)
        };
        // 20 h × 1,200 × 52 = 1,248,000; with 120,000 of commuting, 1,368,000.
        assert!(limit(IncomeCap::PartnerInsurance, today).allows(20 * 60, &hourly(1_200)));
        assert!(!limit(IncomeCap::PartnerInsurance, today).allows(20 * 60, &with_commute));
        assert!(limit(IncomeCap::SpouseDeduction, today).allows(19 * 60, &with_commute));
        // (1,299,999 − 120,000) / 52 / 1,200 = 18.9 h → 18.5 h.
        assert_eq!(
            limit(IncomeCap::PartnerInsurance, today).most_minutes(&with_commute),
            Some(1_110)
        );
    }

    #[test]
    fn social_insurance_is_under_20_hours_and_88000_yen_a_month() {
        let wall = limit(IncomeCap::SocialInsurance, day(2026, 12, 1));
        // At 1,000円 the wage line is 20.3 h, so the hours line (under 20) decides: 19.5 h.
        assert_eq!(wall.most_minutes(&hourly(1_000)), Some(1_170));
        assert!(!wall.allows(20 * 60, &hourly(1_000)));
        // At 1,300円 the wage line decides: 87,999 × 12 / 52 / 1,300 = 15.6 h → 15.5 h.
        assert_eq!(wall.most_minutes(&hourly(1_300)), Some(930));
        let monthly = Earnings {
            pay: Pay::Monthly(90_000),
            full_minutes: 16 * 60,
            commuting_monthly: 0,
        };
        assert!(!wall.allows(16 * 60, &monthly));
        let per_project = Earnings {
            pay: Pay::PerProject(300_000),
            ..monthly
        };
        assert!(wall.allows(40 * 60, &per_project), "not employment");
    }

    #[test]
    fn per_project_pay_counts_once_and_unknown_pay_never_blocks() {
        let wall = limit(IncomeCap::SpouseDeduction, day(2026, 12, 1));
        let project = |yen| Earnings {
            pay: Pay::PerProject(yen),
            full_minutes: 0,
            commuting_monthly: 0,
        };
        assert_eq!(wall.most_minutes(&project(300_000)), None);
        assert_eq!(wall.most_minutes(&project(1_500_000)), Some(0));
        let unknown = Earnings {
            pay: Pay::Unknown,
            ..project(0)
        };
        assert!(wall.allows(60 * 60, &unknown));
    }

    #[test]
    fn codes_round_trip_and_bad_rules_are_refused_by_line() {
        for cap in <IncomeCap as crate::label::Label>::every() {
            let yen = match cap {
                IncomeCap::Custom(y) => Some(y),
                _ => None,
            };
            assert_eq!(IncomeCap::from_code(cap.code(), yen), Some(cap));
        }
        assert_eq!(IncomeCap::from_code("custom", None), None);
        assert_eq!(IncomeCap::from_code("103", None), None);
        let header = "cap,test,yen,weekly_hours,from,until,source\n";
        let overlap = format!(
            "{header}own_income_tax,annual_salary,1,,2020-01-01,,https://a\nown_income_tax,annual_salary,2,,2025-01-01,,https://a\n"
        );
        assert!(matches!(
            WallRules::parse(&overlap),
            Err(WallRulesError::Line { line: 3, .. })
        ));
        let unsourced = format!("{header}own_income_tax,annual_salary,1,,2020-01-01,,\n");
        assert!(WallRules::parse(&unsourced).is_err());
    }
}
