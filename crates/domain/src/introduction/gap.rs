//! The skill gaps an introduction was made with, kept beside its reasons: what the shortlist
//! showed the coordinator, stored as text so later changes to a profile do not rewrite it.

/// A skill the person (or, for a team, everyone in it) has below the level asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillGap {
    pub skill_id: String,
    pub needed: u8,
    /// 0 when the person does not have the skill at all.
    pub has: u8,
    /// Required, rather than nice to have.
    pub required: bool,
}

/// `skill_id:needed:has:required|nice`, comma separated.
pub fn encode(gaps: &[SkillGap]) -> String {
    gaps.iter()
        .map(|g| {
            let kind = if g.required { "required" } else { "nice" };
            format!("{}:{}:{}:{kind}", g.skill_id, g.needed, g.has)
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// The gaps as [`encode`] wrote them; a part that does not read is left out.
pub fn decode(text: &str) -> Vec<SkillGap> {
    text.split(',')
        .filter_map(|part| {
            let mut fields = part.split(':');
            let skill_id = fields.next().filter(|s| !s.is_empty())?.to_owned();
            let needed = fields.next()?.parse().ok()?;
            let has = fields.next()?.parse().ok()?;
            let required = match fields.next()? {
                "required" => true,
                "nice" => false,
                _ => return None,
            };
            Some(SkillGap {
                skill_id,
                needed,
                has,
                required,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_survive_the_round_trip_and_bad_parts_are_left_out() {
        let gaps = vec![
            SkillGap {
                skill_id: "spreadsheet".into(),
                needed: 3,
                has: 1,
                required: true,
            },
            SkillGap {
                skill_id: "customer-service".into(),
                needed: 2,
                has: 0,
                required: false,
            },
        ];
        let text = encode(&gaps);
        assert_eq!(text, "spreadsheet:3:1:required,customer-service:2:0:nice");
        assert_eq!(decode(&text), gaps);
        assert!(decode("").is_empty());
        assert_eq!(decode("x:1:0:maybe,spreadsheet:3:1:required").len(), 1);
    }
}
