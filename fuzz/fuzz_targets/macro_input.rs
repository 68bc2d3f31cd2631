//! See `seccomp_suite::fuzz::macro_input` for what this target checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| seccomp_suite::fuzz::macro_input(data));
