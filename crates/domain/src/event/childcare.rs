//! Childcare (託児) seats from carers on duty and staff ratios.
//!
//! The ratios are data (`data/childcare_ratios.csv`). The shipped defaults are the staffing
//! standard for nursery schools, 児童福祉施設の設備及び運営に関する基準（昭和23年厚生省令
//! 第63号）第33条第2項: one carer for every 3 children aged 0, 6 aged 1–2, 20 aged 3, and
//! 30 aged 4 and over. (The 2024 revision moved the age-3 ratio to 15:1 and the 4–5 ratio to
//! 25:1 as improvements funded by 加算; a town that follows them edits the file.)
//!
//! Profiles record children in four bands (0, 1–2, 3–5, school age). The 3–5 band takes the
//! age-3 ratio, the stricter of the two it spans, so a booking is never short of carers;
//! school-age children take the "4 and over" ratio.
//!
//! The carers needed for a group is the sum over bands of children ÷ ratio, rounded up once
//! at the end (as nursery staffing is computed), and never fewer than one while any child is
//! in care.

use crate::participant::{AgeBand, Children};

/// Children per carer, by band (in `AgeBand::ALL` order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ratios(pub [u32; 4]);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("childcare ratio data line {line}: {problem}")]
pub struct RatioError {
    pub line: usize,
    pub problem: String,
}

impl Ratios {
    pub fn shipped() -> Self {
        Self::parse(include_str!("../../data/childcare_ratios.csv"))
            .expect("the shipped childcare ratios are valid")
    }

    pub fn parse(csv: &str) -> Result<Self, RatioError> {
        let mut ratios = [0_u32; 4];
        for (number, line) in csv
            .lines()
            .enumerate()
            .skip(1)
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let bad = |problem: &str| RatioError {
                line: number + 1,
                problem: problem.to_owned(),
            };
            let (band, ratio) = line
                .split_once(',')
                .ok_or_else(|| bad("expected band,children_per_carer"))?;
            let index = AgeBand::ALL
                .iter()
                .position(|b| b.code() == band.trim())
                .ok_or_else(|| bad("unknown band"))?;
            ratios[index] = ratio
                .trim()
                .parse()
                .ok()
                .filter(|r| *r > 0)
                .ok_or_else(|| bad("children per carer must be a whole number above 0"))?;
        }
        if ratios.contains(&0) {
            return Err(RatioError {
                line: 0,
                problem: "every band needs a ratio".into(),
            });
        }
        Ok(Self(ratios))
    }

    /// Carers needed for `children`, in hundredths of a carer before rounding (exact).
    fn need_hundredths(&self, children: &Children) -> u64 {
        AgeBand::ALL
            .iter()
            .map(|b| {
                let n = u64::from(children.count(*b));
                // ceil(n * 100 / ratio) keeps each band's share from being rounded down.
                (n * 100).div_ceil(u64::from(self.0[*b as usize]))
            })
            .sum()
    }

    /// Carers needed for a group of children.
    pub fn carers_needed(&self, children: &Children) -> u32 {
        self.need_hundredths(children).div_ceil(100) as u32
    }

    /// Whether `carers` can look after `children`.
    pub fn fits(&self, carers: u32, children: &Children) -> bool {
        self.carers_needed(children) <= carers
    }

    /// How many more children of `band` the carers could take beside `children` already in
    /// care: the seats shown per age band.
    pub fn seats_left(&self, carers: u32, children: &Children, band: AgeBand) -> u32 {
        let mut more = 0;
        let mut group = *children;
        while group.0[band as usize] < u8::MAX {
            group.0[band as usize] += 1;
            if !self.fits(carers, &group) {
                break;
            }
            more += 1;
        }
        more
    }
}

/// Adds two groups of children, band by band.
pub fn plus(a: &Children, b: &Children) -> Children {
    let mut sum = [0_u8; 4];
    for (i, s) in sum.iter_mut().enumerate() {
        *s = a.0[i].saturating_add(b.0[i]);
    }
    Children(sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_ratios_are_the_standard_ones() {
        assert_eq!(Ratios::shipped(), Ratios([3, 6, 20, 30]));
    }

    #[test]
    fn carers_follow_the_ratios_summed_then_rounded_up() {
        let r = Ratios::shipped();
        assert_eq!(r.carers_needed(&Children([0, 0, 0, 0])), 0);
        assert_eq!(r.carers_needed(&Children([1, 0, 0, 0])), 1);
        assert_eq!(r.carers_needed(&Children([3, 0, 0, 0])), 1);
        assert_eq!(r.carers_needed(&Children([4, 0, 0, 0])), 2);
        assert_eq!(r.carers_needed(&Children([0, 6, 0, 0])), 1);
        // 2/3 + 3/6 = 1.17 carers → 2.
        assert_eq!(r.carers_needed(&Children([2, 3, 0, 0])), 2);
        // 20 three-to-five-year-olds and 30 school children: 1 + 1.
        assert_eq!(r.carers_needed(&Children([0, 0, 20, 30])), 2);
    }

    #[test]
    fn seats_per_band_come_from_the_carers_left() {
        let r = Ratios::shipped();
        // Two carers, one baby and two toddlers already in care (0.34 + 0.34 = 0.68 carers).
        let now = Children([1, 2, 0, 0]);
        assert_eq!(r.seats_left(2, &now, AgeBand::Age0), 3);
        assert_eq!(r.seats_left(2, &now, AgeBand::Age1To2), 7);
        assert_eq!(r.seats_left(0, &Children::default(), AgeBand::Age0), 0);
    }

    #[test]
    fn bad_ratio_data_is_refused_with_its_line() {
        assert_eq!(
            Ratios::parse("band,children_per_carer\nage0,0\n")
                .unwrap_err()
                .line,
            2
        );
        assert!(Ratios::parse("band,children_per_carer\nteen,5\n").is_err());
        assert!(
            Ratios::parse("band,children_per_carer\nage0,3\n").is_err(),
            "every band"
        );
    }
}
