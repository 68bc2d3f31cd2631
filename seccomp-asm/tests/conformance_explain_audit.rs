//! The reference outputs of `seccomp-tools explain` and `seccomp-tools
//! audit` (1.7.1), replayed through the core: the corpus, its terminal
//! (colour) variants, the benchmark filter, a filter built to multiply paths,
//! and filters made by libseccomp and firejail.

use seccomp_asm::insn::decode_prefix;
use seccomp_asm::{audit, explain, Arch};
use seccomp_conformance::first_difference;
use seccomp_conformance::unhex;
use serde_json::Value;

fn records(name: &str) -> Vec<Value> {
    seccomp_conformance::records(name)
}

fn field<'a>(record: &'a Value, name: &str) -> &'a str {
    record[name]
        .as_str()
        .unwrap_or_else(|| panic!("{name} in {}", record["id"]))
}

fn arch_of(record: &Value) -> Arch {
    field(record, "arch").parse().expect("known arch")
}

fn insns_of(record: &Value) -> Vec<seccomp_asm::Insn> {
    decode_prefix(&unhex(field(record, "hex")), arch_of(record).endian())
}

/// Runs explain, audit and audit's JSON on each record, comparing with the
/// named fields; returns the failures.
fn replay(
    records: &[Value],
    explain_key: &str,
    audit_key: &str,
    json_key: Option<&str>,
    color: bool,
) -> Vec<String> {
    let mut failures = Vec::new();
    for record in records {
        let id = field(record, "id");
        let arch = arch_of(record);
        let insns = insns_of(record);
        let source = Some(field(record, "file"));
        let mut check = |what: &str, expected: &str, actual: &str| {
            if expected != actual {
                failures.push(format!(
                    "{id} {what}: {}",
                    first_difference(expected, actual)
                ));
            }
        };
        let policy = explain::explain(&insns, arch, source).expect("walkable");
        let report = audit::audit(&insns, arch, source).expect("walkable");
        if !explain_key.is_empty() {
            check("explain", field(record, explain_key), &policy.render(color));
        }
        if !audit_key.is_empty() {
            check("audit", field(record, audit_key), &report.render(color));
        }
        if let Some(key) = json_key {
            check(
                "audit json",
                field(record, key),
                &audit::json(std::slice::from_ref(&report)),
            );
        }
    }
    failures
}

#[test]
fn explain_matches_the_reference() {
    let records = records("conformance/explain.jsonl");
    assert_eq!(records.len(), 110);
    let failures = replay(&records, "out", "", None, false);
    assert!(
        failures.is_empty(),
        "{} of 110 differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn audit_matches_the_reference_in_both_formats() {
    let records = records("conformance/audit.jsonl");
    assert_eq!(records.len(), 110);
    let failures = replay(&records, "", "out", Some("json_out"), false);
    assert!(
        failures.is_empty(),
        "{} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn terminal_colours_match_the_reference() {
    let records = records("conformance/extra/tty.jsonl");
    assert_eq!(records.len(), 20);
    let failures = replay(&records, "explain_tty", "audit_tty", None, true);
    assert!(
        failures.is_empty(),
        "{} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_benchmark_filter_matches_the_reference() {
    let records = records("conformance/extra/allow-list-4088.jsonl");
    assert_eq!(records.len(), 1);
    assert_eq!(insns_of(&records[0]).len(), 4088);
    let failures = replay(&records, "explain", "audit", Some("audit_json"), false);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_filter_of_4096_paths_matches_the_reference() {
    let records = records("conformance/extra/paths.jsonl");
    assert_eq!(records.len(), 1);
    let failures = replay(&records, "explain", "audit", Some("audit_json"), false);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn filters_of_libseccomp_and_firejail_match_the_reference() {
    let records = records("foreign/foreign.jsonl");
    assert!(records.len() >= 60, "{} records", records.len());
    let failures = replay(&records, "explain", "audit", Some("audit_json"), false);
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        records.len(),
        failures.join("\n")
    );
}
