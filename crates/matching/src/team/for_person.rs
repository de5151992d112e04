//! Teams that include a given person: whether a team project belongs in their suggestions.

use super::{DEFAULT_MAX_NODES, Team, form_including};
use crate::input::{Candidate, Opening, TravelTimes};
use crate::shortlist::{Match, Ranking, for_candidate, for_opening};
use crate::skills::SkillGraph;

/// The best team for team project `opening` that includes person `person` (indexes into
/// `candidates` and `openings`), from everyone the project fits; members as indexes into
/// `candidates`. `None` for a job, or when no such team exists.
pub fn with_person(
    graph: &SkillGraph,
    travel: &TravelTimes,
    ranking: Ranking,
    (candidates, openings): (&[Candidate], &[Opening]),
    opening: usize,
    person: usize,
) -> Option<Team> {
    let needs = openings[opening].team_needs()?;
    let list = for_opening(
        graph,
        travel,
        ranking,
        candidates,
        openings,
        opening,
        candidates.len(),
    );
    let at = list.iter().position(|m| m.candidate == person)?;
    let pool: Vec<&Candidate> = list.iter().map(|m| &candidates[m.candidate]).collect();
    let scores: Vec<f32> = list.iter().map(Match::fair_score).collect();
    form_including(graph, (&pool, &scores), &needs, at, DEFAULT_MAX_NODES).map(|mut team| {
        team.members = team.members.iter().map(|i| list[*i].candidate).collect();
        team
    })
}

/// A person's `k` best requests, where a team project counts only when a team that includes
/// them exists (see [`with_person`]).
pub fn suggestions(
    graph: &SkillGraph,
    travel: &TravelTimes,
    ranking: Ranking,
    (candidates, openings): (&[Candidate], &[Opening]),
    candidate: usize,
    k: usize,
) -> Vec<Match> {
    let every = for_candidate(
        graph,
        travel,
        ranking,
        candidates,
        openings,
        candidate,
        openings.len(),
    );
    every
        .into_iter()
        .filter(|m| {
            openings[m.opening].team.is_none()
                || with_person(
                    graph,
                    travel,
                    ranking,
                    (candidates, openings),
                    m.opening,
                    candidate,
                )
                .is_some()
        })
        .take(k)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{graph, person};
    use super::*;
    use domain::availability::{Weekday, WeeklyAvailability};

    #[test]
    fn a_team_project_is_suggested_only_to_people_a_team_can_include() {
        let graph = graph();
        let travel = TravelTimes::new(3, 10);
        let member = |id: i64, skills: Vec<(u16, u8)>, day: usize| Candidate {
            id,
            ..person(skills, day)
        };
        // Persons 0 and 1 share Friday mornings; person 2 is free only when no one else is.
        let mut alone = member(3, vec![(1, 3)], 3);
        alone.availability =
            WeeklyAvailability::empty().with_window(Weekday::new(5).unwrap(), 18, 24);
        let people = vec![
            member(1, vec![(0, 3)], 0),
            member(2, vec![(1, 3)], 1),
            alone,
        ];
        let mut project = crate::testing::opening();
        project.kind = domain::request::RequestKind::TeamProject;
        project.windows = None;
        project.min_minutes_per_week = 60;
        project.max_minutes_per_week = 120;
        project.required = vec![(0, 2), (1, 2)];
        project.nice = Vec::new();
        project.team = Some(crate::input::TeamShape {
            size_min: 2,
            size_max: 3,
            meeting_minutes: 60,
        });
        let openings = vec![project];
        let ranking = Ranking::default();
        let team = with_person(&graph, &travel, ranking, (&people, &openings), 0, 1).unwrap();
        let mut members = team.members.clone();
        members.sort_unstable();
        assert_eq!(members, [0, 1]);
        assert!(with_person(&graph, &travel, ranking, (&people, &openings), 0, 2).is_none());
        assert_eq!(
            suggestions(&graph, &travel, ranking, (&people, &openings), 1, 5).len(),
            1
        );
        assert!(
            suggestions(&graph, &travel, ranking, (&people, &openings), 2, 5).is_empty(),
            "no team can include the person free only on Saturdays"
        );
    }
}
