#![no_main]

// A town's travel table as uploaded (`wakucareer admin travel-table`): any text parses to a
// table or to line errors, never a panic, and a parsed table only names areas it has.
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(table) = domain::travel::TravelTable::parse(text) {
        for (a, b, minutes) in &table.minutes {
            assert!(*a < table.areas.len() && *b < table.areas.len());
            assert_eq!(table.between(*a, *b), *minutes);
        }
    }
});
