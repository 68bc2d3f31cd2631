//! `audit` on any instructions: the human report (plain and coloured) and the
//! JSON one render, the JSON is well-formed and holds every finding.
#![no_main]

use libfuzzer_sys::fuzz_target;
use seccomp_asm::insn::decode_prefix;
use seccomp_asm::{audit, Arch};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, program)) = data.split_first() else {
        return;
    };
    let arch = Arch::ALL[usize::from(selector) % Arch::ALL.len()];
    let insns = decode_prefix(program, arch.endian());
    let Ok(report) = audit::audit(&insns, arch, Some("fuzz")) else {
        return;
    };
    let plain = report.render(false);
    assert_eq!(report.to_string(), plain);
    assert!(report.render(true).len() >= plain.len());
    let json = audit::json(std::slice::from_ref(&report));
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("audit JSON parses");
    let findings = parsed["reports"][0]["findings"]
        .as_array()
        .expect("a findings array");
    assert_eq!(findings.len(), report.findings().len());
});
