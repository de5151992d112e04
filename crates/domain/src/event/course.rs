//! Courses (講座): several sessions; a participant who attends enough of them completes the
//! course and gains its skills.

/// The share of sessions to attend, in percent: 80% (4 of 5, 8 of 10; 3 of 3 for a short one).
pub const COMPLETION_PERCENT: u32 = 80;

/// Whether attending `attended` of `sessions` completes a course.
pub fn completed(attended: u32, sessions: u32) -> bool {
    sessions > 0 && attended * 100 >= sessions * COMPLETION_PERCENT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eighty_percent_of_the_sessions_complete_a_course() {
        assert!(completed(4, 5));
        assert!(!completed(3, 5));
        assert!(completed(8, 10));
        assert!(!completed(2, 3));
        assert!(completed(3, 3));
        assert!(completed(1, 1));
        assert!(!completed(0, 0));
    }
}
