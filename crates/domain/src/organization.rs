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

crate::coded!(
    /// Where an organization's enquiry to join is.
    EnquiryStatus {
        New = "new" => "enquiry-status-new",
        Approved = "approved" => "enquiry-status-approved",
        Declined = "declined" => "enquiry-status-declined",
    }
);
