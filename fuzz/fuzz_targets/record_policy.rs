//! See `seccomp_suite::fuzz::record_policy` for what this target checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| seccomp_suite::fuzz::record_policy(data));
