//! The tenant-scoped view of the store.

use domain::MunicipalityId;

use crate::Store;

/// The store as one town sees it. Every query made through it is filtered by the town's id;
/// this is the only way the rest of the platform reaches tenant-owned rows.
#[derive(Clone, Copy)]
pub struct TenantStore<'s> {
    pub(crate) store: &'s Store,
    pub(crate) municipality_id: MunicipalityId,
}

impl<'s> TenantStore<'s> {
    pub(crate) fn new(store: &'s Store, municipality_id: MunicipalityId) -> Self {
        Self {
            store,
            municipality_id,
        }
    }

    pub fn municipality_id(&self) -> MunicipalityId {
        self.municipality_id
    }
}
