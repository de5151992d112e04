//! Organizations (企業・団体) that bring requests, and the enquiries of those that want to.

crate::coded!(
    /// What kind of body an organization is.
    OrganizationKind {
        Company = "company" => "organization-kind-company",
        Npo = "npo" => "organization-kind-npo",
        Government = "government" => "organization-kind-government",
        Other = "other" => "organization-kind-other",
    }
);

crate::coded!(
    /// Where an organization is based, as the town sees it.
    OrganizationLocation {
        InTown = "in_town" => "organization-location-in-town",
        InJapan = "in_japan" => "organization-location-in-japan",
        Abroad = "abroad" => "organization-location-abroad",
    }
);

/// A new organization's details: from an approved enquiry, a coordinator's form or an
/// imported list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrganization {
    pub name: String,
    pub name_en: String,
    pub kind: OrganizationKind,
    pub location: OrganizationLocation,
    pub contact_person: String,
    pub description: String,
}

crate::coded!(
    /// Where an organization's enquiry to join is.
    EnquiryStatus {
        New = "new" => "enquiry-status-new",
        Approved = "approved" => "enquiry-status-approved",
        Declined = "declined" => "enquiry-status-declined",
    }
);
