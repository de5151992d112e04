//! Small-count suppression for figures that leave the officer's screen (exports, the public
//! results page). A cell counting fewer than the town's threshold (but more than none) is hidden
//! (`―`); then, so a hidden cell cannot be worked out from what is shown, every row and column
//! left with exactly one hidden cell hides one more: its smallest shown cell. A table's last
//! row and last column are its totals, so totals take part like any cell. A difference between
//! two years is hidden when either year's figure is.

/// The threshold a town starts with.
pub const DEFAULT_THRESHOLD: u64 = 10;

/// A town's threshold as typed: a whole number from 3 (below that, suppression protects no
/// one) to 100.
pub fn check_threshold(raw: &str) -> Result<u32, &'static str> {
    crate::number::whole_number(raw)
        .filter(|n| (3..=100).contains(n))
        .and_then(|n| u32::try_from(n).ok())
        .ok_or("threshold-range")
}

/// Which cells of `cells` (rows of equal length, the last row and column being totals) are
/// hidden with `threshold` (the town's, 10 by default).
pub fn suppress(cells: &[Vec<u64>], threshold: u64) -> Vec<Vec<bool>> {
    let mut hidden: Vec<Vec<bool>> = cells
        .iter()
        .map(|row| row.iter().map(|v| *v > 0 && *v < threshold).collect())
        .collect();
    let columns = cells.first().map_or(0, Vec::len);
    loop {
        let mut changed = false;
        for r in 0..cells.len() {
            let line: Vec<(usize, usize)> = (0..columns).map(|c| (r, c)).collect();
            changed |= protect(cells, &mut hidden, &line);
        }
        for c in 0..columns {
            let line: Vec<(usize, usize)> = (0..cells.len()).map(|r| (r, c)).collect();
            changed |= protect(cells, &mut hidden, &line);
        }
        if !changed {
            return hidden;
        }
    }
}

/// Hides the smallest shown cell of a line that has exactly one hidden cell; whether it did.
fn protect(cells: &[Vec<u64>], hidden: &mut [Vec<bool>], line: &[(usize, usize)]) -> bool {
    if line.iter().filter(|(r, c)| hidden[*r][*c]).count() != 1 {
        return false;
    }
    let smallest = line
        .iter()
        .filter(|(r, c)| !hidden[*r][*c])
        .min_by_key(|(r, c)| cells[*r][*c]);
    match smallest {
        Some((r, c)) => {
            hidden[*r][*c] = true;
            true
        }
        None => false,
    }
}

/// Whether the change from last year to this year may be shown.
pub fn difference_shown(this_hidden: bool, last_hidden: bool) -> bool {
    !this_hidden && !last_hidden
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_threshold_is_a_whole_number_from_three_to_a_hundred() {
        assert_eq!(check_threshold("10"), Ok(10));
        assert_eq!(check_threshold("３"), Ok(3));
        assert_eq!(check_threshold("2"), Err("threshold-range"));
        assert_eq!(check_threshold("101"), Err("threshold-range"));
        assert_eq!(check_threshold("十"), Err("threshold-range"));
    }

    /// Two parts by three months, with their totals.
    fn table(rows: &[[u64; 3]]) -> Vec<Vec<u64>> {
        let mut cells: Vec<Vec<u64>> = rows
            .iter()
            .map(|r| {
                let mut row = r.to_vec();
                row.push(r.iter().sum());
                row
            })
            .collect();
        let totals: Vec<u64> = (0..4).map(|c| cells.iter().map(|r| r[c]).sum()).collect();
        cells.push(totals);
        cells
    }

    #[test]
    fn counts_under_the_threshold_are_hidden_but_zeros_are_not_alone() {
        let cells = table(&[[20, 30, 40], [25, 35, 45]]);
        let hidden = suppress(&cells, 10);
        assert!(
            hidden.iter().flatten().all(|h| !h),
            "nothing small, nothing hidden"
        );
    }

    #[test]
    fn a_hidden_cell_cannot_be_worked_out_from_its_row_or_column() {
        // Part B had 3 in the second month.
        let cells = table(&[[20, 30, 40], [25, 3, 45]]);
        let hidden = suppress(&cells, 10);
        assert!(hidden[1][1], "the small cell");
        for r in 0..cells.len() {
            let n = hidden[r].iter().filter(|h| **h).count();
            assert_ne!(n, 1, "row {r} has a lone hidden cell: {hidden:?}");
        }
        for c in 0..4 {
            let n = (0..cells.len()).filter(|r| hidden[*r][c]).count();
            assert_ne!(n, 1, "column {c} has a lone hidden cell: {hidden:?}");
        }
        // The large cells of the other row are still shown.
        assert!(!hidden[0][2] && !hidden[0][3]);
    }

    #[test]
    fn a_small_total_is_hidden_with_its_parts() {
        let cells = table(&[[1, 2, 0], [0, 3, 1]]);
        let hidden = suppress(&cells, 10);
        assert!(hidden[2][3], "a grand total of 7 is hidden");
        assert!(hidden[0][0] && hidden[0][1] && hidden[1][1]);
    }

    #[test]
    fn a_change_is_shown_only_when_both_years_are() {
        assert!(difference_shown(false, false));
        assert!(!difference_shown(true, false));
        assert!(!difference_shown(false, true));
    }
}
