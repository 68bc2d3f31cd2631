//! What `explain` claims is true: for generated filters and for the
//! corpus' and other tools' filters, inputs inside and outside each explained
//! rule get from the emulator the verdict the policy gives them (see
//! `seccomp_suite::explain_truth`; `cargo run -p xtask -- explain-truth N`
//! runs more).

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use seccomp_asm::insn::decode_prefix;
use seccomp_asm::Arch;
use seccomp_suite::explain_truth::{self, Tally};
use serde_json::Value;

#[test]
fn explained_rules_hold_on_generated_filters() {
    let cases = 3000;
    match explain_truth::run(0x5ecc_0e8a, cases, 24) {
        Ok(tally) => {
            assert_eq!(tally.filters, cases);
            // The inputs really exercise the claims.
            assert!(tally.inside > 10 * cases, "{tally:?}");
            assert!(tally.inputs > 30 * cases, "{tally:?}");
        }
        Err((case, insns, arch, d)) => panic!(
            "case {case} ({arch:?}): the emulator says {} for {:?}, the policy {:?}\nprogram: {insns:?}\n{}",
            d.emulated, d.data, d.claimed, d.policy
        ),
    }
}

fn records(name: &str) -> Vec<Value> {
    let path = format!(
        "{}/seccomp-asm/tests/data/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

#[test]
fn explained_rules_hold_on_the_corpus_and_other_tools_filters() {
    let mut tally = Tally::default();
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    for file in ["conformance/explain.jsonl", "foreign/foreign.jsonl"] {
        for r in records(file) {
            let arch: Arch = r["arch"].as_str().expect("arch").parse().expect("arch");
            let insns = decode_prefix(&unhex(r["hex"].as_str().expect("hex")), arch.endian());
            // The kernel (and so the emulator) runs only valid filters; some
            // of seccomp-tools' samples are not.
            if seccomp_asm::validate::validate(&insns).is_err() {
                continue;
            }
            match explain_truth::check(&insns, arch, &mut rng, 300) {
                Ok(t) => tally.add(t),
                Err(d) => panic!(
                    "{}: the emulator says {} for {:?}, the policy {:?}\n{}",
                    r["id"], d.emulated, d.data, d.claimed, d.policy
                ),
            }
        }
    }
    assert!(tally.filters >= 150, "{tally:?}");
    assert!(tally.inside > 2000, "{tally:?}");
}
