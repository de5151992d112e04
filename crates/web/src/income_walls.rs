//! The income walls in words: what a person's chosen wall allows as the rule in force says,
//! and the hours a job leaves under it. Every figure is labelled an estimate (目安); the rule's
//! date says which rule applied.

use chrono::NaiveDate;
use domain::income_cap::{CapLimit, Earnings, IncomeCap, WallRules, WallTest};
use domain::request::Pay;

use crate::formats;
use crate::i18n::Lang;

/// Minutes as hours: `9.5`, or `16` for whole hours.
pub fn hours(minutes: u32) -> String {
    if minutes.is_multiple_of(60) {
        (minutes / 60).to_string()
    } else {
        format!("{:.1}", f64::from(minutes) / 60.0)
    }
}

/// What the wall allows, e.g. 「給与の年収123万円まで（2025年1月1日からの基準）」; `None` for no
/// wall.
pub fn limit_words(lang: Lang, limit: &CapLimit) -> Option<String> {
    let test = match limit.test? {
        WallTest::AnnualSalary(yen) => {
            lang.t_args("wall-test-annual-salary", &[("amount", amount(lang, yen))])
        }
        WallTest::AnnualIncome(yen) => lang.t_args(
            "wall-test-annual-income",
            &[("amount", amount(lang, yen + 1))],
        ),
        WallTest::EmployeeInsurance {
            monthly_yen,
            weekly_hours,
        } => lang.t_args(
            "wall-test-employee-insurance",
            &[
                ("amount", amount(lang, monthly_yen + 1)),
                ("hours", weekly_hours.to_string()),
            ],
        ),
    };
    Some(match limit.rule_from {
        Some(from) => lang.t_args(
            "wall-rule-dated",
            &[("test", test), ("date", formats::date(lang, from))],
        ),
        None => test,
    })
}

fn amount(lang: Lang, yen: u64) -> String {
    formats::yen(lang, i64::try_from(yen).unwrap_or(i64::MAX))
}

/// The profile's estimate: the rule in force `today` for `cap`, and at `wage` yen an hour how
/// many hours a week stay under it.
pub fn profile_summary(
    lang: Lang,
    cap: IncomeCap,
    wage: Option<u32>,
    today: NaiveDate,
) -> Option<String> {
    let limit = WallRules::in_force().limit(cap, today);
    let rule = limit_words(lang, &limit)?;
    let earnings = |wage| Earnings {
        pay: Pay::Hourly(wage),
        full_minutes: 0,
        commuting_monthly: 0,
    };
    Some(
        match wage.and_then(|w| limit.most_minutes(&earnings(w)).map(|m| (w, m))) {
            Some((wage, minutes)) => lang.t_args(
                "income-cap-summary",
                &[
                    ("rule", rule),
                    ("wage", formats::number(lang, i64::from(wage))),
                    ("hours", hours(minutes)),
                ],
            ),
            None => lang.t_args("income-cap-rule-only", &[("rule", rule)]),
        },
    )
}

/// A match whose hours the wall cuts: 「最大週9.5時間までなら年収の壁の範囲内です（目安）」.
pub fn hours_under_cap(lang: Lang, minutes: u32) -> String {
    lang.t_args("match-cap-hours", &[("hours", hours(minutes))])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    #[test]
    fn each_wall_is_said_with_its_rule_date_and_as_an_estimate() {
        let summary =
            profile_summary(Lang::Ja, IncomeCap::SpouseDeduction, Some(1_100), day()).unwrap();
        assert!(summary.contains("123万円"), "{summary}");
        assert!(summary.contains("2025年1月1日"), "{summary}");
        assert!(summary.contains("21.5"), "{summary}");
        assert!(summary.contains("目安"), "{summary}");
        let insurance =
            profile_summary(Lang::En, IncomeCap::PartnerInsurance, None, day()).unwrap();
        assert!(insurance.contains("¥1,300,000"), "{insurance}");
        assert!(insurance.contains("estimate"), "{insurance}");
        let social = limit_words(
            Lang::Ja,
            &WallRules::in_force().limit(IncomeCap::SocialInsurance, day()),
        )
        .unwrap();
        assert!(
            social.contains("88,000円") && social.contains("20"),
            "{social}"
        );
        assert_eq!(
            profile_summary(Lang::Ja, IncomeCap::None, Some(1_100), day()),
            None
        );
        assert!(hours_under_cap(Lang::Ja, 570).contains("9.5"));
        assert_eq!(hours(960), "16");
    }
}
