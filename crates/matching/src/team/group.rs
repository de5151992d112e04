//! The fit of a group a coordinator chose by hand, introduced together.

use domain::availability::WeeklyAvailability;
use domain::introduction::MatchReason;

use crate::input::{Candidate, Opening, TravelTimes};
use crate::score::Gap;
use crate::skills::SkillGraph;

/// How a group a coordinator chose fits an opening: the mean of its members' scores (0 for a
/// member who does not fit), the reasons every fitting member shares, and the free time they
/// all have in common.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupFit {
    pub score: i32,
    pub reasons: Vec<MatchReason>,
    pub common_time: WeeklyAvailability,
    /// Skills nobody in the group has at the level asked; `has` is the best among them.
    pub gaps: Vec<Gap>,
}

/// The gaps two members share: a skill is still missing only if both lack it.
fn shared_gaps(shared: Vec<Gap>, own: &[Gap]) -> Vec<Gap> {
    shared
        .into_iter()
        .filter_map(
            |Gap::Skill {
                 skill,
                 needed,
                 has,
                 required,
             }| {
                own.iter().find_map(
                    |Gap::Skill {
                         skill: s, has: h, ..
                     }| {
                        (*s == skill).then_some(Gap::Skill {
                            skill,
                            needed,
                            has: has.max(*h),
                            required,
                        })
                    },
                )
            },
        )
        .collect()
}

/// The fit of `members` (at least one), introduced together to `opening`.
pub fn group_fit(
    graph: &SkillGraph,
    members: &[Candidate],
    opening: &Opening,
    travel: &TravelTimes,
) -> GroupFit {
    let mut scores = Vec::with_capacity(members.len());
    let mut reasons: Option<Vec<MatchReason>> = None;
    let mut gaps: Option<Vec<Gap>> = None;
    let mut common_time = WeeklyAvailability::empty().with_full_week();
    for member in members {
        common_time = common_time.intersection(&member.availability);
        match crate::feasibility::check(member, opening, travel) {
            Ok(fit) => {
                let score = crate::score::score(graph, member, opening, &fit);
                scores.push(score.total);
                gaps = Some(match gaps {
                    None => score.explanation.gaps.clone(),
                    Some(shared) => shared_gaps(shared, &score.explanation.gaps),
                });
                let own = score.explanation.reasons;
                reasons = Some(match reasons {
                    None => own,
                    Some(shared) => shared.into_iter().filter(|r| own.contains(r)).collect(),
                });
            }
            Err(_) => scores.push(0.0),
        }
    }
    let mean = scores.iter().sum::<f32>() / scores.len().max(1) as f32;
    GroupFit {
        score: mean.round() as i32,
        reasons: reasons.unwrap_or_default(),
        common_time,
        gaps: gaps.unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_team_lacks_a_skill_only_when_every_member_lacks_it() {
        let gap = |skill, has| Gap::Skill {
            skill,
            needed: 3,
            has,
            required: true,
        };
        let shared = shared_gaps(vec![gap(1, 0), gap(2, 1)], &[gap(2, 2), gap(5, 0)]);
        assert_eq!(
            shared,
            [gap(2, 2)],
            "skill 1 is covered; 2 is missing, at best level 2"
        );
    }

    #[test]
    fn a_chosen_group_scores_its_mean_and_shares_only_common_reasons() {
        let graph = SkillGraph::from_taxonomy(&domain::skill::Taxonomy::shipped().unwrap());
        let opening = crate::testing::opening();
        let travel = crate::generator::travel();
        let fits = crate::testing::candidate();
        let alone = group_fit(&graph, std::slice::from_ref(&fits), &opening, &travel);
        assert!(alone.score > 0);
        assert!(!alone.reasons.is_empty());
        let mut cannot = fits.clone();
        cannot.id = 2;
        cannot.availability = WeeklyAvailability::empty();
        let pair = group_fit(&graph, &[fits, cannot], &opening, &travel);
        assert_eq!(pair.score, (alone.score as f32 / 2.0).round() as i32);
        assert_eq!(
            pair.reasons, alone.reasons,
            "the one who fits gives the reasons"
        );
        assert!(pair.common_time.is_empty());
    }
}
