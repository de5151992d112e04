#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| web::fuzzing::request_form(data));
