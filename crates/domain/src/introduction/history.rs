//! What a person's earlier introductions say about proposing them again in a batch run. A
//! coordinator can still introduce anyone by hand from a request's shortlist; the batch run
//! leaves out the people it should not add to: someone already placed, someone with as many
//! introductions open as a run may give them, and someone who declined one recently.

use chrono::NaiveDate;

/// After declining an introduction, a person is left out of batch runs for this many days:
/// the program's own rule, so they are not asked again straight away.
pub const DECLINE_REST_DAYS: i64 = 30;

crate::coded!(
    /// Why a batch run leaves a person out.
    HeldBack {
        Placed = "placed" => "held-back-placed",
        AtLimit = "at_limit" => "held-back-at-limit",
        RecentlyDeclined = "recently_declined" => "held-back-recently-declined",
    }
);

/// A person's introductions, as facts recorded when they happened.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IntroductionHistory {
    /// Introductions still in progress, drafts included.
    pub open: u32,
    /// An introduction concluded with the person placed (at their own pace, full time, or
    /// starting a business).
    pub placed: bool,
    /// The day the person last declined an introduction.
    pub last_declined_on: Option<NaiveDate>,
}

impl IntroductionHistory {
    /// How many more introductions a batch run may propose, so that at most `per_person` are
    /// open at once; or why it proposes none.
    pub fn batch_room(&self, per_person: u32, today: NaiveDate) -> Result<u32, HeldBack> {
        if self.placed {
            return Err(HeldBack::Placed);
        }
        let resting = self
            .last_declined_on
            .is_some_and(|day| (today - day).num_days() < DECLINE_REST_DAYS);
        if resting {
            return Err(HeldBack::RecentlyDeclined);
        }
        match per_person.saturating_sub(self.open) {
            0 => Err(HeldBack::AtLimit),
            room => Ok(room),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: &str) -> NaiveDate {
        d.parse().unwrap()
    }

    #[test]
    fn open_introductions_use_up_the_room_a_run_may_give() {
        let today = day("2026-12-02");
        let fresh = IntroductionHistory::default();
        assert_eq!(fresh.batch_room(2, today), Ok(2));
        let one = IntroductionHistory { open: 1, ..fresh };
        assert_eq!(one.batch_room(2, today), Ok(1));
        let two = IntroductionHistory { open: 2, ..fresh };
        assert_eq!(two.batch_room(2, today), Err(HeldBack::AtLimit));
        let three = IntroductionHistory { open: 3, ..fresh };
        assert_eq!(three.batch_room(2, today), Err(HeldBack::AtLimit));
    }

    #[test]
    fn a_decline_rests_the_person_for_thirty_days() {
        let today = day("2026-12-02");
        let declined = |on: &str| IntroductionHistory {
            last_declined_on: Some(day(on)),
            ..Default::default()
        };
        // 29 days ago: still resting; 30 days ago: proposed again.
        assert_eq!(
            declined("2026-11-03").batch_room(2, today),
            Err(HeldBack::RecentlyDeclined)
        );
        assert_eq!(declined("2026-11-02").batch_room(2, today), Ok(2));
    }

    #[test]
    fn a_placed_person_is_left_out_whatever_else_holds() {
        let placed = IntroductionHistory {
            placed: true,
            ..Default::default()
        };
        assert_eq!(
            placed.batch_room(2, day("2026-12-02")),
            Err(HeldBack::Placed)
        );
    }
}
