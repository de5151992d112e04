//! How big a generated town is: the demo town's size, and towns like it of any size.

/// How big the generated part of the town is (beside the hand-written demo people).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub participants: usize,
    pub organizations: usize,
    pub requests: usize,
    pub events: usize,
}

/// The demo town's size: with the hand-written part, about 500 participants, 80
/// organizations, 150 requests and 40 events.
pub const TOWN: Size = Size {
    participants: 489,
    organizations: 74,
    requests: 142,
    events: 32,
};

/// The demo town's participants, hand-written and generated.
pub const TOWN_PARTICIPANTS: usize = 500;

impl Size {
    /// A town like the demo one with `participants` people in all (for the scale benchmark):
    /// organizations, requests and events grow with the square root of the people, as a
    /// town's openings grow more slowly than the registrations of a popular program.
    pub fn with_participants(participants: usize) -> Size {
        let factor = (participants as f64 / TOWN_PARTICIPANTS as f64).sqrt();
        let scaled = |n: usize| ((n as f64 * factor).round() as usize).max(1);
        Size {
            participants: participants
                .saturating_sub(TOWN_PARTICIPANTS - TOWN.participants)
                .max(1),
            organizations: scaled(TOWN.organizations),
            requests: scaled(TOWN.requests),
            events: scaled(TOWN.events),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_town_of_the_demo_size_is_the_demo_town_and_bigger_ones_grow_slower_in_openings() {
        assert_eq!(Size::with_participants(TOWN_PARTICIPANTS), TOWN);
        let big = Size::with_participants(50_000);
        assert_eq!(
            big.participants + TOWN_PARTICIPANTS - TOWN.participants,
            50_000
        );
        assert_eq!(
            big.requests, 1_420,
            "ten times the requests for a hundred times the people"
        );
        assert!(big.organizations > TOWN.organizations && big.events > TOWN.events);
    }
}
