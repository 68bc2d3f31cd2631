//! See `seccomp_suite::fuzz::audit` for what this target checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| seccomp_suite::fuzz::audit(data));
