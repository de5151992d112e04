//! The profile form as typed: what `/{town}/me/profile` posts, read into the domain's
//! `ProfileInput`, and filled from what is stored.

use domain::availability::WeeklyAvailability;
use domain::income_cap::IncomeCap;
use domain::participant::ProfileInput;
use serde::Deserialize;
use store::participant::StoredProfile;

use crate::weekly_grid;

#[derive(Deserialize, Default, Debug)]
pub struct ProfileForm {
    #[serde(default)]
    pub(super) display_name: String,
    #[serde(default)]
    pub(super) furigana: String,
    #[serde(default)]
    pub(super) phone: String,
    #[serde(default)]
    pub(super) postal_code: String,
    #[serde(default)]
    pub(super) goal_track: String,
    #[serde(default)]
    pub(super) work_history: String,
    #[serde(default)]
    pub(super) career_gap_years: String,
    #[serde(default)]
    pub(super) career_gap_months: String,
    #[serde(default)]
    pub(super) slot: Vec<String>,
    /// A pressed grid button (`crate::weekly_grid::GridAction`), when not saving.
    #[serde(default)]
    pub(super) grid: String,
    #[serde(default)]
    pub(super) grid_preset: String,
    #[serde(default)]
    pub(super) max_hours_per_week: String,
    #[serde(default)]
    pub(super) earliest_start: String,
    #[serde(default)]
    pub(super) income_cap: String,
    #[serde(default)]
    pub(super) income_cap_yen: String,
    #[serde(default)]
    pub(super) expected_hourly_wage: String,
    #[serde(default)]
    pub(super) work_place: String,
    #[serde(default)]
    pub(super) commute_minutes: String,
    #[serde(default)]
    pub(super) home_area: String,
    #[serde(default)]
    pub(super) drives: String,
    #[serde(default)]
    pub(super) children_age0: String,
    #[serde(default)]
    pub(super) children_age1_2: String,
    #[serde(default)]
    pub(super) children_age3_5: String,
    #[serde(default)]
    pub(super) children_school: String,
    #[serde(default)]
    pub(super) cares_for: Vec<String>,
    #[serde(default)]
    pub(super) skill_id: Vec<String>,
    #[serde(default)]
    pub(super) skill_level: Vec<String>,
    #[serde(default)]
    pub(super) skill_evidence: Vec<String>,
}

impl ProfileForm {
    pub(super) fn availability(&self) -> WeeklyAvailability {
        weekly_grid::parse(&self.slot)
    }

    pub(crate) fn to_input(&self) -> ProfileInput {
        let skills = self
            .skill_id
            .iter()
            .enumerate()
            .filter(|(_, id)| !id.trim().is_empty())
            .map(|(i, id)| {
                (
                    id.clone(),
                    self.skill_level.get(i).cloned().unwrap_or_default(),
                    self.skill_evidence.get(i).cloned().unwrap_or_default(),
                )
            })
            .collect();
        ProfileInput {
            display_name: self.display_name.clone(),
            furigana: self.furigana.clone(),
            phone: self.phone.clone(),
            postal_code: self.postal_code.clone(),
            goal_track: self.goal_track.clone(),
            work_history: self.work_history.clone(),
            career_gap_years: self.career_gap_years.clone(),
            career_gap_months: self.career_gap_months.clone(),
            availability: self.availability(),
            max_hours_per_week: self.max_hours_per_week.clone(),
            earliest_start: self.earliest_start.clone(),
            income_cap: self.income_cap.clone(),
            income_cap_yen: self.income_cap_yen.clone(),
            expected_hourly_wage: self.expected_hourly_wage.clone(),
            work_place: self.work_place.clone(),
            commute_minutes: self.commute_minutes.clone(),
            home_area: self.home_area.clone(),
            drives: self.drives == "yes",
            children: [
                self.children_age0.clone(),
                self.children_age1_2.clone(),
                self.children_age3_5.clone(),
                self.children_school.clone(),
            ],
            cares_for: self.cares_for.clone(),
            skills,
        }
    }

    pub(super) fn from_stored(
        account: &store::account::Account,
        profile: &StoredProfile,
        skills: &[store::participant::StoredSkill],
    ) -> Self {
        let slot = weekly_grid::values(&profile.availability);
        let opt = |v: Option<u32>| v.map(|n| n.to_string()).unwrap_or_default();
        Self {
            display_name: account.display_name.clone(),
            furigana: account.furigana.clone(),
            phone: profile.phone.clone(),
            postal_code: profile.postal_code.clone(),
            goal_track: profile
                .goal_track
                .map(|g| g.code().to_owned())
                .unwrap_or_default(),
            work_history: profile.work_history.clone(),
            career_gap_years: (profile.career_gap_months / 12).to_string(),
            career_gap_months: (profile.career_gap_months % 12).to_string(),
            slot,
            grid: String::new(),
            grid_preset: String::new(),
            max_hours_per_week: (profile.max_minutes_per_week / 60).to_string(),
            earliest_start: profile
                .earliest_start
                .map(|d| d.to_string())
                .unwrap_or_default(),
            income_cap: profile.income_cap.code().to_owned(),
            income_cap_yen: match profile.income_cap {
                IncomeCap::Custom(yen) => yen.to_string(),
                _ => String::new(),
            },
            expected_hourly_wage: opt(profile.expected_hourly_wage),
            work_place: profile.work_place.code().to_owned(),
            commute_minutes: profile.commute_minutes.to_string(),
            home_area: profile.home_area.clone().unwrap_or_default(),
            drives: if profile.drives {
                "yes".into()
            } else {
                String::new()
            },
            children_age0: profile.children.0[0].to_string(),
            children_age1_2: profile.children.0[1].to_string(),
            children_age3_5: profile.children.0[2].to_string(),
            children_school: profile.children.0[3].to_string(),
            cares_for: profile
                .cares_for
                .iter()
                .map(|w| w.code().to_owned())
                .collect(),
            skill_id: skills.iter().map(|s| s.skill_id.clone()).collect(),
            skill_level: skills.iter().map(|s| s.level.to_string()).collect(),
            skill_evidence: skills.iter().map(|s| s.evidence.clone()).collect(),
        }
    }
}
