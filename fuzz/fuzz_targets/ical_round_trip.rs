#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| web::fuzzing::ical_round_trip(data));
