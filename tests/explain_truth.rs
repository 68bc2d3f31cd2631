//! What `explain` claims is true: for generated filters and for the
//! corpus' and other tools' filters, inputs inside and outside each explained
//! rule get from the emulator the verdict the policy gives them (see
//! `seccomp_suite::explain_truth`; `cargo run -p xtask -- explain-truth N`
//! runs more).

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use seccomp_asm::insn::decode_prefix;
use seccomp_asm::Arch;
use seccomp_conformance::{records, unhex};
use seccomp_suite::explain_truth::{self, Tally};

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
