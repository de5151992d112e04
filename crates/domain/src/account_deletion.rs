//! Deleting an account: how the request came (the person on the site, or staff at the counter
//! or on the phone), and how staff checked that it was the person asking.

crate::coded!(
    /// How the deletion was asked for.
    DeletionChannel {
        Site = "site" => "deletion-channel-site",
        Counter = "counter" => "deletion-channel-counter",
        Phone = "phone" => "deletion-channel-phone",
        /// Unused for the town's retention period, after two warnings.
        Retention = "retention" => "deletion-channel-retention",
    }
);

crate::coded!(
    /// How the person's identity was checked.
    IdentityCheck {
        Password = "password" => "identity-check-password",
        PhotoId = "photo_id" => "identity-check-photo-id",
        TwoDocuments = "two_documents" => "identity-check-two-documents",
        CallBack = "call_back" => "identity-check-call-back",
        /// No one asked: the retention period ended.
        NotAsked = "not_asked" => "identity-check-not-asked",
    }
);

impl DeletionChannel {
    /// The channels staff record (the site's own is the person's, with their password).
    pub const STAFF: [DeletionChannel; 2] = [DeletionChannel::Counter, DeletionChannel::Phone];
}

impl IdentityCheck {
    /// The checks staff can record: a password is only the person's own.
    pub const STAFF: [IdentityCheck; 3] = [
        IdentityCheck::PhotoId,
        IdentityCheck::TwoDocuments,
        IdentityCheck::CallBack,
    ];

    /// A call back to the registered number proves a phone request, not one at the counter,
    /// where a document is shown.
    pub fn fits(self, channel: DeletionChannel) -> bool {
        match (self, channel) {
            (IdentityCheck::NotAsked, DeletionChannel::Retention) => true,
            (IdentityCheck::NotAsked, _) | (_, DeletionChannel::Retention) => false,
            (IdentityCheck::Password, DeletionChannel::Site) => true,
            (IdentityCheck::Password, _) | (_, DeletionChannel::Site) => false,
            (IdentityCheck::CallBack, DeletionChannel::Counter) => false,
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_record_a_document_at_the_counter_and_a_call_back_on_the_phone() {
        assert!(IdentityCheck::PhotoId.fits(DeletionChannel::Counter));
        assert!(IdentityCheck::CallBack.fits(DeletionChannel::Phone));
        assert!(IdentityCheck::TwoDocuments.fits(DeletionChannel::Phone));
        assert!(!IdentityCheck::CallBack.fits(DeletionChannel::Counter));
        assert!(!IdentityCheck::Password.fits(DeletionChannel::Counter));
        assert!(IdentityCheck::Password.fits(DeletionChannel::Site));
        assert!(!IdentityCheck::PhotoId.fits(DeletionChannel::Site));
    }
}
