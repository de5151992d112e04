//! Roles: what a person is on the platform.

use serde::{Deserialize, Serialize};

/// The role an account holds. Every role but the operator belongs to one town; a person may
/// hold one role per town.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// 参加者: a parent or carer who wants to work.
    Participant,
    /// 企業・団体の担当者: a member of one organization.
    OrganizationMember,
    /// コーディネーター: program staff.
    Coordinator,
    /// 町の担当者: reads reports and oversees data access.
    TownOfficer,
    /// 運営者: runs the platform and creates towns; belongs to no town.
    Operator,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Participant,
        Role::OrganizationMember,
        Role::Coordinator,
        Role::TownOfficer,
        Role::Operator,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Participant => "participant",
            Role::OrganizationMember => "organization_member",
            Role::Coordinator => "coordinator",
            Role::TownOfficer => "town_officer",
            Role::Operator => "operator",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.code() == code)
    }

    /// Staff see other people's data; every view they make of it is logged.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Coordinator | Role::TownOfficer | Role::Operator)
    }

    /// The roles this role may invite: an operator invites a town's staff, a coordinator
    /// invites organization members.
    pub fn may_invite(self, invitee: Role) -> bool {
        matches!(
            (self, invitee),
            (Role::Operator, Role::Coordinator | Role::TownOfficer)
                | (Role::Coordinator, Role::OrganizationMember)
        )
    }
}

crate::labels!(Role {
    Role::Participant => "role-participant",
    Role::OrganizationMember => "role-organization-member",
    Role::Coordinator => "role-coordinator",
    Role::TownOfficer => "role-town-officer",
    Role::Operator => "role-operator",
});
crate::stored_code!(Role, "role");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        assert_eq!(Role::from_code("admin"), None);
    }

    #[test]
    fn only_the_right_roles_invite() {
        assert!(Role::Operator.may_invite(Role::Coordinator));
        assert!(Role::Operator.may_invite(Role::TownOfficer));
        assert!(!Role::Operator.may_invite(Role::Operator));
        assert!(Role::Coordinator.may_invite(Role::OrganizationMember));
        assert!(!Role::Coordinator.may_invite(Role::Coordinator));
        assert!(!Role::TownOfficer.may_invite(Role::OrganizationMember));
        assert!(!Role::Participant.may_invite(Role::Participant));
    }
}
