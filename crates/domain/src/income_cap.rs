//! The annual income a person wants to stay under (扶養の範囲 / 年収の上限), and the most they
//! can work a week at a given hourly wage without passing it.
//!
//! The "walls" (壁) are known to residents by these names; what each protects differs, and the
//! platform uses each as the person chose it:
//!
//! - **103万円**: the income-tax threshold for a dependent spouse's salary (給与所得控除 55万円 +
//!   基礎控除 48万円). The 2025 tax reform raised the tax-free line for many, but residents and
//!   employers still speak of and choose "103万"; the yen figure is what the person wants.
//! - **106万円**: the social-insurance threshold for employees of larger employers, defined as a
//!   monthly wage of 88,000円 (88,000 × 12 = 1,056,000円). Computed here on the monthly figure.
//!   Working under 20 hours a week also avoids it; that alternative is not used, so the hours
//!   given are the safe bound on pay alone.
//! - **130万円**: the income under which a spouse stays a dependent in the partner's social
//!   insurance (社会保険の扶養), counted as expected annual income.
//! - **Custom**: any amount the person names.
//!
//! Assumptions: pay is hourly and the same every week; a year has 52 weeks and a month 52/12
//! weeks; commuting allowances and bonuses are not counted. Hours are rounded down to whole
//! half-hours, so the result never passes the cap.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum IncomeCap {
    /// No limit.
    None,
    Yen103Man,
    Yen106Man,
    Yen130Man,
    /// A yearly amount in yen.
    Custom(u32),
}

/// The monthly wage line of the 106万円 wall.
pub const SOCIAL_INSURANCE_MONTHLY_YEN: u64 = 88_000;
const WEEKS_PER_YEAR: u64 = 52;

impl IncomeCap {
    /// The stored name; a custom cap also stores its amount.
    pub fn code(self) -> &'static str {
        match self {
            IncomeCap::None => "none",
            IncomeCap::Yen103Man => "103",
            IncomeCap::Yen106Man => "106",
            IncomeCap::Yen130Man => "130",
            IncomeCap::Custom(_) => "custom",
        }
    }

    pub fn from_code(code: &str, custom_yen: Option<u32>) -> Option<Self> {
        Some(match code {
            "none" => IncomeCap::None,
            "103" => IncomeCap::Yen103Man,
            "106" => IncomeCap::Yen106Man,
            "130" => IncomeCap::Yen130Man,
            "custom" => IncomeCap::Custom(custom_yen.filter(|y| *y > 0)?),
            _ => return None,
        })
    }

    /// The yearly limit in yen, if any.
    #[inline]
    pub fn annual_yen(self) -> Option<u64> {
        match self {
            IncomeCap::None => None,
            IncomeCap::Yen103Man => Some(1_030_000),
            IncomeCap::Yen106Man => Some(SOCIAL_INSURANCE_MONTHLY_YEN * 12),
            IncomeCap::Yen130Man => Some(1_300_000),
            IncomeCap::Custom(yen) => Some(u64::from(yen)),
        }
    }

    /// The most minutes a week one can work at `hourly_wage_yen` and stay under the cap,
    /// rounded down to half-hours; `None` when there is no cap.
    #[inline]
    pub fn max_weekly_minutes(self, hourly_wage_yen: u32) -> Option<u32> {
        if hourly_wage_yen == 0 {
            return self.annual_yen().map(|_| u32::MAX);
        }
        let wage = u64::from(hourly_wage_yen);
        // Yen per week under the cap, kept in minutes × yen to stay in integers:
        // minutes ≤ weekly_yen × 60 / wage.
        let minutes = match self {
            IncomeCap::None => return None,
            // Monthly 88,000 yen: weekly = 88,000 × 12 / 52.
            IncomeCap::Yen106Man => {
                SOCIAL_INSURANCE_MONTHLY_YEN * 12 * 60 / (WEEKS_PER_YEAR * wage)
            }
            other => other.annual_yen()? * 60 / (WEEKS_PER_YEAR * wage),
        };
        let half_hours = minutes / 30;
        Some(u32::try_from(half_hours * 30).unwrap_or(u32::MAX))
    }

    /// Whether working `weekly_minutes` at `hourly_wage_yen` stays under the cap: the same
    /// rule as [`Self::max_weekly_minutes`] without a division, for the matching engine's hot
    /// loop. The minutes rounded up to half-hours, paid for a year, must stay within the cap
    /// (an integer is at most ⌊x⌋ exactly when it is at most x).
    #[inline]
    pub fn allows(self, weekly_minutes: u32, hourly_wage_yen: u32) -> bool {
        let Some(annual) = self.annual_yen() else {
            return true;
        };
        let rounded = u64::from(weekly_minutes.div_ceil(30)) * 30;
        rounded * WEEKS_PER_YEAR * u64::from(hourly_wage_yen) <= annual * 60
    }
}

