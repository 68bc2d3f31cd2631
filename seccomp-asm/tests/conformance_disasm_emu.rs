//! The reference outputs of `seccomp-tools disasm` and `seccomp-tools emu`
//! (1.7.1), replayed record by record.

use seccomp_asm::disasm::{disassemble, DisasmOptions};
use seccomp_asm::emu::{emu_output, EmuInput};
use seccomp_asm::insn::decode_prefix;
use seccomp_asm::Arch;
use seccomp_conformance::first_difference;
use seccomp_conformance::unhex;
use serde_json::Value;
use std::path::PathBuf;

fn corpus_dir() -> PathBuf {
    seccomp_conformance::path("conformance")
}

fn records(name: &str) -> Vec<Value> {
    seccomp_conformance::records(&format!("conformance/{name}"))
}

fn arch_of(record: &Value) -> Arch {
    record["arch"]
        .as_str()
        .expect("arch")
        .parse()
        .expect("known arch")
}

#[test]
fn disasm_matches_the_reference() {
    let records = records("disasm.jsonl");
    assert_eq!(records.len(), 450);
    let mut failures = Vec::new();
    for record in &records {
        let arch = arch_of(record);
        let bytes = unhex(record["hex"].as_str().expect("hex"));
        let insns = decode_prefix(&bytes, arch.endian());
        let mode = record["mode"].as_str().expect("mode");
        let opts = match mode {
            "default" => DisasmOptions::new(arch),
            "nobpf" => DisasmOptions::no_bpf(arch),
            "asmable" => DisasmOptions::asm_able(arch),
            other => panic!("unknown mode {other}"),
        };
        let expected = record["out"].as_str().expect("out");
        let actual = disassemble(&insns, &opts);
        if actual != expected {
            failures.push(format!(
                "{} {arch} {mode}: {}",
                record["id"],
                first_difference(expected, &actual)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} records differ:\n{}",
        failures.len(),
        records.len(),
        failures.join("\n")
    );
}

#[test]
fn spec_records_are_the_shipped_files() {
    // The `spec:` records disassemble the little-endian files as shipped,
    // under every arch (so s390x reads them byte-swapped).
    let records = records("disasm.jsonl");
    let mut seen = 0;
    for record in &records {
        let id = record["id"].as_str().expect("id");
        let Some(name) = id.strip_prefix("spec:") else {
            continue;
        };
        let path = corpus_dir().join("bpf").join(format!("{name}.bpf"));
        let file = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(unhex(record["hex"].as_str().expect("hex")), file, "{id}");
        seen += 1;
    }
    assert_eq!(seen, 150);
}

fn u64_of(v: &Value) -> u64 {
    v.as_u64().expect("unsigned 64-bit number")
}

#[test]
fn emu_matches_the_reference() {
    let records = records("emu.jsonl");
    assert_eq!(records.len(), 300);
    let mut failures = Vec::new();
    for record in &records {
        let arch = arch_of(record);
        let insns = decode_prefix(&unhex(record["hex"].as_str().expect("hex")), arch.endian());
        // The numbers are given in decimal on the command line, so they are
        // in range; the reference masks the syscall number to 32 bits.
        let nr = u32::try_from(u64_of(&record["nr"])).expect("32-bit syscall number");
        let args: Vec<u64> = record["args"]
            .as_array()
            .expect("args")
            .iter()
            .map(u64_of)
            .collect();
        assert_eq!(args.len(), 6);
        let input =
            EmuInput::new(arch, Some(nr), &args, Some(u64_of(&record["ip"]))).expect("6 arguments");
        for (quiet, field) in [(false, "out"), (true, "quiet_out")] {
            let expected = record[field].as_str().expect(field);
            match emu_output(&insns, arch, &input, quiet, false) {
                Ok(actual) if actual == expected => {}
                Ok(actual) => failures.push(format!(
                    "{} {arch} {field}: {}",
                    record["id"],
                    first_difference(expected, &actual)
                )),
                Err(e) => failures.push(format!("{} {arch} {field}: error {e}", record["id"])),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} outputs differ:\n{}",
        failures.len(),
        2 * records.len(),
        failures.join("\n")
    );
}