impl crate::label::Label for IncomeCap {
    fn label_key(self) -> &'static str {
        match self {
            IncomeCap::None => "income-cap-none",
            IncomeCap::Yen103Man => "income-cap-103",
            IncomeCap::Yen106Man => "income-cap-106",
            IncomeCap::Yen130Man => "income-cap-130",
            IncomeCap::Custom(_) => "income-cap-custom",
        }
    }

    fn every() -> Vec<Self> {
        vec![
            IncomeCap::None,
            IncomeCap::Yen103Man,
            IncomeCap::Yen106Man,
            IncomeCap::Yen130Man,
            IncomeCap::Custom(1_000_000),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shizuoka's minimum wage from October 2025 is 1,097円; many part-time jobs pay about that.
    const WAGE: u32 = 1_100;

    #[test]
    fn allows_agrees_with_the_most_minutes_a_week() {
        let caps = [
            IncomeCap::None,
            IncomeCap::Yen103Man,
            IncomeCap::Yen106Man,
            IncomeCap::Yen130Man,
            IncomeCap::Custom(500_000),
        ];
        for cap in caps {
            for wage in [0, 1, 900, 1_097, 1_100, 1_517, 3_000, 50_000] {
                for minutes in (0..=3_000).step_by(7) {
                    let by_max = cap
                        .max_weekly_minutes(wage)
                        .is_none_or(|max| minutes <= max);
                    assert_eq!(
                        cap.allows(minutes, wage),
                        by_max,
                        "{cap:?} {wage} {minutes}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_103_wall_at_1100_yen_is_18_hours_a_week() {
        // 1,030,000 / 52 / 1,100 = 18.0 h → 1,080 minutes.
        assert_eq!(IncomeCap::Yen103Man.max_weekly_minutes(WAGE), Some(1_080));
        assert!(IncomeCap::Yen103Man.allows(18 * 60, WAGE));
        assert!(!IncomeCap::Yen103Man.allows(18 * 60 + 30, WAGE));
    }

    #[test]
    fn the_106_wall_uses_the_monthly_88000_yen_line() {
        // 88,000 × 12 / 52 / 1,100 = 18.46 h → 18 h (1,080 minutes).
        assert_eq!(IncomeCap::Yen106Man.max_weekly_minutes(WAGE), Some(1_080));
        // At 1,000 yen: 20.3 h → 20 h.
        assert_eq!(IncomeCap::Yen106Man.max_weekly_minutes(1_000), Some(1_200));
    }

    #[test]
    fn the_130_wall_at_1100_yen_is_22_and_a_half_hours() {
        // 1,300,000 / 52 / 1,100 = 22.73 h → 22.5 h.
        assert_eq!(IncomeCap::Yen130Man.max_weekly_minutes(WAGE), Some(1_350));
    }

    #[test]
    fn no_cap_means_no_limit_and_custom_caps_need_an_amount() {
        assert_eq!(IncomeCap::None.max_weekly_minutes(WAGE), None);
        assert!(IncomeCap::None.allows(60 * 60, WAGE));
        assert_eq!(IncomeCap::from_code("custom", None), None);
        let custom = IncomeCap::from_code("custom", Some(800_000)).unwrap();
        // 800,000 / 52 / 1,100 = 13.98 h → 13.5 h.
        assert_eq!(custom.max_weekly_minutes(WAGE), Some(810));
        for code in ["none", "103", "106", "130"] {
            assert_eq!(IncomeCap::from_code(code, None).unwrap().code(), code);
        }
    }
}
